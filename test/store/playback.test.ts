/**
 * Playback: speed bounds, virtual time per wall time, bounded checkpoints, the driver's idle
 * behaviour and the presenter shortcuts (which must all go through the action log).
 */
import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_MAX_MS,
  CHECKPOINT_STEPS,
  CheckpointList,
} from '../../src/store/checkpoints.ts';
import { createLabStore } from '../../src/store/createLabStore.ts';
import { startDriver } from '../../src/store/driver.ts';
import type { DriverEnv } from '../../src/store/driver.ts';
import { Recorder } from '../../src/store/recorder.ts';
import { defaultSetup } from '../../src/store/slices/simulation.ts';
import { SPEED_MAX, SPEED_MIN } from '../../src/store/types.ts';

describe('speed', () => {
  it('is clamped to [1/1000, 100] and ignores non-numbers', () => {
    const store = createLabStore();
    store.getState().setSpeed(1000);
    expect(store.getState().speed).toBe(SPEED_MAX);
    store.getState().setSpeed(0);
    expect(store.getState().speed).toBe(SPEED_MIN);
    store.getState().setSpeed(Number.NaN);
    expect(store.getState().speed).toBe(SPEED_MIN);
  });

  it('advances virtual time by speed × wall time', () => {
    const store = createLabStore({ speed: 0.5, playing: true, clock: () => 0 });
    for (let i = 0; i < 100; i++) store.getState().tick(20);
    expect(store.getState().displayTime).toBeCloseTo(1000, 6);
    expect(store.getState().frame.time).toBe(1000);
    store.getState().setSpeed(2);
    for (let i = 0; i < 10; i++) store.getState().tick(50);
    expect(store.getState().frame.time).toBe(2000);
  });

  it('does not leap after a long wall-clock gap', () => {
    const store = createLabStore({ speed: 1, playing: true, clock: () => 0 });
    store.getState().tick(60_000);
    expect(store.getState().frame.time).toBeLessThanOrEqual(100);
  });
});

describe('checkpoints', () => {
  it('keep a fixed spacing in queue items however long the run, found by binary search', () => {
    const list = new CheckpointList<string>({ steps: 1_500, ms: 30_000 });
    // 3 items per virtual ms: one checkpoint every 500 ms.
    for (let t = 500; t <= 100_000; t += 250)
      if (list.due(t, t * 3)) list.add({ now: t, steps: t * 3, state: 's' });
    const times = list.times();
    expect(times[0]).toBe(0);
    expect(list.count).toBe(201);
    for (let i = 1; i < times.length; i++)
      expect((times[i] as number) - (times[i - 1] as number)).toBe(500);
    expect(list.atOrBeforeTime(50_499).now).toBe(50_000);
    expect(list.atOrBeforeTime(50_500).now).toBe(50_500);
    expect(list.atOrBeforeTime(499).now).toBe(0);
    expect(list.atOrBeforeSteps(3 * 70_000 - 1).now).toBe(69_500);
    expect(list.atOrBeforeSteps(10 ** 9).now).toBe(100_000);
  });

  it('come at least every so much virtual time in a quiet run', () => {
    const list = new CheckpointList<string>({ steps: 1_500, ms: 30_000 });
    // One item per virtual second: the time cap, not the items, sets the spacing.
    for (let t = 1_000; t <= 300_000; t += 1_000)
      if (list.due(t, t / 1_000)) list.add({ now: t, steps: t / 1_000, state: 's' });
    expect(list.times()).toEqual(Array.from({ length: 11 }, (_, i) => i * 30_000));
  });

  it('leave at most one interval of items to re-run anywhere in a long recorded run', () => {
    const rec = new Recorder(defaultSetup(3, 5));
    for (let t = 1000; t <= 180_000; t += 1000) rec.advanceTo(t, 1_000_000);
    const steps = rec.checkpoints.steps();
    const times = rec.checkpoints.times();
    expect(steps.length).toBeGreaterThan(2);
    // A checkpoint waits for a position where every item of its instant is done: a few more.
    const slack = 20;
    const gaps = steps.map((s, i) => s - (steps[i - 1] ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(CHECKPOINT_STEPS + slack);
    expect(Math.max(...gaps.slice(1))).toBeGreaterThanOrEqual(CHECKPOINT_STEPS);
    expect(rec.sim.state.steps - (steps.at(-1) as number)).toBeLessThanOrEqual(
      CHECKPOINT_STEPS + slack,
    );
    const widest = Math.max(...times.map((t, i) => t - (times[i - 1] ?? 0)));
    expect(widest).toBeLessThanOrEqual(CHECKPOINT_MAX_MS);
  });
});

function fakeEnv() {
  const state = { hidden: false, requested: 0, pending: null as ((t: number) => void) | null };
  let listener: (() => void) | null = null;
  const env: DriverEnv = {
    requestFrame: (cb) => {
      state.requested++;
      state.pending = cb;
      return state.requested;
    },
    cancelFrame: () => {
      state.pending = null;
    },
    isHidden: () => state.hidden,
    onVisibilityChange: (l) => {
      listener = l;
      return () => (listener = null);
    },
  };
  const fire = (t: number) => {
    const cb = state.pending;
    state.pending = null;
    cb?.(t);
  };
  const setHidden = (hidden: boolean) => {
    state.hidden = hidden;
    listener?.();
  };
  return { env, state, fire, setHidden };
}

describe('driver', () => {
  it('requests no frame while paused or hidden', () => {
    const store = createLabStore({ speed: 1, clock: () => 0 });
    const fake = fakeEnv();
    const driver = startDriver(store, fake.env);
    expect(fake.state.requested).toBe(0);
    store.getState().play();
    expect(fake.state.requested).toBe(1);
    fake.fire(0);
    fake.fire(16);
    expect(store.getState().frame.time).toBe(16);
    store.getState().pause();
    const requested = fake.state.requested;
    fake.fire(32); // a frame already in the browser's queue is cancelled: nothing happens
    expect(fake.state.requested).toBe(requested);
    store.getState().play();
    fake.setHidden(true);
    expect(fake.state.pending).toBe(null);
    fake.setHidden(false);
    expect(fake.state.pending).not.toBe(null);
    driver.stop();
    expect(fake.state.pending).toBe(null);
  });
});

describe('shortcuts', () => {
  function storeAtLeader() {
    const store = createLabStore({ seed: 11, speed: 1, playing: true, clock: () => 0 });
    for (let i = 0; i < 200; i++) store.getState().tick(10);
    return store;
  }

  it('R restarts the leader through crash and restart actions', () => {
    const store = storeAtLeader();
    const leader = store.getState().frame.servers.find((s) => s.role === 'leader');
    expect(leader).toBeDefined();
    store.getState().restartLeader();
    const acts = store
      .getState()
      .actionList()
      .map((a) => a.do);
    expect(acts).toEqual(['crash', 'restart']);
    store.getState().tick(10);
    expect(store.getState().frame.servers[(leader?.id ?? 1) - 1]?.role).toBe('follower');
  });

  it('A times out every live server at once', () => {
    const store = storeAtLeader();
    store.getState().crash(5);
    store.getState().alignTimers();
    const timeouts = store
      .getState()
      .actionList()
      .filter((a) => a.do === 'timeout');
    expect(timeouts.map((a) => ('server' in a ? a.server : 0))).toEqual([1, 2, 3, 4]);
  });

  it('B restarts every crashed server; C sends distinct commands', () => {
    const store = storeAtLeader();
    store.getState().crash(1);
    store.getState().crash(3);
    store.getState().restartAllCrashed();
    store.getState().request();
    store.getState().request();
    const log = store.getState().actionList();
    expect(log.filter((a) => a.do === 'restart').length).toBe(2);
    const commands = log.flatMap((a) => (a.do === 'request' ? [a.command] : []));
    expect(commands).toEqual(['set x 1', 'set y 2']);
  });

  it('T explains itself when a leader keeps the timers reset', () => {
    const store = storeAtLeader();
    store.getState().spreadTimers();
    expect(store.getState().notice).toEqual({ code: 'leaderUp' });
    expect(store.getState().actionList()).toEqual([]);
  });

  it('T schedules a timeout ahead of the pack when there is no leader', () => {
    const store = createLabStore({ seed: 11, speed: 1, playing: true, clock: () => 0 });
    store.getState().tick(10);
    store.getState().spreadTimers();
    const acts = store.getState().actionList();
    if (acts.length > 0) {
      expect(acts[0]?.do).toBe('timeout');
      expect(acts[0]?.at).toBeGreaterThanOrEqual(10);
    } else {
      expect(store.getState().notice).toEqual({ code: 'alreadySpread' });
    }
  });
});

describe('invariant violations', () => {
  it('pause playback exactly at the violating event (the rule catalogue §4 teaching bug)', async () => {
    const { withDefaults } = await import('../../src/core/index.ts');
    const store = createLabStore({
      setup: { seed: 1, config: withDefaults({ bugs: ['BUG-VOTERESET'] }), actions: [] },
      speed: 1,
      playing: true,
      clock: () => 0,
    });
    for (let i = 0; i < 2000 && store.getState().playing; i++) store.getState().tick(16);
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.stoppedOnViolation).toBe(true);
    const v = s.frame.violations[0];
    expect(v?.invariant).toBe('INV-X7');
    expect(s.frame.time).toBe(v?.time);
    expect(s.displayTime).toBe(v?.time);
    expect(s.events.at(-1)?.type).toBe('violation');
  });
});
