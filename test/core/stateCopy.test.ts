/**
 * Checkpoints share the parts of the state that are never changed in place (log entries, actions,
 * the checker's id lists) instead of deep-copying them (src/core/stateCopy.ts). The contract is the
 * same as a deep copy: a checkpoint taken at t continues exactly as the run did from t, however the
 * run (or a run restored from it) changes its logs afterwards: appends, conflicting suffixes cut
 * off, compaction that empties slots, crashes and restarts.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, withDefaults } from '../../src/core/index.ts';
import type { Action, RunSetup } from '../../src/core/types.ts';

function setup(extra: Partial<Parameters<typeof withDefaults>[0]> = {}): RunSetup {
  const actions: Action[] = [];
  for (let at = 100, i = 0; at <= 6_000; at += 100, i++) {
    actions.push({ at, do: 'request', command: `set __proto__ ${i}`, client: (i % 3) + 1 });
  }
  // A partition makes a minority leader append entries that are cut off after the heal.
  actions.push({
    at: 1_500,
    do: 'partition',
    groups: [
      [1, 2],
      [3, 4, 5],
    ],
  });
  actions.push({ at: 3_000, do: 'heal' });
  actions.push({ at: 3_500, do: 'crash', server: 2 });
  actions.push({ at: 4_200, do: 'restart', server: 2 });
  actions.sort((a, b) => a.at - b.at);
  return { seed: 11, config: withDefaults({ servers: 5, ...extra }), actions };
}

function runTo(sim: Simulation, t: number): string {
  sim.runUntil(t);
  return sim.traceHash;
}

describe.each([
  ['without compaction', {}],
  ['with a snapshot every 7 entries', { snapshotEvery: 7 }],
])('a checkpoint %s', (_name, extra) => {
  it('continues exactly as the run did, after the run changed its logs in every way', () => {
    const straight = Simulation.create(setup(extra));
    const want = [2_000, 3_200, 6_500].map((t) => runTo(straight, t));

    const live = Simulation.create(setup(extra));
    runTo(live, 1_200);
    const checkpoint = live.checkpoint();
    const frozen = JSON.stringify(checkpoint);
    // The live run goes on: partition, conflicting entries cut off, compaction, a crash.
    expect([2_000, 3_200, 6_500].map((t) => runTo(live, t))).toEqual(want);
    expect(JSON.stringify(checkpoint)).toBe(frozen);

    // Two runs restored from the same checkpoint, one after the other, both end the same way.
    for (let k = 0; k < 2; k++) {
      const restored = Simulation.fromState(checkpoint);
      expect([2_000, 3_200, 6_500].map((t) => runTo(restored, t))).toEqual(want);
      expect(JSON.stringify(checkpoint)).toBe(frozen);
    }
  });
});

describe('a checkpoint', () => {
  it('holds its own log arrays and checker lists, with the same entry objects', () => {
    const sim = Simulation.create(setup());
    sim.runUntil(2_500);
    const cp = sim.checkpoint();
    sim.state.servers.forEach((s, i) => {
      const copy = cp.servers[i]?.log;
      expect(copy).not.toBe(s.log);
      expect(copy).toEqual(s.log);
      // Entries are shared: they are never modified once appended.
      if (s.log.length > 0) expect(copy?.[s.log.length - 1]).toBe(s.log.at(-1));
    });
    expect(cp.actions).not.toBe(sim.state.actions);
    expect(cp.checker.committedIds).not.toBe(sim.state.checker.committedIds);
    expect(cp.checker.chains[0]).not.toBe(sim.state.checker.chains[0]);
    expect(cp.checker.executed[0]).not.toBe(sim.state.checker.executed[0]);
    expect(cp.checker.executed).toEqual(sim.state.checker.executed);
    // The live state is whole again after the copy.
    expect(sim.state.servers.every((s) => s.log.length > 0)).toBe(true);
  });
});
