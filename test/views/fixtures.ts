/**
 * Hand-built fixtures for the panel tests: plain objects shaped by src/core/types.ts, so a test
 * says exactly which state it renders.
 */
import { DEFAULT_CONFIG, Simulation } from '../../src/core/index.ts';
import { newClient } from '../../src/core/client.ts';
import type {
  Action,
  ClientState,
  Entry,
  Message,
  MessageBody,
  PeerState,
  ServerState,
  SimConfig,
  SimEvent,
  Snapshot,
} from '../../src/core/types.ts';

/**
 * The core's defaults, without log compaction (snapshotEvery 0) or follower reads unless a test
 * asks for them.
 */
export const CONFIG: SimConfig = { ...DEFAULT_CONFIG, snapshotEvery: 0, followerReads: false };

let nextId = 0;
export function entry(
  term: number,
  command = 'set x 1',
  client?: { client: number; seq: number },
): Entry {
  nextId += 1;
  return client === undefined
    ? { term, command, id: `e${nextId}` }
    : { term, command, client, id: `e${nextId}` };
}

/** A log from a list of terms, e.g. logOf([1, 1, 4]). */
export function logOf(terms: readonly number[]): Entry[] {
  return terms.map((t, i) => entry(t, `set k${i + 1} ${t}`));
}

/**
 * A compacted log (F2-IS6): slots 1..upTo empty, as the core leaves them, then entries of the
 * given terms from upTo + 1 on.
 */
export function compactedLog(upTo: number, terms: readonly number[]): Entry[] {
  const log: Entry[] = [];
  log.length = upTo;
  terms.forEach((t, i) => log.push(entry(t, `set k${upTo + i + 1} ${t}`)));
  return log;
}

/** A snapshot up to `index` of `term`, with the initial configuration and an empty machine. */
export function snapshotAt(index: number, term: number, over: Partial<Snapshot> = {}): Snapshot {
  return {
    index,
    term,
    kv: {},
    sessions: {},
    config: {
      voters: Array.from({ length: CONFIG.servers }, (_, i) => i + 1),
      old: null,
      learners: [],
    },
    configIndex: 0,
    ...over,
  };
}

export function peer(id: number, over: Partial<PeerState> = {}): PeerState {
  return {
    id,
    nextIndex: 1,
    matchIndex: 0,
    voteGranted: false,
    voteResponded: false,
    rpcDueMs: 0,
    sentEndIndex: 0,
    heartbeatDueMs: 0,
    lastAckMs: 0,
    ackedSentMs: -1,
    snapshotOut: null,
    ...over,
  };
}

export function server(id: number, over: Partial<ServerState> = {}): ServerState {
  return {
    id,
    crashed: false,
    term: 1,
    votedFor: null,
    log: [],
    snapshot: null,
    role: 'follower',
    commitIndex: 0,
    lastApplied: 0,
    leaderHint: null,
    electionDeadlineMs: 300,
    electionTimeoutMs: 250,
    peers: [],
    kv: {},
    sessions: {},
    leaderContactMs: null,
    quorumCheckDueMs: 0,
    logDirtyFrom: 0,
    baseConfig: {
      voters: Array.from({ length: CONFIG.servers }, (_, i) => i + 1),
      old: null,
      learners: [],
    },
    configIndexes: [],
    change: null,
    transfer: null,
    transferElection: false,
    reads: [],
    incomingSnapshot: null,
    followerReads: [],
    ...over,
  };
}

export function message(body: MessageBody, over: Partial<Message> = {}): Message {
  return {
    id: 7,
    from: 1,
    to: 2,
    sentMs: 1000,
    deliverMs: 1020,
    body,
    lost: false,
    duplicateOf: null,
    ...over,
  };
}

/** A client as the core makes one (core/client.ts newClient), with fields overridden. */
export function client(id: number, over: Partial<ClientState> = {}): ClientState {
  return { ...newClient(id), ...over };
}

/** A real run of the core (5 servers, seed 42) with every event it emitted. */
export function recordRun(
  actions: readonly Action[],
  untilMs: number,
): { sim: Simulation; events: SimEvent[] } {
  const sim = Simulation.create({ seed: 42, config: CONFIG, actions });
  const events: SimEvent[] = [];
  sim.onEvent = (e) => events.push(e);
  sim.runUntil(untilMs);
  return { sim, events };
}
