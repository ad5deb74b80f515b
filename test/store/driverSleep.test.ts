/**
 * The driver that sleeps between events (driver.ts): with no part needing every frame it wakes
 * only when the next event is due or the clock's digits change, and the run is the same as when
 * it ticks on every frame.
 */
import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../src/store/createLabStore.ts';
import { CLOCK_MS, startDriver } from '../../src/store/driver.ts';
import type { DriverEnv } from '../../src/store/driver.ts';
import { FrameDemand } from '../../src/store/frameDemand.ts';
import { playUntil } from './playKit.ts';

/** A page's clock: frames every 16 ms, timers that fire on the first frame boundary after them. */
function fakePage(sleepy: boolean) {
  let now = 0;
  let frame: ((t: number) => void) | null = null;
  const timers = new Map<number, { at: number; cb: () => void }>();
  let nextId = 1;
  const demand = new FrameDemand();
  const env: DriverEnv = {
    requestFrame: (cb) => {
      frame = cb;
      return 1;
    },
    cancelFrame: () => {
      frame = null;
    },
    isHidden: () => false,
    onVisibilityChange: () => () => {},
    sleep: sleepy
      ? {
          setTimer: (cb, ms) => {
            timers.set(nextId, { at: now + ms, cb });
            return nextId++;
          },
          clearTimer: (h) => void timers.delete(h),
          now: () => now,
          demand,
        }
      : undefined,
  };
  let framesRun = 0;
  /** Runs the page for `ms` of wall time in 1 ms steps; frames fall every 16 ms. */
  const run = (ms: number): void => {
    const end = now + ms;
    while (now < end) {
      now++;
      for (const [id, t] of [...timers]) {
        if (t.at <= now) {
          timers.delete(id);
          t.cb();
        }
      }
      if (now % 16 === 0 && frame !== null) {
        const cb = frame;
        frame = null;
        framesRun++;
        cb(now);
      }
    }
  };
  return { env, run, demand, frames: () => framesRun, timers };
}

describe('sleeping driver', () => {
  it('wakes a few times per wall second, not every frame, and plays the same run', () => {
    const awake = createLabStore({ speed: 0.1, clock: () => 0 });
    const asleep = createLabStore({ speed: 0.1, clock: () => 0 });
    const a = fakePage(false);
    const b = fakePage(true);
    startDriver(awake, a.env);
    const driver = startDriver(asleep, b.env);
    awake.getState().play();
    asleep.getState().play();
    a.run(20_000);
    b.run(20_000);
    // Every frame (1250 in 20 s) against at most the clock's tenths plus the events' frames.
    expect(a.frames()).toBeGreaterThan(1200);
    expect(b.frames()).toBeLessThan(a.frames() / 2);
    expect(b.frames()).toBeGreaterThan(20_000 / CLOCK_MS / 2);
    expect(driver.wakes).toBe(b.frames());
    // The same events in the same order: the same trace up to the time both reached.
    awake.getState().pause();
    asleep.getState().pause();
    const ta = awake.getState().frame;
    const tb = asleep.getState().frame;
    expect(Math.abs(ta.time - tb.time)).toBeLessThanOrEqual(2);
    expect(ta.time).toBeGreaterThan(1900);
    // Each reached time has the trace a store played in plain 16 ms ticks has there.
    for (const reached of [ta, tb]) {
      const reference = createLabStore({ speed: 0.1, clock: () => 0 });
      playUntil(reference, reached.time);
      expect(reference.getState().frame.time).toBe(reached.time);
      expect(reached.traceHash).toBe(reference.getState().frame.traceHash);
    }
  });

  it('tells the clock the time ten times a second between ticks, without ticking the store', () => {
    const store = createLabStore({ speed: 0.1, clock: () => 0 });
    const page = fakePage(true);
    startDriver(store, page.env);
    const shown: { time: number; tick: number }[] = [];
    page.demand.onShowTime((time) => shown.push({ time, tick: store.getState().displayTime }));
    let ticks = 0;
    store.subscribe((st, prev) => {
      if (st.displayTime !== prev.displayTime) ticks++;
    });
    store.getState().play();
    page.run(10_000);
    // Ticks and clock-only wakes together about ten a second, or more (events).
    expect(shown.length).toBeGreaterThan(20);
    expect(shown.length + ticks).toBeGreaterThanOrEqual(90);
    for (const s of shown) {
      // Later than the last tick, by at most the longest stretch without one (300 ms × speed).
      expect(s.time).toBeGreaterThan(s.tick);
      expect(s.time - s.tick).toBeLessThanOrEqual(30 + 1);
    }
  });

  it('ticks every frame while a part needs it, and sleeps again when it lets go', () => {
    const store = createLabStore({ speed: 0.1, clock: () => 0 });
    const page = fakePage(true);
    startDriver(store, page.env);
    const release = page.demand.need();
    store.getState().play();
    page.run(1600);
    expect(page.frames()).toBeGreaterThanOrEqual(99);
    release();
    const before = page.frames();
    page.run(1600);
    expect(page.frames() - before).toBeLessThan(50);
  });

  it('catches up with the wall clock before a pause, so it pauses at the time shown', () => {
    const store = createLabStore({ speed: 0.1, clock: () => 0 });
    const page = fakePage(true);
    startDriver(store, page.env);
    store.getState().play();
    page.run(5_000);
    // Find a wake after which the driver sleeps 60 ms (no event due in them).
    let found = false;
    for (let i = 0; i < 100 && !found; i++) {
      const frames = page.frames();
      while (page.frames() === frames) page.run(1);
      const shown = store.getState().displayTime;
      const wakes = page.frames();
      page.run(60);
      if (page.frames() !== wakes) continue;
      found = true;
      store.getState().pause();
      // Paused at the time 60 ms of wall time later, not at the last wake's.
      expect(store.getState().displayTime).toBeGreaterThanOrEqual(Math.floor(shown + 0.1 * 60));
    }
    expect(found).toBe(true);
  });
});

describe('sleeping driver and the panels taking turns', () => {
  it('shows every panel the last frame before it sleeps (lane -1), after playing fast', () => {
    const store = createLabStore({ speed: 100, clock: () => 0 });
    const page = fakePage(true);
    startDriver(store, page.env);
    store.getState().play();
    page.run(400);
    // Playing fast with events every frame: the panels take turns.
    expect(store.getState().lane).toBeGreaterThanOrEqual(0);
    // Every server down: no event is due any more, so the driver sleeps between the clock's wakes.
    for (const s of store.getState().frame.servers)
      store.getState().act({ do: 'crash', server: s.id });
    page.run(400);
    expect(store.getState().playing).toBe(true);
    expect(page.timers.size).toBeGreaterThan(0);
    expect(store.getState().lane).toBe(-1);
  });
});
