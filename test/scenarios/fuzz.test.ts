import { describe, expect, it } from 'vitest';
import { BUG_IDS, Simulation, withDefaults } from '../../src/core/index.ts';
import type { Action } from '../../src/core/index.ts';
import { ACTION_KINDS } from '../../src/scenarios/actionShape.ts';
import {
  checkFuzzRun,
  fuzzPlan,
  generateFuzzRun,
  generateFuzzScenario,
  shrinkFailure,
} from '../../src/scenarios/fuzz.ts';
import { COMMAND_OPS, NOT_IN_SWARM_YET, SWARM_KINDS } from '../../src/scenarios/fuzzActions.ts';
import { describeSwitches } from '../../src/scenarios/fuzzSwitches.ts';
import {
  awaitConvergence,
  catchUpProblem,
  convergenceProblem,
  livenessExpected,
} from '../../src/scenarios/liveness.ts';
import { parseScenarioText, scenarioToJson, toRunSetup } from '../../src/scenarios/schema.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { english } from './english.ts';

const UNTIL_MS = 15_000;

/** Every action kind the scenario schema knows, but those not drawn yet (membership). */
const EVERY_KIND = ACTION_KINDS.filter((k) => !(NOT_IN_SWARM_YET as readonly string[]).includes(k));

function scenario(
  servers: number,
  actions: Action[],
  bugs: Scenario['config']['bugs'] = [],
): Scenario {
  return { version: 1, title: 't', seed: 3, config: withDefaults({ servers, bugs }), actions };
}

/** Replays the generator's actions on a model of the faults they leave in place. */
function faultsLeftAt(s: Scenario, timeMs: number) {
  const crashed = new Set<number>();
  let partitioned = false;
  const cut = new Set<string>();
  const slow = new Set<string>();
  let network = {
    latencyMs: s.config.latencyMs,
    loss: s.config.loss,
    duplication: s.config.duplication,
  };
  for (const a of s.actions.filter((x) => x.at <= timeMs)) {
    if (a.do === 'crash') crashed.add(a.server);
    if (a.do === 'restart') crashed.delete(a.server);
    if (a.do === 'partition') partitioned = true;
    if (a.do === 'heal') [partitioned] = [false, cut.clear()];
    if (a.do === 'cut') cut.add(a.link.join('-'));
    if (a.do === 'connect') cut.delete(a.link.join('-'));
    if (a.do === 'linkLatency' && a.latencyMs !== null) slow.add(a.link.join('-'));
    if (a.do === 'linkLatency' && a.latencyMs === null) slow.delete(a.link.join('-'));
    if (a.do === 'network') network = { ...network, ...a };
  }
  const { latencyMs, loss, duplication } = network;
  return {
    crashed: [...crashed],
    partitioned,
    cut: [...cut],
    slow: [...slow],
    network: { latencyMs, loss, duplication },
  };
}

describe('generateFuzzRun (swarm: each seed draws its switches, then its schedule)', () => {
  it('gives the same switches and scenario for the same seed, others for another seed', () => {
    const a = generateFuzzRun(42, { untilMs: UNTIL_MS });
    expect(generateFuzzRun(42, { untilMs: UNTIL_MS })).toEqual(a);
    const b = generateFuzzRun(43, { untilMs: UNTIL_MS });
    expect(b.scenario.actions).not.toEqual(a.scenario.actions);
    expect(b.switches).not.toEqual(a.switches);
  });

  it('produces valid scenarios, drawn or pinned cluster sizes alike', () => {
    for (const servers of [undefined, 1, 2, 3, 5, 9]) {
      for (let seed = 1; seed <= 12; seed++) {
        const s = generateFuzzScenario(seed, { servers, untilMs: UNTIL_MS });
        if (servers !== undefined) expect(s.config.servers).toBe(servers);
        const parsed = parseScenarioText(scenarioToJson(s));
        expect(parsed.ok ? parsed.scenario : english(parsed)).toEqual(s);
      }
    }
  });

  it('draws every action kind, every command and both sides of every switch across 120 seeds', () => {
    const kinds = new Set<string>();
    const ops = new Set<string>();
    const switches = new Set<string>();
    const sizes = new Set<number>();
    const batch = new Set<number>();
    const groups = new Set<number>();
    for (let seed = 1; seed <= 120; seed++) {
      const { scenario: s, switches: sw } = generateFuzzRun(seed, { untilMs: UNTIL_MS });
      const c = s.config;
      sizes.add(c.servers);
      batch.add(c.maxEntriesPerAppend);
      for (const [name, on] of [
        ['preVote', c.preVote],
        ['checkQuorum', c.checkQuorum],
        ['noop', c.noopOnElection],
        ['disruptionGuard', c.disruptionGuard],
        ['liveness', sw.livenessChecked],
        ['shortPartitions', sw.shortPartitions],
      ] as const)
        switches.add(`${name}=${on}`);
      for (const a of s.actions) {
        kinds.add(a.do);
        if (a.do === 'request') ops.add(a.command.split(' ')[0] ?? '');
        if (a.do === 'partition') groups.add(a.groups.length);
        if (a.do === 'network' && a.loss !== undefined && a.loss[0] >= 25) switches.add('loss≥25%');
        if (a.do === 'network' && a.duplication !== undefined && a.duplication[0] >= 25)
          switches.add('duplication≥25%');
        if (a.do === 'dropInFlight' && a.type !== undefined) switches.add('dropInFlight type');
      }
    }
    expect([...kinds].sort()).toEqual([...EVERY_KIND].sort());
    expect(SWARM_KINDS).toEqual([...EVERY_KIND].sort());
    expect([...ops].sort()).toEqual([...COMMAND_OPS].sort());
    expect([...sizes].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Math.min(...batch)).toBe(1);
    expect(Math.max(...batch)).toBe(16);
    expect([...groups].sort()).toEqual([2, 3]);
    for (const name of [
      'preVote',
      'checkQuorum',
      'noop',
      'disruptionGuard',
      'liveness',
      'shortPartitions',
    ])
      expect([switches.has(`${name}=true`), switches.has(`${name}=false`)]).toEqual([true, true]);
    expect(switches).toContain('loss≥25%');
    expect(switches).toContain('duplication≥25%');
    expect(switches).toContain('dropInFlight type');
  });

  it('switches some kinds off entirely in some seeds (swarm testing), never requests', () => {
    const counts = Array.from({ length: 40 }, (_, i) =>
      generateFuzzRun(i + 1, { untilMs: UNTIL_MS }),
    );
    const sizes = counts.map((r) => r.switches.weights.length);
    expect(Math.min(...sizes)).toBeLessThan(SWARM_KINDS.length - 3);
    for (const r of counts) expect(r.switches.weights.map(([k]) => k)).toContain('request');
  });

  it('leans to 3 or 5 servers when a teaching bug is hunted, unless --servers pins it', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const hunt = generateFuzzRun(seed, { untilMs: UNTIL_MS, bugs: ['BUG-STALEVOTE'] });
      expect([3, 5]).toContain(hunt.scenario.config.servers);
      expect(hunt.switches.hunt).toBe(true);
      expect(
        generateFuzzRun(seed, { servers: 7, untilMs: UNTIL_MS, bugs: ['BUG-FIG8'] }).scenario.config
          .servers,
      ).toBe(7);
    }
  });

  it('heals every fault at 2/3 of the run and injects none after', () => {
    const { healAtMs } = fuzzPlan(UNTIL_MS);
    expect(healAtMs).toBe(10_000);
    for (let seed = 1; seed <= 40; seed++) {
      const s = generateFuzzScenario(seed, { untilMs: UNTIL_MS });
      const { crashed, partitioned, cut, slow, network } = faultsLeftAt(s, healAtMs);
      expect({ crashed, partitioned, cut, slow }).toEqual({
        crashed: [],
        partitioned: false,
        cut: [],
        slow: [],
      });
      const { latencyMs, loss, duplication } = s.config;
      expect(network).toEqual({ latencyMs, loss, duplication });
      const late = s.actions.filter((a) => a.at > healAtMs);
      expect(late.every((a) => a.do === 'request' && a.server === undefined)).toBe(true);
    }
  });

  it('describes its switches on two lines for a failure report', () => {
    const { switches } = generateFuzzRun(7, { untilMs: UNTIL_MS });
    const lines = describeSwitches(switches);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^servers \d( \(voters [\d,]+\))?, reads (log|readIndex|lease), preVote (on|off), checkQuorum (on|off), disruptionGuard (on|off), noop (on|off), /,
    );
    expect(lines[1]).toMatch(/^actions (\w+:\d+ ?)+; gap \d+\.\.\d+ ms/);
  });
});

describe('--every-feature', () => {
  it('turns on compaction, reads without the log, follower reads, transfers and membership', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { switches } = generateFuzzRun(seed, { untilMs: UNTIL_MS, everyFeature: true });
      const c = switches.config;
      expect(c.snapshotEvery, `seed ${seed}`).toBeGreaterThan(0);
      expect(c.reads, `seed ${seed}`).not.toBe('log');
      expect(c.followerReads, `seed ${seed}`).toBe(true);
      const kinds = switches.weights.map(([k]) => k);
      for (const k of ['transfer', 'addServer', 'removeServer', 'reconfigure', 'request'] as const)
        expect(kinds, `seed ${seed}`).toContain(k);
    }
    // Without it the swarm leaves features out (here: some seed never compacts).
    const plain = Array.from({ length: 60 }, (_, i) =>
      generateFuzzRun(i + 1, { untilMs: UNTIL_MS }),
    );
    expect(plain.some((r) => r.switches.config.snapshotEvery === 0)).toBe(true);
    expect(plain.some((r) => !r.switches.config.followerReads)).toBe(true);
  });
});

describe('liveness (SC-49: heal, then converge)', () => {
  it('is expected only when heartbeats and round trips fit in the shortest election timeout', () => {
    expect(livenessExpected(withDefaults({}))).toBe(true);
    expect(livenessExpected(withDefaults({ heartbeatMs: 75 }))).toBe(false);
    expect(livenessExpected(withDefaults({ latencyMs: [10, 80] }))).toBe(false);
    expect(livenessExpected(withDefaults({ heartbeatMs: 74, latencyMs: [10, 74] }))).toBe(true);
    // Timeouts spread less widely than a round trip: split votes round after round.
    expect(livenessExpected(withDefaults({ electionTimeoutMs: [150, 180] }))).toBe(false);
    // The window after the heal must hold four of the longest election timeouts.
    expect(livenessExpected(withDefaults({}), 1_200)).toBe(true);
    expect(livenessExpected(withDefaults({}), 1_199)).toBe(false);
  });

  it('stretches the window a run needs, up to three times, rather than give up liveness', () => {
    expect(fuzzPlan(15_000)).toEqual({ healAtMs: 10_000, untilMs: 15_000 });
    expect(fuzzPlan(15_000, 4_000)).toEqual({ healAtMs: 10_000, untilMs: 15_000 });
    expect(fuzzPlan(15_000, 7_500)).toEqual({ healAtMs: 10_000, untilMs: 17_500 });
    expect(fuzzPlan(15_000, 15_000)).toEqual({ healAtMs: 10_000, untilMs: 25_000 });
    expect(fuzzPlan(15_000, 15_001)).toEqual({ healAtMs: 10_000, untilMs: 15_000 });
    // Seed 67170 removes its leader after the heal: it gets a second election's worth.
    const spec = generateFuzzRun(67_170, { untilMs: 15_000 });
    expect(spec.plan.untilMs).toBeGreaterThan(15_000);
    expect(spec.switches.livenessChecked).toBe(true);
  });

  it('asks PreVote timeouts to spread over two round trips, as its election takes two', () => {
    // Round trip 40 ms; the spread of 150..300 is 150 ms.
    expect(livenessExpected(withDefaults({ preVote: true }))).toBe(true);
    expect(livenessExpected(withDefaults({ preVote: true, latencyMs: [10, 38] }))).toBe(false);
    expect(livenessExpected(withDefaults({ preVote: false, latencyMs: [10, 38] }))).toBe(true);
  });

  it('sizes the window for the client search without the no-op (seeds 60005 and 26133)', () => {
    const noNoop = withDefaults({ noopOnElection: false }); // 4 × 300 + 5 × 100 = 1,700 ms
    expect(livenessExpected(noNoop, 1_700)).toBe(true);
    expect(livenessExpected(noNoop, 1_699)).toBe(false);
    // On a lossy network a lost request or answer costs the client a client timeout (600 ms).
    const lossy = { ...noNoop, loss: [1, 100] as const };
    expect(livenessExpected(lossy, 2_299)).toBe(false);
    expect(livenessExpected(lossy, 2_300)).toBe(true);
    // A removed leader, or a removed server that wins once (M-6), leads until C_new commits and
    // steps down (seed 67170): twice the window.
    const removal: Action[] = [{ at: 100, do: 'removeServer', server: 2 }];
    const guarded = { ...noNoop, preVote: true };
    expect(livenessExpected(guarded, 3_399, removal)).toBe(false);
    expect(livenessExpected(guarded, 3_400, removal)).toBe(true);
    expect(livenessExpected({ ...guarded, noopOnElection: true }, 2_399, removal)).toBe(false);
    expect(livenessExpected({ ...guarded, noopOnElection: true }, 2_400, removal)).toBe(true);
  });

  it('sees convergence in a healthy cluster', () => {
    const sim = Simulation.create(
      toRunSetup(scenario(3, [{ at: 500, do: 'request', command: 'set x 1' }])),
    );
    const result = awaitConvergence(sim, 5_000);
    expect(result.ok).toBe(true);
    expect(convergenceProblem(sim.state.servers)).toBeNull();
    sim.runUntil(2_000);
    expect(catchUpProblem(sim.state.servers, 2)).toBeNull();
    expect(catchUpProblem(sim.state.servers, 3)).toMatch(/^leader S\d has committed 2 of the 3 /);
  });

  it('names the problem when a majority is down', () => {
    const crashes: Action[] = [1, 2, 3].map((server) => ({ at: 100, do: 'crash', server }));
    const sim = Simulation.create(toRunSetup(scenario(5, crashes)));
    const result = awaitConvergence(sim, 3_000);
    expect(result).toMatchObject({ ok: false, atMs: 3_000, outOfSteps: false });
    expect(!result.ok && result.reason).toMatch(/^no leader in term \d+$/);
  });

  it('reports a follower that lags behind the leader', () => {
    const sim = Simulation.create(toRunSetup(scenario(3, [{ at: 100, do: 'timeout', server: 1 }])));
    sim.runUntil(2_000);
    const servers = structuredClone(sim.state.servers);
    const follower = servers.find((s) => s.role === 'follower');
    if (follower === undefined) throw new Error('no follower');
    follower.commitIndex = 0;
    expect(convergenceProblem(servers)).toMatch(
      new RegExp(`^S${follower.id} has commitIndex 0, leader S\\d has 1$`),
    );
    // One straggler of three is fine for the catch-up form; two are not.
    expect(catchUpProblem(servers, 1)).toBeNull();
    for (const s of servers) if (s.role !== 'leader') s.commitIndex = 0;
    expect(catchUpProblem(servers, 1)).toBe(
      `1 members (3 live voters) have committed the 1 entries leader S${servers.find((s) => s.role === 'leader')?.id} held when first seen, not a quorum of its configuration`,
    );
    expect(catchUpProblem(servers, 0)).toBeNull();
  });

  it('fails a run whose faults are never healed', () => {
    const crashes: Action[] = [1, 2, 3].map((server) => ({ at: 100, do: 'crash', server }));
    expect(checkFuzzRun(scenario(5, crashes), fuzzPlan(6_000))).toMatchObject({
      kind: 'liveness',
      message: expect.stringMatching(/^not converged 2000 ms after the heal at 4000 ms: no leader/),
    });
  });

  it('does not check liveness when the timing makes it impossible by design', () => {
    const crashes: Action[] = [1, 2, 3].map((server) => ({ at: 100, do: 'crash', server }));
    const s = scenario(5, crashes);
    s.config = { ...s.config, heartbeatMs: 140 };
    expect(checkFuzzRun(s, fuzzPlan(6_000))).toBeNull();
  });
});

describe('fuzz runs', () => {
  it('find nothing wrong with the correct algorithm', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const s = generateFuzzScenario(seed, { untilMs: UNTIL_MS });
      expect(checkFuzzRun(s, fuzzPlan(UNTIL_MS)), `seed ${seed}`).toBeNull();
    }
  });

  it('catch a teaching bug and shrink it to a scenario that still fails the same way', () => {
    const plan = fuzzPlan(UNTIL_MS);
    const found = Array.from({ length: 10 }, (_, i) =>
      generateFuzzScenario(i + 1, { untilMs: UNTIL_MS, bugs: ['BUG-VOTEVOLATILE'] }),
    )
      .map((s) => ({ s, failure: checkFuzzRun(s, plan) }))
      .find((r) => r.failure?.kind === 'violation');
    expect(found).toBeDefined();
    if (found === undefined || found.failure === null) return;
    const shrunk = shrinkFailure(found.s, found.failure, plan, 50);
    expect(shrunk.scenario.actions.length).toBeLessThan(found.s.actions.length);
    expect(shrunk.attempts).toBeLessThanOrEqual(50);
    const again = checkFuzzRun(shrunk.scenario, plan);
    expect(again).toEqual(shrunk.failure);
    const invariant = found.failure.kind === 'violation' ? found.failure.invariant : 'none';
    expect(again).toMatchObject({ kind: 'violation', invariant });
  });

  it('know every teaching bug of the core', () => {
    for (const bug of BUG_IDS)
      expect(generateFuzzRun(1, { untilMs: UNTIL_MS, bugs: [bug] }).scenario.config.bugs).toEqual([
        bug,
      ]);
  });
});
