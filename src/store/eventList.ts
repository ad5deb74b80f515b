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
 */

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
    readonly chunks: readonly (readonly T[])[],
    readonly length: number,
  ) {}

  at(index: number): T | undefined {
    const i = index < 0 ? index + this.length : index;
    if (!(i >= 0 && i < this.length)) return undefined;
    return (this.chunks[(i / EVENT_CHUNK) | 0] as readonly T[])[i % EVENT_CHUNK];
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.at(i) as T;
  }

  /** The items as a new array. */
  toArray(): T[] {
    const out: T[] = [];
    for (let c = 0; c * EVENT_CHUNK < this.length; c++) {
      const chunk = this.chunks[c] as readonly T[];
      const n = Math.min(EVENT_CHUNK, this.length - c * EVENT_CHUNK);
      for (let k = 0; k < n; k++) out.push(chunk[k] as T);
    }
    return out;
  }
}

/** The recorder's side: a list appended to, cut back, thinned from the front, saved and restored. */
export class EventLog<T> {
  private chunks: T[][] = [];
  private n = 0;
  private published: EventList<T> | null = null;

  get length(): number {
    return this.n;
  }

  at(index: number): T | undefined {
    const i = index < 0 ? index + this.n : index;
    if (!(i >= 0 && i < this.n)) return undefined;
    return (this.chunks[(i / EVENT_CHUNK) | 0] as T[])[i % EVENT_CHUNK];
  }

  push(item: T): void {
    const c = (this.n / EVENT_CHUNK) | 0;
    if (c === this.chunks.length) this.chunks.push([]);
    // Only the recorder appends to its last chunk; published lists read below their length.
    (this.chunks[c] as T[]).push(item);
    this.n++;
    this.published = null;
  }

  /** Drops the oldest EVENT_CHUNK items (the first chunk is full whenever a later one exists). */
  dropFirstChunk(): void {
    if (this.chunks.length < 2) return;
    this.chunks = this.chunks.slice(1);
    this.n -= EVENT_CHUNK;
    this.published = null;
  }

  /** Keeps the first `keep` items. */
  truncate(keep: number): void {
    if (keep >= this.n) return;
    const whole = Math.floor(keep / EVENT_CHUNK);
    const next = this.chunks.slice(0, whole);
    const rest = keep - whole * EVENT_CHUNK;
    if (rest > 0) next.push((this.chunks[whole] as T[]).slice(0, rest));
    this.chunks = next;
    this.n = Math.max(0, keep);
    this.published = null;
  }

  clear(): void {
    this.chunks = [];
    this.n = 0;
    this.published = null;
  }

  /** The list as it stands, unchanging (the same object until the log changes). */
  list(): EventList<T> {
    this.published ??= new EventList(this.chunks, this.n);
    return this.published;
  }

  /** A list to take back later with `load` (for a timeline set aside). */
  save(): EventList<T> {
    return this.list();
  }

  /** Back to a saved list; its partly filled last chunk is copied, as others may read past it. */
  load(saved: EventList<T>): void {
    const n = saved.length;
    const chunks = saved.chunks.slice(0, Math.ceil(n / EVENT_CHUNK)) as T[][];
    const rest = n % EVENT_CHUNK;
    if (rest > 0) chunks[chunks.length - 1] = (chunks[chunks.length - 1] as T[]).slice(0, rest);
    this.chunks = chunks;
    this.n = n;
    this.published = saved;
  }
}
