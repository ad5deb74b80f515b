/**
 * A server's log as frames hold it: immutable, and built from the previous frame's log in work
 * that does not grow with the log's length (issue 11).
 *
 * The slots (index i of the log is slot i − 1, as in the core) are cut into leaves of LEAF slots,
 * and the leaves into groups of GROUP leaves: leaf k always holds slots k·LEAF … k·LEAF + LEAF − 1,
 * so two logs with the same slots have the same shape whatever their history. Leaves and groups
 * are frozen arrays shared between frames; a new frame copies only the leaves that changed (the
 * last one, on an append), their group, and the short list of groups. A compacted slot (F2-IS6) is
 * empty, as in the core's log; a leaf compacted whole is one shared empty leaf.
 *
 * Views read it through `length`, `at(slot)`, `entry(index)` and `slice`, never by `[i]`; the core's
 * helpers that take a ServerState (termAt, configOf, …) have frame twins here.
 */
import type { Configuration, Entry, ServerState } from '../core/types.ts';

/** Slots per leaf and leaves per group: a group holds LEAF × GROUP = 16,384 slots. */
export const LEAF = 128;
export const GROUP = 128;
const GROUP_SLOTS = LEAF * GROUP;

type Slot = Entry | undefined;
type Leaf = readonly Slot[];
type Group = readonly Leaf[];

/** A leaf whose slots were all compacted: no entry, LEAF empty slots. */
const EMPTY_LEAF: Leaf = Object.freeze(new Array<Slot>(LEAF));

const NO_GROUPS: readonly Group[] = Object.freeze([]);

export class FrameLog {
  /** The log's last index (its number of slots, compacted ones included). */
  readonly length: number;
  /** The groups of leaves (frozen, shared with other frames' logs). */
  readonly groups: readonly Group[];

  constructor(length: number, groups: readonly Group[]) {
    this.length = length;
    this.groups = groups;
    Object.freeze(this);
  }

  /**
   * The entry in slot `slot` (0-based, as `log[slot]` in the core; negative counts from the end,
   * as Array#at), undefined if compacted or out of range.
   */
  at(slot: number): Entry | undefined {
    if (slot < 0) slot += this.length;
    if (!(slot >= 0 && slot < this.length)) return undefined;
    const leaf = Math.floor(slot / LEAF);
    return this.groups[Math.floor(leaf / GROUP)]?.[leaf % GROUP]?.[slot % LEAF];
  }

  /** The entry at 1-based `index` (entryAt in the core). */
  entry(index: number): Entry | undefined {
    return this.at(index - 1);
  }

  /** Whether slot `slot` holds an entry (false for a compacted slot). */
  has(slot: number): boolean {
    return this.at(slot) !== undefined;
  }

  /** The slots `from` … `to` − 1 as a new array (compacted ones undefined), like Array#slice. */
  slice(from = 0, to = this.length): Slot[] {
    const lo = Math.max(0, from < 0 ? this.length + from : from);
    const hi = Math.min(this.length, to < 0 ? this.length + to : to);
    const out: Slot[] = [];
    for (let i = lo; i < hi; i++) out.push(this.at(i));
    return out;
  }

  /** The id of the last slot's entry (undefined if empty or compacted). */
  lastId(): string | undefined {
    return this.at(this.length - 1)?.id;
  }

  /** Every slot in order, compacted ones undefined. */
  *[Symbol.iterator](): IterableIterator<Slot> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  static readonly EMPTY = new FrameLog(0, NO_GROUPS);

  /** A frame log of `slots` built from scratch (tests, fixtures). */
  static from(slots: readonly Slot[]): FrameLog {
    return buildFrameLog(slots, undefined, 0, 0);
  }
}

/** A server as a frame holds it: the core's state, its log a FrameLog. */
export type FrameServer = Omit<ServerState, 'log'> & { readonly log: FrameLog };

/**
 * What the views read of a log: its length and `at(slot)` (0-based, undefined for a compacted
 * slot). A frame's FrameLog has both, and so has the core's array, so a view function takes a
 * frame's server or a core one (the tests' fixtures) alike.
 */
export interface LogReader {
  readonly length: number;
  at(slot: number): Entry | undefined;
}

/** A server as the views read it: a frame's, or the core's. */
export type ServerView = Omit<ServerState, 'log'> & { readonly log: LogReader };

/** A frozen copy of an entry (its client tag and configuration too). */
export function freezeEntry(e: Entry): Entry {
  const copy: Entry = { term: e.term, command: e.command, id: e.id };
  if (e.client) copy.client = Object.freeze({ ...e.client });
  // A configuration entry keeps its configuration: configOf() reads it from the log (M-1).
  if (e.config) copy.config = deepFreezeConfig(structuredClone(e.config));
  return Object.freeze(copy);
}

/** A configuration holds arrays of ids only: freezing one level down freezes it all. */
function deepFreezeConfig(c: Configuration): Configuration {
  for (const v of Object.values(c)) if (typeof v === 'object' && v !== null) Object.freeze(v);
  return Object.freeze(c);
}

/**
 * How many leading slots of `prev` hold the same entries as `live` (entries are compared by id:
 * ids are unique per appended entry, and a log that holds an entry holds the entries before it
 * as they were, Log Matching). A compacted slot matches only a compacted slot.
 */
function sharedPrefix(live: readonly Slot[], prev: FrameLog, liveSnap: number, prevSnap: number) {
  const n = Math.min(prev.length, live.length);
  // The usual case, appends only: the previous last entry is still there.
  if (prev.length <= live.length && prevSnap <= liveSnap && n > 0) {
    if (prev.at(n - 1)?.id === live[n - 1]?.id) return n;
  }
  // A truncation or a rewind: whole leaves by their last slot, then slot by slot.
  let p = 0;
  while (p < n) {
    const end = Math.min(p + LEAF - (p % LEAF), n);
    if (end - p === LEAF && prev.at(end - 1)?.id === live[end - 1]?.id) {
      p = end;
      continue;
    }
    while (p < end && prev.at(p)?.id === live[p]?.id) p++;
    break;
  }
  return p;
}

/**
 * The frame log of `live` (the core's log, compacted slots empty), sharing with `prev` every
 * leaf and group that did not change. `liveSnap` and `prevSnap` are the snapshots' last indexes:
 * the slots below them are compacted.
 */
export function buildFrameLog(
  live: readonly Slot[],
  prev: FrameLog | undefined,
  liveSnap: number,
  prevSnap: number,
): FrameLog {
  const length = live.length;
  if (
    prev !== undefined &&
    prevSnap === liveSnap &&
    prev.length === length &&
    prev.lastId() === live[length - 1]?.id
  ) {
    return prev;
  }
  if (length === 0) return FrameLog.EMPTY;
  const base = prev ?? FrameLog.EMPTY;
  // Slots below `same` hold the same entries in both (compaction aside).
  const same = prev === undefined ? 0 : sharedPrefix(live, prev, liveSnap, prevSnap);
  // Slots in [holesLo, holesHi) were compacted in one log and not in the other.
  const holesLo = Math.min(liveSnap, prevSnap);
  const holesHi = Math.max(liveSnap, prevSnap);
  const firstChanged = holesLo < holesHi ? Math.min(same, holesLo) : same;
  const leaves = Math.ceil(length / LEAF);
  const groupCount = Math.ceil(leaves / GROUP);
  const firstGroup = Math.floor(firstChanged / GROUP_SLOTS);
  const groups: Group[] = base.groups.slice(0, Math.min(firstGroup, groupCount));
  for (let g = groups.length; g < groupCount; g++) {
    const old = base.groups[g];
    const out: Leaf[] = [];
    let changed = old === undefined;
    const lastLeaf = Math.min(leaves, (g + 1) * GROUP);
    for (let k = g * GROUP; k < lastLeaf; k++) {
      const leaf = buildLeaf(k, live, old?.[k % GROUP], same, holesLo, holesHi);
      if (leaf !== old?.[k % GROUP]) changed = true;
      out.push(leaf);
    }
    groups.push(
      !changed && old !== undefined && old.length === out.length ? old : Object.freeze(out),
    );
  }
  return new FrameLog(length, Object.freeze(groups));
}

function buildLeaf(
  k: number,
  live: readonly Slot[],
  old: Leaf | undefined,
  same: number,
  holesLo: number,
  holesHi: number,
): Leaf {
  const lo = k * LEAF;
  const hi = Math.min(lo + LEAF, live.length);
  const untouched = hi <= same && (holesLo >= holesHi || hi <= holesLo || lo >= holesHi);
  if (old !== undefined && old.length === hi - lo && untouched) return old;
  if (hi - lo === LEAF && live[hi - 1] === undefined) return EMPTY_LEAF;
  const out: Slot[] = [];
  out.length = hi - lo;
  for (let i = lo; i < hi; i++) {
    const e = live[i];
    if (e === undefined) continue;
    // Below `same` the previous frame's leaf holds the same entry, already frozen: shared.
    const kept = i < same ? old?.[i - lo] : undefined;
    out[i - lo] = kept ?? freezeEntry(e);
  }
  return Object.freeze(out);
}

// The core's log helpers (raft/log.ts), for a frame's server.

/** Term of the entry at a 1-based index: 0 for index 0, the snapshot's term at its index, else -1. */
export function termAt(s: ServerView, index: number): number {
  if (index === 0) return 0;
  const entry = index > 0 ? s.log.at(index - 1) : undefined;
  if (entry !== undefined) return entry.term;
  return s.snapshot !== null && index === s.snapshot.index ? s.snapshot.term : -1;
}

/** Index of the configuration in force (M-1), that of the snapshot's, or 0 for the base one. */
export function configIndexOf(s: ServerView): number {
  const last = s.configIndexes.at(-1);
  if (last !== undefined) return last;
  return s.snapshot?.configIndex ?? 0;
}

/** The configuration in force (M-1): the latest in the log, else the snapshot's, else the base. */
export function configOf(s: ServerView): Configuration | null {
  const last = s.configIndexes.at(-1);
  if (last !== undefined) return s.log.at(last - 1)?.config ?? null;
  return s.snapshot !== null ? s.snapshot.config : s.baseConfig;
}
