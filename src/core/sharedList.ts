/**
 * Frozen copies of long lists that share their items: what lets time travel keep a checkpoint
 * every second or two of a long run without copying whole logs each time.
 *
 * The frozen copies of one live list keep their items in a shared store: chunks of CHUNK items,
 * filled in order and never changed below the length of any copy that reads them. A frozen copy is
 * only a length and its store, so freezing a list again copies just the items pushed since the last
 * freeze (or written below it) and holds only that much new memory, however long the list is. A
 * write other than a push at the end (a truncation, an overwrite, a deletion) must call `noteWrite`
 * (the core's log and checker do, at the few places they truncate or overwrite); the next freeze
 * then starts a new store from that position, sharing the whole chunks below it with the old one,
 * which the older copies keep reading. Those marks live beside the lists (a WeakMap), never inside
 * the simulation state, so they change nothing the run computes.
 *
 * Items are shared, not copied: they must be primitives or objects that are never modified (log
 * entries, actions). Holes (a compacted log's emptied slots) stay holes.
 */

/** Items per chunk of a store. */
export const CHUNK = 256;

/** How many stores a store remembers having started from (to find what two copies share). */
const ANCESTRY = 6;

/** A store other stores started from, known by a token (so its chunks are not held alive). */
interface Ancestor {
  readonly token: object;
  /** Positions below this hold the same items in both stores. */
  readonly upTo: number;
}

/** Where the frozen copies of one list keep their items. */
interface Store {
  /** Chunk c holds positions [c·CHUNK, c·CHUNK + CHUNK); only positions ≥ `filled` are written. */
  readonly chunks: unknown[][];
  /** Positions written so far. */
  filled: number;
  readonly token: object;
  readonly ancestors: readonly Ancestor[];
}

export interface FrozenList<T> {
  readonly length: number;
  /** @internal Where the items are (shared with other copies of the same list). */
  readonly store: unknown;
  /** @internal Never set: ties the copy to its item type. */
  readonly item?: T;
}

interface Mark {
  readonly store: Store;
  /** Positions of the live list below this hold the store's items (lowered by `noteWrite`). */
  synced: number;
}

const marks = new WeakMap<readonly unknown[], Mark>();

/** Items copied into stores so far (tests count them to check a freeze copies only what is new). */
let copied = 0;

export function itemsCopied(): number {
  return copied;
}

/**
 * Records that `list[index]` (and maybe what follows) changed other than by a push at the end: a
 * truncation to `index` items, an overwrite or a deletion at `index`. Cheap when nobody froze
 * the list.
 */
export function noteWrite(list: readonly unknown[], index: number): void {
  const mark = marks.get(list);
  if (mark !== undefined && index < mark.synced) mark.synced = index;
}

function newStore(): Store {
  return { chunks: [], filled: 0, token: {}, ancestors: [] };
}

/** A store with the first `upTo` items of `from` (whole chunks shared, the last part copied). */
function forkStore(from: Store, upTo: number): Store {
  const whole = Math.floor(upTo / CHUNK);
  const chunks = from.chunks.slice(0, whole);
  const rest = upTo - whole * CHUNK;
  if (rest > 0) {
    // Array.prototype.slice keeps holes.
    chunks.push((from.chunks[whole] as unknown[]).slice(0, rest));
    copied += rest;
  }
  const ancestors = [{ token: from.token, upTo }];
  for (const a of from.ancestors) {
    if (ancestors.length >= ANCESTRY) break;
    ancestors.push({ token: a.token, upTo: Math.min(a.upTo, upTo) });
  }
  return { chunks, filled: upTo, token: {}, ancestors };
}

/** A frozen copy of `list`, sharing its items with the previous frozen copies of the list. */
export function freezeList<T>(list: readonly T[]): FrozenList<T> {
  return { length: list.length, store: freezeStore(list) };
}

/**
 * freezeList without the copy's wrapper: the store that holds `list` as it is now (its first
 * `list.length` items never change). A caller that keeps many copies can keep their stores and
 * lengths in two arrays instead of an object each, and rebuild a FrozenList to thaw one.
 */
export function freezeStore(list: readonly unknown[]): unknown {
  const n = list.length;
  const mark = marks.get(list);
  let store: Store;
  if (mark === undefined) {
    store = newStore();
  } else {
    const synced = Math.min(mark.synced, n);
    store = synced < mark.store.filled ? forkStore(mark.store, synced) : mark.store;
  }
  const chunks = store.chunks;
  for (let i = store.filled; i < n; i++) {
    const c = (i / CHUNK) | 0;
    let chunk = chunks[c];
    if (chunk === undefined) {
      // The chunk before is full: its last slots, if holes, still count (thawList joins chunks).
      if (c > 0) (chunks[c - 1] as unknown[]).length = CHUNK;
      chunk = [];
      chunks.push(chunk);
    }
    // A hole stays a hole (the chunk's slot is never written).
    if (i in list) chunk[i - c * CHUNK] = list[i];
  }
  copied += Math.max(0, n - store.filled);
  store.filled = Math.max(store.filled, n);
  if (mark === undefined || mark.store !== store) marks.set(list, { store, synced: n });
  else mark.synced = n;
  return store;
}

/** How many leading items copies in stores `a` and `b` have in common, from their ancestry. */
function commonPrefix(a: Store, b: Store): number {
  if (a === b) return Infinity;
  let best = 0;
  for (const x of [{ token: a.token, upTo: Infinity }, ...a.ancestors]) {
    if (x.token === b.token) best = Math.max(best, x.upTo);
    for (const y of b.ancestors) {
      if (x.token === y.token) best = Math.max(best, Math.min(x.upTo, y.upTo));
    }
  }
  for (const y of b.ancestors) if (y.token === a.token) best = Math.max(best, y.upTo);
  return best;
}

/** Copies positions [from, to) of `store` into `list` (holes left unwritten). */
function copyOut<T>(store: Store, from: number, to: number, list: T[]): void {
  const chunks = store.chunks;
  for (let i = from; i < to;) {
    const c = (i / CHUNK) | 0;
    const chunk = chunks[c] as unknown[];
    const base = c * CHUNK;
    const end = Math.min(to, base + CHUNK);
    for (; i < end; i++) {
      const k = i - base;
      if (k in chunk) list[i] = chunk[k] as T;
    }
  }
}

/**
 * Turns `list`, a live list that will not be used as it is any more, into a list with the items of
 * `frozen`, rewriting only what differs: a time-travel restore costs what changed between the two
 * positions, not the length of the run. Falls back to a fresh copy (thawList) when `list` was never
 * frozen or thawed. Holes are kept.
 */
export function thawInto<T>(frozen: FrozenList<T>, list: T[]): T[] {
  const mark = marks.get(list);
  if (mark === undefined) return thawList(frozen);
  const store = frozen.store as Store;
  const keep = Math.min(mark.synced, list.length, frozen.length, commonPrefix(mark.store, store));
  list.length = keep;
  copyOut(store, keep, frozen.length, list);
  list.length = frozen.length;
  marks.set(list, { store, synced: frozen.length });
  return list;
}

/**
 * A new, mutable list with the items of `frozen` (holes kept). It is marked as a copy of
 * `frozen`, so freezing it later shares with it.
 */
export function thawList<T>(frozen: FrozenList<T>): T[] {
  const store = frozen.store as Store;
  const n = frozen.length;
  const parts: unknown[][] = [];
  for (let c = 0; c * CHUNK < n; c++) {
    const chunk = store.chunks[c] as unknown[];
    // slice keeps holes; a chunk whose last slots are holes may be shorter than its part.
    parts.push(c * CHUNK + CHUNK <= n ? chunk : chunk.slice(0, n - c * CHUNK));
  }
  const list = ([] as T[]).concat(...(parts as T[][]));
  list.length = n;
  marks.set(list, { store, synced: n });
  return list;
}
