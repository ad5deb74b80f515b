/**
 * Leader election (the rule catalogue (src/i18n/rules.ts), F2-RV*, X-PV, M-6, M-7): the candidate's side (pre-votes, votes,
 * counting them in its configuration) and the voter's side (one vote per term, only for an
 * up-to-date log, and the disruptive-server guard).
 */
import { isVoter, quorumAgrees } from '../quorum.ts';
import type { Endpoint, RequestVote, RequestVoteReply, ServerState, TimeoutNow } from '../types.ts';
import { peerOf, resetElectionTimer, sendTo, type RaftContext } from './context.ts';
import { configOf, lastLogIndex, lastLogTerm } from './log.ts';
import { becomeLeader } from './leader.ts';
import { campaigns } from './roles.ts';

/** The election timer fired (F2-F2): with PreVote, first ask whether we could win (X-PV). */
export function electionTimeout(s: ServerState, ctx: RaftContext, forced: boolean): void {
  if (!campaigns(s)) return; // learners and servers no configuration names never campaign
  if (ctx.config.preVote && s.role !== 'leader') startPreVote(s, ctx);
  else startElection(s, ctx, forced);
}

/** X-PV: ask everyone whether they would vote for us in term + 1, without raising our term. */
export function startPreVote(s: ServerState, ctx: RaftContext): void {
  s.role = 'precandidate';
  beginVoteRound(s, ctx);
  ctx.emit({ type: 'preVoteStart', server: s.id, term: s.term + 1, time: ctx.now });
  if (voteWon(s)) startElection(s, ctx, false);
  else sendDueRequestVotes(s, ctx);
}

/** Candidates rule of Figure 2: new term, vote for self atomically (D3), reset timer, ask everyone. */
export function startElection(
  s: ServerState,
  ctx: RaftContext,
  forced: boolean,
  transfer = false,
): void {
  s.role = 'candidate';
  s.term += 1;
  s.votedFor = s.id; // F2-RV5 (c)
  s.change = null;
  s.transfer = null;
  s.reads = [];
  s.transferElection = transfer; // X-LT: its RequestVotes may disrupt (M-7)
  beginVoteRound(s, ctx);
  ctx.emit({ type: 'electionStart', server: s.id, term: s.term, forced, time: ctx.now });
  ctx.emit({
    type: 'vote',
    voter: s.id,
    candidate: s.id,
    term: s.term,
    granted: true,
    time: ctx.now,
  });
  if (voteWon(s)) becomeLeader(s, ctx);
  else sendDueRequestVotes(s, ctx);
}

/** A new round of (pre-)votes: no leader known, nobody answered yet, ask everyone at once. */
function beginVoteRound(s: ServerState, ctx: RaftContext): void {
  s.leaderHint = null;
  for (const p of s.peers) {
    p.voteGranted = false;
    p.voteResponded = false;
    p.rpcDueMs = ctx.now;
  }
  resetElectionTimer(s, ctx);
}

/**
 * Whether the (pre-)votes won the configuration in force: a majority of C_new, and of C_old during
 * a joint phase (M-4). The candidate's own vote counts only where it is a member (M-6).
 */
function voteWon(s: ServerState): boolean {
  return quorumAgrees(configOf(s), (id) =>
    id === s.id ? true : peerOf(s, id)?.voteGranted === true,
  );
}

/** Whether the server heard a leader of its term less than a minimum election timeout ago. */
export function heardLeaderRecently(s: ServerState, ctx: RaftContext): boolean {
  if (s.role === 'leader') return true;
  const last = s.leaderContactMs;
  return last !== null && ctx.now - last < ctx.config.electionTimeoutMs[0];
}

/**
 * The disruptive-server guard (M-7, thesis §4.2.3; CheckQuorum's lease in etcd, SC-26): a server
 * that heard its leader recently ignores a RequestVote that would raise its term, so a removed or
 * partitioned server coming back cannot depose a healthy leader.
 */
export function ignoresDisruption(s: ServerState, m: RequestVote, ctx: RaftContext): boolean {
  const guard = ctx.config.checkQuorum || ctx.config.disruptionGuard;
  return guard && !m.preVote && !m.transfer && m.term > s.term && heardLeaderRecently(s, ctx);
}

export function handleVoteRequest(s: ServerState, m: RequestVote, ctx: RaftContext): void {
  if (m.preVote) handlePreVote(s, m, ctx);
  else handleRequestVote(s, m, ctx);
}

/** F2-RV1..RV5: at most one vote per term, only for an at-least-as-up-to-date log. F2-RV6: the
 * candidate need not be in our configuration. */
function handleRequestVote(s: ServerState, m: RequestVote, ctx: RaftContext): void {
  let granted = false;
  if (m.term >= s.term) {
    // F2-RV2 (§5.4.1): compare last terms, then lengths.
    const logOk = ctx.bug('BUG-NOUPTODATE') || upToDate(s, m);
    if ((s.votedFor === null || s.votedFor === m.candidateId) && logOk) {
      granted = true;
      s.votedFor = m.candidateId; // F2-RV3, persisted before the reply leaves
      resetElectionTimer(s, ctx); // F2-RV3; a denial does not reset it (F2-RV4)
    }
  }
  ctx.emit({
    type: 'vote',
    voter: s.id,
    candidate: m.candidateId,
    term: s.term,
    granted,
    time: ctx.now,
  });
  const reply: RequestVoteReply = {
    type: 'RequestVoteReply',
    term: s.term,
    voteGranted: granted,
    preVote: false,
  };
  sendTo(s, m.candidateId, reply, ctx);
}

/** F2-RV2 (§5.4.1): the candidate's last term is newer, or equal with a log at least as long. */
function upToDate(s: ServerState, m: RequestVote): boolean {
  return (
    m.lastLogTerm > lastLogTerm(s) ||
    (m.lastLogTerm === lastLogTerm(s) && m.lastLogIndex >= lastLogIndex(s))
  );
}

/**
 * X-PV (thesis §9.6): would we vote for this candidate in its next term? Only if its log is at
 * least as up-to-date and we have not heard a leader for a minimum election timeout. Nothing
 * changes here: no term, no vote, no timer.
 */
function handlePreVote(s: ServerState, m: RequestVote, ctx: RaftContext): void {
  const granted = m.term > s.term && upToDate(s, m) && !heardLeaderRecently(s, ctx);
  ctx.emit({
    type: 'preVote',
    voter: s.id,
    candidate: m.candidateId,
    term: m.term,
    granted,
    time: ctx.now,
  });
  const reply: RequestVoteReply = {
    type: 'RequestVoteReply',
    term: granted ? m.term : s.term,
    voteGranted: granted,
    preVote: true,
  };
  sendTo(s, m.candidateId, reply, ctx);
}

/** X-PV: a quorum of pre-votes lets the pre-candidate start the real election. */
export function handlePreVoteReply(
  s: ServerState,
  from: Endpoint,
  m: RequestVoteReply,
  ctx: RaftContext,
): void {
  if (!m.preVote) return;
  if (m.voteGranted && m.term !== s.term + 1) return; // an answer to an older round
  const p = peerOf(s, from);
  if (p === undefined) return;
  p.voteResponded = true;
  if (m.voteGranted) p.voteGranted = true;
  if (voteWon(s)) startElection(s, ctx, false);
}

export function handleVoteReply(
  s: ServerState,
  from: Endpoint,
  m: RequestVoteReply,
  ctx: RaftContext,
): void {
  // F2-A3: a reply from another term is stale (BUG-STALEVOTE counts it anyway).
  if (m.term !== s.term && !ctx.bug('BUG-STALEVOTE')) return;
  const p = peerOf(s, from);
  if (p === undefined) return;
  p.voteResponded = true;
  if (m.voteGranted) p.voteGranted = true;
  // D5: a majority of refusals keeps us candidate until the timer fires (paper behaviour).
  if (voteWon(s)) becomeLeader(s, ctx);
}

/** Asks every voter of the configuration in force that has not answered yet (M-4: both). */
export function sendDueRequestVotes(s: ServerState, ctx: RaftContext): void {
  const config = configOf(s);
  for (const p of s.peers) {
    if (p.voteResponded || p.rpcDueMs > ctx.now || !isVoter(config, p.id)) continue;
    p.rpcDueMs = ctx.now + ctx.config.rpcTimeoutMs;
    const preVote = s.role === 'precandidate';
    const rv: RequestVote = {
      type: 'RequestVote',
      term: preVote ? s.term + 1 : s.term,
      candidateId: s.id,
      lastLogIndex: lastLogIndex(s),
      lastLogTerm: lastLogTerm(s),
      preVote,
      transfer: !preVote && s.transferElection,
    };
    sendTo(s, p.id, rv, ctx);
  }
}

/**
 * TimeoutNow (X-LT, thesis §3.10): the leader of our term tells us to campaign now. We start an
 * election at once, without PreVote, and our RequestVotes may disrupt (M-7).
 */
export function handleTimeoutNow(s: ServerState, m: TimeoutNow, ctx: RaftContext): void {
  if (m.term !== s.term || s.role !== 'follower' || !campaigns(s)) return;
  startElection(s, ctx, true, true);
}
