/**
 * Partitions, disruption, PreVote and CheckQuorum (the rule catalogue §3 C: SC-22, SC-23, SC-25, SC-26).
 * Both extensions are off by default and switched on per scenario (config.preVote,
 * config.checkQuorum).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Action } from '../../src/core/index.ts';
import { leaders, ofType, run, server, start } from './scenario-kit.ts';

/**
 * n1 leads term 2; n3's election timer fires before n1's next heartbeat reaches it (the link is
 * slow), its RequestVotes are lost, and the late term-2 heartbeat meets n3 in term 3.
 */
const DISRUPTION: Action[] = [
  { at: 10, do: 'timeout', server: 1 },
  { at: 100, do: 'cut', link: [2, 3] },
  { at: 100, do: 'linkLatency', link: [1, 3], latencyMs: [100, 100] },
  { at: 150, do: 'timeout', server: 3 },
  { at: 150, do: 'dropInFlight', type: 'RequestVote', from: 3 },
];
const TERM1 = [1, 2, 3].map(() => ({ term: 1, votedFor: null, log: [] }));

describe('disruption, PreVote and CheckQuorum', () => {
  // SC-22, Reference: thesis 9.6; etcd TestDisruptiveFollower
  it('SC-22 without PreVote a rejoining candidate’s higher term deposes the leader', () => {
    const r = run({ servers: 3 }, DISRUPTION, 400, TERM1);
    expect([server(r, 1).role, server(r, 1).term]).toEqual(['follower', 3]);
    expect([server(r, 2).role, server(r, 2).term]).toEqual(['follower', 2]);
    expect([server(r, 3).role, server(r, 3).term]).toEqual(['candidate', 3]);
    expect(r.sim.violations).toEqual([]);
  });

  // SC-23, Reference: thesis 9.6; etcd TestDisruptiveFollowerPreVote
  it('SC-23 with PreVote the same timeout does not raise n3’s term; n1 stays leader', () => {
    const r = run({ servers: 3, preVote: true }, DISRUPTION, 400, TERM1);
    expect([server(r, 1).role, server(r, 1).term]).toEqual(['leader', 2]);
    expect([server(r, 2).role, server(r, 2).term]).toEqual(['follower', 2]);
    expect([server(r, 3).role, server(r, 3).term]).toEqual(['follower', 2]);
    // S1's own election went through a pre-vote round too, at 10 ms.
    expect(ofType(r, 'preVoteStart').map((e) => [e.server, e.term, e.time])).toEqual([
      [1, 2, 10],
      [3, 3, 150],
    ]);
    expect(ofType(r, 'stepDown').filter((e) => e.from === 'leader')).toEqual([]);
  });

  // SC-23, Reference: etcd testdata/prevote.txt
  it('SC-23 an isolated server keeps its term; back, its pre-votes are refused (log behind)', () => {
    const requests: Action[] = [300, 350, 400].map((at, i) => ({
      at,
      do: 'request',
      command: `set k${i} ${i}`,
      client: i + 1,
    }));
    const actions: Action[] = [
      { at: 1, do: 'timeout', server: 1 },
      { at: 200, do: 'partition', groups: [[1, 2], [3]] },
      ...requests,
      { at: 3000, do: 'heal' },
    ];
    const config = { ...DEFAULT_CONFIG, servers: 3 };
    const withPreVote = run({ ...config, preVote: true }, actions, 4000);
    const s3 = server(withPreVote, 3);
    expect(s3.term).toBe(1); // many pre-vote rounds, no term increase
    expect(
      ofType(withPreVote, 'preVoteStart').filter((e) => e.server === 3).length,
    ).toBeGreaterThan(3);
    expect([server(withPreVote, 1).role, server(withPreVote, 1).term]).toEqual(['leader', 1]);
    expect(s3.log.map((e) => e.id)).toEqual(server(withPreVote, 1).log.map((e) => e.id));
    expect(withPreVote.sim.violations).toEqual([]);
    // Without PreVote the isolated server's term runs away and deposes the leader on healing.
    const without = run(config, actions, 4000);
    expect(ofType(without, 'stepDown').some((e) => e.server === 1 && e.from === 'leader')).toBe(
      true,
    );
    expect(server(without, 1).term).toBeGreaterThan(1);
  });

  // SC-25, Reference: thesis 6.2; etcd TestLeaderStepdownWhenQuorumLost
  it('SC-25 with CheckQuorum a leader cut off from its majority steps down within a timeout', () => {
    const actions: Action[] = [
      { at: 1, do: 'timeout', server: 1 },
      { at: 500, do: 'partition', groups: [[1], [2, 3]] },
    ];
    const config = { ...DEFAULT_CONFIG, servers: 3 };
    const r = run({ ...config, checkQuorum: true }, actions, 1500);
    const lost = ofType(r, 'quorumLost');
    expect(lost).toEqual([expect.objectContaining({ server: 1, term: 1, active: 1 })]);
    const window = config.electionTimeoutMs[0];
    expect(lost[0]?.time).toBeGreaterThan(500);
    expect(lost[0]?.time).toBeLessThanOrEqual(500 + 2 * window);
    expect(server(r, 1).role).not.toBe('leader');
    expect(leaders(r).map((s) => s.id)).not.toContain(1);
    expect(r.sim.violations).toEqual([]);
    // Without CheckQuorum the minority leader stays leader (SC-18).
    const plain = run(config, actions, 1500);
    expect(server(plain, 1).role).toBe('leader');
  });

  // SC-25, Reference: etcd TestLeaderStepdownWhenQuorumActive
  it('SC-25 a leader that still hears one follower of three stays leader', () => {
    const r = run(
      { ...DEFAULT_CONFIG, servers: 3, checkQuorum: true },
      [
        { at: 1, do: 'timeout', server: 1 },
        { at: 500, do: 'partition', groups: [[1, 2], [3]] },
      ],
      3000,
    );
    expect(ofType(r, 'quorumLost')).toEqual([]);
    expect(server(r, 1).role).toBe('leader');
  });

  // SC-26, Reference: paper section 6; thesis 4.2.3; etcd TestLeaderElectionWithCheckQuorum
  it('SC-26 with CheckQuorum voters ignore a disruptive candidate until their lease runs out', () => {
    // c is cut off from the leader a but still reaches b: the classic disruptive server.
    const r = start({ servers: 3, checkQuorum: true, electionTimeoutMs: [150, 300] }, [
      { at: 1, do: 'timeout', server: 1 },
      { at: 300, do: 'cut', link: [1, 3] },
      { at: 400, do: 'timeout', server: 3 },
      { at: 600, do: 'crash', server: 1 },
    ]);
    r.sim.runUntil(550);
    expect(ofType(r, 'voteIgnored').map((e) => e.voter)).toContain(2);
    expect([server(r, 2).term, server(r, 1).term]).toEqual([1, 1]);
    expect(server(r, 1).role).toBe('leader');
    expect(server(r, 3).role).toBe('candidate');
    r.sim.runUntil(2000);
    // n1 is gone: once n2 has not heard a leader for an election timeout, an election succeeds.
    expect(leaders(r)).toHaveLength(1);
    expect(leaders(r)[0]?.term).toBeGreaterThan(1);
    expect(r.sim.violations).toEqual([]);
  });
});
