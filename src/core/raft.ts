/**
 * A Raft server as a state machine: Figure 2 of the paper, rule by rule (the rule catalogue (src/i18n/rules.ts)), plus
 * membership changes (§1.9). Each function takes the server's plain-data state and a context that
 * owns time, randomness and the network; nothing here reads a clock or draws a random number by
 * itself. This file is a server before anything steps: its initial state, its next wake-up, a
 * crash. What it does when the simulation steps (a message received, a timer fired, a restart)
 * is in raftSteps.ts, with its step function per role (`stepFollower`, `stepCandidate`,
 * `stepLeader`), as in etcd's raft; the rules live by concern in raft/: election.ts,
 * follower.ts (AppendEntries received), leader.ts (sent, committed), commit.ts, log.ts, roles.ts,
 * and membership.ts beside quorum.ts.
 */
import { changeDeadline, initialConfigOf, isReplicationTarget } from './membership.ts';
import { isVoter } from './quorum.ts';
import type { RaftContext } from './raft/context.ts';
import { configOf, lastLogIndex } from './raft/log.ts';
import { campaigns } from './raft/roles.ts';
import type { PeerState, ServerId, ServerState, SimConfig, TimeMs } from './types.ts';

export type { RaftContext } from './raft/context.ts';
export { resetElectionTimer } from './raft/context.ts';
// The entry points a server runs only when the simulation steps (raftSteps.ts).
export {
  electionTimeout,
  receive,
  restart,
  startElection,
  startPreVote,
  startTransfer,
  tick,
} from './raftSteps.ts';
export { appendToLog, lastLogIndex, lastLogTerm, termAt, truncateLog } from './raft/log.ts';

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
