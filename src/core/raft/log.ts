/**
 * A server's log and the configuration it implies. The log changes in exactly two ways: append at
 * the end, and truncate a suffix (INV-LAO checks the leader never does the latter). Configuration
 * entries are tracked as the log changes, because a server uses the latest configuration in its
 * log, committed or not, and falls back to the previous one when that entry is truncated (M-1).
 */
import type { ClientTag, Configuration, Entry, ServerState, Snapshot } from '../types.ts';
import type { RaftContext } from './context.ts';
import { noteWrite } from '../../core/sharedList.ts';

export function lastLogIndex(s: ServerState): number {
  return s.log.length;
}

export function lastLogTerm(s: ServerState): number {
  return termAt(s, s.log.length);
}

/** The index of the last entry the snapshot covers (0 without one): entries up to it are gone. */
export function snapshotIndex(s: Pick<ServerState, 'snapshot'>): number {
  return s.snapshot?.index ?? 0;
}

/** The entry at a 1-based index, or undefined when absent or discarded into the snapshot. */
export function entryAt(s: Pick<ServerState, 'log'>, index: number): Entry | undefined {
  return s.log[index - 1];
}

/**
 * Term of the entry at a 1-based index; 0 for index 0 ("before the first entry"), the snapshot's
 * last included term at its index, -1 if absent or discarded (F2-IS6).
 */
export function termAt(s: ServerState, index: number): number {
  if (index === 0) return 0;
  const entry = s.log[index - 1];
  if (entry !== undefined) return entry.term;
  return s.snapshot !== null && index === s.snapshot.index ? s.snapshot.term : -1;
}

/** The entries in `from..to` (1-based, inclusive) that the log still holds, in order. */
export function entriesIn(s: Pick<ServerState, 'log'>, from: number, to: number): Entry[] {
  const out: Entry[] = [];
  for (let i = Math.max(1, from); i <= Math.min(to, s.log.length); i++) {
    const e = s.log[i - 1];
    if (e !== undefined) out.push(e);
  }
  return out;
}

export function appendToLog(s: ServerState, entry: Entry): void {
  s.log.push(entry);
  if (entry.config !== undefined) s.configIndexes.push(s.log.length);
  markDirty(s, s.log.length);
}

/** Deletes the entries from `fromIndex` on; returns how many were removed. */
export function truncateLog(s: ServerState, requestedFrom: number): number {
  // The snapshot's entries are committed: nothing below it is ever deleted (F2-IS6).
  const fromIndex = Math.max(requestedFrom, snapshotIndex(s) + 1);
  const removed = s.log.length - fromIndex + 1;
  if (removed <= 0) return 0;
  noteWrite(s.log, fromIndex - 1);
  s.log.length = fromIndex - 1;
  while ((lastConfigIndex(s) ?? 0) >= fromIndex) s.configIndexes.pop();
  markDirty(s, fromIndex);
  return removed;
}

/**
 * The index of the last configuration entry in the log, if any. Tested for emptiness first: an
 * empty array read at -1 is a named-property lookup in V8, and configOf runs for every message.
 */
function lastConfigIndex(s: ServerState): number | undefined {
  const n = s.configIndexes.length;
  return n > 0 ? s.configIndexes[n - 1] : undefined;
}

function markDirty(s: ServerState, index: number): void {
  s.logDirtyFrom = s.logDirtyFrom === 0 ? index : Math.min(s.logDirtyFrom, index);
}

/**
 * Index of the configuration in force (M-1): its entry's index, that of the snapshot's
 * configuration when the entry was compacted away, or 0 for the base one.
 */
export function configIndexOf(s: ServerState): number {
  const last = lastConfigIndex(s);
  if (last !== undefined) return last;
  return s.snapshot?.configIndex ?? 0;
}

/**
 * The configuration in force (M-1): the latest in the log, committed or not; below the log, the
 * one the snapshot recorded (F2-IS6), else the base one.
 */
export function configOf(s: ServerState): Configuration | null {
  const last = lastConfigIndex(s);
  if (last !== undefined) return s.log[last - 1]?.config ?? null;
  return s.snapshot !== null ? s.snapshot.config : s.baseConfig;
}

/** The configuration in force as of `index` (what a snapshot at `index` records), and its index. */
export function configAsOf(
  s: ServerState,
  index: number,
): { config: Configuration | null; configIndex: number } {
  for (let k = s.configIndexes.length - 1; k >= 0; k--) {
    const at = s.configIndexes[k] as number;
    if (at <= index) return { config: s.log[at - 1]?.config ?? null, configIndex: at };
  }
  if (s.snapshot !== null)
    return { config: s.snapshot.config, configIndex: s.snapshot.configIndex };
  return { config: s.baseConfig, configIndex: 0 };
}

/** Rebuilds the configuration index after the log was replaced wholesale (initial state). */
export function indexConfigs(s: ServerState): void {
  s.configIndexes = [];
  s.log.forEach((e, i) => {
    if (e.config !== undefined) s.configIndexes.push(i + 1);
  });
}

/**
 * Log compaction (F2-IS6): `snapshot` replaces the entries up to its index, which are discarded
 * (their slots left empty), with the configuration indexes they held. Returns how many entries
 * were discarded. Only ever called with committed, applied state.
 */
export function compactLog(s: ServerState, snapshot: Snapshot): number {
  const from = snapshotIndex(s) + 1;
  let discarded = 0;
  noteWrite(s.log, from - 1);
  for (let i = from; i <= Math.min(snapshot.index, s.log.length); i++) {
    if (s.log[i - 1] !== undefined) discarded++;
    delete s.log[i - 1];
  }
  s.configIndexes = s.configIndexes.filter((i) => i > snapshot.index);
  s.snapshot = snapshot;
  return discarded;
}

/**
 * F2-IS5: the whole log is discarded and replaced by `snapshot` (its slots up to the snapshot's
 * index empty). Returns how many entries were discarded.
 */
export function replaceLogWithSnapshot(s: ServerState, snapshot: Snapshot): number {
  let discarded = 0;
  for (const e of s.log) if (e !== undefined) discarded++;
  s.log = [];
  s.log.length = snapshot.index;
  s.configIndexes = [];
  s.snapshot = snapshot;
  markDirty(s, 1);
  return discarded;
}

/** A leader appends a new entry of its term (F2-L2, F2-L7, M-1 for configuration entries). */
export function appendAsLeader(
  s: ServerState,
  command: string,
  extra: { client?: ClientTag; config?: Configuration },
  ctx: RaftContext,
): void {
  const index = lastLogIndex(s) + 1;
  const entry: Entry = { term: s.term, command, id: ctx.entryId(s.id, s.term, index) };
  if (extra.client !== undefined) entry.client = extra.client;
  if (extra.config !== undefined) entry.config = extra.config;
  appendToLog(s, entry);
  ctx.emit({ type: 'append', server: s.id, index, term: s.term, command, time: ctx.now });
}
