/**
 * Conformance scenarios, membership changes (the rule catalogue §3 E, rules M-1..M-7 of §1.9). Reference:
 * paper §6, thesis chapter 4. SC-36 (Figure 10) and SC-39 (the 2015 bug) live with their teaching
 * bugs in membership-bugs.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { configIndexOf, configOf, type Action, type SimEvent } from '../../src/core/index.ts';
import { wakeTime } from '../../src/core/raft.ts';
import { FakeContext, clientRequest, deliver, makeServer } from './harness.ts';
import { leaders, ofType, run, server, start, type Run } from './scenario-kit.ts';

type MembershipEvent = Extract<SimEvent, { type: 'membership' }>;

function phases(r: Run): string[] {
  return ofType(r, 'membership').map((e: MembershipEvent) =>
    e.phase === 'refused' ? `refused:${e.reason}` : e.phase,
  );
}

function answers(r: Run, client = 1): string[] {
  return ofType(r, 'clientReply')
    .filter((e) => e.client === client)
    .map((e) => e.result);
}

function voters(r: Run, id: number): number[] | undefined {
  return configOf(server(r, id))?.voters;
}

/** S1 leads term 1 of {S1,S2,S3} and has committed its no-op (and `writes` commands). */
function elected(writes = 0): Action[] {
  const actions: Action[] = [{ at: 10, do: 'timeout', server: 1 }];
  for (let k = 0; k < writes; k++) {
    actions.push({ at: 100 + k * 5, do: 'request', command: `set k${k} ${k}`, client: 2 });
  }
  return actions;
}

describe('membership changes (the rule catalogue §1.9)', () => {
  // SC-33, Reference: paper §6, thesis §4.1 and §4.2.1
  it('SC-33 a new server catches up as a non-voter, then counts; C_new is used once appended', () => {
    const r = start({ servers: 4, members: [1, 2, 3] }, [
      ...elected(30),
      { at: 1_000, do: 'addServer', server: 4 },
    ]);
    // Before the change S4 has no configuration: no timer, it never campaigns (the design).
    r.sim.runUntil(900);
    expect(configOf(server(r, 4))).toBeNull();
    expect(wakeTime(server(r, 4), r.sim.config)).toBeNull();
    let votersAtAppend: number[] | undefined;
    let s4MatchAtAppend = -1;
    r.sim.onEvent = ((previous) => (e: SimEvent) => {
      previous?.(e);
      if (e.type === 'membership' && e.phase === 'final') {
        votersAtAppend = voters(r, 1);
        s4MatchAtAppend = server(r, 1).peers.find((p) => p.id === 4)?.matchIndex ?? -1;
      }
    })(r.sim.onEvent);
    r.sim.runUntil(3_000);
    // M-5: a round of catch-up (S4 got the whole log) before C_new was appended.
    expect(phases(r)).toEqual(['start', 'catchUp', 'final', 'done']);
    expect(ofType(r, 'membership')[0]?.servers).toEqual([4]);
    const round = ofType(r, 'membership').find((e) => e.phase === 'catchUp');
    expect(round?.round).toBe(1);
    expect(s4MatchAtAppend).toBeGreaterThanOrEqual(20); // the log as it was when the round began
    // M-1: the leader uses C_new as soon as it is in its log, before it commits.
    expect(votersAtAppend).toEqual([1, 2, 3, 4]);
    expect(answers(r)).toEqual(['ok']);
    expect(ofType(r, 'electionStart').filter((e) => e.server === 4)).toEqual([]);
    for (const id of [1, 2, 3, 4]) expect(voters(r, id)).toEqual([1, 2, 3, 4]);
    expect(r.sim.violations).toEqual([]);
  });

  // SC-33, Reference: thesis §4.1 (a majority of the new configuration)
  it('SC-33 with four voters a commit needs 3 of 4: two are not enough', () => {
    const r = run(
      { servers: 4, members: [1, 2, 3] },
      [
        ...elected(),
        { at: 300, do: 'addServer', server: 4 },
        { at: 1_000, do: 'crash', server: 3 },
        { at: 1_000, do: 'crash', server: 4 },
        { at: 1_100, do: 'request', command: 'set x 1', client: 2 },
      ],
      2_000,
    );
    const s1 = server(r, 1);
    const xIndex = s1.log.findIndex((e) => e.command === 'set x 1') + 1;
    expect(xIndex).toBeGreaterThan(0);
    expect(s1.commitIndex).toBeLessThan(xIndex); // S1 and S2 are 2 of 4
    r.sim.addAction({ at: 2_000, do: 'restart', server: 4 });
    r.sim.runUntil(3_000);
    expect(server(r, 1).commitIndex).toBeGreaterThanOrEqual(xIndex); // S1, S2, S4: 3 of 4
    expect(r.sim.violations).toEqual([]);
  });

  // SC-34, Reference: thesis §4.1; etcd TestCommitAfterRemoveNode
  it('SC-34 removing a follower: entries commit under the smaller quorum at once', () => {
    const r = run(
      { servers: 2 },
      [
        { at: 10, do: 'timeout', server: 1 },
        { at: 200, do: 'cut', link: [1, 2] },
        { at: 300, do: 'removeServer', server: 2 },
        { at: 400, do: 'request', command: 'set hello 1', client: 2 },
      ],
      1_000,
    );
    const s1 = server(r, 1);
    // C_new = {S1} is in force when appended (M-1, thesis): it and `hello` commit with S1 alone.
    expect(voters(r, 1)).toEqual([1]);
    expect(s1.commitIndex).toBe(s1.log.length);
    expect(answers(r, 1)).toEqual(['ok']);
    expect(answers(r, 2)).toEqual(['ok']);
    // S2 never heard of it: it still uses {S1,S2}.
    expect(voters(r, 2)).toEqual([1, 2]);
    expect(r.sim.violations).toEqual([]);
  });

  // SC-35, Reference: paper §6 Figure 11, thesis §4.3; etcd quorum/testdata/joint_commit.txt
  it('SC-35 joint consensus 3 → 5: C_old,new needs both majorities, then C_new follows', () => {
    const r = start({ servers: 5, members: [1, 2, 3] }, [
      ...elected(),
      // S4 and S5 can be reached, S2 and S3 cannot: a majority of C_new without one of C_old.
      { at: 200, do: 'cut', link: [1, 2] },
      { at: 200, do: 'cut', link: [1, 3] },
      { at: 300, do: 'reconfigure', members: [1, 2, 3, 4, 5] },
      { at: 500, do: 'addLearner', server: 4, client: 2 },
    ]);
    r.sim.runUntil(900);
    const s1 = server(r, 1);
    const joint = configOf(s1);
    expect(joint).toEqual({ voters: [1, 2, 3, 4, 5], old: [1, 2, 3], learners: [] });
    const jointIndex = configIndexOf(s1);
    expect(server(r, 4).log[jointIndex - 1]?.config).toEqual(joint);
    // S1, S4, S5 are 3 of 5 in C_new but only 1 of 3 in C_old: nothing past the no-op commits.
    expect(s1.commitIndex).toBe(jointIndex - 1);
    // M-4: no other change while the joint entry is uncommitted.
    expect(phases(r)).toEqual(['start', 'catchUp', 'joint', 'refused:inProgress']);
    expect(answers(r, 2)).toEqual(['refused: inProgress']);
    r.sim.addAction({ at: 900, do: 'connect', link: [1, 2] });
    r.sim.runUntil(2_000);
    // S2 completes C_old's majority: C_old,new commits, C_new is appended and commits.
    expect(phases(r).slice(4)).toEqual(['final', 'done']);
    expect(configOf(server(r, 1))).toEqual({ voters: [1, 2, 3, 4, 5], old: null, learners: [] });
    expect(server(r, 1).commitIndex).toBe(jointIndex + 1);
    expect(answers(r, 1)).toEqual(['ok']);
    expect(r.sim.violations).toEqual([]);
  });

  // SC-35, Reference: paper §6 ("agreement for elections requires separate majorities")
  it('SC-35 during the joint phase a candidate needs a majority of C_old and of C_new', () => {
    const r = start({ servers: 5, members: [1, 2, 3] }, [
      ...elected(),
      { at: 200, do: 'cut', link: [1, 2] },
      { at: 200, do: 'cut', link: [1, 3] },
      { at: 300, do: 'reconfigure', members: [1, 2, 3, 4, 5] },
      // The joint entry is on S1, S4, S5 only. S1 goes down; S4 cannot reach S2 or S3.
      { at: 800, do: 'crash', server: 1 },
      { at: 800, do: 'cut', link: [2, 4] },
      { at: 800, do: 'cut', link: [3, 4] },
      { at: 900, do: 'restart', server: 1 },
      { at: 1_000, do: 'timeout', server: 4 },
    ]);
    r.sim.runUntil(1_500);
    // S4 got S1 and S5: 3 of 5 in C_new, but 1 of 3 in C_old: not elected.
    const s4 = server(r, 4);
    expect(configOf(s4)?.old).toEqual([1, 2, 3]);
    const grants = ofType(r, 'vote').filter((v) => v.candidate === 4 && v.granted);
    expect(grants.map((v) => v.voter).sort()).toEqual([1, 4, 5]);
    expect(s4.role).toBe('candidate');
    expect(ofType(r, 'becomeLeader').filter((e) => e.server === 4)).toEqual([]);
    // With S2 reachable it also has C_old's majority (S1, S2) and wins.
    r.sim.addAction({ at: 1_500, do: 'connect', link: [2, 4] });
    r.sim.addAction({ at: 1_600, do: 'timeout', server: 4 });
    r.sim.runUntil(2_000);
    expect(leaders(r).map((s) => s.id)).toEqual([4]);
    expect(r.sim.violations).toEqual([]);
  });

  // SC-37, Reference: paper §6, thesis §4.2.2; etcd confchange_v1_remove_leader.txt
  it('SC-37 a removed leader replicates without counting itself, then steps down', () => {
    const r = start({ servers: 3 }, [
      ...elected(),
      { at: 200, do: 'cut', link: [1, 3] },
      { at: 300, do: 'removeServer', server: 1 },
      { at: 400, do: 'request', command: 'set x 1', client: 2 },
    ]);
    r.sim.runUntil(800);
    const s1 = server(r, 1);
    // C_new = {S2,S3} is in S1's log; S1 and S2 hold everything, yet nothing commits: S1 does
    // not count itself and S2 alone is 1 of 2.
    expect(voters(r, 1)).toEqual([2, 3]);
    expect(s1.role).toBe('leader');
    expect(s1.commitIndex).toBe(configIndexOf(s1) - 1);
    expect(server(r, 2).log.length).toBe(s1.log.length);
    r.sim.addAction({ at: 800, do: 'connect', link: [1, 3] });
    r.sim.runUntil(1_200);
    // C_new commits with S2 and S3; S1 answers the change and steps down (M-6).
    expect(phases(r)).toEqual(['final', 'done', 'leave']);
    expect(answers(r, 1)).toEqual(['ok']);
    expect(server(r, 1).role).toBe('follower');
    expect(server(r, 1).commitIndex).toBe(server(r, 1).log.length);
    // S2 or S3 takes over; S1 is not in their configuration and gets no AppendEntries.
    r.sim.addAction({ at: 1_300, do: 'timeout', server: 2 });
    r.sim.runUntil(2_000);
    expect(leaders(r).map((s) => s.id)).toEqual([2]);
    const toS1 = r.sent.filter((m) => m.to === 1 && m.from === 2 && m.sentMs > 1_400);
    expect(toS1).toEqual([]);
    expect(r.sim.violations).toEqual([]);
  });

  // SC-37, Reference: thesis Figure 4.6
  it('SC-37 removing S1 from {S1,S2}: S2 cannot lead before it has C_new', () => {
    const r = run(
      { servers: 2 },
      [
        { at: 10, do: 'timeout', server: 1 },
        { at: 200, do: 'cut', link: [1, 2] },
        { at: 300, do: 'removeServer', server: 1 },
        { at: 400, do: 'timeout', server: 2 },
        { at: 600, do: 'timeout', server: 2 },
      ],
      1_000,
    );
    expect(voters(r, 1)).toEqual([2]);
    expect(voters(r, 2)).toEqual([1, 2]);
    expect(server(r, 2).role).toBe('candidate'); // needs S1's vote under {S1,S2}
    expect(r.sim.violations).toEqual([]);
  });

  // SC-38, Reference: paper §6 (third issue), thesis §4.2.3
  it.each([
    [true, 'is ignored'],
    [false, 'deposes the leader'],
  ])('SC-38 with the disruption guard %s, a removed server campaigning %s', (guard) => {
    const r = run(
      { servers: 4, disruptionGuard: guard },
      [
        ...elected(),
        { at: 300, do: 'removeServer', server: 4 },
        { at: 700, do: 'timeout', server: 4 },
        { at: 900, do: 'timeout', server: 4 },
        { at: 1_100, do: 'timeout', server: 4 },
      ],
      1_300,
    );
    expect(voters(r, 1)).toEqual([1, 2, 3]);
    // S4 is out of the configuration it knows, so it is not sent AppendEntries, yet it campaigns.
    expect(ofType(r, 'electionStart').filter((e) => e.server === 4).length).toBe(3);
    const s1 = server(r, 1);
    if (guard) {
      expect(ofType(r, 'voteIgnored').filter((e) => e.candidate === 4).length).toBeGreaterThan(0);
      expect([s1.role, s1.term]).toEqual(['leader', 1]);
      expect(server(r, 2).term).toBe(1);
    } else {
      expect(s1.role).not.toBe('leader');
      expect(s1.term).toBeGreaterThan(1);
    }
    expect(r.sim.violations).toEqual([]);
  });

  // SC-40, Reference: thesis §4.1 item 3 and §4.3; etcd TestStepIgnoreConfig, TestNewLeaderPendingConfig
  it('SC-40 one change at a time, and none before the new leader commits an entry of its term', () => {
    const r = run(
      { servers: 5, members: [1, 2, 3] },
      [
        // At the instant S1 wins (its no-op not yet committed): refused (M-3).
        { at: 10, do: 'timeout', server: 1 },
        { at: 30, do: 'addServer', server: 4, via: 1, client: 1 },
        // A second change while the first is catching S5 up: refused (M-2).
        { at: 300, do: 'addServer', server: 5, client: 2 },
        { at: 301, do: 'removeServer', server: 2, client: 3 },
        // A retry of the same change is the same change, not a second one.
        { at: 1_000, do: 'removeServer', server: 2, client: 3 },
      ],
      2_000,
    );
    expect(answers(r, 1)).toEqual(['refused: noCommitThisTerm']);
    expect(answers(r, 2)).toEqual(['ok']);
    expect(answers(r, 3)).toEqual(['refused: inProgress', 'ok']);
    expect(voters(r, 1)).toEqual([1, 3, 5]);
    expect(r.sim.violations).toEqual([]);
  });

  // SC-40, Reference: thesis §4.1; the rule catalogue M-1 (fall back when the configuration is truncated)
  it('SC-40 an uncommitted configuration is overwritten by a new leader, and its holder falls back (M-1)', () => {
    const r = run(
      { servers: 5 },
      [
        ...elected(),
        // S1 appends C_new = {S1..S4}; only S2 gets it.
        { at: 200, do: 'cut', link: [1, 3] },
        { at: 200, do: 'cut', link: [1, 4] },
        { at: 200, do: 'cut', link: [1, 5] },
        { at: 300, do: 'removeServer', server: 5 },
        { at: 500, do: 'crash', server: 1 },
        // S3 wins term 2 with S4 and S5 under {S1..S5} and repairs S2's log.
        { at: 600, do: 'timeout', server: 3 },
      ],
      1_500,
    );
    expect(leaders(r).map((s) => s.id)).toEqual([3]);
    expect(ofType(r, 'truncate').some((e) => e.server === 2)).toBe(true);
    expect(voters(r, 2)).toEqual([1, 2, 3, 4, 5]);
    expect(configIndexOf(server(r, 2))).toBe(0);
    // The crashed S1 still holds it: M-1 is about each server's own log.
    expect(voters(r, 1)).toEqual([1, 2, 3, 4]);
    expect(r.sim.violations).toEqual([]);
  });

  // SC-28 with M-6, Reference: paper §8 (redirects); found by the fuzz swarm (seed 5150)
  it('SC-28 a server outside its own configuration points clients to no leader', () => {
    const hintFrom = (member: boolean): number | null => {
      const ctx = new FakeContext({ config: { servers: 4 } });
      // S4 was caught up by S1 (so it remembers S1) but the change never named it.
      const s4 = makeServer({ id: 4, servers: 4, term: 2, leaderHint: 1 });
      s4.baseConfig = member ? { voters: [1, 2, 3, 4], old: null, learners: [] } : null;
      deliver(s4, ctx, -2, clientRequest(2, 1, 'set x 1'));
      const reply = ctx.only('ClientReply').body;
      return reply.ok ? -1 : reply.leaderHint;
    };
    expect(hintFrom(true)).toBe(1);
    // Its memory of S1 may be long stale (S1 removed or crashed since): no hint, so the client
    // tries the next server instead of circling back (seed 5150 looped S1 → S7 → S8 → S1).
    expect(hintFrom(false)).toBeNull();
  });
});
