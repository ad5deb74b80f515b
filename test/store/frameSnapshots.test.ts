/**
 * Frames of a run with log compaction (F2-IS6): a compacted slot stays empty in the frame, the
 * snapshot is shared (the core replaces it, never changes it), a leader's per-peer transfer and a
 * follower's partly received snapshot are copied, and time travel back before a snapshot shows
 * the entries again.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, Simulation } from '../../src/core/index.ts';
import type { Action, ServerState } from '../../src/core/types.ts';
import { buildFrame, type Frame, type FrameServer } from '../../src/store/frame.ts';
import { FrameLog } from '../../src/store/frameLog.ts';

const ACTIONS: Action[] = [
  ...Array.from({ length: 24 }, (_, i): Action => ({
    at: 1000 + i * 40,
    do: 'request',
    command: `set k${i} ${i}`,
  })),
  { at: 1100, do: 'crash', server: 3 },
  { at: 2600, do: 'restart', server: 3 },
];

function run(): Simulation {
  return Simulation.create({
    seed: 42,
    config: { ...DEFAULT_CONFIG, snapshotEvery: 5 },
    actions: ACTIONS,
  });
}

/** The log as the frame holds it, with `_` for an empty (compacted) slot. */
const slots = (s: ServerState | FrameServer): string[] =>
  Array.from(s.log, (e, i) =>
    (s.log instanceof FrameLog ? s.log.has(i) : i in s.log) ? (e?.id ?? '?') : '_',
  );

describe('frames of a compacted log', () => {
  it('mirror the core: the same empty slots, the same entries after them', () => {
    const sim = run();
    let frame: Frame | null = null;
    let compacted = 0;
    for (let t = 0; t <= 3000; t += 20) {
      sim.runUntil(t);
      frame = buildFrame(sim, frame);
      sim.state.servers.forEach((live, i) => {
        const shown = frame?.servers[i] as FrameServer;
        expect(slots(shown), `S${live.id} at ${t}`).toEqual(slots(live));
        expect(shown.snapshot).toBe(live.snapshot);
        if (live.snapshot !== null) compacted++;
      });
    }
    expect(compacted).toBeGreaterThan(0);
    // Every server ends compacted; S3, down while the others moved on, got a leader's snapshot.
    for (const s of frame?.servers ?? []) expect(s.snapshot?.index ?? 0).toBeGreaterThanOrEqual(5);
  });

  it('copies what changes in place: a transfer’s offset, a partly received snapshot', () => {
    const sim = run();
    let frame: Frame | null = null;
    let transfers = 0;
    for (let t = 0; t <= 3000; t += 5) {
      sim.runUntil(t);
      frame = buildFrame(sim, frame);
      sim.state.servers.forEach((live, i) => {
        const shown = frame?.servers[i] as FrameServer;
        expect(shown.incomingSnapshot).toEqual(live.incomingSnapshot);
        if (live.incomingSnapshot !== null)
          expect(shown.incomingSnapshot).not.toBe(live.incomingSnapshot);
        live.peers.forEach((p, k) => {
          const copy = shown.peers[k]?.snapshotOut ?? null;
          expect(copy).toEqual(p.snapshotOut);
          if (p.snapshotOut !== null) {
            transfers++;
            expect(copy).not.toBe(p.snapshotOut);
            expect(Object.isFrozen(copy)).toBe(true);
          }
        });
      });
    }
    expect(transfers).toBeGreaterThan(0);
  });

  it('shows the entries again when going back to before a snapshot', () => {
    const late = run();
    late.runUntil(3000);
    const early = run();
    early.runUntil(1300);
    const lateFrame = buildFrame(late, null);
    const back = buildFrame(early, lateFrame);
    early.state.servers.forEach((live, i) => {
      expect(slots(back.servers[i] as FrameServer)).toEqual(slots(live));
    });
    expect(buildFrame(early, null)).toEqual(back);
  });
});
