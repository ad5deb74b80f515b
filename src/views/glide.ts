/**
 * Motion the compositor runs. While the lab plays, the display time grows at `speed` virtual ms
 * per wall ms; a glide pins that line down (the display time `time` at the document timeline's
 * `wall`), so a part that moves with the time is a Web Animation whose start time is placed on
 * the document timeline from the glide: the compositor thread moves it, the main thread does
 * nothing per frame, and the driver may sleep between events (store/driver.ts).
 *
 * The glide changes only when playback jumps: play or pause, a new speed, a seek, a tick that
 * did not keep pace (a clamped long gap, a simulation over its budget). Parts plan their
 * animations again then, and when React renders them (an event changed them). Paused, there is
 * no glide: parts are drawn still at the display time (no animation, no frame).
 */
import { useSyncExternalStore } from 'react';
import type { LabState, LabStore } from '../store/types.ts';
import { useLabStore } from '../store/context.tsx';
import { frameDemandOf } from '../store/frameDemand.ts';
import type { FrameDemand } from '../store/frameDemand.ts';

export interface Glide {
  /** Display time at `wall`. */
  readonly time: number;
  /** The document timeline's time (ms) at which the display time was `time`. */
  readonly wall: number;
  /** Virtual ms per wall ms. */
  readonly speed: number;
}

/** Display-time drift, in wall ms at the speed, that a glide tolerates before it is pinned again. */
const DRIFT_WALL_MS = 24;

/**
 * Now on the document timeline: in an animation frame, the frame's time (the driver ticked the
 * store with it); outside one, where the timeline may not have moved for a while, the clock.
 */
function timelineNow(): number {
  const now = performance.now();
  const t = typeof document === 'undefined' ? null : document.timeline.currentTime;
  return typeof t === 'number' && now - t < 20 ? t : now;
}

function speedOf(s: LabState): number {
  return s.goal !== null ? s.goal.speed : s.speed;
}

class GlideClock {
  glide: Glide | null = null;
  private readonly listeners = new Set<() => void>();

  private readonly demand: FrameDemand;

  constructor(store: LabStore) {
    this.demand = frameDemandOf(store);
    this.follow(store.getState());
    store.subscribe((s) => this.follow(s));
  }

  private follow(s: LabState): void {
    const before = this.glide;
    if (!s.playing) {
      this.glide = null;
    } else {
      const speed = speedOf(s);
      // The wall time the driver ticked with, when it did: the display time is exact there.
      const wall = this.demand.tickWall ?? timelineNow();
      const kept =
        before !== null &&
        before.speed === speed &&
        Math.abs(before.time + (wall - before.wall) * speed - s.displayTime) <=
          DRIFT_WALL_MS * speed;
      if (!kept) this.glide = { time: s.displayTime, wall, speed };
    }
    if (this.glide !== before) for (const listener of [...this.listeners]) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): Glide | null => this.glide;
}

const clocks = new WeakMap<LabStore, GlideClock>();

export function glideClockOf(store: LabStore): GlideClock {
  let clock = clocks.get(store);
  if (clock === undefined) {
    clock = new GlideClock(store);
    clocks.set(store, clock);
  }
  return clock;
}

/** The current glide (null when paused); the component renders again when it changes. */
export function useGlide(): Glide | null {
  const clock = glideClockOf(useLabStore());
  return useSyncExternalStore(clock.subscribe, clock.get, clock.get);
}

/**
 * The keyframes' offsets, each given or computed as Web Animations computes a missing one (the
 * first 0, the last 1, the others spread evenly between their neighbours with an offset).
 */
function computedOffsets(keyframes: readonly Keyframe[]): number[] {
  const n = keyframes.length;
  const offsets = keyframes.map((k, i) => {
    if (typeof k.offset === 'number') return k.offset;
    if (i === 0) return 0;
    return i === n - 1 ? 1 : Number.NaN;
  });
  for (let i = 1; i < n; i++) {
    if (!Number.isNaN(offsets[i] as number)) continue;
    let j = i;
    while (Number.isNaN(offsets[j] as number)) j++;
    const a = offsets[i - 1] as number;
    const b = offsets[j] as number;
    for (let k = i; k < j; k++) offsets[k] = a + ((b - a) * (k - i + 1)) / (j - i + 1);
  }
  return offsets;
}

/**
 * `keyframes` over a span of `span` wall ms, followed by `hold` wall ms showing the last keyframe:
 * offsets scaled into [0, span / (span + hold)] and the last keyframe again at offset 1.
 */
export function withHold(keyframes: readonly Keyframe[], span: number, hold: number): Keyframe[] {
  if (hold <= 0 || keyframes.length === 0) return [...keyframes];
  const scale = span / (span + hold);
  const offsets = computedOffsets(keyframes);
  const scaled = keyframes.map((k, i) => ({ ...k, offset: (offsets[i] as number) * scale }));
  const last = scaled[scaled.length - 1] as Keyframe;
  // The held stretch is still: no easing carries over into it.
  const { easing: _easing, ...still } = last;
  return [...scaled, { ...still, offset: 1 }];
}

/**
 * Plays `keyframes` on `el` as the stretch of virtual time [fromMs, toMs] (offsets 0..1 of it),
 * placed on the document timeline by `glide`: at wall time w the element shows the keyframes at
 * virtual time glide.time + (w − glide.wall) × speed. Held at either end (fill both). Returns the
 * animation (cancel it to stop), or null where Web Animations are missing (jsdom).
 *
 * `holdWallMs` keeps the animation running that long past `toMs`, still at its last keyframe. A
 * part that React removes when toMs comes (a message delivered) is then gone while its animation
 * still runs: an animation that finishes on the compositor makes the browser draw a main-thread
 * frame of its own (one per message at the default speed, some 16 a second at idle), while one
 * cancelled with its element costs nothing more than the frame that removes it.
 */
export function glideAnimation(
  el: Element,
  keyframes: Keyframe[],
  fromMs: number,
  toMs: number,
  glide: Glide,
  holdWallMs = 0,
): Animation | null {
  if (typeof el.animate !== 'function') return null;
  const span = Math.max(1e-3, (toMs - fromMs) / glide.speed);
  const frames = holdWallMs > 0 ? withHold(keyframes, span, holdWallMs) : keyframes;
  const animation = el.animate(frames, {
    duration: span + Math.max(0, holdWallMs),
    fill: 'both',
    easing: 'linear',
  });
  animation.startTime = glide.wall + (fromMs - glide.time) / glide.speed;
  return animation;
}
