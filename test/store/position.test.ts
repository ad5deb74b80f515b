/**
 * Exact positions (a presenter stop): `seekPosition` lands on (steps, time) whatever the way
 * there, and `playTo` plays toward one and pauses exactly on it, even between two items of the
 * same instant and whatever the frame rate.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/core/index.ts';
import { createLabStore } from '../../src/store/createLabStore.ts';
import type { LabStore } from '../../src/store/types.ts';

const SEED = 7;

/** Reference: the trace hash after exactly `steps` items, headless. */
function hashAfter(store: LabStore, steps: number): { hash: string; time: number } {
  const sim = Simulation.create(store.getState().runSetup());
  while (sim.state.steps < steps && sim.step());
  return { hash: sim.traceHash, time: sim.now };
}

function at(store: LabStore) {
  const f = store.getState().frame;
  return { steps: f.steps, time: f.time, hash: f.traceHash };
}

describe('seekPosition', () => {
  it('lands on the same position going forward, backward, and from afar', () => {
    const store = createLabStore({ seed: SEED, clock: () => 0 });
    const targets = [137, 12, 400, 401, 399, 0, 250];
    for (const steps of targets) {
      const ref = hashAfter(store, steps);
      store.getState().seekPosition({ steps, timeMs: ref.time });
      expect(at(store)).toEqual({ steps, time: ref.time, hash: ref.hash });
      expect(store.getState().playing).toBe(false);
    }
  });

  it('moves the clock on to a later time when no item comes before it', () => {
    const store = createLabStore({ seed: SEED, clock: () => 0 });
    const ref = hashAfter(store, 30);
    const sim = Simulation.create(store.getState().runSetup());
    while (sim.state.steps < 30 && sim.step());
    const next = sim.nextEventTime() ?? ref.time + 1;
    const later = Math.max(ref.time, next - 1);
    store.getState().seekPosition({ steps: 30, timeMs: later });
    expect(at(store)).toEqual({ steps: 30, time: later, hash: ref.hash });
  });
});

describe('playTo', () => {
  for (const frameMs of [1, 16, 100, 10_000]) {
    it(`stops exactly on the goal with ${frameMs} ms frames`, () => {
      const store = createLabStore({ seed: SEED, clock: () => 0 });
      const goal = 333;
      const ref = hashAfter(store, goal);
      store.getState().playTo({ steps: goal, timeMs: ref.time, speed: 0.5 });
      for (let i = 0; i < 100_000 && store.getState().playing; i++) store.getState().tick(frameMs);
      expect(store.getState().goal).toBeNull();
      expect(at(store)).toEqual({ steps: goal, time: ref.time, hash: ref.hash });
    });
  }

  it('is cancelled by pause, play and seeks', () => {
    const store = createLabStore({ seed: SEED, clock: () => 0 });
    store.getState().playTo({ steps: 500, timeMs: 100_000, speed: 1 });
    store.getState().tick(16);
    store.getState().pause();
    expect(store.getState().goal).toBeNull();
    store.getState().playTo({ steps: 500, timeMs: 100_000, speed: 1 });
    store.getState().seek(10);
    expect(store.getState().goal).toBeNull();
    expect(store.getState().playing).toBe(false);
  });
});
