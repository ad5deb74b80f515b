/**
 * The log-compaction story (the rule catalogue SC-42; F2-IS2, IS5, IS6, IS7): each step shows what its
 * caption claims. The generic checks run for it in library.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { findLibraryEntry } from '../../src/scenarios/library/index.ts';
import { ofType, play, server, stop } from './library-kit.ts';

const entry = findLibraryEntry('snapshot');

describe('snapshot story', () => {
  it('S1 then S2 compact on their own; S3, back, gets the snapshot in chunks and catches up', () => {
    if (entry === undefined) throw new Error('no snapshot story');
    const p = play(entry);
    // Step 2: S1 snapshotted and discarded what it covers; S3 is down with one entry.
    const compacted = stop(p, 2).servers;
    const s1 = server(compacted, 1);
    const at = s1.snapshot?.index ?? 0;
    expect(at).toBeGreaterThanOrEqual(5);
    expect(s1.log.slice(0, at).filter((e) => e !== undefined)).toEqual([]);
    expect(server(compacted, 2).snapshot).toBeNull();
    expect(server(compacted, 3).crashed).toBe(true);
    // Step 3: S2 did the same, by itself.
    expect(server(stop(p, 3).servers, 2).snapshot?.index).toBeGreaterThanOrEqual(5);
    // Step 4: the first chunk of InstallSnapshot is on its way to S3.
    const t4 = p.story.stops[3]?.timeMs ?? 0;
    const flying = p.sent.filter((m) => m.to === 3 && m.sentMs <= t4 && m.deliverMs > t4);
    expect(
      flying.map((m) => m.body.type === 'InstallSnapshot' && [m.body.chunk, m.body.offset]),
    ).toEqual([[1, 0]]);
    const chunks = flying[0]?.body.type === 'InstallSnapshot' ? flying[0].body.chunks : 0;
    expect(chunks).toBeGreaterThan(2);
    // Step 5: installed, log and state machine replaced (F2-IS5).
    expect(ofType(p, 'installSnapshot')).toMatchObject([
      { server: 3, leader: 1, kept: 0, reset: true },
    ]);
    const installed = server(stop(p, 5).servers, 3);
    expect(installed.commitIndex).toBe(installed.snapshot?.index);
    // After the story: S3 holds what S1 holds.
    const end = p.sim.state.servers;
    expect(server(end, 3).commitIndex).toBe(server(end, 1).commitIndex);
    expect(server(end, 3).kv).toEqual(server(end, 1).kv);
    expect(p.sim.violations).toEqual([]);
  });
});
