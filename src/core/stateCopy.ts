/**
 * Copies of the simulation state, for checkpoints and for restoring them (time travel). A copy
 * must share nothing the simulation changes in place, or a checkpoint would drift as the run goes
 * on. But what grows with the run is mostly made once and never changed: the entries of every log
 * (an entry is written when it is appended and never modified after), the actions, and the
 * checker's lists of ids, terms and hashes, whose items are strings and numbers. So a copy takes
 * those lists as fresh arrays of the same items (a pointer copy), and copies the rest of the state
 * whole. Deep-copying every entry made a checkpoint of a long run cost as much as simulating
 * several seconds of it.
 */
import type { CheckerState } from './checkerState.ts';
import type { Action, ClientState, Entry } from './types.ts';
import { freezeStore, thawInto, thawList, type FrozenList } from './sharedList.ts';
import type { SimState } from './sim.ts';

/** The checker's lists of strings and numbers (copied by a slice). */
const FLAT_LISTS = [
  'leaderCommittedIds',
  'leaderCommitTerms',
  'committedIds',
  'committedTerms',
  'committedChain',
  'appliedIds',
] as const satisfies readonly (keyof CheckerState)[];

type FlatList = (typeof FLAT_LISTS)[number];

export function copyState(state: SimState): SimState {
  const logs: Entry[][] = state.servers.map((s) => s.log);
  const actions = state.actions;
  const checker = state.checker;
  const flat = FLAT_LISTS.map((key) => checker[key]);
  const chains = checker.chains;
  const executed = checker.executed;
  const firstResults = checker.firstResults;
  let copy: SimState;
  // The big lists step out while the rest is cloned, then step back in (nothing can run between).
  try {
    for (const s of state.servers) s.log = [];
    state.actions = [];
    for (const key of FLAT_LISTS) (checker[key] as unknown[]) = [];
    checker.chains = [];
    checker.executed = [];
    checker.firstResults = [];
    copy = structuredClone(state);
  } finally {
    state.servers.forEach((s, i) => (s.log = logs[i] as Entry[]));
    state.actions = actions;
    FLAT_LISTS.forEach((key, i) => ((checker[key] as unknown) = flat[i]));
    checker.chains = chains;
    checker.executed = executed;
    checker.firstResults = firstResults;
  }
  // Array.prototype.slice keeps the holes of a compacted log.
  copy.servers.forEach((s, i) => (s.log = (logs[i] as Entry[]).slice()));
  copy.actions = actions.slice();
  FLAT_LISTS.forEach(
    (key: FlatList, i) => ((copy.checker[key] as unknown) = (flat[i] as unknown[]).slice()),
  );
  copy.checker.chains = chains.map((chain) => chain.slice());
  copy.checker.executed = executed.map((perClient) => perClient.map((seqs) => seqs.slice()));
  copy.checker.firstResults = firstResults.map((results) => results.slice());
  return copy;
}

/**
 * A checkpoint in shared form (snapshotState): the state without its long lists, cloned, and the
 * long lists frozen (sharedList.ts), each sharing what did not change with the previous frozen
 * copy of the same live list. Its cost and its new memory depend on what changed since the last
 * snapshot, not on how long the run is.
 */
export interface StateSnapshot {
  /**
   * The state with every long list emptied and no client's answered requests: packed into a
   * string (packState), or a structured clone when it cannot be packed exactly.
   */
  readonly rest: string | SimState;
  /** The state's actionCursor (what the recorder reads without unpacking). */
  readonly actionCursor: number;
  /** Each client's answered requests (records never changed once made: shared, not copied). */
  readonly done: readonly (readonly ClientState['done'][number][])[];
  /**
   * The long lists one after the other (flatten): each one's store (null: a hole) and its length,
   * two arrays rather than an object per list; `stores` and `shape` are the previous snapshot's
   * own arrays when they are equal, as they are in most snapshots.
   */
  readonly stores: readonly unknown[];
  readonly lengths: readonly number[];
  /** How the lists nest (flatten). */
  readonly shape: readonly number[];
}

/** The long lists of a state, and putting them back (both in the same order). */
interface LongLists {
  logs: Entry[][];
  actions: Action[];
  flat: unknown[][];
  chains: number[][];
  executed: (true | undefined)[][][];
  firstResults: (string | undefined)[][];
}

function takeLists(state: SimState): LongLists {
  const checker = state.checker;
  const lists: LongLists = {
    logs: state.servers.map((s) => s.log),
    actions: state.actions,
    flat: FLAT_LISTS.map((key) => checker[key] as unknown[]),
    chains: checker.chains,
    executed: checker.executed,
    firstResults: checker.firstResults,
  };
  for (const s of state.servers) s.log = [];
  state.actions = [];
  for (const key of FLAT_LISTS) (checker[key] as unknown[]) = [];
  checker.chains = [];
  checker.executed = [];
  checker.firstResults = [];
  return lists;
}

type AnyList = readonly unknown[];

/**
 * The long lists in one row (undefined: a hole in an array of lists) and the numbers that nest
 * them back (nest): how many logs, chains, servers in `executed` and clients in `firstResults`,
 * then the length of each server's `executed` (−1: a hole).
 */
function flatten(lists: LongLists): { items: (AnyList | undefined)[]; shape: number[] } {
  const items: (AnyList | undefined)[] = [];
  const shape = [
    lists.logs.length,
    lists.chains.length,
    lists.executed.length,
    lists.firstResults.length,
  ];
  const add = (group: readonly AnyList[]) => {
    for (let i = 0; i < group.length; i++) items.push(group[i]);
  };
  add(lists.logs);
  items.push(lists.actions);
  add(lists.flat);
  add(lists.chains);
  for (let s = 0; s < lists.executed.length; s++) {
    const perClient = lists.executed[s];
    shape.push(perClient === undefined ? -1 : perClient.length);
    if (perClient !== undefined) add(perClient);
  }
  add(lists.firstResults);
  return { items, shape };
}

/** The lists of `flatten`'s row, `next` giving them one after the other (undefined: a hole). */
function nest(shape: readonly number[], next: () => unknown[] | undefined): LongLists {
  const group = <T>(n: number): T[] => {
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) {
      const list = next();
      if (list !== undefined) out[i] = list as T;
    }
    return out;
  };
  const [logs = 0, chains = 0, executed = 0, firstResults = 0] = shape;
  const out: LongLists = {
    logs: group(logs),
    actions: next() as Action[],
    flat: group(FLAT_LISTS.length),
    chains: group(chains),
    executed: new Array<(true | undefined)[][]>(executed),
    firstResults: [],
  };
  for (let s = 0; s < executed; s++) {
    const clients = shape[4 + s] ?? -1;
    if (clients >= 0) out.executed[s] = group(clients);
  }
  out.firstResults = group(firstResults);
  return out;
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The last snapshot's arrays of each live state, reused by the next when equal. */
const lastArrays = new WeakMap<
  SimState,
  { stores: readonly unknown[]; shape: readonly number[]; done: readonly (readonly unknown[])[] }
>();

function putLists(state: SimState, lists: LongLists): void {
  const checker = state.checker;
  state.servers.forEach((s, i) => (s.log = lists.logs[i] as Entry[]));
  state.actions = lists.actions;
  FLAT_LISTS.forEach((key, i) => ((checker[key] as unknown) = lists.flat[i]));
  checker.chains = lists.chains;
  checker.executed = lists.executed;
  checker.firstResults = lists.firstResults;
}

export function snapshotState(state: SimState): StateSnapshot {
  const lists = takeLists(state);
  // A client's answered requests are records never changed once made: shared, not cloned.
  const done = state.clients.map((c) => c.done);
  let rest: string | SimState;
  try {
    for (const c of state.clients) c.done = [];
    const packed = packState(state);
    if (packed === null) unpacked++;
    rest = packed ?? structuredClone(state);
  } finally {
    putLists(state, lists);
    state.clients.forEach((c, i) => (c.done = done[i] as typeof c.done));
  }
  const { items, shape: newShape } = flatten(lists);
  const newStores = items.map((list) => (list === undefined ? null : freezeStore(list)));
  const lengths = items.map((list) => (list === undefined ? 0 : list.length));
  const last = lastArrays.get(state);
  const stores = last !== undefined && sameItems(last.stores, newStores) ? last.stores : newStores;
  const shape = last !== undefined && sameItems(last.shape, newShape) ? last.shape : newShape;
  // Array.prototype.map keeps holes (a client id never used), and skips them. A client whose
  // answered requests did not change since the last snapshot shares that snapshot's copy.
  const shared = last?.done;
  const keptDone = done.map((records, c) => {
    const before = shared?.[c] as typeof records | undefined;
    return before !== undefined && sameItems(before, records) ? before : records.slice();
  });
  lastArrays.set(state, { stores, shape, done: keptDone });
  return { rest, actionCursor: state.actionCursor, done: keptDone, stores, lengths, shape };
}

/**
 * A new live state from a snapshot (which is left as it was, and can be restored again). With
 * `recycle`, a state that will never be used again (the run being left for the snapshot's
 * position), its long lists are rewritten in place instead of copied whole (thawInto), so a
 * restore costs what differs between the two positions rather than the length of the run.
 */
export function restoreSnapshot(snapshot: StateSnapshot, recycle?: SimState): SimState {
  const rest = snapshot.rest;
  const state = typeof rest === 'string' ? unpackState<SimState>(rest) : structuredClone(rest);
  // The run being left lends its lists where they line up with the snapshot's (the same shape).
  let lent: (AnyList | undefined)[] | undefined;
  if (recycle !== undefined) {
    const old = flatten(takeLists(recycle));
    if (sameItems(old.shape, snapshot.shape)) lent = old.items;
  }
  let k = 0;
  putLists(
    state,
    nest(snapshot.shape, () => {
      const i = k++;
      const store = snapshot.stores[i];
      if (store === null || store === undefined) return undefined;
      const frozen: FrozenList<unknown> = { length: snapshot.lengths[i] ?? 0, store };
      const list = lent?.[i] as unknown[] | undefined;
      return list === undefined ? thawList(frozen) : thawInto(frozen, list);
    }),
  );
  state.clients.forEach((c, i) => (c.done = (snapshot.done[i] ?? []).slice()));
  return state;
}

/**
 * The state without its long lists, packed into one string: JSON, with a short list of fixes for
 * what JSON cannot hold (array holes, undefined items, NaN, ±Infinity, −0, and an object reached
 * twice, such as a log entry carried by several messages in flight, which JSON writes twice and
 * the fix joins back into one object). Null when it cannot be packed exactly: an object that is not
 * plain (a Map, a class instance, a typed array), an own property holding undefined (JSON drops
 * the key, and a restore would lose its place among the keys), a cycle, a bigint or a function, a
 * `toJSON` property. A structured clone keeps a checkpoint's state as several hundred objects that
 * the garbage collector copies when young and marks again at every major collection, and the
 * recorder keeps one every 2,000 queue items of the run; a string is one object the collector
 * never looks into, and JSON.stringify and JSON.parse cost less than a structured clone.
 */

/**
 * A fix: its code, the length n of the path it applies to, that path from the root (keys and
 * indexes), then for SAME_AS the path of the object the place holds (its first occurrence).
 */
type Fix = (string | number)[];

const HOLE = 0;
const UNDEFINED = 1;
const NOT_A_NUMBER = 2;
const PLUS_INFINITY = 3;
const MINUS_INFINITY = 4;
const MINUS_ZERO = 5;
const SAME_AS = 6;

/** States left to a structured clone so far (tests check that a run's checkpoints are packed). */
let unpacked = 0;

export function unpackedSnapshots(): number {
  return unpacked;
}

class NotPackable extends Error {}

function numberFix(v: number): number | null {
  if (v !== v) return NOT_A_NUMBER;
  if (v === Infinity) return PLUS_INFINITY;
  if (v === -Infinity) return MINUS_INFINITY;
  if (v === 0 && 1 / v < 0) return MINUS_ZERO;
  return null;
}

interface Scan {
  readonly path: (string | number)[];
  readonly fixes: Fix[];
  /**
   * Objects met so far, and the ones met again with the path of their second place. An object
   * met again on its own path (a cycle) is taken for a shared one here; JSON.stringify then
   * refuses the cycle and packState gives up (no set of the objects on the current path).
   */
  readonly seen: Set<object>;
  readonly again: { target: object; fix: Fix }[];
}

function fixAt(scan: Scan, code: number, last: string | number): Fix {
  const fix: Fix = [code, scan.path.length + 1, ...scan.path, last];
  scan.fixes.push(fix);
  return fix;
}

/** Checks the value at `scan.path` + `key` (in `holder`), collecting fixes; throws NotPackable. */
function scanValue(scan: Scan, value: unknown, key: string | number): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number': {
      const code = numberFix(value);
      if (code !== null) fixAt(scan, code, key);
      return;
    }
    case 'object':
      if (value === null) return;
      break;
    default:
      throw new NotPackable();
  }
  if (scan.seen.has(value)) {
    scan.again.push({ target: value, fix: fixAt(scan, SAME_AS, key) });
    return;
  }
  scan.path.push(key);
  scanObject(scan, value);
  scan.path.pop();
}

function scanObject(scan: Scan, value: object): void {
  scan.seen.add(value);
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) throw new NotPackable();
    const list = value as unknown[];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (item === undefined) fixAt(scan, i in list ? UNDEFINED : HOLE, i);
      else scanValue(scan, item, i);
    }
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new NotPackable();
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const item = record[key];
      if (item === undefined || key === 'toJSON') throw new NotPackable();
      scanValue(scan, item, key);
    }
  }
}

/** The path of each target's first place under `root`, in the order JSON writes them. */
function firstPaths(root: object, targets: Set<object>): Map<object, (string | number)[]> {
  const found = new Map<object, (string | number)[]>();
  const seen = new Set<object>();
  const path: (string | number)[] = [];
  const visit = (value: unknown, key: string | number): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    path.push(key);
    walk(value);
    path.pop();
  };
  const walk = (value: object): void => {
    seen.add(value);
    if (targets.has(value) && !found.has(value)) found.set(value, path.slice());
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) visit(value[i], i);
    else for (const key of Object.keys(value)) visit((value as Record<string, unknown>)[key], key);
  };
  walk(root);
  return found;
}

/** `state` as one string, or null when JSON cannot hold it exactly (see above). */
export function packState(state: object): string | null {
  const scan: Scan = { path: [], fixes: [], seen: new Set(), again: [] };
  try {
    scanObject(scan, state);
  } catch (e) {
    if (e instanceof NotPackable) return null;
    throw e;
  }
  if (scan.again.length > 0) {
    const paths = firstPaths(state, new Set(scan.again.map((a) => a.target)));
    for (const { target, fix } of scan.again) fix.push(...(paths.get(target) as Fix));
  }
  try {
    return JSON.stringify([scan.fixes, state]);
  } catch (e) {
    // A cycle (the scan took it for a shared object): left to a structured clone.
    if (e instanceof TypeError) return null;
    throw e;
  }
}

const FIXED: readonly unknown[] = [undefined, undefined, NaN, Infinity, -Infinity, -0];

function resolve(root: unknown, path: readonly (string | number)[], from: number, to: number) {
  let at = root as Record<string | number, unknown>;
  for (let k = from; k < to; k++) at = at[path[k] as string] as Record<string | number, unknown>;
  return at;
}

/** A new state from packState's string: the same values, holes, key order and shared objects. */
export function unpackState<T>(packed: string): T {
  const [fixes, state] = JSON.parse(packed) as [Fix[], T];
  for (const fix of fixes) {
    const code = fix[0] as number;
    const end = 2 + (fix[1] as number);
    const holder = resolve(state, fix, 2, end - 1);
    const key = fix[end - 1] as string | number;
    if (code === HOLE) delete holder[key];
    else if (code === SAME_AS) holder[key] = resolve(state, fix, end, fix.length);
    else holder[key] = FIXED[code];
  }
  return state;
}
