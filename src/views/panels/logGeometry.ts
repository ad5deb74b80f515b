/**
 * Pure layout and labelling for the log panel: which indexes are on screen, and what each cell
 * means. Kept out of the components so 10,000-entry logs are tested in Node.
 */
import { EN_T, type Translate } from '../../app/i18n/index.ts';
import type { Entry, PeerState, ServerState } from '../../core/types.ts';
import { clientName, serverName } from '../format.ts';
import { configWords } from '../membership.ts';

/** A window of log indexes, 1-based and inclusive; `last < first` means no slots at all. */
export interface LogWindow {
  first: number;
  last: number;
}

/**
 * The index range to show. `totalLen` counts slots (the longest log plus one free slot where the
 * next entry goes); `viewportCells` is how many fit; `anchor` is the index wanted at the right
 * edge, or null to follow the tail as entries arrive.
 */
export function logWindow(
  totalLen: number,
  viewportCells: number,
  anchor: number | null,
): LogWindow {
  const total = Math.max(0, Math.floor(totalLen));
  const cells = Math.max(1, Math.floor(viewportCells));
  if (total === 0) return { first: 1, last: 0 };
  const wanted = anchor === null ? total : Math.min(total, Math.max(1, Math.floor(anchor)));
  // Never leave blank columns on the left while there are entries to fill them.
  const last = Math.max(wanted, Math.min(cells, total));
  return { first: Math.max(1, last - cells + 1), last };
}

/**
 * The anchor after one page of navigation: a page earlier keeps one column of overlap so the
 * reader keeps their place; paging past the tail returns null (follow the tail again).
 */
export function pageAnchor(win: LogWindow, direction: -1 | 1, totalLen: number): number | null {
  const cells = Math.max(1, win.last - win.first + 1);
  if (direction < 0) return Math.max(1, win.first);
  const next = win.last + cells - 1;
  return next >= totalLen ? null : next;
}

/** What the leader knows about one follower: its nextIndex and matchIndex (F2-S7, F2-S8). */
export type LeaderView = Pick<PeerState, 'nextIndex' | 'matchIndex'>;

export interface LogCell {
  index: number;
  /** Undefined for a free slot past the end of this server's log. */
  entry: Entry | undefined;
  committed: boolean;
  applied: boolean;
  isCommitIndex: boolean;
  /** The leader's nextIndex for this follower points here. */
  isNext: boolean;
  /** At or below the leader's matchIndex for this follower. */
  matched: boolean;
  isMatchIndex: boolean;
  /** The leader has no entry or another term here: it will be overwritten (F2-AE4). */
  diverges: boolean;
  highlighted: boolean;
}

export interface CellContext {
  server: ServerState;
  leaderLog: readonly Entry[] | null;
  view: LeaderView | null;
  highlighted: (index: number) => boolean;
}

export function logCell(ctx: CellContext, index: number): LogCell {
  const { server, view, leaderLog } = ctx;
  const entry = server.log[index - 1];
  const leaderEntry = leaderLog?.[index - 1];
  return {
    index,
    entry,
    committed: entry !== undefined && index <= server.commitIndex,
    applied: entry !== undefined && index <= server.lastApplied,
    isCommitIndex: index === server.commitIndex,
    isNext: view !== null && index === view.nextIndex,
    matched: view !== null && index <= view.matchIndex,
    isMatchIndex: view !== null && index === view.matchIndex,
    diverges:
      leaderLog !== null &&
      entry !== undefined &&
      (leaderEntry === undefined || leaderEntry.term !== entry.term),
    highlighted: ctx.highlighted(index),
  };
}

/** The title-attribute text of a cell: every fact, with the Figure 2 rule behind it. */
export function cellTooltip(serverId: number, cell: LogCell, t: Translate = EN_T): string {
  const who = serverName(serverId);
  const e = cell.entry;
  const lines =
    e === undefined
      ? [`${who} · index ${cell.index} · empty`]
      : [
          `${who} · entry ${cell.index} · term ${e.term}`,
          e.command === 'noop'
            ? 'no-op: a new leader’s first entry (F2-L7)'
            : e.config !== undefined
              ? t('mem.entryTitle', { config: configWords(e.config, t) })
              : `command: ${e.command}`,
          ...(e.client === undefined
            ? []
            : [`from ${clientName(e.client.client)}, request #${e.client.seq}`]),
          cell.committed
            ? 'committed: stored on a majority and safe forever (F2-L5, INV-LC)'
            : 'not committed: a later leader may overwrite it (F2-AE4)',
          ...(cell.applied ? ['applied to the state machine (F2-A1)'] : []),
        ];
  if (cell.isCommitIndex) lines.push(`commitIndex of ${who} (F2-S5)`);
  if (cell.diverges) lines.push('not in the leader’s log: the leader will overwrite it (F2-AE4)');
  if (cell.isNext)
    lines.push(`leader’s nextIndex for ${who}: the next AppendEntries starts here (F2-L3)`);
  if (cell.isMatchIndex)
    lines.push(`leader’s matchIndex for ${who}: replicated up to here (F2-AE8)`);
  return lines.join('\n');
}

/** Slots to lay out: the longest log, plus one free slot for the next entry and any caret. */
export function logSlots(servers: readonly ServerState[], leader: ServerState | null): number {
  let slots = 0;
  for (const s of servers) slots = Math.max(slots, s.log.length + 1);
  for (const p of leader?.peers ?? []) slots = Math.max(slots, p.nextIndex);
  return slots;
}

/** CSS classes of a cell; the legend draws its samples with the same function, so they agree. */
export function cellClasses(cell: LogCell): string {
  const classes = ['rl-cell'];
  if (cell.entry === undefined) classes.push('is-empty');
  else if (cell.entry.config !== undefined) classes.push('is-config');
  else classes.push(cell.committed ? 'is-committed' : 'is-uncommitted');
  if (cell.applied) classes.push('is-applied');
  if (cell.isCommitIndex) classes.push('is-commit-index');
  if (cell.isNext) classes.push('is-next');
  if (cell.matched) classes.push('is-matched');
  if (cell.isMatchIndex) classes.push('is-match-index');
  if (cell.diverges) classes.push('is-diverging');
  if (cell.highlighted) classes.push('is-highlighted');
  return classes.join(' ');
}

/** Sizes in rem, mirrored by panels.css (--rl-cell-size, --rl-log-label, --rl-cell-gap). */
export const CELL_REM = 2.25;
export const CELL_GAP_REM = 0.125;
export const LOG_LABEL_REM = 5;

/** How many log cells fit in a row of the given width. */
export function cellsThatFit(widthPx: number, remPx: number): number {
  const track = widthPx - LOG_LABEL_REM * remPx;
  return Math.max(
    1,
    Math.floor((track + CELL_GAP_REM * remPx) / ((CELL_REM + CELL_GAP_REM) * remPx)),
  );
}
