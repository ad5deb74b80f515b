/**
 * The deterministic simulation: one virtual clock, one event queue ordered by (time, sequence), the
 * network, the servers, the clients and the invariant checker. A run is fully described by
 * (seed, config, initial state, actions); the whole state is plain data, so a checkpoint is a deep
 * copy and a restored checkpoint continues exactly as the original did (the design notes).
 */
import { copyState, restoreSnapshot, snapshotState, type StateSnapshot } from './stateCopy.ts';
import { noteWrite } from './sharedList.ts';
import { canonicalAction, copyAction } from './actionOrder.ts';
import { CoreRefusalError } from './refusal.ts';
import * as client from './client.ts';
import { newChecker, type CheckerState } from './checkerState.ts';
// The checker runs when the simulation steps; a chunk of its own in the served build (stepping.ts).
import { checkStep } from './invariants.ts';
import {
  groupsOf,
  indexOfInFlight,
  latencyRange,
  linkKey,
  linkOpen,
  removeInFlight,
  takeInFlight,
  type NetworkState,
} from './network.ts';
import { chance, range, streamState, type PrngState } from './prng.ts';
import {
  hashAppend,
  hashApply,
  hashClientReply,
  hashClientSend,
  hashCommit,
  hashDeliver,
  hashEvent,
  hashReplicate,
  hashRequestAction,
  hashSend,
} from './traceHash.ts';
import {
  clientTimerRef,
  heapPop,
  heapPush,
  heapSize,
  timerClient,
  timerGen,
  topAt,
  topRef,
  topSeq,
  type Queue,
} from './queue.ts';
import { adminCommandOf, parseConfigText, summarizeMembership } from './membership.ts';
import * as raft from './raft.ts';
// What servers do when the simulation steps; a chunk of its own in the served build (raftSteps.ts).
import * as steps from './raftSteps.ts';
import { entriesIn, indexConfigs, snapshotIndex } from './raft/log.ts';
import type {
  Action,
  BugId,
  ClientState,
  DropReason,
  Endpoint,
  Entry,
  InitialServerState,
  Message,
  MessageBody,
  RunResult,
  RunSetup,
  ServerId,
  ServerState,
  ServerSummary,
  SimConfig,
  SimEvent,
  TimeMs,
  Violation,
} from './types.ts';

export const MAX_SERVERS = 9;
const TOUCHED_ALL = -1;
const TIMER_MIN_UNKNOWN = -2;
export const MAX_CLIENTS = 9;
/** Upper bound on queue items per runUntil call unless the caller gives one. */
export const DEFAULT_MAX_STEPS = 50_000_000;

export const DEFAULT_CONFIG: SimConfig = {
  servers: 5,
  electionTimeoutMs: [150, 300],
  heartbeatMs: 50,
  latencyMs: [10, 20],
  rpcTimeoutMs: 100,
  clientTimeoutMs: 600,
  maxEntriesPerAppend: 8,
  loss: [0, 1],
  duplication: [0, 1],
  noopOnElection: true,
  preVote: false,
  checkQuorum: false,
  disruptionGuard: false,
  members: null,
  reads: 'log',
  snapshotEvery: 0,
  followerReads: false,
  bugs: [],
};

export function withDefaults(partial: Partial<SimConfig>): SimConfig {
  return { ...DEFAULT_CONFIG, ...partial };
}

export type { NetworkState };

export interface SimState {
  seed: number;
  config: SimConfig;
  initial: InitialServerState[] | null;
  /** Virtual time reached. */
  now: TimeMs;
  /** Queue items processed so far: a position that "step back" can return to exactly. */
  steps: number;
  /** The action log, sorted by `at` (stable), and how many of its actions have run. */
  actions: Action[];
  actionCursor: number;
  servers: ServerState[];
  clients: ClientState[];
  network: NetworkState;
  /**
   * Messages to deliver and client timers, three numbers an item (queue.ts); the servers' timers
   * are kept in the slots below.
   */
  queue: Queue;
  seq: number;
  nextMessageId: number;
  nextEntryId: number;
  /** Each server's wake time as last computed (null: none). */
  timerAt: (TimeMs | null)[];
  /**
   * Each server's armed timer, one slot per server, re-armed in place: when it fires (null when
   * none is armed) and its place in the (time, sequence) order, a sequence number drawn from `seq`
   * as a queue item's would be, so events fire in the order a queue holding them would give.
   */
  timerDue: (TimeMs | null)[];
  timerSeq: number[];
  pinnedTimeoutMs: (number | null)[];
  rng: { latency: PrngState; loss: PrngState; duplication: PrngState; timeouts: PrngState[] };
  checker: CheckerState;
  trace: { h1: number; h2: number; events: number };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function validateSetup(setup: RunSetup): void {
  const { config } = setup;
  const n = config.servers;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SERVERS) {
    throw new CoreRefusalError(
      { code: 'servers', max: MAX_SERVERS },
      `config.servers must be an integer from 1 to ${MAX_SERVERS}`,
    );
  }
  const [tMin, tMax] = config.electionTimeoutMs;
  if (!(tMin >= 1 && tMax >= tMin)) {
    throw new CoreRefusalError(
      { code: 'electionTimeout' },
      'config.electionTimeoutMs is not a range',
    );
  }
  const [lMin, lMax] = config.latencyMs;
  if (!(lMin >= 0 && lMax >= lMin)) {
    throw new CoreRefusalError({ code: 'latency' }, 'config.latencyMs is not a range');
  }
  if (!(config.heartbeatMs >= 1 && config.rpcTimeoutMs >= 1 && config.clientTimeoutMs >= 1)) {
    throw new CoreRefusalError({ code: 'timers' }, 'config timers must be at least 1 ms');
  }
  const members = config.members;
  if (members !== null && (members.length === 0 || members.some((id) => !(id >= 1 && id <= n)))) {
    throw new CoreRefusalError(
      { code: 'members', servers: n },
      `config.members must list servers from 1 to ${n}`,
    );
  }
  if (config.reads === 'lease' && !config.checkQuorum) {
    throw new CoreRefusalError(
      { code: 'leaseNeedsCheckQuorum' },
      'config.reads "lease" needs config.checkQuorum (rule C-5)',
    );
  }
  if (config.followerReads && config.reads === 'log') {
    throw new CoreRefusalError(
      { code: 'followerReadsNeedReadIndex' },
      'config.followerReads needs config.reads "readIndex" or "lease" (rule C-4)',
    );
  }
  if (!(Number.isInteger(config.snapshotEvery) && config.snapshotEvery >= 0)) {
    throw new CoreRefusalError(
      { code: 'snapshotEvery' },
      'config.snapshotEvery must be a whole number of entries, 0 for never',
    );
  }
  if (setup.initial !== undefined && setup.initial.length !== n) {
    throw new CoreRefusalError(
      { code: 'initialCount', servers: n },
      `initial must hold one state per server (${n})`,
    );
  }
}

function initialServer(
  id: ServerId,
  config: SimConfig,
  init: InitialServerState | undefined,
): ServerState {
  const s = raft.newServer(id, config);
  if (init === undefined) return s;
  s.term = init.term;
  s.votedFor = init.votedFor;
  // Entries loaded as drawn: equal (index, term, command) on two servers is one entry.
  s.log = init.log.map(([term, command], i): Entry => {
    const entry: Entry = { term, command, id: `i${i + 1}t${term}:${command}` };
    const membership = parseConfigText(command);
    if (membership !== null) entry.config = membership;
    return entry;
  });
  indexConfigs(s);
  s.logDirtyFrom = s.log.length > 0 ? 1 : 0;
  return s;
}

export class Simulation {
  readonly state: SimState;
  onEvent: ((e: SimEvent) => void) | null = null;
  /**
   * Events of the queue item being processed, for the checker; reused across items. Sends and
   * deliveries are left out: the checker passes over them (checkStep).
   */
  private readonly stepEvents: SimEvent[] = [];

  private constructor(state: SimState) {
    this.state = state;
  }

  static create(setup: RunSetup): Simulation {
    validateSetup(setup);
    const config: SimConfig = {
      ...setup.config,
      members: setup.config.members === null ? null : [...setup.config.members],
      bugs: [...setup.config.bugs],
    };
    const n = config.servers;
    const servers = Array.from({ length: n }, (_, i) =>
      initialServer(i + 1, config, setup.initial?.[i]),
    );
    const seed = setup.seed >>> 0;
    const state: SimState = {
      seed,
      config,
      initial: setup.initial === undefined ? null : structuredClone([...setup.initial]),
      now: 0,
      steps: 0,
      actions: stableSortActions(setup.actions),
      actionCursor: 0,
      servers,
      clients: [],
      network: {
        latencyMs: [config.latencyMs[0], config.latencyMs[1]],
        loss: [config.loss[0], config.loss[1]],
        duplication: [config.duplication[0], config.duplication[1]],
        groups: null,
        cut: [],
        linkLatency: {},
        inFlight: [],
      },
      queue: [],
      seq: 0,
      nextMessageId: 1,
      nextEntryId: 1,
      timerAt: new Array<TimeMs | null>(n).fill(null),
      timerDue: new Array<TimeMs | null>(n).fill(null),
      timerSeq: new Array<number>(n).fill(0),
      pinnedTimeoutMs: new Array<number | null>(n).fill(null),
      rng: {
        latency: streamState(seed, 'latency'),
        loss: streamState(seed, 'loss'),
        duplication: streamState(seed, 'duplication'),
        timeouts: servers.map((s) => streamState(seed, `timeout/S${s.id}`)),
      },
      checker: newChecker(servers),
      trace: { h1: 0x811c9dc5, h2: 0x01234567, events: 0 },
    };
    const sim = new Simulation(state);
    const ctx = sim.raftContext();
    for (const s of servers) raft.resetElectionTimer(s, ctx);
    sim.finishStep();
    return sim;
  }

  /** A simulation continuing from a checkpoint; the checkpoint itself is not modified. */
  static fromState(state: SimState): Simulation {
    return new Simulation(copyState(state));
  }

  /**
   * A simulation continuing from a snapshot(); the snapshot itself is not modified. `recycle`, a
   * simulation its caller will never use again, lends its long lists, rewritten in place where
   * they differ (cheaper than copying them whole in a long run).
   */
  static fromSnapshot(snapshot: StateSnapshot, recycle?: Simulation): Simulation {
    return new Simulation(restoreSnapshot(snapshot, recycle?.state));
  }

  get now(): TimeMs {
    return this.state.now;
  }

  get config(): SimConfig {
    return this.state.config;
  }

  get traceHash(): string {
    const { h1, h2 } = this.state.trace;
    return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
  }

  get violations(): readonly Violation[] {
    return this.state.checker.violations;
  }

  /** A copy of the whole state that the run can no longer change (stateCopy.ts). */
  checkpoint(): SimState {
    return copyState(this.state);
  }

  /**
   * Like checkpoint(), but in a form that shares the long lists with the previous snapshot of
   * this run (stateCopy.ts): cheap to take and small however long the run. Restore it with
   * Simulation.fromSnapshot.
   */
  snapshot(): StateSnapshot {
    return snapshotState(this.state);
  }

  /** Time of the next queue item or action, or null when the run has nothing left to do. */
  nextEventTime(): TimeMs | null {
    this.pruneStale();
    const st = this.state;
    const timer = this.nextTimer();
    let at = heapSize(st.queue) > 0 ? topAt(st.queue) : null;
    if (timer >= 0) {
      const due = st.timerDue[timer] as TimeMs;
      if (at === null || due < at) at = due;
    }
    const action = st.actions[st.actionCursor];
    if (at === null) return action?.at ?? null;
    if (action === undefined) return at;
    return Math.min(at, action.at);
  }

  /** Processes one queue item or action. Returns false when there is nothing left. */
  step(): boolean {
    this.pruneStale();
    return this.stepPruned();
  }

  /**
   * step() once stale items are off the top of the queue; with `until`, only if the next item or
   * action is due by then (false, and nothing done, otherwise). runUntil passes its time here
   * rather than asking nextEventTime() first, which found the same next item once more.
   */
  private stepPruned(until = Infinity): boolean {
    const st = this.state;
    const queue = st.queue;
    let item = heapSize(queue) > 0;
    const action = st.actions[st.actionCursor];
    // The earlier of the queue's top and the first server timer, by (time, sequence).
    const timer = this.nextTimer();
    let itemAt = item ? topAt(queue) : Infinity;
    if (timer >= 0) {
      const due = st.timerDue[timer] as TimeMs;
      if (!item || due < itemAt || (due === itemAt && st.timerSeq[timer]! < topSeq(queue))) {
        item = false;
        itemAt = due;
      }
    }
    if (timer < 0 && !item && action === undefined) return false;
    if (itemAt > until && (action === undefined || action.at > until)) return false;
    // Actions at time t run after every internal event at t: replays then match live runs.
    if (action !== undefined && action.at < itemAt) {
      st.actionCursor += 1;
      st.now = Math.max(st.now, action.at);
      this.syncNow();
      this.touched = TOUCHED_ALL;
      this.runAction(action);
    } else if (item) {
      const ref = topRef(queue);
      heapPop(queue);
      st.now = Math.max(st.now, itemAt);
      this.syncNow();
      this.touched = this.itemServer(ref);
      this.runItem(ref);
    } else {
      // The timer fires: its slot is emptied, its wake time kept (as a popped queue item left it).
      this.disarm(timer);
      st.now = Math.max(st.now, itemAt);
      this.syncNow();
      const s = st.servers[timer] as ServerState;
      this.touched = s.id;
      steps.tick(s, this.raftContext());
    }
    st.steps += 1;
    this.finishStep();
    return true;
  }

  /** Processes every item with time ≤ t, then sets the clock to t. False if maxSteps ran out. */
  runUntil(t: TimeMs, maxSteps = DEFAULT_MAX_STEPS): boolean {
    for (let budget = maxSteps; ; budget--) {
      if (budget <= 0) {
        const next = this.nextEventTime();
        if (next !== null && next <= t) return false;
        break;
      }
      this.pruneStale();
      if (!this.stepPruned(t)) break;
    }
    if (t > this.state.now) this.state.now = t;
    return true;
  }

  /** Adds a user intervention; it runs after every internal event at the same time. */
  addAction(action: Action): void {
    const st = this.state;
    if (!Number.isInteger(action.at) || action.at < st.now) {
      throw new CoreRefusalError(
        { code: 'actionInPast', at: action.at, now: st.now },
        `action at ${action.at} is before the current time ${st.now}`,
      );
    }
    let i = st.actions.length;
    while (i > st.actionCursor && (st.actions[i - 1] as Action).at > action.at) i--;
    noteWrite(st.actions, i);
    st.actions.splice(i, 0, action);
  }

  /**
   * Adds `actions[from..]`, which must be in order of time (as the recorder keeps its log), as
   * addAction would one by one. A seek re-adds the actions of the whole run after its checkpoint:
   * thousands in a long run, each a separate object allocated minutes apart, so reading each one's
   * time cost about a cache miss (0.1 µs), a millisecond a seek. When the first is at or after
   * every pending action and now, and the last after the first, they are pushed at the end in one
   * pass, reading no action (a push at the end needs no shared-list note); otherwise one by one.
   */
  appendSortedActions(actions: readonly Action[], from = 0): void {
    const st = this.state;
    if (from >= actions.length) return;
    const first = actions[from] as Action;
    const last = actions[actions.length - 1] as Action;
    const pending = st.actions.length > st.actionCursor ? st.actions.at(-1) : undefined;
    const after = pending === undefined ? st.now : Math.max(st.now, pending.at);
    if (
      !Number.isInteger(first.at) ||
      !Number.isInteger(last.at) ||
      first.at < after ||
      last.at < first.at
    ) {
      for (let k = from; k < actions.length; k++) this.addAction(actions[k] as Action);
      return;
    }
    for (let k = from; k < actions.length; k++) st.actions.push(actions[k] as Action);
  }

  /** Fork: forget the actions that have not run yet and are later than `t`. */
  truncateActionsAfter(t: TimeMs): void {
    const st = this.state;
    let keep = st.actionCursor;
    while (keep < st.actions.length && (st.actions[keep] as Action).at <= t) keep++;
    noteWrite(st.actions, keep);
    st.actions.length = keep;
  }

  result(): RunResult {
    return {
      time: this.state.now,
      traceHash: this.traceHash,
      violations: this.violations.map((v) => ({
        invariant: v.invariant,
        time: v.time,
        servers: [...v.servers],
        message: v.message,
      })),
      servers: this.state.servers.map(summarizeServer),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Internals
  // -------------------------------------------------------------------------------------------

  /** Drops queue items that no longer mean anything (re-armed client timers, messages dropped by hand). */
  private pruneStale(): void {
    const st = this.state;
    for (;;) {
      if (heapSize(st.queue) === 0 || this.isLive(topRef(st.queue))) return;
      heapPop(st.queue);
    }
  }

  /** Whether a queue item (queue.ts) still means something. */
  private isLive(ref: number): boolean {
    if (ref > 0) return this.inFlightAt(ref) !== -1;
    return this.state.clients[timerClient(ref) - 1]?.timerGen === timerGen(ref);
  }

  /** Position of message `id` in flight, or -1; the last one found is tried first. */
  private inFlightAt(id: number): number {
    const list = this.state.network.inFlight;
    const cached = this.lastInFlightAt;
    if (list[cached]?.id === id) return cached;
    const at = indexOfInFlight(list, id);
    this.lastInFlightAt = at === -1 ? 0 : at;
    return at;
  }

  /** Where inFlightAt last found a message: the queue's top is looked up again to run it. */
  private lastInFlightAt = 0;

  /** The server the current step may change, 0 for none, TOUCHED_ALL for any (actions). */
  private touched = TOUCHED_ALL;

  private emit = (event: SimEvent): void => {
    // Every caller builds the event with its time (the clock) as the literal's last key: the
    // key order the trace hash reads, and one object in its final shape, not one given a key
    // afterwards (which cost V8 a second object for the added property).
    const trace = this.state.trace;
    const time = event.time;
    // The frequent events by writers made for their keys (their one maker writes them in this
    // order: raft/commit.ts, raft/follower.ts, raft/log.ts, client.ts); the others by the walk
    // over their keys (test/core/traceHash.test.ts holds both to JSON.stringify's bytes).
    switch (event.type) {
      case 'apply':
        hashApply(
          trace,
          event.server,
          event.index,
          event.command,
          event.result,
          event.duplicate,
          time,
        );
        break;
      case 'append':
        hashAppend(trace, event.server, event.index, event.term, event.command, time);
        break;
      case 'clientSend':
        hashClientSend(
          trace,
          event.client,
          event.seq,
          event.server,
          event.command,
          event.attempt,
          time,
        );
        break;
      case 'clientReply':
        hashClientReply(trace, event.client, event.seq, event.server, event.result, time);
        break;
      default:
        hashEvent(trace, event);
    }
    this.stepEvents.push(event);
    this.onEvent?.(event);
  };

  /**
   * The server a queue item can change: a timer's, or a message's receiver (0: none, a client's).
   * Servers change only through their own items and through actions, and a server's wake time
   * depends on its own state alone, so only that one needs re-arming after the item.
   */
  private itemServer(ref: number): number {
    if (ref < 0) return 0;
    const m = this.state.network.inFlight[this.inFlightAt(ref)];
    return m !== undefined && m.to > 0 ? m.to : 0;
  }

  /** After every item: re-arm server timers, then check every invariant (the rule catalogue (src/i18n/rules.ts)). */
  private finishStep(): void {
    const st = this.state;
    const touched = this.touched;
    if (touched === TOUCHED_ALL) for (const s of st.servers) this.rearm(s);
    else if (touched > 0) {
      const s = st.servers[touched - 1];
      if (s !== undefined) this.rearm(s);
    }
    this.touched = TOUCHED_ALL;
    const changed = touched === TOUCHED_ALL ? 'all' : touched;
    const found = checkStep(st.checker, st.servers, this.stepEvents, st.now, changed);
    // The violation events themselves are not checked again: clear after emitting them.
    for (let i = 0; i < found.length; i++) {
      this.emit({ type: 'violation', violation: found[i] as Violation, time: st.now });
    }
    // Most steps now leave no event here (sends and deliveries are not kept): setting the length
    // is a call into the runtime, skipped when there is nothing to clear.
    // Pops, not `length = 0`: a step emits two or three events, and setting the length calls
    // into the runtime on every step (about 1% of a run in a profile).
    const events = this.stepEvents;
    while (events.length !== 0) events.pop();
  }

  private rearm(s: ServerState): void {
    const st = this.state;
    const wake = raft.wakeTime(s, st.config);
    const i = s.id - 1;
    if (wake === st.timerAt[i]) return;
    st.timerAt[i] = wake;
    if (wake === null) {
      this.disarm(i);
      return;
    }
    // In place of pushing a new timer item and leaving the old one behind as stale.
    const due = Math.max(wake, st.now);
    const seq = st.seq++;
    st.timerDue[i] = due;
    st.timerSeq[i] = seq;
    const min = this.timerMin;
    if (min === TIMER_MIN_UNKNOWN) return;
    if (min === i) this.timerMin = TIMER_MIN_UNKNOWN;
    else if (min === -1) this.timerMin = i;
    else {
      const minDue = st.timerDue[min] as TimeMs;
      if (due < minDue || (due === minDue && seq < st.timerSeq[min]!)) this.timerMin = i;
    }
  }

  private disarm(i: number): void {
    this.state.timerDue[i] = null;
    if (this.timerMin === i) this.timerMin = TIMER_MIN_UNKNOWN;
  }

  /**
   * The slot of the first armed server timer by (time, sequence), -1 for none. Cached between
   * steps (TIMER_MIN_UNKNOWN: to be found again, at most 9 slots); not part of the state.
   */
  private timerMin = TIMER_MIN_UNKNOWN;

  private nextTimer(): number {
    if (this.timerMin !== TIMER_MIN_UNKNOWN) return this.timerMin;
    const { timerDue, timerSeq } = this.state;
    let min = -1;
    let minDue = Infinity;
    let minSeq = 0;
    for (let i = 0; i < timerDue.length; i++) {
      const due = timerDue[i];
      if (due === null || due === undefined) continue;
      const seq = timerSeq[i] as number;
      if (due < minDue || (due === minDue && seq < minSeq)) {
        min = i;
        minDue = due;
        minSeq = seq;
      }
    }
    this.timerMin = min;
    return min;
  }

  private server(id: ServerId): ServerState | undefined {
    return this.state.servers[id - 1];
  }

  private bug = (id: BugId): boolean => {
    const bugs = this.state.config.bugs;
    return bugs.length !== 0 && bugs.includes(id);
  };

  /**
   * The contexts' clock, a plain field rather than a getter over the state (read many times a
   * step): set from the state's clock at the start of every step, before anything can read it.
   * Outside a step (the recorder may set the state's clock) the contexts are not used.
   */
  private syncNow(): void {
    const now = this.state.now;
    if (this.raftCtx !== null) this.raftCtx.now = now;
    if (this.clientCtx !== null) this.clientCtx.now = now;
  }

  /** One context for the whole run: it reads the live state, so nothing is rebuilt per event. */
  private raftCtx: Mutable<raft.RaftContext> | null = null;

  private raftContext(): raft.RaftContext {
    if (this.raftCtx !== null) return this.raftCtx;
    const st = this.state; // never replaced: a restore makes a new Simulation
    this.raftCtx = {
      now: st.now,
      config: st.config, // never replaced either
      send: (from, to, body) => this.send(from, to, body),
      emit: this.emit,
      emitCommit: (server, index) => {
        const now = this.state.now;
        hashCommit(this.state.trace, server, index, now);
        this.onEvent?.({ type: 'commit', server, index, time: now });
      },
      emitReplicate: (server, leader, fromIndex, toIndex) => {
        const now = this.state.now;
        hashReplicate(this.state.trace, server, leader, fromIndex, toIndex, now);
        this.onEvent?.({ type: 'replicate', server, leader, fromIndex, toIndex, time: now });
      },
      drawElectionTimeout: (server) => this.drawElectionTimeout(server),
      entryId: () => `e${this.state.nextEntryId++}`,
      bug: this.bug,
    };
    return this.raftCtx;
  }

  private clientCtx: Mutable<client.ClientContext> | null = null;

  private clientContext(): client.ClientContext {
    if (this.clientCtx !== null) return this.clientCtx;
    const st = this.state;
    this.clientCtx = {
      now: st.now,
      get servers() {
        return st.config.servers;
      },
      get clientTimeoutMs() {
        return st.config.clientTimeoutMs;
      },
      get retryPauseMs() {
        return st.config.rpcTimeoutMs;
      },
      send: (from, to, body) => this.send(from, to, body),
      emit: this.emit,
      setTimer: (c, at) => {
        const st = this.state;
        c.timerGen += 1;
        heapPush(st.queue, at, st.seq++, clientTimerRef(c.id, c.timerGen));
      },
    };
    return this.clientCtx;
  }

  private drawElectionTimeout(server: ServerId): number {
    const st = this.state;
    const pinned = st.pinnedTimeoutMs[server - 1];
    if (pinned !== null && pinned !== undefined) {
      st.pinnedTimeoutMs[server - 1] = null;
      return pinned;
    }
    const stream = st.rng.timeouts[server - 1] as PrngState;
    const timeouts = st.config.electionTimeoutMs;
    return range(stream, timeouts[0], timeouts[1]);
  }

  private send(from: Endpoint, to: Endpoint, body: MessageBody): void {
    const first = this.enqueueMessage(from, to, body, null);
    const net = this.state.network;
    if (chance(this.state.rng.duplication, net.duplication[0], net.duplication[1])) {
      this.enqueueMessage(from, to, body, first);
    }
  }

  private enqueueMessage(
    from: Endpoint,
    to: Endpoint,
    body: MessageBody,
    duplicateOf: number | null,
  ): number {
    const st = this.state;
    const net = st.network;
    const latencies = latencyRange(net, from, to);
    const latency = range(st.rng.latency, latencies[0], latencies[1]);
    const lost = chance(st.rng.loss, net.loss[0], net.loss[1]);
    const message: Message = {
      id: st.nextMessageId++,
      from,
      to,
      sentMs: st.now,
      deliverMs: st.now + latency,
      body,
      lost,
      duplicateOf,
    };
    net.inFlight.push(message);
    heapPush(st.queue, message.deliverMs, st.seq++, message.id);
    // As emit() would: the same keys in the same order, time last; hashed without a walk.
    const duplicate = duplicateOf !== null;
    hashSend(st.trace, message.id, from, to, body.type, message.deliverMs, duplicate, st.now);
    // The checker passes over sends and deliveries (checkStep: they change nothing it reads), so
    // they are not kept for it, and their event is made only for a listener.
    const listener = this.onEvent;
    if (listener !== null) {
      listener({
        type: 'send',
        id: message.id,
        from,
        to,
        msg: body.type,
        deliverMs: message.deliverMs,
        duplicate,
        time: st.now,
      });
    }
    return message.id;
  }

  private runItem(ref: number): void {
    if (ref > 0) {
      this.deliver(ref);
      return;
    }
    const c = this.state.clients[timerClient(ref) - 1];
    if (c !== undefined) client.onTimer(c, this.clientContext());
  }

  private deliver(id: number): void {
    const st = this.state;
    const m = takeInFlight(st.network, this.inFlightAt(id));
    if (m === undefined) return;
    const target = m.to > 0 ? this.server(m.to) : undefined;
    let reason: DropReason | null = null;
    if (m.lost) reason = 'loss';
    else if (!linkOpen(st.network, m.from, m.to)) reason = 'partition';
    else if (target?.crashed === true) reason = 'crashed';
    if (reason !== null) {
      this.emit({
        type: 'drop',
        id: m.id,
        from: m.from,
        to: m.to,
        msg: m.body.type,
        reason,
        time: st.now,
      });
      return;
    }
    hashDeliver(st.trace, m.id, m.from, m.to, m.body.type, st.now);
    const listener = this.onEvent;
    if (listener !== null) {
      listener({
        type: 'deliver',
        id: m.id,
        from: m.from,
        to: m.to,
        msg: m.body.type,
        time: st.now,
      });
    }
    if (target !== undefined) {
      steps.receive(target, m, this.raftContext());
      return;
    }
    const c = st.clients[-m.to - 1];
    if (c !== undefined && m.body.type === 'ClientReply' && m.from > 0) {
      client.onReply(c, m.from, m.body, this.clientContext());
    }
  }

  private runAction(action: Action): void {
    const st = this.state;
    // Canonical key order: the trace hash must not depend on how the action object was built.
    // The checker passes over actions' events: with no listener, a request is hashed by hand
    // and no event is made.
    if (this.onEvent !== null || !hashRequestAction(st.trace, action, st.now)) {
      this.emit({ type: 'action', action: canonicalAction(action), time: st.now });
    }
    switch (action.do) {
      case 'crash':
      case 'restart':
      case 'timeout':
        this.serverAction(action.do, action.server);
        return;
      case 'partition':
        st.network.groups = groupsOf(action.groups, st.config.servers);
        return;
      case 'heal':
        st.network.groups = null;
        st.network.cut = [];
        return;
      case 'cut':
      case 'connect':
        this.linkAction(action.do, action.link[0], action.link[1]);
        return;
      case 'request':
        this.clientRequest(action.command, action.server ?? null, action.client ?? 1);
        return;
      case 'drop':
        this.dropByHand(action.message);
        return;
      case 'dropInFlight':
        for (const m of [...st.network.inFlight]) {
          if (action.type !== undefined && m.body.type !== action.type) continue;
          if (action.from !== undefined && m.from !== action.from) continue;
          if (action.to !== undefined && m.to !== action.to) continue;
          this.dropByHand(m.id);
        }
        return;
      case 'network':
        if (action.latencyMs !== undefined)
          st.network.latencyMs = [action.latencyMs[0], action.latencyMs[1]];
        if (action.loss !== undefined) st.network.loss = [action.loss[0], action.loss[1]];
        if (action.duplication !== undefined)
          st.network.duplication = [action.duplication[0], action.duplication[1]];
        return;
      case 'linkLatency': {
        const key = linkKey(action.link[0], action.link[1]);
        if (action.latencyMs === null) delete st.network.linkLatency[key];
        else st.network.linkLatency[key] = [action.latencyMs[0], action.latencyMs[1]];
        return;
      }
      case 'nextTimeout':
        if (action.server >= 1 && action.server <= st.config.servers)
          st.pinnedTimeoutMs[action.server - 1] = action.ms;
        return;
      case 'transfer':
        this.transfer(action.server);
        return;
      case 'addServer':
      case 'removeServer':
      case 'addLearner':
      case 'promote':
      case 'reconfigure': {
        // An admin client's command, with redirects and retries like any request (§1.9).
        const command = adminCommandOf(action);
        if (command !== null) this.clientRequest(command, action.via ?? null, action.client ?? 1);
        return;
      }
    }
  }

  private serverAction(kind: 'crash' | 'restart' | 'timeout', id: ServerId): void {
    const s = this.server(id);
    if (s === undefined) return;
    const ctx = this.raftContext();
    if (kind === 'crash' && !s.crashed) {
      raft.crash(s, ctx);
      this.emit({ type: 'crash', server: id, time: ctx.now });
    } else if (kind === 'restart' && s.crashed) {
      steps.restart(s, ctx);
      this.emit({ type: 'restart', server: id, time: ctx.now });
    } else if (kind === 'timeout' && !s.crashed) {
      steps.electionTimeout(s, ctx, true);
    }
  }

  /** X-LT: the current leader (the live one of the highest term) hands over to `target`. */
  private transfer(target: ServerId): void {
    let leader: ServerState | undefined;
    for (const s of this.state.servers) {
      if (s.role === 'leader' && !s.crashed && (leader === undefined || s.term > leader.term))
        leader = s;
    }
    const ctx = this.raftContext();
    if (leader === undefined)
      ctx.emit({ type: 'transfer', server: 0, target, phase: 'refused', time: ctx.now });
    else steps.startTransfer(leader, target, ctx);
  }

  private linkAction(kind: 'cut' | 'connect', a: ServerId, b: ServerId): void {
    const net = this.state.network;
    const key = linkKey(a, b);
    const has = net.cut.includes(key);
    if (kind === 'cut' && !has) net.cut.push(key);
    if (kind === 'connect' && has) net.cut = net.cut.filter((k) => k !== key);
    net.cut.sort();
  }

  private clientRequest(command: string, server: ServerId | null, clientId: number): void {
    const st = this.state;
    if (clientId < 1 || clientId > MAX_CLIENTS) return;
    while (st.clients.length < clientId) st.clients.push(client.newClient(st.clients.length + 1));
    const c = st.clients[clientId - 1] as ClientState;
    const target = server !== null && server >= 1 && server <= st.config.servers ? server : null;
    client.submit(c, command, target, this.clientContext());
  }

  private dropByHand(id: number): void {
    const m = removeInFlight(this.state.network, id);
    if (m === undefined) return;
    this.emit({
      type: 'drop',
      id: m.id,
      from: m.from,
      to: m.to,
      msg: m.body.type,
      reason: 'manual',
      time: this.state.now,
    });
  }
}

function stableSortActions(actions: readonly Action[]): Action[] {
  return actions
    .map((a, i) => ({ a, i }))
    .sort((x, y) => x.a.at - y.a.at || x.i - y.i)
    .map(({ a }) => copyAction(a));
}

export function summarizeServer(s: ServerState): ServerSummary {
  return {
    id: s.id,
    role: s.role,
    crashed: s.crashed,
    term: s.term,
    votedFor: s.votedFor,
    log: entriesIn(s, snapshotIndex(s) + 1, s.log.length).map((e): [number, string] => [
      e.term,
      e.command,
    ]),
    commitIndex: s.commitIndex,
    lastApplied: s.lastApplied,
    kv: { ...s.kv },
    membership: summarizeMembership(s),
    snapshot: s.snapshot === null ? null : { index: s.snapshot.index, term: s.snapshot.term },
  };
}

/** Default end of a headless run: 10 s of virtual time after the last action (the design notes CLI). */
export function defaultUntil(actions: readonly Action[]): TimeMs {
  let last = 0;
  for (const a of actions) last = Math.max(last, a.at);
  return last + 10_000;
}

export function runScenario(
  setup: RunSetup,
  untilMs: TimeMs,
): { sim: Simulation; result: RunResult } {
  const sim = Simulation.create(setup);
  sim.runUntil(untilMs);
  return { sim, result: sim.result() };
}
