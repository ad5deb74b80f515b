/**
 * The space-time record of a run: every message with its send and its delivery or drop, and what
 * happened on each server's lane (elections, leadership, commits, crashes, restarts, its term and
 * role over time). The recorder feeds it every event it records at the head of the timeline; the
 * space-time diagram (src/views/spacetime) and the automation hooks read it through window
 * queries that binary-search the time-sorted lists, so a long run costs only what is visible.
 *
 * Plain TypeScript, no zustand and no DOM: unit-tested on its own (test/store/spaceTime.test.ts).
 *
 * Positions: each record carries the ordinal of the event that created it (the trace's event
 * count), so a viewer rewound to a position sees exactly the past of that position, even between
 * two events of the same millisecond.
 */
import type {
  DropReason,
  Endpoint,
  MessageBody,
  MessageType,
  Role,
  ServerId,
  SimEvent,
} from '../core/types.ts';
import { MarkColumns, MessageColumns } from './spaceTimeColumns.ts';

/** At most this many message records (and as many lane marks); the oldest tenth goes first. */
export const MAX_SPACETIME_RECORDS = 200_000;

export interface MessageRecord {
  readonly id: number;
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly type: MessageType;
  /** The term the message carries; null for client messages, which carry none. */
  readonly term: number | null;
  /** A pre-vote request or its answer (X-PV): it changes nobody's term. */
  readonly preVote: boolean;
  /** Entries an AppendEntries carries (0: a heartbeat); 0 for other types. */
  readonly entries: number;
  /** The second copy of a duplicated message. */
  readonly duplicate: boolean;
  readonly sentMs: number;
  /** When the network schedules it to arrive (a drop by hand may end it sooner). */
  readonly deliverMs: number;
  readonly sendOrdinal: number;
  /** When it was delivered or dropped; null while in flight at the head. */
  readonly endMs: number | null;
  readonly endOrdinal: number | null;
  /** Why it was dropped; null when delivered or still in flight. */
  readonly dropReason: DropReason | null;
  /**
   * The message itself (every field), kept by reference for the inspector of a message that has
   * arrived or was dropped; null when the recorder did not pass it.
   */
  readonly body: MessageBody | null;
}

export type MessageStatus = 'delivered' | 'dropped' | 'flight';

/** A message as seen from a position of the run. */
export interface VisibleMessage {
  readonly record: MessageRecord;
  readonly status: MessageStatus;
}

export type LaneMarkKind = 'candidate' | 'leader' | 'commit' | 'crash' | 'restart';

export interface LaneMark {
  readonly kind: LaneMarkKind;
  readonly server: ServerId;
  readonly time: number;
  readonly ordinal: number;
  /** The term of an election (candidate, leader); 0 otherwise. */
  readonly term: number;
  /** The commit index of a commit; 0 otherwise. */
  readonly index: number;
}

/** A server's term, role and liveness from `time` on (until its next change). */
export interface LaneState {
  readonly time: number;
  readonly ordinal: number;
  readonly term: number;
  readonly role: Role;
  readonly crashed: boolean;
}

/** A stretch of a lane in one state, clipped to a window. */
export interface LaneSegment {
  readonly from: number;
  readonly to: number;
  readonly term: number;
  readonly role: Role;
  readonly crashed: boolean;
}

/** Where the viewer is: the virtual time and how many events have been emitted up to there. */
export interface SpaceTimePosition {
  readonly timeMs: number;
  readonly emitted: number;
}

/** First index whose key is > `value`. */
function upperBound<T>(list: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid] as T) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const timeKey = (m: { time: number }): number => m.time;
const ordinalKey = (m: { ordinal: number }): number => m.ordinal;

export interface InitialServer {
  readonly term: number;
  readonly role: Role;
  readonly crashed: boolean;
}

interface SavedState {
  readonly messages: MessageColumns;
  readonly marks: MarkColumns;
  readonly lanes: readonly (readonly LaneState[])[];
  readonly clientFirst: ReadonlyMap<number, number>;
  readonly maxSpanMs: number;
  readonly trimmedBefore: number;
}

/** What save() returns: opaque to everyone but load(). */
export type SavedSpaceTime = object;

/** Built records kept for reuse (a view asking twice gets the same object); cleared past this. */
const MAX_CACHED_RECORDS = 50_000;

export class SpaceTimeLog {
  /** Messages and marks in columns (spaceTimeColumns.ts): no object per record. */
  private messages = new MessageColumns();
  private marks = new MarkColumns();
  private lanes: LaneState[][] = [];
  /**
   * Records built for the views, by id: the same object while the message does not change, so a
   * selector returning one is stable. An entry goes when its message ends; all go on a rewrite.
   */
  private built = new Map<number, MessageRecord>();
  /** Each client seen, with the ordinal of its first message. */
  private clientFirst = new Map<number, number>();
  /** The longest time between a send and its scheduled delivery, for the window search. */
  private maxSpanMs = 0;
  /** Records dropped from the front to stay under the cap (long runs). */
  private trimmedBefore = 0;
  /** Bumped on every change (the views' memo key). */
  version = 0;

  constructor(initial: readonly InitialServer[] = []) {
    this.reset(initial);
  }

  /** Starts over for a new run: one lane per server, in its initial state at time 0. */
  reset(initial: readonly InitialServer[]): void {
    this.messages = new MessageColumns();
    this.marks = new MarkColumns();
    this.built.clear();
    this.lanes = initial.map((s) => [
      { time: 0, ordinal: 0, term: s.term, role: s.role, crashed: s.crashed },
    ]);
    this.clientFirst = new Map();
    this.maxSpanMs = 0;
    this.trimmedBefore = 0;
    this.version++;
  }

  get serverCount(): number {
    return this.lanes.length;
  }

  /** The time before which records were discarded to keep memory bounded (0: none). */
  get earliestMs(): number {
    return this.trimmedBefore;
  }

  get messageCount(): number {
    return this.messages.length;
  }

  /**
   * Records one event at the head of the timeline. `ordinal` is the event's number in the trace;
   * `body` is the message a `send` event is about (the event names only its type). Events that
   * change nothing drawn (applies, appends, votes, client events…) cost one switch.
   */
  observe(e: SimEvent, ordinal: number, body?: MessageBody): void {
    switch (e.type) {
      case 'send': {
        this.messages.push(e, ordinal, body);
        const span = e.deliverMs - e.time;
        if (span > this.maxSpanMs) this.maxSpanMs = span;
        if (e.from < 0 && !this.clientFirst.has(-e.from)) this.clientFirst.set(-e.from, ordinal);
        if (e.to < 0 && !this.clientFirst.has(-e.to)) this.clientFirst.set(-e.to, ordinal);
        this.trim();
        break;
      }
      case 'deliver':
      case 'drop': {
        const i = this.messages.indexOf(e.id);
        if (i < 0) return;
        this.messages.end(i, e.time, ordinal, e.type === 'drop' ? e.reason : null);
        if (this.built.size > 0) this.built.delete(e.id);
        break;
      }
      case 'electionStart':
        this.marks.push('candidate', e.server, e.time, ordinal, e.term, 0);
        this.change(e.server, e.time, ordinal, e.term, 'candidate', null);
        break;
      case 'becomeLeader':
        this.marks.push('leader', e.server, e.time, ordinal, e.term, 0);
        this.change(e.server, e.time, ordinal, e.term, 'leader', null);
        break;
      case 'stepDown':
        this.change(e.server, e.time, ordinal, e.term, 'follower', null);
        break;
      case 'commit':
        this.marks.push('commit', e.server, e.time, ordinal, 0, e.index);
        break;
      case 'crash':
        this.marks.push('crash', e.server, e.time, ordinal, 0, 0);
        this.change(e.server, e.time, ordinal, null, 'follower', true);
        break;
      case 'restart':
        this.marks.push('restart', e.server, e.time, ordinal, 0, 0);
        this.change(e.server, e.time, ordinal, null, 'follower', false);
        break;
      default:
        return;
    }
    this.version++;
  }

  /** A new state of a server's lane from `time` on (null: that part unchanged). */
  private change(
    server: ServerId,
    time: number,
    ordinal: number,
    term: number | null,
    role: Role,
    crashed: boolean | null,
  ): void {
    const lane = this.lanes[server - 1];
    if (lane === undefined) return;
    const last = lane.at(-1);
    lane.push({
      time,
      ordinal,
      term: term ?? last?.term ?? 0,
      role,
      crashed: crashed ?? last?.crashed ?? false,
    });
  }

  /** Keeps memory bounded on long runs: the oldest tenth of the messages and marks goes. */
  private trim(): void {
    if (this.messages.length <= MAX_SPACETIME_RECORDS) return;
    const excess = Math.ceil(MAX_SPACETIME_RECORDS / 10);
    if (excess < this.messages.length) this.trimmedBefore = this.messages.sentAt(excess);
    this.messages.dropFront(excess);
    this.marks.dropFront(this.marks.timeBound(this.trimmedBefore, false));
    this.built.clear();
  }

  /**
   * A fork: the timeline after the event `emitted` is abandoned, so what it recorded goes
   * (messages sent later, marks, lane changes), and a message that ended later is in flight again.
   */
  truncate(emitted: number, nowMs: number): void {
    const messages = this.messages;
    messages.truncate(messages.afterOrdinal(emitted));
    for (let i = messages.length - 1; i >= 0; i--) {
      // Sent so long before `nowMs` that it arrived (or was dropped) before it: already final.
      if (messages.sentAt(i) + this.maxSpanMs < nowMs) break;
      if (messages.endOrdinalAt(i) > emitted) messages.unend(i);
    }
    this.marks.truncate(this.marks.afterOrdinal(emitted));
    this.built.clear();
    for (const [client, first] of [...this.clientFirst])
      if (first > emitted) this.clientFirst.delete(client);
    for (const lane of this.lanes) {
      // The initial state (ordinal 0) always stays.
      lane.length = Math.max(1, upperBound(lane, emitted, ordinalKey));
    }
    this.version++;
  }

  /** A copy of everything recorded, for a timeline set aside (a fork that Undo may bring back). */
  save(): SavedSpaceTime {
    const saved: SavedState = {
      messages: this.messages.clone(),
      marks: this.marks.clone(),
      lanes: this.lanes.map((l) => l.slice()),
      clientFirst: new Map(this.clientFirst),
      maxSpanMs: this.maxSpanMs,
      trimmedBefore: this.trimmedBefore,
    };
    return saved;
  }

  /** Back to a copy made by save() (taken again, so the copy can be loaded twice). */
  load(saved: SavedSpaceTime): void {
    const copy = saved as SavedState;
    this.messages = copy.messages.clone();
    this.marks = copy.marks.clone();
    this.built.clear();
    this.lanes = copy.lanes.map((l) => l.slice());
    this.clientFirst = new Map(copy.clientFirst);
    this.maxSpanMs = copy.maxSpanMs;
    this.trimmedBefore = copy.trimmedBefore;
    this.version++;
  }

  /** Message i as a (frozen) record, built once until it changes. */
  private record(i: number): MessageRecord {
    const id = this.messages.idAt(i);
    const cached = this.built.get(id);
    if (cached !== undefined) return cached;
    if (this.built.size >= MAX_CACHED_RECORDS) this.built.clear();
    const record: MessageRecord = Object.freeze(this.messages.fields(i));
    this.built.set(id, record);
    return record;
  }

  /** Client ids (1, 2, …) that sent or received a message at or before the position. */
  clients(position: SpaceTimePosition): number[] {
    const out: number[] = [];
    for (const [client, first] of this.clientFirst) if (first <= position.emitted) out.push(client);
    return out.sort((x, y) => x - y);
  }

  /** statusAt, for a reader that holds a log but not its module (Panes.tsx). */
  statusOf(record: MessageRecord, position: SpaceTimePosition): MessageStatus | null {
    return SpaceTimeLog.statusAt(record, position);
  }

  /** The status of a record at a position, or null when it was not yet sent there. */
  static statusAt(record: MessageRecord, position: SpaceTimePosition): MessageStatus | null {
    if (record.sendOrdinal > position.emitted) return null;
    if (record.endOrdinal === null || record.endOrdinal > position.emitted) return 'flight';
    return record.dropReason === null ? 'delivered' : 'dropped';
  }

  /**
   * The messages drawn in the window [fromMs, toMs] seen from `position`: sent by then, with
   * some part of their arrow inside the window (a message in flight runs up to the position).
   * Sorted by send time. Binary search: the cost is the window's, not the run's.
   */
  messagesIn(fromMs: number, toMs: number, position: SpaceTimePosition): VisibleMessage[] {
    const out: VisibleMessage[] = [];
    const messages = this.messages;
    const start = messages.sentBound(fromMs - this.maxSpanMs, false);
    const stop = messages.sentBound(Math.min(toMs, position.timeMs), true);
    for (let i = start; i < stop; i++) {
      if (messages.sendOrdinalAt(i) > position.emitted) continue;
      const endOrdinal = messages.endOrdinalAt(i);
      const flight = endOrdinal < 0 || endOrdinal > position.emitted;
      if ((flight ? position.timeMs : messages.endMsAt(i)) < fromMs) continue;
      const record = this.record(i);
      out.push({ record, status: SpaceTimeLog.statusAt(record, position) as MessageStatus });
    }
    return out;
  }

  /** One message by id, or undefined (the same object until it changes). */
  message(id: number): MessageRecord | undefined {
    const i = this.messages.indexOf(id);
    return i < 0 ? undefined : this.record(i);
  }

  /** The lane marks in [fromMs, toMs] seen from `position`, in time order. */
  marksIn(fromMs: number, toMs: number, position: SpaceTimePosition): LaneMark[] {
    const marks = this.marks;
    const start = marks.timeBound(fromMs, false);
    const stop = marks.timeBound(toMs, true);
    const out: LaneMark[] = [];
    for (let i = start; i < stop; i++)
      if (marks.ordinalAt(i) <= position.emitted) out.push(marks.fields(i));
    return out;
  }

  /**
   * A server's lane over [fromMs, min(toMs, position)]: one segment per stretch of one term,
   * role and liveness, as known at `position`.
   */
  laneSegments(
    server: ServerId,
    fromMs: number,
    toMs: number,
    position: SpaceTimePosition,
  ): LaneSegment[] {
    const lane = this.lanes[server - 1];
    const end = Math.min(toMs, position.timeMs);
    if (lane === undefined || end < fromMs) return [];
    const known = upperBound(lane, position.emitted, ordinalKey);
    // The state in force at fromMs: the last change at or before it.
    let i = Math.max(0, Math.min(known, upperBound(lane, fromMs, timeKey)) - 1);
    const out: LaneSegment[] = [];
    for (; i < known; i++) {
      const s = lane[i] as LaneState;
      if (s.time > end) break;
      const next = i + 1 < known ? (lane[i + 1] as LaneState).time : end;
      const from = Math.max(fromMs, s.time);
      const to = Math.min(end, next);
      if (to > from || (to === from && i + 1 >= known))
        out.push({ from, to, term: s.term, role: s.role, crashed: s.crashed });
    }
    return out;
  }
}
