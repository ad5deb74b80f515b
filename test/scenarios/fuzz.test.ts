import { describe, expect, it } from 'vitest';
import { Simulation, withDefaults } from '../../src/core/index.ts';
import type { Action } from '../../src/core/index.ts';
import {
  checkFuzzRun,
  fuzzPlan,
  generateFuzzScenario,
  shrinkFailure,
} from '../../src/scenarios/fuzz.ts';
import { awaitConvergence, convergenceProblem } from '../../src/scenarios/liveness.ts';
import { parseScenario, toRunSetup } from '../../src/scenarios/schema.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';

const UNTIL_MS = 15_000;

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
    if (a.do === 'network') network = { ...network, ...a };
  }
  const { latencyMs, loss, duplication } = network;
  return {
    crashed: [...crashed],
    partitioned,
    cut: [...cut],
    network: { latencyMs, loss, duplication },
  };
}

describe('generateFuzzScenario', () => {
  it('gives the same scenario for the same seed, another for another seed', () => {
    const a = generateFuzzScenario(42, { servers: 5, untilMs: UNTIL_MS });
    expect(generateFuzzScenario(42, { servers: 5, untilMs: UNTIL_MS })).toEqual(a);
    expect(generateFuzzScenario(43, { servers: 5, untilMs: UNTIL_MS }).actions).not.toEqual(
      a.actions,
    );
  });

  it('produces valid scenarios for every cluster size', () => {
    for (let servers = 1; servers <= 9; servers++) {
      for (let seed = 1; seed <= 10; seed++) {
        const s = generateFuzzScenario(seed, { servers, untilMs: UNTIL_MS });
        const parsed = parseScenario(JSON.parse(JSON.stringify(s)));
        expect(parsed.ok ? parsed.scenario : parsed.error).toEqual(s);
      }
    }
  });

  it('uses every kind of fault across a few seeds', () => {
    const kinds = new Set<string>();
    for (let seed = 1; seed <= 10; seed++) {
      for (const a of generateFuzzScenario(seed, { servers: 5, untilMs: UNTIL_MS }).actions)
        kinds.add(a.do);
    }
    expect([...kinds].sort()).toEqual([
      'connect',
      'crash',
      'cut',
      'heal',
      'network',
      'partition',
      'request',
      'restart',
      'timeout',
    ]);
  });

  it('heals every fault at 2/3 of the run and injects none after', () => {
    const { healAtMs } = fuzzPlan(UNTIL_MS);
    expect(healAtMs).toBe(10_000);
    for (let seed = 1; seed <= 40; seed++) {
      const s = generateFuzzScenario(seed, { servers: 5, untilMs: UNTIL_MS });
      const { crashed, partitioned, cut, network } = faultsLeftAt(s, healAtMs);
      expect({ crashed, partitioned, cut }).toEqual({ crashed: [], partitioned: false, cut: [] });
      expect(network).toEqual({ latencyMs: [10, 20], loss: [0, 1], duplication: [0, 1] });
      const late = s.actions.filter((a) => a.at > healAtMs);
      expect(late.every((a) => a.do === 'request' && a.server === undefined)).toBe(true);
    }
  });
});

describe('liveness (SC-49: heal, then converge)', () => {
  it('sees convergence in a healthy cluster', () => {
    const sim = Simulation.create(
      toRunSetup(scenario(3, [{ at: 500, do: 'request', command: 'set x 1' }])),
    );
    const result = awaitConvergence(sim, 5_000);
    expect(result.ok).toBe(true);
    expect(convergenceProblem(sim.state.servers)).toBeNull();
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
  });

  it('fails a run whose faults are never healed', () => {
    const crashes: Action[] = [1, 2, 3].map((server) => ({ at: 100, do: 'crash', server }));
    expect(checkFuzzRun(scenario(5, crashes), fuzzPlan(6_000))).toMatchObject({
      kind: 'liveness',
      message: expect.stringMatching(/^not converged 2000 ms after the heal at 4000 ms: no leader/),
    });
  });

  it('stops a run that goes over its step budget', () => {
    const plan = { ...fuzzPlan(6_000), stepLimit: 50 };
    expect(checkFuzzRun(scenario(5, []), plan)).toMatchObject({
      kind: 'steps',
      message: expect.stringMatching(/^more than 50 steps by \d+ ms/),
    });
  });
});

describe('fuzz runs', () => {
  it('find nothing wrong with the correct algorithm', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const s = generateFuzzScenario(seed, { servers: 5, untilMs: UNTIL_MS });
      expect(checkFuzzRun(s, fuzzPlan(UNTIL_MS)), `seed ${seed}`).toBeNull();
    }
  });

  it('catch a teaching bug and shrink it to a scenario that still fails the same way', () => {
    const plan = fuzzPlan(UNTIL_MS);
    const s = generateFuzzScenario(1, {
      servers: 5,
      untilMs: UNTIL_MS,
      bugs: ['BUG-VOTEVOLATILE'],
    });
    const failure = checkFuzzRun(s, plan);
    expect(failure?.kind).toBe('violation');
    if (failure === null) return;
    const shrunk = shrinkFailure(s, failure, plan, 50);
    expect(shrunk.scenario.actions.length).toBeLessThan(s.actions.length);
    expect(shrunk.attempts).toBeLessThanOrEqual(50);
    const again = checkFuzzRun(shrunk.scenario, plan);
    expect(again).toEqual(shrunk.failure);
    const invariant = failure.kind === 'violation' ? failure.invariant : 'none';
    expect(again).toMatchObject({ kind: 'violation', invariant });
  });
});
