/**
 * Frames of a growing log without a snapshot (a FrameLog built from the previous frame's):
 * each frame's log is frozen, holds the live log's entries, and shares the previous frame's
 * entry objects for the part that did not change; an older frame's log stays as it was.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/core/sim.ts';
import { toRunSetup } from '../../src/scenarios/schema.ts';
import { steadyWorkload } from '../../src/scenarios/workload.ts';
import type { Entry } from '../../src/core/types.ts';
import { buildFrame, type Frame } from '../../src/store/frame.ts';
import { FrameLog } from '../../src/store/frameLog.ts';

const ids = (log: readonly (Entry | undefined)[] | FrameLog): string =>
  Array.from(log, (e, i) =>
    (log instanceof FrameLog ? log.has(i) : i in log) ? (e?.id ?? '?') : '_',
  ).join(',');

describe('frames of a growing log', () => {
  it('copies only what changed, shares the rest, and leaves older frames untouched', () => {
    const sim = Simulation.create(toRunSetup(steadyWorkload(3, 20_000, 50)));
    sim.runUntil(5_000);
    let frame: Frame = buildFrame(sim, null);
    let grown = 0;
    for (let ms = 5_000; ms <= 20_000; ms += 37) {
      sim.runUntil(ms);
      const prev = frame;
      const prevIds = prev.servers.map((s) => ids(s.log));
      frame = buildFrame(sim, prev);
      frame.servers.forEach((s, i) => {
        const live = sim.state.servers[i]!;
        const old = prev.servers[i]!;
        expect(s.snapshot).toBeNull();
        expect(Object.isFrozen(s.log)).toBe(true);
        expect(ids(s.log)).toBe(ids(live.log));
        expect(s.log.groups.every((g) => Object.isFrozen(g) && g.every(Object.isFrozen))).toBe(
          true,
        );
        expect([...s.log].every((e) => Object.isFrozen(e))).toBe(true);
        if (s.log !== old.log && s.log.length > old.log.length && old.log.length > 0) {
          grown++;
          // The entries both frames hold are the same objects: only the new tail was copied.
          expect([...old.log].every((e, k) => e === s.log.at(k))).toBe(true);
        }
        // The previous frame's log did not move.
        expect(ids(old.log)).toBe(prevIds[i]);
      });
    }
    expect(grown).toBeGreaterThan(50);
  });
});
