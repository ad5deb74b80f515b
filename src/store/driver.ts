/**
 * The playback driver: feeds wall time to the store's `tick`. It runs only while playing and
 * while the page is visible, so a paused or hidden lab costs nothing: no frames are requested
 * and nothing re-renders (no "space heater").
 *
 * While some moving part still draws itself in script (frameDemand.ts), it ticks the store on
 * every animation frame. When none does (messages, timer rings and the timeline's playhead glide
 * as Web Animations the compositor runs), it sleeps: it wakes on the animation frame at which the
 * simulation's next event is due and ticks the store there; if CLOCK_MS pass first, it tells the
 * parts that show the time in steps (the clock's digits) the time now, without a tick. The ticks are the same kind either way (wall time since
 * the last one, times the speed), so the events, their order and the trace are the same; only the
 * fractional display time between events is sampled less often.
 */
import { frameDemandOf } from './frameDemand.ts';
import type { FrameDemand } from './frameDemand.ts';
import { MAX_WALL_STEP_MS } from './slices/playback.ts';
import type { LabStore } from './types.ts';

/** Longest sleep between two wakes: the clock's digits change ten times a second. */
export const CLOCK_MS = 100;
/** A wake closer than this is left to the next animation frame instead of a timer. */
const FRAME_MS = 12;
/** A gap up to this is ticked in steps (a late timer); past it, one clamped step (a hidden tab). */
const CATCH_UP_MS = 400;
/** Longest time between two ticks while sleeping (the clock's wakes in between do not tick). */
const TICK_EVERY_MS = 300;

export interface DriverEnv {
  requestFrame: (callback: (wallMs: number) => void) => number;
  cancelFrame: (handle: number) => void;
  isHidden: () => boolean;
  /** Subscribes to visibility changes; returns the unsubscribe function. */
  onVisibilityChange: (listener: () => void) => () => void;
  /**
   * To sleep between events: a timer, the wall clock of the frames' timestamps, and the demand of
   * the parts that still need every frame. Without them the driver ticks on every frame.
   */
  sleep?: SleepEnv | undefined;
}

export interface SleepEnv {
  setTimer: (callback: () => void, ms: number) => number;
  clearTimer: (handle: number) => void;
  now: () => number;
  demand: FrameDemand;
}

export function browserDriverEnv(store?: LabStore): DriverEnv {
  return {
    requestFrame: (cb) => window.requestAnimationFrame(cb),
    cancelFrame: (h) => window.cancelAnimationFrame(h),
    isHidden: () => document.visibilityState === 'hidden',
    onVisibilityChange: (listener) => {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
    sleep:
      store === undefined
        ? undefined
        : {
            setTimer: (cb, ms) => window.setTimeout(cb, ms),
            clearTimer: (h) => window.clearTimeout(h),
            now: () => performance.now(),
            demand: frameDemandOf(store),
          },
  };
}

export interface Driver {
  /** Animation frames run so far (for the frame-rate and idle measurements). */
  readonly frames: number;
  /** Frames run so far while no part needed every frame (the sleeping driver's wakes). */
  readonly wakes: number;
  stop: () => void;
}

export function startDriver(store: LabStore, env: DriverEnv = browserDriverEnv(store)): Driver {
  let handle: number | null = null;
  let timer: number | null = null;
  let lastWallMs: number | null = null;
  /** Wall time the display time was last shown: a tick, or a wake for the clock alone. */
  let lastShownWall: number | null = null;
  let frames = 0;
  let wakes = 0;
  let ticking = false;
  const sleep = env.sleep;

  /** Ticks `dt` of wall time up to `wallMs`, in steps a tick accepts when a timer came late. */
  const tick = (dt: number, wallMs: number): void => {
    ticking = true;
    try {
      let left = dt > CATCH_UP_MS ? MAX_WALL_STEP_MS : dt;
      do {
        const step = Math.min(left, MAX_WALL_STEP_MS);
        if (sleep !== undefined) sleep.demand.tickWall = wallMs - Math.max(0, left - step);
        store.getState().tick(step);
        left -= step;
      } while (left > 0 && store.getState().playing);
    } finally {
      ticking = false;
    }
  };

  const onFrame = (wallMs: number): void => {
    handle = null;
    frames++;
    if (sleep !== undefined && !sleep.demand.needed) wakes++;
    // The first frame after a start only sets the reference time: no leap after a long pause.
    const dt = lastWallMs === null ? 0 : wallMs - lastWallMs;
    lastWallMs = wallMs;
    lastShownWall = wallMs;
    tick(dt, wallMs);
    schedule();
  };

  /**
   * While sleeping: wall ms until the next wake, and whether it is only the clock's (a tenth of a
   * second since the time was last shown, with no event before it).
   */
  const plan = (): { wait: number; clockOnly: boolean } => {
    const s = store.getState();
    if (s.goal !== null || lastWallMs === null || sleep === undefined || sleep.demand.needed)
      return { wait: 0, clockOnly: false };
    const now = sleep.now();
    const next = s.nextEventTime();
    const untilEvent =
      next === null ? Infinity : (next - s.displayTime) / s.speed - (now - lastWallMs);
    const untilClock = CLOCK_MS - (now - (lastShownWall ?? lastWallMs));
    if (untilEvent <= untilClock) return { wait: Math.max(0, untilEvent), clockOnly: false };
    // A tick at least every TICK_EVERY_MS, so no wake has to make up for more than a tick takes.
    const clockOnly = now + untilClock - lastWallMs < TICK_EVERY_MS;
    return { wait: Math.max(0, untilClock), clockOnly };
  };

  /**
   * A wake for the clock alone: the store is not ticked (no event is due, nothing else changes);
   * the parts that show the time in steps are told the time now (FrameDemand.showTime).
   */
  const showTime = (): void => {
    const s = store.getState();
    if (sleep === undefined || lastWallMs === null || !s.playing) return;
    const now = sleep.now();
    lastShownWall = now;
    sleep.demand.showTime(s.displayTime + (now - lastWallMs) * s.speed);
  };

  const schedule = (): void => {
    if (handle !== null || timer !== null) return;
    if (!store.getState().playing || env.isHidden()) {
      lastWallMs = null;
      lastShownWall = null;
      return;
    }
    const { wait, clockOnly } = plan();
    if (sleep === undefined || (!clockOnly && wait <= FRAME_MS)) {
      handle = env.requestFrame(onFrame);
      return;
    }
    // No frame until the wake: the text panels that took turns (PlaybackSlice.lane) catch up
    // now, or the last frames' lines would wait for the next event to be shown.
    if (store.getState().lane !== -1) store.setState({ lane: -1 });
    // For an event, wake a little early: the frame after the timer is the one it is due at.
    timer = sleep.setTimer(
      () => {
        timer = null;
        if (clockOnly) showTime();
        schedule();
      },
      clockOnly ? wait : wait - FRAME_MS / 2,
    );
  };
  const halt = (): void => {
    if (handle !== null) env.cancelFrame(handle);
    if (timer !== null) sleep?.clearTimer(timer);
    handle = null;
    timer = null;
    lastWallMs = null;
    lastShownWall = null;
  };
  /** Sleeping: plans the wake again (an action, a new speed or a part's demand changed it). */
  const replan = (): void => {
    if (timer === null || sleep === undefined) return;
    sleep.clearTimer(timer);
    timer = null;
    schedule();
  };
  const onVisibility = (): void => (env.isHidden() ? halt() : schedule());

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing !== prev.playing) {
      if (s.playing) schedule();
      else halt();
      return;
    }
    // A change between wakes (an action, a speed, a seek) may bring the next event nearer.
    if (!ticking) replan();
  });
  const unlisten = env.onVisibilityChange(onVisibility);
  const unneed = sleep?.demand.subscribe(replan);
  // While a frame is requested, actions leave their publish to it (several in one frame, one).
  store.getState().publishWithFrames(() => handle !== null);
  // Before a pause or an action while asleep: tick up to now, so they happen at the time shown.
  store.getState().catchUpWith(() => {
    if (ticking || sleep === undefined || lastWallMs === null || handle !== null) return;
    const now = sleep.now();
    const dt = now - lastWallMs;
    lastWallMs = now;
    tick(dt, now);
  });
  schedule();
  return {
    get frames() {
      return frames;
    },
    get wakes() {
      return wakes;
    },
    stop: () => {
      store.getState().publishWithFrames(null);
      store.getState().catchUpWith(null);
      unsubscribe();
      unlisten();
      unneed?.();
      halt();
    },
  };
}
