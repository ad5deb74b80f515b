/**
 * Random runs for many seeds (the rule catalogue SC-49, our style notes TigerBeetle), swarm style: each seed draws
 * its switches (fuzzSwitches.ts: cluster size, initial voters, PreVote, CheckQuorum, the disruption
 * guard, the no-op, the read mode, batch size, timing, which action kinds and how often), then a
 * fault phase from the action table (fuzzActions.ts: faults, requests, transfers, membership
 * changes), all from one seeded PRNG. At 2/3 of the run every fault is healed (restart all, heal,
 * network and slow links back to the config; the configuration stays as the changes left it), so
 * the last third checks liveness.
 */
import { Prng } from '../core/index.ts';
import type { Action } from '../core/index.ts';
import { ACTION_TABLE, healingRequest } from './fuzzActions.ts';
import type { GenState, SwarmKind } from './fuzzActions.ts';
import { fuzzPlan, livenessWindowMs } from './fuzzCheck.ts';
import type { FuzzPlan } from './fuzzCheck.ts';
import { drawSwitches } from './fuzzSwitches.ts';
import type { FuzzOptions, FuzzSwitches } from './fuzzSwitches.ts';
import { livenessRuledOut, livenessWindowNeeded } from './liveness.ts';
import type { Scenario } from './schema.ts';

export { checkFuzzRun, fuzzPlan, shrinkFailure, FUZZ_STEPS_PER_MS } from './fuzzCheck.ts';
export type { FuzzFailure, FuzzPlan, ShrunkFailure } from './fuzzCheck.ts';
export { awaitConvergence, convergenceProblem, livenessRuledOut } from './liveness.ts';
export { describeSwitches, drawSwitches } from './fuzzSwitches.ts';
export type { FuzzOptions, FuzzSwitches } from './fuzzSwitches.ts';

/** Fault-phase actions per run at most (a scenario holds at most 10,000 actions). */
const MAX_FAULT_ACTIONS = 2_000;

function pickKind(g: GenState, weights: readonly [SwarmKind, number][]): SwarmKind {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let roll = g.rng.below(total);
  for (const [kind, weight] of weights) {
    if (roll < weight) return kind;
    roll -= weight;
  }
  return 'request';
}

/**
 * Restart everything, heal everything, then requests from fresh clients taking turns: three at
 * once and one a second until the end, so whichever leader comes last has a write of its own term (without the no-op it commits
 * nothing of earlier terms until one arrives, the rule catalogue D9).
 */
function healingActions(g: GenState, plan: FuzzPlan): Action[] {
  const at = plan.healAtMs;
  const actions: Action[] = [...g.everCrashed]
    .sort((a, b) => a - b)
    .map((server) => ({ at, do: 'restart', server }));
  if (g.partitionedOrCut) actions.push({ at, do: 'heal' });
  if (g.networkChanged) {
    const { latencyMs, loss, duplication } = g.config;
    actions.push({ at, do: 'network', latencyMs, loss, duplication });
  }
  for (const key of [...g.slowLinks].sort()) {
    const link = key.split('-').map(Number) as [number, number];
    actions.push({ at, do: 'linkLatency', link, latencyMs: null });
  }
  let k = 0;
  for (let i = 1; i <= 3 && at + 200 * i < plan.untilMs; i++)
    actions.push(healingRequest(g, at + 200 * i, k++));
  for (let t = at + 1600; t < plan.untilMs - 1000; t += 1000)
    actions.push(healingRequest(g, t, k++));
  return actions;
}

export interface FuzzRunSpec {
  scenario: Scenario;
  switches: FuzzSwitches;
  plan: FuzzPlan;
}

/** The random run of one seed: same seed and options, same switches and scenario. */
export function generateFuzzRun(seed: number, options: FuzzOptions): FuzzRunSpec {
  const base = fuzzPlan(options.untilMs);
  const switches = drawSwitches(new Prng(seed, 'fuzz/switches'), options);
  const g: GenState = {
    rng: new Prng(seed, 'fuzz'),
    config: switches.config,
    healAtMs: base.healAtMs,
    clients: switches.clients,
    extraGetsPct: switches.extraGetsPct,
    shortPartitions: switches.shortPartitions,
    isolateOneIn: switches.isolateOneIn,
    faultLossPctMax: switches.faultLossPctMax,
    faultDuplicationPctMax: switches.faultDuplicationPctMax,
    crashed: new Set(),
    everCrashed: new Set(),
    partitionedOrCut: false,
    cut: new Set(),
    networkChanged: false,
    slowLinks: new Set(),
  };
  const faults: Action[] = [];
  const [gapMin, gapMax] = switches.gapMs;
  for (
    let at = g.rng.range(gapMin, gapMax);
    at < base.healAtMs && faults.length < MAX_FAULT_ACTIONS;
    at += g.rng.range(gapMin, gapMax)
  ) {
    faults.push(...ACTION_TABLE[pickKind(g, switches.weights)].draw(g, at));
  }
  // Stable: a follow-up (a short partition's heal) lands after whatever is drawn before it.
  const actions = faults
    .map((a, i) => ({ a, i }))
    .sort((x, y) => x.a.at - y.a.at || x.i - y.i)
    .map(({ a }) => a);
  // The healing adds no removal: the window the run needs is known from its faults.
  const needed = livenessWindowNeeded(switches.config, actions);
  const plan = typeof needed === 'number' ? fuzzPlan(options.untilMs, needed) : base;
  actions.push(...healingActions(g, plan));
  const ruledOut = livenessRuledOut(switches.config, livenessWindowMs(plan), actions);
  switches.livenessRuledOut = ruledOut;
  switches.livenessChecked = ruledOut === null;
  const scenario: Scenario = {
    version: 1,
    title: `Fuzz seed ${seed}`,
    seed,
    config: switches.config,
    actions,
  };
  return { scenario, switches, plan };
}

/** The scenario alone (tests and callers that need no switches). */
export function generateFuzzScenario(seed: number, options: FuzzOptions): Scenario {
  return generateFuzzRun(seed, options).scenario;
}
