/**
 * One fuzz run checked end to end (the rule catalogue SC-49): every core invariant and the fuzzer's own checks
 * (fuzzObserver.ts) after every step while the faults last, then, once they are healed, liveness
 * (awaitConvergence) when the timing allows it; at the end, the linearizability of the clients'
 * history (INV-C2); a bounded amount of work, so a message storm is a
 * finding and never a hang; and the greedy shrinking of a failing run to the fewest actions that
 * still fail the same way.
 */
import { Simulation } from '../core/index.ts';
import type { ServerId } from '../core/index.ts';
import { checkLinearizable, linearizabilityViolations } from '../core/linearizability.ts';
import { FuzzObserver } from './fuzzObserver.ts';
import type { ExtraCheckId } from './fuzzObserver.ts';
import {
  catchUpProblem,
  convergenceProblem,
  leaderAndMembers,
  livenessExpected,
} from './liveness.ts';
import { toRunSetup } from './schema.ts';
import type { Scenario } from './schema.ts';
import { shrinkList } from './shrink.ts';

/**
 * Queue items a run may process per virtual ms, at the least. The budget grows with what the
 * config asks of the network (see stepBudgetPerMs); going over it means messages multiply.
 */
export const FUZZ_STEPS_PER_MS = 3;
/** Messages in flight at once beyond which a run is a storm (healthy runs stay in the hundreds). */
export const FUZZ_MAX_IN_FLIGHT = 20_000;

/** When the faults end, when the liveness window ends, and how much work a run may do. */
export interface FuzzPlan {
  healAtMs: number;
  untilMs: number;
  /** Queue items per virtual ms (see FUZZ_STEPS_PER_MS); the budget is this times untilMs. */
  stepsPerMs?: number;
  /** Messages in flight at most (see FUZZ_MAX_IN_FLIGHT). */
  maxInFlight?: number;
}

/**
 * The plan of a run of `untilMs`: the faults for its first two thirds, the heal, then the last
 * third to converge. A run whose switches need a longer window to converge (liveness.ts
 * livenessWindowNeeded: slow timeouts, a client search without the no-op, a second election after
 * a removal) gets it, up to LIVENESS_WINDOW_STRETCH times the last third, so that liveness is
 * checked on it rather than given up.
 */
export function fuzzPlan(untilMs: number, neededWindowMs = 0): FuzzPlan {
  const healAtMs = Math.floor((untilMs * 2) / 3);
  const lastThird = untilMs - healAtMs;
  const stretched =
    neededWindowMs > lastThird && neededWindowMs <= LIVENESS_WINDOW_STRETCH * lastThird;
  return { healAtMs, untilMs: stretched ? healAtMs + neededWindowMs : untilMs };
}

/** How many times the last third a run's liveness window may be stretched to (see fuzzPlan). */
export const LIVENESS_WINDOW_STRETCH = 3;

/** How long the healed cluster has to converge. */
export function livenessWindowMs(plan: FuzzPlan): number {
  return plan.untilMs - plan.healAtMs;
}

/**
 * A healthy run's load: each leader-follower pair exchanges a request and an answer per
 * heartbeat or RPC timeout (duplication up to 50% adds half again), elections and clients a
 * little more; the budget allows eight times that.
 */
export function stepBudgetPerMs(scenario: Scenario): number {
  const { servers, heartbeatMs, rpcTimeoutMs } = scenario.config;
  const period = Math.max(1, Math.min(heartbeatMs, rpcTimeoutMs));
  return Math.max(FUZZ_STEPS_PER_MS, Math.ceil((8 * 3 * servers) / period));
}

export type FuzzFailure =
  | { kind: 'violation'; invariant: string; timeMs: number; servers: ServerId[]; message: string }
  | { kind: 'check'; check: ExtraCheckId; timeMs: number; servers: ServerId[]; message: string }
  | { kind: 'liveness'; timeMs: number; message: string }
  | { kind: 'storm'; timeMs: number; message: string };

export interface FuzzRunStats {
  virtualMs: number;
  events: number;
  elections: number;
  commits: number;
  /** Whether liveness was checked (see livenessRuledOut: timing, disruptive removals). */
  livenessChecked: boolean;
  /**
   * The linearizability check of the clients' history (INV-C2): `inconclusive` when its search
   * budget ran out on a key (not a failure), `unchecked` when the run failed before its end.
   */
  linearizability: 'ok' | 'violation' | 'inconclusive' | 'unchecked';
}

export interface FuzzRunResult {
  failure: FuzzFailure | null;
  stats: FuzzRunStats;
  traceHash: string;
}

interface Run {
  sim: Simulation;
  observer: FuzzObserver;
  stepLimit: number;
  maxInFlight: number;
}

function firstViolation(sim: Simulation): FuzzFailure | null {
  const v = sim.violations[0];
  if (v === undefined) return null;
  const { invariant, time, servers, message } = v;
  return { kind: 'violation', invariant, timeMs: time, servers: [...servers], message };
}

/** What is wrong after the last step, if anything: the first finding wins. */
function afterStep(run: Run): FuzzFailure | null {
  const { sim, observer } = run;
  const violation = firstViolation(sim);
  if (violation !== null) return violation;
  observer.afterStep(sim.now);
  if (observer.finding !== null) return { kind: 'check', ...observer.finding };
  const inFlight = sim.state.network.inFlight.length;
  if (inFlight > run.maxInFlight || sim.state.steps > run.stepLimit) {
    const why =
      inFlight > run.maxInFlight
        ? `more than ${run.maxInFlight} messages in flight`
        : `more than ${run.stepLimit} steps`;
    const message = `${why} at ${sim.now} ms (${inFlight} in flight, ${sim.state.steps} steps): a message storm`;
    return { kind: 'storm', timeMs: sim.now, message };
  }
  return null;
}

/** Steps through every item up to `t`, checking after each; then sets the clock to `t`. */
function advance(run: Run, t: number): FuzzFailure | null {
  const { sim } = run;
  for (;;) {
    const next = sim.nextEventTime();
    if (next === null || next > t) break;
    sim.step();
    const failure = afterStep(run);
    if (failure !== null) return failure;
  }
  sim.runUntil(t, 0);
  return null;
}

/** The leader liveness is judged by (liveness.ts leaderAndMembers), if any. */
function topLeader(sim: Simulation): { id: number; term: number; logLength: number } | null {
  const found = leaderAndMembers(sim.state.servers);
  if (typeof found === 'string') return null;
  const { id, term, log } = found.leader;
  return { id, term, logLength: log.length };
}

/**
 * Polls every 10 ms after the heal until the servers converge (convergenceProblem), or, under a
 * workload that never pauses, until every live server has committed what the leader held when it
 * was first seen (catchUpProblem). Null when either happens in time.
 */
function awaitLiveness(run: Run, plan: FuzzPlan): FuzzFailure | null {
  const { sim } = run;
  let target: { id: number; term: number; logLength: number } | null = null;
  for (;;) {
    const reason = convergenceProblem(sim.state.servers);
    if (reason === null) return null;
    const leader = topLeader(sim);
    if (
      leader !== null &&
      (target === null || target.id !== leader.id || target.term !== leader.term)
    )
      target = leader;
    const catchUp = target === null ? reason : catchUpProblem(sim.state.servers, target.logLength);
    if (catchUp === null) return null;
    if (sim.now >= plan.untilMs) {
      const message = `not converged ${plan.untilMs - plan.healAtMs} ms after the heal at ${plan.healAtMs} ms: ${catchUp}`;
      return { kind: 'liveness', timeMs: sim.now, message };
    }
    const failure = advance(run, Math.min(sim.now + 10, plan.untilMs));
    if (failure !== null) return failure;
  }
}

function runChecked(run: Run, plan: FuzzPlan, livenessChecked: boolean): FuzzFailure | null {
  const early = advance(run, plan.healAtMs);
  if (early !== null) return early;
  if (livenessChecked) {
    const live = awaitLiveness(run, plan);
    if (live !== null && live.kind !== 'liveness') return live;
    const late = advance(run, plan.untilMs);
    return late ?? live;
  }
  return advance(run, plan.untilMs);
}

/**
 * INV-C2 over the history of a run that reached its end: a key whose answers no sequential order
 * explains is a violation, reported at the time its first unexplainable answer arrived.
 */
function linearizabilityCheck(observer: FuzzObserver): {
  status: FuzzRunStats['linearizability'];
  failure: FuzzFailure | null;
} {
  const result = checkLinearizable(observer.history.history());
  const v = linearizabilityViolations(result)[0];
  if (v === undefined) return { status: result.status, failure: null };
  const { invariant, time, servers, message } = v;
  return {
    status: 'violation',
    failure: { kind: 'violation', invariant, timeMs: time, servers: [...servers], message },
  };
}

/**
 * Runs a scenario under a fuzz plan: safety and the extra checks all along, liveness after the
 * heal, linearizability at the end (a violation of it comes before a liveness failure).
 */
export function runFuzzCheck(scenario: Scenario, plan: FuzzPlan): FuzzRunResult {
  const sim = Simulation.create(toRunSetup(scenario));
  const observer = new FuzzObserver(() => sim.state.servers);
  sim.onEvent = observer.onEvent;
  const run: Run = {
    sim,
    observer,
    stepLimit: (plan.stepsPerMs ?? stepBudgetPerMs(scenario)) * plan.untilMs,
    maxInFlight: plan.maxInFlight ?? FUZZ_MAX_IN_FLIGHT,
  };
  const livenessChecked = livenessExpected(
    scenario.config,
    livenessWindowMs(plan),
    scenario.actions,
  );
  let failure = runChecked(run, plan, livenessChecked);
  let linearizability: FuzzRunStats['linearizability'] = 'unchecked';
  if (failure === null || failure.kind === 'liveness') {
    const lin = linearizabilityCheck(observer);
    linearizability = lin.status;
    failure = lin.failure ?? failure;
  }
  const stats: FuzzRunStats = {
    virtualMs: sim.now,
    events: sim.state.trace.events,
    elections: observer.counters.elections,
    commits: observer.counters.commits,
    livenessChecked,
    linearizability,
  };
  return { failure, stats, traceHash: sim.traceHash };
}

/** The failure of a run, or null (the form shrinking and older callers use). */
export function checkFuzzRun(scenario: Scenario, plan: FuzzPlan): FuzzFailure | null {
  return runFuzzCheck(scenario, plan).failure;
}

function sameFailure(a: FuzzFailure, b: FuzzFailure | null): boolean {
  if (b === null || a.kind !== b.kind) return false;
  if (a.kind === 'violation') return b.kind === 'violation' && a.invariant === b.invariant;
  if (a.kind === 'check') return b.kind === 'check' && a.check === b.check;
  return true;
}

export interface ShrunkFailure {
  scenario: Scenario;
  failure: FuzzFailure;
  attempts: number;
}

/**
 * The failing scenario with as few actions as greedy removal finds, failing the same way (the same
 * invariant or check, liveness again, a storm again). For liveness the healing actions stay, or
 * any crash would "fail".
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
