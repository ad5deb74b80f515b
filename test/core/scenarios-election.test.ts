/**
 * Conformance scenarios, leader election (the rule catalogue §3 A). Each test cites its SC ID and the paper
 * section it checks; every scenario also runs the invariant checker after every event.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/index.ts';
import { leaders, ofType, run, server, start, terms } from './scenario-kit.ts';

describe('leader election', () => {
  // SC-01, Reference: section 5.2
  it('SC-01 the first server to time out wins term 1 with every vote', () => {
    const r = run({ servers: 3 }, [{ at: 10, do: 'timeout', server: 1 }], 200);
    const s1 = server(r, 1);
    expect(s1.role).toBe('leader');
    expect(s1.term).toBe(1);
    for (const id of [2, 3]) {
      expect(server(r, id).role).toBe('follower');
      expect(server(r, id).term).toBe(1);
      expect(server(r, id).votedFor).toBe(1);
    }
    const granted = ofType(r, 'vote').filter((v) => v.granted && v.voter !== 1);
    expect(granted.map((v) => v.voter).sort()).toEqual([2, 3]);
    // F2-L1: the new leader's heartbeats went out to both followers.
    const heartbeats = ofType(r, 'send').filter((e) => e.from === 1 && e.msg === 'AppendEntries');
    expect(new Set(heartbeats.map((e) => e.to))).toEqual(new Set([2, 3]));
    expect(r.sim.violations).toEqual([]);
  });

  // SC-02, Reference: section 5.2 outcome (c)
  it('SC-02 a candidate without a majority never wins; with 5 servers and 2 down it does', () => {
    const crashed = [
      { at: 0, do: 'crash' as const, server: 2 },
      { at: 0, do: 'crash' as const, server: 3 },
    ];
    const r = run(
      { ...DEFAULT_CONFIG, servers: 3 },
      [...crashed, { at: 100, do: 'request', command: 'set x 1', server: 1 }],
      3000,
    );
    const s1 = server(r, 1);
    expect(s1.role).toBe('candidate');
    expect(s1.term).toBeGreaterThanOrEqual(3);
    expect(ofType(r, 'becomeLeader')).toEqual([]);
    expect(s1.commitIndex).toBe(0);
    expect(ofType(r, 'clientReply')).toEqual([]);

    const five = run({ ...DEFAULT_CONFIG, servers: 5 }, crashed, 3000);
    expect(leaders(five)).toHaveLength(1);
    expect(five.sim.violations).toEqual([]);
  });

  // SC-06, Reference: section 5.2 (randomized timeouts resolve split votes)
  it('SC-06 a split vote leaves term 3 leaderless; the next timeout wins term 4', () => {
    const initial = [1, 2, 3].map(() => ({ term: 1, votedFor: null, log: [] }));
    const r = start(
      { servers: 3 },
      [
        { at: 10, do: 'timeout', server: 1 },
        { at: 200, do: 'partition', groups: [[1], [2, 3]] },
        { at: 300, do: 'timeout', server: 2 },
        { at: 300, do: 'timeout', server: 3 },
        { at: 500, do: 'timeout', server: 2 },
      ],
      initial,
    );
    r.sim.runUntil(100);
    expect(server(r, 1).role).toBe('leader');
    expect(server(r, 1).term).toBe(2);
    r.sim.runUntil(450);
    for (const id of [2, 3]) {
      expect(server(r, id).role).toBe('candidate');
      expect(server(r, id).term).toBe(3);
      expect(server(r, id).votedFor).toBe(id);
    }
    expect(ofType(r, 'becomeLeader').filter((e) => e.term === 3)).toEqual([]);
    r.sim.runUntil(700);
    expect(server(r, 2).role).toBe('leader');
    expect(server(r, 2).term).toBe(4);
    expect(server(r, 3).role).toBe('follower');
    expect(server(r, 3).term).toBe(4);
    expect(r.sim.violations).toEqual([]);
  });

  // SC-07, Reference: etcd TestDuelingCandidates; section 5.4.1
  it('SC-07 dueling candidates: the higher term deposes the leader but its short log loses', () => {
    const r = run(
      { servers: 3 },
      [
        { at: 0, do: 'cut', link: [1, 3] },
        { at: 10, do: 'timeout', server: 1 },
        { at: 100, do: 'timeout', server: 3 },
        // Heal and campaign at once, as etcd's test does, so no heartbeat reaches S3 first.
        { at: 300, do: 'connect', link: [1, 3] },
        { at: 300, do: 'timeout', server: 3 },
      ],
      600,
    );
    const afterFirstTry = ofType(r, 'vote').filter((v) => v.candidate === 3 && v.term === 1);
    expect(afterFirstTry.filter((v) => v.voter !== 3 && v.granted)).toEqual([]);
    expect(server(r, 1).role).toBe('follower');
    expect(server(r, 2).role).toBe('follower');
    // D5: the paper keeps the refused candidate a candidate until its timer fires.
    expect(server(r, 3).role).toBe('candidate');
    expect([1, 2, 3].map((id) => server(r, id).term)).toEqual([2, 2, 2]);
    expect([1, 2, 3].map((id) => server(r, id).log.length)).toEqual([1, 1, 0]);
    expect(ofType(r, 'becomeLeader').filter((e) => e.term === 2)).toEqual([]);
    expect(r.sim.violations).toEqual([]);
  });

  // SC-09, Reference: section 5.1 (stale terms are rejected)
  it('SC-09 a stale term-2 AppendEntries is rejected; logs end [1,2,3] plus the new entry', () => {
    const r = run(
      { servers: 3 },
      [
        { at: 10, do: 'timeout', server: 1 },
        { at: 200, do: 'timeout', server: 2 },
        { at: 400, do: 'cut', link: [2, 3] },
        { at: 400, do: 'linkLatency', link: [1, 2], latencyMs: [1000, 1000] },
        { at: 400, do: 'request', command: 'set a 1', server: 2, client: 1 },
        { at: 600, do: 'timeout', server: 1 },
        { at: 1000, do: 'connect', link: [2, 3] },
        { at: 1000, do: 'linkLatency', link: [1, 2], latencyMs: null },
        { at: 3000, do: 'request', command: 'set k somedata', server: 1, client: 2 },
      ],
      5000,
    );
    // The delayed term-2 AppendEntries carrying `set a 1` reached S1 after S1 led term 3.
    const stale = ofType(r, 'deliver').filter(
      (e) => e.from === 2 && e.to === 1 && e.msg === 'AppendEntries' && e.time > 1400,
    );
    expect(stale.length).toBeGreaterThan(0);
    for (const id of [1, 2, 3]) {
      expect(terms(r, id)).toEqual([1, 2, 3, 3]);
      expect(server(r, id).log[3]?.command).toBe('set k somedata');
    }
    expect(ofType(r, 'apply').some((e) => e.command === 'set a 1')).toBe(false);
    expect(r.sim.violations).toEqual([]);
  });

  // SC-11, Reference: etcd TestLeaderCycle
  it('SC-11 each server campaigns in turn and is elected; the others follow', () => {
    const r = start({ servers: 3 }, [
      { at: 10, do: 'timeout', server: 1 },
      { at: 500, do: 'timeout', server: 2 },
      { at: 1000, do: 'timeout', server: 3 },
    ]);
    for (const [until, leader] of [
      [400, 1],
      [900, 2],
      [1400, 3],
    ] as const) {
      r.sim.runUntil(until);
      for (const id of [1, 2, 3]) {
        expect(server(r, id).role).toBe(id === leader ? 'leader' : 'follower');
      }
    }
    expect(r.sim.violations).toEqual([]);
  });

  // SC-12, Reference: raft.tla AdvanceCommitIndex comment; etcd TestSingleNodeCommit
  it('SC-12 a single server elects itself and commits each proposal at once', () => {
    const r = run(
      { ...DEFAULT_CONFIG, servers: 1 },
      [
        { at: 1000, do: 'request', command: 'set x 1' },
        { at: 1100, do: 'request', command: 'set y 2' },
      ],
      1500,
    );
    const s1 = server(r, 1);
    expect(s1.role).toBe('leader');
    expect(s1.commitIndex).toBe(s1.log.length);
    expect(s1.kv).toEqual({ x: '1', y: '2' });
    const appends = ofType(r, 'append').filter((e) => e.command !== 'noop');
    const commits = ofType(r, 'commit');
    for (const a of appends) {
      expect(commits.some((c) => c.index === a.index && c.time === a.time)).toBe(true);
    }
    expect(ofType(r, 'clientReply')).toHaveLength(2);
  });
});
