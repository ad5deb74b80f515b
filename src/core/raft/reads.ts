/**
 * Linearizable reads without the log (the rule catalogue C-4, C-5; thesis §6.4). A leader may answer `get`
 * from its state machine once it knows three things: an entry of its term is committed (so its
 * commit index is the cluster's, step 1), it still was leader after the read arrived (a quorum
 * answered an AppendEntries sent since, step 3; or, with leases, such an answer is recent enough
 * that no other leader can exist yet, C-5) and it has applied up to the read index (step 4).
 * BUG-LOCALREAD skips all of it and answers at once, which a deposed leader gets wrong (SC-32).
 */
import { isReplicationTarget } from '../membership.ts';
import { getOwn } from '../records.ts';
import { quorumCommitted } from '../quorum.ts';
import { isVoter } from '../quorum.ts';
import type {
  ClientRequest,
  Endpoint,
  FollowerRead,
  PeerState,
  PendingRead,
  ReadIndexReply,
  ReadIndexRequest,
  ServerId,
  ServerState,
  SimEvent,
} from '../types.ts';
import { peerOf, sendTo, type RaftContext } from './context.ts';
import { configOf, termAt } from './log.ts';

/** Whether the leader answers this request as a read without the log (and the key it reads). */
export function readKeyOf(command: string, ctx: RaftContext): string | null {
  const mode = ctx.config.reads;
  if (mode === 'log' && !ctx.bug('BUG-LOCALREAD')) return null;
  const m = /^get (\S+)$/.exec(command.trim());
  return m === null ? null : (m[1] ?? null);
}

/** A read arrived at the leader: answer it now if allowed, or hold it (C-4). */
export function startRead(
  s: ServerState,
  m: ClientRequest,
  key: string,
  from: Endpoint,
  ctx: RaftContext,
): void {
  if (ctx.bug('BUG-LOCALREAD')) {
    answer(
      s,
      { client: m.client, seq: m.seq, key, arrivedMs: ctx.now, readIndex: 0 },
      'local',
      ctx,
    );
    void from;
    return;
  }
  s.reads.push({ client: m.client, seq: m.seq, key, arrivedMs: ctx.now, readIndex: null });
  if (!serveReads(s, ctx)) {
    const read = s.reads[s.reads.length - 1] as PendingRead;
    emitRead(s, read, 'held', '', ctx);
  }
}

/**
 * The time as of which a quorum of the configuration is known to have followed this leader: each
 * voter's newest answered AppendEntries was sent at or after it (the leader itself: now).
 */
export function confirmedAsOf(s: ServerState, ctx: RaftContext): number {
  return quorumCommitted(configOf(s), (id) =>
    id === s.id ? ctx.now : (peerOf(s, id)?.ackedSentMs ?? -1),
  );
}

/**
 * C-5: the lease lasts a minimum election timeout from the confirmed time (clocks here do not
 * drift; a real system divides by its drift bound). No lease while a transfer is under way.
 */
export function leaseValid(s: ServerState, ctx: RaftContext): boolean {
  if (ctx.config.reads !== 'lease' || s.transfer !== null) return false;
  return ctx.now < confirmedAsOf(s, ctx) + ctx.config.electionTimeoutMs[0];
}

/**
 * Answers every held read that may be answered now, in arrival order. Returns whether the newest
 * read was answered. Called when a read arrives, on every answered AppendEntries, and on commit.
 */
export function serveReads(s: ServerState, ctx: RaftContext): boolean {
  if (s.reads.length === 0 || s.role !== 'leader') return false;
  const newest = s.reads.length > 0 ? s.reads[s.reads.length - 1] : undefined;
  // Step 1: until an entry of this term commits, the commit index may lag the cluster's.
  if (termAt(s, s.commitIndex) !== s.term) return false;
  const confirmed = confirmedAsOf(s, ctx);
  const lease = leaseValid(s, ctx);
  const waiting: PendingRead[] = [];
  for (const read of s.reads) {
    read.readIndex ??= s.commitIndex; // step 2
    const leader = lease || confirmed >= read.arrivedMs; // step 3 (or the lease, C-5)
    // A follower's read: step 4 is the follower's own (C-4), so the read index goes back now.
    if (leader && read.forwardTo !== undefined) confirmForFollower(s, read, read.forwardTo, ctx);
    else if (leader && s.lastApplied >= read.readIndex)
      answer(s, read, lease ? 'lease' : 'readIndex', ctx);
    else waiting.push(read);
  }
  s.reads = waiting;
  return newest !== undefined && !waiting.includes(newest);
}

/** Whether a held read needs a heartbeat round to be confirmed (so the leader sends one now). */
export function readsNeedRound(s: ServerState, ctx: RaftContext): boolean {
  if (s.reads.length === 0 || leaseValid(s, ctx)) return false;
  const confirmed = confirmedAsOf(s, ctx);
  const newest = s.reads.length > 0 ? s.reads[s.reads.length - 1] : undefined;
  if (newest === undefined || confirmed >= newest.arrivedMs) return false;
  // One round serves every read that arrived before it: if every follower was already sent an
  // AppendEntries since the newest read arrived, its answers will confirm it (no round per read).
  const config = configOf(s);
  const sentSince = (p: PeerState): boolean =>
    !isReplicationTarget(s, config, p.id) ||
    p.heartbeatDueMs - ctx.config.heartbeatMs >= newest.arrivedMs;
  return !s.peers.every(sentSince);
}

function answer(
  s: ServerState,
  read: PendingRead,
  mode: 'readIndex' | 'lease' | 'local',
  ctx: RaftContext,
): void {
  const result = getOwn(s.kv, read.key) ?? '(nil)';
  emitRead(s, read, 'answered', result, ctx, mode);
  replyToClient(s, read, result, s.id, ctx);
}

/** Answers a read's client: its result, or (null) a redirect to try elsewhere. */
function replyToClient(
  s: ServerState,
  read: { client: number; seq: number },
  result: string | null,
  leaderHint: ServerId | null,
  ctx: RaftContext,
): void {
  sendTo(
    s,
    -read.client,
    {
      type: 'ClientReply',
      client: read.client,
      seq: read.seq,
      ok: result !== null,
      result: result ?? '',
      leaderHint,
    },
    ctx,
  );
}

function emitRead(
  s: ServerState,
  read: PendingRead,
  phase: 'held' | 'answered',
  result: string,
  ctx: RaftContext,
  mode: 'readIndex' | 'lease' | 'local' = ctx.config.reads === 'lease' ? 'lease' : 'readIndex',
): void {
  emitReadEvent(s, read, mode, phase, read.readIndex ?? s.commitIndex, result, ctx);
}

type ReadEvent = Extract<SimEvent, { type: 'read' }>;

function emitReadEvent(
  s: ServerState,
  read: { client: number; seq: number; key: string },
  mode: ReadEvent['mode'],
  phase: ReadEvent['phase'],
  readIndex: number,
  result: string,
  ctx: RaftContext,
): void {
  const { client, seq, key } = read;
  ctx.emit({
    type: 'read',
    server: s.id,
    client,
    seq,
    key,
    mode,
    phase,
    readIndex,
    result,
    time: ctx.now,
  });
}

// ---------------------------------------------------------------------------------------------
// Follower reads (C-4: "followers may obtain a readIndex from the leader")
// ---------------------------------------------------------------------------------------------

/**
 * Whether this follower serves a client's `get` itself: follower reads are on, reads do not go
 * through the log, and it is a member that knows the leader of its term (else it redirects).
 */
export function servesFollowerRead(s: ServerState, ctx: RaftContext): boolean {
  if (!ctx.config.followerReads || ctx.config.reads === 'log' || ctx.bug('BUG-LOCALREAD'))
    return false;
  if (s.role === 'leader' || s.leaderHint === null || s.leaderHint === s.id) return false;
  const config = configOf(s);
  return isVoter(config, s.id) || (config?.learners.includes(s.id) ?? false);
}

/** A follower takes a `get` and asks the leader it knows for a read index. */
export function startFollowerRead(
  s: ServerState,
  m: ClientRequest,
  key: string,
  ctx: RaftContext,
): void {
  const leader = s.leaderHint as ServerId;
  // One read per client at a time: a retry replaces what it was waiting for.
  s.followerReads = s.followerReads.filter((r) => r.client !== m.client);
  const read: FollowerRead = { client: m.client, seq: m.seq, key, leader, readIndex: null };
  s.followerReads.push(read);
  const ask: ReadIndexRequest = { type: 'ReadIndex', term: s.term, client: m.client, seq: m.seq };
  sendTo(s, leader, ask, ctx);
  emitFollowerRead(s, read, 'held', '', ctx);
}

/** The leader takes a follower's request for a read index like a read of its own (steps 1–3). */
export function startForwardedRead(
  s: ServerState,
  from: ServerId,
  m: ReadIndexRequest,
  ctx: RaftContext,
): void {
  if (s.role !== 'leader' || s.transfer !== null) {
    const no: ReadIndexReply = {
      type: 'ReadIndexReply',
      term: s.term,
      client: m.client,
      seq: m.seq,
      ok: false,
      readIndex: 0,
    };
    sendTo(s, from, no, ctx);
    return;
  }
  s.reads.push({
    client: m.client,
    seq: m.seq,
    key: '',
    arrivedMs: ctx.now,
    readIndex: null,
    forwardTo: from,
  });
  serveReads(s, ctx);
}

function confirmForFollower(
  s: ServerState,
  read: PendingRead,
  follower: ServerId,
  ctx: RaftContext,
): void {
  const readIndex = read.readIndex ?? s.commitIndex;
  const reply: ReadIndexReply = {
    type: 'ReadIndexReply',
    term: s.term,
    client: read.client,
    seq: read.seq,
    ok: true,
    readIndex,
  };
  sendTo(s, follower, reply, ctx);
  const mode = leaseValid(s, ctx) ? 'lease' : 'readIndex';
  emitReadEvent(s, read, mode, 'confirmed', readIndex, '', ctx);
}

/**
 * The leader's answer reaches the follower: with a read index, the read waits for the state
 * machine to reach it (step 4); without one (it was no leader), the client is sent on.
 */
export function handleReadIndexReply(s: ServerState, m: ReadIndexReply, ctx: RaftContext): void {
  const read = s.followerReads.find((r) => r.client === m.client && r.seq === m.seq);
  if (read === undefined || read.readIndex !== null) return; // stale or duplicated
  if (!m.ok) {
    s.followerReads = s.followerReads.filter((r) => r !== read);
    redirectClient(s, read, ctx);
    return;
  }
  read.readIndex = m.readIndex;
  serveFollowerReads(s, ctx);
}

/** Sends on the clients of follower reads still waiting for a read index (the term changed). */
export function dropUnconfirmedFollowerReads(s: ServerState, ctx: RaftContext): void {
  const [dropped, kept] = [
    s.followerReads.filter((r) => r.readIndex === null),
    s.followerReads.filter((r) => r.readIndex !== null),
  ];
  s.followerReads = kept;
  for (const read of dropped) redirectClient(s, read, ctx);
}

function redirectClient(s: ServerState, read: FollowerRead, ctx: RaftContext): void {
  replyToClient(s, read, null, null, ctx);
}

/** Answers every follower read whose read index the state machine has reached (step 4, 5). */
export function serveFollowerReads(s: ServerState, ctx: RaftContext): void {
  if (s.followerReads.length === 0) return;
  const waiting: FollowerRead[] = [];
  for (const read of s.followerReads) {
    if (read.readIndex === null || s.lastApplied < read.readIndex) {
      waiting.push(read);
      continue;
    }
    const result = getOwn(s.kv, read.key) ?? '(nil)';
    emitFollowerRead(s, read, 'answered', result, ctx);
    replyToClient(s, read, result, read.leader, ctx);
  }
  s.followerReads = waiting;
}

function emitFollowerRead(
  s: ServerState,
  read: FollowerRead,
  phase: 'held' | 'answered',
  result: string,
  ctx: RaftContext,
): void {
  emitReadEvent(s, read, 'follower', phase, read.readIndex ?? 0, result, ctx);
}
