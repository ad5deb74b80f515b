/**
 * The playback driver: a requestAnimationFrame loop that feeds wall time to the store's `tick`.
 * It runs only while playing and while the page is visible, so a paused or hidden lab costs
 * nothing: no frames are requested and nothing re-renders (no "space heater").
 */
import type { LabStore } from './types.ts';

export interface DriverEnv {
  requestFrame: (callback: (wallMs: number) => void) => number;
  cancelFrame: (handle: number) => void;
  isHidden: () => boolean;
  /** Subscribes to visibility changes; returns the unsubscribe function. */
  onVisibilityChange: (listener: () => void) => () => void;
}

export function browserDriverEnv(): DriverEnv {
  return {
    requestFrame: (cb) => window.requestAnimationFrame(cb),
    cancelFrame: (h) => window.cancelAnimationFrame(h),
    isHidden: () => document.visibilityState === 'hidden',
    onVisibilityChange: (listener) => {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  };
}

export interface Driver {
  /** Animation frames run so far (for the frame-rate and idle measurements). */
  readonly frames: number;
  stop: () => void;
}

export function startDriver(store: LabStore, env: DriverEnv = browserDriverEnv()): Driver {
  let handle: number | null = null;
  let lastWallMs: number | null = null;
  let frames = 0;

  const onFrame = (wallMs: number): void => {
    handle = null;
    frames++;
    // The first frame after a start only sets the reference time: no leap after a long pause.
    const dt = lastWallMs === null ? 0 : wallMs - lastWallMs;
    lastWallMs = wallMs;
    store.getState().tick(dt);
    schedule();
  };
  const schedule = (): void => {
    if (handle !== null) return;
    if (!store.getState().playing || env.isHidden()) {
      lastWallMs = null;
      return;
    }
    handle = env.requestFrame(onFrame);
  };
  const halt = (): void => {
    if (handle !== null) env.cancelFrame(handle);
    handle = null;
    lastWallMs = null;
  };
  const onVisibility = (): void => (env.isHidden() ? halt() : schedule());

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing === prev.playing) return;
    if (s.playing) schedule();
    else halt();
  });
  const unlisten = env.onVisibilityChange(onVisibility);
  // While a frame is requested, actions leave their publish to it (several in one frame, one).
  store.getState().publishWithFrames(() => handle !== null);
  schedule();
  return {
    get frames() {
      return frames;
    },
    stop: () => {
      store.getState().publishWithFrames(null);
      unsubscribe();
      unlisten();
      halt();
    },
  };
}
