/**
 * A Raft server as a state machine: Figure 2 of the paper, rule by rule (the rule catalogue (src/i18n/rules.ts)), plus
 * membership changes (§1.9). Each function takes the server's plain-data state and a context that
 * owns time, randomness and the network; nothing here reads a clock or draws a random number by
 * itself. This file is the server's entry points and its step function per role (`stepFollower`,
 * `stepCandidate`, `stepLeader`), as in etcd's raft; the rules live by concern in raft/:
 * election.ts, follower.ts (AppendEntries received), leader.ts (sent, committed), commit.ts,
 * log.ts, roles.ts, and membership.ts beside quorum.ts.
 */
import { changeDeadline, initialConfigOf } from './membership.ts';
import { isVoter } from './quorum.ts';
import { resetElectionTimer, type RaftContext } from './raft/context.ts';
import {
  electionTimeout,
  handlePreVoteReply,
  handleVoteReply,
  handleTimeoutNow,
  handleVoteRequest,
  ignoresDisruption,
  sendDueRequestVotes,
} from './raft/election.ts';
import { handleAppendEntries } from './raft/follower.ts';
import {
  handleAppendReply,
  handleClientRequest,
  handleReadIndex,
  handleSnapshotReply,
  tickLeader,
} from './raft/leader.ts';
import { configOf, lastLogIndex } from './raft/log.ts';
import { becomeFollower, campaigns } from './raft/roles.ts';
import { handleReadIndexReply } from './raft/reads.ts';
import { handleInstallSnapshot, restoreFromSnapshot, snapshotIfDue } from './raft/snapshot.ts';
import { isReplicationTarget } from './membership.ts';
import type {
  ClientRequest,
  Endpoint,
  Message,
  MessageBody,
  PeerState,
  ReadIndexReply,
  ReadIndexRequest,
  RequestVote,
  ServerId,
  ServerState,
  SimConfig,
  TimeMs,
  TimeoutNow,
} from './types.ts';

export type { RaftContext } from './raft/context.ts';
export { resetElectionTimer } from './raft/context.ts';
export { electionTimeout, startElection, startPreVote } from './raft/election.ts';
export { startTransfer } from './raft/transfer.ts';
export { appendToLog, lastLogIndex, lastLogTerm, termAt, truncateLog } from './raft/log.ts';

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

/** The next virtual time at which `tick` has something to do, or null. */
export function wakeTime(s: ServerState, config: SimConfig): TimeMs | null {
  if (s.crashed) return null;
  if (s.role === 'follower') return campaigns(s) ? s.electionDeadlineMs : null;
  return s.role === 'leader' ? leaderWakeTime(s, config) : candidateWakeTime(s);
}

function candidateWakeTime(s: ServerState): TimeMs {
  let wake = s.electionDeadlineMs;
  const config = configOf(s);
  for (const p of s.peers) {
    if (!p.voteResponded && isVoter(config, p.id)) wake = Math.min(wake, p.rpcDueMs);
  }
  return wake;
}

function leaderWakeTime(s: ServerState, config: SimConfig): TimeMs | null {
  let wake = config.checkQuorum ? s.quorumCheckDueMs : Number.POSITIVE_INFINITY;
  const due = changeDeadline(s, config);
  if (due !== null) wake = Math.min(wake, due);
  if (s.transfer !== null) wake = Math.min(wake, s.transfer.deadlineMs);
  const membership = configOf(s);
  const last = lastLogIndex(s);
  for (const p of s.peers) {
    if (!isReplicationTarget(s, membership, p.id)) continue;
    if (p.heartbeatDueMs < wake) wake = p.heartbeatDueMs;
    if (p.nextIndex <= last && p.rpcDueMs < wake) wake = p.rpcDueMs;
  }
  return Number.isFinite(wake) ? wake : null;
}

// ---------------------------------------------------------------------------------------------
// Crash and restart (F2-S4..S6, the rule catalogue (src/i18n/rules.ts) "Restart")
// ---------------------------------------------------------------------------------------------

/** A crash keeps exactly the persistent state (F2-S1..S4); everything volatile is lost. */
export function crash(s: ServerState, ctx: RaftContext): void {
  s.crashed = true;
  s.role = 'follower';
  if (ctx.bug('BUG-VOTEVOLATILE')) s.votedFor = null; // the bug: votedFor was never persisted
  s.commitIndex = 0; // F2-S5
  s.lastApplied = 0; // F2-S6: as volatile as the state machine
  s.leaderHint = null;
  s.leaderContactMs = null;
  s.kv = {};
  s.sessions = {};
  s.change = null;
  s.transfer = null;
  s.transferElection = false;
  s.reads = [];
  s.incomingSnapshot = null; // a partly received snapshot is volatile (F2-IS2)
  s.followerReads = [];
  for (const p of s.peers) resetPeer(p);
}

/** A restarted server is a follower with commitIndex 0 that relearns the rest (the rule catalogue (src/i18n/rules.ts)). */
export function restart(s: ServerState, ctx: RaftContext): void {
  s.crashed = false;
  // The state machine comes back from the snapshot (F2-IS6), the rest from the log as the
  // commit index is learned again.
  restoreFromSnapshot(s);
  resetElectionTimer(s, ctx);
}

export function resetPeer(p: PeerState): void {
  p.nextIndex = 1;
  p.matchIndex = 0;
  p.voteGranted = false;
  p.voteResponded = false;
  p.rpcDueMs = 0;
  p.sentEndIndex = 0;
  p.heartbeatDueMs = 0;
  p.lastAckMs = 0;
  p.ackedSentMs = -1;
  p.snapshotOut = null;
}

/**
 * A server in its initial state. `config` gives the number of server slots and the initial
 * members (a server outside them starts with no configuration); a bare count means "everyone".
 */
export function newServer(id: ServerId, config: number | SimConfig): ServerState {
  const servers = typeof config === 'number' ? config : config.servers;
  const peers: PeerState[] = [];
  for (let other = 1; other <= servers; other++) {
    if (other === id) continue;
    const p = { id: other } as PeerState;
    resetPeer(p);
    peers.push(p);
  }
  const full = typeof config === 'number' ? { servers, members: null } : config;
  return {
    id,
    crashed: false,
    term: 0,
    votedFor: null,
    log: [],
    snapshot: null,
    role: 'follower',
    commitIndex: 0,
    lastApplied: 0,
    leaderHint: null,
    electionDeadlineMs: 0,
    electionTimeoutMs: 0,
    peers,
    kv: {},
    sessions: {},
    leaderContactMs: null,
    quorumCheckDueMs: 0,
    logDirtyFrom: 0,
    baseConfig: initialConfigOf(full as SimConfig, id),
    configIndexes: [],
    change: null,
    transfer: null,
    transferElection: false,
    reads: [],
    incomingSnapshot: null,
    followerReads: [],
  };
}
