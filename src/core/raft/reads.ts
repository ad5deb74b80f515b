/**
 * Linearizable reads without the log (RAFT.md C-4, C-5; thesis §6.4). A leader may answer `get`
 * from its state machine once it knows three things: an entry of its term is committed (so its
 * commit index is the cluster's, step 1), it still was leader after the read arrived (a quorum
 * answered an AppendEntries sent since, step 3; or, with leases, such an answer is recent enough
 * that no other leader can exist yet, C-5) and it has applied up to the read index (step 4).
 * BUG-LOCALREAD skips all of it and answers at once, which a deposed leader gets wrong (SC-32).
 */
import { isReplicationTarget } from '../membership.ts';
import { getOwn } from '../records.ts';
import { quorumCommitted } from '../quorum.ts';
import type { ClientRequest, Endpoint, PeerState, PendingRead, ServerState } from '../types.ts';
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
  const newest = s.reads[s.reads.length - 1];
  // Step 1: until an entry of this term commits, the commit index may lag the cluster's.
  if (termAt(s, s.commitIndex) !== s.term) return false;
  const confirmed = confirmedAsOf(s, ctx);
  const lease = leaseValid(s, ctx);
  const waiting: PendingRead[] = [];
  for (const read of s.reads) {
    read.readIndex ??= s.commitIndex; // step 2
    const leader = lease || confirmed >= read.arrivedMs; // step 3 (or the lease, C-5)
    if (leader && s.lastApplied >= read.readIndex)
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
  const newest = s.reads[s.reads.length - 1];
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
  sendTo(
    s,
    -read.client,
    { type: 'ClientReply', client: read.client, seq: read.seq, ok: true, result, leaderHint: s.id },
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
  ctx.emit({
    type: 'read',
    server: s.id,
    client: read.client,
    seq: read.seq,
    key: read.key,
    mode,
    phase,
    readIndex: read.readIndex ?? s.commitIndex,
    result,
  });
}
