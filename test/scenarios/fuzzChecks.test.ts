import { describe, expect, it } from 'vitest';
import { Simulation, withDefaults } from '../../src/core/index.ts';
import type { Action, ServerState, SimEvent } from '../../src/core/index.ts';
import { fuzzPlan, generateFuzzRun } from '../../src/scenarios/fuzz.ts';
import type { FuzzRunSpec } from '../../src/scenarios/fuzz.ts';
import { runFuzzCheck } from '../../src/scenarios/fuzzCheck.ts';
import {
  FuzzObserver,
  peerIndexProblem,
  stateMachineDigest,
  storeEntries,
} from '../../src/scenarios/fuzzObserver.ts';
import { runFuzzSeed, runTwice } from '../../src/scenarios/fuzzSeed.ts';
import { toRunSetup } from '../../src/scenarios/schema.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';

function scenario(servers: number, actions: Action[]): Scenario {
  return { version: 1, title: 't', seed: 5, config: withDefaults({ servers }), actions };
}

const writes: Action[] = [1, 2, 3, 4].map((k) => ({
  at: 400 + 100 * k,
  do: 'request',
  command: `set x ${k}`,
  client: 1,
}));

/** A 3-server run with a leader and a few committed writes, the observer attached. */
function observedRun(untilMs: number): { sim: Simulation; observer: FuzzObserver } {
  const sim = Simulation.create(toRunSetup(scenario(3, writes)));
  const observer = new FuzzObserver(() => sim.state.servers);
  sim.onEvent = observer.onEvent;
  sim.runUntil(untilMs);
  return { sim, observer };
}

function leaderOf(sim: Simulation): ServerState {
  const leader = sim.state.servers.find((s) => s.role === 'leader');
  if (leader === undefined) throw new Error('no leader');
  return leader;
}

describe('SM-DIGEST: state machines agree index by index', () => {
  it('reads stores held as plain objects, null-prototype objects and Maps alike', () => {
    const plain = { x: '1', y: '2' };
    const bare = Object.assign(Object.create(null) as Record<string, string>, { y: '2', x: '1' });
    const map = new Map([
      ['y', '2'],
      ['x', '1'],
    ]);
    expect(storeEntries(map)).toEqual([
      ['y', '2'],
      ['x', '1'],
    ]);
    const digest = (kv: unknown) => stateMachineDigest({ kv, sessions: {} } as never);
    expect(digest(bare)).toBe(digest(plain));
    expect(digest(map)).toBe(digest(plain));
    expect(digest({ x: '1', y: '3' })).not.toBe(digest(plain));
  });

  it('stays quiet on a healthy run and fires once a follower’s store is corrupted', () => {
    const { sim, observer } = observedRun(600);
    expect(observer.finding).toBeNull();
    const follower = sim.state.servers.find((s) => s.role === 'follower');
    if (follower === undefined) throw new Error('no follower');
    follower.kv['stray'] = 'corrupted';
    sim.runUntil(2_000);
    expect(observer.finding).toMatchObject({
      check: 'SM-DIGEST',
      message: expect.stringMatching(/^state machines differ after applying index \d+: /),
    });
    expect(observer.finding?.servers).toContain(follower.id);
  });
});

describe('ACKED-WRITE: every answered command is in every later leader’s log', () => {
  it('fires when a leader of a later term lacks an acknowledged (client, seq)', () => {
    const { sim, observer } = observedRun(2_000);
    expect(observer.finding).toBeNull();
    const leader = leaderOf(sim);
    expect(leader.log.some((e) => e.client?.seq === 1)).toBe(true);
    // A broken variant: the next leader's log lost C1's first write.
    const next = sim.state.servers.find((s) => s.id !== leader.id) as ServerState;
    next.log = next.log.filter((e) => e.client?.seq !== 1);
    const event: SimEvent = {
      type: 'becomeLeader',
      time: 2_000,
      server: next.id,
      term: leader.term + 1,
    };
    observer.onEvent(event);
    expect(observer.finding).toMatchObject({
      check: 'ACKED-WRITE',
      servers: [next.id],
      message: expect.stringMatching(
        new RegExp(`^S${next.id}, leader of term \\d+, lacks C1's seq 1`),
      ),
    });
  });

  it('does not hold a leader of the same or an earlier term to it', () => {
    const { sim, observer } = observedRun(2_000);
    const leader = leaderOf(sim);
    const next = sim.state.servers.find((s) => s.id !== leader.id) as ServerState;
    next.log = [];
    observer.onEvent({ type: 'becomeLeader', time: 2_000, server: next.id, term: leader.term });
    expect(observer.finding).toBeNull();
  });
});

describe('PEER-INDEX: a leader’s nextIndex and matchIndex stay in range', () => {
  it('names each broken bound', () => {
    const { sim } = observedRun(2_000);
    const leader = leaderOf(sim);
    const last = leader.log.length;
    expect(peerIndexProblem(leader)).toBeNull();
    const broken = (patch: { nextIndex?: number; matchIndex?: number }) => {
      const copy = structuredClone(leader);
      Object.assign(copy.peers[0] as object, patch);
      return peerIndexProblem(copy);
    };
    expect(broken({ nextIndex: 0 })).toMatch(/nextIndex 0 for S\d, outside 1\.\./);
    expect(broken({ nextIndex: last + 2 })).toMatch(/outside 1\.\./);
    expect(broken({ matchIndex: last + 1, nextIndex: last + 1 })).toMatch(/beyond its last index/);
    expect(broken({ matchIndex: 2, nextIndex: 2 })).toMatch(/matchIndex 2 ≥ nextIndex 2/);
  });

  it('fires after a step that leaves a bad nextIndex on a leader', () => {
    const { sim, observer } = observedRun(2_000);
    (leaderOf(sim).peers[0] as { nextIndex: number }).nextIndex = 0;
    observer.afterStep(sim.now);
    expect(observer.finding).toMatchObject({ check: 'PEER-INDEX' });
  });
});

describe('storms: a budget per run, reported as a finding, never a hang', () => {
  it('stops a run with too many messages in flight', () => {
    const s = scenario(5, writes);
    const result = runFuzzCheck(s, { ...fuzzPlan(6_000), maxInFlight: 5 });
    expect(result.failure).toMatchObject({
      kind: 'storm',
      message: expect.stringMatching(
        /^more than 5 messages in flight at \d+ ms .*: a message storm$/,
      ),
    });
  });

  it('stops a run that goes over its step budget', () => {
    const result = runFuzzCheck(scenario(5, []), { ...fuzzPlan(6_000), stepsPerMs: 0.01 });
    expect(result.failure).toMatchObject({
      kind: 'storm',
      message: expect.stringMatching(/^more than 60 steps at \d+ ms/),
    });
    expect(result.stats.virtualMs).toBeLessThan(6_000);
  });

  it('counts the run for the summary', () => {
    const result = runFuzzCheck(scenario(3, writes), fuzzPlan(6_000));
    expect(result.failure).toBeNull();
    expect(result.stats).toMatchObject({ virtualMs: 6_000, commits: 5, livenessChecked: true });
    expect(result.stats.elections).toBeGreaterThanOrEqual(1);
    expect(result.stats.events).toBeGreaterThan(50);
  });
});

describe('--twice: the same seed twice, the first divergence', () => {
  const options = { untilMs: 6_000 };

  it('finds none for a deterministic seed', () => {
    expect(runTwice(() => generateFuzzRun(3, options)).divergence).toBeNull();
    expect(runFuzzSeed(3, { ...options, twice: true }).divergence).toBeNull();
  });

  it('finds the first differing event of an injected divergence', () => {
    let calls = 0;
    const make = (): FuzzRunSpec => {
      const spec = generateFuzzRun(3, options);
      calls += 1;
      if (calls === 1) return spec;
      // The second run is "not deterministic": one more timeout at 1234 ms.
      const actions = [...spec.scenario.actions, { at: 1234, do: 'timeout', server: 1 } as Action];
      actions.sort((a, b) => a.at - b.at);
      return { ...spec, scenario: { ...spec.scenario, actions } };
    };
    const { divergence } = runTwice(make);
    expect(divergence).not.toBeNull();
    expect(divergence?.eventIndex).toBeGreaterThan(0);
    expect(divergence?.first).not.toBe(divergence?.second);
    expect(JSON.parse(divergence?.second ?? '{}')).toMatchObject({ time: 1234 });
  });
});
