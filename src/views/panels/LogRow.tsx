import { memo } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import type { Snapshot } from '../../core/types.ts';
import type { LogReader, ServerView } from '../../store/frameLog.ts';
import { STATUS_GLYPH, serverName, serverStatus } from '../names.ts';
import { LogCellView, SnapshotBlockView } from './LogCellView.tsx';
import { logCell, logCountText, snapshotBlock } from './logGeometry.ts';

export interface LogRowProps {
  server: ServerView;
  /** The visible index window, 1-based inclusive (plain numbers so memo can compare them). */
  first: number;
  last: number;
  /** The leader's log, to mark diverging entries; null on the leader's own row or without one. */
  leaderLog: LogReader | null;
  /** The leader's snapshot, whose last included term is all it knows below its log (F2-IS6). */
  leaderSnapshot?: Snapshot | null;
  /** The leader's nextIndex and matchIndex for this server, or null (F2-S7, F2-S8). */
  nextIndex: number | null;
  matchIndex: number | null;
  /** Highlighted indexes of this row; empty set with `wholeRow` highlights every entry. */
  highlight: ReadonlySet<number>;
  wholeRow: boolean;
  onSelectEntry?: ((server: number, index: number) => void) | undefined;
}

/**
 * One server's log: a label and the cells of the visible window only (virtualized). A compacted
 * prefix is one block, not a cell per discarded entry (F2-IS6).
 */
export const LogRow = memo(function LogRow(props: LogRowProps) {
  const { server, first, last, leaderLog, nextIndex, matchIndex, highlight, wholeRow } = props;
  const t = useLabT();
  const status = serverStatus(server);
  const view = nextIndex === null || matchIndex === null ? null : { nextIndex, matchIndex };
  const ctx = {
    server,
    leaderLog,
    leaderSnapshot: props.leaderSnapshot ?? null,
    view,
    highlighted: (i: number) => (wholeRow && i <= server.log.length) || highlight.has(i),
  };
  const cells = [];
  const block = snapshotBlock(server, { first, last }, view, ctx.highlighted);
  if (block !== null) {
    cells.push(<SnapshotBlockView key="snapshot" block={block} serverId={server.id} />);
  }
  for (let i = block === null ? first : block.last + 1; i <= last; i++) {
    const cell = logCell(ctx, i);
    cells.push(
      <LogCellView key={i} cell={cell} serverId={server.id} onSelect={props.onSelectEntry} />,
    );
  }
  const leaderFacts =
    view === null ? '' : `, leader’s nextIndex ${view.nextIndex}, matchIndex ${view.matchIndex}`;
  return (
    <div className={`rl-log-row rl-row-${status}`}>
      <div className="rl-log-label">
        <span className={`rl-status rl-status-${status}`} aria-hidden="true">
          {STATUS_GLYPH[status]}
        </span>
        <span className="rl-log-name">{serverName(server.id)}</span>
        <span
          className="rl-log-nums"
          aria-hidden="true"
          title={t('tip.logNums', { commit: server.commitIndex, applied: server.lastApplied })}
        >
          {/* One line each: "commit 6" over "applied 5", whatever the language's word lengths. */}
          {t('logs.nums', { commit: server.commitIndex, applied: server.lastApplied })
            .split(' · ')
            .map((part, i) => (
              // By place, not by text: a new commit index rewrites the number, not the element.
              <span key={i} className="rl-log-num">
                {part}
              </span>
            ))}
        </span>
        <span className="rl-sr-only">
          {`${t(`status.${status}`)}, ${logCountText(server, t)}, commitIndex ${server.commitIndex}, lastApplied ${server.lastApplied}${leaderFacts}`}
        </span>
      </div>
      <div className="rl-log-cells">{cells}</div>
    </div>
  );
});
