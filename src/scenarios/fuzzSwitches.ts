/**
 * Swarm testing: each seed first draws its switches, the whole shape of the run, and only then
 * its schedule. A seed may run 1 server or 9, all of them voters or a few with the rest idle,
 * PreVote and CheckQuorum on or off, reads through the log, by ReadIndex or by lease, a heartbeat
 * close to the election timeout, no crashes at all or crashes every few milliseconds, membership
 * changes or none: kinds of faults switched off entirely find bugs that a uniform mix of
 * everything hides.
 */
import { withDefaults } from '../core/index.ts';
import type { BugId, Prng, ReadMode, ServerId, SimConfig } from '../core/index.ts';
import { ACTION_TABLE, MEMBERSHIP_KINDS, SWARM_KINDS, randomSubset } from './fuzzActions.ts';
import type { SwarmKind } from './fuzzActions.ts';
import type { LivenessRuledOut } from './liveness.ts';

export interface FuzzOptions {
  /** Pins the cluster size; drawn from 1..9 per seed when absent. */
  servers?: number | undefined;
  untilMs: number;
  bugs?: readonly BugId[];
  /**
   * Every feature in every seed: snapshots, reads without the log served by followers too,
   * leadership transfers and membership changes (the draws that would leave one out are forced).
   */
  everyFeature?: boolean;
}

export interface FuzzSwitches {
  config: SimConfig;
  /** The action kinds this seed draws, with their weights. */
  weights: [SwarmKind, number][];
  /** Pause between two fault-phase actions, ms. */
  gapMs: [number, number];
  clients: number;
  /** Share of requests that are `get` on top of the usual mix, in percent. */
  extraGetsPct: number;
  shortPartitions: boolean;
  /** One partition in this many cuts a single server off alone (0: none are drawn that way). */
  isolateOneIn: number;
  faultLossPctMax: number;
  faultDuplicationPctMax: number;
  /** A teaching bug is switched on: the draws lean to the schedules that expose bugs. */
  hunt: boolean;
  /** A membership teaching bug is hunted: membership changes in every seed, and many. */
  membershipHunt: boolean;
  /**
   * A healed cluster can converge, so liveness is checked (liveness.ts), else why not. Set once
   * the schedule is drawn (fuzz.ts): removals without any guard against disruption rule it out.
   */
  livenessChecked: boolean;
  livenessRuledOut: LivenessRuledOut | null;
}

/** One of a few bands, so edge values come up often instead of once in a million. */
function band<T>(rng: Prng, bands: readonly [number, () => T][]): T {
  let roll = rng.below(bands.reduce((sum, [w]) => sum + w, 0));
  for (const [weight, value] of bands) {
    if (roll < weight) return value();
    roll -= weight;
  }
  throw new RangeError('empty band list');
}

function drawTiming(rng: Prng, hunt: boolean): Partial<SimConfig> {
  /** A draw from lo..hi; an empty range (hi < lo) gives lo. */
  const between = (lo: number, hi: number): number => rng.range(lo, Math.max(lo, hi));
  const tMin = band(rng, [
    [1, () => between(20, 79)],
    [hunt ? 6 : 4, () => between(80, 300)],
    [1, () => between(301, 1000)],
  ]);
  const tMax = tMin + between(Math.max(2, tMin >> 2), 2 * tMin);
  // Bands: comfortable, close to the edge (still 2 × heartbeat < tMin), over it (no liveness).
  const heartbeatMs = band(rng, [
    [hunt ? 8 : 6, () => between(Math.max(2, tMin >> 4), tMin >> 2)],
    [2, () => between(Math.max(2, tMin >> 2), (tMin - 1) >> 1)],
    [hunt ? 0 : 1, () => between(tMin >> 1, tMin)],
  ]);
  const latencyMin = between(0, tMin >> 3);
  const latencyMax = band(rng, [
    [hunt ? 8 : 6, () => latencyMin + between(0, tMin >> 3)],
    [2, () => between(Math.max(latencyMin, tMin >> 2), (tMin - 1) >> 1)],
    [hunt ? 0 : 1, () => between(Math.max(latencyMin, tMin >> 1), tMin)],
  ]);
  // Small (shorter than a round trip: resent while the answer travels), usual, large.
  const rpcTimeoutMs = band(rng, [
    [1, () => between(Math.max(2, latencyMax >> 1), 2 * latencyMax + 1)],
    [3, () => between(Math.max(2, 2 * latencyMax + 1), tMin)],
    [1, () => between(tMin, 3 * tMax)],
  ]);
  return {
    electionTimeoutMs: [tMin, tMax],
    heartbeatMs,
    latencyMs: [latencyMin, latencyMax],
    rpcTimeoutMs,
    clientTimeoutMs: between(2 * tMax, 10 * tMax),
  };
}

function drawRatioPct(rng: Prng, maxPct: number): [number, number] {
  return rng.chance(1, 2) ? [0, 1] : [rng.range(0, maxPct), 100];
}

/** The teaching bugs that only membership changes expose. */
export const MEMBERSHIP_BUGS: readonly BugId[] = [
  'BUG-DIRECTCONFIG',
  'BUG-EARLYCONFIG',
  'BUG-SELFCOUNT',
];

/** The action kinds a seed of `--every-feature` always draws. */
const FEATURE_KINDS: readonly SwarmKind[] = [...MEMBERSHIP_KINDS, 'transfer', 'request'];

function drawWeights(
  rng: Prng,
  hunt: boolean,
  membershipHunt: boolean,
  everyFeature = false,
): [SwarmKind, number][] {
  const weights: [SwarmKind, number][] = [];
  for (const kind of SWARM_KINDS) {
    const entry = ACTION_TABLE[kind];
    if (hunt && MEMBERSHIP_KINDS.includes(kind)) {
      // A membership bug needs changes in every seed; the other bugs are found faster without.
      if (membershipHunt) weights.push([kind, rng.range(2, 8)]);
      continue;
    }
    const drawn = entry.always === true || rng.chance(hunt ? 3 : 1, hunt ? 4 : 2);
    const on = drawn || (everyFeature && FEATURE_KINDS.includes(kind));
    const max = hunt ? entry.huntWeightMax : entry.weightMax;
    if (on) weights.push([kind, rng.range(1, max)]);
  }
  return weights;
}

/**
 * The initial voters: every server (null) half the time, else the first k or any k of them, the
 * rest idle until a change names them (a membership hunt starts small more often; a hunt for
 * another bug always starts with every server, and draws no membership changes).
 */
function drawMembers(
  rng: Prng,
  servers: number,
  hunt: boolean,
  membershipHunt: boolean,
): ServerId[] | null {
  if (hunt && !membershipHunt) return null;
  return band<ServerId[] | null>(rng, [
    [membershipHunt ? 2 : 4, () => null],
    [2, () => Array.from({ length: rng.range(1, servers) }, (_, i) => i + 1)],
    [2, () => randomSubset(rng, servers)],
  ]);
}

/** How a leader answers `get`; a lease only with CheckQuorum (C-5: the schema refuses it otherwise). */
function drawReads(rng: Prng, checkQuorum: boolean, localRead: boolean): ReadMode {
  // BUG-LOCALREAD answers every get locally whatever the mode; through the log is its twin (SC-32).
  if (localRead && rng.chance(1, 2)) return 'log';
  return rng.pick<ReadMode>(checkQuorum ? ['log', 'readIndex', 'lease'] : ['log', 'readIndex']);
}

/** Every switch of one seed, drawn from its own PRNG stream before the schedule. */
export function drawSwitches(rng: Prng, options: FuzzOptions): FuzzSwitches {
  const bugs = [...(options.bugs ?? [])];
  const hunt = bugs.length > 0;
  const servers = options.servers ?? (hunt ? rng.pick([3, 5]) : rng.range(1, 9));
  // BUG-FIG8 needs a leader to count replicas of an older term's entry before an entry of its own
  // term reaches them: no no-op, or one sent in a later, smaller batch.
  const fig8 = bugs.includes('BUG-FIG8');
  const membershipHunt = bugs.some((b) => MEMBERSHIP_BUGS.includes(b));
  const checkQuorum = rng.chance(1, 2);
  const config = withDefaults({
    servers,
    members: drawMembers(rng, servers, hunt, membershipHunt),
    ...drawTiming(rng, hunt),
    maxEntriesPerAppend: fig8 && rng.chance(1, 2) ? rng.range(1, 2) : rng.range(1, 16),
    loss: drawRatioPct(rng, 10),
    duplication: drawRatioPct(rng, 10),
    noopOnElection: rng.chance(1, fig8 ? 4 : 2),
    preVote: rng.chance(1, 2),
    checkQuorum,
    disruptionGuard: rng.chance(1, 2),
    reads: drawReads(rng, checkQuorum, bugs.includes('BUG-LOCALREAD')),
    bugs,
  });
  const gapMs = band<[number, number]>(rng, [
    [hunt ? 3 : 1, () => [5, 60]],
    [2, () => [20, 400]],
    [hunt ? 0 : 1, () => [200, 1500]],
  ]);
  const switches: FuzzSwitches = {
    config,
    weights: drawWeights(rng, hunt, membershipHunt, options.everyFeature),
    gapMs,
    clients: rng.range(1, 5),
    // A stale read needs reads at a deposed leader soon after writes at the new one.
    extraGetsPct: rng.pick(bugs.includes('BUG-LOCALREAD') ? [20, 40, 60] : [0, 0, 20]),
    shortPartitions: hunt || rng.chance(1, 2),
    isolateOneIn: rng.pick(hunt ? [1, 2] : [0, 2, 4]),
    faultLossPctMax: rng.pick([5, 20, 50]),
    faultDuplicationPctMax: rng.pick([0, 10, 50]),
    hunt,
    membershipHunt,
    livenessChecked: false,
    livenessRuledOut: null,
  };
  // Drawn last, so that adding it changed no other switch of any seed: log compaction (F2-IS6)
  // off half the time, else a snapshot every few entries (InstallSnapshot at every lag) or every
  // few dozen.
  config.snapshotEvery = band(rng, [
    [2, () => 0],
    [1, () => rng.range(1, 5)],
    [1, () => rng.range(6, 40)],
  ]);
  // Drawn after it for the same reason: followers serve reads half the time reads skip the log.
  config.followerReads = config.reads !== 'log' && rng.chance(1, 2);
  if (options.everyFeature === true && bugs.length === 0) {
    // Every feature on: whatever was drawn above, compaction, reads without the log (a lease
    // only with CheckQuorum) and follower reads.
    if (config.snapshotEvery === 0) config.snapshotEvery = rng.range(1, 40);
    if (config.reads === 'log') config.reads = 'readIndex';
    config.followerReads = true;
  }
  return switches;
}

const onOff = (on: boolean): string => (on ? 'on' : 'off');
const LIVENESS_WHY_NOT: Record<LivenessRuledOut, string> = {
  timing: 'timing',
  removals: 'removals with neither PreVote, CheckQuorum nor the disruption guard',
};
const ratio = ([num, den]: readonly [number, number]): string => `${num}/${den}`;

/** The switches on two lines, for a failure report. */
export function describeSwitches(sw: FuzzSwitches): string[] {
  const c = sw.config;
  return [
    `servers ${c.servers}${c.members === null ? '' : ` (voters ${c.members.join(',')})`}, ` +
      `reads ${c.reads}, preVote ${onOff(c.preVote)}, checkQuorum ${onOff(c.checkQuorum)}, ` +
      `disruptionGuard ${onOff(c.disruptionGuard)}, ` +
      `noop ${onOff(c.noopOnElection)}, maxEntriesPerAppend ${c.maxEntriesPerAppend}, ` +
      `election ${c.electionTimeoutMs.join('..')} ms, heartbeat ${c.heartbeatMs} ms, ` +
      `latency ${c.latencyMs.join('..')} ms, rpcTimeout ${c.rpcTimeoutMs} ms, ` +
      `clientTimeout ${c.clientTimeoutMs} ms, loss ${ratio(c.loss)}, duplication ${ratio(c.duplication)}, ` +
      `snapshotEvery ${c.snapshotEvery === 0 ? 'never' : c.snapshotEvery}, ` +
      `followerReads ${onOff(c.followerReads)}` +
      `${c.bugs.length > 0 ? `, bugs ${c.bugs.join(' ')}` : ''}`,
    `actions ${sw.weights.map(([k, w]) => `${k}:${w}`).join(' ')}; gap ${sw.gapMs.join('..')} ms, ` +
      `${sw.clients} client${sw.clients === 1 ? '' : 's'}, ${sw.extraGetsPct}% extra gets, short partitions ${onOff(sw.shortPartitions)}, ` +
      `isolate one in ${sw.isolateOneIn === 0 ? 'none' : sw.isolateOneIn}, ` +
      `fault loss ≤${sw.faultLossPctMax}%, duplication ≤${sw.faultDuplicationPctMax}%, ` +
      `liveness ${sw.livenessChecked ? 'checked' : `not checked (${LIVENESS_WHY_NOT[sw.livenessRuledOut ?? 'timing']})`}`,
  ];
}
