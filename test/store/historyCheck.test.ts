/**
 * INV-C2 in the store (historyCheck.ts): the clients' history of the current position is checked
 * for linearizability, throttled while playing, without touching the simulation or its hash.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/core/index.ts';
import type { BugId, RunSetup } from '../../src/core/types.ts';
import { findLibraryEntry } from '../../src/scenarios/library/index.ts';
import { compileStory } from '../../src/scenarios/steps.ts';
import { createLabStore } from '../../src/store/createLabStore.ts';
import { HistoryCheck } from '../../src/store/historyCheck.ts';
import { Recorder } from '../../src/store/recorder.ts';
import type { LabStore } from '../../src/store/types.ts';

/** The no-stale-reads story (SC-32) as a flat schedule, with the given teaching bugs. */
function staleReadSetup(bugs: BugId[]): { setup: RunSetup; endMs: number } {
  const entry = findLibraryEntry('no-stale-reads');
  if (entry === undefined) throw new Error('no no-stale-reads story');
  const config = { ...entry.scenario.config, bugs };
  const story = compileStory({ ...entry.scenario, config }, entry.scenario.steps);
  // With the bug the last step waits in vain for its reply (C3 was answered already): 2 s is plenty.
  const endMs = Math.min((story.stops.at(-1)?.timeMs ?? 0) + 100, 2000);
  return { setup: { seed: entry.scenario.seed, config, actions: story.actions }, endMs };
}

/** Plays in 16 ms frames of a frozen wall clock up to virtual time `t`, then pauses. */
function playUntil(store: LabStore, t: number, pause = true): void {
  store.getState().play();
  for (let i = 0; i < 100_000 && store.getState().frame.time < t; i++) {
    const s = store.getState();
    s.tick(Math.min(16, (t - s.displayTime) / s.speed));
  }
  if (pause) store.getState().pause();
}

describe('the client history check (INV-C2)', () => {
  it('flags the stale read of BUG-LOCALREAD, naming the operations', () => {
    const { setup, endMs } = staleReadSetup(['BUG-LOCALREAD']);
    const store = createLabStore({ setup, speed: 1, clock: () => 0 });
    playUntil(store, endMs);
    const s = store.getState();
    expect(s.frame.violations).toEqual([]); // the core's per-step checks cannot see it
    expect(s.historyViolations).toHaveLength(1);
    const v = s.historyViolations[0];
    expect(v?.invariant).toBe('INV-C2');
    expect(v?.servers).toEqual([1]);
    expect(v?.message).toMatch(/get x/);
    expect(v?.message).toMatch(/set x 2/);
  });

  it('leaves the simulation and its trace hash as they are', () => {
    const { setup, endMs } = staleReadSetup(['BUG-LOCALREAD']);
    const store = createLabStore({ setup, speed: 1, clock: () => 0 });
    playUntil(store, endMs);
    const sim = Simulation.create(setup);
    sim.runUntil(store.getState().frame.time);
    expect(store.getState().frame.traceHash).toBe(sim.traceHash);
  });

  it('finds nothing in the correct run (ReadIndex)', () => {
    const { setup, endMs } = staleReadSetup([]);
    const store = createLabStore({ setup, speed: 1, clock: () => 0 });
    playUntil(store, endMs);
    expect(store.getState().historyViolations).toEqual([]);
  });

  it('checks the history of the position shown: gone before the stale answer, back after', () => {
    const { setup, endMs } = staleReadSetup(['BUG-LOCALREAD']);
    const store = createLabStore({ setup, speed: 1, clock: () => 0 });
    playUntil(store, endMs);
    const at = store.getState().historyViolations[0]?.time ?? 0;
    expect(at).toBeGreaterThan(0);
    store.getState().seek(at - 1);
    expect(store.getState().historyViolations).toEqual([]);
    store.getState().seek(endMs);
    expect(store.getState().historyViolations.map((v) => v.invariant)).toEqual(['INV-C2']);
  });

  it('while playing, checks at most every 300 ms of wall time', () => {
    const { setup, endMs } = staleReadSetup(['BUG-LOCALREAD']);
    let wall = 0;
    const store = createLabStore({ setup, speed: 1, clock: () => wall });
    playUntil(store, endMs, false);
    // The wall clock stood still: no check ran since the start, whatever the replies.
    expect(store.getState().historyViolations).toEqual([]);
    wall = 301;
    store.getState().tick(16);
    expect(store.getState().historyViolations).toHaveLength(1);
  });

  it('while playing, a check that costs more than a frame can spare holds the next back, never for good', () => {
    const { setup, endMs } = staleReadSetup(['BUG-LOCALREAD']);
    // The recorder alone: its end has the stale read; 10 ms in, nothing yet.
    for (const [costMs, heldBack] of [
      [7, true],
      [5, false],
    ] as const) {
      const rec = new Recorder(setup);
      while (rec.advanceTo(endMs, 1_000_000) === 'budget');
      rec.seek(10);
      // Every look at this clock while a check runs moves it `costMs` on: the check's cost.
      let wall = 0;
      let checking = false;
      const history = new HistoryCheck(rec, () => (checking ? (wall += costMs) : wall));
      checking = true;
      expect(history.run(false)).toBeNull(); // checked: no violation, nothing new to publish
      rec.seek(endMs);
      wall += 301; // past the usual interval
      expect(history.run(false) === null).toBe(heldBack);
      if (heldBack) {
        // 50 times the 7 ms the slow check took, from its start: then it checks again.
        wall = 349;
        expect(history.run(false)).toBeNull();
        wall = 351;
        expect(history.run(false)?.map((v) => v.invariant)).toEqual(['INV-C2']);
      }
      expect(history.violations).toHaveLength(1);
    }
  });
});
