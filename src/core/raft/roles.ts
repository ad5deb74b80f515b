/**
 * Who a server is: the follower transition every role shares (F2-A2), and whether the server
 * takes part in elections at all under its configuration (M-1, M-6, learners).
 */
import { isVoter } from '../quorum.ts';
import type { Role, ServerState } from '../types.ts';
import { resetElectionTimer, type RaftContext } from './context.ts';
import { dropUnconfirmedFollowerReads } from './reads.ts';
import { configIndexOf, configOf } from './log.ts';

/** F2-A2: a higher term makes any server a follower of that term with no vote yet. */
export function becomeFollower(s: ServerState, term: number, ctx: RaftContext): void {
  const from: Role = s.role;
  const termChanged = term > s.term;
  if (termChanged) {
    s.term = term;
    s.votedFor = null; // F2-RV5 (b)
    s.leaderHint = null; // F2-S9: the leader hint belongs to a term
    // Follower reads still waiting for a read index asked of a leader of an older term: that
    // leader is gone, so the client is sent on at once (C-4).
    dropUnconfirmedFollowerReads(s, ctx);
  }
  s.role = 'follower';
  s.change = null; // a membership change belongs to the leader that runs it
  s.transfer = null;
  s.reads = []; // held reads are not answered: their clients retry elsewhere
  if (from !== 'follower' || termChanged)
    ctx.emit({ type: 'stepDown', server: s.id, term, from, time: ctx.now });
  if (from === 'leader') resetElectionTimer(s, ctx); // a leader has no running election timer
}

/**
 * Whether the server's election timer runs. A voter of its configuration campaigns; so does a
 * server that was a voter and is no longer in its latest configuration (M-6: it may still be
 * needed until C_new commits, and M-7 keeps it from disrupting). A learner never campaigns, and a
 * server no configuration has named as a voter stays idle until one does (the design notes).
 */
export function campaigns(s: ServerState): boolean {
  const config = configOf(s);
  if (isVoter(config, s.id)) return true;
  if (config?.learners.includes(s.id) === true) return false;
  // Once it knows the configuration without it is committed, it is no longer needed (SC-37, as
  // etcd's `promotable`): only while C_new is uncommitted might its vote still matter (M-6).
  if (config !== null && configIndexOf(s) <= s.commitIndex) return false;
  return wasVoter(s);
}

function wasVoter(s: ServerState): boolean {
  if (isVoter(s.baseConfig, s.id)) return true;
  if (s.snapshot !== null && isVoter(s.snapshot.config, s.id)) return true;
  return s.configIndexes.some((i) => isVoter(s.log[i - 1]?.config ?? null, s.id));
}
