/**
 * The plain-data types of the deterministic core. Everything here is JSON-compatible so a whole
 * simulation can be copied (checkpoints), hashed (trace) and sent across the store boundary.
 *
 * Units: every time is an integer number of virtual milliseconds (`TimeMs`). Servers are numbered
 * from 1 (shown as S1, S2, ...). Clients are numbered from 1 (shown as C1, C2, ...) and appear on
 * the network as negative endpoints (-1 is C1) so one number addresses any endpoint.
 */
import type { MessageParts } from './linearizabilityExplain.ts';

/** Virtual time in integer milliseconds. */
export type TimeMs = number;
/** A server, numbered from 1. */
export type ServerId = number;
/** A client, numbered from 1. */
export type ClientId = number;
/** A network endpoint: a server (> 0) or a client (< 0, -k is client k). */
export type Endpoint = number;

/** `precandidate`: asking for pre-votes before it may raise its term (PreVote, the rule catalogue X-PV). */
export type Role = 'follower' | 'precandidate' | 'candidate' | 'leader';

/** A ratio of two integers: `[numerator, denominator]`, e.g. `[1, 10]` is one in ten. */
export type Ratio = readonly [number, number];

/** The teaching bugs of the rule catalogue (src/i18n/rules.ts) that the simulator can switch on. */
export const BUG_IDS = [
  'BUG-FIG8',
  'BUG-NOUPTODATE',
  'BUG-VOTEVOLATILE',
  'BUG-VOTERESET',
  'BUG-STALEVOTE',
  'BUG-TRUNC',
  'BUG-COMMITLAST',
  'BUG-STALEAE',
  'BUG-NOSESSION',
  'BUG-DIRECTCONFIG',
  'BUG-EARLYCONFIG',
  'BUG-SELFCOUNT',
  'BUG-LOCALREAD',
] as const;
export type BugId = (typeof BUG_IDS)[number];

export interface SimConfig {
  /** Number of servers, 1..MAX_SERVERS. */
  servers: number;
  /** Election timeouts are drawn uniformly from this inclusive range (F2-T1). */
  electionTimeoutMs: readonly [number, number];
  /** A leader sends AppendEntries to an idle follower at least this often (F2-L1). */
  heartbeatMs: number;
  /** One-way latency of each message, drawn uniformly from this inclusive range. */
  latencyMs: readonly [number, number];
  /** An RPC without a reply after this long is sent again (RequestVote, AppendEntries). */
  rpcTimeoutMs: number;
  /** A client with no answer after this long retries the same (client, seq) elsewhere (C-2). */
  clientTimeoutMs: number;
  /** At most this many entries per AppendEntries (the rule catalogue D7: batch size as a knob). */
  maxEntriesPerAppend: number;
  /** Share of messages lost in the network. */
  loss: Ratio;
  /** Share of messages delivered twice. */
  duplication: Ratio;
  /** The leader appends a no-op entry when elected (F2-L7, the rule catalogue D9). */
  noopOnElection: boolean;
  /** PreVote (the rule catalogue X-PV, thesis §9.6): ask a majority before raising the term. */
  preVote: boolean;
  /**
   * CheckQuorum (the rule catalogue X-CQ, thesis §6.2): a leader without a majority's answers for an election
   * timeout steps down, and servers that heard a leader recently ignore disruptive RequestVotes.
   */
  checkQuorum: boolean;
  /**
   * The disruptive-server guard (the rule catalogue M-7, thesis §4.2.3): a server that heard a leader less
   * than a minimum election timeout ago ignores a RequestVote that would raise its term, so a
   * removed server cannot depose the cluster's leader. Always on with CheckQuorum (as in etcd).
   */
  disruptionGuard: boolean;
  /**
   * The initial voting configuration, as server ids (default null: every server). A server outside
   * it starts with no configuration and stays idle until a configuration that names it reaches it.
   */
  members: readonly ServerId[] | null;
  /**
   * How a leader answers `get` (the rule catalogue C-4, C-5; thesis §6.4): `log` (through the log like any
   * command), `readIndex` (confirm leadership with a heartbeat round, then read at the commit
   * index) or `lease` (skip the round while a quorum's recent acknowledgements keep other leaders
   * impossible; needs CheckQuorum).
   */
  reads: ReadMode;
  /**
   * Log compaction (paper §7, F2-IS6): each server snapshots its applied state every this many
   * applied entries and discards that prefix of its log; 0 means never.
   */
  snapshotEvery: number;
  /**
   * C-4: a follower answers `get` itself, with a read index it asks the leader for, once its
   * state machine has caught up with it (only with `reads` other than `log`).
   */
  followerReads: boolean;
  /** Teaching bugs switched on (the rule catalogue (src/i18n/rules.ts)). */
  bugs: readonly BugId[];
}

export type ReadMode = 'log' | 'readIndex' | 'lease';

/**
 * A cluster configuration (the rule catalogue (src/i18n/rules.ts)): the servers whose votes count, for elections and for
 * commitment. During joint consensus (paper §6, M-4) both `old` (C_old) and `voters` (C_new) must
 * each give a majority.
 */
export interface Configuration {
  /** The voting members; C_new during a joint phase. */
  voters: ServerId[];
  /** C_old during a joint phase (M-4); null otherwise. */
  old: ServerId[] | null;
  /** Non-voting members that receive the log and never vote (etcd's learners). */
  learners: ServerId[];
}

/** The membership changes an admin client can ask the leader for (the design notes contract). */
export type ChangeKind = 'addServer' | 'removeServer' | 'addLearner' | 'promote' | 'reconfigure';

/** Why a leader refused a membership change (answered to the admin client, never dropped). */
export type RefusalReason =
  | 'inProgress'
  | 'noCommitThisTerm'
  | 'alreadyMember'
  | 'notMember'
  | 'notLearner'
  | 'lastVoter'
  | 'unknownServer'
  | 'catchUpFailed';

/** A log entry as a scenario writes it: `[term, command]`. */
export type EntryTuple = readonly [number, string];

/** Optional starting state of one server, so the paper's figures can be loaded as drawn. */
export interface InitialServerState {
  term: number;
  votedFor: ServerId | null;
  log: readonly EntryTuple[];
}

/** A timed intervention. Every action goes through the same queue as every other event. */
export type Action =
  | { at: TimeMs; do: 'crash'; server: ServerId }
  | { at: TimeMs; do: 'restart'; server: ServerId }
  /** The server's election timer fires now (a leader is forced to start an election too). */
  | { at: TimeMs; do: 'timeout'; server: ServerId }
  /** No message crosses groups; the groups cover every server. */
  | { at: TimeMs; do: 'partition'; groups: readonly (readonly ServerId[])[] }
  /** Removes the partition and every cut link. */
  | { at: TimeMs; do: 'heal' }
  /** Cuts the link between two servers in both directions. */
  | { at: TimeMs; do: 'cut'; link: readonly [ServerId, ServerId] }
  /** Restores one cut link. */
  | { at: TimeMs; do: 'connect'; link: readonly [ServerId, ServerId] }
  /** A client sends a command; without `server`, to the leader the client believes in. */
  | { at: TimeMs; do: 'request'; command: string; server?: ServerId; client?: ClientId }
  /** Drops one message in flight, by id. */
  | { at: TimeMs; do: 'drop'; message: number }
  /**
   * Drops every message in flight that matches all the given filters (a story's way to lose
   * "the answer S1 just sent" without knowing its id). Endpoints: servers > 0, client k is -k.
   */
  | { at: TimeMs; do: 'dropInFlight'; type?: MessageType; from?: Endpoint; to?: Endpoint }
  /** Changes the network's latency, loss or duplication from now on. */
  | {
      at: TimeMs;
      do: 'network';
      latencyMs?: readonly [number, number];
      loss?: Ratio;
      duplication?: Ratio;
    }
  /**
   * Membership changes (the rule catalogue (src/i18n/rules.ts)): an admin client sends them to the leader it believes in
   * (or to `via`), with redirects and retries like `request`. `server` is the server changed.
   */
  | { at: TimeMs; do: 'addServer'; server: ServerId; via?: ServerId; client?: ClientId }
  | { at: TimeMs; do: 'removeServer'; server: ServerId; via?: ServerId; client?: ClientId }
  | { at: TimeMs; do: 'addLearner'; server: ServerId; via?: ServerId; client?: ClientId }
  | { at: TimeMs; do: 'promote'; server: ServerId; via?: ServerId; client?: ClientId }
  /** Joint consensus (paper §6): C_old,new, then C_new once C_old,new commits. */
  | {
      at: TimeMs;
      do: 'reconfigure';
      members: readonly ServerId[];
      via?: ServerId;
      client?: ClientId;
    }
  /** Leadership transfer to `server` (thesis §3.10): catch it up, then TimeoutNow. */
  | { at: TimeMs; do: 'transfer'; server: ServerId }
  /** Sets one link's latency (both directions) from now on; `null` goes back to the default. */
  | {
      at: TimeMs;
      do: 'linkLatency';
      link: readonly [ServerId, ServerId];
      latencyMs: readonly [number, number] | null;
    }
  /** The next election timeout drawn for this server is exactly `ms` (a presenter's nudge). */
  | { at: TimeMs; do: 'nextTimeout'; server: ServerId; ms: number };

export type ActionKind = Action['do'];

/** The inputs that fully describe a run (the determinism contract). */
export interface RunSetup {
  seed: number;
  config: SimConfig;
  initial?: readonly InitialServerState[] | undefined;
  actions: readonly Action[];
}

// ---------------------------------------------------------------------------------------------
// Raft state
// ---------------------------------------------------------------------------------------------

export interface ClientTag {
  client: ClientId;
  seq: number;
}

export interface Entry {
  term: number;
  /** A KV command (`set x 1`, `get x`, `del x`, `incr x`, `cas x 1 2`) or `noop`. */
  command: string;
  /** Set for client commands: the session key of C-2. */
  client?: ClientTag;
  /** Unique per appended entry, so "same index and term, different entry" is detectable (the rule catalogue (src/i18n/rules.ts)). */
  id: string;
  /** Set on configuration entries (M-1): the configuration the entry puts in force. */
  config?: Configuration;
}

export interface PeerState {
  id: ServerId;
  /** Leader: index of the next entry to send (F2-S7). */
  nextIndex: number;
  /** Leader: highest index known replicated (F2-S8); never decreases (the rule catalogue D2). */
  matchIndex: number;
  /** Candidate: whether this peer granted its vote in the current term. */
  voteGranted: boolean;
  /** Candidate: whether this peer answered the RequestVote of the current term. */
  voteResponded: boolean;
  /** When the next RPC may be sent to this peer (an outstanding RPC blocks until it times out). */
  rpcDueMs: TimeMs;
  /**
   * Leader: prevLogIndex + entries of the last AppendEntries sent to this peer, the matchIndex a
   * success reply to it carries. A reply that moves nothing forward may only free the RPC slot if
   * it answers this request (a duplicate or stale one must not start another send).
   */
  sentEndIndex: number;
  /** Leader: when an idle follower gets its next heartbeat. */
  heartbeatDueMs: TimeMs;
  /** Leader with CheckQuorum: when this peer last answered an AppendEntries of this term. */
  lastAckMs: TimeMs;
  /**
   * Leader: the send time of the newest AppendEntries this peer answered in this term. A quorum
   * of these confirms leadership as of that time (ReadIndex, C-4) and bounds a lease (C-5).
   */
  ackedSentMs: TimeMs;
  /**
   * Leader: the snapshot being sent to this peer (F2-IS7: it needs an entry the leader has
   * discarded), chunk by chunk (F2-IS2): the serialized data, where the next chunk starts, and
   * when the first chunk at that offset was sent (-1: none yet). Null otherwise.
   */
  snapshotOut: SnapshotTransfer | null;
}

/** A snapshot a leader is sending to one peer (PeerState.snapshotOut). */
export interface SnapshotTransfer {
  index: number;
  term: number;
  data: string;
  offset: number;
  sentMs: TimeMs;
}

/**
 * What a snapshot holds besides its position (F2-IS6): the state machine (key-value store and
 * client sessions, thesis §5.1) and the configuration in force at its last included entry, with
 * that configuration entry's index (0 for the initial configuration).
 */
export interface SnapshotState {
  kv: Record<string, string>;
  sessions: Record<string, ClientSession>;
  config: Configuration | null;
  configIndex: number;
}

/** A server's snapshot: its state as of the last included entry (index and term). */
export interface Snapshot extends SnapshotState {
  index: number;
  term: number;
}

/** A follower's partly received snapshot (F2-IS2: chunks written at their offsets). */
export interface IncomingSnapshot {
  leaderId: ServerId;
  index: number;
  term: number;
  data: string;
}

/** A membership change the leader is carrying out (volatile: lost with leadership). */
export interface PendingChange {
  /** The admin command, e.g. `addServer 6` or `reconfigure 1,2,3,6,7`. */
  command: string;
  /** Who asked, to answer once the change is complete; null when taken over from a predecessor. */
  client: ClientTag | null;
  /** The configuration the change ends in. */
  target: Configuration;
  /** Catching new servers up (M-5), then C_old,new in the log (M-4), then C_new. */
  phase: 'catchUp' | 'joint' | 'final';
  /** Servers being caught up as non-voters before they count (M-5). */
  catchUp: ServerId[];
  round: number;
  roundStartMs: TimeMs;
  /** A round ends when every server in `catchUp` holds the leader's log up to here. */
  roundEndIndex: number;
  /** When a server being caught up last answered; silence for an election timeout aborts. */
  heardMs: TimeMs;
}

export interface ClientSession {
  seq: number;
  response: string;
}

export interface ServerState {
  id: ServerId;
  crashed: boolean;
  // Persistent state (F2-S1..S3): survives a crash.
  term: number;
  votedFor: ServerId | null;
  /**
   * The log, indexed absolutely: the entry at index i is log[i - 1], and log.length is the last
   * index. Entries up to snapshot.index were discarded (log compaction): those slots are empty.
   * Read entries through raft/log.ts (entryAt, termAt), never assuming every slot is filled.
   */
  log: Entry[];
  /** The latest snapshot (persistent, F2-IS6), or null before the first one. */
  snapshot: Snapshot | null;
  // Volatile state (F2-S5..S9): lost on a crash.
  role: Role;
  commitIndex: number;
  lastApplied: number;
  leaderHint: ServerId | null;
  /** Election deadline for followers and candidates (F2-F2); unused for leaders. */
  electionDeadlineMs: TimeMs;
  /** The timeout length drawn for the current deadline (for the timer arc). */
  electionTimeoutMs: TimeMs;
  peers: PeerState[];
  /** The key-value state machine (volatile, rebuilt from the log after a restart, F2-S6). */
  kv: Record<string, string>;
  /** Client sessions of the state machine (C-2). */
  sessions: Record<string, ClientSession>;
  /** When it last heard a leader of its term (PreVote and CheckQuorum leases); null: never. */
  leaderContactMs: TimeMs | null;
  /** Leader with CheckQuorum: when it next counts which peers answered (X-CQ). */
  quorumCheckDueMs: TimeMs;
  /** Instrumentation for the checker: lowest log index changed since the last check, or 0. */
  logDirtyFrom: number;
  /**
   * The configuration in force before the first log entry: the initial members, or null for a
   * server no configuration has named (it stays idle until one reaches it, the design notes).
   */
  baseConfig: Configuration | null;
  /** Indexes of the configuration entries in the log, ascending (M-1: the last one is in force). */
  configIndexes: number[];
  /** Leader: the membership change in progress, if any (M-2: one at a time). */
  change: PendingChange | null;
  /** Leader: a leadership transfer in progress (X-LT): no client request is taken meanwhile. */
  transfer: { target: ServerId; deadlineMs: TimeMs; timeoutNowSent: boolean } | null;
  /** Candidate: this election was started by TimeoutNow, so its RequestVotes may disrupt (M-7). */
  transferElection: boolean;
  /** Leader: reads waiting for leadership to be confirmed or the state machine to catch up (C-4). */
  reads: PendingRead[];
  /** Follower: a snapshot being received chunk by chunk (volatile, F2-IS2), or null. */
  incomingSnapshot: IncomingSnapshot | null;
  /** Follower: reads it serves itself once it has a read index and has applied up to it (C-4). */
  followerReads: FollowerRead[];
}

/** A `get` the leader answers without the log (C-4 ReadIndex, C-5 lease). */
export interface PendingRead {
  client: ClientId;
  seq: number;
  key: string;
  /** When it arrived: only acknowledgements of AppendEntries sent since then confirm it. */
  arrivedMs: TimeMs;
  /** The commit index when it became eligible (an entry of the term committed), or null. */
  readIndex: number | null;
  /**
   * A follower asked for this read index (C-4, follower reads): the leader sends it back once its
   * leadership is confirmed, instead of reading its own state. Null for a client's read.
   */
  forwardTo?: ServerId;
}

/** A `get` a follower serves itself with a read index from the leader (C-4). */
export interface FollowerRead {
  client: ClientId;
  seq: number;
  key: string;
  /** The leader asked. */
  leader: ServerId;
  /** The read index the leader sent back, or null while waiting for it. */
  readIndex: number | null;
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

export interface RequestVote {
  type: 'RequestVote';
  /** For a pre-vote, the term the candidate would use (its term + 1), as in etcd. */
  term: number;
  candidateId: ServerId;
  lastLogIndex: number;
  lastLogTerm: number;
  /** A pre-vote (X-PV): nobody changes term or vote for it. */
  preVote: boolean;
  /** Sent in an election TimeoutNow started: exempt from the disruptive-server guard (M-7). */
  transfer: boolean;
}
export interface RequestVoteReply {
  type: 'RequestVoteReply';
  term: number;
  voteGranted: boolean;
  preVote: boolean;
}
export interface AppendEntries {
  type: 'AppendEntries';
  term: number;
  leaderId: ServerId;
  prevLogIndex: number;
  prevLogTerm: number;
  entries: Entry[];
  leaderCommit: number;
  /** The leader's clock when it sent this; the reply echoes it (ReadIndex and leases, C-4/C-5). */
  sentMs: TimeMs;
}
export interface AppendEntriesReply {
  type: 'AppendEntriesReply';
  term: number;
  success: boolean;
  /** prevLogIndex + entries.length of the request answered (F2-AE8); 0 on failure. */
  matchIndex: number;
  /**
   * On failure, the prevLogIndex that did not match (as etcd's rejection carries it), so the
   * leader can tell a rejection of its latest request from a duplicated or stale one; 0 on success.
   */
  rejectedIndex: number;
  /** The `sentMs` of the request answered. */
  echoSentMs: TimeMs;
}
/**
 * InstallSnapshot (paper Figure 13, F2-IS1..IS7): one chunk of the leader's snapshot, the
 * serialized state starting at `offset`; `chunk` of `chunks` (1-based) is for the views.
 */
export interface InstallSnapshot {
  type: 'InstallSnapshot';
  term: number;
  leaderId: ServerId;
  lastIncludedIndex: number;
  lastIncludedTerm: number;
  offset: number;
  data: string;
  done: boolean;
  chunk: number;
  chunks: number;
  sentMs: TimeMs;
}
export interface InstallSnapshotReply {
  type: 'InstallSnapshotReply';
  term: number;
  lastIncludedIndex: number;
  /** How much of that snapshot the follower holds: where the next chunk starts. */
  offset: number;
  /** The snapshot is complete and saved (or an equal or newer one already was). */
  done: boolean;
  /** The `sentMs` of the chunk answered. */
  echoSentMs: TimeMs;
}
/** A follower asks the leader for a read index for a client's `get` (C-4, follower reads). */
export interface ReadIndexRequest {
  type: 'ReadIndex';
  term: number;
  client: ClientId;
  seq: number;
}
/** The leader's answer: the read index, once its leadership is confirmed; ok false if not leader. */
export interface ReadIndexReply {
  type: 'ReadIndexReply';
  term: number;
  client: ClientId;
  seq: number;
  ok: boolean;
  readIndex: number;
}
/** Leadership transfer (X-LT): the leader tells an up-to-date follower to start an election now. */
export interface TimeoutNow {
  type: 'TimeoutNow';
  term: number;
  leaderId: ServerId;
}
export interface ClientRequest {
  type: 'ClientRequest';
  client: ClientId;
  seq: number;
  command: string;
}
export interface ClientReply {
  type: 'ClientReply';
  client: ClientId;
  seq: number;
  /** true: `result` is the answer; false: not the leader, try `leaderHint` (C-1). */
  ok: boolean;
  result: string;
  leaderHint: ServerId | null;
}

export type MessageBody =
  | RequestVote
  | RequestVoteReply
  | AppendEntries
  | AppendEntriesReply
  | InstallSnapshot
  | InstallSnapshotReply
  | ReadIndexRequest
  | ReadIndexReply
  | TimeoutNow
  | ClientRequest
  | ClientReply;
export type MessageType = MessageBody['type'];

export interface Message {
  id: number;
  from: Endpoint;
  to: Endpoint;
  sentMs: TimeMs;
  deliverMs: TimeMs;
  body: MessageBody;
  /** Decided when sent: the network will lose it (it is drawn travelling, then dropped). */
  lost: boolean;
  /** Set on the second copy of a duplicated message: the id of the original. */
  duplicateOf: number | null;
}

// ---------------------------------------------------------------------------------------------
// Clients
// ---------------------------------------------------------------------------------------------

export interface ClientPending {
  seq: number;
  command: string;
  /** Where the current attempt went. */
  server: ServerId;
  /** The server whose redirect sent the current attempt here, if any (to stop ping-pong). */
  redirectedFrom: ServerId | null;
  attempts: number;
  firstSentMs: TimeMs;
  /** Server the action named explicitly, if any (first attempt only). */
}

export interface ClientRecord {
  seq: number;
  command: string;
  result: string;
  attempts: number;
  sentMs: TimeMs;
  answeredMs: TimeMs;
  server: ServerId;
}

export interface ClientState {
  id: ClientId;
  lastSeq: number;
  leaderHint: ServerId | null;
  /** The server that last let a request time out: its redirects are not trusted until a reply. */
  suspect: ServerId | null;
  pending: ClientPending | null;
  /** Commands waiting for the pending one to finish: a client has one request in flight. */
  queue: { command: string; server: ServerId | null }[];
  timerGen: number;
  /** Answered requests, oldest first (bounded). */
  done: ClientRecord[];
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

export type DropReason = 'loss' | 'partition' | 'crashed' | 'manual';

export type SimEvent =
  | { type: 'action'; time: TimeMs; action: Action }
  | {
      type: 'send';
      time: TimeMs;
      id: number;
      from: Endpoint;
      to: Endpoint;
      msg: MessageType;
      deliverMs: TimeMs;
      duplicate: boolean;
    }
  | { type: 'deliver'; time: TimeMs; id: number; from: Endpoint; to: Endpoint; msg: MessageType }
  | {
      type: 'drop';
      time: TimeMs;
      id: number;
      from: Endpoint;
      to: Endpoint;
      msg: MessageType;
      reason: DropReason;
    }
  /** The election timer fired (or was forced): the server became candidate of `term`. */
  | { type: 'electionStart'; time: TimeMs; server: ServerId; term: number; forced: boolean }
  | {
      type: 'vote';
      time: TimeMs;
      voter: ServerId;
      candidate: ServerId;
      term: number;
      granted: boolean;
    }
  /** PreVote (X-PV): the server asks whether it could win `term` before raising its own term. */
  | { type: 'preVoteStart'; time: TimeMs; server: ServerId; term: number }
  | {
      type: 'preVote';
      time: TimeMs;
      voter: ServerId;
      candidate: ServerId;
      term: number;
      granted: boolean;
    }
  /**
   * CheckQuorum (X-CQ): a server that heard its leader less than an election timeout ago ignored a
   * RequestVote that would have raised its term.
   */
  | { type: 'voteIgnored'; time: TimeMs; voter: ServerId; candidate: ServerId; term: number }
  /**
   * A step of a membership change at the leader `server` (the rule catalogue (src/i18n/rules.ts)): `refused` (with the
   * reason, answered to the client), `start` (catching `servers` up begins, M-5), `catchUp` (a
   * round of M-5 finished after `durationMs`),
   * `aborted`, `joint` (C_old,new appended), `final` (C_new appended), `done` (C_new committed),
   * `leave` (a leader outside C_new steps down once C_new commits, M-6).
   */
  | {
      type: 'membership';
      time: TimeMs;
      server: ServerId;
      phase: 'refused' | 'start' | 'catchUp' | 'aborted' | 'joint' | 'final' | 'done' | 'leave';
      command: string;
      /** `start` and `catchUp`: the servers being caught up as non-voters (M-5). */
      servers?: ServerId[];
      reason?: RefusalReason;
      round?: number;
      durationMs?: number;
    }
  /**
   * Leadership transfer (X-LT) at the leader `server`: `start`, `timeoutNow` (the target is up to
   * date and told to campaign), `aborted` (not done within an election timeout: the leader
   * resumes), `refused` (no such voter, or a transfer already under way; `server` 0: no leader).
   */
  | {
      type: 'transfer';
      time: TimeMs;
      server: ServerId;
      target: ServerId;
      phase: 'start' | 'timeoutNow' | 'aborted' | 'refused';
    }
  /**
   * A read answered without the log (C-4, C-5) or held: `held` (waiting for an entry of the term
   * to commit, a heartbeat round or the state machine), `answered` with the read index used.
   * `mode` `local` is BUG-LOCALREAD: answered at once from the leader's own state. `follower`:
   * a follower serves it (C-4), held until the leader's read index comes back and is applied;
   * the leader's side of it is `confirmed`: leadership confirmed, the read index sent back.
   */
  | {
      type: 'read';
      time: TimeMs;
      server: ServerId;
      client: ClientId;
      seq: number;
      key: string;
      mode: 'readIndex' | 'lease' | 'local' | 'follower';
      phase: 'held' | 'answered' | 'confirmed';
      readIndex: number;
      result: string;
    }
  /** CheckQuorum (X-CQ): a leader that lost contact with a majority stepped down. */
  | { type: 'quorumLost'; time: TimeMs; server: ServerId; term: number; active: number }
  | { type: 'becomeLeader'; time: TimeMs; server: ServerId; term: number }
  /** The server saw a higher term (F2-A2) or a legitimate leader (F2-AE2) and became follower. */
  | { type: 'stepDown'; time: TimeMs; server: ServerId; term: number; from: Role }
  /** A leader appended a new entry. */
  | { type: 'append'; time: TimeMs; server: ServerId; index: number; term: number; command: string }
  /** A follower appended entries `fromIndex..toIndex` received from `leader`. */
  | {
      type: 'replicate';
      time: TimeMs;
      server: ServerId;
      leader: ServerId;
      fromIndex: number;
      toIndex: number;
    }
  /** A follower deleted a conflicting suffix starting at `fromIndex` (F2-AE4). */
  | { type: 'truncate'; time: TimeMs; server: ServerId; fromIndex: number; removed: number }
  /**
   * Log compaction (F2-IS6): a server snapshotted its applied state up to `index` (of `term`) and
   * discarded `discarded` log entries.
   */
  | {
      type: 'snapshot';
      time: TimeMs;
      server: ServerId;
      index: number;
      term: number;
      discarded: number;
    }
  /**
   * A follower installed a snapshot from `leader` (F2-IS3..IS5): `kept` entries after it were
   * retained (F2-IS4), or the whole log was replaced (`kept` 0, the state machine reset).
   */
  | {
      type: 'installSnapshot';
      time: TimeMs;
      server: ServerId;
      leader: ServerId;
      index: number;
      term: number;
      kept: number;
      reset: boolean;
    }
  | { type: 'commit'; time: TimeMs; server: ServerId; index: number }
  | {
      type: 'apply';
      time: TimeMs;
      server: ServerId;
      index: number;
      command: string;
      result: string;
      duplicate: boolean;
    }
  | { type: 'crash'; time: TimeMs; server: ServerId }
  | { type: 'restart'; time: TimeMs; server: ServerId }
  | {
      type: 'clientSend';
      time: TimeMs;
      client: ClientId;
      seq: number;
      server: ServerId;
      command: string;
      attempt: number;
    }
  | {
      type: 'clientRedirect';
      time: TimeMs;
      client: ClientId;
      seq: number;
      server: ServerId;
      leaderHint: ServerId | null;
    }
  | {
      type: 'clientReply';
      time: TimeMs;
      client: ClientId;
      seq: number;
      server: ServerId;
      result: string;
    }
  /**
   * An answer to a request the client no longer waits for (a duplicated reply, or a retry answered
   * after the original): ignored by the client, but still checked against the first execution
   * (INV-C1).
   */
  | {
      type: 'clientLateReply';
      time: TimeMs;
      client: ClientId;
      seq: number;
      server: ServerId;
      result: string;
    }
  | { type: 'violation'; time: TimeMs; violation: Violation };

export type SimEventType = SimEvent['type'];

export type InvariantId =
  | 'INV-ES'
  | 'INV-LAO'
  | 'INV-LM'
  | 'INV-LC'
  | 'INV-SMS'
  | 'INV-X1'
  | 'INV-X2'
  | 'INV-X3'
  | 'INV-X4'
  | 'INV-X5'
  | 'INV-X6'
  | 'INV-X7'
  | 'INV-X8'
  | 'INV-X9'
  | 'INV-X10'
  | 'INV-X11'
  | 'INV-X14'
  | 'INV-X15'
  | 'INV-C1'
  | 'INV-C2';

export interface Violation {
  invariant: InvariantId;
  time: TimeMs;
  servers: ServerId[];
  indexes: number[];
  message: string;
  /** INV-C2 found by the lab's history check: why no order fits, as data (linearizabilityExplain.ts). */
  explanation?: MessageParts;
}

// ---------------------------------------------------------------------------------------------
// Output shapes (the `npm run sim -- --json` contract of the design notes)
// ---------------------------------------------------------------------------------------------

export interface ServerSummary {
  id: ServerId;
  role: Role;
  crashed: boolean;
  term: number;
  votedFor: ServerId | null;
  log: [number, string][];
  commitIndex: number;
  lastApplied: number;
  kv: Record<string, string>;
  /** The configuration the server uses (M-1), in the the design notes contract's shape. */
  membership: MembershipSummary;
  /** The last entry the server's snapshot covers (the design notes); `log` lists only what follows. */
  snapshot: { index: number; term: number } | null;
}

export interface MembershipSummary {
  voters: ServerId[];
  /** Only during a joint phase: C_old. */
  old?: ServerId[];
  learners: ServerId[];
  /** Index of the configuration entry; 0 for the initial configuration. */
  index: number;
  committed: boolean;
}

export interface ViolationSummary {
  invariant: InvariantId;
  time: TimeMs;
  servers: ServerId[];
  message: string;
}

export interface RunResult {
  time: TimeMs;
  traceHash: string;
  violations: ViolationSummary[];
  servers: ServerSummary[];
}
