/**
 * Leadership transfer (the rule catalogue X-LT; thesis §3.10; etcd's `move-leader`): the leader stops taking
 * client requests, brings the target's log up to date, then sends it TimeoutNow; the target starts
 * an election at once, and its RequestVotes carry the right to disrupt (M-7). If the target has not
 * taken over within an election timeout, the transfer is aborted and the leader goes on.
 */
import { isVoter } from '../quorum.ts';
import type { ServerId, ServerState } from '../types.ts';
import { peerOf, sendTo, type RaftContext } from './context.ts';
import { configOf, lastLogIndex } from './log.ts';

/** Starts a transfer to `target`; returns whether it started. */
export function startTransfer(s: ServerState, target: ServerId, ctx: RaftContext): boolean {
  const refused =
    s.role !== 'leader' ||
    target === s.id ||
    s.transfer !== null ||
    !isVoter(configOf(s), target) ||
    peerOf(s, target) === undefined;
  if (refused) {
    ctx.emit({ type: 'transfer', server: s.id, target, phase: 'refused', time: ctx.now });
    return false;
  }
  s.transfer = {
    target,
    deadlineMs: ctx.now + ctx.config.electionTimeoutMs[1],
    timeoutNowSent: false,
  };
  ctx.emit({ type: 'transfer', server: s.id, target, phase: 'start', time: ctx.now });
  progressTransfer(s, ctx);
  return true;
}

/** Step 3 of §3.10: once the target holds the whole log, tell it to campaign (once). */
export function progressTransfer(s: ServerState, ctx: RaftContext): void {
  const t = s.transfer;
  if (t === null || t.timeoutNowSent || s.role !== 'leader') return;
  const p = peerOf(s, t.target);
  if (p === undefined || p.matchIndex < lastLogIndex(s)) return;
  t.timeoutNowSent = true;
  ctx.emit({
    type: 'transfer',
    server: s.id,
    target: t.target,
    phase: 'timeoutNow',
    time: ctx.now,
  });
  sendTo(s, t.target, { type: 'TimeoutNow', term: s.term, leaderId: s.id }, ctx);
}

/** The leader's timer: a transfer not done within an election timeout is aborted. */
export function checkTransferDeadline(s: ServerState, ctx: RaftContext): void {
  const t = s.transfer;
  if (t === null || ctx.now < t.deadlineMs) return;
  s.transfer = null;
  ctx.emit({ type: 'transfer', server: s.id, target: t.target, phase: 'aborted', time: ctx.now });
}
