/**
 * Actions in the trace, with one key order. The trace hash is FNV-1a over the JSON of each event,
 * and JSON keeps an object's key order, so the same action built in two places (the lab stamps
 * `{ ...action, at }`, a scenario file or share link lists `at` first) would hash differently
 * while the run is identical. The order below is the one the action types are written in.
 */
import type { Action } from './types.ts';

const KEY_ORDER = [
  'at',
  'do',
  'server',
  'command',
  'client',
  'type',
  'from',
  'to',
  'groups',
  'link',
  'message',
  'latencyMs',
  'loss',
  'duplication',
  'ms',
];

function rank(key: string): number {
  const i = KEY_ORDER.indexOf(key);
  return i === -1 ? KEY_ORDER.length : i;
}

function byRank(a: string, b: string): number {
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A copy of the action with its keys in the canonical order (unknown keys last, by name). */
export function canonicalAction(action: Action): Action {
  const keys = Object.keys(action);
  // Keys are distinct, so there is one canonical order: an action already in it (as most are)
  // needs no sorting.
  let sorted = true;
  for (let i = 1; sorted && i < keys.length; i++) {
    sorted = byRank(keys[i - 1] as string, keys[i] as string) < 0;
  }
  if (!sorted) keys.sort(byRank);
  const source = action as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out as unknown as Action;
}
