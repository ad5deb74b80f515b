/**
 * Each check added for "a checker that cannot miss" fires on a deliberately broken state, and stays
 * silent on the matching correct one (the rule catalogue §2: INV-X10, INV-X11, INV-LC over history, INV-C1,
 * repeated violations). States are built by hand on the checker bench (checker-kit.ts).
 */
import { describe, expect, it } from 'vitest';
import { holdersNeeded, quorumOf } from '../../src/core/quorumInvariants.ts';
import { bench, crash, ent, invariants, lead, setLog } from './checker-kit.ts';

const a = ent(1, 'a');

describe('INV-X10: every committed entry is in some log of every quorum', () => {
  it('quorumOf and holdersNeeded take the voters of a configuration', () => {
    expect([1, 2, 3].map((n) => quorumOf(Array.from({ length: n }, (_, i) => i + 1)))).toEqual([
      1, 2, 2,
    ]);
    // A committed entry must be held by more than voters − majority servers.
    expect(holdersNeeded([1, 2, 3])).toBe(2);
    expect(holdersNeeded([1, 2, 3, 4])).toBe(2);
    expect(holdersNeeded([1, 2, 3, 4, 5])).toBe(3);
    expect(holdersNeeded([2, 4, 6, 8, 9, 10, 11])).toBe(4);
  });

  it('INV-X10 fires when a committed entry is left on fewer servers than a quorum needs', () => {
    // init: S1 leads term 1 and commits a, held by S1 and S2 (2 of 3).
    const b = bench(3);
    for (const id of [1, 2]) setLog(b.server(id), [a]);
    expect(b.step(lead(b.server(1), 1))).toEqual([]);
    b.server(1).commitIndex = 1;
    expect(b.step({ type: 'commit', server: 1, index: 1 })).toEqual([]);
    // act: S2 loses it (a broken truncation); its empty log outranks nobody, so only X10 sees it.
    setLog(b.server(2), []);
    const found = b.step({ type: 'truncate', server: 2, fromIndex: 1, removed: 1 });
    // check: {S2, S3} is a quorum without a, and would elect either of them (INV-X11 too).
    expect(invariants(found)).toEqual(['INV-X10', 'INV-X11', 'INV-X11']);
    expect(found[0]?.servers).toEqual([2, 3]);
    expect(found[0]?.indexes).toEqual([1]);
  });

  it('INV-X10 counts a crashed server: its log is persistent (F2-S3)', () => {
    // init: a committed on S1 and S2; S3 holds it too.
    const b = bench(3);
    for (const id of [1, 2, 3]) setLog(b.server(id), [a]);
    expect(b.step(lead(b.server(1), 1))).toEqual([]);
    b.server(1).commitIndex = 1;
    b.step({ type: 'commit', server: 1, index: 1 });
    // act: S1 crashes; S2 loses a. S1's log still holds it, with S3's that makes 2 of 3.
    b.step(crash(b.server(1)));
    setLog(b.server(2), []);
    // check: no quorum lacks it.
    expect(b.step({ type: 'truncate', server: 2, fromIndex: 1, removed: 1 })).toEqual([]);
    // A second loss leaves the crashed S1 alone: {S2, S3} lacks it (and could elect S2 or S3).
    setLog(b.server(3), []);
    expect(invariants(b.step())).toEqual(['INV-X10', 'INV-X11', 'INV-X11']);
  });

  it('INV-X10 fires at the commit itself when a leader commits on too few servers', () => {
    // init: 5 servers, S1 leader of term 2 with x on S1 and S2 only.
    const b = bench(5);
    const x = ent(2, 'x');
    for (const id of [1, 2]) setLog(b.server(id), [x]);
    for (const s of b.servers) s.term = 2;
    b.step(lead(b.server(1), 2));
    // act: S1 counts 2 of 5 as a majority (a broken commit rule).
    b.server(1).commitIndex = 1;
    const found = b.step({ type: 'commit', server: 1, index: 1 });
    // check: {S3, S4, S5} lacks it.
    expect(invariants(found)).toContain('INV-X10');
    expect(found.find((v) => v.invariant === 'INV-X10')?.servers).toEqual([3, 4, 5]);
  });
});

describe('INV-X11: no server lacking a committed entry outranks a quorum (who would elect it)', () => {
  function committedOnTwo() {
    // init: S1 leads term 1 and commits a, held by S1 and S2; S3 is empty.
    const b = bench(3);
    for (const id of [1, 2]) setLog(b.server(id), [a]);
    expect(b.step(lead(b.server(1), 1))).toEqual([]);
    b.server(1).commitIndex = 1;
    expect(b.step({ type: 'commit', server: 1, index: 1 })).toEqual([]);
    return b;
  }

  it('INV-X11 fires when a log with a later last term lacks a committed entry', () => {
    const b = committedOnTwo();
    // act: S3 gets an entry of term 2 at index 1 (as a leader that skipped §5.4.1 would).
    b.server(3).term = 2;
    setLog(b.server(3), [ent(2, 'c')]);
    const found = b.step({ type: 'replicate', server: 3, leader: 3, fromIndex: 1, toIndex: 1 });
    // check: S3's [2] outranks S1's and S2's [1], a quorum, yet lacks the committed a. a is still
    // on 2 of 3 (X10 holds).
    expect(invariants(found)).toEqual(['INV-X11']);
    expect(found[0]?.servers).toEqual([3]);
    expect(found[0]?.indexes).toEqual([1]);
    expect(found[0]?.message).toBe(
      'S3 lacks committed entry 1, yet its log is at least as up-to-date as those of S1, S2, S3, a quorum that would elect it',
    );
  });

  it('INV-X11 is silent when the more up-to-date log holds the committed prefix', () => {
    const b = committedOnTwo();
    b.server(3).term = 2;
    setLog(b.server(3), [a, ent(2, 'c')]);
    expect(b.step({ type: 'replicate', server: 3, leader: 3, fromIndex: 1, toIndex: 2 })).toEqual(
      [],
    );
  });

  it('INV-X11 also fires when a server learns a commit a more up-to-date log contradicts', () => {
    // init: S3's log [c@2] is more up-to-date than S2's [a@1]; nothing committed yet.
    const b = bench(3);
    for (const id of [1, 2]) setLog(b.server(id), [a]);
    b.server(3).term = 2;
    setLog(b.server(3), [ent(2, 'c')]);
    expect(b.step()).toEqual([]);
    // act: S2 takes a as committed (its commitIndex moves; its log does not).
    b.server(2).commitIndex = 1;
    // check: re-checked because S2's commitIndex changed: S3 outranks every log and lacks a.
    const found = b.step({ type: 'commit', server: 2, index: 1 });
    expect(found.map((v) => [v.invariant, v.servers])).toEqual([['INV-X11', [3]]]);
  });

  it('INV-X11 is silent for a stale entry that outranks a few logs but no quorum (seed 51812)', () => {
    // init: 5 servers. S4 led term 9 and appended x@9 at index 2, alone, then crashed. S3 wins
    // term 10 with S1, S2 and S5, whose logs end in b@3, and commits n@10 on S1, S2, S3: b@3 at
    // index 2 is committed. S5 learns commit 2.
    const t = bench(5);
    const [a1, b3, x9, n10] = [ent(1, 'a'), ent(3, 'b'), ent(9, 'x'), ent(10, 'n')];
    setLog(t.server(4), [a1, x9]);
    t.server(4).term = 9;
    for (const id of [1, 2, 3, 5]) {
      setLog(t.server(id), [a1, b3]);
      t.server(id).term = 10;
    }
    expect(t.step(lead(t.server(3), 10))).toEqual([]);
    for (const id of [1, 2, 3]) setLog(t.server(id), [a1, b3, n10]);
    t.server(3).commitIndex = 3;
    expect(t.step({ type: 'commit', server: 3, index: 3 })).toEqual([]);
    t.server(5).commitIndex = 2;
    // check: S4's [1,9] outranks S5's [1,3] and lacks its committed b@3 (etcd's pairwise form
    // fires here), but S1, S2 and S3 hold n@10 and would never vote for S4: it cannot win.
    expect(t.step({ type: 'commit', server: 5, index: 2 })).toEqual([]);
    // Were n@10 on S3 alone (an illegal commit), S4 would outrank S1, S2, S4, S5: it fires.
    for (const id of [1, 2]) setLog(t.server(id), [a1, b3]);
    const found = t.step({ type: 'truncate', server: 1, fromIndex: 3, removed: 1 });
    expect(found.filter((v) => v.invariant === 'INV-X11').map((v) => v.servers)).toContainEqual([
      4,
    ]);
  });
});

describe('INV-LC over the history of every committed entry', () => {
  it('INV-LC: a commit recorded late is held against a leader of a later term already gone', () => {
    // init: S1 leads term 3 with a@3 on S1 and S2; S3 wins term 5 with an empty log, then crashes.
    const b = bench(3);
    const a3 = ent(3, 'a3');
    for (const id of [1, 2]) setLog(b.server(id), [a3]);
    b.server(2).term = 3;
    expect(b.step(lead(b.server(1), 3))).toEqual([]);
    expect(b.step(lead(b.server(3), 5))).toEqual([]);
    b.step(crash(b.server(3)));
    // act: the lagging S1, still leader of term 3, now commits a3 (late acknowledgements).
    b.server(1).commitIndex = 1;
    const found = b.step({ type: 'commit', server: 1, index: 1 });
    // check: S3 led term 5 > 3 without a3. No current leader lacks it, so only history sees it.
    expect(invariants(found)).toEqual(['INV-LC']);
    expect(found[0]?.servers).toEqual([3]);
    expect(found[0]?.message).toMatch(/S3 was elected leader of term 5 without entry 1.*term 3/);
  });

  it('INV-LC: a lagging leader that commits a known entry in an earlier term lowers its commit term', () => {
    // init: S3 leads term 3 with a@3; S2 wins term 4 with an empty log; S1 wins term 5 with a@3
    // and commits it: recorded as committed in term 5, which says nothing about term 4.
    const b = bench(3);
    const a3 = ent(3, 'a3');
    for (const id of [1, 3]) setLog(b.server(id), [a3]);
    b.server(1).term = 3;
    expect(b.step(lead(b.server(3), 3))).toEqual([]);
    expect(b.step(lead(b.server(2), 4))).toEqual([]);
    expect(b.step(lead(b.server(1), 5))).toEqual([]);
    b.server(1).commitIndex = 1;
    expect(b.step({ type: 'commit', server: 1, index: 1 })).toEqual([]);
    // act: S3, still leader of term 3, commits a3 too.
    b.server(3).commitIndex = 1;
    const found = b.step({ type: 'commit', server: 3, index: 1 });
    // check: committed in term 3, so the leader of term 4 had to hold it.
    expect(invariants(found)).toEqual(['INV-LC']);
    expect(found[0]?.servers).toEqual([2]);
    expect(b.checker.leaderCommitTerms).toEqual([3]);
  });

  it('INV-LC: the same late commit is silent when every later leader held the entry', () => {
    const b = bench(3);
    const a3 = ent(3, 'a3');
    for (const id of [1, 2, 3]) setLog(b.server(id), [a3]);
    for (const s of b.servers) s.term = 3;
    expect(b.step(lead(b.server(1), 3))).toEqual([]);
    b.step(lead(b.server(3), 5));
    b.step(crash(b.server(3)));
    b.server(1).commitIndex = 1;
    expect(b.step({ type: 'commit', server: 1, index: 1 })).toEqual([]);
  });
});

describe('repeated violations are reported once per term', () => {
  it('INV-ES: two separate double elections, in terms 1 and 2, are both reported', () => {
    // init: S1 and S3 both elected in term 1 (the same state seen twice is reported once).
    const b = bench(3);
    b.step(lead(b.server(1), 1));
    expect(invariants(b.step(lead(b.server(3), 1)))).toEqual(['INV-ES']);
    expect(b.step(lead(b.server(3), 1))).toEqual([]);
    // act: the same two servers are both elected again, in term 2.
    b.step(lead(b.server(1), 2));
    const again = b.step(lead(b.server(3), 2));
    // check: a new violation, for term 2.
    expect(invariants(again)).toEqual(['INV-ES']);
    expect(again[0]?.message).toMatch(/term 2/);
    expect(b.checker.violations.map((v) => v.invariant)).toEqual(['INV-ES', 'INV-ES']);
  });
});

describe('INV-C1: every answer a client gets is its request’s first result', () => {
  /** S1 leads term 1 and runs (C1, 1) = `incr x` → "1" at index 1, then (C1, 2) at index 2. */
  function executed() {
    const b = bench(3);
    const s1 = b.server(1);
    setLog(s1, [ent(1, 'r1', { client: 1, seq: 1 }), ent(1, 'r2', { client: 1, seq: 2 })]);
    for (const id of [2, 3]) setLog(b.server(id), [...s1.log]);
    b.step(lead(s1, 1));
    s1.commitIndex = 2;
    s1.lastApplied = 2;
    const apply = (index: number, result: string) =>
      ({ type: 'apply', server: 1, index, command: 'incr x', result, duplicate: false }) as const;
    expect(b.step(apply(1, '1'), apply(2, '2'))).toEqual([]);
    return b;
  }
  const late = (seq: number, result: string) =>
    ({ type: 'clientLateReply', client: 1, seq, server: 1, result }) as const;

  it('INV-C1 fires for a late (ignored) answer that differs from the first execution', () => {
    const b = executed();
    expect(b.step(late(1, '1'))).toEqual([]);
    const found = b.step(late(1, '7'));
    expect(invariants(found)).toEqual(['INV-C1']);
    expect(found[0]?.message).toMatch(/late answer "7" for request 1.*returned "1"/);
  });

  it('INV-C1 fires for an answer to a request no state machine executed', () => {
    const b = executed();
    const found = b.step({ type: 'clientReply', client: 1, seq: 3, server: 1, result: 'ok' });
    expect(found[0]?.message).toMatch(/which no state machine executed/);
  });

  it('INV-C1: a copy of an old request answered after a later one ran is not a second answer', () => {
    // init: a delayed copy of (C1, 1) lands at index 3; S1's session has moved on to seq 2 (C-2).
    const b = executed();
    const s1 = b.server(1);
    setLog(s1, [...s1.log, ent(1, 'r1-copy', { client: 1, seq: 1 })]);
    s1.commitIndex = 3;
    s1.lastApplied = 3;
    const stale = 'error: stale request';
    b.step({
      type: 'apply',
      server: 1,
      index: 3,
      command: 'incr x',
      result: stale,
      duplicate: true,
    });
    // act / check: C1, long past request 1, ignores that answer: not a violation...
    expect(b.step(late(1, stale))).toEqual([]);
    // ...but taken as the answer to a pending request it would be one.
    const taken = b.step({ type: 'clientReply', client: 1, seq: 1, server: 1, result: stale });
    expect(invariants(taken)).toEqual(['INV-C1']);
  });
});
