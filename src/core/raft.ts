/**
 * A Raft server as a state machine: Figure 2 of the paper, rule by rule (RAFT.md §1). Each function
 * takes the server's plain-data state and a context that owns time, randomness and the network;
 * nothing here reads a clock or draws a random number by itself. One step function per role
 * (`stepFollower`, `stepCandidate`, `stepLeader`), as in etcd's raft.
 */
import { applyEntry } from './kv.ts';
import type {
  AppendEntries,
  AppendEntriesReply,
  BugId,
  ClientRequest,
  Endpoint,
  Entry,
  Message,
  MessageBody,
  PeerState,
  RequestVote,
  RequestVoteReply,
  Role,
  ServerId,
  ServerState,
  SimConfig,
  SimEvent,
  TimeMs,
} from './types.ts';

/** What a server may ask of the simulation around it. */
export interface RaftContext {
  readonly now: TimeMs;
  readonly config: SimConfig;
  send(from: Endpoint, to: Endpoint, body: MessageBody): void;
  emit(event: DistributiveOmit<SimEvent, 'time'>): void;
  /** Draws this server's next election timeout (F2-T1). */
  drawElectionTimeout(server: ServerId): number;
  /** A fresh unique id for an entry a leader appends. */
  entryId(server: ServerId, term: number, index: number): string;
  bug(id: BugId): boolean;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

export function lastLogIndex(s: ServerState): number {
  return s.log.length;
}

export function lastLogTerm(s: ServerState): number {
  return s.log[s.log.length - 1]?.term ?? 0;
}

/** Term of the entry at a 1-based index; 0 for index 0 ("before the first entry"). */
export function termAt(s: ServerState, index: number): number {
  if (index === 0) return 0;
  return s.log[index - 1]?.term ?? -1;
}

function majority(config: SimConfig): number {
  return Math.floor(config.servers / 2) + 1;
}

function peer(s: ServerState, id: ServerId): PeerState | undefined {
  return s.peers.find((p) => p.id === id);
}

/** The only two ways a log changes: append at the end, and truncate a suffix (checked by INV-LAO). */
export function appendToLog(s: ServerState, entry: Entry): void {
  s.log.push(entry);
  markDirty(s, s.log.length);
}

export function truncateLog(s: ServerState, fromIndex: number): number {
  const removed = s.log.length - fromIndex + 1;
  if (removed <= 0) return 0;
  s.log.length = fromIndex - 1;
  markDirty(s, fromIndex);
  return removed;
}

function markDirty(s: ServerState, index: number): void {
  s.logDirtyFrom = s.logDirtyFrom === 0 ? index : Math.min(s.logDirtyFrom, index);
}

function resetElectionTimer(s: ServerState, ctx: RaftContext): void {
  const timeout = ctx.drawElectionTimeout(s.id);
  s.electionTimeoutMs = timeout;
  s.electionDeadlineMs = ctx.now + timeout;
}

function sendTo(s: ServerState, to: Endpoint, body: MessageBody, ctx: RaftContext): void {
  ctx.send(s.id, to, body);
}

// ---------------------------------------------------------------------------------------------
// Role changes
// ---------------------------------------------------------------------------------------------

/** F2-A2: a higher term makes any server a follower of that term with no vote yet. */
function becomeFollower(s: ServerState, term: number, ctx: RaftContext): void {
  const from: Role = s.role;
  const termChanged = term > s.term;
  if (termChanged) {
    s.term = term;
    s.votedFor = null; // F2-RV5 (b)
    s.leaderHint = null; // F2-S9: the leader hint belongs to a term
  }
  s.role = 'follower';
  if (from !== 'follower' || termChanged) ctx.emit({ type: 'stepDown', server: s.id, term, from });
  if (from === 'leader') resetElectionTimer(s, ctx); // a leader has no running election timer
}

/** X-PV: ask everyone whether they would vote for us in term + 1, without raising our term. */
export function startPreVote(s: ServerState, ctx: RaftContext): void {
  s.role = 'precandidate';
  beginVoteRound(s, ctx);
  ctx.emit({ type: 'preVoteStart', server: s.id, term: s.term + 1 });
  if (votesFor(s) >= majority(ctx.config)) startElection(s, ctx, false);
  else sendDueRequestVotes(s, ctx);
}

/** Candidates rule of Figure 2: new term, vote for self atomically (D3), reset timer, ask everyone. */
export function startElection(s: ServerState, ctx: RaftContext, forced: boolean): void {
  s.role = 'candidate';
  s.term += 1;
  s.votedFor = s.id; // F2-RV5 (c)
  beginVoteRound(s, ctx);
  ctx.emit({ type: 'electionStart', server: s.id, term: s.term, forced });
  ctx.emit({ type: 'vote', voter: s.id, candidate: s.id, term: s.term, granted: true });
  if (votesFor(s) >= majority(ctx.config)) becomeLeader(s, ctx);
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

function votesFor(s: ServerState): number {
  return 1 + s.peers.filter((p) => p.voteGranted).length;
}

function becomeLeader(s: ServerState, ctx: RaftContext): void {
  s.role = 'leader';
  s.leaderHint = s.id;
  for (const p of s.peers) {
    p.nextIndex = lastLogIndex(s) + 1; // F2-S7
    p.matchIndex = 0; // F2-S8
    p.rpcDueMs = ctx.now;
    p.heartbeatDueMs = ctx.now; // F2-L1: heartbeat at once
    p.lastAckMs = ctx.now; // CheckQuorum counts from the election on
  }
  s.quorumCheckDueMs = ctx.now + ctx.config.electionTimeoutMs[0];
  ctx.emit({ type: 'becomeLeader', server: s.id, term: s.term });
  if (ctx.config.noopOnElection) leaderAppend(s, 'noop', undefined, ctx); // F2-L7
  sendDueAppendEntries(s, ctx);
  advanceCommitIndex(s, ctx);
}

// ---------------------------------------------------------------------------------------------
// Entry points used by the simulation
// ---------------------------------------------------------------------------------------------

/** Delivers one message to a live server. */
export function receive(s: ServerState, msg: Message, ctx: RaftContext): void {
  const body = msg.body;
  if (body.type === 'ClientRequest') {
    handleClientRequest(s, msg.from, body, ctx);
    return;
  }
  if (body.type === 'ClientReply') return;
  if (body.type === 'RequestVote' && ignoresDisruption(s, body, ctx)) {
    ctx.emit({ type: 'voteIgnored', voter: s.id, candidate: body.candidateId, term: body.term });
    return;
  }
  // F2-A2, then go on with the message. Pre-votes change nobody's term (X-PV).
  if (body.term > s.term && !isPreVoteMessage(body)) becomeFollower(s, body.term, ctx);
  switch (s.role) {
    case 'follower':
      stepFollower(s, msg.from, body, ctx);
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

type RaftBody = Exclude<MessageBody, ClientRequest | { type: 'ClientReply' }>;

/** A pre-vote request, or a granted pre-vote: neither may move anybody's term (X-PV). */
function isPreVoteMessage(body: RaftBody): boolean {
  if (body.type === 'RequestVote') return body.preVote;
  return body.type === 'RequestVoteReply' && body.preVote && body.voteGranted;
}

/** Whether the server heard a leader of its term less than a minimum election timeout ago. */
function heardLeaderRecently(s: ServerState, ctx: RaftContext): boolean {
  if (s.role === 'leader') return true;
  const last = s.leaderContactMs;
  return last !== null && ctx.now - last < ctx.config.electionTimeoutMs[0];
}

/**
 * CheckQuorum's lease (X-CQ; RAFT.md §1.9 M-7, SC-26, as etcd does it): a server that heard its
 * leader recently ignores a RequestVote that would raise its term, so a partitioned server coming
 * back cannot depose a healthy leader.
 */
function ignoresDisruption(s: ServerState, m: RequestVote, ctx: RaftContext): boolean {
  return ctx.config.checkQuorum && !m.preVote && m.term > s.term && heardLeaderRecently(s, ctx);
}

function handleVoteRequest(s: ServerState, m: RequestVote, ctx: RaftContext): void {
  if (m.preVote) handlePreVote(s, m, ctx);
  else handleRequestVote(s, m, ctx);
}

function stepFollower(s: ServerState, from: Endpoint, body: RaftBody, ctx: RaftContext): void {
  if (body.type === 'RequestVote') handleVoteRequest(s, body, ctx);
  else if (body.type === 'AppendEntries') handleAppendEntries(s, body, ctx);
  // Replies reaching a follower are stale by definition (F2-A3): dropped.
  void from;
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
    case 'RequestVoteReply':
      handlePreVoteReply(s, from, body, ctx);
      return;
    case 'AppendEntriesReply':
      return; // stale (F2-A3)
  }
}

function stepCandidate(s: ServerState, from: Endpoint, body: RaftBody, ctx: RaftContext): void {
  switch (body.type) {
    case 'RequestVote':
      handleVoteRequest(s, body, ctx); // votedFor is self: denied unless it is our own request
      return;
    case 'AppendEntries':
      // F2-AE2: a leader of our term exists; return to follower and process the request.
      if (body.term === s.term) becomeFollower(s, body.term, ctx);
      handleAppendEntries(s, body, ctx);
      return;
    case 'RequestVoteReply':
      if (!body.preVote) handleVoteReply(s, from, body, ctx);
      return;
    case 'AppendEntriesReply':
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
    case 'AppendEntriesReply':
      handleAppendReply(s, from, body, ctx);
      return;
    case 'RequestVoteReply':
      return; // stale (F2-A3)
  }
}

/** Fires the server's timer: election timeout (F2-F2) or the leader's due RPCs (F2-L1, F2-L3). */
export function tick(s: ServerState, ctx: RaftContext): void {
  if (s.crashed) return;
  if (s.role === 'leader') {
    if (ctx.config.checkQuorum && ctx.now >= s.quorumCheckDueMs && !checkQuorum(s, ctx)) return;
    sendDueAppendEntries(s, ctx);
    return;
  }
  if (ctx.now >= s.electionDeadlineMs) {
    electionTimeout(s, ctx, false);
    return;
  }
  if (s.role !== 'follower') sendDueRequestVotes(s, ctx);
}

/** The election timer fired (F2-F2): with PreVote, first ask whether we could win (X-PV). */
export function electionTimeout(s: ServerState, ctx: RaftContext, forced: boolean): void {
  if (ctx.config.preVote && s.role !== 'leader') startPreVote(s, ctx);
  else startElection(s, ctx, forced);
}

/** The next virtual time at which `tick` has something to do, or null. */
export function wakeTime(s: ServerState, config: SimConfig): TimeMs | null {
  if (s.crashed) return null;
  if (s.role === 'follower') return s.electionDeadlineMs;
  const leader = s.role === 'leader';
  let wake = leader ? Number.POSITIVE_INFINITY : s.electionDeadlineMs;
  if (leader && config.checkQuorum) wake = s.quorumCheckDueMs;
  for (const p of s.peers) {
    if (!leader) {
      if (!p.voteResponded) wake = Math.min(wake, p.rpcDueMs);
    } else {
      wake = Math.min(wake, p.heartbeatDueMs);
      if (p.nextIndex <= lastLogIndex(s)) wake = Math.min(wake, p.rpcDueMs);
    }
  }
  return Number.isFinite(wake) ? wake : null;
}

// ---------------------------------------------------------------------------------------------
// RequestVote
// ---------------------------------------------------------------------------------------------

/** F2-RV1..RV5: at most one vote per term, only for an at-least-as-up-to-date log. */
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
  ctx.emit({ type: 'vote', voter: s.id, candidate: m.candidateId, term: s.term, granted });
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
  ctx.emit({ type: 'preVote', voter: s.id, candidate: m.candidateId, term: m.term, granted });
  const reply: RequestVoteReply = {
    type: 'RequestVoteReply',
    term: granted ? m.term : s.term,
    voteGranted: granted,
    preVote: true,
  };
  sendTo(s, m.candidateId, reply, ctx);
}

/** X-PV: a majority of pre-votes lets the pre-candidate start the real election. */
function handlePreVoteReply(
  s: ServerState,
  from: Endpoint,
  m: RequestVoteReply,
  ctx: RaftContext,
): void {
  if (!m.preVote) return;
  if (m.voteGranted && m.term !== s.term + 1) return; // an answer to an older round
  const p = peer(s, from);
  if (p === undefined) return;
  p.voteResponded = true;
  if (m.voteGranted) p.voteGranted = true;
  if (votesFor(s) >= majority(ctx.config)) startElection(s, ctx, false);
}

function handleVoteReply(
  s: ServerState,
  from: Endpoint,
  m: RequestVoteReply,
  ctx: RaftContext,
): void {
  // F2-A3: a reply from another term is stale (BUG-STALEVOTE counts it anyway).
  if (m.term !== s.term && !ctx.bug('BUG-STALEVOTE')) return;
  const p = peer(s, from);
  if (p === undefined) return;
  p.voteResponded = true;
  if (m.voteGranted) p.voteGranted = true;
  // D5: a majority of refusals keeps us candidate until the timer fires (paper behaviour).
  if (votesFor(s) >= majority(ctx.config)) becomeLeader(s, ctx);
}

function sendDueRequestVotes(s: ServerState, ctx: RaftContext): void {
  for (const p of s.peers) {
    if (p.voteResponded || p.rpcDueMs > ctx.now) continue;
    p.rpcDueMs = ctx.now + ctx.config.rpcTimeoutMs;
    const preVote = s.role === 'precandidate';
    const rv: RequestVote = {
      type: 'RequestVote',
      term: preVote ? s.term + 1 : s.term,
      candidateId: s.id,
      lastLogIndex: lastLogIndex(s),
      lastLogTerm: lastLogTerm(s),
      preVote,
    };
    sendTo(s, p.id, rv, ctx);
  }
}

// ---------------------------------------------------------------------------------------------
// AppendEntries, receiver side
// ---------------------------------------------------------------------------------------------

function replyAppend(
  s: ServerState,
  to: ServerId,
  success: boolean,
  matchIndex: number,
  rejectedIndex: number,
  ctx: RaftContext,
): void {
  const reply: AppendEntriesReply = {
    type: 'AppendEntriesReply',
    term: s.term,
    success,
    matchIndex,
    rejectedIndex,
  };
  sendTo(s, to, reply, ctx);
}

function handleAppendEntries(s: ServerState, m: AppendEntries, ctx: RaftContext): void {
  // F2-AE1: reject a stale leader with our term so it steps down (D4). BUG-STALEAE accepts it.
  const stale = m.term < s.term;
  if ((stale && !ctx.bug('BUG-STALEAE')) || s.role === 'leader') {
    replyAppend(s, m.leaderId, false, 0, m.prevLogIndex, ctx);
    return;
  }
  // F2-AE2: the sender leads this term; remember it and reset the election timer.
  s.leaderHint = m.leaderId;
  s.leaderContactMs = ctx.now;
  resetElectionTimer(s, ctx);
  if (ctx.bug('BUG-VOTERESET')) s.votedFor = null;
  // F2-AE3: the log must hold prevLogIndex with prevLogTerm (index 0 always matches).
  if (termAt(s, m.prevLogIndex) !== m.prevLogTerm) {
    replyAppend(s, m.leaderId, false, 0, m.prevLogIndex, ctx);
    return;
  }
  mergeEntries(s, m, ctx);
  const lastNew = m.prevLogIndex + m.entries.length;
  // F2-AE6 with D1: commitIndex = max(commitIndex, min(leaderCommit, index of last new entry)).
  const bound = ctx.bug('BUG-COMMITLAST') ? lastLogIndex(s) : lastNew;
  const target = Math.min(m.leaderCommit, bound);
  if (target > s.commitIndex) setCommitIndex(s, target, ctx);
  replyAppend(s, m.leaderId, true, lastNew, 0, ctx); // F2-AE8
}

/** F2-AE4 (delete only on conflict) and F2-AE5 (append what is new). */
function mergeEntries(s: ServerState, m: AppendEntries, ctx: RaftContext): void {
  if (ctx.bug('BUG-TRUNC') && m.entries.length > 0) {
    const removed = truncateLog(s, m.prevLogIndex + 1);
    if (removed > 0) {
      ctx.emit({ type: 'truncate', server: s.id, fromIndex: m.prevLogIndex + 1, removed });
    }
  }
  let index = m.prevLogIndex;
  let firstNew = 0;
  for (const entry of m.entries) {
    index += 1;
    const existing = s.log[index - 1];
    if (existing !== undefined && existing.term !== entry.term) {
      const removed = truncateLog(s, index);
      ctx.emit({ type: 'truncate', server: s.id, fromIndex: index, removed });
    }
    if (s.log.length < index) {
      appendToLog(s, entry);
      if (firstNew === 0) firstNew = index;
    }
  }
  if (firstNew > 0) {
    ctx.emit({
      type: 'replicate',
      server: s.id,
      leader: m.leaderId,
      fromIndex: firstNew,
      toIndex: index,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// AppendEntries, leader side
// ---------------------------------------------------------------------------------------------

/** F2-L1 and F2-L3: a heartbeat when one is due, entries when there are some and no RPC is out. */
function sendDueAppendEntries(s: ServerState, ctx: RaftContext): void {
  for (const p of s.peers) {
    const hasEntries = p.nextIndex <= lastLogIndex(s);
    const due = ctx.now >= p.heartbeatDueMs || (hasEntries && ctx.now >= p.rpcDueMs);
    if (due) sendAppendEntries(s, p, ctx);
  }
}

function sendAppendEntries(s: ServerState, p: PeerState, ctx: RaftContext): void {
  const prevLogIndex = p.nextIndex - 1;
  const entries = s.log.slice(prevLogIndex, prevLogIndex + ctx.config.maxEntriesPerAppend);
  const ae: AppendEntries = {
    type: 'AppendEntries',
    term: s.term,
    leaderId: s.id,
    prevLogIndex,
    prevLogTerm: termAt(s, prevLogIndex),
    entries,
    leaderCommit: s.commitIndex,
  };
  p.rpcDueMs = ctx.now + ctx.config.rpcTimeoutMs;
  p.heartbeatDueMs = ctx.now + ctx.config.heartbeatMs;
  p.sentEndIndex = prevLogIndex + entries.length;
  sendTo(s, p.id, ae, ctx);
}

/**
 * F2-L4: success moves nextIndex/matchIndex forward (monotonic, D2); failure backs off by one.
 * A reply sends the next request at once only when it moved something (as etcd's raft does): a
 * duplicated, reordered or stale reply changes nothing and sends nothing, so duplication in the
 * network cannot multiply replication chains (a storm); the timers retry anything lost.
 */
function handleAppendReply(
  s: ServerState,
  from: Endpoint,
  m: AppendEntriesReply,
  ctx: RaftContext,
): void {
  if (m.term !== s.term) return; // F2-A3
  const p = peer(s, from);
  if (p === undefined) return;
  p.lastAckMs = ctx.now; // any answer of this term is a sign of life (X-CQ)
  const moved = m.success ? acceptSuccess(s, p, m, ctx) : acceptRejection(p, m);
  if (!moved) return;
  p.rpcDueMs = ctx.now; // the RPC is answered: the next one may go at once
  if (p.nextIndex <= lastLogIndex(s)) sendAppendEntries(s, p, ctx);
}

/** Whether a success reply advanced matchIndex, or answers the request still outstanding. */
function acceptSuccess(
  s: ServerState,
  p: PeerState,
  m: AppendEntriesReply,
  ctx: RaftContext,
): boolean {
  if (m.matchIndex > p.matchIndex) {
    p.matchIndex = m.matchIndex;
    p.nextIndex = Math.max(p.nextIndex, m.matchIndex + 1);
    advanceCommitIndex(s, ctx);
    return true;
  }
  // Nothing new (a heartbeat's answer): it frees the slot only if it answers the latest request
  // and that one is still outstanding; a second copy of the same answer finds the slot free.
  return m.matchIndex === p.sentEndIndex && p.rpcDueMs > ctx.now;
}

/** Whether a rejection of the latest request moved nextIndex back (F2-L4). */
function acceptRejection(p: PeerState, m: AppendEntriesReply): boolean {
  // A rejection of an older prevLogIndex (duplicated or reordered) is stale: backing off again
  // for it would skip entries and start another chain of requests.
  if (m.rejectedIndex !== p.nextIndex - 1) return false;
  // Never below matchIndex + 1: known progress is never undone.
  const backedOff = Math.max(1, p.matchIndex + 1, p.nextIndex - 1);
  // At the floor the refusal is no log mismatch (only a same-term leader, possible with a vote
  // teaching bug, refuses there): retry on the timers, not at once, so time keeps moving.
  if (backedOff === p.nextIndex) return false;
  p.nextIndex = backedOff;
  return true;
}

/**
 * F2-L5: the highest N held by a majority whose entry is of the current term. Earlier terms are
 * committed only indirectly (§5.4.2); BUG-FIG8 drops the term test.
 */
function advanceCommitIndex(s: ServerState, ctx: RaftContext): void {
  const needed = majority(ctx.config);
  for (let n = lastLogIndex(s); n > s.commitIndex; n--) {
    const term = termAt(s, n);
    if (term !== s.term && !ctx.bug('BUG-FIG8')) {
      if (term < s.term) return; // terms only decrease further back (INV-X3)
      continue;
    }
    const holders = 1 + s.peers.filter((p) => p.matchIndex >= n).length;
    if (holders >= needed) {
      setCommitIndex(s, n, ctx);
      return;
    }
  }
}

/**
 * X-CQ: once per minimum election timeout the leader counts the peers that answered since the last
 * count; without a majority (itself included) it steps down. Returns whether it is still leader.
 */
function checkQuorum(s: ServerState, ctx: RaftContext): boolean {
  const spanMs = ctx.config.electionTimeoutMs[0];
  const active = 1 + s.peers.filter((p) => p.lastAckMs >= ctx.now - spanMs).length;
  if (active >= majority(ctx.config)) {
    s.quorumCheckDueMs = ctx.now + spanMs;
    return true;
  }
  ctx.emit({ type: 'quorumLost', server: s.id, term: s.term, active });
  becomeFollower(s, s.term, ctx);
  s.leaderHint = null;
  return false;
}

function setCommitIndex(s: ServerState, index: number, ctx: RaftContext): void {
  s.commitIndex = index;
  ctx.emit({ type: 'commit', server: s.id, index });
  applyCommitted(s, ctx);
}

/** F2-A1: apply in index order; the leader answers the client once applied (F2-L2). */
function applyCommitted(s: ServerState, ctx: RaftContext): void {
  while (s.lastApplied < s.commitIndex) {
    s.lastApplied += 1;
    const entry = s.log[s.lastApplied - 1];
    if (entry === undefined) return;
    const useSessions = !ctx.bug('BUG-NOSESSION');
    const outcome = applyEntry(s.kv, s.sessions, entry, useSessions);
    ctx.emit({
      type: 'apply',
      server: s.id,
      index: s.lastApplied,
      command: entry.command,
      result: outcome.result,
      duplicate: outcome.duplicate,
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

// ---------------------------------------------------------------------------------------------
// Clients (RAFT.md §1.8)
// ---------------------------------------------------------------------------------------------

function leaderAppend(
  s: ServerState,
  command: string,
  client: Entry['client'],
  ctx: RaftContext,
): void {
  const index = lastLogIndex(s) + 1;
  const entry: Entry =
    client === undefined
      ? { term: s.term, command, id: ctx.entryId(s.id, s.term, index) }
      : { term: s.term, command, client, id: ctx.entryId(s.id, s.term, index) };
  appendToLog(s, entry);
  ctx.emit({ type: 'append', server: s.id, index, term: s.term, command });
}

/** C-1: only the leader takes commands; others answer with the leader they know of. */
function handleClientRequest(
  s: ServerState,
  from: Endpoint,
  m: ClientRequest,
  ctx: RaftContext,
): void {
  if (s.role !== 'leader') {
    sendTo(
      s,
      from,
      {
        type: 'ClientReply',
        client: m.client,
        seq: m.seq,
        ok: false,
        result: '',
        leaderHint: s.leaderHint,
      },
      ctx,
    );
    return;
  }
  // F2-L2: append now, answer once applied. A retry becomes a new entry; the session table
  // answers it without executing it twice (C-2, SC-29).
  leaderAppend(s, m.command, { client: m.client, seq: m.seq }, ctx);
  sendDueAppendEntries(s, ctx);
  advanceCommitIndex(s, ctx);
}

// ---------------------------------------------------------------------------------------------
// Crash and restart (F2-S4..S6, RAFT.md §1.1 "Restart")
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
  for (const p of s.peers) resetPeer(p);
}

/** A restarted server is a follower with commitIndex 0 that relearns the rest (RAFT.md §1.1). */
export function restart(s: ServerState, ctx: RaftContext): void {
  s.crashed = false;
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
}

export function newServer(id: ServerId, servers: number): ServerState {
  const peers: PeerState[] = [];
  for (let other = 1; other <= servers; other++) {
    if (other === id) continue;
    const p: PeerState = {
      id: other,
      nextIndex: 1,
      matchIndex: 0,
      voteGranted: false,
      voteResponded: false,
      rpcDueMs: 0,
      sentEndIndex: 0,
      heartbeatDueMs: 0,
      lastAckMs: 0,
    };
    peers.push(p);
  }
  return {
    id,
    crashed: false,
    term: 0,
    votedFor: null,
    log: [],
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
  };
}

export { resetElectionTimer };
