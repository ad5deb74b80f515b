/**
 * Conformance scenarios, log replication and commitment (the rule catalogue §3 B).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Action } from '../../src/core/index.ts';
import {
  commands,
  leaders,
  ofType,
  partitionScript,
  run,
  server,
  start,
  terms,
} from './scenario-kit.ts';

describe('log replication', () => {
  // SC-13, Reference: section 5.3
  it('SC-13 one follower ack commits; followers learn the commit on the next AppendEntries', () => {
    const r = run(
      { servers: 3 },
      [
        { at: 10, do: 'timeout', server: 1 },
        { at: 200, do: 'cut', link: [1, 3] },
        { at: 300, do: 'request', command: 'set x 1', server: 1 },
        { at: 600, do: 'connect', link: [1, 3] },
      ],
      1000,
    );
    // The entry's AppendEntries names the preceding entry (the no-op at index 1, term 1).
    const carrying = r.sent.find(
      (m) => m.body.type === 'AppendEntries' && m.body.entries.some((e) => e.command === 'set x 1'),
    );
    expect(carrying?.body).toMatchObject({ prevLogIndex: 1, prevLogTerm: 1 });
    // S2's ack alone (S3 cut off) commits index 2 at the leader.
    const commit = ofType(r, 'commit').find((e) => e.server === 1 && e.index === 2);
    expect(commit).toBeDefined();
    expect(commit?.time).toBeLessThan(600);
    // S2 learns commitIndex 2 only from a later AppendEntries, after the leader committed.
    const s2Commit = ofType(r, 'commit').find((e) => e.server === 2 && e.index === 2);
    expect(s2Commit?.time).toBeGreaterThan(commit?.time ?? Infinity);
    // All state machines apply the same sequence.
    const applied = (id: number) =>
      ofType(r, 'apply')
        .filter((e) => e.server === id)
        .map((e) => `${e.index}:${e.command}`);
    expect(applied(2)).toEqual(applied(1));
    expect(applied(3)).toEqual(applied(1));
    expect(applied(1)).toEqual(['1:noop', '2:set x 1']);
    expect(r.sim.violations).toEqual([]);
  });

  // SC-17, Reference: section 5.4.2; etcd TestCommitWithoutNewTermEntry
  it('SC-17 entries of term 1 on a majority commit only through the new leader’s no-op', () => {
    const actions: Action[] = [
      { at: 10, do: 'timeout', server: 1 },
      {
        at: 200,
        do: 'partition',
        groups: [
          [1, 2],
          [3, 4, 5],
        ],
      },
      { at: 300, do: 'request', command: 'set a 1', server: 1, client: 1 },
      { at: 300, do: 'request', command: 'set b 2', server: 1, client: 2 },
      { at: 600, do: 'heal' },
      { at: 600, do: 'timeout', server: 2 },
    ];
    const before = run({ servers: 5 }, actions, 590);
    expect(server(before, 1).commitIndex).toBe(1);
    expect(terms(before, 2)).toEqual([1, 1, 1]);
    const after = run({ servers: 5 }, actions, 1000);
    expect(server(after, 2).role).toBe('leader');
    expect(server(after, 2).term).toBe(2);
    expect(server(after, 2).commitIndex).toBe(4);
    expect(after.sim.violations).toEqual([]);
  });

  // SC-17, Reference: etcd TestCannotCommitWithoutNewTermEntry (no no-op)
  it('SC-17 without a no-op, replicated term-1 entries stay uncommitted until a term-2 entry', () => {
    const actions: Action[] = [
      { at: 10, do: 'timeout', server: 1 },
      { at: 100, do: 'request', command: 'set a 1', server: 1, client: 1 },
      {
        at: 200,
        do: 'partition',
        groups: [
          [1, 2],
          [3, 4, 5],
        ],
      },
      { at: 300, do: 'request', command: 'set b 2', server: 1, client: 2 },
      { at: 300, do: 'request', command: 'set c 3', server: 1, client: 3 },
      { at: 600, do: 'heal' },
      { at: 600, do: 'timeout', server: 2 },
      { at: 1500, do: 'request', command: 'set d 4', server: 2, client: 4 },
    ];
    const config = { servers: 5, noopOnElection: false };
    const stalled = run(config, actions, 1400);
    expect(server(stalled, 2).role).toBe('leader');
    for (let id = 1; id <= 5; id++) expect(terms(stalled, id)).toEqual([1, 1, 1]);
    expect(server(stalled, 2).commitIndex).toBe(1);
    const done = run(config, actions, 2000);
    expect(server(done, 2).commitIndex).toBe(4);
    expect(done.sim.violations).toEqual([]);
  });

  // SC-18, Reference: section 5.1, 5.3
  it('SC-18 a leader in a minority keeps accepting but cannot commit; the majority elects', () => {
    const r = run(
      { ...DEFAULT_CONFIG, servers: 5, clientTimeoutMs: 1_000_000 },
      [
        { at: 1, do: 'timeout', server: 1 },
        {
          at: 500,
          do: 'partition',
          groups: [
            [1, 2],
            [3, 4, 5],
          ],
        },
        { at: 600, do: 'request', command: 'set w 1', server: 1, client: 1 },
        { at: 600, do: 'request', command: 'set w 2', server: 1, client: 2 },
      ],
      3000,
    );
    const s1 = server(r, 1);
    expect(s1.role).toBe('leader');
    expect(s1.term).toBe(1);
    expect(commands(r, 1).slice(1)).toEqual(['set w 1', 'set w 2']);
    expect(commands(r, 2)).toEqual(commands(r, 1));
    expect(s1.commitIndex).toBe(1);
    expect(ofType(r, 'clientReply')).toEqual([]);
    const majorityLeaders = leaders(r).filter((s) => s.id >= 3);
    expect(majorityLeaders).toHaveLength(1);
    expect(majorityLeaders[0]?.term).toBeGreaterThanOrEqual(2);
    // Two leaders coexist, in different terms: INV-ES holds.
    expect(r.sim.violations).toEqual([]);
  });

  // SC-19, Reference: section 5.1, 5.3, 5.4
  it('SC-19 the minority leader’s entry is never committed and is overwritten after healing', () => {
    const r = run({ servers: 5 }, partitionScript('set x 1', 900), 2000);
    const won = ofType(r, 'becomeLeader').find((e) => e.term === 2);
    expect(won?.server).toBe(3);
    const votes = ofType(r, 'vote').filter((v) => v.term === 2 && v.granted && v.voter !== 3);
    expect(votes.map((v) => v.voter).sort()).toEqual([4, 5]);
    // S1 steps down on first contact with term 2.
    const stepDown = ofType(r, 'stepDown').find((e) => e.server === 1 && e.term === 2);
    expect(stepDown?.time).toBeGreaterThanOrEqual(900);
    expect(stepDown?.time).toBeLessThan(1000);
    const truncated = ofType(r, 'truncate').filter((e) => e.server === 1 || e.server === 2);
    expect(truncated.map((e) => [e.server, e.fromIndex]).sort()).toEqual([
      [1, 3],
      [2, 3],
    ]);
    for (let id = 1; id <= 5; id++) {
      expect(commands(r, id)).toEqual(['noop', 'set a 1', 'noop', 'set y 2']);
    }
    expect(ofType(r, 'apply').some((e) => e.command === 'set x 1')).toBe(false);
    expect(ofType(r, 'clientReply').some((e) => e.client === 1)).toBe(false);
    expect(r.sim.violations).toEqual([]);
  });

  // SC-21, Reference: section 5.5; thesis 3.8
  it('SC-21 a restarted follower keeps term, vote and log, starts at commitIndex 0, catches up', () => {
    const requests: Action[] = [400, 450, 500, 550].map((at, i) => ({
      at,
      do: 'request',
      command: `set k${i} ${i}`,
      client: i + 1,
    }));
    const r = start({ servers: 3 }, [
      { at: 10, do: 'timeout', server: 1 },
      { at: 300, do: 'crash', server: 3 },
      ...requests,
      { at: 1000, do: 'restart', server: 3 },
      { at: 1500, do: 'network', duplication: [1, 2] },
      { at: 1600, do: 'request', command: 'set dup 1', client: 9 },
    ]);
    r.sim.runUntil(299);
    const before = structuredClone(server(r, 3));
    r.sim.runUntil(1000);
    const restarted = server(r, 3);
    expect(restarted.term).toBe(before.term);
    expect(restarted.votedFor).toBe(before.votedFor);
    expect(restarted.log).toEqual(before.log);
    expect(restarted.commitIndex).toBe(0);
    expect(restarted.kv).toEqual({});
    expect(server(r, 1).commitIndex).toBe(5); // S1 + S2 committed while S3 was down
    r.sim.runUntil(2500);
    const s1 = server(r, 1);
    const s3 = server(r, 3);
    expect(s3.log.map((e) => e.id)).toEqual(s1.log.map((e) => e.id));
    expect(s3.commitIndex).toBe(s1.commitIndex);
    expect(s3.kv).toEqual(s1.kv);
    // Duplicated AppendEntries were delivered and changed nothing.
    expect(r.sent.some((m) => m.duplicateOf !== null && m.body.type === 'AppendEntries')).toBe(
      true,
    );
    expect(r.sim.violations).toEqual([]);
  });
});
