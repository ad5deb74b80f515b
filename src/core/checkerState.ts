/**
 * The invariant checker's state (invariants.ts): the history variables the paper's properties
 * need, as plain data copied with every checkpoint, and the state of a run that has not stepped.
 * A module of its own so that a simulation can be created, and its first frame drawn, before the
 * checker's code has arrived (the served build loads it after the first paint: engineLazy.ts).
 */
import type { LeaderRecord } from './leaderHistory.ts';
import type { Configuration, ServerId, ServerState, Violation } from './types.ts';

/** Violations kept per run; the rest are counted but not stored (put a limit on everything). */
export const MAX_VIOLATIONS = 200;

export interface PrevServer {
  term: number;
  votedFor: ServerId | null;
  role: ServerState['role'];
  commitIndex: number;
  lastApplied: number;
  logLength: number;
}

export interface CheckerState {
  /** term → leader elected in it (INV-ES). */
  elections: Record<string, ServerId>;
  /** "voter/term" → candidate (INV-X8). */
  votes: Record<string, ServerId>;
  /**
   * index-1 → id of the entry a leader committed there, and the lowest term of a leader that
   * committed it (INV-LC, INV-X10).
   */
  leaderCommittedIds: string[];
  leaderCommitTerms: number[];
  /** Every leader ever elected, in term order, with its log as elected (INV-LC over history). */
  leaders: LeaderRecord[];
  /** index-1 → id of the first entry any server counted as committed there (INV-X9). */
  committedIds: string[];
  /** index-1 → the term of that entry (what a snapshot up to it must record, F2-IS6). */
  committedTerms: number[];
  /** Hash chain over `committedIds`, as `chains` over each log (INV-X11). */
  committedChain: number[];
  /** index-1 → id of the first entry applied there by any server (INV-SMS). */
  appliedIds: string[];
  /** Per server: hash chain over its log's entry ids, chain[i] covers entries 1..i+1. */
  chains: number[][];
  prev: PrevServer[];
  /**
   * Per server, then per client id, indexed by seq: true for each (client, seq) its current state
   * machine executed (INV-C1). Lists rather than maps of "client/seq", so a checkpoint can share
   * them (sharedList.ts).
   */
  executed: (true | undefined)[][][];
  /** Per server, client id → highest seq its current state machine executed (INV-C1). */
  sessionSeqs: number[][];
  /** Per client id, indexed by seq: the result of its first real execution, on any server (INV-C1). */
  firstResults: (string | undefined)[][];
  /**
   * "client/seq" → what a state machine answered a copy of it that arrived after a later seq of
   * that client had run: the session no longer holds that answer (C-2), so a late reply carrying
   * it is not a second answer.
   */
  staleResults: Record<string, string>;
  /**
   * The latest configuration in the committed prefix (initially the starting members): the one
   * whose quorums must hold every committed entry (INV-X10, M-1..M-4).
   */
  committedConfig: Configuration | null;
  /** Index of that configuration's entry (0: the starting members). */
  committedConfigIndex: number;
  /**
   * Requests answered without executing anything, by client then seq: membership changes (`ok`
   * or `refused: …`, §1.9) and reads answered without the log (C-4, C-5). Nested (not one
   * "client/seq" key) so that the check of every answer builds no string.
   */
  adminRequests: Record<string, Record<string, true>>;
  /** De-duplication keys: invariant, servers, indexes and term of each violation reported. */
  reported: Record<string, true>;
  violations: Violation[];
  violationCount: number;
}

export function newChecker(servers: readonly ServerState[]): CheckerState {
  const checker: CheckerState = {
    elections: {},
    votes: {},
    leaderCommittedIds: [],
    leaderCommitTerms: [],
    leaders: [],
    committedIds: [],
    committedTerms: [],
    committedChain: [],
    appliedIds: [],
    chains: servers.map(() => []),
    prev: servers.map(prevOf),
    executed: servers.map(() => []),
    sessionSeqs: servers.map(() => []),
    firstResults: [],
    staleResults: {},
    committedConfig: structuredClone(
      servers.find((s) => s.baseConfig !== null)?.baseConfig ?? null,
    ),
    committedConfigIndex: 0,
    adminRequests: {},
    reported: {},
    violations: [],
    violationCount: 0,
  };
  for (const s of servers) {
    if (s.votedFor !== null) checker.votes[`${s.id}/${s.term}`] = s.votedFor;
  }
  return checker;
}

export function prevOf(s: ServerState): PrevServer {
  return {
    term: s.term,
    votedFor: s.votedFor,
    role: s.role,
    commitIndex: s.commitIndex,
    lastApplied: s.lastApplied,
    logLength: s.log.length,
  };
}
