/**
 * Log compaction (paper §7 and Figure 13, the rule catalogue (src/i18n/rules.ts)): each server snapshots its applied state
 * on its own (F2-IS6), and a leader that has discarded an entry a follower needs sends it its
 * snapshot instead, in chunks (F2-IS2, F2-IS7). The snapshot's data is the state machine (keys and
 * client sessions) and the configuration as of its last included entry, serialized as JSON so a
 * chunk is a real slice of it.
 */
import { setOwn } from '../records.ts';
import type {
  ClientSession,
  Configuration,
  InstallSnapshot,
  InstallSnapshotReply,
  PeerState,
  ServerId,
  ServerState,
  Snapshot,
  SnapshotState,
} from '../types.ts';
import { resetElectionTimer, sendTo, type RaftContext } from './context.ts';
import { serveFollowerReads } from './reads.ts';
import {
  compactLog,
  configAsOf,
  lastLogIndex,
  replaceLogWithSnapshot,
  snapshotIndex,
  termAt,
} from './log.ts';

/** Characters of serialized state per InstallSnapshot chunk: small, so the chunks can be seen. */
export const SNAPSHOT_CHUNK_CHARS = 64;

/** A copy of a user-keyed record that keeps every key an own property (records.ts). */
function copyRecord<T>(record: Readonly<Record<string, T>>, copy: (v: T) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record)) setOwn(out, key, copy(record[key] as T));
  return out;
}

const copySession = (v: ClientSession): ClientSession => ({ ...v });

function copyConfig(c: Configuration | null): Configuration | null {
  if (c === null) return null;
  return {
    voters: [...c.voters],
    learners: [...c.learners],
    old: c.old === null ? null : [...c.old],
  };
}

/** The state machine of a snapshot, loaded into a server (F2-IS5, and after a restart). */
function loadStateMachine(s: ServerState, snapshot: Snapshot): void {
  s.kv = copyRecord(snapshot.kv, (v) => v);
  s.sessions = copyRecord(snapshot.sessions, copySession);
}

// ---------------------------------------------------------------------------------------------
// Taking a snapshot (F2-IS6)
// ---------------------------------------------------------------------------------------------

/**
 * F2-IS6: once `snapshotEvery` entries were applied since the last snapshot, the server saves its
 * applied state (only committed entries are ever applied, F2-A1) and discards that log prefix.
 */
export function snapshotIfDue(s: ServerState, ctx: RaftContext): void {
  const every = ctx.config.snapshotEvery;
  if (every <= 0 || s.lastApplied - snapshotIndex(s) < every) return;
  takeSnapshot(s, ctx);
}

function takeSnapshot(s: ServerState, ctx: RaftContext): void {
  const index = s.lastApplied;
  const term = termAt(s, index);
  const { config, configIndex } = configAsOf(s, index);
  const snapshot: Snapshot = {
    index,
    term,
    kv: copyRecord(s.kv, (v) => v),
    sessions: copyRecord(s.sessions, copySession),
    config: copyConfig(config),
    configIndex,
  };
  const discarded = compactLog(s, snapshot);
  ctx.emit({ type: 'snapshot', server: s.id, index, term, discarded, time: ctx.now });
}

/** After a restart the state machine is the snapshot's, then the log's (F2-S6 with §7). */
export function restoreFromSnapshot(s: ServerState): void {
  if (s.snapshot === null) return;
  loadStateMachine(s, s.snapshot);
  s.commitIndex = s.snapshot.index;
  s.lastApplied = s.snapshot.index;
}

// ---------------------------------------------------------------------------------------------
// Serialization: what travels in the chunks
// ---------------------------------------------------------------------------------------------

export function serializeSnapshot(snapshot: Snapshot): string {
  const state: SnapshotState = {
    kv: snapshot.kv,
    sessions: snapshot.sessions,
    config: snapshot.config,
    configIndex: snapshot.configIndex,
  };
  return JSON.stringify(state);
}

/** The state in a complete snapshot's data, or null if it is not one (never from a leader). */
export function parseSnapshotState(data: string): SnapshotState | null {
  try {
    // JSON.parse creates own properties, `__proto__` included, so user keys stay data.
    const value = JSON.parse(data) as SnapshotState;
    if (value === null || typeof value !== 'object' || typeof value.kv !== 'object') return null;
    return value;
  } catch {
    return null;
  }
}

export function chunkCount(data: string): number {
  return Math.max(1, Math.ceil(data.length / SNAPSHOT_CHUNK_CHARS));
}

// ---------------------------------------------------------------------------------------------
// Leader: sending (F2-IS7)
// ---------------------------------------------------------------------------------------------

/** F2-IS7: whether the next entry this peer needs is gone from the leader's log. */
export function needsSnapshot(s: ServerState, p: PeerState): boolean {
  return s.snapshot !== null && p.nextIndex <= s.snapshot.index;
}

/**
 * Sends the chunk at the peer's offset of the snapshot being sent to it, starting a transfer of
 * the leader's latest snapshot if none is under way. A resend of the same chunk is also the
 * peer's heartbeat (F2-IS7: each chunk is a sign of life).
 */
export function sendSnapshotChunk(s: ServerState, p: PeerState, ctx: RaftContext): void {
  const snapshot = s.snapshot;
  if (snapshot === null) return;
  // A newer snapshot replaces one not begun yet (nothing acknowledged): no sense sending the old.
  const stale =
    p.snapshotOut !== null &&
    (p.snapshotOut.index < p.nextIndex - 1 ||
      (p.snapshotOut.offset === 0 && p.snapshotOut.index < snapshot.index));
  if (p.snapshotOut === null || stale) {
    p.snapshotOut = {
      index: snapshot.index,
      term: snapshot.term,
      data: serializeSnapshot(snapshot),
      offset: 0,
      sentMs: ctx.now,
    };
  }
  const out = p.snapshotOut;
  const data = out.data.slice(out.offset, out.offset + SNAPSHOT_CHUNK_CHARS);
  const done = out.offset + data.length >= out.data.length;
  const body: InstallSnapshot = {
    type: 'InstallSnapshot',
    term: s.term,
    leaderId: s.id,
    lastIncludedIndex: out.index,
    lastIncludedTerm: out.term,
    offset: out.offset,
    data,
    done,
    chunk: Math.floor(out.offset / SNAPSHOT_CHUNK_CHARS) + 1,
    chunks: chunkCount(out.data),
    sentMs: ctx.now,
  };
  if (out.sentMs < 0) out.sentMs = ctx.now; // the first chunk at this offset
  p.rpcDueMs = ctx.now + ctx.config.rpcTimeoutMs;
  p.heartbeatDueMs = ctx.now + ctx.config.heartbeatMs;
  sendTo(s, p.id, body, ctx);
}

/**
 * The follower's answer to a chunk. Only an answer that moves the transfer sends the next chunk
 * (a duplicated or reordered one is stale, as for AppendEntries: no storm). Progress is judged by
 * offset, not by which copy is answered, so resending a chunk as a heartbeat faster than a round
 * trip cannot starve the transfer (fuzz seed 933). A complete snapshot makes the peer's log known
 * up to its last included entry; replication goes on after it. Returns whether it moved
 * something, so the caller sends what comes next at once.
 */
export function acceptSnapshotReply(
  p: PeerState,
  m: InstallSnapshotReply,
  now: number,
): { moved: boolean; matched: boolean } {
  const out = p.snapshotOut;
  if (out === null || m.lastIncludedIndex !== out.index) return { moved: false, matched: false };
  if (m.done) {
    p.snapshotOut = null;
    const matched = out.index > p.matchIndex;
    p.matchIndex = Math.max(p.matchIndex, out.index);
    p.nextIndex = Math.max(p.nextIndex, out.index + 1);
    p.rpcDueMs = now;
    return { moved: true, matched };
  }
  // The follower holds `m.offset` characters: go on from there. Going back is believed only from
  // an answer to a chunk sent at the current offset (the follower lost its partial snapshot in a
  // crash); an older answer is stale. Resends as heartbeats do not count as a new offset, so they
  // cannot starve the transfer when they come faster than a round trip (fuzz seed 8301).
  const forward = m.offset > out.offset;
  const back = m.offset < out.offset && out.sentMs >= 0 && m.echoSentMs >= out.sentMs;
  if (!forward && !back) return { moved: false, matched: false };
  out.offset = Math.min(m.offset, out.data.length);
  out.sentMs = -1;
  p.rpcDueMs = now;
  return { moved: true, matched: false };
}

// ---------------------------------------------------------------------------------------------
// Follower: receiving (F2-IS1..IS5)
// ---------------------------------------------------------------------------------------------

function replySnapshot(
  s: ServerState,
  to: ServerId,
  m: InstallSnapshot,
  offset: number,
  done: boolean,
  ctx: RaftContext,
): void {
  const reply: InstallSnapshotReply = {
    type: 'InstallSnapshotReply',
    term: s.term,
    lastIncludedIndex: m.lastIncludedIndex,
    offset,
    done,
    echoSentMs: m.sentMs,
  };
  sendTo(s, to, reply, ctx);
}

export function handleInstallSnapshot(s: ServerState, m: InstallSnapshot, ctx: RaftContext): void {
  // F2-IS1: a stale leader gets our term and steps down.
  if (m.term < s.term || s.role === 'leader') {
    replySnapshot(s, m.leaderId, m, 0, false, ctx);
    return;
  }
  // F2-IS7: a chunk is a sign of life from the leader of this term.
  s.leaderHint = m.leaderId;
  s.leaderContactMs = ctx.now;
  resetElectionTimer(s, ctx);
  // Already hold this snapshot or a newer one (F2-IS3: never go back to a smaller index).
  if (m.lastIncludedIndex <= snapshotIndex(s)) {
    s.incomingSnapshot = null;
    replySnapshot(s, m.leaderId, m, m.offset + m.data.length, true, ctx);
    return;
  }
  // F2-IS2: offset 0 starts a new snapshot; a chunk is written at its offset. A late copy of the
  // first chunk of the snapshot already being received writes the same characters again: what
  // was received after it stays (fuzz seed 8301: discarding it set the transfer back for good).
  const inc = s.incomingSnapshot;
  const same = inc !== null && inc.index === m.lastIncludedIndex && inc.term === m.lastIncludedTerm;
  if (!same) {
    if (m.offset !== 0) {
      // A chunk of a snapshot we never began (our partial one was lost): ask from the start.
      s.incomingSnapshot = null;
      replySnapshot(s, m.leaderId, m, 0, false, ctx);
      return;
    }
    s.incomingSnapshot = {
      leaderId: m.leaderId,
      index: m.lastIncludedIndex,
      term: m.lastIncludedTerm,
      data: '',
    };
  }
  const partial = s.incomingSnapshot as NonNullable<ServerState['incomingSnapshot']>;
  if (m.offset > partial.data.length) {
    replySnapshot(s, m.leaderId, m, partial.data.length, false, ctx); // a gap: resend from here
    return;
  }
  const end = m.offset + m.data.length;
  partial.data = partial.data.slice(0, m.offset) + m.data + partial.data.slice(end);
  if (!m.done) {
    replySnapshot(s, m.leaderId, m, partial.data.length, false, ctx);
    return;
  }
  s.incomingSnapshot = null;
  const state = parseSnapshotState(partial.data);
  if (state === null) {
    replySnapshot(s, m.leaderId, m, 0, false, ctx); // cannot happen with a correct leader
    return;
  }
  installSnapshot(
    s,
    m.leaderId,
    { ...state, index: m.lastIncludedIndex, term: m.lastIncludedTerm },
    ctx,
  );
  serveFollowerReads(s, ctx); // the state machine may have jumped past a read index (C-4)
  replySnapshot(s, m.leaderId, m, partial.data.length, true, ctx);
}

/** F2-IS3..IS5: save the complete snapshot, keep or discard the log, reset the state machine. */
function installSnapshot(
  s: ServerState,
  leader: ServerId,
  snapshot: Snapshot,
  ctx: RaftContext,
): void {
  const { index, term } = snapshot;
  if (index <= lastLogIndex(s) && termAt(s, index) === term) {
    // F2-IS4: our log already holds the last included entry: keep what follows it.
    const kept = lastLogIndex(s) - index;
    const reset = s.lastApplied < index;
    compactLog(s, snapshot);
    if (reset) {
      loadStateMachine(s, snapshot);
      s.lastApplied = index;
    }
    if (s.commitIndex < index) s.commitIndex = index;
    ctx.emit({
      type: 'installSnapshot',
      server: s.id,
      leader,
      index,
      term,
      kept,
      reset,
      time: ctx.now,
    });
    return;
  }
  // F2-IS5: discard the whole log; the state machine and the configuration are the snapshot's.
  replaceLogWithSnapshot(s, snapshot);
  loadStateMachine(s, snapshot);
  s.commitIndex = index;
  s.lastApplied = index;
  ctx.emit({
    type: 'installSnapshot',
    server: s.id,
    leader,
    index,
    term,
    kept: 0,
    reset: true,
    time: ctx.now,
  });
}
