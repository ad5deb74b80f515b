/**
 * What a server does when the simulation steps: a message delivered (`receive`), its timer fired
 * (`tick`), a restart, a forced election timeout, a leadership transfer. The rules themselves
 * live by concern in raft/ (election.ts, follower.ts, leader.ts, snapshot.ts, transfer.ts,
 * commit.ts); raft.ts holds what a server is before anything steps (its initial state, its next
 * wake-up, a crash) and re-exports these.
 *
 * A module of its own so that the served build can load it after the first paint: a lab draws
 * its first frame from a simulation that has not stepped yet (vite.config.ts puts
 * src/store/engineLazy.ts in its place, and the recorder steps nothing until it has arrived).
 */
import { resetElectionTimer, type RaftContext } from './raft/context.ts';
import {
  handlePreVoteReply,
  handleVoteReply,
  handleTimeoutNow,
  handleVoteRequest,
  ignoresDisruption,
  sendDueRequestVotes,
  electionTimeout,
} from './raft/election.ts';
import { handleAppendEntries } from './raft/follower.ts';
import {
  handleAppendReply,
  handleClientRequest,
  handleReadIndex,
  handleSnapshotReply,
  tickLeader,
} from './raft/leader.ts';
import { becomeFollower, campaigns } from './raft/roles.ts';
import { handleReadIndexReply } from './raft/reads.ts';
import { handleInstallSnapshot, restoreFromSnapshot, snapshotIfDue } from './raft/snapshot.ts';
import type {
  ClientRequest,
  Endpoint,
  Message,
  MessageBody,
  ReadIndexReply,
  ReadIndexRequest,
  RequestVote,
  ServerState,
  TimeoutNow,
} from './types.ts';

export { electionTimeout, startElection, startPreVote } from './raft/election.ts';
export { startTransfer } from './raft/transfer.ts';

type RaftBody = Exclude<
  MessageBody,
  ClientRequest | { type: 'ClientReply' } | TimeoutNow | ReadIndexRequest | ReadIndexReply
>;

/** Delivers one message to a live server. */
export function receive(s: ServerState, msg: Message, ctx: RaftContext): void {
  snapshotIfDue(s, ctx);
  const body = msg.body;
  if (body.type === 'ClientRequest') {
    handleClientRequest(s, msg.from, body, ctx);
    return;
  }
  if (body.type === 'ClientReply') return;
  if (body.type === 'TimeoutNow') {
    if (body.term > s.term) becomeFollower(s, body.term, ctx);
    handleTimeoutNow(s, body, ctx);
    return;
  }
  if (body.type === 'ReadIndex' || body.type === 'ReadIndexReply') {
    if (body.term > s.term) becomeFollower(s, body.term, ctx); // F2-A2
    if (body.type === 'ReadIndex') handleReadIndex(s, msg.from, body, ctx);
    else if (s.role !== 'leader') handleReadIndexReply(s, body, ctx);
    return;
  }
  if (body.type === 'RequestVote' && ignoresDisruption(s, body, ctx)) {
    ctx.emit({
      type: 'voteIgnored',
      voter: s.id,
      candidate: body.candidateId,
      term: body.term,
      time: ctx.now,
    });
    return;
  }
  // F2-A2, then go on with the message. Pre-votes change nobody's term (X-PV).
  if (body.term > s.term && !isPreVoteMessage(body)) becomeFollower(s, body.term, ctx);
  switch (s.role) {
    case 'follower':
      stepFollower(s, body, ctx);
      return;
    case 'precandidate':
      stepPrecandidate(s, msg.from, body, ctx);
      return;
    case 'candidate':
      stepCandidate(s, msg.from, body, ctx);
      return;
    case 'leader':
      stepLeader(s, msg.from, body, ctx);
      return;
  }
}

/** A pre-vote request, or a granted pre-vote: neither may move anybody's term (X-PV). */
function isPreVoteMessage(body: RaftBody): boolean {
  if (body.type === 'RequestVote') return body.preVote;
  return body.type === 'RequestVoteReply' && body.preVote && body.voteGranted;
}

function stepFollower(s: ServerState, body: RaftBody, ctx: RaftContext): void {
  if (body.type === 'RequestVote') handleVoteRequest(s, body, ctx);
  else if (body.type === 'AppendEntries') handleAppendEntries(s, body, ctx);
  else if (body.type === 'InstallSnapshot') handleInstallSnapshot(s, body, ctx);
  // Replies reaching a follower are stale by definition (F2-A3): dropped.
}

function stepPrecandidate(s: ServerState, from: Endpoint, body: RaftBody, ctx: RaftContext): void {
  switch (body.type) {
    case 'RequestVote':
      handleVoteRequest(s, body, ctx);
      return;
    case 'AppendEntries':
      // A leader of our term is alive: stop asking (F2-AE2 applies to pre-candidates too).
      if (body.term === s.term) becomeFollower(s, body.term, ctx);
      handleAppendEntries(s, body, ctx);
      return;
    case 'InstallSnapshot':
      if (body.term === s.term) becomeFollower(s, body.term, ctx);
      handleInstallSnapshot(s, body, ctx);
      return;
    case 'RequestVoteReply':
      handlePreVoteReply(s, from, body, ctx);
      return;
    case 'AppendEntriesReply':
    case 'InstallSnapshotReply':
      return; // stale (F2-A3)
  }
}

function stepCandidate(s: ServerState, from: Endpoint, body: RaftBody, ctx: RaftContext): void {
  switch (body.type) {
    case 'RequestVote':
      handleVoteRequest(s, body as RequestVote, ctx); // votedFor is self: denied unless our own
      return;
    case 'AppendEntries':
      // F2-AE2: a leader of our term exists; return to follower and process the request.
      if (body.term === s.term) becomeFollower(s, body.term, ctx);
      handleAppendEntries(s, body, ctx);
      return;
    case 'InstallSnapshot':
      if (body.term === s.term) becomeFollower(s, body.term, ctx);
      handleInstallSnapshot(s, body, ctx);
      return;
    case 'RequestVoteReply':
      if (!body.preVote) handleVoteReply(s, from, body, ctx);
      return;
    case 'AppendEntriesReply':
    case 'InstallSnapshotReply':
      return; // stale (F2-A3)
  }
}

function stepLeader(s: ServerState, from: Endpoint, body: RaftBody, ctx: RaftContext): void {
  switch (body.type) {
    case 'RequestVote':
      handleVoteRequest(s, body, ctx); // same term: we voted for ourselves, so denied
      return;
    case 'AppendEntries':
      // Same-term AppendEntries from another leader cannot happen while INV-ES holds; a stale
      // one is rejected by F2-AE1. Either way the reply carries our term.
      handleAppendEntries(s, body, ctx);
      return;
    case 'InstallSnapshot':
      handleInstallSnapshot(s, body, ctx); // stale (F2-IS1) or impossible, as above
      return;
    case 'AppendEntriesReply':
      handleAppendReply(s, from, body, ctx);
      return;
    case 'InstallSnapshotReply':
      handleSnapshotReply(s, from, body, ctx);
      return;
    case 'RequestVoteReply':
      return; // stale (F2-A3)
  }
}

/** Fires the server's timer: election timeout (F2-F2) or the leader's due RPCs (F2-L1, F2-L3). */
export function tick(s: ServerState, ctx: RaftContext): void {
  if (s.crashed) return;
  snapshotIfDue(s, ctx);
  if (s.role === 'leader') {
    tickLeader(s, ctx);
    return;
  }
  if (campaigns(s) && ctx.now >= s.electionDeadlineMs) {
    electionTimeout(s, ctx, false);
    return;
  }
  if (s.role !== 'follower') sendDueRequestVotes(s, ctx);
}

/** A restarted server is a follower with commitIndex 0 that relearns the rest (the rule catalogue (src/i18n/rules.ts)). */
export function restart(s: ServerState, ctx: RaftContext): void {
  s.crashed = false;
  // The state machine comes back from the snapshot (F2-IS6), the rest from the log as the
  // commit index is learned again.
  restoreFromSnapshot(s);
  resetElectionTimer(s, ctx);
}
