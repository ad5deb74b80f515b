/**
 * A server's log and the configuration it implies. The log changes in exactly two ways: append at
 * the end, and truncate a suffix (INV-LAO checks the leader never does the latter). Configuration
 * entries are tracked as the log changes, because a server uses the latest configuration in its
 * log, committed or not, and falls back to the previous one when that entry is truncated (M-1).
 */
import type { ClientTag, Configuration, Entry, ServerState } from '../types.ts';
import type { RaftContext } from './context.ts';

export function lastLogIndex(s: ServerState): number {
  return s.log.length;
}

export function lastLogTerm(s: ServerState): number {
  return s.log[s.log.length - 1]?.term ?? 0;
}

/** Term of the entry at a 1-based index; 0 for index 0 ("before the first entry"), -1 if absent. */
export function termAt(s: ServerState, index: number): number {
  if (index === 0) return 0;
  return s.log[index - 1]?.term ?? -1;
}

export function appendToLog(s: ServerState, entry: Entry): void {
  s.log.push(entry);
  if (entry.config !== undefined) s.configIndexes.push(s.log.length);
  markDirty(s, s.log.length);
}

/** Deletes the entries from `fromIndex` on; returns how many were removed. */
export function truncateLog(s: ServerState, fromIndex: number): number {
  const removed = s.log.length - fromIndex + 1;
  if (removed <= 0) return 0;
  s.log.length = fromIndex - 1;
  while ((s.configIndexes[s.configIndexes.length - 1] ?? 0) >= fromIndex) s.configIndexes.pop();
  markDirty(s, fromIndex);
  return removed;
}

function markDirty(s: ServerState, index: number): void {
  s.logDirtyFrom = s.logDirtyFrom === 0 ? index : Math.min(s.logDirtyFrom, index);
}

/** Index of the configuration in force (M-1): its entry's index, or 0 for the base one. */
export function configIndexOf(s: ServerState): number {
  return s.configIndexes[s.configIndexes.length - 1] ?? 0;
}

/** The configuration in force (M-1): the latest in the log, committed or not. */
export function configOf(s: ServerState): Configuration | null {
  const index = configIndexOf(s);
  if (index === 0) return s.baseConfig;
  return s.log[index - 1]?.config ?? s.baseConfig;
}

/** Rebuilds the configuration index after the log was replaced wholesale (initial state). */
export function indexConfigs(s: ServerState): void {
  s.configIndexes = [];
  s.log.forEach((e, i) => {
    if (e.config !== undefined) s.configIndexes.push(i + 1);
  });
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
  ctx.emit({ type: 'append', server: s.id, index, term: s.term, command });
}
