/**
 * The checker with log compaction (F2-IS6): a snapshot must cover only committed entries, the
 * last one of the term it records, and a state machine that applied them (INV-SMS); discarded
 * slots read as the committed entries, so the other invariants neither miss nor invent anything.
 * States are built by hand on the checker bench (checker-kit.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ServerState, Snapshot } from '../../src/core/types.ts';
import { bench, ent, invariants, lead, setLog, type Bench } from './checker-kit.ts';

const [a, b, c, d] = [ent(1, 'a'), ent(1, 'b'), ent(1, 'c'), ent(1, 'd')];

function snapshotOf(index: number, term: number): Snapshot {
  return { index, term, kv: {}, sessions: {}, config: null, configIndex: 0 };
}

/** Compacts `s` up to `index` the way raft/log.ts compactLog does. */
function compact(s: ServerState, index: number, term = 1): void {
  for (let i = 1; i <= index; i++) delete s.log[i - 1];
  s.snapshot = snapshotOf(index, term);
}

/** S1 leads term 1 and has committed a, b, c on S1 and S2 (S3 holds them too). */
function committedThree(): Bench {
  const t = bench(3);
  for (const id of [1, 2, 3]) setLog(t.server(id), [a, b, c]);
  expect(t.step(lead(t.server(1), 1))).toEqual([]);
  for (const id of [1, 2]) {
    t.server(id).commitIndex = 3;
    t.server(id).lastApplied = 3;
  }
  expect(t.step({ type: 'commit', server: 1, index: 3 })).toEqual([]);
  return t;
}

describe('INV-SMS for snapshots (F2-IS6)', () => {
  it('is silent for a snapshot of committed, applied entries, and the log still matches', () => {
    const t = committedThree();
    compact(t.server(2), 2);
    const found = t.step({ type: 'snapshot', server: 2, index: 2, term: 1, discarded: 2 });
    expect(found).toEqual([]);
    // Appending after a compacted prefix compares as before (INV-LM, INV-X14, INV-X10).
    for (const id of [1, 2]) setLog(t.server(id), [...t.server(id).log.slice(0, 3), d]);
    t.server(1).peers[0]!.matchIndex = 4;
    expect(t.step({ type: 'append', server: 1, index: 4, term: 1, command: 'set d 1' })).toEqual(
      [],
    );
  });

  it('fires on a snapshot past the committed prefix', () => {
    const t = committedThree();
    setLog(t.server(2), [a, b, c, d]);
    t.server(2).lastApplied = 4; // a broken state machine that ran ahead of the commit
    compact(t.server(2), 4);
    const found = t.step({ type: 'snapshot', server: 2, index: 4, term: 1, discarded: 4 });
    expect(invariants(found)).toContain('INV-SMS');
    expect(found.find((v) => v.invariant === 'INV-SMS')?.message).toMatch(
      /snapshot up to index 4, which no server counts as committed/,
    );
  });

  it('fires on a snapshot recording another term than the entry committed there', () => {
    const t = committedThree();
    compact(t.server(2), 3, 2);
    const found = t.step({
      type: 'installSnapshot',
      server: 2,
      leader: 1,
      index: 3,
      term: 2,
      kept: 0,
      reset: true,
    });
    expect(invariants(found)).toContain('INV-SMS');
    expect(found[0]?.message).toMatch(/of term 2, but the entry committed there is of term 1/);
  });

  it('fires when the state machine is behind its own snapshot', () => {
    const t = committedThree();
    compact(t.server(2), 3);
    t.server(2).lastApplied = 1;
    const found = t.step({
      type: 'installSnapshot',
      server: 2,
      leader: 1,
      index: 3,
      term: 1,
      kept: 0,
      reset: true,
    });
    // (INV-X6 fires too: lastApplied went down.)
    expect(found.filter((v) => v.invariant === 'INV-SMS').map((v) => v.message)).toEqual([
      "S2's snapshot reaches index 3 but its state machine only applied 1",
    ]);
  });
});

describe('the other invariants read discarded slots as the committed entries', () => {
  it('INV-LC: a leader whose snapshot covers the committed entries is complete', () => {
    const t = committedThree();
    compact(t.server(2), 3);
    t.step({ type: 'snapshot', server: 2, index: 3, term: 1, discarded: 3 });
    t.server(1).role = 'follower';
    expect(t.step(lead(t.server(2), 2))).toEqual([]);
  });

  it('INV-LC still fires for a leader lacking a committed entry after its snapshot', () => {
    const t = committedThree();
    const s3 = t.server(3);
    setLog(s3, [a]);
    s3.commitIndex = 1;
    s3.lastApplied = 1;
    compact(s3, 1);
    t.step({ type: 'snapshot', server: 3, index: 1, term: 1, discarded: 1 });
    t.server(1).role = 'follower';
    const found = t.step(lead(s3, 2));
    expect(invariants(found)).toContain('INV-LC');
    expect(found.find((v) => v.invariant === 'INV-LC')?.indexes).toEqual([2, 3]);
  });
});
