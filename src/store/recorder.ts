/**
 * The recorded run behind the store: the live Simulation, its action log, checkpoints and the
 * notable events of the timeline. It is plain TypeScript (no zustand), kept outside the reactive
 * state because the Simulation mutates itself in place; the store publishes frozen frames of it.
 *
 * Positions in a run are totally ordered by (steps, now): the queue items processed and the
 * virtual time. The "head" is the furthest position reached in the current timeline; a viewer
 * behind the head is in the past, and acting there forks (the determinism contract).
 */
import { Simulation } from '../core/index.ts';
import type { StateSnapshot } from '../core/stateCopy.ts';
import { HistoryRecorder, type HistoryOp } from '../core/history.ts';
import { copyAction } from '../core/actionOrder.ts';
import type { Action, MessageBody, RunSetup, SimEvent, SimEventType } from '../core/types.ts';
import { CheckpointList } from './checkpoints.ts';
import type { Checkpoint } from './checkpoints.ts';
import { deepFreeze } from './frame.ts';
import { EVENT_CHUNK, EventLog, eventPacker, type EventList } from './eventList.ts';
import type { SavedSpaceTime, SpaceTimeLog } from './spaceTime.ts';
import { spaceTimeSource, type SpaceTimeSource } from './spaceTimeCode.ts';
import { engineSource, type EngineSource } from './engine.ts';
import { SpaceTimeQueue, isSavedQueue, replay, type SavedQueue } from './spaceTimeQueue.ts';

/** The timeline list keeps at most this many events; the oldest tenth (one chunk) goes first. */
export const MAX_TIMELINE_EVENTS = 10 * EVENT_CHUNK;

/** Message traffic is too dense for the feed and the timeline; everything else is notable. */
export function isNotable(e: SimEvent): boolean {
  return e.type !== 'send' && e.type !== 'deliver';
}

/**
 * Client events (`clientSend`, `clientReply`) the recorder keeps for the history check (INV-C2).
 * Past it later ones are dropped: what is kept stays a sound history (the operations in flight at
 * the cut become pending, nothing invoked later is missing from an explanation).
 */
export const MAX_CLIENT_EVENTS = 1_000_000;

const isClientEvent = (e: SimEvent): boolean => e.type === 'clientSend' || e.type === 'clientReply';

/** Whether every field of events of type E is a plain value (no object, no array). */
type AllPlain<E> = {
  [K in keyof E]-?: E[K] extends string | number | boolean | null | undefined ? true : false;
}[keyof E] extends true
  ? true
  : false;

/**
 * For each type of event, whether its fields are all plain values. Checked by the compiler: an
 * entry that disagrees with the event's type in core/types.ts (a field that becomes an object, a
 * new type of event) does not compile.
 */
const PLAIN_EVENT: { readonly [T in SimEventType]: AllPlain<Extract<SimEvent, { type: T }>> } = {
  action: false,
  send: true,
  deliver: true,
  drop: true,
  electionStart: true,
  vote: true,
  preVoteStart: true,
  preVote: true,
  voteIgnored: true,
  membership: false,
  transfer: true,
  read: true,
  quorumLost: true,
  becomeLeader: true,
  stepDown: true,
  append: true,
  replicate: true,
  truncate: true,
  snapshot: true,
  installSnapshot: true,
  commit: true,
  apply: true,
  crash: true,
  restart: true,
  clientSend: true,
  clientRedirect: true,
  clientReply: true,
  clientLateReply: true,
  violation: false,
};

/**
 * An event the recorder may keep, frozen. The core emits each event as a fresh object literal and
 * never changes it afterwards (Simulation.emit), so one whose fields are all plain values (most:
 * commits, applies, appends, client events) is kept as it is, only frozen; one that holds an
 * object (an action, a violation, a configuration) might share it with the live state, so it is
 * copied first, as every event was before (a copy cost as much as a fifth of the core's time).
 * Which is which is told by the event's type (PLAIN_EVENT), not by looking at every field.
 */
export function keepEvent(e: SimEvent): SimEvent {
  if (PLAIN_EVENT[e.type]) return Object.freeze(e);
  // An action (one event per action) is copied as the log copies it (frozenAction).
  if (e.type === 'action') return Object.freeze({ ...e, action: frozenAction(e.action) });
  return deepFreeze(structuredClone(e));
}

/**
 * How the recorder's event lists pack a filled chunk (eventList.ts): events of plain values in
 * typed arrays, the others (copied and frozen by keepEvent) as they are.
 */
const packEvents = eventPacker<SimEvent>((e) => PLAIN_EVENT[e.type]);

/**
 * A frozen copy of a user's action that shares nothing with it: a request or a crash (plain
 * values) copied key by key, anything else through a structured clone. A structured clone and a
 * deep freeze cost ten times the spread; at a request every 100 virtual ms they were a tenth of
 * what recording added to a run.
 */
export function frozenAction(action: Action): Action {
  // copyAction (core/actionOrder.ts) copies a flat action in one pass over its keys, an own
  // "__proto__" key and anything else as a structured clone would.
  return deepFreeze(copyAction(action));
}

/** Queue items an action may take to settle at its own instant (a bound, never reached in practice). */
const ACT_STEP_LIMIT = 10_000;

/** The space-time log and the position it is seen from (published in the store). */
export interface SpaceTimeView {
  /** Null until the log's code has arrived (the served build loads it after the first paint). */
  readonly log: SpaceTimeLog | null;
  /** The log's version when this view was taken. */
  readonly version: number;
  /** Events emitted up to the current position. */
  readonly emitted: number;
}

export type AdvanceResult = 'reached' | 'budget' | 'violation';

interface Position {
  ms: number;
  steps: number;
  emitted: number;
}

/**
 * What acting in the past replaced (or what Undo set aside in its turn): a fork at `atMs` kept the
 * timeline up to there and dropped the rest, which the recorder holds so Undo can bring it back.
 */
export interface Replacement {
  /** Virtual time of the fork. */
  readonly atMs: number;
  /** The end of the timeline that was set aside. */
  readonly untilMs: number;
  /** User actions of the set-aside timeline after the fork. */
  readonly actions: number;
  /** True once Undo brought the replaced future back (what is set aside is then the newer one). */
  readonly undone: boolean;
}

/** Everything the recorder keeps of one timeline after a fork point (swapped by Undo). */
interface SavedTimeline {
  log: Action[];
  head: Position;
  notable: EventList<SimEvent>;
  ordinals: EventList<number>;
  clientOrdinals: number[];
  clientEvents: EventList<SimEvent>;
  checkpoints: ReturnType<CheckpointList<StateSnapshot>['save']>;
  requests: number;
  spaceTime: SavedSpaceTime | SavedQueue;
}

/** Inserts keeping the log sorted by `at`, after any action with the same `at` (stable). */
function insertSorted(log: Action[], a: Action): void {
  let i = log.length;
  while (i > 0 && (log[i - 1] as Action).at > a.at) i--;
  log.splice(i, 0, a);
}

function countRequests(log: readonly Action[]): number {
  let n = 0;
  for (const a of log) if (a.do === 'request') n++;
  return n;
}

/** Where a recorder gets code that the served build loads after the first paint. */
export interface RecorderSources {
  spaceTime?: SpaceTimeSource | undefined;
  engine?: EngineSource | undefined;
}

export class Recorder {
  sim!: Simulation;
  readonly checkpoints = new CheckpointList<StateSnapshot>();
  private setup: RunSetup;
  private log: Action[] = [];
  private head: Position = { ms: 0, steps: 0, emitted: 0 };
  /** The notable events (at most MAX_TIMELINE_EVENTS), published without copying (eventList.ts). */
  private readonly notable = new EventLog<SimEvent>(packEvents);
  /** The ordinal of each notable event (what a fork cuts them back by). */
  private readonly ordinals = new EventLog<number>();
  /** Bump when the action log changes, so its copy can be cached. */
  private actionsVersion = 0;
  private cachedActions = { version: -1, value: [] as readonly Action[] };
  /**
   * Every client event of the timeline, oldest first, and the ordinal of each (two lists, so a
   * client event costs no object of its own): unlike the notable events never thinned, so the
   * client history of any position can be rebuilt (historyAt). Not packed, unlike the notable
   * events: the history check's rebuild after a seek back reads all of them, and decoding them
   * made it slower (at 30 virtual minutes about 100 ms of CPU instead of 60).
   */
  private readonly clientEvents = new EventLog<SimEvent>();
  private clientOrdinals: number[] = [];
  /** Bumped when the client log is replaced or cut (a new run, a fork). */
  private clientLogVersion = 0;
  /** A fault to throw from the next recorded event (injectFault); null: none. */
  private fault: string | null = null;
  /** The timeline the last fork replaced (or Undo set aside), and where they part; null: none. */
  private setAside: {
    fork: Position;
    /** Actions both timelines share (those up to the fork). */
    shared: number;
    timeline: SavedTimeline;
    undone: boolean;
  } | null = null;
  /** Client requests in the action log (the store numbers generated commands with it). */
  private requests = 0;
  /** Forks so far: the store compares it around an action to tell that a future was replaced. */
  private forks = 0;
  /**
   * Every message and lane change of the timeline, for the space-time diagram (spaceTime.ts); a
   * queue of what it is told until its code arrives (spaceTimeCodeLazy.ts).
   */
  private spaceTimeLog: SpaceTimeLog | SpaceTimeQueue;
  private cachedSpaceTime: SpaceTimeView | null = null;
  private spaceTimeArrived: (() => void) | null = null;

  /** Whether the simulation may step yet (engine.ts: in the served build, after the first paint). */
  private readonly engine: EngineSource;
  private engineArrived: (() => void) | null = null;

  constructor(setup: RunSetup, sources: RecorderSources = {}) {
    this.setup = setup;
    const spaceTime = sources.spaceTime ?? spaceTimeSource;
    this.engine = sources.engine ?? engineSource;
    if (!this.engine.loaded()) this.engine.onLoad(() => this.adoptEngine());
    const Log = spaceTime.loaded();
    this.spaceTimeLog = Log === null ? new SpaceTimeQueue() : new Log();
    if (Log === null) {
      spaceTime.onLoad(() => {
        const Arrived = spaceTime.loaded();
        if (Arrived !== null) this.adoptSpaceTime(Arrived);
      });
    }
    this.reset(setup);
  }

  /** False until the code that steps servers has arrived (engine.ts); nothing moves before. */
  get canStep(): boolean {
    return this.engine.loaded();
  }

  /** Calls `listener` once the stepping code has arrived, if it has not yet. */
  whenEngineArrives(listener: () => void): void {
    if (!this.canStep) this.engineArrived = listener;
  }

  /**
   * Runs what is due at the current instant: on the stepping code's arrival, the actions a user
   * took meanwhile (act queued them), as act would have run them.
   */
  runDue(): void {
    if (this.atHead) this.advanceTo(this.sim.now, ACT_STEP_LIMIT);
  }

  /**
   * The stepping code has arrived. Nothing has stepped (canStep was false), so the simulation is
   * still its start, created before the checker's code was there: it is created again, checked
   * (engineLazy.ts), which can only add a violation of the initial state to its trace.
   */
  private adoptEngine(): void {
    this.restore(this.checkpoints.first);
    this.head = { ms: 0, steps: 0, emitted: this.emitted };
    const listener = this.engineArrived;
    this.engineArrived = null;
    listener?.();
  }

  /** The space-time log, or null while its code is still loading. */
  get spaceTime(): SpaceTimeLog | null {
    const log = this.spaceTimeLog;
    return log instanceof SpaceTimeQueue ? null : log;
  }

  /** Calls `listener` once the space-time log's code has arrived, if it has not yet. */
  whenSpaceTimeArrives(listener: () => void): void {
    if (this.spaceTime === null) this.spaceTimeArrived = listener;
  }

  /**
   * The log's code has arrived: what was queued is replayed into a real log (the one set aside by
   * a fork too), which then ends as if it had been there from the start.
   */
  private adoptSpaceTime(Log: typeof SpaceTimeLog): void {
    const queue = this.spaceTimeLog;
    if (!(queue instanceof SpaceTimeQueue)) return;
    const log = new Log();
    queue.replayInto(log);
    this.spaceTimeLog = log;
    const aside = this.setAside?.timeline;
    if (aside !== undefined && isSavedQueue(aside.spaceTime)) {
      const other = new Log();
      replay(aside.spaceTime, other);
      aside.spaceTime = other.save();
    }
    this.cachedSpaceTime = null;
    const listener = this.spaceTimeArrived;
    this.spaceTimeArrived = null;
    listener?.();
  }

  /** Starts a new run from a setup (throws RangeError on an invalid one, leaving nothing changed). */
  reset(setup: RunSetup): void {
    const sim = Simulation.create(setup);
    this.setup = { ...setup, actions: [] };
    this.log = [];
    for (const a of setup.actions) insertSorted(this.log, deepFreeze(structuredClone(a)));
    this.requests = countRequests(this.log);
    this.setAside = null;
    this.checkpoints.reset();
    this.notable.clear();
    this.ordinals.clear();
    this.clientEvents.clear();
    this.clientOrdinals = [];
    this.clientLogVersion++;
    this.head = { ms: 0, steps: 0, emitted: sim.state.trace.events };
    this.spaceTimeLog.reset(
      sim.state.servers.map((s) => ({ term: s.term, role: s.role, crashed: s.crashed })),
    );
    this.attach(sim);
    this.changed();
  }

  /**
   * The space-time log as seen from the current position: a new object only when the log or the
   * position changed, so a view selecting it re-renders only then.
   */
  get spaceTimeView(): SpaceTimeView {
    const emitted = this.emitted;
    const c = this.cachedSpaceTime;
    const version = this.spaceTimeLog.version;
    if (c !== null && c.version === version && c.emitted === emitted) return c;
    this.cachedSpaceTime = Object.freeze({ log: this.spaceTime, version, emitted });
    return this.cachedSpaceTime;
  }

  get endTime(): number {
    return this.head.ms;
  }

  get headSteps(): number {
    return this.head.steps;
  }

  /** True when the viewer is at the furthest point of the timeline (acting does not fork). */
  get atHead(): boolean {
    return this.sim.state.steps === this.head.steps && this.sim.now === this.head.ms;
  }

  /**
   * A copy of the action log (each action frozen when it was added), made again only after it
   * changed. Not published on every change: a log that grows with the run would make every
   * request cost more than the last; the store publishes its version and count instead.
   */
  get actions(): readonly Action[] {
    if (this.cachedActions.version !== this.actionsVersion) {
      this.cachedActions = { version: this.actionsVersion, value: Object.freeze(this.log.slice()) };
    }
    return this.cachedActions.value;
  }

  /** Changes whenever the action log does (a new action, a fork, an undo, a new run). */
  get actionsVersionNumber(): number {
    return this.actionsVersion;
  }

  get actionCount(): number {
    return this.log.length;
  }

  get requestCount(): number {
    return this.requests;
  }

  get forkCount(): number {
    return this.forks;
  }

  /**
   * The notable events (at most MAX_TIMELINE_EVENTS) as an unchanging list: the same object until
   * they change, then a new one that shares every chunk with it (never a copy of the list).
   */
  get events(): EventList<SimEvent> {
    return this.notable.list();
  }

  /** What the last fork replaced, while Undo (or Redo) can still swap it back; null: nothing. */
  get replaced(): Replacement | null {
    const aside = this.setAside;
    if (aside === null) return null;
    const at = aside.fork.ms;
    return {
      atMs: at,
      untilMs: aside.timeline.head.ms,
      actions: aside.timeline.log.length - aside.shared,
      undone: aside.undone,
    };
  }

  private changed(): void {
    this.actionsVersion++;
  }

  /** Events emitted so far: the core counts them in the trace, so a checkpoint restores it too. */
  private get emitted(): number {
    return this.sim.state.trace.events;
  }

  private attach(sim: Simulation): void {
    this.sim = sim;
    sim.onEvent = (e) => this.onEvent(e);
  }

  /**
   * Test hook (Node tests, and browser tests through `window.raftLab.faults` on a page opened
   * with `?testFaults`): the next event the simulation emits throws `message`, in the middle of a
   * step, as an internal error would. One-shot; recover() clears it.
   */
  injectFault(message: string): void {
    this.fault = message;
  }

  /** Events are recorded once: replays behind the head emit them again and are ignored. */
  private onEvent(e: SimEvent): void {
    if (this.fault !== null) {
      const message = this.fault;
      this.fault = null;
      throw new Error(message);
    }
    const emitted = this.emitted;
    if (emitted <= this.head.emitted) return;
    this.head.emitted = emitted;
    let body: MessageBody | undefined;
    if (e.type === 'send') {
      const sent = this.sim.state.network.inFlight.at(-1);
      if (sent?.id === e.id) body = sent.body;
    }
    this.spaceTimeLog.observe(e, emitted, body);
    if (!isNotable(e)) return;
    // One frozen copy serves both lists (a client event is also notable).
    const kept = keepEvent(e);
    if (isClientEvent(e) && this.clientEvents.length < MAX_CLIENT_EVENTS) {
      this.clientEvents.push(kept);
      this.clientOrdinals.push(emitted);
    }
    this.notable.push(kept);
    this.ordinals.push(emitted);
    if (this.notable.length > MAX_TIMELINE_EVENTS) {
      this.notable.dropFirstChunk();
      this.ordinals.dropFirstChunk();
    }
  }

  /** After moving forward: extend the head, and checkpoint when the position is clean and due. */
  private afterForward(clean: boolean): void {
    const steps = this.sim.state.steps;
    const now = this.sim.now;
    if (steps > this.head.steps || (steps === this.head.steps && now > this.head.ms)) {
      this.head.steps = steps;
      this.head.ms = now;
    }
    if (clean && this.atHead && this.checkpoints.due(now, steps)) {
      this.checkpoints.add({ now, steps, state: this.sim.snapshot() });
    }
  }

  /**
   * Runs up to virtual time `target` (inclusive), one queue item at a time so a new invariant
   * violation stops the run exactly where it happened, and at most `maxSteps` items.
   */
  advanceTo(target: number, maxSteps: number): AdvanceResult {
    // Before the stepping code arrives nothing moves, not even the clock (engine.ts).
    if (!this.canStep) return 'budget';
    const sim = this.sim;
    const violationsBefore = sim.violations.length;
    for (let i = 0; i < maxSteps; i++) {
      const next = sim.nextEventTime();
      if (next === null || next > target) {
        if (target > sim.now) sim.runUntil(target);
        this.afterForward(true);
        return 'reached';
      }
      sim.step();
      if (sim.violations.length > violationsBefore) {
        this.afterForward(false);
        return 'violation';
      }
      // A long stride (a jump past the end, a fast speed) keeps the checkpoints' spacing.
      if (this.checkpoints.due(sim.now, sim.state.steps)) this.afterForward(this.clean);
    }
    this.afterForward(false);
    return 'budget';
  }

  /**
   * A checkpoint is clean: it was taken right after runUntil, so every pending action in it lies
   * in its future. Those are replaced by the log's, which may have changed since (a fork, or
   * actions added later), so the restored run follows the current timeline.
   */
  private restore(cp: Checkpoint<StateSnapshot>, recycle = true): void {
    let sim: Simulation;
    if (cp.state === null) {
      // The log's actions are frozen copies already, in order (they were checked when recorded):
      // appended as they are, not sorted and copied again by create.
      sim = Simulation.create({ ...this.setup, actions: [] });
      sim.appendSortedActions(this.log);
    } else {
      // The run being left lends its lists (nothing else holds it); not after an internal error.
      sim = Simulation.fromSnapshot(cp.state, recycle ? this.sim : undefined);
      sim.truncateActionsAfter(cp.now);
      sim.appendSortedActions(this.log, cp.state.actionCursor);
    }
    this.attach(sim);
  }

  /** Time travel to virtual time `t`, clamped to the recorded part of the timeline. */
  seek(t: number): void {
    if (!this.canStep) return;
    const target = Math.max(0, Math.min(Math.round(t), this.head.ms));
    const cp = this.checkpoints.atOrBeforeTime(target);
    // Going forward from where we are is as exact as restoring, and cheaper when closer.
    const fromHere = target >= this.sim.now && cp.now <= this.sim.now;
    if (!fromHere) this.restore(cp);
    this.sim.runUntil(target);
    this.afterForward(false);
  }

  /**
   * Whether every queue item at the current instant has been processed: the state is then the
   * same as right after `runUntil(now)`, so it may serve as a (clean) checkpoint.
   */
  private get clean(): boolean {
    const next = this.sim.nextEventTime();
    return next === null || next > this.sim.now;
  }

  /** Steps forward to `steps` items processed, checkpointing at clean positions of the head. */
  private forwardTo(steps: number): void {
    if (!this.canStep) return;
    while (this.sim.state.steps < steps && this.sim.step()) this.afterForward(this.clean);
  }

  /**
   * Time travel to an exact position: `steps` queue items processed, then the clock at `timeMs`
   * when no item lies before it (a presenter stop, which may sit between two items of the same
   * instant). Goes forward from here when the target is ahead, else restores a checkpoint
   * strictly before it, so the result does not depend on the way there.
   */
  seekPosition(steps: number, timeMs: number): void {
    if (!this.canStep) return;
    const here = this.sim.state.steps;
    const ahead = here < steps || (here === steps && this.sim.now <= timeMs);
    if (!ahead) {
      this.restore(
        steps === 0 ? this.checkpoints.first : this.checkpoints.atOrBeforeSteps(steps - 1),
      );
    }
    this.forwardTo(steps);
    this.settleClock(steps, timeMs);
    this.afterForward(false);
  }

  /**
   * At `steps` items, moves the clock on to `timeMs` when nothing is due before it. Nothing at
   * `timeMs` itself runs: a time stop is where `runUntil(timeMs)` left the story, and an action
   * pending at exactly that time is a nudge the next step added after the stop. (The same
   * assignment `runUntil` ends with.)
   */
  private settleClock(steps: number, timeMs: number): void {
    const next = this.sim.nextEventTime();
    if (
      this.sim.state.steps === steps &&
      timeMs > this.sim.now &&
      (next === null || next >= timeMs)
    ) {
      this.sim.state.now = timeMs;
    }
  }

  /**
   * Playback toward a position: like `advanceTo(target)`, but never past `goalSteps` items.
   * 'goal' once the items are all processed (the clock then moves on to `goalMs` when due).
   */
  advanceToward(
    goalSteps: number,
    goalMs: number,
    target: number,
    maxSteps: number,
  ): AdvanceResult | 'goal' {
    if (!this.canStep) return 'budget';
    const sim = this.sim;
    for (let i = 0; i < maxSteps; i++) {
      if (sim.state.steps >= goalSteps) {
        this.settleClock(goalSteps, Math.min(target, goalMs));
        this.afterForward(false);
        return target >= goalMs ? 'goal' : 'reached';
      }
      const next = sim.nextEventTime();
      if (next === null || next > target) {
        if (target > sim.now) sim.runUntil(target);
        this.afterForward(true);
        return 'reached';
      }
      sim.step();
      this.afterForward(this.clean);
    }
    return 'budget';
  }

  /**
   * After an internal error (the simulation, an event listener or a checkpoint threw in the middle
   * of a step, so the live state is unknown): rebuilds the position `steps`, `timeMs` of the
   * current timeline from a checkpoint strictly before it, like seekPosition. The action log, the
   * checkpoints and the recorded events are kept. False when that replay fails too: the run is
   * then back at its start (re-created from the setup and the log), still whole.
   */
  recover(steps: number, timeMs: number): boolean {
    this.fault = null;
    try {
      this.restore(
        steps === 0 ? this.checkpoints.first : this.checkpoints.atOrBeforeSteps(steps - 1),
        false,
      );
      this.forwardTo(steps);
      this.settleClock(steps, timeMs);
      return this.sim.state.steps === steps && this.sim.now === timeMs;
    } catch {
      this.restore(this.checkpoints.first, false);
      return false;
    }
  }

  /** Processes exactly one queue item. False when nothing is left to process. */
  stepForward(): boolean {
    if (!this.canStep) return false;
    const moved = this.sim.step();
    if (moved) this.afterForward(false);
    return moved;
  }

  /**
   * Goes back exactly one queue item: to the position right after item k − 1 was processed. It
   * restores a checkpoint strictly before that item, so the result does not depend on where the
   * checkpoints happen to be.
   */
  stepBack(): boolean {
    if (!this.canStep) return false;
    const k = this.sim.state.steps;
    if (k === 0 && this.sim.now === 0) return false;
    const goal = Math.max(0, k - 1);
    // Position 0 is the start of the run; any other goal restores strictly before the item.
    this.restore(goal === 0 ? this.checkpoints.first : this.checkpoints.atOrBeforeSteps(goal - 1));
    // Bounded: the checkpoint is at most `goal` items behind.
    while (this.sim.state.steps < goal && this.sim.step());
    return true;
  }

  /**
   * Adds a user action stamped with the current virtual time. Behind the head this forks: the
   * abandoned future (its actions, checkpoints and events) is dropped, like an editor's undo.
   */
  act(action: Action): Action {
    const now = this.sim.now;
    const stamped = frozenAction({ ...action, at: now });
    if (!this.atHead) this.fork();
    this.sim.addAction(stamped);
    this.record(stamped);
    // Run it now rather than on the next frame, so a paused view shows its effect at once. The
    // order of processing is the same either way: the action still follows every event at `now`.
    this.advanceTo(now, ACT_STEP_LIMIT);
    return stamped;
  }

  /** Schedules an action at a later virtual time (at ≥ now) in the current timeline. */
  schedule(action: Action): void {
    if (!this.atHead) this.fork();
    const frozen = frozenAction(action);
    this.sim.addAction(frozen);
    this.record(frozen);
  }

  private record(action: Action): void {
    insertSorted(this.log, action);
    if (action.do === 'request') this.requests++;
    this.actionsVersion++;
  }

  private saveTimeline(): SavedTimeline {
    return {
      log: this.log.slice(),
      head: { ...this.head },
      notable: this.notable.save(),
      ordinals: this.ordinals.save(),
      clientOrdinals: this.clientOrdinals.slice(),
      clientEvents: this.clientEvents.save(),
      checkpoints: this.checkpoints.save(),
      requests: this.requests,
      spaceTime: this.spaceTimeLog.save(),
    };
  }

  private installTimeline(t: SavedTimeline): void {
    this.log = t.log;
    this.head = { ...t.head };
    this.notable.load(t.notable);
    this.ordinals.load(t.ordinals);
    this.clientOrdinals = t.clientOrdinals;
    this.clientEvents.load(t.clientEvents);
    this.clientLogVersion++;
    this.checkpoints.load(t.checkpoints);
    this.requests = t.requests;
    const log = this.spaceTimeLog;
    // A timeline saved before the log's code arrived was replayed into a log's copy on arrival.
    if (log instanceof SpaceTimeQueue) log.load(t.spaceTime as SavedQueue);
    else log.load(t.spaceTime);
    this.changed();
  }

  /**
   * Undo of a fork (and Redo of that undo): swaps the current timeline with the one set aside, and
   * goes to the fork's position in it. Nothing is lost: the timeline left is set aside in turn.
   * False when nothing is set aside.
   */
  swapReplaced(): boolean {
    if (!this.canStep) return false;
    const aside = this.setAside;
    if (aside === null) return false;
    const current = this.saveTimeline();
    this.installTimeline(aside.timeline);
    this.setAside = { ...aside, timeline: current, undone: !aside.undone };
    const { steps, ms } = aside.fork;
    this.restore(
      steps === 0 ? this.checkpoints.first : this.checkpoints.atOrBeforeSteps(steps - 1),
    );
    this.forwardTo(steps);
    this.settleClock(steps, ms);
    return true;
  }

  private fork(): void {
    const now = this.sim.now;
    const steps = this.sim.state.steps;
    this.forks++;
    this.setAside = {
      fork: { ms: now, steps, emitted: this.emitted },
      shared: this.log.filter((a) => a.at <= now).length,
      timeline: this.saveTimeline(),
      undone: false,
    };
    this.log = this.log.filter((a) => a.at <= now);
    this.requests = countRequests(this.log);
    this.sim.truncateActionsAfter(now);
    this.checkpoints.dropAfter(now, steps);
    let keep = this.ordinals.length;
    while (keep > 0 && (this.ordinals.at(keep - 1) as number) > this.emitted) keep--;
    this.notable.truncate(keep);
    this.ordinals.truncate(keep);
    const clientKeep = this.clientEventsSoFar();
    this.clientOrdinals.length = clientKeep;
    this.clientEvents.truncate(clientKeep);
    this.clientLogVersion++;
    this.spaceTimeLog.truncate(this.emitted, now);
    this.head = { ms: now, steps, emitted: this.emitted };
    this.changed();
  }

  /** How many client events of the log were emitted by the current position (binary search). */
  private clientEventsSoFar(): number {
    const emitted = this.emitted;
    let lo = 0;
    let hi = this.clientOrdinals.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.clientOrdinals[mid] as number) <= emitted) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Names the client history of the current position: equal keys, equal histories. It changes
   * when a client event is reached or undone (time travel) and on a new run or a fork.
   */
  get historyKey(): string {
    return `${this.clientLogVersion}/${this.clientEventsSoFar()}`;
  }

  /**
   * The client log as the history check reads it to build its history incrementally
   * (historyCheck.ts): its version (bumped when the log is replaced or cut, so events read before
   * may differ) and how many of its events the current position has emitted. Event `i` of the
   * log is `clientEventAt(i)`; the events below `count` do not change while the version stays.
   */
  get clientLog(): { readonly version: number; readonly count: number } {
    return { version: this.clientLogVersion, count: this.clientEventsSoFar() };
  }

  clientEventAt(i: number): SimEvent {
    const e = this.clientEvents.at(i);
    if (e === undefined || i < 0) throw new RangeError(`no client event ${i} in the log`);
    return e;
  }

  /** The initial server states of the run (their logs' commands are part of the history). */
  get initialServers(): RunSetup['initial'] {
    return this.setup.initial;
  }

  /**
   * The clients' history (INV-C2) as it stands at the current position: the client events of the
   * timeline emitted so far, with the commands of the initial logs. Rebuilt from the log, so a
   * rewound position gets the history of its own past, whatever was recorded after it.
   */
  historyAt(): HistoryOp[] {
    const recorder = new HistoryRecorder(this.setup.initial);
    const n = this.clientEventsSoFar();
    for (let i = 0; i < n; i++) recorder.observe(this.clientEvents.at(i) as SimEvent);
    return recorder.history();
  }

  /** The run's inputs as they stand: what a share link or a replay needs. */
  runSetup(): RunSetup {
    return { ...this.setup, actions: [...this.log] };
  }
}
