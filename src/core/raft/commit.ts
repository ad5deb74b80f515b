/**
 * Commitment and application (F2-A1, F2-L2): a server applies committed entries in index order,
 * and the leader that took a client's command answers it once applied.
 */
import { applyEntry } from '../kv.ts';
import type { ServerState } from '../types.ts';
import { sendTo, type RaftContext } from './context.ts';
import { serveFollowerReads } from './reads.ts';

export function setCommitIndex(s: ServerState, index: number, ctx: RaftContext): void {
  s.commitIndex = index;
  ctx.emitCommit(s.id, index);
  applyCommitted(s, ctx);
}

/** F2-A1: apply in index order; the leader answers the client once applied (F2-L2). */
function applyCommitted(s: ServerState, ctx: RaftContext): void {
  applyEntries(s, ctx);
  serveFollowerReads(s, ctx); // C-4 step 4: reads waiting for the state machine
}

function applyEntries(s: ServerState, ctx: RaftContext): void {
  while (s.lastApplied < s.commitIndex) {
    s.lastApplied += 1;
    const entry = s.log[s.lastApplied - 1];
    if (entry === undefined) return;
    const useSessions = !ctx.bug('BUG-NOSESSION');
    // A configuration entry took effect when it was appended (M-1); the store ignores it.
    const outcome =
      entry.config !== undefined
        ? { result: 'ok', duplicate: false }
        : applyEntry(s.kv, s.sessions, entry, useSessions);
    ctx.emit({
      type: 'apply',
      server: s.id,
      index: s.lastApplied,
      command: entry.command,
      result: outcome.result,
      duplicate: outcome.duplicate,
      time: ctx.now,
    });
    const tag = entry.client;
    // Only the leader that took the request (it appended the entry in its own term) answers;
    // an entry inherited from an earlier term is answered when the client retries (SC-29).
    if (s.role === 'leader' && tag !== undefined && entry.term === s.term) {
      sendTo(
        s,
        -tag.client,
        {
          type: 'ClientReply',
          client: tag.client,
          seq: tag.seq,
          ok: true,
          result: outcome.result,
          leaderHint: s.id,
        },
        ctx,
      );
    }
  }
}
