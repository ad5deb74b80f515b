/**
 * The recorder's list of notable events as the views get it: published after every frame, so it
 * must not be copied each time. The recorder appends events to chunks of EVENT_CHUNK; a published
 * list (EventList) is the chunks as they were and a length, and reads only below that length, so
 * later appends never change what it holds. Anything else the recorder does to its list (drop the
 * oldest chunk, cut it back at a fork, swap timelines) makes a new array of chunks, copying at
 * most the one chunk it cuts into; published lists keep the old one.
 *
 * Before, each publish copied the whole list (up to 20,000 events): in Node a list that long is
 * allocated in the large-object space, which made a copy cost milliseconds.
 *
 * A log given a Packer keeps each chunk it has filled packed (for events: typed arrays of their
 * values, eventPacker), so what it keeps for minutes is not thousands of small heap objects that
 * every young-generation collection copies until they reach the old generation; only the chunk
 * being filled holds the objects as they came. Reading a packed item decodes its chunk (the last
 * few decoded chunks are cached), so an item read twice may be two equal objects: readers tell
 * lists apart by position (`start`, `lineage`, followsOn), not by the identity of their items.
 */

/** A filled chunk in packed form, as a Packer makes it. */
export interface PackedChunk {
  /** Items in the chunk. */
  readonly n: number;
  /** Each item's shape (a type and its keys in order: eventPacker's table). */
  readonly shapes: Uint16Array;
  /** Where each item's values begin in `values` and `kinds`. */
  readonly starts: Uint32Array;
  /** The values: numbers as they are, strings as indexes into `strings`, booleans as 0 and 1. */
  readonly values: Float64Array;
  /** What each value is (number, string, boolean, null, undefined). */
  readonly kinds: Uint8Array;
  readonly strings: readonly string[];
  /** Items that are not encoded (kept as they are), by position in the chunk; null: none. */
  readonly kept: ReadonlyMap<number, unknown> | null;
  /** Each item's time, readable without decoding (timeAt). */
  readonly times: Float64Array;
}

/** How a log packs its filled chunks and reads them back (exactly: equal items, same order). */
export interface Packer<T> {
  pack(items: readonly T[]): PackedChunk;
  unpack(chunk: PackedChunk): T[];
}

type Chunk<T> = readonly T[] | PackedChunk;

const isPacked = <T>(chunk: Chunk<T>): chunk is PackedChunk => !Array.isArray(chunk);

/** Decoded chunks kept for reads nearby (a feed's visible lines, a binary search's last steps). */
const DECODED_CACHE = 8;
const decoded: { chunk: PackedChunk; items: readonly unknown[] }[] = [];

function decode<T>(chunk: PackedChunk, packer: Packer<T>): readonly T[] {
  for (let k = 0; k < decoded.length; k++) {
    const hit = decoded[k] as (typeof decoded)[number];
    if (hit.chunk === chunk) {
      if (k > 0) {
        decoded.splice(k, 1);
        decoded.unshift(hit);
      }
      return hit.items as readonly T[];
    }
  }
  const items = packer.unpack(chunk);
  decoded.unshift({ chunk, items });
  if (decoded.length > DECODED_CACHE) decoded.length = DECODED_CACHE;
  return items;
}

/** The items of a chunk as an array (decoded when packed). */
function itemsOf<T>(chunk: Chunk<T>, packer: Packer<T> | null): readonly T[] {
  if (!isPacked(chunk)) return chunk;
  if (packer === null) throw new Error('a packed chunk without its packer');
  return decode(chunk, packer);
}

const NUMBER = 0;
const STRING = 1;
const BOOLEAN = 2;
const NULL = 3;
const UNDEFINED = 4;

interface Shape {
  readonly id: number;
  readonly type: unknown;
  readonly keys: readonly string[];
  /** Where `time` is among the keys. */
  readonly timeAt: number;
}

/** Room to encode a chunk in, grown when a chunk needs more (reused from chunk to chunk). */
let scratchValues = new Float64Array(4096);
let scratchKinds = new Uint8Array(4096);

/**
 * Events in typed arrays, so a packed chunk is a few arrays (their bytes outside the JS heap) and
 * a list of strings instead of one object per event. An event is encoded when all its own
 * enumerable values are strings, numbers (NaN, infinities and −0 too), booleans, null or
 * undefined, and it has a `time`: its type and keys, in their order, make its shape, and its
 * values follow. Any other event (an action, a configuration change, a violation: `plain` says
 * which types never qualify) is kept as it is, frozen already. Decoding builds each event again
 * key by key, frozen: equal to the one encoded, with the same keys in the same order.
 */
export function eventPacker<T extends { readonly type: string; readonly time: number }>(
  plain: (item: T) => boolean,
): Packer<T> {
  const shapes: Shape[] = [];
  /** The shapes of each type (usually one), tried in turn. */
  const byType = new Map<unknown, Shape[]>();

  /** The item's shape if its keys match one of its type's shapes, in order; else null. */
  function match(item: Record<string, unknown>, candidates: readonly Shape[]): Shape | null {
    for (const shape of candidates) {
      const { keys } = shape;
      let j = 0;
      let ok = true;
      for (const key in item) {
        // An inherited enumerable key (none on a plain object) is not among an own-keys shape.
        if (keys[j] !== key) {
          ok = false;
          break;
        }
        j++;
      }
      if (ok && j === keys.length) return shape;
    }
    return null;
  }

  function shapeOf(item: Record<string, unknown>): Shape | null {
    const candidates = byType.get(item.type);
    const found = candidates === undefined ? null : match(item, candidates);
    if (found !== null) return found;
    const keys = Object.keys(item);
    const timeAt = keys.indexOf('time');
    // Inherited enumerable keys (not an event's) or no time: kept as it is.
    if (
      timeAt < 0 ||
      shapes.length >= 0xffff ||
      match(item, [{ id: 0, type: 0, keys, timeAt }]) === null
    ) {
      return null;
    }
    const shape: Shape = { id: shapes.length, type: item.type, keys, timeAt };
    shapes.push(shape);
    if (candidates === undefined) byType.set(item.type, [shape]);
    else candidates.push(shape);
    return shape;
  }

  return {
    pack(items) {
      const n = items.length;
      const shapeIds = new Uint16Array(n);
      const starts = new Uint32Array(n + 1);
      const times = new Float64Array(n);
      const strings: string[] = [];
      let kept: Map<number, unknown> | null = null;
      let at = 0;
      for (let k = 0; k < n; k++) {
        const item = items[k] as T;
        times[k] = item.time;
        starts[k] = at;
        const record = item as unknown as Record<string, unknown>;
        const shape = plain(item) ? shapeOf(record) : null;
        if (shape !== null && at + shape.keys.length > scratchValues.length) {
          const size = 2 * (at + shape.keys.length);
          const values = new Float64Array(size);
          values.set(scratchValues);
          scratchValues = values;
          const kinds = new Uint8Array(size);
          kinds.set(scratchKinds);
          scratchKinds = kinds;
        }
        let encoded = shape !== null;
        if (shape !== null) {
          const stringsBefore = strings.length;
          const { keys } = shape;
          for (let j = 0; j < keys.length; j++) {
            const v = record[keys[j] as string];
            const slot = at + j;
            if (typeof v === 'number') {
              scratchKinds[slot] = NUMBER;
              scratchValues[slot] = v;
            } else if (typeof v === 'string') {
              scratchKinds[slot] = STRING;
              scratchValues[slot] = strings.push(v) - 1;
            } else if (typeof v === 'boolean') {
              scratchKinds[slot] = BOOLEAN;
              scratchValues[slot] = v ? 1 : 0;
            } else if (v === null || v === undefined) {
              scratchKinds[slot] = v === null ? NULL : UNDEFINED;
              scratchValues[slot] = 0;
            } else {
              // An object or a function: not encoded after all.
              strings.length = stringsBefore;
              encoded = false;
              break;
            }
          }
          if (encoded) {
            shapeIds[k] = shape.id;
            at += keys.length;
          }
        }
        if (!encoded) (kept ??= new Map()).set(k, item);
      }
      starts[n] = at;
      return {
        n,
        shapes: shapeIds,
        starts,
        values: scratchValues.slice(0, at),
        kinds: scratchKinds.slice(0, at),
        strings,
        kept,
        times,
      };
    },
    unpack(chunk) {
      const { n, shapes: shapeIds, starts, values, kinds, strings, kept } = chunk;
      const items: T[] = new Array<T>(n);
      for (let k = 0; k < n; k++) {
        const asIs = kept?.get(k);
        if (asIs !== undefined) {
          items[k] = asIs as T;
          continue;
        }
        const { keys } = shapes[shapeIds[k] as number] as Shape;
        const from = starts[k] as number;
        const item: Record<string, unknown> = {};
        for (let j = 0; j < keys.length; j++) {
          const kind = kinds[from + j];
          const v = values[from + j] as number;
          item[keys[j] as string] =
            kind === NUMBER
              ? v
              : kind === STRING
                ? strings[v]
                : kind === BOOLEAN
                  ? v === 1
                  : kind === NULL
                    ? null
                    : undefined;
        }
        items[k] = Object.freeze(item) as unknown as T;
      }
      return items;
    },
  };
}

/** What the views read of an event list: a plain array is one too. */
export interface Seq<T> {
  readonly length: number;
  /** Item `index` (negative: from the end), undefined outside the list. */
  at(index: number): T | undefined;
  [Symbol.iterator](): Iterator<T>;
}

/** Events per chunk: a tenth of the recorder's cap, so the oldest tenth goes as one chunk. */
export const EVENT_CHUNK = 2_000;

/** A published, unchanging list: `length` items of `chunks` (which may hold more, unread). */
export class EventList<T> implements Seq<T> {
  constructor(
    /** Shared with the recorder and other lists: read only below `length`. */
    readonly chunks: readonly Chunk<T>[],
    readonly length: number,
    /**
     * Items dropped from the front of the log before this list's first (its position 0 is item
     * `start` of the log since `lineage` began).
     */
    readonly start: number = 0,
    /**
     * Names the log's history: two lists of the same lineage hold the same item at the same
     * position `start + i`. A new one after a cut (a fork), a swap of timelines or a new run.
     */
    readonly lineage: object = NO_LINEAGE,
    private readonly packer: Packer<T> | null = null,
  ) {}

  at(index: number): T | undefined {
    const i = index < 0 ? index + this.length : index;
    if (!(i >= 0 && i < this.length)) return undefined;
    const chunk = this.chunks[(i / EVENT_CHUNK) | 0] as Chunk<T>;
    return itemsOf(chunk, this.packer)[i % EVENT_CHUNK];
  }

  /** Item `index`'s time (items with a `time`), without decoding a packed chunk. */
  timeAt(index: number): number | undefined {
    const i = index < 0 ? index + this.length : index;
    if (!(i >= 0 && i < this.length)) return undefined;
    const chunk = this.chunks[(i / EVENT_CHUNK) | 0] as Chunk<T>;
    if (isPacked(chunk)) return chunk.times[i % EVENT_CHUNK];
    return (chunk[i % EVENT_CHUNK] as { time?: number } | undefined)?.time;
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let c = 0; c * EVENT_CHUNK < this.length; c++) {
      const items = itemsOf(this.chunks[c] as Chunk<T>, this.packer);
      const n = Math.min(EVENT_CHUNK, this.length - c * EVENT_CHUNK);
      for (let k = 0; k < n; k++) yield items[k] as T;
    }
  }

  /** The items as a new array. */
  toArray(): T[] {
    return [...this];
  }
}

const NO_LINEAGE = Object.freeze({});

/**
 * How list `next` follows `prev` (a list the reader built something from): 'same' items,
 * 'grew' (prev's items, then more), 'trimmed' (prev's items from position `dropped` on, then
 * possibly more: its front was dropped), or 'other' (anything else: a rewind, a fork, a new run).
 * Recorder lists are compared by position (their lineage and start); plain arrays by their first
 * and last items, as before.
 */
export function followsOn<T>(
  prev: Seq<T>,
  next: Seq<T>,
): { kind: 'same' | 'grew' } | { kind: 'trimmed'; dropped: number } | { kind: 'other' } {
  const n = prev.length;
  if (prev instanceof EventList && next instanceof EventList) {
    if (prev.lineage !== next.lineage || prev.lineage === NO_LINEAGE) return { kind: 'other' };
    const dropped = next.start - prev.start;
    const end = next.start + next.length;
    const prevEnd = prev.start + n;
    if (dropped < 0 || end < prevEnd) return { kind: 'other' };
    if (dropped > 0) return dropped >= n ? { kind: 'other' } : { kind: 'trimmed', dropped };
    return { kind: end === prevEnd ? 'same' : 'grew' };
  }
  if (next.length < n) return { kind: 'other' };
  if (n > 0 && (next.at(0) !== prev.at(0) || next.at(n - 1) !== prev.at(n - 1))) {
    return { kind: 'other' };
  }
  return { kind: next.length === n ? 'same' : 'grew' };
}

/**
 * The recorder's side: a list appended to, cut back, thinned from the front, saved and restored.
 * With a packer, each chunk it fills is packed in place (the same items, read back equal).
 */
export class EventLog<T> {
  private chunks: Chunk<T>[] = [];
  private n = 0;
  private start = 0;
  private lineage: object = {};
  private published: EventList<T> | null = null;

  constructor(private readonly packer: Packer<T> | null = null) {}

  get length(): number {
    return this.n;
  }

  at(index: number): T | undefined {
    const i = index < 0 ? index + this.n : index;
    if (!(i >= 0 && i < this.n)) return undefined;
    return itemsOf(this.chunks[(i / EVENT_CHUNK) | 0] as Chunk<T>, this.packer)[i % EVENT_CHUNK];
  }

  push(item: T): void {
    const c = (this.n / EVENT_CHUNK) | 0;
    if (c === this.chunks.length) this.chunks.push([]);
    // Only the recorder appends to its last chunk, never packed (it is not full); published
    // lists read below their length.
    const chunk = this.chunks[c] as T[];
    chunk.push(item);
    this.n++;
    this.published = null;
    // Full: packed in place. Lists sharing this array of chunks read the same items from it.
    if (this.packer !== null && chunk.length === EVENT_CHUNK) {
      this.chunks[c] = this.packer.pack(chunk);
    }
  }

  /** Drops the oldest EVENT_CHUNK items (the first chunk is full whenever a later one exists). */
  dropFirstChunk(): void {
    if (this.chunks.length < 2) return;
    this.chunks = this.chunks.slice(1);
    this.n -= EVENT_CHUNK;
    this.start += EVENT_CHUNK;
    this.published = null;
  }

  /** Keeps the first `keep` items. */
  truncate(keep: number): void {
    if (keep >= this.n) return;
    const whole = Math.floor(keep / EVENT_CHUNK);
    const next = this.chunks.slice(0, whole);
    const rest = keep - whole * EVENT_CHUNK;
    if (rest > 0) next.push(itemsOf(this.chunks[whole] as Chunk<T>, this.packer).slice(0, rest));
    this.chunks = next;
    this.n = Math.max(0, keep);
    this.lineage = {};
    this.published = null;
  }

  clear(): void {
    this.chunks = [];
    this.n = 0;
    this.start = 0;
    this.lineage = {};
    this.published = null;
  }

  /** The list as it stands, unchanging (the same object until the log changes). */
  list(): EventList<T> {
    this.published ??= new EventList(this.chunks, this.n, this.start, this.lineage, this.packer);
    return this.published;
  }

  /** A list to take back later with `load` (for a timeline set aside). */
  save(): EventList<T> {
    return this.list();
  }

  /** Back to a saved list; its partly filled last chunk is copied, as others may read past it. */
  load(saved: EventList<T>): void {
    const n = saved.length;
    const chunks = saved.chunks.slice(0, Math.ceil(n / EVENT_CHUNK));
    const rest = n % EVENT_CHUNK;
    if (rest > 0) {
      const last = chunks.length - 1;
      chunks[last] = itemsOf(chunks[last] as Chunk<T>, this.packer).slice(0, rest);
    }
    this.chunks = chunks;
    this.n = n;
    this.start = saved.start;
    // Its own lineage again: what was appended to the saved list's chunks since is not its.
    this.lineage = {};
    this.published = null;
  }
}

/** Position 0's place in its log (EventList.start); 0 for a plain array. */
export const startOf = <T>(list: Seq<T>): number => (list instanceof EventList ? list.start : 0);

/** Item `i`'s time, without decoding a packed chunk of a recorder list. */
export function timeAt(list: Seq<{ readonly time: number }>, i: number): number | undefined {
  return list instanceof EventList ? list.timeAt(i) : list.at(i)?.time;
}
