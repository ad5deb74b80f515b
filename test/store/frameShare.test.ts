/**
 * A frame's copy of a server (snapshotServer, src/store/frame.ts) shares with the previous frame
 * the parts of the server that did not change: its configuration, its pending change, its reads.
 * Before, every frame in which a server changed at all (a leader's matchIndex, a commit) cloned
 * its configuration again. Held to two things over a real run with a membership change (M-1):
 * every copy equals a fresh one (nothing stale is shared), and the configuration objects stay the
 * same objects from frame to frame until the configuration changes.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, withDefaults } from '../../src/core/index.ts';
import type { Action } from '../../src/core/types.ts';
import { snapshotServer, type FrameServer } from '../../src/store/frame.ts';

function run() {
  const actions: Action[] = [];
  for (let at = 300, i = 0; at <= 3_000; at += 100, i++) {
    actions.push({ at, do: 'request', command: `set k${i % 4} ${i}`, client: 1 });
  }
  actions.push({ at: 1_500, do: 'reconfigure', members: [1, 2, 3, 4, 5], client: 2 });
  return Simulation.create({
    seed: 7,
    config: withDefaults({ servers: 5, members: [1, 2, 3] }),
    actions,
  });
}

describe('a frame shares what a server did not change', () => {
  it('equals a fresh copy at every step, and keeps the configuration objects until they change', () => {
    const sim = run();
    let frames: FrameServer[] = sim.state.servers.map((s) => snapshotServer(s, undefined));
    const count = { changed: 0, sameConfig: 0, sharedConfig: 0, newIndexes: 0, sharedIndexes: 0 };
    const change = { same: 0, shared: 0, changed: 0 };
    while (sim.now < 3_500 && sim.step()) {
      const next = sim.state.servers.map((s, k) => snapshotServer(s, frames[k]));
      next.forEach((copy, k) => {
        const before = frames[k] as FrameServer;
        // Nothing stale: the copy is what a copy made from nothing would be.
        expect(copy).toEqual(snapshotServer(sim.state.servers[k]!, undefined));
        if (copy === before) return;
        count.changed++;
        if (copy.baseConfig !== null) expect(Object.isFrozen(copy.baseConfig)).toBe(true);
        const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
        if (copy.baseConfig !== null && same(copy.baseConfig, before.baseConfig)) {
          count.sameConfig++;
          if (copy.baseConfig === before.baseConfig) count.sharedConfig++;
        }
        if (same(copy.configIndexes, before.configIndexes)) {
          expect(copy.configIndexes).toBe(before.configIndexes);
          count.sharedIndexes++;
        } else count.newIndexes++;
        if (copy.change !== null && same(copy.change, before.change)) {
          change.same++;
          if (copy.change === before.change) change.shared++;
        } else if (!same(copy.change, before.change)) change.changed++;
      });
      frames = next;
    }
    // Servers changed in hundreds of frames; the configuration entries in a few of them.
    expect(count.changed).toBeGreaterThan(300);
    expect(count.newIndexes).toBeGreaterThan(0);
    expect(count.newIndexes).toBeLessThan(count.changed / 20);
    expect(count.sharedIndexes).toBeGreaterThan(count.changed * 0.9);
    // The configuration and a pending change are the previous frame's objects while they stay
    // the same (not when a read or a transfer changed beside them: then copied again).
    expect(count.sameConfig).toBeGreaterThan(300);
    expect(count.sharedConfig).toBeGreaterThan(count.sameConfig * 0.9);
    expect(change.changed).toBeGreaterThan(0);
    expect(change.same).toBeGreaterThan(0);
    expect(change.shared).toBeGreaterThan(change.same * 0.9);
  });
});
