/**
 * The liveness check of a fuzz run (our style notes: TigerBeetle heals the cluster after the fault phase
 * and requires it to converge; the rule catalogue SC-49): once every fault is healed, within a bounded time a
 * leader exists and every live member of its configuration has committed the leader's whole log.
 *
 * Membership (the rule catalogue (src/i18n/rules.ts)): the leader replicates to the members of the configuration it uses
 * (voters of C_old and C_new, learners) and to no one else, so a removed server, or one never
 * added (idle), is not required to converge; nor is its term, which a removed server that never
 * heard of its removal may keep raising, the leader's business: the leader must be in the top
 * term among its members, and each of them must hold its committed log.
 */
import { configMembers, configOf, isVoter } from '../core/index.ts';
import type {
  Action,
  Configuration,
  ServerId,
  ServerState,
  SimConfig,
  Simulation,
} from '../core/index.ts';

/** Longest election timeouts the liveness window must hold: a few split votes, then a commit. */
export const LIVENESS_TIMEOUTS = 4;

/** Why liveness is not required of a run, if it is not. */
export type LivenessRuledOut = 'timing' | 'removals';

/**
 * Whether a run can be expected to converge once healed, and if not, why. Timing: heartbeats and
 * a message's round trip must both fit well inside the shortest election timeout (a heartbeat of
 * 60% of it, or a latency close to it, makes followers time out under a healthy leader by design),
 * the timeouts must be spread wider than an election takes (one round trip, two with PreVote:
 * candidates that time out closer together than that split the vote round after round, the rule catalogue
 * F2-T1), and the window must hold a few of the longest election timeouts.
 * Without the no-op nothing of earlier terms commits until a client's write reaches the leader
 * (the rule catalogue D9): a client looking for it pauses an RPC timeout at each server that knows no leader
 * (an idle or removed one never does), and, on a lossy network, a client timeout for a request or
 * answer lost on the way; the window must hold that search too. When servers are removed, a
 * leader may be among them, and a removed server may still campaign and win (the rule catalogue M-6): such a
 * leader leads only until C_new commits in its term (without the no-op, that waits for a client
 * again) and steps down, and the members elect again, while removed servers that never heard of
 * their removal interrupt their elections with higher terms: the window must hold two elections
 * and two searches.
 * Removals: a server removed without hearing of it times out and campaigns with ever higher terms,
 * deposing every leader of the members; PreVote (its log is behind), CheckQuorum or the disruption
 * guard (M-7) stop it, and without any of them Raft does not converge by design (thesis §4.2.3),
 * so a run that asks for removals (`removeServer`, `reconfigure`) with all three off is not
 * required to. Other runs are still checked for safety, but not for liveness.
 */
export function livenessRuledOut(
  config: SimConfig,
  windowMs = Number.POSITIVE_INFINITY,
  actions: readonly Action[] = [],
): LivenessRuledOut | null {
  const needed = livenessWindowNeeded(config, actions);
  if (typeof needed === 'string') return needed;
  return windowMs < needed ? 'timing' : null;
}

/**
 * The window after the heal a run needs to converge (see livenessRuledOut), or why no window is
 * enough.
 */
export function livenessWindowNeeded(
  config: SimConfig,
  actions: readonly Action[] = [],
): number | LivenessRuledOut {
  const [timeoutMin, timeoutMax] = config.electionTimeoutMs;
  const roundTripMs = 2 * config.latencyMs[1];
  const electionRoundTrips = config.preVote ? 2 : 1;
  const timing =
    2 * config.heartbeatMs < timeoutMin &&
    roundTripMs < timeoutMin &&
    timeoutMax - timeoutMin >= electionRoundTrips * roundTripMs;
  if (!timing) return 'timing';
  const removes = actions.some((a) => a.do === 'removeServer' || a.do === 'reconfigure');
  const guarded = config.preVote || config.checkQuorum || config.disruptionGuard;
  if (removes && !guarded) return 'removals';
  const lossy = config.loss[0] > 0;
  const clientSearchMs = config.noopOnElection
    ? 0
    : config.servers * config.rpcTimeoutMs + (lossy ? config.clientTimeoutMs : 0);
  const leaderships = removes ? 2 : 1;
  return leaderships * (LIVENESS_TIMEOUTS * timeoutMax + clientSearchMs);
}

/** Whether a healed run must converge (livenessRuledOut says nothing against it). */
export function livenessExpected(
  config: SimConfig,
  windowMs = Number.POSITIVE_INFINITY,
  actions: readonly Action[] = [],
): boolean {
  return livenessRuledOut(config, windowMs, actions) === null;
}

/**
 * The leader liveness is judged by: the live leader of the highest term, with the live members of
 * its configuration (the leader included). A string says why there is none.
 */
export function leaderAndMembers(
  servers: readonly ServerState[],
): { leader: ServerState; config: Configuration | null; members: ServerState[] } | string {
  const live = servers.filter((s) => !s.crashed);
  if (live.length === 0) return 'every server is crashed';
  let leader: ServerState | undefined;
  for (const s of live)
    if (s.role === 'leader' && (leader === undefined || s.term > leader.term)) leader = s;
  if (leader === undefined) {
    const topTerm = Math.max(...live.map((s) => s.term));
    return `no leader in term ${topTerm}`;
  }
  const config = configOf(leader);
  const ids = new Set<ServerId>(configMembers(config));
  ids.add(leader.id);
  const members = live.filter((s) => ids.has(s.id));
  const ahead = members.find((s) => s.term > (leader as ServerState).term);
  if (ahead !== undefined)
    return `no leader in term ${ahead.term} (S${ahead.id}, a member of leader S${leader.id}'s configuration, is past its term ${leader.term})`;
  return { leader, config, members };
}

/** Why the servers have not converged, or null when they have. */
export function convergenceProblem(servers: readonly ServerState[]): string | null {
  const found = leaderAndMembers(servers);
  if (typeof found === 'string') return found;
  const { leader, members } = found;
  if (leader.commitIndex !== leader.log.length) {
    return `leader S${leader.id} has committed ${leader.commitIndex} of its ${leader.log.length} entries`;
  }
  for (const s of members) {
    if (s.commitIndex !== leader.commitIndex) {
      return `S${s.id} has commitIndex ${s.commitIndex}, leader S${leader.id} has ${leader.commitIndex}`;
    }
    // Below either snapshot both hold committed entries (F2-IS6); the checker compares those.
    const compacted = Math.max(s.snapshot?.index ?? 0, leader.snapshot?.index ?? 0);
    for (let i = compacted; i < s.commitIndex; i++) {
      if (s.log[i]?.id !== leader.log[i]?.id) {
        return `S${s.id} differs from leader S${leader.id} at committed index ${i + 1}`;
      }
    }
  }
  return null;
}

/** Whether `yes` holds for a majority of the voters (of C_old and of C_new, when joint). */
function quorumOf(config: Configuration | null, yes: (id: ServerId) => boolean): boolean {
  if (config === null) return false;
  const agrees = (group: readonly ServerId[]): boolean =>
    group.length > 0 && 2 * group.filter(yes).length > group.length;
  return agrees(config.voters) && (config.old === null || agrees(config.old));
}

/**
 * Liveness under a workload that may never pause (clients with queued commands keep the leader's
 * commitIndex a step ahead of its followers at every instant), on a cluster whose stragglers may
 * need minutes to catch up one entry per round trip: a leader of the top term among its members
 * has committed the `targetIndex` entries it held when first seen, and so has a quorum of its
 * configuration's voters, with the same committed prefix. Null when that holds.
 */
export function catchUpProblem(
  servers: readonly ServerState[],
  targetIndex: number,
): string | null {
  const found = leaderAndMembers(servers);
  if (typeof found === 'string') return found;
  const { leader, config, members } = found;
  if (leader.commitIndex < targetIndex) {
    return `leader S${leader.id} has committed ${leader.commitIndex} of the ${targetIndex} entries it held when first seen`;
  }
  const caughtUp = new Set<ServerId>();
  for (const s of members) {
    if (s.commitIndex < targetIndex) continue;
    let same = true;
    const compacted = Math.max(s.snapshot?.index ?? 0, leader.snapshot?.index ?? 0);
    for (let i = compacted; i < targetIndex && same; i++) same = s.log[i]?.id === leader.log[i]?.id;
    if (same) caughtUp.add(s.id);
  }
  if (quorumOf(config, (id) => caughtUp.has(id))) return null;
  const voters = members.filter((s) => isVoter(config, s.id)).length;
  return `${caughtUp.size} members (${voters} live voters) have committed the ${targetIndex} entries leader S${leader.id} held when first seen, not a quorum of its configuration`;
}

export type Convergence =
  { ok: true; atMs: number } | { ok: false; atMs: number; reason: string; outOfSteps: boolean };

/**
 * Runs `sim` forward in steps of `pollMs` until the servers converge or `deadlineMs` passes, or
 * the simulation reaches `stepLimit` queue items in total (a message storm). Bounded: at most
 * (deadline - now) / pollMs + 1 polls.
 */
export function awaitConvergence(
  sim: Simulation,
  deadlineMs: number,
  pollMs = 10,
  stepLimit = Number.MAX_SAFE_INTEGER,
): Convergence {
  for (;;) {
    const reason = convergenceProblem(sim.state.servers);
    if (reason === null) return { ok: true, atMs: sim.now };
    if (sim.now >= deadlineMs) return { ok: false, atMs: sim.now, reason, outOfSteps: false };
    if (!sim.runUntil(Math.min(sim.now + pollMs, deadlineMs), stepLimit - sim.state.steps)) {
      return { ok: false, atMs: sim.now, reason, outOfSteps: true };
    }
  }
}
