/**
 * The presenter's shortcuts (RaftScope's keys), planned as plain actions from a frame. Every one
 * goes through the action log, so a replay or a share link reproduces it exactly; none edits the
 * simulation's state directly as RaftScope does (it moves `electionAlarm` by hand).
 */
import type { Action } from '../core/types.ts';
import type { ServerView } from './frameLog.ts';
import type { Frame } from './frame.ts';
import { notice as coded, type Notice } from './notice.ts';

/** An action without its time, which the store stamps (`at` = now, or now + delayMs). */
export type Intervention = DistributiveOmit<Action, 'at'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface Plan {
  /** Actions to add, each `delayMs` after now. */
  actions: { delayMs: number; action: Intervention }[];
  /** Shown to the user when the plan does nothing or needs explaining. */
  notice: Notice | null;
}

const KEYS = ['x', 'y', 'z'] as const;

/** A deterministic client command: the n-th request sets x, y, z in turn to n + 1. */
export function clientCommand(requestsSoFar: number): string {
  return `set ${KEYS[requestsSoFar % KEYS.length] ?? 'x'} ${requestsSoFar + 1}`;
}

function liveLeader(frame: Frame): ServerView | undefined {
  let best: ServerView | undefined;
  for (const s of frame.servers) {
    if (!s.crashed && s.role === 'leader' && (!best || s.term > best.term)) best = s;
  }
  return best;
}

function nothing(notice: Notice): Plan {
  return { actions: [], notice };
}

/**
 * `T`: make the next election clean. The earliest election timer is moved forward (a `timeout`
 * action scheduled before the second-earliest timer fires, with a gap of two one-way latencies),
 * so the first candidate's RequestVotes arrive before anybody else times out (F2-T1).
 */
export function planSpreadTimers(frame: Frame): Plan {
  if (liveLeader(frame)) {
    return nothing(coded('leaderUp'));
  }
  const waiting = frame.servers
    .filter((s) => !s.crashed && s.role !== 'leader' && s.electionDeadlineMs > frame.time)
    .sort((a, b) => a.electionDeadlineMs - b.electionDeadlineMs || a.id - b.id);
  const [first, second] = waiting;
  if (!first || !second) return nothing(coded('fewTimers'));
  const gapMs = 2 * frame.network.latencyMs[1] + 1;
  if (second.electionDeadlineMs - first.electionDeadlineMs >= gapMs) {
    return nothing(coded('alreadySpread'));
  }
  const at = Math.max(frame.time, second.electionDeadlineMs - gapMs);
  return {
    actions: [{ delayMs: at - frame.time, action: { do: 'timeout', server: first.id } }],
    notice: coded('spreadAhead', { server: `S${first.id}`, gap: gapMs }),
  };
}

/** `A`: provoke a split vote: every live server's election timer fires at the same instant. */
export function planAlignTimers(frame: Frame): Plan {
  const live = frame.servers.filter((s) => !s.crashed);
  if (live.length < 2) return nothing(coded('splitNeedsTwo'));
  return {
    actions: live.map((s) => ({ delayMs: 0, action: { do: 'timeout', server: s.id } })),
    notice: coded('splitVote'),
  };
}

/** `R`: RaftScope's "restart leader": the leader crashes and restarts at once, as a follower. */
export function planRestartLeader(frame: Frame): Plan {
  const leader = liveLeader(frame);
  if (!leader) return nothing(coded('noLeader'));
  return {
    actions: [
      { delayMs: 0, action: { do: 'crash', server: leader.id } },
      { delayMs: 0, action: { do: 'restart', server: leader.id } },
    ],
    notice: null,
  };
}

/** `B`: bring every crashed server back. */
export function planRestartAllCrashed(frame: Frame): Plan {
  const crashed = frame.servers.filter((s) => s.crashed);
  if (crashed.length === 0) return nothing(coded('noneCrashed'));
  return {
    actions: crashed.map((s) => ({ delayMs: 0, action: { do: 'restart', server: s.id } })),
    notice: null,
  };
}
