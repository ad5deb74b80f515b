/**
 * The checker under membership changes (the rule catalogue §1.9, §2.2): INV-X15 and INV-X10 with the
 * configuration in force, each shown to fire on a log broken by hand and to stay silent on the
 * legal variant. Init / act / check, on the checker bench.
 */
import { describe, expect, it } from 'vitest';
import type { Configuration, Entry } from '../../src/core/types.ts';
import { indexConfigs } from '../../src/core/raft/log.ts';
import { bench, ent, lead, setLog } from './checker-kit.ts';

function configEntry(term: number, id: string, config: Configuration): Entry {
  return { term, command: `config ${config.voters.join(',')}`, id, config };
}

const C4: Configuration = { voters: [1, 2, 3, 4], old: null, learners: [] };
const C3: Configuration = { voters: [1, 2, 3], old: null, learners: [] };

describe('INV-X15: one uncommitted configuration, after an entry of the term (M-2, M-3)', () => {
  it('fires when a leader appends a configuration before committing an entry of its term', () => {
    const b = bench(4);
    const s1 = b.server(1);
    b.step(lead(s1, 2));
    setLog(s1, [ent(1, 'a'), configEntry(2, 'c', C4)]);
    for (const id of [2, 3]) setLog(b.server(id), [ent(1, 'a')]);
    indexConfigs(s1);
    s1.commitIndex = 1; // only the term-1 entry is committed
    const found = b.step({
      type: 'append',
      server: 1,
      index: 2,
      term: 2,
      command: 'config 1,2,3,4',
    });
    expect(found.map((v) => v.invariant)).toEqual(['INV-X15']);
    expect(found[0]?.message).toMatch(/before committing any entry of its term 2/);
  });

  it('fires when a second configuration is appended while one is uncommitted', () => {
    const b = bench(4);
    const s1 = b.server(1);
    b.step(lead(s1, 2));
    setLog(s1, [ent(2, 'n'), configEntry(2, 'c1', C4), configEntry(2, 'c2', C3)]);
    for (const id of [2, 3]) {
      b.server(id).term = 2;
      setLog(b.server(id), [ent(2, 'n')]);
    }
    indexConfigs(s1);
    s1.commitIndex = 1;
    const found = b.step({ type: 'append', server: 1, index: 3, term: 2, command: 'config 1,2,3' });
    expect(found.map((v) => v.invariant)).toEqual(['INV-X15']);
    expect(found[0]?.indexes).toEqual([2, 3]);
  });

  it('is silent for the legal order: no-op committed, then one configuration', () => {
    const b = bench(4);
    const s1 = b.server(1);
    b.step(lead(s1, 2));
    setLog(s1, [ent(2, 'n'), configEntry(2, 'c1', C4)]);
    for (const id of [2, 3]) {
      b.server(id).term = 2;
      setLog(b.server(id), [ent(2, 'n')]);
    }
    indexConfigs(s1);
    s1.commitIndex = 1;
    expect(
      b.step({ type: 'append', server: 1, index: 2, term: 2, command: 'config 1,2,3,4' }),
    ).toEqual([]);
  });
});

describe('INV-X10 with the committed configuration', () => {
  it('counts quorums of the configuration committed last, not of every server', () => {
    // Five slots, C = {S1,S2,S3}: an entry on S1 and S2 (2 of 3) meets every quorum of C even
    // though 3 of 5 servers lack it.
    const b = bench(5);
    b.checker.committedConfig = { voters: [1, 2, 3], old: null, learners: [] };
    for (const s of b.servers) s.baseConfig = { voters: [1, 2, 3], old: null, learners: [] };
    const [s1, s2] = [b.server(1), b.server(2)];
    b.step(lead(s1, 1));
    setLog(s1, [ent(1, 'x')]);
    setLog(s2, [ent(1, 'x')]);
    s1.commitIndex = 1;
    expect(b.step({ type: 'commit', server: 1, index: 1 })).toEqual([]);
  });

  it('fires when a leader outside C_new counts itself (BUG-SELFCOUNT shape)', () => {
    // C_new = {S2,S3,S4} committed; S1 (not in it) commits e held only by itself and S2.
    const b = bench(4);
    b.checker.committedConfig = { voters: [2, 3, 4], old: null, learners: [] };
    const [s1, s2] = [b.server(1), b.server(2)];
    b.step(lead(s1, 1));
    setLog(s1, [ent(1, 'e')]);
    setLog(s2, [ent(1, 'e')]);
    s1.commitIndex = 1;
    const found = b.step({ type: 'commit', server: 1, index: 1 });
    expect(found.map((v) => v.invariant)).toContain('INV-X10');
  });

  it('a leader deposed by a higher term that learns a commit in the same event decided nothing', () => {
    // Fuzz seed 32642: S1 led term 1; S2's AppendEntries of term 2 deposes it and brings it
    // entry 2 and commit index 2 at once. S1 now uses a configuration {S3} whose voter lacks
    // entry 2 so far: a false INV-X10 if S1's new commit index were read as its decision.
    const b = bench(3);
    const [s1, s2] = [b.server(1), b.server(2)];
    setLog(s1, [ent(1, 'a')]);
    setLog(s2, [ent(1, 'a')]);
    b.step(lead(s1, 1));
    s2.term = 2;
    s2.role = 'leader';
    const cNew = configEntry(2, 'c', { voters: [3], old: [1, 2, 3], learners: [] });
    setLog(s2, [ent(1, 'a'), cNew]);
    indexConfigs(s2);
    b.step({ type: 'becomeLeader', server: 2, term: 2 });
    s1.role = 'follower';
    s1.term = 2;
    setLog(s1, [ent(1, 'a'), cNew]);
    indexConfigs(s1);
    s1.commitIndex = 1;
    const found = b.step(
      { type: 'stepDown', server: 1, term: 2, from: 'leader' },
      { type: 'commit', server: 1, index: 1 },
    );
    expect(found).toEqual([]);
  });

  it('but a leader that steps down in its own term by committing C_new is still checked (M-6)', () => {
    // S1 (not in C_new = {S2,S3,S4}) leads term 1, commits e held by itself and S2 only, and
    // steps down in the same event: the commit was its decision, and it lacked a quorum.
    const b = bench(4);
    b.checker.committedConfig = { voters: [2, 3, 4], old: null, learners: [] };
    const [s1, s2] = [b.server(1), b.server(2)];
    b.step(lead(s1, 1));
    setLog(s1, [ent(1, 'e')]);
    setLog(s2, [ent(1, 'e')]);
    s1.commitIndex = 1;
    s1.role = 'follower';
    const found = b.step(
      { type: 'commit', server: 1, index: 1 },
      { type: 'stepDown', server: 1, term: 1, from: 'leader' },
    );
    expect(found.map((v) => v.invariant)).toContain('INV-X10');
  });

  it('under a joint configuration both C_old and C_new must hold it', () => {
    const b = bench(5);
    b.checker.committedConfig = { voters: [1, 2, 3, 4, 5], old: [1, 2, 3], learners: [] };
    b.checker.committedConfigIndex = 1; // the joint entry itself is index 1 here
    const [s1, s4, s5] = [b.server(1), b.server(4), b.server(5)];
    b.step(lead(s1, 1));
    for (const s of [s1, s4, s5]) setLog(s, [ent(1, 'x')]); // 3 of 5, but 1 of 3 in C_old
    s1.commitIndex = 1;
    const found = b.step({ type: 'commit', server: 1, index: 1 });
    expect(found.map((v) => v.invariant)).toContain('INV-X10');
  });

  it('after C_old,new commits, entries committed by C_new alone need no C_old quorum', () => {
    // Joint {S2,S3,S5} -> {S2,S3,S4} committed at 1; S3 then commits entry 2 with S4 (C_new).
    const b = bench(5);
    b.checker.committedConfig = { voters: [2, 3, 4], old: [2, 3, 5], learners: [] };
    b.checker.committedConfigIndex = 1;
    const [s3, s4] = [b.server(3), b.server(4)];
    for (const s of b.servers) s.baseConfig = { voters: [2, 3, 4], old: null, learners: [] };
    b.step(lead(s3, 1));
    for (const s of b.servers) setLog(s, [ent(1, 'j')]);
    setLog(s3, [ent(1, 'j'), ent(1, 'z')]);
    setLog(s4, [ent(1, 'j'), ent(1, 'z')]);
    b.checker.leaderCommittedIds.push('j');
    b.checker.leaderCommitTerms.push(1);
    b.checker.committedIds.push('j');
    s3.commitIndex = 2;
    expect(b.step({ type: 'commit', server: 3, index: 2 })).toEqual([]);
  });

  it('but an entry up to the joint one must still be on a quorum of C_old', () => {
    const b = bench(5);
    b.checker.committedConfig = { voters: [2, 3, 4], old: [2, 3, 5], learners: [] };
    b.checker.committedConfigIndex = 2;
    const [s3, s4] = [b.server(3), b.server(4)];
    for (const s of b.servers) s.baseConfig = { voters: [2, 3, 4], old: null, learners: [] };
    b.step(lead(s3, 1));
    setLog(s3, [ent(1, 'z')]);
    setLog(s4, [ent(1, 'z')]);
    s3.commitIndex = 1;
    const found = b.step({ type: 'commit', server: 3, index: 1 });
    expect(found.map((v) => v.invariant)).toContain('INV-X10');
  });
});
