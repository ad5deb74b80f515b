import type { ReactNode } from 'react';
import { termFill } from '../colors.ts';
import { STATUS_GLYPH, type ServerStatus } from '../names.ts';
import { LogCellView, SnapshotBlockView } from './LogCellView.tsx';
import type { LogCell, SnapshotBlock } from './logGeometry.ts';
import { markPath, type MarkKind } from './timelineGeometry.ts';

/** A sample of one mark; drawn with the same classes and paths as the real views. */
export type LegendMark =
  | { type: 'cell'; flags: Partial<LogCell> }
  /** The compacted start of a log (F2-IS6), over `span` columns. */
  | { type: 'snapshot'; span: number; index: number; term: number }
  | { type: 'status'; status: ServerStatus }
  | { type: 'timeline'; kind: MarkKind }
  | { type: 'term' };

export interface LegendItem {
  /** Stable React key. */
  id: string;
  mark: LegendMark;
  label: string;
  /** Why the mark matters, with the rule ID. */
  detail?: string;
}

export interface LegendProps {
  items: readonly LegendItem[];
  title?: string;
}

/** A list of marks and what they mean. */
export function Legend({ items, title }: LegendProps) {
  return (
    <div className="rl-legend">
      {title === undefined ? null : <h3 className="rl-legend-title">{title}</h3>}
      <ul className="rl-legend-list">
        {items.map((item) => (
          <li key={item.id} className="rl-legend-item">
            <span className="rl-legend-swatch" aria-hidden="true">
              {swatch(item.mark)}
            </span>
            <span className="rl-legend-label">{item.label}</span>
            {item.detail === undefined ? null : (
              <span className="rl-legend-detail">{item.detail}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

const BASE_CELL: LogCell = {
  index: 1,
  entry: undefined,
  committed: false,
  applied: false,
  isCommitIndex: false,
  isNext: false,
  matched: false,
  isMatchIndex: false,
  diverges: false,
  highlighted: false,
};

function swatch(mark: LegendMark): ReactNode {
  switch (mark.type) {
    case 'cell':
      return (
        <LogCellView cell={{ ...BASE_CELL, ...mark.flags }} serverId={1} withTooltip={false} />
      );
    case 'snapshot': {
      const block: SnapshotBlock = {
        first: 1,
        last: mark.span,
        span: mark.span,
        index: mark.index,
        term: mark.term,
        isCommitIndex: false,
        matched: false,
        isMatchIndex: false,
        highlighted: false,
      };
      return <SnapshotBlockView block={block} serverId={1} withTooltip={false} />;
    }
    case 'status':
      return (
        <span className={`rl-status rl-status-${mark.status}`}>{STATUS_GLYPH[mark.status]}</span>
      );
    case 'timeline':
      return (
        <svg className="rl-tl-swatch" width="16" height="16" viewBox="0 0 16 16">
          <path className={`rl-tl-mark rl-tl-${mark.kind}`} d={markPath(mark.kind, 8, 8, 5)} />
        </svg>
      );
    case 'term':
      return (
        <span className="rl-term-ramp">
          {[1, 2, 3, 4].map((t) => (
            <span key={t} className="rl-term-chip" style={{ backgroundColor: termFill(t) }}>
              {t}
            </span>
          ))}
        </span>
      );
  }
}
