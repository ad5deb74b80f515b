/**
 * One fuzz run checked end to end (RAFT.md SC-49): every invariant after every event while the
 * faults last, then, once they are healed, liveness (awaitConvergence); a bounded amount of work;
 * and the greedy shrinking of a failing run to the fewest actions that still fail the same way.
 */
import { Simulation } from '../core/index.ts';
import type { ServerId } from '../core/index.ts';
import { awaitConvergence } from './liveness.ts';
import { toRunSetup } from './schema.ts';
import type { Scenario } from './schema.ts';
import { shrinkList } from './shrink.ts';

/**
 * Queue items a run may process per virtual ms. Healthy runs of this generator need at most 0.6
 * (9 servers; 0.3 for 5), so hitting the limit means messages multiply without end (a storm): a
 * failure too, and the limit keeps one bad seed from running for hours.
 */
export const FUZZ_STEPS_PER_MS = 3;

/** When the faults end, when the liveness window ends, and how much work a run may do. */
export interface FuzzPlan {
  healAtMs: number;
  untilMs: number;
  /** Queue items the whole run may process (see FUZZ_STEPS_PER_MS). */
  stepLimit: number;
}

export function fuzzPlan(untilMs: number): FuzzPlan {
  return {
    healAtMs: Math.floor((untilMs * 2) / 3),
    untilMs,
    stepLimit: FUZZ_STEPS_PER_MS * untilMs,
  };
}

export type FuzzFailure =
  | { kind: 'violation'; invariant: string; timeMs: number; servers: ServerId[]; message: string }
  | { kind: 'liveness'; timeMs: number; message: string }
  | { kind: 'steps'; timeMs: number; message: string };

function firstViolation(sim: Simulation): FuzzFailure | null {
  const v = sim.violations[0];
  if (v === undefined) return null;
  return {
    kind: 'violation',
    invariant: v.invariant,
    timeMs: v.time,
    servers: [...v.servers],
    message: v.message,
  };
}

function outOfSteps(sim: Simulation, stepLimit: number): FuzzFailure {
  const inFlight = sim.state.network.inFlight.length;
  const message = `more than ${stepLimit} steps by ${sim.now} ms, ${inFlight} messages in flight (a message storm?)`;
  return firstViolation(sim) ?? { kind: 'steps', timeMs: sim.now, message };
}

/** Runs a scenario under a fuzz plan: safety all along, then liveness after the heal. */
export function checkFuzzRun(scenario: Scenario, plan: FuzzPlan): FuzzFailure | null {
  const sim = Simulation.create(toRunSetup(scenario));
  const { stepLimit } = plan;
  if (!sim.runUntil(plan.healAtMs, stepLimit)) return outOfSteps(sim, stepLimit);
  const early = firstViolation(sim);
  if (early !== null) return early;
  const live = awaitConvergence(sim, plan.untilMs, 10, stepLimit);
  if (!live.ok && live.outOfSteps) return outOfSteps(sim, stepLimit);
  if (!sim.runUntil(plan.untilMs, stepLimit - sim.state.steps)) return outOfSteps(sim, stepLimit);
  const late = firstViolation(sim);
  if (late !== null || live.ok) return late;
  const message = `not converged ${plan.untilMs - plan.healAtMs} ms after the heal at ${plan.healAtMs} ms: ${live.reason}`;
  return { kind: 'liveness', timeMs: live.atMs, message };
}

function sameFailure(a: FuzzFailure, b: FuzzFailure | null): boolean {
  if (b === null || a.kind !== b.kind) return false;
  return a.kind !== 'violation' || (b.kind === 'violation' && a.invariant === b.invariant);
}

export interface ShrunkFailure {
  scenario: Scenario;
  failure: FuzzFailure;
  attempts: number;
}

/**
 * The failing scenario with as few actions as greedy removal finds, failing the same way (the same
 * invariant, or liveness again). For liveness the healing actions stay, or any crash would "fail".
 */
export function shrinkFailure(
  scenario: Scenario,
  failure: FuzzFailure,
  plan: FuzzPlan,
  maxAttempts = 200,
): ShrunkFailure {
  let last: { scenario: Scenario; failure: FuzzFailure } = { scenario, failure };
  const shrunk = shrinkList(scenario.actions, {
    maxAttempts,
    keep: (a) => failure.kind === 'liveness' && a.at >= plan.healAtMs,
    stillFails: (actions) => {
      const candidate = { ...scenario, actions };
      const found = checkFuzzRun(candidate, plan);
      if (!sameFailure(failure, found) || found === null) return false;
      last = { scenario: candidate, failure: found };
      return true;
    },
  });
  const final = last.scenario.actions === shrunk.items ? last : { scenario, failure };
  return { ...final, attempts: shrunk.attempts };
}
