/**
 * What a Raft server may ask of the simulation around it. Each step function takes the server's
 * plain-data state and this context, which owns time, randomness and the network: nothing in
 * src/core/raft reads a clock or draws a random number by itself.
 */
import type {
  BugId,
  Endpoint,
  MessageBody,
  PeerState,
  ServerId,
  ServerState,
  SimConfig,
  SimEvent,
  TimeMs,
} from '../types.ts';

export interface RaftContext {
  readonly now: TimeMs;
  readonly config: SimConfig;
  send(from: Endpoint, to: Endpoint, body: MessageBody): void;
  emit(event: SimEvent): void;
  /**
   * The events `commit` and `replicate`, which no check reads: hashed where they happen and made
   * into objects only for a listener (as emit({ type: 'commit', server, index, time: now }) and
   * emit({ type: 'replicate', server, leader, fromIndex, toIndex, time: now }) would be).
   */
  emitCommit(server: ServerId, index: number): void;
  emitReplicate(server: ServerId, leader: ServerId, fromIndex: number, toIndex: number): void;
  /** Draws this server's next election timeout (F2-T1). */
  drawElectionTimeout(server: ServerId): number;
  /** A fresh unique id for an entry a leader appends. */
  entryId(server: ServerId, term: number, index: number): string;
  bug(id: BugId): boolean;
}

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export function sendTo(s: ServerState, to: Endpoint, body: MessageBody, ctx: RaftContext): void {
  ctx.send(s.id, to, body);
}

export function resetElectionTimer(s: ServerState, ctx: RaftContext): void {
  const timeout = ctx.drawElectionTimeout(s.id);
  s.electionTimeoutMs = timeout;
  s.electionDeadlineMs = ctx.now + timeout;
}

export function peerOf(s: ServerState, id: Endpoint): PeerState | undefined {
  // Peers are listed by id without the server itself (newServer): look there first.
  const guess = s.peers[id < s.id ? id - 1 : id - 2];
  if (guess !== undefined && guess.id === id) return guess;
  for (const p of s.peers) if (p.id === id) return p;
  return undefined;
}
