/**
 * Column storage for the space-time log (spaceTime.ts): one typed array per field instead of one
 * object per message or lane mark. A long run records tens of thousands of messages a virtual
 * minute; as objects they cost about three times the memory and most of the garbage collector's
 * time. Records are built as objects only when a view asks for them (a window, one message).
 *
 * Times and ordinals are Float64 (exact integers far beyond any run); ids too. Terms, endpoints,
 * entry counts and server ids are Int32.
 */
import type {
  AppendEntries,
  AppendEntriesReply,
  DropReason,
  Entry,
  MessageBody,
  MessageType,
  SimEvent,
} from '../core/types.ts';
import type { LaneMarkKind } from './spaceTime.ts';

type Column = Float64Array | Int32Array | Uint8Array;

const FIRST_CAPACITY = 256;

function grown<T extends Column>(column: T, capacity: number): T {
  const next = new (column.constructor as new (n: number) => T)(capacity);
  next.set(column);
  return next;
}

/** A code per message type (the record's must list every type: the compiler checks it). */
const TYPE_CODE: Record<MessageType, number> = {
  RequestVote: 0,
  RequestVoteReply: 1,
  AppendEntries: 2,
  AppendEntriesReply: 3,
  InstallSnapshot: 4,
  InstallSnapshotReply: 5,
  ReadIndex: 6,
  ReadIndexReply: 7,
  TimeoutNow: 8,
  ClientRequest: 9,
  ClientReply: 10,
};
const MESSAGE_TYPES: readonly MessageType[] = (Object.keys(TYPE_CODE) as MessageType[]).sort(
  (x, y) => TYPE_CODE[x] - TYPE_CODE[y],
);

/** Drop reasons by code; code 0 is "not dropped" (delivered or in flight). */
const DROP_REASONS: readonly (DropReason | null)[] = [
  null,
  'loss',
  'partition',
  'crashed',
  'manual',
];
const DROP_CODES = new Map<DropReason, number>([
  ['loss', 1],
  ['partition', 2],
  ['crashed', 3],
  ['manual', 4],
]);

const PRE_VOTE = 1;
const DUPLICATE = 2;
const HAS_TERM = 4;
/** The body is kept in columns a, b, c (an AppendEntries or its reply), not by reference. */
const PACKED = 8;
/** A packed AppendEntriesReply's `success`. */
const SUCCESS = 16;

type SendEvent = Extract<SimEvent, { type: 'send' }>;

/** Whether `v` is kept exactly by an Int32 column (the packed numbers are; otherwise no packing). */
function int32(v: number): boolean {
  return (v | 0) === v;
}

/** Whether a reply's numbers fit the packed columns (times beyond 24 virtual days do not). */
function packsReply(b: AppendEntriesReply): boolean {
  return int32(b.matchIndex) && int32(b.rejectedIndex) && int32(b.echoSentMs);
}

/**
 * Whether an AppendEntries can be rebuilt exactly from the columns: sent by its leader at its send
 * time. Its entries array is kept by reference (shared with the logs). Every other field of the
 * type is in a column; a field added to the type later must be added here too (the unit test
 * compares every body of a real run with the original, key by key).
 */
function packsAppend(b: AppendEntries, e: SendEvent): boolean {
  return (
    b.leaderId === e.from &&
    b.sentMs === e.time &&
    int32(b.prevLogIndex) &&
    int32(b.prevLogTerm) &&
    int32(b.leaderCommit)
  );
}

/** The fields of one message, as the views read them (see MessageRecord in spaceTime.ts). */
export interface MessageFields {
  id: number;
  from: number;
  to: number;
  type: MessageType;
  term: number | null;
  preVote: boolean;
  entries: number;
  duplicate: boolean;
  sentMs: number;
  deliverMs: number;
  sendOrdinal: number;
  body: MessageBody | null;
  endMs: number | null;
  endOrdinal: number | null;
  dropReason: DropReason | null;
}

/** Messages per chunk (a power of two). */
const SHIFT = 12;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;
/** Bytes a message takes in a chunk: 6 Float64, 7 Int32 and 3 Uint8 columns. */
const BYTES = 6 * 8 + 7 * 4 + 3;

/**
 * CHUNK messages' columns, all views on one buffer: a run's log grows by whole chunks, never
 * copied (growing one array per column by copying cost as much as the rest of the log, mostly in
 * the garbage collector), and the oldest go a chunk at a time.
 */
class MessageChunk {
  readonly buffer: ArrayBuffer;
  readonly id: Float64Array;
  readonly sentMs: Float64Array;
  readonly deliverMs: Float64Array;
  readonly sendOrdinal: Float64Array;
  /** −1: not ended (in flight at the head). */
  readonly endMs: Float64Array;
  readonly endOrdinal: Float64Array;
  /**
   * A packed body's numbers (AppendEntries: prevLogIndex, prevLogTerm, leaderCommit; its reply:
   * matchIndex, rejectedIndex, echoSentMs).
   */
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly c: Int32Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly term: Int32Array;
  readonly entries: Int32Array;
  readonly type: Uint8Array;
  readonly flags: Uint8Array;
  readonly drop: Uint8Array;
  /**
   * For the inspector: the message itself by reference, or for a packed AppendEntries its entries
   * array (null: a packed reply, or no body passed).
   */
  readonly bodies: (MessageBody | readonly Entry[] | null)[];

  constructor(buffer?: ArrayBuffer, bodies?: (MessageBody | readonly Entry[] | null)[]) {
    this.buffer = buffer ?? new ArrayBuffer(CHUNK * BYTES);
    let offset = 0;
    const f64 = () => {
      const column = new Float64Array(this.buffer, offset, CHUNK);
      offset += CHUNK * 8;
      return column;
    };
    const i32 = () => {
      const column = new Int32Array(this.buffer, offset, CHUNK);
      offset += CHUNK * 4;
      return column;
    };
    const u8 = () => {
      const column = new Uint8Array(this.buffer, offset, CHUNK);
      offset += CHUNK;
      return column;
    };
    this.id = f64();
    this.sentMs = f64();
    this.deliverMs = f64();
    this.sendOrdinal = f64();
    this.endMs = f64();
    this.endOrdinal = f64();
    this.a = i32();
    this.b = i32();
    this.c = i32();
    this.from = i32();
    this.to = i32();
    this.term = i32();
    this.entries = i32();
    this.type = u8();
    this.flags = u8();
    this.drop = u8();
    this.bodies = bodies ?? new Array<MessageBody | readonly Entry[] | null>(CHUNK).fill(null);
  }

  clone(): MessageChunk {
    return new MessageChunk(this.buffer.slice(0), this.bodies.slice());
  }
}

/** Every message of the timeline, oldest first (ids and send times ascending). */
export class MessageColumns {
  length = 0;
  private chunks: MessageChunk[] = [];
  /** Where message 0 sits in the first chunk (the ones before it were dropped). */
  private start = 0;

  /** Records a send; `body` is the message it is about (undefined: not known). */
  push(e: SendEvent, ordinal: number, body: MessageBody | undefined): void {
    const k = this.start + this.length++;
    if (k >> SHIFT >= this.chunks.length) this.chunks.push(new MessageChunk());
    const ch = this.chunks[k >> SHIFT] as MessageChunk;
    const i = k & MASK;
    ch.id[i] = e.id;
    ch.from[i] = e.from;
    ch.to[i] = e.to;
    ch.type[i] = TYPE_CODE[e.msg];
    ch.drop[i] = 0;
    ch.sentMs[i] = e.time;
    ch.deliverMs[i] = e.deliverMs;
    ch.sendOrdinal[i] = ordinal;
    ch.endMs[i] = -1;
    ch.endOrdinal[i] = -1;
    let flags = e.duplicate ? DUPLICATE : 0;
    let term = 0;
    let entries = 0;
    let kept: MessageBody | readonly Entry[] | null = body ?? null;
    if (body !== undefined && body.type !== 'ClientRequest' && body.type !== 'ClientReply') {
      flags |= HAS_TERM;
      term = body.term;
    }
    if (body?.type === 'AppendEntries') {
      entries = body.entries.length;
      if (packsAppend(body, e)) {
        flags |= PACKED;
        ch.a[i] = body.prevLogIndex;
        ch.b[i] = body.prevLogTerm;
        ch.c[i] = body.leaderCommit;
        // A heartbeat's empty array is not kept (one object fewer per message for the collector).
        kept = body.entries.length === 0 ? null : body.entries;
      }
    } else if (body?.type === 'AppendEntriesReply' && packsReply(body)) {
      flags |= PACKED | (body.success ? SUCCESS : 0);
      ch.a[i] = body.matchIndex;
      ch.b[i] = body.rejectedIndex;
      ch.c[i] = body.echoSentMs;
      kept = null;
    } else if ((body?.type === 'RequestVote' || body?.type === 'RequestVoteReply') && body.preVote)
      flags |= PRE_VOTE;
    ch.flags[i] = flags;
    ch.term[i] = term;
    ch.entries[i] = entries;
    ch.bodies[i] = kept;
  }

  /** The chunk holding message i (0 ≤ i < length). */
  private chunk(i: number): MessageChunk {
    return this.chunks[(i + this.start) >> SHIFT] as MessageChunk;
  }

  /** Message i's place in its chunk. */
  private slot(i: number): number {
    return (i + this.start) & MASK;
  }

  /** The index of message `id`, or −1. Ids grow with sends, usually one by one. */
  indexOf(id: number): number {
    const n = this.length;
    if (n === 0) return -1;
    const guess = id - this.idAt(0);
    if (guess >= 0 && guess < n && this.idAt(guess) === id) return guess;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.idAt(mid) < id) lo = mid + 1;
      else hi = mid;
    }
    return lo < n && this.idAt(lo) === id ? lo : -1;
  }

  /** Ends message i: delivered (reason null) or dropped. */
  end(i: number, timeMs: number, ordinal: number, reason: DropReason | null): void {
    const ch = this.chunk(i);
    const j = this.slot(i);
    ch.endMs[j] = timeMs;
    ch.endOrdinal[j] = ordinal;
    ch.drop[j] = reason === null ? 0 : (DROP_CODES.get(reason) ?? 1);
  }

  /** Back in flight (a fork undid its end). */
  unend(i: number): void {
    const ch = this.chunk(i);
    const j = this.slot(i);
    ch.endMs[j] = -1;
    ch.endOrdinal[j] = -1;
    ch.drop[j] = 0;
  }

  sentAt(i: number): number {
    return this.chunk(i).sentMs[this.slot(i)] as number;
  }

  sendOrdinalAt(i: number): number {
    return this.chunk(i).sendOrdinal[this.slot(i)] as number;
  }

  /** −1 when not ended. */
  endOrdinalAt(i: number): number {
    return this.chunk(i).endOrdinal[this.slot(i)] as number;
  }

  endMsAt(i: number): number {
    return this.chunk(i).endMs[this.slot(i)] as number;
  }

  idAt(i: number): number {
    return this.chunk(i).id[this.slot(i)] as number;
  }

  /** First index whose send time is ≥ `ms` (strict: > `ms`). */
  sentBound(ms: number, strict: boolean): number {
    return bound(this.length, ms, strict, (i) => this.sentAt(i));
  }

  /** First index whose send ordinal is > `ordinal`. */
  afterOrdinal(ordinal: number): number {
    return bound(this.length, ordinal, true, (i) => this.sendOrdinalAt(i));
  }

  /** Message i's body: kept, or rebuilt from the columns (the same fields in the same order). */
  private body(ch: MessageChunk, j: number): MessageBody | null {
    const kept = ch.bodies[j] ?? null;
    if (((ch.flags[j] as number) & PACKED) === 0) return kept as MessageBody | null;
    if (ch.type[j] === TYPE_CODE.AppendEntries) {
      const body: AppendEntries = {
        type: 'AppendEntries',
        term: ch.term[j] as number,
        leaderId: ch.from[j] as number,
        prevLogIndex: ch.a[j] as number,
        prevLogTerm: ch.b[j] as number,
        entries: (kept ?? []) as Entry[],
        leaderCommit: ch.c[j] as number,
        sentMs: ch.sentMs[j] as number,
      };
      return body;
    }
    const reply: AppendEntriesReply = {
      type: 'AppendEntriesReply',
      term: ch.term[j] as number,
      success: ((ch.flags[j] as number) & SUCCESS) !== 0,
      matchIndex: ch.a[j] as number,
      rejectedIndex: ch.b[j] as number,
      echoSentMs: ch.c[j] as number,
    };
    return reply;
  }

  /** Message i as an object (built on demand). */
  fields(i: number): MessageFields {
    const ch = this.chunk(i);
    const j = this.slot(i);
    const flags = ch.flags[j] as number;
    const ended = (ch.endOrdinal[j] as number) >= 0;
    return {
      id: ch.id[j] as number,
      from: ch.from[j] as number,
      to: ch.to[j] as number,
      type: MESSAGE_TYPES[ch.type[j] as number] as MessageType,
      term: flags & HAS_TERM ? (ch.term[j] as number) : null,
      preVote: (flags & PRE_VOTE) !== 0,
      entries: ch.entries[j] as number,
      duplicate: (flags & DUPLICATE) !== 0,
      sentMs: ch.sentMs[j] as number,
      deliverMs: ch.deliverMs[j] as number,
      sendOrdinal: ch.sendOrdinal[j] as number,
      endMs: ended ? (ch.endMs[j] as number) : null,
      endOrdinal: ended ? (ch.endOrdinal[j] as number) : null,
      dropReason: DROP_REASONS[ch.drop[j] as number] ?? null,
      body: this.body(ch, j),
    };
  }

  /** Keeps the first `n` messages. */
  truncate(n: number): void {
    if (n >= this.length) return;
    this.length = n;
    const end = this.start + n;
    this.chunks.length = Math.max(1, (end + MASK) >> SHIFT);
    // Let go of the bodies of the messages cut in the last chunk kept.
    const last = this.chunks.at(-1);
    if (last !== undefined) last.bodies.fill(null, end - (this.chunks.length - 1) * CHUNK);
    if (n === 0) {
      this.chunks = [];
      this.start = 0;
    }
  }

  /** Drops the oldest `n` messages. */
  dropFront(n: number): void {
    const k = Math.min(n, this.length);
    const first = this.start;
    this.start += k;
    this.length -= k;
    // Bodies of dropped messages in a chunk still kept go now; whole chunks go with their bodies.
    const head = this.chunks[0];
    if (head !== undefined) head.bodies.fill(null, first, Math.min(CHUNK, this.start));
    const whole = this.start >> SHIFT;
    if (whole > 0) {
      this.chunks.splice(0, whole);
      this.start &= MASK;
      this.chunks[0]?.bodies.fill(null, 0, this.start);
    }
  }

  /** An independent copy. */
  clone(): MessageColumns {
    const c = new MessageColumns();
    c.chunks = this.chunks.map((ch) => ch.clone());
    c.start = this.start;
    c.length = this.length;
    return c;
  }
}

/** First index in [0, n) whose value is ≥ `value` (strict: > `value`); values ascending. */
function bound(n: number, value: number, strict: boolean, at: (i: number) => number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = at(mid);
    if (v < value || (strict && v === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in [0, n) whose value is ≥ `value` (strict: > `value`); `values` ascending. */
function boundIn(values: Float64Array, n: number, value: number, strict: boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid] as number;
    if (v < value || (strict && v === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What a lane mark records (see LaneMark in spaceTime.ts). */
export interface MarkFields {
  kind: LaneMarkKind;
  server: number;
  time: number;
  ordinal: number;
  term: number;
  index: number;
}

const MARK_KINDS: readonly LaneMarkKind[] = ['candidate', 'leader', 'commit', 'crash', 'restart'];
const MARK_CODES = new Map<LaneMarkKind, number>(MARK_KINDS.map((k, i) => [k, i]));

/** Every lane mark of the timeline, in time (and ordinal) order. */
export class MarkColumns {
  length = 0;
  private kind = new Uint8Array(FIRST_CAPACITY);
  private server = new Int32Array(FIRST_CAPACITY);
  private time = new Float64Array(FIRST_CAPACITY);
  private ordinal = new Float64Array(FIRST_CAPACITY);
  private term = new Float64Array(FIRST_CAPACITY);
  private index = new Float64Array(FIRST_CAPACITY);

  push(
    kind: LaneMarkKind,
    server: number,
    time: number,
    ordinal: number,
    term: number,
    index: number,
  ): void {
    if (this.length === this.kind.length) {
      const capacity = Math.ceil(this.kind.length * 1.25) + FIRST_CAPACITY;
      this.kind = grown(this.kind, capacity);
      this.server = grown(this.server, capacity);
      this.time = grown(this.time, capacity);
      this.ordinal = grown(this.ordinal, capacity);
      this.term = grown(this.term, capacity);
      this.index = grown(this.index, capacity);
    }
    const i = this.length++;
    this.kind[i] = MARK_CODES.get(kind) ?? 0;
    this.server[i] = server;
    this.time[i] = time;
    this.ordinal[i] = ordinal;
    this.term[i] = term;
    this.index[i] = index;
  }

  ordinalAt(i: number): number {
    return this.ordinal[i] as number;
  }

  /** First index whose time is ≥ `ms` (strict: > `ms`). */
  timeBound(ms: number, strict: boolean): number {
    return boundIn(this.time, this.length, ms, strict);
  }

  /** First index whose ordinal is > `ordinal`. */
  afterOrdinal(ordinal: number): number {
    return boundIn(this.ordinal, this.length, ordinal, true);
  }

  fields(i: number): MarkFields {
    return {
      kind: MARK_KINDS[this.kind[i] as number] as LaneMarkKind,
      server: this.server[i] as number,
      time: this.time[i] as number,
      ordinal: this.ordinal[i] as number,
      term: this.term[i] as number,
      index: this.index[i] as number,
    };
  }

  truncate(n: number): void {
    this.length = Math.min(this.length, n);
  }

  dropFront(n: number): void {
    const k = Math.min(n, this.length);
    for (const column of [this.kind, this.server, this.time, this.ordinal, this.term, this.index])
      column.copyWithin(0, k, this.length);
    this.length -= k;
  }

  clone(): MarkColumns {
    const c = new MarkColumns();
    const n = Math.max(this.length, 1);
    c.kind = this.kind.slice(0, n);
    c.server = this.server.slice(0, n);
    c.time = this.time.slice(0, n);
    c.ordinal = this.ordinal.slice(0, n);
    c.term = this.term.slice(0, n);
    c.index = this.index.slice(0, n);
    c.length = this.length;
    return c;
  }
}
