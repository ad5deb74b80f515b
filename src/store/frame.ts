/**
 * Frozen snapshots of the live simulation for the views. The core mutates its state in place, so
 * views never see it directly: each frame copies what changed and reuses the previous frame's
 * objects for what did not (structural sharing), so a component selecting one server re-renders
 * only when that server changed, and a rewound frame deep-equals the frame first shown.
 */
import type {
  ClientState,
  Entry,
  FollowerRead,
  IncomingSnapshot,
  Message,
  PeerState,
  PendingRead,
  ServerState,
  SimConfig,
  SnapshotTransfer,
  Violation,
} from '../core/types.ts';
import { getOwn, setOwn } from '../core/records.ts';
import { buildFrameLog, freezeEntry, type FrameServer } from './frameLog.ts';

export type { FrameServer } from './frameLog.ts';

export interface FrameNetwork {
  readonly latencyMs: readonly [number, number];
  readonly loss: readonly [number, number];
  readonly duplication: readonly [number, number];
  /** groups[serverId − 1] is the server's partition group; null when there is no partition. */
  readonly groups: readonly number[] | null;
  /** Cut links as "a-b" with a < b. */
  readonly cut: readonly string[];
  readonly linkLatency: Readonly<Record<string, readonly [number, number]>>;
}

export interface Frame {
  /** Virtual time of the simulation (integer ms). */
  readonly time: number;
  /** Queue items processed so far (the position "step back" counts in). */
  readonly steps: number;
  readonly config: SimConfig;
  /** The servers, each log a FrameLog (frameLog.ts): built in work independent of its length. */
  readonly servers: readonly FrameServer[];
  readonly inFlight: readonly Message[];
  readonly clients: readonly ClientState[];
  readonly network: FrameNetwork;
  readonly traceHash: string;
  readonly violations: readonly Violation[];
}

/** The subset of the core's live state a frame is built from (see Simulation in core-api). */
export interface LiveSource {
  readonly now: number;
  readonly traceHash: string;
  readonly violations: readonly Violation[];
  readonly state: {
    readonly steps: number;
    readonly config: SimConfig;
    readonly servers: readonly ServerState[];
    readonly clients: readonly ClientState[];
    readonly network: {
      readonly latencyMs: readonly [number, number];
      readonly loss: readonly [number, number];
      readonly duplication: readonly [number, number];
      readonly groups: readonly number[] | null;
      readonly cut: readonly string[];
      readonly linkLatency: Readonly<Record<string, readonly [number, number]>>;
      readonly inFlight: readonly Message[];
    };
  };
}

/** A leader's snapshot transfer moves on in place (offset, sentMs): compared field by field. */
function sameTransfer(a: SnapshotTransfer | null, b: SnapshotTransfer | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.index === b.index &&
    a.term === b.term &&
    a.offset === b.offset &&
    a.sentMs === b.sentMs &&
    a.data.length === b.data.length
  );
}

function sameIncoming(a: IncomingSnapshot | null, b: IncomingSnapshot | null): boolean {
  if (a === null || b === null) return a === b;
  return a.leaderId === b.leaderId && a.index === b.index && a.term === b.term && a.data === b.data;
}

/**
 * Held reads change in place (a read index set, C-4) without the list changing length: compared
 * field by field. A leader's read held for a follower differs only in `forwardTo`.
 */
function sameReads(a: readonly PendingRead[], b: readonly PendingRead[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((r, i) => {
    const q = b[i] as PendingRead;
    return (
      r.client === q.client &&
      r.seq === q.seq &&
      r.key === q.key &&
      r.arrivedMs === q.arrivedMs &&
      r.readIndex === q.readIndex &&
      r.forwardTo === q.forwardTo
    );
  });
}

/** A follower's reads (C-4) get their read index from the leader in place: field by field. */
function sameFollowerReads(a: readonly FollowerRead[], b: readonly FollowerRead[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((r, i) => {
    const q = b[i] as FollowerRead;
    return (
      r.client === q.client &&
      r.seq === q.seq &&
      r.key === q.key &&
      r.leader === q.leader &&
      r.readIndex === q.readIndex
    );
  });
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function samePeers(a: readonly PeerState[], b: readonly PeerState[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((p, i) => {
    const q = b[i] as PeerState;
    return (
      p.id === q.id &&
      p.nextIndex === q.nextIndex &&
      p.matchIndex === q.matchIndex &&
      p.voteGranted === q.voteGranted &&
      p.voteResponded === q.voteResponded &&
      p.rpcDueMs === q.rpcDueMs &&
      p.heartbeatDueMs === q.heartbeatDueMs &&
      p.lastAckMs === q.lastAckMs &&
      sameTransfer(p.snapshotOut, q.snapshotOut)
    );
  });
}

const SCALAR_KEYS = [
  'id',
  'crashed',
  'term',
  'votedFor',
  'role',
  'commitIndex',
  'lastApplied',
  'leaderHint',
  'electionDeadlineMs',
  'electionTimeoutMs',
  'leaderContactMs',
  'quorumCheckDueMs',
  'logDirtyFrom',
] as const;

/**
 * A frozen, key-sorted copy of a dictionary keyed by user text (the key-value store, the sessions).
 * Keys are data (records.ts): `out[k] = v` would drop a key named `__proto__` (or, for an object
 * value, change the copy's prototype), so every key goes in as an own property.
 */
export function freezeRecord<T>(r: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(r).sort()) {
    const v = getOwn(r, k) as T;
    setOwn(out, k, typeof v === 'object' && v !== null ? Object.freeze({ ...v }) : v);
  }
  return Object.freeze(out);
}

/** A frozen copy of one server, or `prev` itself when nothing changed. */
export function snapshotServer(live: ServerState, prev: FrameServer | undefined): FrameServer {
  const log = buildFrameLog(
    live.log,
    prev?.log,
    live.snapshot?.index ?? 0,
    prev?.snapshot?.index ?? 0,
  );
  const samePeerList = prev !== undefined && samePeers(live.peers, prev.peers);
  // kv and sessions change only when an entry is applied or the server restarts (lastApplied moves).
  const sameMachine =
    prev !== undefined && prev.lastApplied === live.lastApplied && prev.crashed === live.crashed;
  const sameScalars = prev !== undefined && SCALAR_KEYS.every((k) => prev[k] === live[k]);
  // A leader's change in progress moves on (catch-up rounds) without the log or peers changing.
  const sameMembership =
    prev !== undefined &&
    JSON.stringify(prev.change) === JSON.stringify(live.change) &&
    JSON.stringify(prev.baseConfig) === JSON.stringify(live.baseConfig) &&
    JSON.stringify(prev.transfer) === JSON.stringify(live.transfer) &&
    sameReads(prev.reads, live.reads) &&
    sameFollowerReads(prev.followerReads, live.followerReads) &&
    prev.transferElection === live.transferElection;
  // The core replaces a snapshot, never changes one (F2-IS6), so it is shared by reference.
  const sameSnapshots =
    prev !== undefined &&
    prev.snapshot === live.snapshot &&
    sameIncoming(prev.incomingSnapshot, live.incomingSnapshot);
  if (
    prev &&
    sameScalars &&
    samePeerList &&
    sameMachine &&
    sameMembership &&
    sameSnapshots &&
    log === prev.log
  ) {
    return prev;
  }
  // Everything sameMembership compares is as the previous frame had it: its copies are shared.
  const keep = prev !== undefined && sameMembership;
  const peers =
    prev && samePeerList
      ? prev.peers
      : (Object.freeze(
          live.peers.map((p) =>
            Object.freeze({
              ...p,
              snapshotOut: p.snapshotOut === null ? null : Object.freeze({ ...p.snapshotOut }),
            }),
          ),
        ) as PeerState[]);
  const copy: FrameServer = {
    id: live.id,
    crashed: live.crashed,
    term: live.term,
    votedFor: live.votedFor,
    log,
    snapshot: live.snapshot,
    role: live.role,
    commitIndex: live.commitIndex,
    lastApplied: live.lastApplied,
    leaderHint: live.leaderHint,
    electionDeadlineMs: live.electionDeadlineMs,
    leaderContactMs: live.leaderContactMs,
    quorumCheckDueMs: live.quorumCheckDueMs,
    electionTimeoutMs: live.electionTimeoutMs,
    peers,
    kv: prev && sameMachine ? prev.kv : freezeRecord(live.kv),
    sessions: prev && sameMachine ? prev.sessions : freezeRecord(live.sessions),
    logDirtyFrom: live.logDirtyFrom,
    // Configurations are small and change rarely: copied whole when they change (M-1), else the
    // previous frame's copies are shared (a structured clone each time a leader's matchIndex or a
    // commit moved was a tenth of building a frame at 1x under requests).
    baseConfig: keep
      ? prev.baseConfig
      : live.baseConfig === null
        ? null
        : deepFreeze(structuredClone(live.baseConfig)),
    configIndexes:
      prev !== undefined && sameNumbers(prev.configIndexes, live.configIndexes)
        ? prev.configIndexes
        : (Object.freeze([...live.configIndexes]) as number[]),
    change: keep
      ? prev.change
      : live.change === null
        ? null
        : deepFreeze(structuredClone(live.change)),
    transfer: keep
      ? prev.transfer
      : live.transfer === null
        ? null
        : Object.freeze({ ...live.transfer }),
    transferElection: live.transferElection,
    // A read held for a follower keeps its forwardTo (C-4, follower reads).
    reads: keep
      ? prev.reads
      : (Object.freeze(live.reads.map((r) => Object.freeze({ ...r }))) as PendingRead[]),
    // A partly received snapshot grows chunk by chunk (F2-IS2); its data is an immutable string.
    incomingSnapshot: sameSnapshots
      ? prev.incomingSnapshot
      : live.incomingSnapshot === null
        ? null
        : Object.freeze({ ...live.incomingSnapshot }),
    // A follower's reads waiting for a read index or for its state machine (C-4).
    followerReads: keep
      ? prev.followerReads
      : (Object.freeze(live.followerReads.map((r) => Object.freeze({ ...r }))) as FollowerRead[]),
  };
  return Object.freeze(copy);
}

function freezeMessage(m: Message): Message {
  const body = { ...m.body };
  if (body.type === 'AppendEntries')
    body.entries = Object.freeze(body.entries.map(freezeEntry)) as Entry[];
  return Object.freeze({ ...m, body: Object.freeze(body) });
}

/** Messages never change once sent, so each is copied once and then reused by id. */
function snapshotInFlight(
  live: readonly Message[],
  prev: readonly Message[] | undefined,
): Message[] {
  const byId = new Map<number, Message>();
  for (const m of prev ?? []) byId.set(m.id, m);
  const out = live.map((m) => {
    const old = byId.get(m.id);
    // Ids are unique within a timeline; the extra checks guard against ids reused after a fork.
    const same =
      old !== undefined &&
      old.sentMs === m.sentMs &&
      old.deliverMs === m.deliverMs &&
      old.from === m.from &&
      old.to === m.to &&
      old.lost === m.lost &&
      old.body.type === m.body.type;
    return same ? old : freezeMessage(m);
  });
  if (prev && out.length === prev.length && out.every((m, i) => m === prev[i])) {
    return prev as Message[];
  }
  return Object.freeze(out) as Message[];
}

/**
 * Whether a client copy still matches the live client. The list of answered requests (bounded,
 * appended at its end and dropped from its start) is compared by its length and its two ends,
 * each record being immutable once answered; the rest is small and compared as JSON.
 */
function sameClient(old: ClientState, live: ClientState): boolean {
  if (
    old.lastSeq !== live.lastSeq ||
    old.timerGen !== live.timerGen ||
    old.leaderHint !== live.leaderHint ||
    old.suspect !== live.suspect ||
    old.done.length !== live.done.length ||
    old.queue.length !== live.queue.length
  )
    return false;
  const ends = (c: ClientState) => [c.done[0], c.done.at(-1), c.pending, c.queue];
  return JSON.stringify(ends(old)) === JSON.stringify(ends(live));
}

/**
 * A frozen copy of a client. Its answered requests (up to 50) are immutable once answered, so the
 * ones the previous copy holds are shared (by sequence number): a client answered one more
 * request costs one new record, not a clone of all of them.
 */
function snapshotClient(c: ClientState, old: ClientState | undefined): ClientState {
  const kept = new Map<number, ClientState['done'][number]>();
  if (old !== undefined && old.id === c.id) for (const r of old.done) kept.set(r.seq, r);
  const done = c.done.map((r) => {
    const k = kept.get(r.seq);
    return k !== undefined && k.answeredMs === r.answeredMs ? k : Object.freeze({ ...r });
  });
  return Object.freeze({
    id: c.id,
    lastSeq: c.lastSeq,
    leaderHint: c.leaderHint,
    suspect: c.suspect,
    pending: c.pending === null ? null : Object.freeze({ ...c.pending }),
    queue: Object.freeze(c.queue.map((q) => Object.freeze({ ...q }))) as ClientState['queue'],
    timerGen: c.timerGen,
    done: Object.freeze(done) as ClientState['done'],
  });
}

/** Clients are small; unchanged ones keep their previous copy (sameClient). */
function snapshotClients(live: readonly ClientState[], prev: readonly ClientState[] | undefined) {
  const out = live.map((c, i) => {
    const old = prev?.[i];
    if (old && old.id === c.id && sameClient(old, c)) return old;
    return snapshotClient(c, old);
  });
  if (prev && out.length === prev.length && out.every((c, i) => c === prev[i])) return prev;
  return Object.freeze(out);
}

function snapshotNetwork(live: LiveSource['state']['network'], prev: FrameNetwork | undefined) {
  const copy: FrameNetwork = {
    latencyMs: [live.latencyMs[0], live.latencyMs[1]],
    loss: [live.loss[0], live.loss[1]],
    duplication: [live.duplication[0], live.duplication[1]],
    groups: live.groups ? [...live.groups] : null,
    cut: [...live.cut].sort(),
    linkLatency: structuredClone(live.linkLatency) as FrameNetwork['linkLatency'],
  };
  if (prev && JSON.stringify(prev) === JSON.stringify(copy)) return prev;
  return deepFreeze(copy);
}

/** Recursively freezes plain data (arrays and objects). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Builds the frame for the simulation's current state, sharing unchanged parts with `prev`. */
export function buildFrame(sim: LiveSource, prev: Frame | null): Frame {
  const st = sim.state;
  const servers = st.servers.map((s, i) =>
    snapshotServer(s, prev?.servers[i]?.id === s.id ? prev.servers[i] : undefined),
  );
  const sameServers =
    prev &&
    servers.length === prev.servers.length &&
    servers.every((s, i) => s === prev.servers[i]);
  return Object.freeze({
    time: sim.now,
    steps: st.steps,
    config: reuseIfSame(prev?.config, st.config),
    servers: sameServers ? prev.servers : Object.freeze(servers),
    inFlight: snapshotInFlight(st.network.inFlight, prev?.inFlight),
    clients: snapshotClients(st.clients, prev?.clients),
    network: snapshotNetwork(st.network, prev?.network),
    traceHash: sim.traceHash,
    violations: reuseIfSame(prev?.violations, [...sim.violations]),
  });
}

/** A frozen deep copy of small plain data, or `prev` when it holds the same content. */
function reuseIfSame<T>(prev: T | undefined, live: T): T {
  if (prev !== undefined && JSON.stringify(prev) === JSON.stringify(live)) return prev;
  return deepFreeze(structuredClone(live));
}
