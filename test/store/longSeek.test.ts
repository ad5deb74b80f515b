/**
 * Time travel in a long recorded run (issue 11): checkpoints share their long lists with each
 * other and a restore rewrites the lists of the run being left in place (src/core/sharedList.ts),
 * so a seek to any position, in any order, must still give exactly the state of a straight run
 * to that time: the same trace hash and the same state, logs and checker included.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, withDefaults } from '../../src/core/index.ts';
import { Prng } from '../../src/core/prng.ts';
import type { Action, RunSetup } from '../../src/core/types.ts';
import { Recorder } from '../../src/store/recorder.ts';
import { CHECKPOINT_STEPS } from '../../src/store/checkpoints.ts';

const END_MS = 90_000;

/** The bench's workload (a request every 100 ms) with faults that truncate and rewrite logs. */
function actions(): Action[] {
  const out: Action[] = [];
  for (let at = 100, i = 0; at <= END_MS; at += 100, i++) {
    const command = i % 4 === 3 ? `get k${i % 10}` : `set k${i % 10} ${i}`;
    out.push({ at, do: 'request', command, client: (i % 3) + 1 });
  }
  for (let t = 15_000, k = 0; t < END_MS; t += 30_000, k++) {
    // A different pair cut off each time: sooner or later the leader, whose entries are cut off.
    const pair = [1 + ((2 * k) % 5), 1 + ((2 * k + 1) % 5)];
    const rest = [1, 2, 3, 4, 5].filter((id) => !pair.includes(id));
    out.push({ at: t, do: 'partition', groups: [pair, rest] });
    out.push({ at: t + 6_000, do: 'heal' });
    out.push({ at: t + 15_000, do: 'crash', server: 3 });
    out.push({ at: t + 19_000, do: 'restart', server: 3 });
  }
  return out.sort((a, b) => a.at - b.at);
}

function setup(): RunSetup {
  return { seed: 5, config: withDefaults({ servers: 5, snapshotEvery: 300 }), actions: actions() };
}

/** The parts of the state a seek must restore exactly (the clock of the live run aside). */
function stateText(sim: Simulation): string {
  return JSON.stringify(sim.state, (_k, v: unknown) => (v === undefined ? '∅' : v));
}

describe('seeking in a long recorded run', () => {
  it('lands on the straight run’s state at random positions, in random order', () => {
    const rec = new Recorder(setup());
    while (rec.advanceTo(END_MS, 1_000_000) === 'budget');
    expect(rec.endTime).toBe(END_MS);
    // Seeks below restore checkpoints along the whole run, not only the start.
    const steps = rec.checkpoints.steps();
    expect(steps.length).toBeGreaterThanOrEqual(Math.floor(rec.sim.state.steps / CHECKPOINT_STEPS));
    expect(steps.length).toBeGreaterThan(5);

    const rng = new Prng(42);
    const targets = Array.from({ length: 10 }, () => rng.below(END_MS + 1));
    targets.push(0, END_MS, 137, END_MS - 1);
    const straight = Simulation.create(setup());
    let truncations = 0;
    straight.onEvent = (e) => void (e.type === 'truncate' && truncations++);
    const want = new Map<number, { hash: string; text: string }>();
    for (const t of [...targets].sort((a, b) => a - b)) {
      straight.runUntil(t);
      want.set(t, { hash: straight.traceHash, text: stateText(straight) });
    }
    expect(straight.violations).toEqual([]);
    expect(truncations, 'the run cuts off log suffixes').toBeGreaterThan(0);
    for (const t of targets) {
      rec.seek(t);
      const w = want.get(t) as { hash: string; text: string };
      expect(rec.sim.now).toBe(t);
      expect(rec.sim.traceHash).toBe(w.hash);
      expect(stateText(rec.sim)).toBe(w.text);
    }
    // And on to the end again, through the restored lists.
    rec.seek(END_MS);
    straight.runUntil(END_MS);
    expect(rec.sim.traceHash).toBe(straight.traceHash);
  });

  it('steps back exactly across checkpoints, far into the run', () => {
    const rec = new Recorder(setup());
    while (rec.advanceTo(60_000, 1_000_000) === 'budget');
    const steps = rec.sim.state.steps;
    const straight = Simulation.create(setup());
    while (straight.state.steps < steps - 25) straight.step();
    for (let k = 0; k < 25; k++) rec.stepBack();
    expect(rec.sim.state.steps).toBe(steps - 25);
    expect(rec.sim.traceHash).toBe(straight.traceHash);
    expect(stateText(rec.sim)).toBe(stateText(straight));
  });
});
