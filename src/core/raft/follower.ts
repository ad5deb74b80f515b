/**
 * AppendEntries, receiver side (the rule catalogue (src/i18n/rules.ts), F2-AE1..AE9): the consistency check, deleting only
 * on conflict, and learning the commit index. A server accepts entries from a leader that is not
 * in its configuration (F2-AE9), which is how new servers catch up.
 */
import type { AppendEntries, AppendEntriesReply, ServerId, ServerState } from '../types.ts';
import { resetElectionTimer, sendTo, type RaftContext } from './context.ts';
import { setCommitIndex } from './commit.ts';
import { appendToLog, lastLogIndex, snapshotIndex, termAt, truncateLog } from './log.ts';

function replyAppend(
  s: ServerState,
  to: ServerId,
  success: boolean,
  matchIndex: number,
  rejectedIndex: number,
  echoSentMs: number,
  ctx: RaftContext,
): void {
  const reply: AppendEntriesReply = {
    type: 'AppendEntriesReply',
    term: s.term,
    success,
    matchIndex,
    rejectedIndex,
    echoSentMs,
  };
  sendTo(s, to, reply, ctx);
}

export function handleAppendEntries(s: ServerState, m: AppendEntries, ctx: RaftContext): void {
  // F2-AE1: reject a stale leader with our term so it steps down (D4). BUG-STALEAE accepts it.
  const stale = m.term < s.term;
  if ((stale && !ctx.bug('BUG-STALEAE')) || s.role === 'leader') {
    replyAppend(s, m.leaderId, false, 0, m.prevLogIndex, m.sentMs, ctx);
    return;
  }
  // F2-AE2: the sender leads this term; remember it and reset the election timer.
  s.leaderHint = m.leaderId;
  s.leaderContactMs = ctx.now;
  resetElectionTimer(s, ctx);
  if (ctx.bug('BUG-VOTERESET')) s.votedFor = null;
  // F2-AE3: the log must hold prevLogIndex with prevLogTerm (index 0 always matches). Entries up
  // to our snapshot are committed, so every leader of this term has them (INV-LC): they match.
  const covered = m.prevLogIndex < snapshotIndex(s);
  if (!covered && termAt(s, m.prevLogIndex) !== m.prevLogTerm) {
    replyAppend(s, m.leaderId, false, 0, m.prevLogIndex, m.sentMs, ctx);
    return;
  }
  mergeEntries(s, m, ctx);
  const lastNew = m.prevLogIndex + m.entries.length;
  // F2-AE6 with D1: commitIndex = max(commitIndex, min(leaderCommit, index of last new entry)).
  const bound = ctx.bug('BUG-COMMITLAST') ? lastLogIndex(s) : lastNew;
  const target = Math.min(m.leaderCommit, bound);
  if (target > s.commitIndex) setCommitIndex(s, target, ctx);
  replyAppend(s, m.leaderId, true, lastNew, 0, m.sentMs, ctx); // F2-AE8
}

/** F2-AE4 (delete only on conflict) and F2-AE5 (append what is new). */
function mergeEntries(s: ServerState, m: AppendEntries, ctx: RaftContext): void {
  if (ctx.bug('BUG-TRUNC') && m.entries.length > 0) {
    const removed = truncateLog(s, m.prevLogIndex + 1);
    if (removed > 0) {
      ctx.emit({
        type: 'truncate',
        server: s.id,
        fromIndex: m.prevLogIndex + 1,
        removed,
        time: ctx.now,
      });
    }
  }
  let index = m.prevLogIndex;
  let firstNew = 0;
  const compacted = snapshotIndex(s);
  for (const entry of m.entries) {
    index += 1;
    if (index <= compacted) continue; // in our snapshot already (committed, the same entry)
    const existing = s.log[index - 1];
    if (existing !== undefined && existing.term !== entry.term) {
      // M-1: a truncated configuration entry takes the server back to the previous one.
      const removed = truncateLog(s, index);
      ctx.emit({ type: 'truncate', server: s.id, fromIndex: index, removed, time: ctx.now });
    }
    if (s.log.length < index) {
      appendToLog(s, entry);
      if (firstNew === 0) firstNew = index;
    }
  }
  if (firstNew > 0) {
    ctx.emitReplicate(s.id, m.leaderId, firstNew, index);
  }
}
