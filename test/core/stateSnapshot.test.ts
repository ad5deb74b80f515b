/**
 * Snapshots in shared form (Simulation.snapshot / fromSnapshot, src/core/stateCopy.ts), taken
 * often through a run whose logs are cut off and rewritten: each must restore to exactly the
 * state it was taken at, whether restored fresh or by rewriting another run's lists in place.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, withDefaults } from '../../src/core/index.ts';
import type { StateSnapshot } from '../../src/core/stateCopy.ts';
import type { Action } from '../../src/core/types.ts';

const text = (sim: Simulation) =>
  JSON.stringify(sim.state, (_k, v: unknown) => (v === undefined ? '∅' : v));

/** Requests from many clients, and a different pair of servers cut off each time. */
function actions(): Action[] {
  const out: Action[] = [];
  for (let t = 25, i = 0; t <= 24_000; t += 25, i++) {
    out.push({ at: t, do: 'request', command: `set k${i % 7} ${i}`, client: (i % 97) + 1 });
  }
  for (let t = 2_000, k = 0; t < 24_000; t += 8_000, k++) {
    const pair = [1 + ((2 * k) % 5), 1 + ((2 * k + 1) % 5)];
    const rest = [1, 2, 3, 4, 5].filter((id) => !pair.includes(id));
    out.push({ at: t, do: 'partition', groups: [pair, rest] });
    out.push({ at: t + 6_000, do: 'heal' });
  }
  return out.sort((a, b) => a.at - b.at);
}

function run(snapshotEvery: number | undefined) {
  const config = withDefaults({
    servers: 5,
    ...(snapshotEvery === undefined ? {} : { snapshotEvery }),
  });
  const sim = Simulation.create({ seed: 3, config, actions: actions() });
  const snaps: { snap: StateSnapshot; text: string; hash: string }[] = [];
  let truncated = 0;
  sim.onEvent = (e) => void (e.type === 'truncate' && (truncated += e.removed));
  for (let t = 300; t <= 24_000; t += 300) {
    sim.runUntil(t);
    snaps.push({ snap: sim.snapshot(), text: text(sim), hash: sim.traceHash });
  }
  return { sim, snaps, truncated };
}

describe.each([
  ['without compaction', { snapshotEvery: undefined }],
  ['with a snapshot every 50 entries', { snapshotEvery: 50 }],
])('snapshots %s', (_name, extra) => {
  it('restore exactly, fresh or rewritten in place, in any order', () => {
    const { sim, snaps, truncated } = run(extra.snapshotEvery);
    // Suffixes were cut off after snapshots had frozen them.
    if (extra.snapshotEvery === undefined) expect(truncated).toBeGreaterThan(0);
    else expect(sim.state.servers.every((s) => s.snapshot !== null)).toBe(true);
    expect(sim.violations).toEqual([]);
    let recycled: Simulation = sim;
    const order = snaps.map((_, k) => (k * 37) % snaps.length);
    for (const k of order) {
      const s = snaps[k] as (typeof snaps)[number];
      expect(text(Simulation.fromSnapshot(s.snap))).toBe(s.text);
      recycled = Simulation.fromSnapshot(s.snap, recycled);
      expect(text(recycled)).toBe(s.text);
      // The restored run goes on as the original did (to the next snapshot).
      if (k % 9 === 0) {
        recycled.runUntil(recycled.now + 300);
        const next = snaps[k + 1];
        if (next !== undefined) expect(recycled.traceHash).toBe(next.hash);
      }
    }
  });
});
