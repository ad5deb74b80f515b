/**
 * The fuzzer's action table: one entry per action kind of the core (`Action['do']`), each with
 * its swarm weights and one function that draws an action of that kind. The table is a record
 * over every kind but those listed in NOT_IN_SWARM_YET, so a new kind in the core does not compile
 * until it is either drawn or listed there (the list is empty now: every kind is drawn).
 */
import type { Action, ActionKind, MessageType, ServerId, SimConfig } from '../core/index.ts';
import type { Prng } from '../core/index.ts';

/** What a draw function may read and update while the fault phase is generated. */
export interface GenState {
  rng: Prng;
  config: SimConfig;
  /** When the fault phase ends: nothing a draw function returns may be at or after it. */
  healAtMs: number;
  clients: number;
  /** Share of requests that are `get` on top of the usual mix, in percent (a read-heavy workload). */
  extraGetsPct: number;
  /** Partitions heal on their own after a short while (a swarm switch). */
  shortPartitions: boolean;
  /** Share of partitions that cut one server off alone (a leader, often enough, with its writes). */
  isolateOneIn: number;
  /** Highest loss and duplication a network change may set, in percent. */
  faultLossPctMax: number;
  faultDuplicationPctMax: number;
  crashed: Set<ServerId>;
  /** Everything the healing actions must undo. */
  everCrashed: Set<ServerId>;
  partitionedOrCut: boolean;
  cut: Set<string>;
  networkChanged: boolean;
  slowLinks: Set<string>;
}

/** Draws actions at `at` (sometimes a follow-up a little later), or none when the kind has no sense now. */
type Draw = (g: GenState, at: number) => Action[];

export interface ActionEntry {
  /** Largest weight the swarm gives the kind in a seed that switches it on. */
  weightMax: number;
  /** The same when a teaching bug is hunted (the schedules that expose bugs need more of it). */
  huntWeightMax: number;
  /** Every seed has it (requests: without a workload there is nothing to check). */
  always?: true;
  draw: Draw;
}

const KEYS = ['x', 'y', 'z'];
export const COMMAND_OPS = ['set', 'get', 'del', 'incr', 'cas'] as const;
const MESSAGE_TYPES: readonly MessageType[] = [
  'RequestVote',
  'RequestVoteReply',
  'AppendEntries',
  'AppendEntriesReply',
  'ClientRequest',
  'ClientReply',
];

function serverIds(g: GenState): ServerId[] {
  return Array.from({ length: g.config.servers }, (_, i) => i + 1);
}

function liveServers(g: GenState): ServerId[] {
  return serverIds(g).filter((id) => !g.crashed.has(id));
}

function randomCommand(rng: Prng, extraGetsPct = 0): string {
  const key = rng.pick(KEYS);
  const op = extraGetsPct > 0 && rng.below(100) < extraGetsPct ? 'get' : rng.pick(COMMAND_OPS);
  switch (op) {
    case 'set':
      return `set ${key} ${rng.below(10)}`;
    case 'cas':
      return `cas ${key} ${rng.below(4)} ${rng.below(10)}`;
    default:
      return `${op} ${key}`;
  }
}

/** A request from one of the seed's clients, to a server of its choice or to the one it picks. */
export function drawRequest(g: GenState, at: number): Action {
  const action: Action = {
    at,
    do: 'request',
    command: randomCommand(g.rng, g.extraGetsPct),
    client: g.rng.range(1, g.clients),
  };
  if (g.rng.chance(1, 3)) action.server = g.rng.range(1, g.config.servers);
  return action;
}

/** Fresh clients of the liveness phase, taking turns (at most this many; MAX_CLIENTS is 9). */
export const HEALING_CLIENTS = 3;

/**
 * The k-th request of the liveness phase, from fresh clients taking turns: the fault phase's
 * clients may wait out a long client timeout behind a request lost in the faults, and so may one
 * healing client whose request is lost (a client timeout may be longer than the liveness window).
 * Without the no-op, a read by ReadIndex or lease waits for a write of the leader's term (C-4
 * step 1), so those runs heal with writes only: the write is what lets the cluster converge.
 */
export function healingRequest(g: GenState, at: number, k: number): Action {
  const client = g.clients + 1 + (k % HEALING_CLIENTS);
  const readsWait = !g.config.noopOnElection && g.config.reads !== 'log';
  let command = randomCommand(g.rng);
  while (readsWait && command.startsWith('get ')) command = randomCommand(g.rng);
  return { at, do: 'request', command, client };
}

function randomLink(g: GenState): [ServerId, ServerId] {
  const n = g.config.servers;
  const a = g.rng.range(1, n);
  const b = ((a - 1 + g.rng.range(1, n - 1)) % n) + 1;
  return a < b ? [a, b] : [b, a];
}

/** Two or three groups (each non-empty), every server in one. */
function randomGroups(g: GenState): ServerId[][] {
  const n = g.config.servers;
  const ids = serverIds(g);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = g.rng.below(i + 1);
    [ids[i], ids[j]] = [ids[j] as ServerId, ids[i] as ServerId];
  }
  if (g.isolateOneIn > 0 && g.rng.chance(1, g.isolateOneIn)) {
    const [alone, ...rest] = ids as [ServerId, ...ServerId[]];
    return [[alone], rest.sort((a, b) => a - b)];
  }
  const count = n >= 3 && g.rng.chance(1, 3) ? 3 : 2;
  const groups: ServerId[][] = Array.from({ length: count }, () => []);
  ids.forEach((id, i) => (groups[i < count ? i : g.rng.below(count)] as ServerId[]).push(id));
  return groups.map((group) => group.sort((a, b) => a - b));
}

function crash(g: GenState, at: number): Action[] {
  const live = liveServers(g);
  if (live.length === 0) return [];
  const server = g.rng.pick(live);
  g.crashed.add(server);
  g.everCrashed.add(server);
  return [{ at, do: 'crash', server }];
}

function restart(g: GenState, at: number): Action[] {
  if (g.crashed.size === 0) return [];
  const server = g.rng.pick([...g.crashed].sort((a, b) => a - b));
  g.crashed.delete(server);
  return [{ at, do: 'restart', server }];
}

function timeout(g: GenState, at: number): Action[] {
  const live = liveServers(g);
  return live.length === 0 ? [] : [{ at, do: 'timeout', server: g.rng.pick(live) }];
}

/** A pinned next timeout: very short (a quick candidate), in range, or long (a sleepy one). */
function nextTimeout(g: GenState, at: number): Action[] {
  const [min, max] = g.config.electionTimeoutMs;
  const band = g.rng.below(3);
  const ms =
    band === 0
      ? g.rng.range(1, Math.max(1, min >> 1))
      : band === 1
        ? g.rng.range(min, max)
        : g.rng.range(max, 3 * max);
  return [{ at, do: 'nextTimeout', server: g.rng.range(1, g.config.servers), ms }];
}

/** A partition, which with short partitions heals itself within a few election timeouts. */
function partition(g: GenState, at: number): Action[] {
  if (g.config.servers < 2) return [];
  g.partitionedOrCut = true;
  const actions: Action[] = [{ at, do: 'partition', groups: randomGroups(g) }];
  if (g.shortPartitions) {
    const [min, max] = g.config.electionTimeoutMs;
    const healAt = at + g.rng.range(min >> 1, 3 * max);
    if (healAt < g.healAtMs) actions.push({ at: healAt, do: 'heal' });
  }
  return actions;
}

function heal(g: GenState, at: number): Action[] {
  g.cut.clear();
  return [{ at, do: 'heal' }];
}

function cut(g: GenState, at: number): Action[] {
  if (g.config.servers < 2) return [];
  const link = randomLink(g);
  g.partitionedOrCut = true;
  g.cut.add(link.join('-'));
  return [{ at, do: 'cut', link }];
}

/** Mostly a link that is cut, else any link (a no-op the core must take calmly). */
function connect(g: GenState, at: number): Action[] {
  if (g.config.servers < 2) return [];
  const cutLinks = [...g.cut].sort();
  const link: [ServerId, ServerId] =
    cutLinks.length > 0 && g.rng.chance(3, 4)
      ? (g.rng.pick(cutLinks).split('-').map(Number) as [ServerId, ServerId])
      : randomLink(g);
  g.cut.delete(link.join('-'));
  return [{ at, do: 'connect', link }];
}

/**
 * Drop by id: the generator cannot know ids, so it aims at the ids likely in flight at `at` from
 * a rough message rate (a leader's AppendEntries and their answers); a miss is a harmless no-op.
 */
function drop(g: GenState, at: number): Action[] {
  const { servers, heartbeatMs, rpcTimeoutMs, latencyMs } = g.config;
  const perMs = (2 * Math.max(1, servers - 1)) / Math.max(1, Math.min(heartbeatMs, rpcTimeoutMs));
  const sent = Math.max(1, Math.round(at * perMs));
  const inFlight = Math.max(1, Math.round(perMs * (latencyMs[1] + 1)));
  const message = Math.max(1, sent - g.rng.below(Math.min(0x200000, inFlight * 3)));
  return [{ at, do: 'drop', message }];
}

function endpoint(g: GenState): number {
  return g.rng.chance(1, 6) ? -g.rng.range(1, g.clients) : g.rng.range(1, g.config.servers);
}

function dropInFlight(g: GenState, at: number): Action[] {
  const action: Action = { at, do: 'dropInFlight' };
  if (g.rng.chance(2, 3)) action.type = g.rng.pick(MESSAGE_TYPES);
  if (g.rng.chance(1, 2)) action.from = endpoint(g);
  if (g.rng.chance(1, 2)) action.to = endpoint(g);
  return [action];
}

function percent(g: GenState, maxPct: number): [number, number] {
  return [g.rng.range(0, maxPct), 100];
}

/** Network weather: latency, loss and duplication, each changed or kept. */
function network(g: GenState, at: number): Action[] {
  g.networkChanged = true;
  const action: Action = { at, do: 'network' };
  if (g.rng.chance(2, 3)) {
    const [, max] = g.config.electionTimeoutMs;
    const low = g.rng.range(0, max >> 2);
    action.latencyMs = [low, low + g.rng.range(0, max >> 1)];
  }
  if (g.rng.chance(2, 3)) action.loss = percent(g, g.faultLossPctMax);
  if (g.rng.chance(1, 2)) action.duplication = percent(g, g.faultDuplicationPctMax);
  return [action];
}

/** One slow link (up to twice the longest election timeout: old answers arrive terms late). */
function linkLatency(g: GenState, at: number): Action[] {
  if (g.config.servers < 2) return [];
  const link = randomLink(g);
  if (g.rng.chance(1, 4)) return [{ at, do: 'linkLatency', link, latencyMs: null }];
  g.slowLinks.add(link.join('-'));
  const [, max] = g.config.electionTimeoutMs;
  const low = g.rng.range(0, 2 * max);
  return [{ at, do: 'linkLatency', link, latencyMs: [low, low + g.rng.range(0, max)] }];
}

/**
 * Where an admin client sends a change: sometimes to a server of the draw's choosing (else to the
 * leader it believes in), sometimes from one of the seed's clients (else client 1).
 */
function routing(g: GenState): { via?: ServerId; client?: number } {
  const r: { via?: ServerId; client?: number } = {};
  if (g.rng.chance(1, 4)) r.via = g.rng.range(1, g.config.servers);
  if (g.rng.chance(1, 2)) r.client = g.rng.range(1, g.clients);
  return r;
}

/**
 * A single-server change naming any slot (a voter, a learner, an idle server or the leader): the
 * leader refuses what it cannot do (`refused: …` is a normal answer), so the draw needs no model
 * of the configuration.
 */
function change(kind: 'addServer' | 'removeServer' | 'addLearner' | 'promote'): Draw {
  return (g, at) => {
    const server = g.rng.range(1, g.config.servers);
    return [{ at, do: kind, server, ...routing(g) }];
  };
}

/** A random non-empty subset of the servers as the new voters (joint consensus, M-4). */
export function randomSubset(rng: Prng, servers: number): ServerId[] {
  const chosen = Array.from({ length: servers }, (_, i) => i + 1).filter(() => rng.chance(1, 2));
  return chosen.length > 0 ? chosen : [rng.range(1, servers)];
}

function reconfigure(g: GenState, at: number): Action[] {
  const members = randomSubset(g.rng, g.config.servers);
  return [{ at, do: 'reconfigure', members, ...routing(g) }];
}

/** X-LT: the leader of the moment hands over to any server (itself, a learner, an idle one: refused). */
function transfer(g: GenState, at: number): Action[] {
  return [{ at, do: 'transfer', server: g.rng.range(1, g.config.servers) }];
}

/**
 * Action kinds of the core the swarm does not draw (none now: membership changes and leadership
 * transfer joined it with issues 8 and 9). A name here that the core does not have changes nothing.
 */
export const NOT_IN_SWARM_YET = [] as const;
export type SwarmKind = Exclude<ActionKind, (typeof NOT_IN_SWARM_YET)[number]>;

/** The membership changes: a hunt for a membership teaching bug leans on them (fuzzSwitches.ts). */
export const MEMBERSHIP_KINDS: readonly SwarmKind[] = [
  'addServer',
  'removeServer',
  'addLearner',
  'promote',
  'reconfigure',
];

/** Every other action kind of the core, with how the swarm draws it. */
export const ACTION_TABLE: Readonly<Record<SwarmKind, ActionEntry>> = {
  request: { weightMax: 12, huntWeightMax: 8, always: true, draw: (g, at) => [drawRequest(g, at)] },
  crash: { weightMax: 6, huntWeightMax: 10, draw: crash },
  restart: { weightMax: 6, huntWeightMax: 10, draw: restart },
  timeout: { weightMax: 6, huntWeightMax: 10, draw: timeout },
  nextTimeout: { weightMax: 4, huntWeightMax: 6, draw: nextTimeout },
  partition: { weightMax: 4, huntWeightMax: 6, draw: partition },
  heal: { weightMax: 4, huntWeightMax: 6, draw: heal },
  cut: { weightMax: 4, huntWeightMax: 4, draw: cut },
  connect: { weightMax: 4, huntWeightMax: 4, draw: connect },
  drop: { weightMax: 3, huntWeightMax: 3, draw: drop },
  dropInFlight: { weightMax: 4, huntWeightMax: 6, draw: dropInFlight },
  network: { weightMax: 4, huntWeightMax: 3, draw: network },
  linkLatency: { weightMax: 4, huntWeightMax: 8, draw: linkLatency },
  addServer: { weightMax: 2, huntWeightMax: 2, draw: change('addServer') },
  removeServer: { weightMax: 2, huntWeightMax: 2, draw: change('removeServer') },
  addLearner: { weightMax: 2, huntWeightMax: 2, draw: change('addLearner') },
  promote: { weightMax: 2, huntWeightMax: 2, draw: change('promote') },
  reconfigure: { weightMax: 2, huntWeightMax: 2, draw: reconfigure },
  transfer: { weightMax: 2, huntWeightMax: 3, draw: transfer },
};

export const SWARM_KINDS = Object.keys(ACTION_TABLE).sort() as SwarmKind[];
