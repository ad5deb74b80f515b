/**
 * The playback slice: virtual time per wall time. RaftScope cannot go faster than real time; here
 * the speed runs from a thousandth of real time (to watch one message) to 100× (to soak a run).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AdvanceResult, Recorder } from '../recorder.ts';
import type { LabState, PlaybackGoal, PlaybackSlice } from '../types.ts';
import { LANE_TURNS, PACED_SPEED, SPEED_MAX, SPEED_MIN } from '../types.ts';
import type { HistoryCheck } from '../historyCheck.ts';
import { afterInternalError, checkHistory, publish } from './simulation.ts';
import { Publishing } from './publishing.ts';

/** A long pause between frames (a background tab, a debugger) must not leap the run forward. */
export const MAX_WALL_STEP_MS = 100;
/** Wall time one frame may spend simulating; past it the view lags behind and slows down. */
export const FRAME_BUDGET_MS = 10;
/** Queue items per chunk between two looks at the wall clock. */
export const STEPS_PER_CHUNK = 200;
/** Upper bound on chunks per frame, whatever the clock says (a frozen clock in tests). */
export const MAX_CHUNKS_PER_FRAME = 50;

export function clampSpeed(speed: number): number | null {
  if (!Number.isFinite(speed)) return null;
  return Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
}

export interface PlaybackOptions {
  speed: number;
  playing: boolean;
  /** Wall clock in ms, for the per-frame budget (performance.now in the browser). */
  clock: () => number;
}

type Creator = StateCreator<LabState, [], [], PlaybackSlice>;

export function playbackSlice(
  rec: Recorder,
  options: PlaybackOptions,
  history: HistoryCheck,
  publishing: Publishing = new Publishing(),
): Creator {
  const advance = (target: number): AdvanceResult => {
    const deadline = options.clock() + FRAME_BUDGET_MS;
    let result: AdvanceResult = 'budget';
    for (let chunk = 0; chunk < MAX_CHUNKS_PER_FRAME && result === 'budget'; chunk++) {
      result = rec.advanceTo(target, STEPS_PER_CHUNK);
      if (options.clock() >= deadline) break;
    }
    return result;
  };

  /** One frame toward a goal: stops exactly on it, whatever the frame rate. */
  const towardGoal = (goal: PlaybackGoal, target: number): 'goal' | 'reached' | 'budget' => {
    const deadline = options.clock() + FRAME_BUDGET_MS;
    for (let chunk = 0; chunk < MAX_CHUNKS_PER_FRAME; chunk++) {
      const result = rec.advanceToward(goal.steps, goal.timeMs, target, STEPS_PER_CHUNK);
      if (result === 'goal') rec.seekPosition(goal.steps, goal.timeMs);
      if (result !== 'budget') return result === 'goal' ? 'goal' : 'reached';
      if (options.clock() >= deadline) break;
    }
    return 'budget';
  };

  return (set, get) => {
    const step = frameStep(rec, set, advance, towardGoal, history, publishing);
    return {
      publishWithFrames: (frameComing) => publishing.setFrameComing(frameComing),
      catchUpWith: (catchUp) => publishing.setCatchUp(catchUp),
      catchUp: () => {
        if (get().playing) publishing.catchUp();
      },
      nextEventTime: () => rec.sim.nextEventTime(),
      playing: options.playing,
      speed: clampSpeed(options.speed) ?? 0.1,
      displayTime: rec.sim.now,
      lane: -1,
      stoppedOnViolation: false,
      goal: null,
      runError: null,
      dismissRunError: () => set({ runError: null }),
      play: () => set({ playing: true, stoppedOnViolation: false, goal: null }),
      // Pausing snaps to the simulated integer time, so a paused frame is exactly reproducible.
      pause: () => {
        if (get().playing) publishing.catchUp();
        // An action left to a frame that will not come now: publish it here.
        const owed = publishing.owed ? publish(rec, get().frame) : {};
        publishing.owed = false;
        set({
          ...owed,
          playing: false,
          displayTime: rec.sim.now,
          goal: null,
          lane: -1,
          ...checkHistory(history, true),
        });
      },
      playTo: (goal) => {
        const speed = clampSpeed(goal.speed);
        if (speed === null) return;
        set({ playing: true, stoppedOnViolation: false, goal: { ...goal, speed } });
      },
      toggle: () => (get().playing ? get().pause() : get().play()),
      setSpeed: (speed) => {
        const clamped = clampSpeed(speed);
        // The wall time since a sleeping driver's last tick ran at the speed before.
        if (clamped !== null && get().playing) publishing.catchUp();
        if (clamped !== null) set({ speed: clamped });
      },
      tick: (wallMs) => {
        const s = get();
        if (!s.playing) return;
        try {
          step(s, wallMs);
        } catch (error) {
          // An internal error while stepping, checkpointing or publishing: the driver's loop and
          // the page live on, paused on the last good frame (afterInternalError).
          set(afterInternalError(rec, get(), error));
        }
      },
    };
  };
}

type Setter = (partial: Partial<LabState>) => void;

/** One frame of playback: advances the recorder by `wallMs` of wall time and publishes. */
function frameStep(
  rec: Recorder,
  set: Setter,
  advance: (target: number) => AdvanceResult,
  towardGoal: (goal: PlaybackGoal, target: number) => 'goal' | 'reached' | 'budget',
  history: HistoryCheck,
  publishing: Publishing,
) {
  /** Frames played fast so far, for the panels' turns. */
  let paced = 0;
  return (s: LabState, wallMs: number): void => {
    // This frame publishes, the actions since the last one included.
    publishing.owed = false;
    const fast = (s.goal?.speed ?? s.speed) >= PACED_SPEED;
    const lane = fast ? (LANE_TURNS[paced++ % LANE_TURNS.length] as number) : -1;
    const dt = Math.min(Math.max(0, wallMs), MAX_WALL_STEP_MS);
    if (s.goal !== null) {
      const target = Math.min(s.displayTime + s.goal.speed * dt, s.goal.timeMs);
      let result = towardGoal(s.goal, target);
      // A run forward to a time (no step bound) ends when the clock gets there.
      if (
        result === 'reached' &&
        target >= s.goal.timeMs &&
        s.goal.steps === Number.MAX_SAFE_INTEGER
      )
        result = 'goal';
      const published = { ...publish(rec, s.frame), ...checkHistory(history, result === 'goal') };
      if (result === 'goal')
        set({ ...published, playing: false, goal: null, displayTime: rec.sim.now, lane: -1 });
      else
        set({
          ...published,
          lane,
          displayTime: result === 'reached' ? Math.max(target, rec.sim.now) : rec.sim.now,
        });
      return;
    }
    const target = s.displayTime + s.speed * dt;
    const result = advance(Math.floor(target));
    const published = {
      ...publish(rec, s.frame),
      ...checkHistory(history, result === 'violation'),
    };
    if (result === 'violation') {
      set({
        ...published,
        playing: false,
        stoppedOnViolation: true,
        displayTime: rec.sim.now,
        lane: -1,
      });
    } else {
      // Behind schedule ('budget'): show what was simulated; the run slows down instead of jumping.
      set({ ...published, lane, displayTime: result === 'reached' ? target : rec.sim.now });
    }
  };
}
