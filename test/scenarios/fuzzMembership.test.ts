/**
 * Issues 8 and 9 in the swarm: membership changes, leadership transfer and read modes are drawn,
 * liveness asks only the members of the leader's configuration to converge, and every run's
 * client history goes through the linearizability checker (INV-C2).
 */
import { describe, expect, it } from 'vitest';
import { Simulation, withDefaults } from '../../src/core/index.ts';
import type { Action, ServerState, SimConfig } from '../../src/core/index.ts';
import { addReport, emptyTotals, summaryTable } from '../../src/cli/fuzzReport.ts';
import {
  checkFuzzRun,
  fuzzPlan,
  generateFuzzRun,
  shrinkFailure,
} from '../../src/scenarios/fuzz.ts';
import { runFuzzCheck } from '../../src/scenarios/fuzzCheck.ts';
import type { FuzzRunStats } from '../../src/scenarios/fuzzCheck.ts';
import { MEMBERSHIP_KINDS } from '../../src/scenarios/fuzzActions.ts';
import {
  catchUpProblem,
  convergenceProblem,
  livenessRuledOut,
} from '../../src/scenarios/liveness.ts';
import { toRunSetup } from '../../src/scenarios/schema.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';

const UNTIL_MS = 15_000;

function scenario(config: Partial<SimConfig>, actions: Action[]): Scenario {
  return { version: 1, title: 't', seed: 5, config: withDefaults(config), actions };
}

describe('the swarm draws membership, transfer and read modes', () => {
  it('draws every change (with and without via and client), transfers, initial voters and read modes across 200 seeds', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      const { scenario: s, switches } = generateFuzzRun(seed, { untilMs: UNTIL_MS });
      const c = s.config;
      seen.add(`reads=${c.reads}`);
      if (c.reads === 'lease') expect(c.checkQuorum, `seed ${seed}`).toBe(true);
      if (c.members === null) seen.add('members=all');
      else if (c.members.length < c.servers) {
        const firstK = c.members.every((id, i) => id === i + 1);
        seen.add(firstK ? 'members=first k' : 'members=subset');
        if (c.members.length === 1) seen.add('members=one');
      }
      if (switches.livenessRuledOut === 'removals') seen.add('liveness ruled out by removals');
      for (const a of s.actions) {
        seen.add(a.do);
        if (a.do === 'reconfigure') {
          seen.add(a.members.length === c.servers ? 'reconfigure all' : 'reconfigure some');
          expect(a.members.length).toBeGreaterThan(0);
        }
        if ((MEMBERSHIP_KINDS as readonly string[]).includes(a.do)) {
          const routed = a as { via?: number; client?: number };
          seen.add(routed.via === undefined ? 'via leader' : 'via a server');
          seen.add(routed.client === undefined ? 'client 1' : 'client drawn');
        }
      }
    }
    for (const item of [
      ...MEMBERSHIP_KINDS,
      'transfer',
      'reads=log',
      'reads=readIndex',
      'reads=lease',
      'members=all',
      'members=first k',
      'members=subset',
      'members=one',
      'reconfigure all',
      'reconfigure some',
      'via leader',
      'via a server',
      'client 1',
      'client drawn',
      'liveness ruled out by removals',
    ])
      expect(seen, item).toContain(item);
  });

  it('leans on membership changes when a membership bug is hunted, and leaves them out of other hunts', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const hunt = generateFuzzRun(seed, { untilMs: UNTIL_MS, bugs: ['BUG-SELFCOUNT'] });
      const kinds = hunt.switches.weights.map(([k]) => k);
      for (const kind of MEMBERSHIP_KINDS) expect(kinds).toContain(kind);
      expect(hunt.switches.membershipHunt).toBe(true);
      const other = generateFuzzRun(seed, { untilMs: UNTIL_MS, bugs: ['BUG-FIG8'] });
      expect(other.scenario.config.members).toBeNull();
      expect(other.switches.weights.map(([k]) => k)).not.toContain('reconfigure');
    }
  });
});

describe('liveness with membership: the members of the leader’s configuration converge', () => {
  /** A settled 4-server cluster (S4 a voter too), as a hand-editable copy of its servers. */
  function settled(): ServerState[] {
    const sim = Simulation.create(
      toRunSetup(scenario({ servers: 4 }, [{ at: 300, do: 'request', command: 'set x 1' }])),
    );
    sim.runUntil(3_000);
    expect(convergenceProblem(sim.state.servers)).toBeNull();
    return structuredClone(sim.state.servers);
  }

  function leaderOf(servers: ServerState[]): ServerState {
    const leader = servers.find((s) => s.role === 'leader');
    if (leader === undefined) throw new Error('no leader');
    return leader;
  }

  /** Gives every server's configuration (the base one: no entries in these logs) as `voters`. */
  function configure(servers: ServerState[], voters: number[], learners: number[] = []): void {
    for (const s of servers) s.baseConfig = { voters, old: null, learners };
  }

  it('does not require a removed server to converge, nor its term', () => {
    const servers = settled();
    const leader = leaderOf(servers);
    const removed = servers.find((s) => s.id !== leader.id) as ServerState;
    configure(
      servers,
      servers.filter((s) => s !== removed).map((s) => s.id),
    );
    removed.commitIndex = 0;
    removed.log = [];
    removed.term = leader.term + 7; // a removed server campaigning on its own
    removed.role = 'candidate';
    expect(convergenceProblem(servers)).toBeNull();
    expect(catchUpProblem(servers, 1)).toBeNull();
  });

  it('requires a member to converge, a learner included', () => {
    const servers = settled();
    const leader = leaderOf(servers);
    const other = servers.find((s) => s.id !== leader.id) as ServerState;
    const voters = servers.filter((s) => s !== other).map((s) => s.id);
    configure(servers, voters, [other.id]);
    other.commitIndex = 0;
    expect(convergenceProblem(servers)).toBe(
      `S${other.id} has commitIndex 0, leader S${leader.id} has ${leader.commitIndex}`,
    );
  });

  it('requires the leader to be in the top term among its members', () => {
    const servers = settled();
    const leader = leaderOf(servers);
    const member = servers.find((s) => s.id !== leader.id) as ServerState;
    member.term = leader.term + 1;
    expect(convergenceProblem(servers)).toMatch(
      new RegExp(
        `^no leader in term ${leader.term + 1} \\(S${member.id}, a member of leader S${leader.id}'s configuration`,
      ),
    );
  });

  it('counts a quorum of the leader’s configuration, not of every server, for the catch-up form', () => {
    const servers = settled();
    const leader = leaderOf(servers);
    const others = servers.filter((s) => s.id !== leader.id);
    // Voters: the leader and one other; two idle servers that never catch up.
    configure(servers, [leader.id, (others[0] as ServerState).id].sort());
    for (const s of others.slice(1)) [s.commitIndex, s.log] = [0, []];
    expect(catchUpProblem(servers, 1)).toBeNull();
    (others[0] as ServerState).commitIndex = 0;
    expect(catchUpProblem(servers, 1)).toMatch(/not a quorum of its configuration$/);
  });

  it('passes a run that removes a server for good (PreVote on), which stays behind', () => {
    const s = scenario({ servers: 3, preVote: true }, [
      { at: 500, do: 'request', command: 'set x 1' },
      { at: 1_000, do: 'removeServer', server: 3 },
      { at: 2_000, do: 'request', command: 'set x 2' },
      { at: 2_500, do: 'request', command: 'set x 3' },
    ]);
    const plan = fuzzPlan(6_000);
    expect(checkFuzzRun(s, plan)).toBeNull();
    const sim = Simulation.create(toRunSetup(s));
    sim.runUntil(6_000);
    const [s1, s2, s3] = sim.state.servers as [ServerState, ServerState, ServerState];
    expect(s3.commitIndex).toBeLessThan(Math.max(s1.commitIndex, s2.commitIndex));
  });

  it('is not required when removals may disrupt by design (no PreVote, CheckQuorum or guard)', () => {
    const removal: Action[] = [{ at: 1_000, do: 'removeServer', server: 3 }];
    const bare = withDefaults({ servers: 3 });
    expect(livenessRuledOut(bare, 5_000, removal)).toBe('removals');
    expect(livenessRuledOut(bare, 5_000, [])).toBeNull();
    for (const guard of [{ preVote: true }, { checkQuorum: true }, { disruptionGuard: true }])
      expect(livenessRuledOut(withDefaults({ servers: 3, ...guard }), 5_000, removal)).toBeNull();
    // Without the no-op a client's write must find the leader: an RPC timeout per server.
    const slow = withDefaults({ servers: 5, noopOnElection: false, rpcTimeoutMs: 1_000 });
    expect(livenessRuledOut(slow, 5_000)).toBe('timing');
    expect(livenessRuledOut({ ...slow, noopOnElection: true }, 5_000)).toBeNull();
  });
});

describe('linearizability on every seed (INV-C2)', () => {
  it('catches BUG-LOCALREAD on a hunted seed, shrinks it, and passes the same run without the bug', () => {
    const { scenario: s, plan } = generateFuzzRun(179, {
      untilMs: UNTIL_MS,
      bugs: ['BUG-LOCALREAD'],
    });
    const failure = checkFuzzRun(s, plan);
    expect(failure).toMatchObject({ kind: 'violation', invariant: 'INV-C2' });
    if (failure === null) return;
    const shrunk = shrinkFailure(s, failure, plan, 40);
    expect(shrunk.failure).toMatchObject({ kind: 'violation', invariant: 'INV-C2' });
    expect(shrunk.scenario.actions.length).toBeLessThan(s.actions.length);
    const fixed = runFuzzCheck({ ...s, config: { ...s.config, bugs: [] } }, plan);
    expect(fixed.failure).toBeNull();
    expect(fixed.stats.linearizability).toBe('ok');
  }, 30_000);

  it('leaves answers that never went through the log out of ACKED-WRITE (reads, membership changes)', () => {
    const events: string[] = [];
    const s = scenario({ servers: 4, members: [1, 2, 3], reads: 'readIndex' }, [
      { at: 500, do: 'request', command: 'set x 1' },
      { at: 700, do: 'request', command: 'get x' },
      { at: 900, do: 'addLearner', server: 4 },
      { at: 1_500, do: 'timeout', server: 2 },
      { at: 2_500, do: 'timeout', server: 3 },
      { at: 3_500, do: 'request', command: 'get x' },
    ]);
    expect(checkFuzzRun(s, fuzzPlan(6_000))).toBeNull();
    const sim = Simulation.create(toRunSetup(s));
    sim.onEvent = (e) => {
      if (e.type === 'read' && e.phase === 'answered') events.push('read');
      if (e.type === 'membership' && e.phase === 'done') events.push('change');
      if (e.type === 'becomeLeader') events.push(`leader ${e.term}`);
    };
    sim.runUntil(6_000);
    expect(events).toContain('read');
    expect(events).toContain('change');
    expect(events.filter((e) => e.startsWith('leader')).length).toBeGreaterThanOrEqual(2);
  });

  it('counts undecided histories in the summary table, not as failures', () => {
    const totals = emptyTotals();
    const stats = (linearizability: FuzzRunStats['linearizability']): FuzzRunStats => ({
      virtualMs: 1_000,
      events: 1,
      elections: 1,
      commits: 1,
      livenessChecked: true,
      linearizability,
    });
    for (const lin of ['ok', 'inconclusive', 'unchecked'] as const)
      addReport(totals, { seed: 1, stats: stats(lin), finding: null, text: '' });
    const table = summaryTable(totals, 'fuzz', null);
    expect(table).toMatch(
      /^ {2}linearizability undecided +1 {2}\(histories checked on 2 seeds; not a failure\)$/m,
    );
    expect(table).toMatch(/^ {2}violations +0$/m);
  });
});
