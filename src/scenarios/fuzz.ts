/**
 * Random fault schedules for many seeds (RAFT.md SC-49, STYLE.md TigerBeetle): crashes and
 * restarts, partitions and heals, cut and reconnected links, loss and duplication changes, forced
 * timeouts and client requests, all drawn from one seeded PRNG. At 2/3 of the run every fault is
 * healed (restart all, heal, network back to the config), so the last third checks liveness.
 */
import { Prng, withDefaults } from '../core/index.ts';
import type { Action, BugId, ServerId, SimConfig } from '../core/index.ts';
import { fuzzPlan } from './fuzzCheck.ts';
import type { FuzzPlan } from './fuzzCheck.ts';
import type { Scenario } from './schema.ts';

export { checkFuzzRun, fuzzPlan, shrinkFailure, FUZZ_STEPS_PER_MS } from './fuzzCheck.ts';
export type { FuzzFailure, FuzzPlan, ShrunkFailure } from './fuzzCheck.ts';
export { awaitConvergence, convergenceProblem } from './liveness.ts';

export interface FuzzOptions {
  servers: number;
  untilMs: number;
  bugs?: readonly BugId[];
}

type FaultKind =
  | 'request'
  | 'crash'
  | 'restart'
  | 'partition'
  | 'heal'
  | 'cut'
  | 'connect'
  | 'network'
  | 'timeout';

const WEIGHTS: readonly [FaultKind, number][] = [
  ['request', 30],
  ['crash', 8],
  ['restart', 8],
  ['partition', 5],
  ['heal', 4],
  ['cut', 5],
  ['connect', 4],
  ['network', 6],
  ['timeout', 5],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, w]) => sum + w, 0);

/** Pause between two fault-phase actions, ms. */
const GAP_MS: readonly [number, number] = [20, 400];
const MAX_FAULT_ACTIONS = 5_000;
const KEYS = ['x', 'y', 'z'];
const CLIENTS = 3;

/** What the generator knows of the cluster, so it heals exactly what it broke. */
interface Gen {
  rng: Prng;
  config: SimConfig;
  crashed: Set<ServerId>;
  partitioned: boolean;
  cut: Set<string>;
  networkChanged: boolean;
}

function pickKind(rng: Prng): FaultKind {
  let roll = rng.below(TOTAL_WEIGHT);
  for (const [kind, weight] of WEIGHTS) {
    if (roll < weight) return kind;
    roll -= weight;
  }
  return 'request';
}

function randomCommand(rng: Prng): string {
  const key = rng.pick(KEYS);
  switch (rng.below(4)) {
    case 0:
      return `get ${key}`;
    case 1:
      return `del ${key}`;
    case 2:
      return `cas ${key} ${rng.below(5)} ${rng.below(5)}`;
    default:
      return `set ${key} ${rng.below(100)}`;
  }
}

function request(g: Gen, at: number, anyServer: boolean): Action {
  const action: Action = {
    at,
    do: 'request',
    command: randomCommand(g.rng),
    client: g.rng.range(1, CLIENTS),
  };
  if (anyServer && g.rng.chance(1, 2)) action.server = g.rng.range(1, g.config.servers);
  return action;
}

function randomGroups(g: Gen): ServerId[][] {
  const ids = Array.from({ length: g.config.servers }, (_, i) => i + 1);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = g.rng.below(i + 1);
    [ids[i], ids[j]] = [ids[j] as ServerId, ids[i] as ServerId];
  }
  const split = g.rng.range(1, ids.length - 1);
  const byId = (a: number, b: number) => a - b;
  return [ids.slice(0, split).sort(byId), ids.slice(split).sort(byId)];
}

function randomLink(g: Gen): [ServerId, ServerId] {
  const a = g.rng.range(1, g.config.servers);
  const b = ((a - 1 + g.rng.range(1, g.config.servers - 1)) % g.config.servers) + 1;
  return a < b ? [a, b] : [b, a];
}

function networkChange(g: Gen, at: number): Action {
  g.networkChanged = true;
  const low = g.rng.range(1, 30);
  return {
    at,
    do: 'network',
    latencyMs: [low, low + g.rng.range(0, 40)],
    loss: [g.rng.range(0, 3), 10],
    duplication: [g.rng.range(0, 2), 10],
  };
}

/** One fault-phase action, or null when the drawn kind makes no sense now. */
function faultAction(g: Gen, kind: FaultKind, at: number): Action | null {
  const n = g.config.servers;
  const live = Array.from({ length: n }, (_, i) => i + 1).filter((id) => !g.crashed.has(id));
  switch (kind) {
    case 'request':
      return request(g, at, true);
    case 'crash': {
      if (live.length === 0) return null;
      const server = g.rng.pick(live);
      g.crashed.add(server);
      return { at, do: 'crash', server };
    }
    case 'restart': {
      if (g.crashed.size === 0) return null;
      const server = g.rng.pick([...g.crashed].sort((a, b) => a - b));
      g.crashed.delete(server);
      return { at, do: 'restart', server };
    }
    case 'timeout':
      return live.length === 0 ? null : { at, do: 'timeout', server: g.rng.pick(live) };
    case 'partition':
      if (n < 2) return null;
      g.partitioned = true;
      return { at, do: 'partition', groups: randomGroups(g) };
    case 'heal':
      g.partitioned = false;
      g.cut.clear();
      return { at, do: 'heal' };
    case 'cut':
    case 'connect': {
      if (n < 2) return null;
      const link = randomLink(g);
      if (kind === 'cut') g.cut.add(link.join('-'));
      else g.cut.delete(link.join('-'));
      return { at, do: kind, link };
    }
    case 'network':
      return networkChange(g, at);
  }
}

/** Restart everything, heal everything, then a few requests so the new term commits something. */
function healingActions(g: Gen, plan: FuzzPlan): Action[] {
  const at = plan.healAtMs;
  const actions: Action[] = [...g.crashed]
    .sort((a, b) => a - b)
    .map((server) => ({ at, do: 'restart', server }));
  if (g.partitioned || g.cut.size > 0) actions.push({ at, do: 'heal' });
  if (g.networkChanged) {
    const { latencyMs, loss, duplication } = g.config;
    actions.push({ at, do: 'network', latencyMs, loss, duplication });
  }
  for (let k = 1; k <= 3 && at + 200 * k < plan.untilMs; k++)
    actions.push(request(g, at + 200 * k, false));
  return actions;
}

/** The random scenario of one seed: same seed and options, same scenario. */
export function generateFuzzScenario(seed: number, options: FuzzOptions): Scenario {
  const plan = fuzzPlan(options.untilMs);
  const config = withDefaults({ servers: options.servers, bugs: [...(options.bugs ?? [])] });
  const g: Gen = {
    rng: new Prng(seed, 'fuzz'),
    config,
    crashed: new Set(),
    partitioned: false,
    cut: new Set(),
    networkChanged: false,
  };
  const actions: Action[] = [];
  for (
    let at = g.rng.range(...GAP_MS);
    at < plan.healAtMs && actions.length < MAX_FAULT_ACTIONS;
    at += g.rng.range(...GAP_MS)
  ) {
    const action = faultAction(g, pickKind(g.rng), at);
    if (action !== null) actions.push(action);
  }
  actions.push(...healingActions(g, plan));
  return { version: 1, title: `Fuzz seed ${seed}`, seed, config, actions };
}
