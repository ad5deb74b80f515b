/**
 * Frames of a run with follower reads (C-4): a follower's reads and a leader's read held for a
 * follower (forwardTo) are copied and frozen, a read index set in place shows in the next frame,
 * and a frame without follower reads keeps sharing the previous server object.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, Simulation } from '../../src/core/index.ts';
import type { ServerState } from '../../src/core/types.ts';
import { buildFrame, type Frame, type FrameServer } from '../../src/store/frame.ts';

function run(): Simulation {
  return Simulation.create({
    seed: 42,
    config: { ...DEFAULT_CONFIG, servers: 3, reads: 'readIndex', followerReads: true },
    actions: [
      { at: 10, do: 'timeout', server: 1 },
      { at: 100, do: 'request', command: 'set x 1' },
      { at: 300, do: 'request', command: 'get x', server: 2, client: 2 },
    ],
  });
}

describe('frames of a run with follower reads', () => {
  it('copy a follower’s reads and the leader’s read held for it, as the core has them', () => {
    const sim = run();
    let frame: Frame | null = null;
    let followerFrames = 0;
    let forwardFrames = 0;
    for (let t = 0; t <= 600; t += 1) {
      sim.runUntil(t);
      frame = buildFrame(sim, frame);
      sim.state.servers.forEach((live, i) => {
        const shown = frame?.servers[i] as FrameServer;
        expect(shown.followerReads, `S${live.id} at ${t}`).toEqual(live.followerReads);
        expect(shown.reads, `S${live.id} at ${t}`).toEqual(live.reads);
        if (live.followerReads.length > 0) {
          followerFrames++;
          expect(shown.followerReads).not.toBe(live.followerReads);
          expect(Object.isFrozen(shown.followerReads)).toBe(true);
          expect(Object.isFrozen(shown.followerReads[0])).toBe(true);
        }
        if (live.reads.some((r) => r.forwardTo !== undefined)) forwardFrames++;
      });
    }
    // S2 held C2's get from 314 ms until S1's read index came back (373 ms); S1 held it for S2
    // from 333 ms until a heartbeat round confirmed its leadership (358 ms).
    expect(followerFrames).toBeGreaterThan(40);
    expect(forwardFrames).toBeGreaterThan(15);
    const at = (t: number): Frame => {
      const sim2 = run();
      sim2.runUntil(t);
      return buildFrame(sim2, null);
    };
    expect(at(340).servers[1]?.followerReads).toEqual([
      { client: 2, seq: 1, key: 'x', leader: 1, readIndex: null },
    ]);
    expect(at(340).servers[0]?.reads).toEqual([
      { client: 2, seq: 1, key: '', arrivedMs: 333, readIndex: 2, forwardTo: 2 },
    ]);
    expect(at(400).servers[1]?.followerReads).toEqual([]);
    expect(at(400).servers[0]?.reads).toEqual([]);
  });

  it('shows a read index the core sets in place, and shares a server nothing changed', () => {
    const sim = run();
    sim.runUntil(340);
    const before = buildFrame(sim, null);
    // Nothing moved: the same frozen server objects are reused.
    const same = buildFrame(sim, before);
    expect(same.servers[1]).toBe(before.servers[1]);
    // The leader's answer arrives: the core sets the read index on the same object (reads.ts).
    const live = sim.state.servers[1] as ServerState;
    const read = live.followerReads[0];
    if (read === undefined) throw new Error('S2 holds no follower read at 340 ms');
    read.readIndex = 5;
    const after = buildFrame(sim, before);
    expect(after.servers[1]).not.toBe(before.servers[1]);
    expect(after.servers[1]?.followerReads[0]?.readIndex).toBe(5);
    expect(before.servers[1]?.followerReads[0]?.readIndex).toBeNull();
    // Likewise a leader's held read gaining its read index.
    const leader = sim.state.servers[0] as ServerState;
    const held = leader.reads[0];
    if (held === undefined) throw new Error('S1 holds no read at 340 ms');
    held.readIndex = 9;
    expect(buildFrame(sim, after).servers[0]?.reads[0]?.readIndex).toBe(9);
  });
});
