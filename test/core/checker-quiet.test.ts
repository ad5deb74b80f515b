/**
 * A "quiet" step (only sends, deliveries and drops, no log marked changed, and the one server it
 * may have changed holding the term, vote, role, commit and apply indexes and log length the
 * checker last saw) is checked by INV-X14 alone (invariants.ts, quietStep). Each test below
 * breaks a server in one of those fields while the step's events look quiet, and fails when the
 * checker skips such a step anyway.
 */
import { describe, expect, it } from 'vitest';
import { checkStep } from '../../src/core/invariants.ts';
import type { ChangedServers } from '../../src/core/invariants.ts';
import type { SimEvent } from '../../src/core/types.ts';
import { LOG, committedCluster, ent, invariants, setLog, type Bench } from './checker-kit.ts';

let time = 1_000;

/** A step whose events are what a heartbeat's delivery and reply look like. */
function quietStep(b: Bench, changed: ChangedServers) {
  time += 10;
  const events: SimEvent[] = [
    { type: 'deliver', id: 7, from: 1, to: 2, msg: 'AppendEntries', time },
    {
      type: 'send',
      id: 8,
      from: 2,
      to: 1,
      msg: 'AppendEntriesReply',
      deliverMs: time + 15,
      duplicate: false,
      time,
    },
  ];
  return checkStep(b.checker, b.servers, events, time, changed);
}

describe('quiet steps (only messages moving) are checked in full when a server did change', () => {
  it('a step that changes nothing reports nothing', () => {
    const b = committedCluster();
    expect(quietStep(b, 2)).toEqual([]);
    expect(quietStep(b, 1)).toEqual([]);
    expect(quietStep(b, 0)).toEqual([]);
  });

  it('a term going down (INV-X1)', () => {
    const b = committedCluster();
    b.server(2).term = 1;
    expect(invariants(quietStep(b, 2))).toContain('INV-X1');
  });

  it('a vote changed within a term (INV-X7)', () => {
    const b = committedCluster();
    b.server(2).votedFor = 1;
    expect(quietStep(b, 2)).toEqual([]);
    b.server(2).votedFor = 3;
    expect(invariants(quietStep(b, 2))).toEqual(['INV-X7']);
  });

  it('a commit index going down (INV-X6)', () => {
    const b = committedCluster();
    b.server(3).commitIndex = 4;
    expect(invariants(quietStep(b, 3))).toEqual(['INV-X6']);
  });

  it('an applied index past the commit index (INV-X5)', () => {
    const b = committedCluster();
    b.server(3).lastApplied = 6;
    expect(quietStep(b, 3)).toEqual([]);
    b.server(3).lastApplied = 7;
    expect(invariants(quietStep(b, 3))).toEqual(['INV-X5']);
  });

  it('a log shorter than its commit index, with no index marked changed (INV-X4)', () => {
    const b = committedCluster();
    b.server(4).log = LOG.slice(0, 5);
    expect(invariants(quietStep(b, 4))).toContain('INV-X4');
  });

  it('a log marked changed on a server the step does not name (INV-LM)', () => {
    const b = committedCluster();
    const log = [...LOG];
    log[2] = ent(1, 'c-forged');
    setLog(b.server(5), log);
    expect(invariants(quietStep(b, 2))).toContain('INV-LM');
  });

  it('a role changed, remembered for a leader’s later steps (INV-LAO)', () => {
    const b = committedCluster();
    b.server(2).role = 'leader';
    expect(quietStep(b, 2)).toEqual([]);
    // The checker must have noted S2 as leader of term 2: it now drops its own entries.
    setLog(b.server(2), LOG.slice(0, 4));
    b.server(2).commitIndex = 4;
    time += 10;
    const found = checkStep(b.checker, b.servers, [], time, 2);
    expect(invariants(found)).toContain('INV-LAO');
  });

  it('a leader’s matchIndex moved past what its follower holds (INV-X14)', () => {
    const b = committedCluster();
    const p = b.server(1).peers.find((q) => q.id === 4);
    if (p === undefined) throw new Error('no peer S4');
    p.matchIndex = 5;
    expect(quietStep(b, 1)).toEqual([]);
    // S4's entry 6 becomes another one of term 2 (reported now as log and commit checks see it).
    setLog(b.server(4), [...LOG.slice(0, 5), ent(2, 'f-other')]);
    b.server(4).commitIndex = 5;
    b.step();
    // S1 now believes S4 matches up to 6: a reply it misread, changing nothing else.
    p.matchIndex = 6;
    const found = quietStep(b, 1);
    expect(found.filter((v) => v.invariant === 'INV-X14').map((v) => v.servers)).toEqual([[1, 4]]);
  });

  it('an event the checker reads, next to the messages (INV-X8)', () => {
    const b = committedCluster();
    b.step({ type: 'vote', voter: 5, candidate: 2, term: 3, granted: true });
    time += 10;
    const found = checkStep(
      b.checker,
      b.servers,
      [
        { type: 'deliver', id: 9, from: 4, to: 5, msg: 'RequestVote', time },
        { type: 'vote', voter: 5, candidate: 4, term: 3, granted: true, time },
      ],
      time,
      5,
    );
    expect(invariants(found)).toEqual(['INV-X8']);
  });
});
