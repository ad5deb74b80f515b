/**
 * The simulation tells the checker which server an event could change (Simulation.itemServer:
 * a timer's server or a message's receiver), and the checker then runs its per-server transition
 * checks on that server only. These tests show what still fires with that hint: a change deep in
 * the named server's log, log changes of any server, and the checks driven by events.
 */
import { describe, expect, it } from 'vitest';
import { checkStep } from '../../src/core/invariants.ts';
import type { ChangedServers } from '../../src/core/invariants.ts';
import { LOG, committedCluster, ent, invariants, setLog, type Bench } from './checker-kit.ts';

function stepWith(b: Bench, changed: ChangedServers) {
  return checkStep(b.checker, b.servers, [], 100, changed);
}

describe('checker told which server changed', () => {
  it('catches an entry replaced deep in the changed server’s committed log', () => {
    const b = committedCluster();
    // S3's second entry (committed, index 2 of 6) becomes another entry of the same term.
    const log = [...LOG];
    log[1] = ent(1, 'b-forged');
    setLog(b.server(3), log);
    const found = invariants(stepWith(b, 3));
    expect(found).toContain('INV-LM'); // equal terms at index 6, different prefixes
    expect(found).toContain('INV-X9'); // a different entry counted committed at index 2
  });

  it('checks a changed log whichever server the hint names', () => {
    const b = committedCluster();
    const log = [...LOG];
    log[2] = ent(1, 'c-forged');
    setLog(b.server(4), log);
    // The hint names S2, but S4's log is marked changed: log checks look at every changed log.
    expect(invariants(stepWith(b, 2))).toContain('INV-LM');
  });

  it('checks the named server’s transitions: a commit index going down', () => {
    const b = committedCluster();
    b.server(2).commitIndex = 3;
    expect(invariants(stepWith(b, 2))).toEqual(['INV-X6']);
  });

  it('checks INV-X14 when only the follower changed (the leader’s matchIndex now overstates)', () => {
    const b = committedCluster();
    // S1 believes S3 matches up to 6; S3 replaces its entry 6 by another of the same term.
    setLog(b.server(3), [...LOG.slice(0, 5), ent(2, 'f-other')]);
    const found = stepWith(b, 3);
    expect(invariants(found)).toContain('INV-X14');
    expect(found.find((v) => v.invariant === 'INV-X14')?.servers).toEqual([1, 3]);
  });

  it('checks INV-X14 for every follower when the leader changed', () => {
    const b = committedCluster();
    // S1 moves its matchIndex for S4 past S4's log (it holds 6 entries).
    const p = b.server(1).peers.find((q) => q.id === 4);
    if (p === undefined) throw new Error('no peer S4');
    p.matchIndex = 7;
    setLog(b.server(1), [...LOG, ent(2, 'g')]);
    const found = stepWith(b, 1);
    expect(found.filter((v) => v.invariant === 'INV-X14').map((v) => v.servers)).toEqual([[1, 4]]);
    // Told that S2 changed, the same broken pair is not news: reported once.
    expect(stepWith(b, 2)).toEqual([]);
  });

  it('checks events whatever the hint, even with no server changed', () => {
    const b = committedCluster();
    b.step({ type: 'vote', voter: 5, candidate: 2, term: 3, granted: true });
    const found = checkStep(
      b.checker,
      b.servers,
      [{ type: 'vote', voter: 5, candidate: 4, term: 3, granted: true, time: 200 }],
      200,
      0,
    );
    expect(invariants(found)).toEqual(['INV-X8']);
  });
});
