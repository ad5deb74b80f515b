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

/**
 * Whether an AppendEntries can be rebuilt exactly from the columns: sent by its leader at its send
 * time. Its entries array is kept by reference (shared with the logs). Every other field of the
 * type is in a column; a field added to the type later must be added here too (the unit test
 * compares every body of a real run with the original, key by key).
 */
function packsAppend(b: AppendEntries, e: SendEvent): boolean {
  return b.leaderId === e.from && b.sentMs === e.time;
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

/** Every message of the timeline, oldest first (ids and send times ascending). */
export class MessageColumns {
  length = 0;
  private id = new Float64Array(FIRST_CAPACITY);
  private from = new Int32Array(FIRST_CAPACITY);
  private to = new Int32Array(FIRST_CAPACITY);
  private type = new Uint8Array(FIRST_CAPACITY);
  private flags = new Uint8Array(FIRST_CAPACITY);
  private drop = new Uint8Array(FIRST_CAPACITY);
  private term = new Int32Array(FIRST_CAPACITY);
  private entries = new Int32Array(FIRST_CAPACITY);
  private sentMs = new Float64Array(FIRST_CAPACITY);
  private deliverMs = new Float64Array(FIRST_CAPACITY);
  private sendOrdinal = new Float64Array(FIRST_CAPACITY);
  /** −1: not ended (in flight at the head). */
  private endMs = new Float64Array(FIRST_CAPACITY);
  private endOrdinal = new Float64Array(FIRST_CAPACITY);
  /** A packed body's numbers (AppendEntries: prevLogIndex, prevLogTerm, leaderCommit; its reply:
   * matchIndex, rejectedIndex, echoSentMs). */
  private a = new Float64Array(FIRST_CAPACITY);
  private b = new Float64Array(FIRST_CAPACITY);
  private c = new Float64Array(FIRST_CAPACITY);
  /**
   * For the inspector: the message itself by reference, or for a packed AppendEntries its entries
   * array (null: a packed reply, or no body passed).
   */
  private bodies: (MessageBody | readonly Entry[] | null)[] = [];

  private grow(): void {
    // A quarter more each time: at most that much unused room, copies still amortised O(1).
    const capacity = Math.ceil(this.id.length * 1.25) + FIRST_CAPACITY;
    this.a = grown(this.a, capacity);
    this.b = grown(this.b, capacity);
    this.c = grown(this.c, capacity);
    this.id = grown(this.id, capacity);
    this.from = grown(this.from, capacity);
    this.to = grown(this.to, capacity);
    this.type = grown(this.type, capacity);
    this.flags = grown(this.flags, capacity);
    this.drop = grown(this.drop, capacity);
    this.term = grown(this.term, capacity);
    this.entries = grown(this.entries, capacity);
    this.sentMs = grown(this.sentMs, capacity);
    this.deliverMs = grown(this.deliverMs, capacity);
    this.sendOrdinal = grown(this.sendOrdinal, capacity);
    this.endMs = grown(this.endMs, capacity);
    this.endOrdinal = grown(this.endOrdinal, capacity);
  }

  /** Records a send; `body` is the message it is about (undefined: not known). */
  push(e: SendEvent, ordinal: number, body: MessageBody | undefined): void {
    if (this.length === this.id.length) this.grow();
    const i = this.length++;
    this.id[i] = e.id;
    this.from[i] = e.from;
    this.to[i] = e.to;
    this.type[i] = TYPE_CODE[e.msg];
    this.drop[i] = 0;
    this.sentMs[i] = e.time;
    this.deliverMs[i] = e.deliverMs;
    this.sendOrdinal[i] = ordinal;
    this.endMs[i] = -1;
    this.endOrdinal[i] = -1;
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
        this.a[i] = body.prevLogIndex;
        this.b[i] = body.prevLogTerm;
        this.c[i] = body.leaderCommit;
        kept = body.entries;
      }
    } else if (body?.type === 'AppendEntriesReply') {
      flags |= PACKED | (body.success ? SUCCESS : 0);
      this.a[i] = body.matchIndex;
      this.b[i] = body.rejectedIndex;
      this.c[i] = body.echoSentMs;
      kept = null;
    } else if ((body?.type === 'RequestVote' || body?.type === 'RequestVoteReply') && body.preVote)
      flags |= PRE_VOTE;
    this.flags[i] = flags;
    this.term[i] = term;
    this.entries[i] = entries;
    this.bodies[i] = kept;
  }

  /** Message i's body: kept, or rebuilt from the columns (the same fields in the same order). */
  private body(i: number): MessageBody | null {
    const kept = this.bodies[i] ?? null;
    if (((this.flags[i] as number) & PACKED) === 0) return kept as MessageBody | null;
    if (this.type[i] === TYPE_CODE.AppendEntries) {
      const body: AppendEntries = {
        type: 'AppendEntries',
        term: this.term[i] as number,
        leaderId: this.from[i] as number,
        prevLogIndex: this.a[i] as number,
        prevLogTerm: this.b[i] as number,
        entries: (kept ?? []) as Entry[],
        leaderCommit: this.c[i] as number,
        sentMs: this.sentMs[i] as number,
      };
      return body;
    }
    const reply: AppendEntriesReply = {
      type: 'AppendEntriesReply',
      term: this.term[i] as number,
      success: ((this.flags[i] as number) & SUCCESS) !== 0,
      matchIndex: this.a[i] as number,
      rejectedIndex: this.b[i] as number,
      echoSentMs: this.c[i] as number,
    };
    return reply;
  }

  /** The index of message `id`, or −1. Ids grow with sends, usually one by one. */
  indexOf(id: number): number {
    const n = this.length;
    if (n === 0) return -1;
    const guess = id - (this.id[0] as number);
    if (guess >= 0 && guess < n && this.id[guess] === id) return guess;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.id[mid] as number) < id) lo = mid + 1;
      else hi = mid;
    }
    return lo < n && this.id[lo] === id ? lo : -1;
  }

  /** Ends message i: delivered (reason null) or dropped. */
  end(i: number, timeMs: number, ordinal: number, reason: DropReason | null): void {
    this.endMs[i] = timeMs;
    this.endOrdinal[i] = ordinal;
    this.drop[i] = reason === null ? 0 : (DROP_CODES.get(reason) ?? 1);
  }

  /** Back in flight (a fork undid its end). */
  unend(i: number): void {
    this.endMs[i] = -1;
    this.endOrdinal[i] = -1;
    this.drop[i] = 0;
  }

  sentAt(i: number): number {
    return this.sentMs[i] as number;
  }

  sendOrdinalAt(i: number): number {
    return this.sendOrdinal[i] as number;
  }

  /** −1 when not ended. */
  endOrdinalAt(i: number): number {
    return this.endOrdinal[i] as number;
  }

  endMsAt(i: number): number {
    return this.endMs[i] as number;
  }

  idAt(i: number): number {
    return this.id[i] as number;
  }

  /** First index whose send time is ≥ `ms` (strict: > `ms`). */
  sentBound(ms: number, strict: boolean): number {
    return bound(this.sentMs, this.length, ms, strict);
  }

  /** First index whose send ordinal is > `ordinal`. */
  afterOrdinal(ordinal: number): number {
    return bound(this.sendOrdinal, this.length, ordinal, true);
  }

  /** Message i as an object (built on demand). */
  fields(i: number): MessageFields {
    const flags = this.flags[i] as number;
    const ended = (this.endOrdinal[i] as number) >= 0;
    return {
      id: this.id[i] as number,
      from: this.from[i] as number,
      to: this.to[i] as number,
      type: MESSAGE_TYPES[this.type[i] as number] as MessageType,
      term: flags & HAS_TERM ? (this.term[i] as number) : null,
      preVote: (flags & PRE_VOTE) !== 0,
      entries: this.entries[i] as number,
      duplicate: (flags & DUPLICATE) !== 0,
      sentMs: this.sentMs[i] as number,
      deliverMs: this.deliverMs[i] as number,
      sendOrdinal: this.sendOrdinal[i] as number,
      endMs: ended ? (this.endMs[i] as number) : null,
      endOrdinal: ended ? (this.endOrdinal[i] as number) : null,
      dropReason: DROP_REASONS[this.drop[i] as number] ?? null,
      body: this.body(i),
    };
  }

  /** Keeps the first `n` messages. */
  truncate(n: number): void {
    this.length = Math.min(this.length, n);
    this.bodies.length = this.length;
  }

  /** Drops the oldest `n` messages. */
  dropFront(n: number): void {
    const k = Math.min(n, this.length);
    for (const column of this.columns()) column.copyWithin(0, k, this.length);
    this.bodies.splice(0, k);
    this.length -= k;
  }

  private columns(): Column[] {
    return [
      this.a,
      this.b,
      this.c,
      this.id,
      this.from,
      this.to,
      this.type,
      this.flags,
      this.drop,
      this.term,
      this.entries,
      this.sentMs,
      this.deliverMs,
      this.sendOrdinal,
      this.endMs,
      this.endOrdinal,
    ];
  }

  /** An independent copy (trimmed to its length). */
  clone(): MessageColumns {
    const c = new MessageColumns();
    const n = Math.max(this.length, 1);
    c.a = this.a.slice(0, n);
    c.b = this.b.slice(0, n);
    c.c = this.c.slice(0, n);
    c.id = this.id.slice(0, n);
    c.from = this.from.slice(0, n);
    c.to = this.to.slice(0, n);
    c.type = this.type.slice(0, n);
    c.flags = this.flags.slice(0, n);
    c.drop = this.drop.slice(0, n);
    c.term = this.term.slice(0, n);
    c.entries = this.entries.slice(0, n);
    c.sentMs = this.sentMs.slice(0, n);
    c.deliverMs = this.deliverMs.slice(0, n);
    c.sendOrdinal = this.sendOrdinal.slice(0, n);
    c.endMs = this.endMs.slice(0, n);
    c.endOrdinal = this.endOrdinal.slice(0, n);
    c.bodies = this.bodies.slice(0, this.length);
    c.length = this.length;
    return c;
  }
}

/** First index in [0, n) whose value is ≥ `value` (strict: > `value`); `values` ascending. */
function bound(values: Float64Array, n: number, value: number, strict: boolean): number {
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
    return bound(this.time, this.length, ms, strict);
  }

  /** First index whose ordinal is > `ordinal`. */
  afterOrdinal(ordinal: number): number {
    return bound(this.ordinal, this.length, ordinal, true);
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
