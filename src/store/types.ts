/**
 * The shape of the lab store: three slices (simulation, playback, ui). State is frozen plain data;
 * the Simulation itself lives outside, in the Recorder, and only its frames are published.
 */
import type { Notice } from './notice.ts';
import type { StoreApi } from 'zustand/vanilla';
import type {
  Action,
  Ratio,
  RunResult,
  RunSetup,
  ServerId,
  SimEvent,
  Violation,
} from '../core/types.ts';
import type { Step } from '../scenarios/steps.ts';
import type { Frame } from './frame.ts';
import type { Seq } from './eventList.ts';
import type { Intervention } from './interventions.ts';
import type { Replacement } from './recorder.ts';
import type { SpaceTimeView } from './recorder.ts';

export interface RunInfo {
  readonly seed: number;
  readonly servers: number;
}

/** What a scenario has besides its run setup (src/scenarios/schema.ts Scenario). */
export interface ScenarioInfo {
  readonly title: string;
  readonly description?: string;
  readonly steps?: readonly Step[];
}

export interface NetworkChange {
  latencyMs?: readonly [number, number];
  loss?: Ratio;
  duplication?: Ratio;
}

export interface SimulationSlice {
  frame: Frame;
  /**
   * Notable events of the whole recorded timeline (no send/deliver), oldest first: an unchanging
   * list read with `at(i)`, a new object when it changed (src/store/eventList.ts).
   */
  events: Seq<SimEvent>;
  /**
   * Changes whenever the action log of the current timeline does; `actionList()` reads the log.
   * (The log itself is not published: copying a log that grows with the run on every request
   * would make each request cost more than the last.)
   */
  actionsVersion: number;
  /** Actions in the log of the current timeline. */
  actionCount: number;
  /** The action log of the current timeline, sorted by time (a copy, cached until it changes). */
  actionList: () => readonly Action[];
  /**
   * What the last action taken in the past replaced: the recorded future after that point, kept
   * so `undoReplace` can bring it back (and then redo). Null: nothing to undo, or dismissed.
   */
  replaced: Replacement | null;
  /** Swaps the replaced future back in (or, after an undo, the newer one): nothing is lost. */
  undoReplace: () => void;
  /** Hides the replacement notice (the set-aside future stays until the next fork). */
  dismissReplaced: () => void;
  /** The furthest virtual time recorded in this timeline. */
  endTime: number;
  /** Whether the view is at the end of the timeline (false: acting now forks). */
  atHead: boolean;
  /** Every message and lane change of the timeline, seen from the current position (spaceTime.ts). */
  spaceTime: SpaceTimeView;
  run: RunInfo;
  /** A short message for the user (a shortcut that had nothing to do, a rejected new run). */
  notice: Notice | null;
  /**
   * INV-C2 violations of the clients' history up to the current position (historyCheck.ts):
   * checked in the store, throttled while playing, never part of the simulation or its hash.
   */
  historyViolations: readonly Violation[];

  /** Adds an action at the current time; forks when the viewer is in the past. */
  act: (action: Intervention) => void;
  newRun: (run: { seed: number; servers: number }) => boolean;
  /**
   * The title, description and presenter steps of the scenario the run was loaded from (a link, a
   * file, the library), so sharing it keeps them; null for a run started from a seed.
   */
  scenarioInfo: ScenarioInfo | null;
  /** Replaces the run by a full setup (a scenario). False, with a notice, if it is invalid. */
  loadSetup: (setup: RunSetup, info?: ScenarioInfo) => boolean;
  seek: (timeMs: number) => void;
  /** Pauses at an exact position (steps, then time): the same state however it is reached. */
  seekPosition: (position: Position) => void;
  stepForward: () => void;
  stepBack: () => void;
  crash: (server: ServerId) => void;
  restart: (server: ServerId) => void;
  timeout: (server: ServerId) => void;
  /** A client request: to `server`, or to the leader the client believes in; a generated command by default. */
  request: (options?: { server?: ServerId; command?: string }) => void;
  partition: (groups: readonly (readonly ServerId[])[]) => void;
  heal: () => void;
  cut: (a: ServerId, b: ServerId) => void;
  connect: (a: ServerId, b: ServerId) => void;
  drop: (messageId: number) => void;
  setNetwork: (change: NetworkChange) => void;
  spreadTimers: () => void;
  alignTimers: () => void;
  restartAllCrashed: () => void;
  restartLeader: () => void;
  showNotice: (text: Notice) => void;
  dismissNotice: () => void;
  /** Read-only: the `npm run sim --json` object for the current position (automation, tests). */
  result: () => RunResult;
  /** Read-only: the inputs of the current timeline (seed, config, initial state, action log). */
  runSetup: () => RunSetup;
  /**
   * Test hook (recorder.ts injectFault): the next event the simulation emits throws `message`,
   * as an internal error would. Reached from the page only through `?testFaults` (automation.ts).
   */
  injectFault: (message: string) => void;
}

/**
 * An internal error the recorder hit while stepping, checkpointing or seeking: playback paused at
 * `timeMs`, the last good frame, with the run and its action log kept.
 */
export interface RunError {
  readonly message: string;
  readonly timeMs: number;
}

/** An exact place on the timeline: queue items processed, and the virtual time (a presenter stop). */
export interface Position {
  readonly steps: number;
  readonly timeMs: number;
}

/** Where playback is heading and how fast: it pauses exactly there (a presenter step). */
export interface PlaybackGoal extends Position {
  /** Virtual milliseconds per wall millisecond while heading there. */
  readonly speed: number;
}

/** Groups of text panels that take turns while playing fast (see PlaybackSlice.lane). */
export const PANEL_LANES = 3;
/** The logs' turn (and the space-time diagram's, which takes their place). */
export const LANE_LOGS = 0;
/** The event feed's turn. */
export const LANE_FEED = 1;
/** The inspector's and the timeline marks' turn. */
export const LANE_INSPECTOR = 2;
/** A frame that is no text panel's turn (PlaybackSlice.lane): the paced panels stay as they are. */
export const NO_LANE = PANEL_LANES;
/**
 * Whose turn each frame is, in a cycle, from PACED_SPEED on: the logs and the inspector every
 * third frame (about 20 times a second), the feed every ninth (about 7). At real time a playing
 * cluster writes about 180 lines a second into the feed under requests, more than its window
 * holds in a tenth of a second: drawn 20 times a second it made and removed about 360 elements
 * a second, and its layout and paint were about a tenth of the page's main thread; a line still
 * shows at most nine frames late, and unread either way at that pace.
 */
export const LANE_TURNS: readonly number[] = [
  LANE_LOGS,
  LANE_FEED,
  LANE_INSPECTOR,
  LANE_LOGS,
  NO_LANE,
  LANE_INSPECTOR,
  LANE_LOGS,
  NO_LANE,
  LANE_INSPECTOR,
];
/**
 * From this speed (virtual ms per wall ms) on, the text panels take turns: real time and faster.
 * In slow motion (the default speed is 1/10) every panel follows every frame.
 */
export const PACED_SPEED = 1;

export const SPEED_MIN = 0.001;
export const SPEED_MAX = 100;

export interface PlaybackSlice {
  /**
   * Lets the playback driver say when an animation frame is on its way (it publishes everything):
   * while playing, an action then leaves its publish to that frame, so several actions in one
   * frame (C pressed quickly, a script) cost one publish and one render. `null`: always publish.
   */
  publishWithFrames: (frameComing: (() => boolean) | null) => void;
  /**
   * Lets a driver that sleeps between events bring the run up to the wall clock before a pause or
   * an action (so both happen at the time shown, not at its last wake). `null`: nothing to do.
   */
  catchUpWith: (catchUp: (() => void) | null) => void;
  /** Brings the display time up to the wall clock now, for a reader that needs it exact. */
  catchUp: () => void;
  /** Virtual time of the simulation's next event or action (read-only); null: none left. */
  nextEventTime: () => number | null;
  playing: boolean;
  /** Virtual milliseconds per wall millisecond, SPEED_MIN..SPEED_MAX. */
  speed: number;
  /** Fractional virtual time the views draw (messages move smoothly between integer times). */
  displayTime: number;
  /**
   * Which group of text panels takes this frame (PANEL_LANES; NO_LANE: none): -1 while every
   * panel follows every frame. From PACED_SPEED on the logs, the feed and the inspector take
   * turns (LANE_TURNS), one group a frame, so the logs and the inspector are redrawn about 20
   * times a second and the feed about 7 (faster than anyone reads, and at 100x a frame brings 16
   * of them), while the ring, the clock and the playhead still move every frame. Paused, every
   * panel shows the current frame whatever this says (useLabPaced).
   */
  lane: number;
  /** Set when playback stopped on an invariant violation. */
  stoppedOnViolation: boolean;
  /** Set while playing toward an exact position (a presenter step); null otherwise. */
  goal: PlaybackGoal | null;
  /** The last internal error of the recorder (shown until dismissed or a new run); null: none. */
  runError: RunError | null;
  dismissRunError: () => void;
  play: () => void;
  pause: () => void;
  toggle: () => void;
  setSpeed: (speed: number) => void;
  /**
   * Plays from here toward `goal` at its own speed and pauses exactly there (an invariant
   * violation on the way does not stop it: the story decides where to pause).
   */
  playTo: (goal: PlaybackGoal) => void;
  /**
   * Advances playback by `wallMs` of wall time (speed × wallMs of virtual time), within a bounded
   * simulation budget per call. Called by the driver once per animation frame.
   */
  tick: (wallMs: number) => void;
}

export type Selection = { kind: 'server'; id: ServerId } | { kind: 'message'; id: number } | null;

/** What the logs area shows: the servers' logs or the space-time diagram. */
export type LogsView = 'logs' | 'spacetime';

export interface UiSlice {
  selection: Selection;
  logsView: LogsView;
  setLogsView: (view: LogsView) => void;
  helpOpen: boolean;
  /** Partition mode: the group picked for each server (index id − 1), or null when off. */
  partitionDraft: number[] | null;
  /** Why the last link or file could not be opened (the run was left as it was); null: none. */
  openError: Notice | null;
  select: (selection: Selection) => void;
  setHelpOpen: (open: boolean) => void;
  setOpenError: (error: Notice | null) => void;
  startPartition: () => void;
  /** In partition mode: moves a server to the next group (1 → 2 → 3 → 1). */
  cyclePartitionGroup: (server: ServerId) => void;
  setPartitionDraft: (groups: readonly (readonly ServerId[])[]) => void;
  applyPartition: () => void;
  cancelPartition: () => void;
}

export type LabState = SimulationSlice & PlaybackSlice & UiSlice;
export type LabStore = StoreApi<LabState>;
