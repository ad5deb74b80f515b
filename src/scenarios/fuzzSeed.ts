/**
 * One seed of a fuzz campaign, start to finish: draw the run, check it, shrink a failure; with
 * `twice`, run it a second time and report the first event where the two runs differ (a broken
 * determinism contract, the design notes). Pure, so a worker thread or a test calls it the same way.
 */
import { Simulation } from '../core/index.ts';
import { generateFuzzRun } from './fuzz.ts';
import type { FuzzRunSpec } from './fuzz.ts';
import { runFuzzCheck, shrinkFailure } from './fuzzCheck.ts';
import type { FuzzFailure, FuzzRunResult, FuzzRunStats, ShrunkFailure } from './fuzzCheck.ts';
import type { FuzzOptions } from './fuzzSwitches.ts';
import { toRunSetup } from './schema.ts';

/** Shrinking attempts per failure (a storm's runs are long: fewer). */
const SHRINK_ATTEMPTS = 150;
const SHRINK_ATTEMPTS_STORM = 25;

export interface Divergence {
  /** Index of the first event that differs (0-based), or -1 when only the outcomes differ. */
  eventIndex: number;
  first: string;
  second: string;
  traceHashes: [string, string];
}

export interface FuzzSeedOutcome {
  seed: number;
  spec: FuzzRunSpec;
  stats: FuzzRunStats;
  failure: FuzzFailure | null;
  shrunk: ShrunkFailure | null;
  divergence: Divergence | null;
}

export interface FuzzSeedOptions extends FuzzOptions {
  twice?: boolean;
  shrink?: boolean;
}

/** Every event of a run of `spec`, as JSON lines (only called once two runs are known to differ). */
function eventLines(spec: FuzzRunSpec): string[] {
  const sim = Simulation.create(toRunSetup(spec.scenario));
  const lines: string[] = [];
  sim.onEvent = (e) => void lines.push(JSON.stringify(e));
  sim.runUntil(spec.plan.untilMs, 50 * spec.plan.untilMs);
  return lines;
}

/** Where two runs part: the first differing event, else the outcomes. */
export function findDivergence(
  a: FuzzRunSpec,
  b: FuzzRunSpec,
  hashes: [string, string],
  outcomes: [string, string],
): Divergence {
  const first = eventLines(a);
  const second = eventLines(b);
  const length = Math.max(first.length, second.length);
  for (let i = 0; i < length; i++) {
    if (first[i] !== second[i])
      return {
        eventIndex: i,
        first: first[i] ?? '(no event)',
        second: second[i] ?? '(no event)',
        traceHashes: hashes,
      };
  }
  return { eventIndex: -1, first: outcomes[0], second: outcomes[1], traceHashes: hashes };
}

/**
 * Runs what `make` draws twice and compares trace hashes and outcomes. `make` is called once per
 * run, so a generator that is not deterministic is caught as well as a core that is not.
 */
export function runTwice(make: () => FuzzRunSpec): {
  spec: FuzzRunSpec;
  result: FuzzRunResult;
  divergence: Divergence | null;
} {
  const spec = make();
  const result = runFuzzCheck(spec.scenario, spec.plan);
  const again = make();
  const second = runFuzzCheck(again.scenario, again.plan);
  const outcomes: [string, string] = [
    JSON.stringify({ failure: result.failure, stats: result.stats }),
    JSON.stringify({ failure: second.failure, stats: second.stats }),
  ];
  const same =
    result.traceHash === second.traceHash &&
    outcomes[0] === outcomes[1] &&
    JSON.stringify(spec.scenario) === JSON.stringify(again.scenario);
  if (same) return { spec, result, divergence: null };
  const hashes: [string, string] = [result.traceHash, second.traceHash];
  return { spec, result, divergence: findDivergence(spec, again, hashes, outcomes) };
}

export function runFuzzSeed(seed: number, options: FuzzSeedOptions): FuzzSeedOutcome {
  const make = () => generateFuzzRun(seed, options);
  const { spec, result, divergence } =
    options.twice === true
      ? runTwice(make)
      : (() => {
          const s = make();
          return { spec: s, result: runFuzzCheck(s.scenario, s.plan), divergence: null };
        })();
  const { failure, stats } = result;
  let shrunk: ShrunkFailure | null = null;
  if (failure !== null && options.shrink !== false) {
    const attempts = failure.kind === 'storm' ? SHRINK_ATTEMPTS_STORM : SHRINK_ATTEMPTS;
    shrunk = shrinkFailure(spec.scenario, failure, spec.plan, attempts);
  }
  return { seed, spec, stats, failure, shrunk, divergence };
}
