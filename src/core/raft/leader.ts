/**
 * The leader (the rule catalogue (src/i18n/rules.ts)): taking office, sending AppendEntries (F2-L1, F2-L3), reading the
 * replies (F2-L4), committing by counting in the configuration in force (F2-L5, M-4, M-6),
 * CheckQuorum (X-CQ), and taking client commands and membership changes (C-1, §1.9).
 */
import {
  afterLeaderCommit,
  checkChangeDeadline,
  handleAdmin,
  onNewcomerReply,
  parseAdmin,
  isReplicationTarget,
} from '../membership.ts';
import { isVoter, quorumAgrees, quorumCommitted } from '../quorum.ts';
import type {
  AppendEntries,
  AppendEntriesReply,
  ClientRequest,
  InstallSnapshotReply,
  ReadIndexRequest,
  Endpoint,
  Entry,
  PeerState,
  ServerId,
  ServerState,
} from '../types.ts';
import { peerOf, sendTo, type RaftContext } from './context.ts';
import { setCommitIndex } from './commit.ts';
import { appendAsLeader, configOf, lastLogIndex, termAt } from './log.ts';
import {
  readKeyOf,
  readsNeedRound,
  serveReads,
  servesFollowerRead,
  startFollowerRead,
  startForwardedRead,
  startRead,
} from './reads.ts';
import { becomeFollower } from './roles.ts';
import { acceptSnapshotReply, needsSnapshot, sendSnapshotChunk } from './snapshot.ts';
import { checkTransferDeadline, progressTransfer } from './transfer.ts';

export function becomeLeader(s: ServerState, ctx: RaftContext): void {
  s.role = 'leader';
  s.leaderHint = s.id;
  s.change = null;
  s.transfer = null;
  s.reads = [];
  for (const p of s.peers) {
    p.nextIndex = lastLogIndex(s) + 1; // F2-S7
    p.matchIndex = 0; // F2-S8
    p.rpcDueMs = ctx.now;
    p.heartbeatDueMs = ctx.now; // F2-L1: heartbeat at once
    p.lastAckMs = ctx.now; // CheckQuorum counts from the election on
    p.ackedSentMs = -1; // nothing confirms this term's leadership yet (C-4, C-5)
    p.snapshotOut = null;
  }
  s.quorumCheckDueMs = ctx.now + ctx.config.electionTimeoutMs[0];
  ctx.emit({ type: 'becomeLeader', server: s.id, term: s.term, time: ctx.now });
  if (ctx.config.noopOnElection) appendAsLeader(s, 'noop', {}, ctx); // F2-L7
  sendDueAppendEntries(s, ctx);
  advanceCommitIndex(s, ctx);
  // A joint configuration already committed when we took office is finished by us (M-4).
  if (s.role === 'leader' && afterLeaderCommit(s, ctx)) replicateNew(s, ctx);
}

/** The leader's timer: CheckQuorum, a silent newcomer, then whatever AppendEntries are due. */
export function tickLeader(s: ServerState, ctx: RaftContext): void {
  if (ctx.config.checkQuorum && ctx.now >= s.quorumCheckDueMs && !checkQuorum(s, ctx)) return;
  checkChangeDeadline(s, ctx);
  checkTransferDeadline(s, ctx);
  sendDueAppendEntries(s, ctx);
}

/** F2-L1 and F2-L3: a heartbeat when one is due, entries when there are some and no RPC is out. */
export function sendDueAppendEntries(s: ServerState, ctx: RaftContext): void {
  const config = configOf(s);
  for (const p of s.peers) {
    if (!isReplicationTarget(s, config, p.id)) continue;
    const hasEntries = p.nextIndex <= lastLogIndex(s);
    const due = ctx.now >= p.heartbeatDueMs || (hasEntries && ctx.now >= p.rpcDueMs);
    if (due) sendReplication(s, p, ctx);
  }
}

/** AppendEntries, or a chunk of the snapshot when the entry the peer needs is gone (F2-IS7). */
function sendReplication(s: ServerState, p: PeerState, ctx: RaftContext): void {
  if (needsSnapshot(s, p)) sendSnapshotChunk(s, p, ctx);
  else sendAppendEntries(s, p, ctx);
}

/** A heartbeat's entries: one frozen empty list for all of them (nothing writes into a message). */
const NO_ENTRIES = Object.freeze([]) as readonly Entry[] as Entry[];

function sendAppendEntries(s: ServerState, p: PeerState, ctx: RaftContext): void {
  const prevLogIndex = p.nextIndex - 1;
  const entries =
    prevLogIndex >= s.log.length
      ? NO_ENTRIES
      : s.log.slice(prevLogIndex, prevLogIndex + ctx.config.maxEntriesPerAppend);
  const ae: AppendEntries = {
    type: 'AppendEntries',
    term: s.term,
    leaderId: s.id,
    prevLogIndex,
    prevLogTerm: termAt(s, prevLogIndex),
    entries,
    leaderCommit: s.commitIndex,
    sentMs: ctx.now,
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
export function handleAppendReply(
  s: ServerState,
  from: Endpoint,
  m: AppendEntriesReply,
  ctx: RaftContext,
): void {
  if (m.term !== s.term) return; // F2-A3
  const p = peerOf(s, from);
  if (p === undefined) return;
  p.lastAckMs = ctx.now; // any answer of this term is a sign of life (X-CQ)
  // Any answer of our term means the peer followed us when the request was sent (C-4).
  p.ackedSentMs = Math.max(p.ackedSentMs, m.echoSentMs);
  const moved = m.success ? acceptSuccess(s, p, m, ctx) : acceptRejection(p, m);
  if (s.role !== 'leader') return; // C_new committed without us: we stepped down (M-6)
  if (onNewcomerReply(s, p.id, ctx)) replicateNew(s, ctx);
  serveReads(s, ctx);
  if (p.id === s.transfer?.target) progressTransfer(s, ctx);
  if (!moved) return;
  p.rpcDueMs = ctx.now; // the RPC is answered: the next one may go at once
  if (p.nextIndex <= lastLogIndex(s)) sendReplication(s, p, ctx);
}

/**
 * A follower answered a chunk of our snapshot (F2-IS2): the next chunk goes at once; once the
 * whole snapshot is saved, its log is known up to the last included entry and AppendEntries go
 * on after it. As for AppendEntries, a stale or duplicated answer moves nothing and sends nothing.
 */
export function handleSnapshotReply(
  s: ServerState,
  from: Endpoint,
  m: InstallSnapshotReply,
  ctx: RaftContext,
): void {
  if (m.term !== s.term) return; // F2-A3
  const p = peerOf(s, from);
  if (p === undefined) return;
  p.lastAckMs = ctx.now; // a sign of life (X-CQ)
  p.ackedSentMs = Math.max(p.ackedSentMs, m.echoSentMs); // it followed us when we sent (C-4)
  const { moved, matched } = acceptSnapshotReply(p, m, ctx.now);
  if (matched) advanceCommitIndex(s, ctx);
  if (s.role !== 'leader') return;
  if (onNewcomerReply(s, p.id, ctx)) replicateNew(s, ctx);
  serveReads(s, ctx);
  if (p.id === s.transfer?.target) progressTransfer(s, ctx); // SC-44: only once it is caught up
  if (!moved) return;
  if (p.snapshotOut !== null || p.nextIndex <= lastLogIndex(s)) sendReplication(s, p, ctx);
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
 * F2-L5: the highest N held by a quorum of the configuration in force (both majorities when
 * joint, M-4) whose entry is of the current term. Earlier terms are committed only indirectly
 * (§5.4.2); BUG-FIG8 drops the term test. The leader counts itself only where it is a member
 * (M-6); BUG-SELFCOUNT counts it anyway.
 */
export function advanceCommitIndex(s: ServerState, ctx: RaftContext): void {
  const selfCounts = ctx.bug('BUG-SELFCOUNT');
  const n = quorumCommitted(configOf(s), (id) => {
    if (id === s.id) return lastLogIndex(s);
    return peerOf(s, id)?.matchIndex ?? 0;
  });
  const withSelf = selfCounts ? Math.max(n, committedCountingSelf(s)) : n;
  if (withSelf <= s.commitIndex) return;
  // Terms only grow along the log (INV-X3): if N is of an older term, so is everything below it.
  if (termAt(s, withSelf) !== s.term && !ctx.bug('BUG-FIG8')) return;
  setCommitIndex(s, withSelf, ctx);
  if (afterLeaderCommit(s, ctx)) replicateNew(s, ctx);
  serveReads(s, ctx);
}

/** BUG-SELFCOUNT: what a leader outside C_new would commit if it counted its own log anyway. */
function committedCountingSelf(s: ServerState): number {
  const config = configOf(s);
  if (config === null || config.voters.includes(s.id)) return 0;
  const withSelf = { ...config, voters: [...config.voters, s.id].sort((a, b) => a - b) };
  const needed = Math.floor(config.voters.length / 2) + 1;
  // Count the leader among the voters but keep C_new's majority size: the bug in etcd's words,
  // "if the leader unconditionally counted itself as part of the commit quorum".
  const matches = withSelf.voters
    .map((id) => (id === s.id ? lastLogIndex(s) : (peerOf(s, id)?.matchIndex ?? 0)))
    .sort((a, b) => b - a);
  return matches[needed - 1] ?? 0;
}

/** A follower asks for a read index (C-4): held like a read, then sent back instead of answered. */
export function handleReadIndex(
  s: ServerState,
  from: Endpoint,
  m: ReadIndexRequest,
  ctx: RaftContext,
): void {
  startForwardedRead(s, from, m, ctx);
  if (s.role === 'leader' && readsNeedRound(s, ctx)) heartbeatNow(s, ctx);
}

/** C-4 step 3: a heartbeat to every follower now, so a held read is confirmed within a round trip. */
function heartbeatNow(s: ServerState, ctx: RaftContext): void {
  for (const p of s.peers) p.heartbeatDueMs = Math.min(p.heartbeatDueMs, ctx.now);
  sendDueAppendEntries(s, ctx);
}

/** New entries of our own (a configuration): send them and see whether they commit at once. */
function replicateNew(s: ServerState, ctx: RaftContext): void {
  if (s.role !== 'leader') return;
  sendDueAppendEntries(s, ctx);
  advanceCommitIndex(s, ctx);
}

/**
 * X-CQ: once per minimum election timeout the leader counts the voters that answered since the
 * last count; without a quorum (itself included where it is a member) it steps down. Returns
 * whether it is still leader.
 */
function checkQuorum(s: ServerState, ctx: RaftContext): boolean {
  const spanMs = ctx.config.electionTimeoutMs[0];
  const recent = (id: number): boolean =>
    id === s.id || (peerOf(s, id)?.lastAckMs ?? -Infinity) >= ctx.now - spanMs;
  if (quorumAgrees(configOf(s), recent)) {
    s.quorumCheckDueMs = ctx.now + spanMs;
    return true;
  }
  const active = 1 + s.peers.filter((p) => recent(p.id)).length;
  ctx.emit({ type: 'quorumLost', server: s.id, term: s.term, active, time: ctx.now });
  becomeFollower(s, s.term, ctx);
  s.leaderHint = null;
  return false;
}

/** C-1: only the leader takes commands; others answer with the leader they know of. */
export function handleClientRequest(
  s: ServerState,
  from: Endpoint,
  m: ClientRequest,
  ctx: RaftContext,
): void {
  if (s.role !== 'leader') {
    const key = readKeyOf(m.command, ctx);
    if (key !== null && servesFollowerRead(s, ctx))
      startFollowerRead(s, m, key, ctx); // C-4
    else reply(s, from, m, false, '', ctx);
    return;
  }
  if (s.transfer !== null) {
    // X-LT step 1: no new requests while leadership moves; the client follows to the target.
    sendTo(
      s,
      from,
      {
        type: 'ClientReply',
        client: m.client,
        seq: m.seq,
        ok: false,
        result: '',
        leaderHint: s.transfer.target,
      },
      ctx,
    );
    return;
  }
  const readKey = readKeyOf(m.command, ctx);
  if (readKey !== null) {
    startRead(s, m, readKey, from, ctx);
    if (readsNeedRound(s, ctx)) heartbeatNow(s, ctx);
    return;
  }
  const admin = parseAdmin(m.command);
  if (admin !== null) {
    const answer = handleAdmin(s, admin, m.command, { client: m.client, seq: m.seq }, ctx);
    if (answer !== null) reply(s, from, m, true, answer, ctx);
    replicateNew(s, ctx);
    return;
  }
  // F2-L2: append now, answer once applied. A retry becomes a new entry; the session table
  // answers it without executing it twice (C-2, SC-29).
  appendAsLeader(s, m.command, { client: { client: m.client, seq: m.seq } }, ctx);
  replicateNew(s, ctx);
}

function reply(
  s: ServerState,
  to: Endpoint,
  m: ClientRequest,
  ok: boolean,
  result: string,
  ctx: RaftContext,
): void {
  sendTo(
    s,
    to,
    {
      type: 'ClientReply',
      client: m.client,
      seq: m.seq,
      ok,
      result,
      leaderHint: ok ? s.id : redirectHint(s),
    },
    ctx,
  );
}

/**
 * C-1: the leader a non-leader points clients to. A server outside its own configuration (removed,
 * or not yet added) hears no leader any more, so what it remembers may be long gone: it gives no
 * hint, and the client tries another server rather than going round in circles.
 */
function redirectHint(s: ServerState): ServerId | null {
  const config = configOf(s);
  const member = isVoter(config, s.id) || (config?.learners.includes(s.id) ?? false);
  return member ? s.leaderHint : null;
}
