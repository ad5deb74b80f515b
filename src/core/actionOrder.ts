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

const RANKS = new Map(KEY_ORDER.map((key, i) => [key, i]));

function rank(key: string): number {
  return RANKS.get(key) ?? KEY_ORDER.length;
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

/**
 * A deep copy of an action, as structuredClone makes it: an action whose own keys all hold
 * numbers, strings, booleans, null or undefined (most of them: requests, crashes…) is copied key
 * by key, which costs a fraction of a structured clone; anything else is cloned.
 */
export function copyAction(action: Action): Action {
  if (Array.isArray(action) || Object.getPrototypeOf(action) !== Object.prototype) {
    return structuredClone(action);
  }
  const source = action as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in source) {
    if (!Object.hasOwn(source, key)) continue;
    const v = source[key];
    const flat =
      v === null ||
      v === undefined ||
      typeof v === 'number' ||
      typeof v === 'string' ||
      typeof v === 'boolean';
    if (!flat || key === '__proto__') return structuredClone(action);
    out[key] = v;
  }
  return out as unknown as Action;
}
