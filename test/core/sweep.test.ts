/**
 * The seed sweep (the rule catalogue SC-49): a few hundred seeds of random crashes, restarts, partitions, cut
 * links, loss, duplication and client load with every invariant checked after every event; then
 * the faults are healed and the cluster must elect a leader and converge (a liveness check).
 */
import { describe, expect, it } from 'vitest';
import { checkFuzzRun, fuzzPlan, generateFuzzScenario } from '../../src/scenarios/fuzz.ts';

const SEEDS = 300;
const UNTIL_MS = 15_000;

describe('seed sweep', () => {
  it(`${SEEDS} seeds with faults: no invariant violated, and the healed cluster converges`, () => {
    const failures: string[] = [];
    let actions = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const servers = [3, 5, 7, 4, 9][seed % 5] ?? 5;
      const scenario = generateFuzzScenario(seed, { servers, untilMs: UNTIL_MS });
      actions += scenario.actions.length;
      const failure = checkFuzzRun(scenario, fuzzPlan(UNTIL_MS));
      if (failure !== null) failures.push(`seed ${seed} (${servers} servers): ${failure.message}`);
    }
    expect(failures).toEqual([]);
    // The generator really produced faults to survive, not an idle cluster.
    expect(actions / SEEDS).toBeGreaterThan(20);
  });

  it('100 seeds with PreVote and CheckQuorum on: safe, and the healed cluster converges', () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 100; seed++) {
      const servers = [3, 5, 7][seed % 3] ?? 5;
      const base = generateFuzzScenario(seed, { servers, untilMs: UNTIL_MS });
      const scenario = { ...base, config: { ...base.config, preVote: true, checkQuorum: true } };
      const failure = checkFuzzRun(scenario, fuzzPlan(UNTIL_MS));
      if (failure !== null) failures.push(`seed ${seed} (${servers} servers): ${failure.message}`);
    }
    expect(failures).toEqual([]);
  });

  it('the same sweep finds a teaching bug (BUG-NOUPTODATE) within a few dozen seeds', () => {
    let found: string | null = null;
    for (let seed = 1; seed <= 200 && found === null; seed++) {
      const scenario = generateFuzzScenario(seed, {
        servers: 3,
        untilMs: UNTIL_MS,
        bugs: ['BUG-NOUPTODATE'],
      });
      const failure = checkFuzzRun(scenario, fuzzPlan(UNTIL_MS));
      if (failure?.kind === 'violation') found = failure.invariant;
    }
    expect(found).not.toBeNull();
  });
});
