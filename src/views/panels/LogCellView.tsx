import { Fragment, memo } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import { termFill } from '../colors.ts';
import {
  cellClasses,
  cellTooltip,
  snapshotBlockClasses,
  snapshotBlockLabel,
  snapshotBlockTooltip,
  type LogCell,
  type SnapshotBlock,
} from './logGeometry.ts';

export interface LogCellViewProps {
  cell: LogCell;
  serverId: number;
  /** Without it the cell is a plain span (no tab stop); with it, a button. */
  onSelect?: ((server: number, index: number) => void) | undefined;
  /** The legend draws samples without tooltips. */
  withTooltip?: boolean;
}

/**
 * One log slot. Marks that must read without colour are glyphs (✓ applied, ▼ nextIndex, ≠
 * diverging) or CSS shapes keyed on the classes (commit bar, match underline, hatching), so the
 * legend can draw the very same element.
 */
export const LogCellView = memo(LogCellViewInner, sameCellProps);

/**
 * A frame re-renders only the cells whose facts changed, not the whole visible window of every
 * row: each fact of a cell is a primitive or its entry, and entries are shared between frames.
 */
function sameCellProps(a: LogCellViewProps, b: LogCellViewProps): boolean {
  return (
    a.serverId === b.serverId &&
    a.onSelect === b.onSelect &&
    a.withTooltip === b.withTooltip &&
    sameCell(a.cell, b.cell)
  );
}

export function sameCell(x: LogCell, y: LogCell): boolean {
  return (
    x === y ||
    (x.index === y.index &&
      x.entry === y.entry &&
      x.committed === y.committed &&
      x.applied === y.applied &&
      x.isCommitIndex === y.isCommitIndex &&
      x.isNext === y.isNext &&
      x.matched === y.matched &&
      x.isMatchIndex === y.isMatchIndex &&
      x.diverges === y.diverges &&
      x.highlighted === y.highlighted)
  );
}

function LogCellViewInner({ cell, serverId, onSelect, withTooltip = true }: LogCellViewProps) {
  const entry = cell.entry;
  const className = cellClasses(cell);
  const style = entry === undefined ? undefined : { backgroundColor: termFill(entry.term) };
  const t = useLabT();
  const title = withTooltip ? cellTooltip(serverId, cell, t) : undefined;
  const body = (
    <>
      {entry === undefined ? null : <span className="rl-cell-term">{entry.term}</span>}
      {entry?.config !== undefined ? (
        <span className="rl-glyph rl-glyph-config" aria-hidden="true">
          ⚙
        </span>
      ) : null}
      {cell.applied ? (
        <span className="rl-glyph rl-glyph-applied" aria-hidden="true">
          ✓
        </span>
      ) : null}
      {cell.isNext ? (
        <span className="rl-glyph rl-glyph-next" aria-hidden="true">
          ▼
        </span>
      ) : null}
      {cell.diverges ? (
        <span className="rl-glyph rl-glyph-diverges" aria-hidden="true">
          ≠
        </span>
      ) : null}
    </>
  );
  if (onSelect === undefined) {
    return (
      <span className={className} style={style} title={title}>
        {body}
      </span>
    );
  }
  return (
    <button
      type="button"
      className={className}
      style={style}
      title={title}
      aria-label={title?.split('\n')[0]}
      onClick={() => onSelect(serverId, cell.index)}
    >
      {body}
    </button>
  );
}

export interface SnapshotBlockViewProps {
  block: SnapshotBlock;
  serverId: number;
  withTooltip?: boolean;
}

/**
 * The compacted start of a log (F2-IS6): one block as wide as the columns it covers, labelled
 * with its last included index and term. It is not an entry: a pale face with a double outline,
 * and a stripe of its term's colour on the left.
 */
export function SnapshotBlockView({ block, serverId, withTooltip = true }: SnapshotBlockViewProps) {
  const t = useLabT();
  // In cell units, so the block lines up with the cells whatever their size (presenter mode).
  const width = `calc(${block.span} * var(--rl-cell-size) + ${Math.max(0, block.span - 1)} * var(--rl-cell-gap))`;
  return (
    <span
      className={snapshotBlockClasses(block)}
      style={{ width, flexBasis: width, borderLeftColor: termFill(block.term) }}
      title={withTooltip ? snapshotBlockTooltip(serverId, block, t) : undefined}
      data-snapshot={block.index}
    >
      {/* Parts that never break inside: a label that wraps (presenter mode) breaks at a dot. */}
      <span className="rl-snap-label">
        {snapshotBlockLabel(block, t)
          .split(' · ')
          .map((part, i) => (
            <Fragment key={i}>
              {i > 0 ? ' · ' : null}
              <span className="rl-snap-part">{part}</span>
            </Fragment>
          ))}
      </span>
    </span>
  );
}
