/**
 * Sends and deliveries are hashed but not made into event objects unless a listener (onEvent)
 * is set, and the checker is not given them (sim.ts). A run nobody listens to must still end on
 * the same trace hash and find exactly the same violations as the same run listened to.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/core/index.ts';
import { BUG_IDS } from '../../src/core/types.ts';
import { generateFuzzRun } from '../../src/scenarios/fuzz.ts';
import { toRunSetup } from '../../src/scenarios/schema.ts';

function outcome(seed: number, listened: boolean) {
  const bug = BUG_IDS[seed % BUG_IDS.length] as (typeof BUG_IDS)[number];
  const spec = generateFuzzRun(seed, {
    untilMs: 15_000,
    bugs: [bug],
    everyFeature: seed % 2 === 0,
  });
  const sim = Simulation.create(toRunSetup(spec.scenario));
  let events = 0;
  if (listened) sim.onEvent = () => (events += 1);
  sim.runUntil(15_000);
  return {
    hash: sim.traceHash,
    count: sim.state.trace.events,
    violations: sim.violations.map((v) => `${v.time} ${v.invariant} ${v.message}`),
    events,
  };
}

describe('a run nobody listens to', () => {
  it('ends on the same trace hash and finds the same violations as when listened to', () => {
    let found = 0;
    for (let seed = 1; seed <= 2 * BUG_IDS.length; seed++) {
      const quiet = outcome(seed, false);
      const heard = outcome(seed, true);
      // The listener heard every event the hash counted, sends and deliveries included.
      expect(heard.events).toBe(heard.count);
      expect({ seed, ...quiet, events: 0 }).toEqual({ seed, ...heard, events: 0 });
      found += quiet.violations.length;
    }
    expect(found).toBeGreaterThan(20);
  });
});
