/**
 * The liveness check of a fuzz run (STYLE.md: TigerBeetle heals the cluster after the fault phase
 * and requires it to converge; RAFT.md SC-49): once every fault is healed, within a bounded time a
 * leader exists and every live server has committed the leader's whole log.
 */
import type { ServerState, SimConfig, Simulation } from '../core/index.ts';

/** Longest election timeouts the liveness window must hold: a few split votes, then a commit. */
export const LIVENESS_TIMEOUTS = 4;

/**
 * Whether a healed cluster with this timing can be expected to converge within `windowMs`:
 * heartbeats and a message's round trip must both fit well inside the shortest election timeout
 * (a heartbeat of 60% of it, or a latency close to it, makes followers time out under a healthy
 * leader by design), the timeouts must be spread wider than a round trip (else candidates split
 * the vote round after round, RAFT.md F2-T1), and the window must hold a few of the longest
 * election timeouts. Other runs are still checked for safety, but not for liveness.
 */
export function livenessExpected(config: SimConfig, windowMs = Number.POSITIVE_INFINITY): boolean {
  const [timeoutMin, timeoutMax] = config.electionTimeoutMs;
  const roundTripMs = 2 * config.latencyMs[1];
  const timing =
    2 * config.heartbeatMs < timeoutMin &&
    roundTripMs < timeoutMin &&
    timeoutMax - timeoutMin >= roundTripMs;
  return timing && windowMs >= LIVENESS_TIMEOUTS * timeoutMax;
}

/** Why the servers have not converged, or null when they have. */
export function convergenceProblem(servers: readonly ServerState[]): string | null {
  const live = servers.filter((s) => !s.crashed);
  if (live.length === 0) return 'every server is crashed';
  const topTerm = Math.max(...live.map((s) => s.term));
  const leader = live.find((s) => s.role === 'leader' && s.term === topTerm);
  if (leader === undefined) return `no leader in term ${topTerm}`;
  if (leader.commitIndex !== leader.log.length) {
    return `leader S${leader.id} has committed ${leader.commitIndex} of its ${leader.log.length} entries`;
  }
  for (const s of live) {
    if (s.commitIndex !== leader.commitIndex) {
      return `S${s.id} has commitIndex ${s.commitIndex}, leader S${leader.id} has ${leader.commitIndex}`;
    }
    for (let i = 0; i < s.commitIndex; i++) {
      if (s.log[i]?.id !== leader.log[i]?.id) {
        return `S${s.id} differs from leader S${leader.id} at committed index ${i + 1}`;
      }
    }
  }
  return null;
}

/**
 * Liveness under a workload that may never pause (clients with queued commands keep the leader's
 * commitIndex a step ahead of its followers at every instant), on a cluster whose stragglers may
 * need minutes to catch up one entry per round trip: a leader of the top term has committed the
 * `targetIndex` entries it held when first seen, and so has a majority of the servers, with the
 * same committed prefix. Null when that holds.
 */
export function catchUpProblem(
  servers: readonly ServerState[],
  targetIndex: number,
): string | null {
  const live = servers.filter((s) => !s.crashed);
  if (live.length === 0) return 'every server is crashed';
  const topTerm = Math.max(...live.map((s) => s.term));
  const leader = live.find((s) => s.role === 'leader' && s.term === topTerm);
  if (leader === undefined) return `no leader in term ${topTerm}`;
  if (leader.commitIndex < targetIndex) {
    return `leader S${leader.id} has committed ${leader.commitIndex} of the ${targetIndex} entries it held when first seen`;
  }
  const caughtUp = live.filter((s) => {
    if (s.commitIndex < targetIndex) return false;
    for (let i = 0; i < targetIndex; i++) if (s.log[i]?.id !== leader.log[i]?.id) return false;
    return true;
  });
  const majority = Math.floor(servers.length / 2) + 1;
  if (caughtUp.length >= majority) return null;
  return `${caughtUp.length} of ${servers.length} servers have committed the ${targetIndex} entries leader S${leader.id} held when first seen`;
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
