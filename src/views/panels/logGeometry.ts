/**
 * Pure layout and labelling for the log panel: which indexes are on screen, and what each cell
 * means. Kept out of the components so 10,000-entry logs are tested in Node.
 */
import { EN_T, type Translate } from '../../i18n/index.ts';
import type { Entry, PeerState, Snapshot } from '../../core/types.ts';
import type { LogReader, ServerView } from '../../store/frameLog.ts';
import { clientName, serverName } from '../names.ts';
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
  server: ServerView;
  /** The leader's log; its compacted slots are holes (F2-IS6). */
  leaderLog: LogReader | null;
  /** The leader's snapshot: the only term it still knows below its log is its last included one. */
  leaderSnapshot?: Pick<Snapshot, 'index' | 'term'> | null;
  view: LeaderView | null;
  highlighted: (index: number) => boolean;
}

/**
 * The leader's term at `index`: its entry's, its snapshot's at the last included index, null
 * where it compacted the entry away (unknown: never called diverging), undefined past its log.
 */
function leaderTermAt(ctx: CellContext, index: number): number | null | undefined {
  const entry = ctx.leaderLog?.at(index - 1);
  if (entry !== undefined) return entry.term;
  const snap = ctx.leaderSnapshot ?? null;
  if (snap !== null && index === snap.index) return snap.term;
  if (snap !== null && index < snap.index) return null;
  return undefined;
}

export function logCell(ctx: CellContext, index: number): LogCell {
  const { server, view, leaderLog } = ctx;
  // Undefined past the end of the log and, after a snapshot, in the compacted prefix.
  const entry: Entry | undefined = server.log.at(index - 1);
  const leaderTerm = leaderTermAt(ctx, index);
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
      leaderLog !== null && entry !== undefined && leaderTerm !== null && leaderTerm !== entry.term,
    highlighted: ctx.highlighted(index),
  };
}

/** The title-attribute text of a cell: every fact, with the Figure 2 rule behind it. */
export function cellTooltip(serverId: number, cell: LogCell, t: Translate = EN_T): string {
  const who = serverName(serverId);
  const e = cell.entry;
  const lines =
    e === undefined
      ? [t('cell.empty', { who, index: cell.index })]
      : [
          t('cell.entry', { who, index: cell.index, term: e.term }),
          e.command === 'noop'
            ? t('cell.noop')
            : e.config !== undefined
              ? t('mem.entryTitle', { config: configWords(e.config, t) })
              : t('cell.command', { command: e.command }),
          ...(e.client === undefined
            ? []
            : [t('cell.from', { client: clientName(e.client.client), seq: e.client.seq })]),
          t(cell.committed ? 'cell.committed' : 'cell.uncommitted'),
          ...(cell.applied ? [t('cell.applied')] : []),
        ];
  if (cell.isCommitIndex) lines.push(t('cell.commitIndex', { who }));
  if (cell.diverges) lines.push(t('cell.diverges'));
  if (cell.isNext) lines.push(t('cell.next', { who }));
  if (cell.isMatchIndex) lines.push(t('cell.match', { who }));
  return lines.join('\n');
}

/**
 * The compacted prefix of a row as drawn (F2-IS6): one block over the visible indexes it covers,
 * `first..last`, instead of a cell per discarded entry. Null when it is off screen or absent.
 */
export interface SnapshotBlock {
  first: number;
  last: number;
  /** Columns it spans. */
  span: number;
  /** The snapshot's last included index and term. */
  index: number;
  term: number;
  /** The block ends at the snapshot's last index, which is commitIndex / the leader's matchIndex. */
  isCommitIndex: boolean;
  matched: boolean;
  isMatchIndex: boolean;
  highlighted: boolean;
}

export function snapshotBlock(
  server: Pick<ServerView, 'snapshot' | 'commitIndex'>,
  win: LogWindow,
  view: LeaderView | null,
  highlighted: (index: number) => boolean,
): SnapshotBlock | null {
  const snap = server.snapshot;
  if (snap === null || snap.index < win.first || win.last < win.first) return null;
  const first = win.first;
  const last = Math.min(snap.index, win.last);
  const endsHere = last === snap.index;
  let lit = false;
  for (let i = first; i <= last && !lit; i++) lit = highlighted(i);
  return {
    first,
    last,
    span: last - first + 1,
    index: snap.index,
    term: snap.term,
    isCommitIndex: endsHere && server.commitIndex === snap.index,
    matched: view !== null && view.matchIndex >= last,
    isMatchIndex: endsHere && view !== null && view.matchIndex === snap.index,
    highlighted: lit,
  };
}

/** Room for "snapshot ≤ 40 · t2"; a narrower block says "≤ 40" (its tooltip says the rest). */
export const FULL_LABEL_SPAN = 4;

export function snapshotBlockLabel(block: SnapshotBlock, t: Translate = EN_T): string {
  return block.span >= FULL_LABEL_SPAN
    ? t('snap.block', { index: block.index, term: block.term })
    : t('snap.blockShort', { index: block.index });
}

export function snapshotBlockTooltip(
  serverId: number,
  block: SnapshotBlock,
  t: Translate = EN_T,
): string {
  const who = serverName(serverId);
  const lines = [t('snap.blockTitle', { name: who, index: block.index, term: block.term })];
  if (block.isCommitIndex) lines.push(`commitIndex of ${who} (F2-S5)`);
  if (block.isMatchIndex)
    lines.push(`leader’s matchIndex for ${who}: replicated up to here (F2-AE8)`);
  return lines.join('\n');
}

export function snapshotBlockClasses(block: SnapshotBlock): string {
  const classes = ['rl-cell', 'rl-snap-block'];
  if (block.span < FULL_LABEL_SPAN) classes.push('is-narrow');
  if (block.isCommitIndex) classes.push('is-commit-index');
  if (block.matched) classes.push('is-matched');
  if (block.isMatchIndex) classes.push('is-match-index');
  if (block.highlighted) classes.push('is-highlighted');
  return classes.join(' ');
}

/**
 * How many entries a log holds, never counting discarded ones: "52 entries", or after a snapshot
 * "entries 41–52 after a snapshot at 40" (F2-IS6). The log stays absolutely indexed.
 */
export function logCountText(s: Pick<ServerView, 'log' | 'snapshot'>, t: Translate = EN_T): string {
  const last = s.log.length;
  const snap = s.snapshot?.index ?? 0;
  if (snap === 0) return t(last === 1 ? 'fact.entry' : 'fact.entries', { n: last });
  if (last <= snap) return t('snap.rowEmpty', { index: snap });
  return t('snap.rowCount', { first: snap + 1, last, index: snap });
}

/** Slots to lay out: the longest log, plus one free slot for the next entry and any caret. */
export function logSlots(servers: readonly ServerView[], leader: ServerView | null): number {
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

/**
 * Fit mode (presenter): every row and every slot on screen at once, with the cells as large as the
 * box allows. Sizes in rem, mirrored by presenter.css: the label column holds the status glyph and
 * the name only, the index row one line of 1rem type, and each row keeps its lanes for the
 * nextIndex caret above and the matchIndex underline below.
 */
export const FIT_LABEL_REM = 3.75;
export const FIT_INDEX_ROW_REM = 1.5;
export const FIT_LANES_REM = 1.375;
/** Smallest cell that still holds a two-digit term in 1rem bold type. */
export const FIT_MIN_CELL_REM = 1.6;
/**
 * On a phone the reader holds the screen: cells may shrink to this (px) with 12 px type
 * (PHONE_CELL_FONT_PX) rather than page, so a 12-entry log fits a 390 px screen.
 */
export const PHONE_MIN_CELL_PX = 18;
export const PHONE_CELL_FONT_PX = 12;

/** The type of a fitted cell (px): 1rem, or smaller in cells too small for it, never under 12. */
export function fitCellFontPx(cellPx: number, rem: number): number {
  return Math.max(PHONE_CELL_FONT_PX, Math.min(rem, Math.floor(cellPx * 0.62)));
}
export const FIT_MAX_CELL_REM = 3;

export interface LogFit {
  /** Side of a cell in px (whole pixels, so columns line up). */
  cellPx: number;
  /** Columns shown: every slot when they fit at the smallest cell size, fewer otherwise. */
  cells: number;
}

/**
 * The cell size that shows `rows` rows of `slots` slots in a `width` × `height` box (px). When even
 * the smallest readable cell is too wide, it keeps that size and shows fewer columns (the panel
 * pages); when the rows are too many for the height, cells shrink with it, down to 1.25rem.
 */
export function fitLogCells(
  width: number,
  height: number,
  rows: number,
  slots: number,
  rem: number,
  minCellPx: number = FIT_MIN_CELL_REM * rem,
): LogFit {
  const gap = CELL_GAP_REM * rem;
  const track = width - FIT_LABEL_REM * rem;
  const columns = Math.max(1, Math.floor(slots));
  const byWidth = (track + gap) / columns - gap;
  const byHeight = (height - FIT_INDEX_ROW_REM * rem) / Math.max(1, rows) - FIT_LANES_REM * rem;
  const best = Math.min(byWidth, byHeight, FIT_MAX_CELL_REM * rem);
  if (best >= minCellPx) return { cellPx: Math.floor(best), cells: columns };
  const cellPx = Math.floor(
    Math.max(1.25 * rem, Math.min(byHeight, FIT_MIN_CELL_REM * rem, FIT_MAX_CELL_REM * rem)),
  );
  const fitting = Math.max(1, Math.floor((track + gap) / (cellPx + gap)));
  return { cellPx, cells: Math.min(columns, fitting) };
}

/**
 * How tightly the lab packs its log rows (not presenter mode): `normal` rows with the commit and
 * applied counts; `compact` and `dense` rows when the logs area is too short for every server's
 * row (nine servers at 1440×900 or 1280×720). Sizes in rem, mirrored by panels.css
 * (.rl-log-compact, .rl-log-dense): cell plus the caret lane above and the match lane below.
 */
export type LogDensity = 'normal' | 'compact' | 'dense';
export const DENSITY_ROW_REM: Readonly<Record<LogDensity, number>> = {
  normal: 3.625,
  compact: 2.75,
  dense: 1.75,
};
export const DENSITY_CELL_REM: Readonly<Record<LogDensity, number>> = {
  normal: CELL_REM,
  compact: 1.75,
  dense: 1.25,
};
/** The index row above the rows (0.6875rem type). */
export const INDEX_ROW_REM = 1;
/**
 * How much taller the normal tier's header is taken to be until it has been measured (its page
 * buttons have words and may wrap to a second line; the tighter tiers' are arrows).
 */
export const DENSITY_MARGIN_REM = 3;

/**
 * The roomiest tier whose rows all fit: `normalPx` is the rows' room under the normal tier's
 * header, `tightPx` under the tighter tiers' (shorter) one. Dense when even its rows do not fit
 * (the logs area scrolls).
 */
export function logDensity(
  normalPx: number,
  tightPx: number,
  rows: number,
  rem: number,
): LogDensity {
  const n = Math.max(1, rows);
  const need = (d: LogDensity): number => (INDEX_ROW_REM + n * DENSITY_ROW_REM[d]) * rem;
  if (need('normal') <= normalPx) return 'normal';
  return need('compact') <= tightPx ? 'compact' : 'dense';
}

/** How many log cells of a tier fit in a row of the given width (the label column shrinks too). */
export function cellsThatFitDensity(widthPx: number, remPx: number, density: LogDensity): number {
  if (density === 'normal') return cellsThatFit(widthPx, remPx);
  const label = (density === 'dense' ? 3.5 : 4) * remPx;
  const cell = DENSITY_CELL_REM[density] * remPx;
  const gap = CELL_GAP_REM * remPx;
  return Math.max(1, Math.floor((widthPx - label + gap) / (cell + gap)));
}
