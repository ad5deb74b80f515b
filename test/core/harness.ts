/**
 * Test harness for the Figure 2 unit tests, in the init / act / check shape of etcd's
 * raft_paper_test.go:
 *
 * - init: build one server's state by hand (`makeServer`, `electLeader`),
 * - act: feed messages through `receive` / `tick` with a `FakeContext`, which records every
 *   message sent and every event emitted (in one ordered trail) and hands out deterministic
 *   election timeouts,
 * - check: assert the server's state and the recorded outputs.
 *
 * Nothing here reads a clock or draws a random number: a test is a pure function of its script.
 */
import { newServer, receive, startElection, tick, type RaftContext } from '../../src/core/raft.ts';
import { withDefaults } from '../../src/core/sim.ts';
import type {
  AppendEntries,
  AppendEntriesReply,
  ClientRequest,
  BugId,
  Endpoint,
  Entry,
  Message,
  MessageBody,
  MessageType,
  RequestVote,
  RequestVoteReply,
  Role,
  ServerId,
  ServerState,
  SimConfig,
  SimEvent,
  SimEventType,
  TimeMs,
} from '../../src/core/types.ts';

type EmittedEvent = Parameters<RaftContext['emit']>[0];

export interface SentMessage<B extends MessageBody = MessageBody> {
  from: Endpoint;
  to: Endpoint;
  body: B;
  time: TimeMs;
}

export type TrailItem = { kind: 'send'; message: SentMessage } | { kind: 'event'; event: SimEvent };

export interface FakeContextOptions {
  /** Overrides of DEFAULT_CONFIG; `servers` defaults to 3 here. */
  config?: Partial<SimConfig>;
  now?: TimeMs;
  /**
   * Election timeouts handed out in order (then cycled). Without them, draw k of server s is
   * `min + (s * 37 + k * 53) mod (max - min + 1)`: deterministic, in range, and different from
   * one draw to the next.
   */
  timeouts?: readonly number[];
}

/** A RaftContext that records instead of simulating. */
export class FakeContext implements RaftContext {
  now: TimeMs;
  readonly config: SimConfig;
  /** Everything sent and emitted, in call order. */
  readonly trail: TrailItem[] = [];
  /** Every election timeout drawn: which server, how long, and when. */
  readonly draws: { server: ServerId; ms: number; at: TimeMs }[] = [];
  /** Called at each `send`, before it is recorded (to look at a server at that instant). */
  onSend: ((m: SentMessage) => void) | null = null;
  private readonly timeouts: readonly number[];
  private drawCount = 0;
  private entryCount = 0;

  constructor(options: FakeContextOptions = {}) {
    this.config = withDefaults({ servers: 3, ...options.config });
    this.now = options.now ?? 0;
    this.timeouts = options.timeouts ?? [];
  }

  send(from: Endpoint, to: Endpoint, body: MessageBody): void {
    const message: SentMessage = { from, to, body: structuredClone(body), time: this.now };
    this.onSend?.(message);
    this.trail.push({ kind: 'send', message });
  }

  emit(event: EmittedEvent): void {
    this.trail.push({ kind: 'event', event: { ...event, time: this.now } as SimEvent });
  }

  emitCommit(server: ServerId, index: number): void {
    this.emit({ type: 'commit', server, index, time: this.now });
  }

  emitReplicate(server: ServerId, leader: ServerId, fromIndex: number, toIndex: number): void {
    this.emit({ type: 'replicate', server, leader, fromIndex, toIndex, time: this.now });
  }

  drawElectionTimeout(server: ServerId): number {
    const k = this.drawCount++;
    let ms: number;
    if (this.timeouts.length > 0) {
      ms = this.timeouts[k % this.timeouts.length] as number;
    } else {
      const [min, max] = this.config.electionTimeoutMs;
      ms = min + ((server * 37 + k * 53) % (max - min + 1));
    }
    this.draws.push({ server, ms, at: this.now });
    return ms;
  }

  entryId(server: ServerId, term: number, index: number): string {
    this.entryCount += 1;
    return `S${server}t${term}i${index}#${this.entryCount}`;
  }

  bug(id: BugId): boolean {
    return this.config.bugs.includes(id);
  }

  // ----- reading what happened -----

  get sent(): SentMessage[] {
    return this.trail.flatMap((t) => (t.kind === 'send' ? [t.message] : []));
  }

  get events(): SimEvent[] {
    return this.trail.flatMap((t) => (t.kind === 'event' ? [t.event] : []));
  }

  sentOf<T extends MessageType>(type: T): SentMessage<Extract<MessageBody, { type: T }>>[] {
    return this.sent.filter(
      (m): m is SentMessage<Extract<MessageBody, { type: T }>> => m.body.type === type,
    );
  }

  eventsOf<T extends SimEventType>(type: T): Extract<SimEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);
  }

  /** The one message sent since the last `clear`; fails the test if there are more or none. */
  only<T extends MessageType>(type: T): SentMessage<Extract<MessageBody, { type: T }>> {
    const all = this.sent;
    const first = all[0];
    if (all.length !== 1 || first === undefined || first.body.type !== type) {
      throw new Error(
        `expected exactly one ${type}, got [${all.map((m) => m.body.type).join(', ')}]`,
      );
    }
    return first as SentMessage<Extract<MessageBody, { type: T }>>;
  }

  /** Position of the first trail item matching `pred`, or -1. */
  indexOf(pred: (t: TrailItem) => boolean): number {
    return this.trail.findIndex(pred);
  }

  /** Forgets what was recorded so far (the draws too); the clock and counters stay. */
  clear(): void {
    this.trail.length = 0;
    this.draws.length = 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Building state by hand
// ---------------------------------------------------------------------------------------------

/**
 * An entry at a 1-based index. Equal (index, term) gives an equal id and command, as two servers
 * loaded from one picture would hold "the same" entry.
 */
export function entry(index: number, term: number, command?: string): Entry {
  return { term, command: command ?? `set k${index} t${term}`, id: `i${index}t${term}` };
}

/** Entries from a list of terms, starting at `firstIndex` (default 1). */
export function entries(terms: readonly number[], firstIndex = 1): Entry[] {
  return terms.map((term, i) => entry(firstIndex + i, term));
}

export interface ServerInit {
  id?: ServerId;
  /** Cluster size (peers are every other id); defaults to the context's config, else 3. */
  servers?: number;
  term?: number;
  votedFor?: ServerId | null;
  /** Entry terms (`[1, 1, 2]`) or ready-made entries. */
  log?: readonly number[] | readonly Entry[];
  role?: Role;
  commitIndex?: number;
  /** Defaults to commitIndex. */
  lastApplied?: number;
  leaderHint?: ServerId | null;
  electionDeadlineMs?: TimeMs;
}

export function makeServer(init: ServerInit = {}): ServerState {
  const s = newServer(init.id ?? 1, init.servers ?? 3);
  s.term = init.term ?? 0;
  s.votedFor = init.votedFor ?? null;
  const log = init.log ?? [];
  s.log = log.map((x, i) => (typeof x === 'number' ? entry(i + 1, x) : { ...x }));
  s.role = init.role ?? 'follower';
  s.commitIndex = init.commitIndex ?? 0;
  s.lastApplied = init.lastApplied ?? s.commitIndex;
  s.leaderHint = init.leaderHint ?? null;
  s.electionDeadlineMs = init.electionDeadlineMs ?? 1_000;
  s.electionTimeoutMs = 200;
  return s;
}

/** The terms of a server's log, for compact assertions. */
export function terms(s: ServerState): number[] {
  return s.log.map((e) => e.term);
}

/** Majority of the context's cluster. */
export function majority(ctx: FakeContext): number {
  return Math.floor(ctx.config.servers / 2) + 1;
}

/**
 * Makes `s` leader of term `s.term + 1` through the real code path: `startElection`, then grants
 * from the lowest-numbered peers until a majority. The recorded trail is cleared afterwards.
 */
export function electLeader(s: ServerState, ctx: FakeContext): void {
  startElection(s, ctx, true);
  const voters = s.peers.slice(0, majority(ctx) - 1).map((p) => p.id);
  for (const v of voters)
    deliver(s, ctx, v, {
      type: 'RequestVoteReply',
      term: s.term,
      voteGranted: true,
      preVote: false,
    });
  if (s.role !== 'leader') throw new Error(`S${s.id} was not elected`);
  ctx.clear();
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

let nextMessageId = 1;

export function message(from: Endpoint, to: Endpoint, body: MessageBody): Message {
  return {
    id: nextMessageId++,
    from,
    to,
    sentMs: 0,
    deliverMs: 0,
    body,
    lost: false,
    duplicateOf: null,
  };
}

/** `receive` of one message from `from` to `s`. */
export function deliver(s: ServerState, ctx: FakeContext, from: Endpoint, body: MessageBody): void {
  receive(s, message(from, s.id, body), ctx);
}

/** Sets the clock and fires the server's timer. */
export function tickAt(s: ServerState, ctx: FakeContext, now: TimeMs): void {
  ctx.now = now;
  tick(s, ctx);
}

export function rv(
  candidateId: ServerId,
  term: number,
  lastLogIndex: number,
  lastLogTerm: number,
): RequestVote {
  return {
    type: 'RequestVote',
    term,
    candidateId,
    lastLogIndex,
    lastLogTerm,
    preVote: false,
    transfer: false,
  };
}

export function rvReply(term: number, voteGranted: boolean): RequestVoteReply {
  return { type: 'RequestVoteReply', term, voteGranted, preVote: false };
}

export interface AeInit {
  term: number;
  leaderId: ServerId;
  prevLogIndex?: number;
  prevLogTerm?: number;
  /** Entry terms, placed after prevLogIndex, or ready-made entries. */
  entries?: readonly number[] | readonly Entry[];
  leaderCommit?: number;
  /** The leader's clock at sending, echoed in the reply (C-4). */
  sentMs?: number;
}

export function ae(init: AeInit): AppendEntries {
  const prevLogIndex = init.prevLogIndex ?? 0;
  const list = init.entries ?? [];
  return {
    type: 'AppendEntries',
    term: init.term,
    leaderId: init.leaderId,
    prevLogIndex,
    prevLogTerm: init.prevLogTerm ?? 0,
    entries: list.map((x, i) => (typeof x === 'number' ? entry(prevLogIndex + 1 + i, x) : x)),
    leaderCommit: init.leaderCommit ?? 0,
    sentMs: init.sentMs ?? 0,
  };
}

/** An AppendEntries reply; a rejection names the prevLogIndex it refused (0 on success). */
export function aeReply(
  term: number,
  success: boolean,
  matchIndex: number,
  rejectedIndex = 0,
  echoSentMs = 0,
): AppendEntriesReply {
  return { type: 'AppendEntriesReply', term, success, matchIndex, rejectedIndex, echoSentMs };
}

/** Copy of the persistent state (F2-S1..S3), for "unchanged" checks. */
export function persistent(s: ServerState): {
  term: number;
  votedFor: ServerId | null;
  log: Entry[];
} {
  return structuredClone({ term: s.term, votedFor: s.votedFor, log: s.log });
}

/** A client command as it arrives at a server (C-1, C-2). */
export function clientRequest(client: number, seq: number, command: string): ClientRequest {
  return { type: 'ClientRequest', client, seq, command };
}
