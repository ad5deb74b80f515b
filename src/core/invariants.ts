/**
 * The invariant checker of the rule catalogue (src/i18n/rules.ts), run after every event. It keeps the history variables the
 * paper's properties need (elections, votes, committed and applied entries) as plain data, so it
 * is copied with every checkpoint and a rewound run checks exactly as the live one did.
 *
 * Cost is kept per event: only servers whose log changed are compared entry by entry, and the
 * comparison uses a hash chain over entry ids so that "same prefix" is O(1) once the highest index
 * with equal terms is found (INV-LM).
 */
import { fnv1a32 } from './prng.ts';
import { checkPastLeaders, recordLeader } from './leaderHistory.ts';
import { checkCommitDecision, checkQuorumInvariants } from './quorumInvariants.ts';
import { parseAdmin } from './membership.ts';
import { termAt } from './raft/log.ts';
import { idAt, termOf } from './checkedLog.ts';
import { noteWrite } from './sharedList.ts';
import { MAX_VIOLATIONS, prevOf, type CheckerState } from './checkerState.ts';

export { MAX_VIOLATIONS, newChecker, type CheckerState } from './checkerState.ts';
import type { InvariantId, ServerId, ServerState, SimEvent, TimeMs, Violation } from './types.ts';

/** `list[i] = value`, telling checkpoints' shared copies when it is not an append (sharedList.ts). */
function setAt<T>(list: T[], i: number, value: T): void {
  if (i < list.length) noteWrite(list, i);
  list[i] = value;
}

/**
 * Reports a violation once per (invariant, servers, indexes, term): the same broken state seen
 * again after the next event is not news, but the same mistake made again in a later term is
 * (e.g. a second double election, INV-ES).
 */
export type Report = (
  invariant: InvariantId,
  servers: ServerId[],
  indexes: number[],
  term: number,
  message: string,
  /** Servers for the de-duplication key when they differ from those shown (INV-X10). */
  keyServers?: ServerId[],
) => void;

/**
 * The step being checked, for `report`: one reporting function for every step rather than a new
 * closure per event (checkStep runs after every event and never re-enters itself).
 */
const stepInProgress: { c: CheckerState | null; time: TimeMs; found: Violation[] | null } = {
  c: null,
  time: 0,
  found: null,
};

const NO_VIOLATIONS: readonly Violation[] = Object.freeze([]);

const report: Report = (invariant, servers, indexes, term, message, keyServers = servers) => {
  const c = stepInProgress.c;
  if (c === null) throw new Error('report outside checkStep');
  const key = `${invariant}|${keyServers.join(',')}|${indexes.join(',')}|${term}`;
  if (c.reported[key]) return;
  c.reported[key] = true;
  c.violationCount += 1;
  if (c.violations.length >= MAX_VIOLATIONS) return;
  const v: Violation = { invariant, time: stepInProgress.time, servers, indexes, message };
  c.violations.push(v);
  (stepInProgress.found ??= []).push(v);
};

/**
 * Which servers an event may have changed: 'all', one server's id, or 0 for none (an event of a
 * client alone). The simulation knows (Simulation.itemServer); anything else passes 'all'.
 */
export type ChangedServers = 'all' | ServerId;

/**
 * Checks everything after one event. `events` are those the event produced; returns the new
 * violations (already recorded in the checker state). Sends and deliveries among them change
 * nothing: no check reads them, so the simulation does not pass them (they may be left out).
 */
export function checkStep(
  c: CheckerState,
  servers: readonly ServerState[],
  events: readonly SimEvent[],
  time: TimeMs,
  changed: ChangedServers = 'all',
): readonly Violation[] {
  stepInProgress.c = c;
  stepInProgress.time = time;
  stepInProgress.found = null;
  try {
    return checkAll(c, servers, events, changed);
  } finally {
    stepInProgress.c = null;
  }
}

function checkAll(
  c: CheckerState,
  servers: readonly ServerState[],
  events: readonly SimEvent[],
  changed: ChangedServers,
): readonly Violation[] {
  if (quietStep(c, servers, events, changed)) {
    // Nothing the checks below read changed, but for a leader's matchIndexes (INV-X14).
    const s = changed === 'all' || changed === 0 ? undefined : servers[changed - 1];
    if (s !== undefined && s.role === 'leader' && !s.crashed) {
      checkLeaderMatch(c, servers, s, 0, report);
    }
    return stepInProgress.found ?? NO_VIOLATIONS;
  }
  // A server whose state is as it was after the last event passes the per-server checks below
  // exactly as it did then (a broken state is reported once), so only changed ones are looked at.
  const first = changed === 'all' || changed === 0 ? 0 : changed - 1;
  const end = changed === 'all' ? servers.length : Math.min(changed, servers.length);
  // Bit k set: server k crashed or restarted in this event (its commitIndex may go down).
  let restarted = 0;
  const committedBefore = c.leaderCommittedIds.length;
  const committedIdsBefore = c.committedIds.length;
  for (const e of events) restarted |= checkEvent(c, servers, e, report);
  for (let k = first; k < end; k++) {
    const s = servers[k] as ServerState;
    checkTransitions(c, s, (restarted & (1 << s.id)) !== 0, report);
  }
  for (const s of servers) if (s.logDirtyFrom !== 0) checkLogChange(c, servers, s, report);
  for (let k = first; k < end; k++) checkCommitted(c, servers, servers[k] as ServerState, report);
  // INV-X14 reads the leader's matchIndexes and log, the follower's term and log, and, past a
  // snapshot, the committed ids: a pair where none of them changed is as it was.
  const anyPeer = changed === 'all' || c.committedIds.length !== committedIdsBefore ? 0 : changed;
  for (const s of servers) {
    if (s.role !== 'leader' || s.crashed) continue;
    if (anyPeer === 0 || anyPeer === s.id) checkLeaderMatch(c, servers, s, 0, report);
    else checkLeaderMatch(c, servers, s, anyPeer, report);
  }
  checkQuorumInvariants(c, servers, committedBefore, report);
  for (const e of events) {
    if (e.type === 'snapshot' || e.type === 'installSnapshot') checkSnapshot(c, servers, e, report);
  }
  for (let k = first; k < end; k++) {
    const s = servers[k] as ServerState;
    const p = c.prev[s.id - 1];
    if (p === undefined) c.prev[s.id - 1] = prevOf(s);
    else {
      // In place: one record per server for the whole run, not one per server per event.
      p.term = s.term;
      p.votedFor = s.votedFor;
      p.role = s.role;
      p.commitIndex = s.commitIndex;
      p.lastApplied = s.lastApplied;
      p.logLength = s.log.length;
    }
  }
  for (const s of servers) s.logDirtyFrom = 0;
  return stepInProgress.found ?? NO_VIOLATIONS;
}

/**
 * Whether this step can be checked by INV-X14 alone: about half the steps of a steady run are a
 * message sent or received that changes nothing checkAll reads but a leader's matchIndexes (a
 * reply to a heartbeat, a heartbeat sent). That is: its events are only sends, deliveries and
 * drops (checkEvent and the snapshot checks pass over them), no log is marked changed, and the
 * one server it may have changed (none for a client's) holds the term, vote, role, commit and
 * apply indexes and log length the checker last saw. Then every other check would find what it
 * found after the last step (the committed prefix, the quorum invariants and the leader–follower
 * pairs depend on nothing else that changed), and report nothing new.
 */
function quietStep(
  c: CheckerState,
  servers: readonly ServerState[],
  events: readonly SimEvent[],
  changed: ChangedServers,
): boolean {
  if (changed === 'all') return false;
  // (The simulation passes no sends, deliveries, commits or replications: a commit moves the
  // server's commitIndex and a replication marks its log changed, both seen below.)
  for (let i = 0; i < events.length; i++) {
    const type = (events[i] as SimEvent).type;
    if (type !== 'send' && type !== 'deliver' && type !== 'drop') return false;
  }
  for (let k = 0; k < servers.length; k++) {
    if ((servers[k] as ServerState).logDirtyFrom !== 0) return false;
  }
  if (changed === 0) return true;
  const s = servers[changed - 1];
  const p = c.prev[changed - 1];
  return (
    s !== undefined &&
    p !== undefined &&
    s.term === p.term &&
    s.votedFor === p.votedFor &&
    s.role === p.role &&
    s.commitIndex === p.commitIndex &&
    s.lastApplied === p.lastApplied &&
    s.log.length === p.logLength
  );
}

function serverOf(servers: readonly ServerState[], id: ServerId): ServerState | undefined {
  return servers[id - 1];
}

/** Checks one event; returns the bit of a server that crashed or restarted in it, else 0. */
function checkEvent(
  c: CheckerState,
  servers: readonly ServerState[],
  e: SimEvent,
  report: Report,
): number {
  switch (e.type) {
    case 'becomeLeader': {
      // INV-ES, history form: one leader per term over the whole run, crashes included.
      const earlier = c.elections[String(e.term)];
      if (earlier !== undefined && earlier !== e.server) {
        report(
          'INV-ES',
          [earlier, e.server],
          [],
          e.term,
          `S${earlier} and S${e.server} were both elected leader of term ${e.term}`,
        );
      }
      c.elections[String(e.term)] = e.server;
      const s = serverOf(servers, e.server);
      if (s !== undefined) {
        checkLeaderCompleteness(c, s, 1, report);
        recordLeader(c, s);
      }
      return 0;
    }
    case 'vote': {
      if (!e.granted) return 0;
      // INV-X8: one candidate per (voter, term), across restarts.
      const key = `${e.voter}/${e.term}`;
      const earlier = c.votes[key];
      if (earlier !== undefined && earlier !== e.candidate) {
        report(
          'INV-X8',
          [e.voter, earlier, e.candidate],
          [],
          e.term,
          `S${e.voter} voted twice in term ${e.term}: for S${earlier} and for S${e.candidate}`,
        );
      }
      c.votes[key] = e.candidate;
      return 0;
    }
    case 'apply':
      checkApply(c, servers, e, report);
      return 0;
    case 'crash':
    case 'restart':
      c.executed[e.server - 1] = [];
      c.sessionSeqs[e.server - 1] = [];
      return 1 << e.server;
    case 'clientSend':
      if (parseAdmin(e.command) !== null) markAdmin(c, e.client, e.seq);
      return 0;
    case 'read':
      // A read answered without the log executes nothing, and a retry reads again (C-4): its
      // answers are checked by linearizability (INV-C2), not against an execution.
      if (e.phase === 'answered') markAdmin(c, e.client, e.seq);
      return 0;
    case 'clientReply':
    case 'clientLateReply':
      // A membership change executes nothing. (Client ids and seqs are whole numbers: no key here
      // can be an inherited name.)
      if (c.adminRequests[e.client]?.[e.seq] === true) return 0;
      checkAnswer(c, servers, e, report);
      return 0;
    case 'append':
      checkConfigAppend(servers, e, report);
      return 0;
    default:
      return 0;
  }
}

/** Notes a request answered without executing anything (CheckerState.adminRequests). */
function markAdmin(c: CheckerState, client: number, seq: number): void {
  (c.adminRequests[client] ??= {})[seq] = true;
}

/**
 * INV-C1, second half: every answer a client receives, taken or ignored, is the result of the
 * first real execution of its (client, seq) on any server. A late reply may instead carry what
 * a state machine answered once it had moved past that seq (the session keeps only the latest).
 */
function checkAnswer(
  c: CheckerState,
  servers: readonly ServerState[],
  e: Extract<SimEvent, { type: 'clientReply' | 'clientLateReply' }>,
  report: Report,
): void {
  const key = `${e.client}/${e.seq}`;
  const first = c.firstResults[e.client]?.[e.seq];
  if (first === e.result) return;
  if (e.type === 'clientLateReply' && c.staleResults[key] === e.result) return;
  const term = serverOf(servers, e.server)?.term ?? 0;
  const late = e.type === 'clientLateReply' ? 'a late ' : '';
  const message =
    first === undefined
      ? `S${e.server} sent C${e.client} ${late}answer "${e.result}" for request ${e.seq}, which no state machine executed`
      : `S${e.server} sent C${e.client} ${late}answer "${e.result}" for request ${e.seq}, whose first execution returned "${first}"`;
  report('INV-C1', [e.server], [], term, message);
}

function checkApply(
  c: CheckerState,
  servers: readonly ServerState[],
  e: Extract<SimEvent, { type: 'apply' }>,
  report: Report,
): void {
  const s = serverOf(servers, e.server);
  const entry = s?.log[e.index - 1];
  if (s === undefined || entry === undefined) return;
  // INV-SMS: no two servers ever apply different entries at one index.
  const first = c.appliedIds[e.index - 1];
  if (first === undefined) setAt(c.appliedIds, e.index - 1, entry.id);
  else if (first !== entry.id) {
    report(
      'INV-SMS',
      [s.id],
      [e.index],
      s.term,
      `S${s.id} applied "${entry.command}" (term ${entry.term}) at index ${e.index}, where another entry was applied before`,
    );
  }
  const tag = entry.client;
  if (tag !== undefined) checkExecution(c, s, e, tag, report);
}

/**
 * INV-C1, first half: each (client, seq) changes a state machine at most once. Also remembers
 * the first real execution's result, which every later answer must repeat.
 */
function checkExecution(
  c: CheckerState,
  s: ServerState,
  e: Extract<SimEvent, { type: 'apply' }>,
  tag: { client: number; seq: number },
  report: Report,
): void {
  const executed = c.executed[s.id - 1];
  const seqs = c.sessionSeqs[s.id - 1];
  if (executed === undefined || seqs === undefined) return;
  const latest = seqs[tag.client] ?? 0;
  if (e.duplicate) {
    if (tag.seq >= latest) return;
    const key = `${tag.client}/${tag.seq}`;
    if (c.staleResults[key] === undefined) c.staleResults[key] = e.result;
    return;
  }
  const mine = (executed[tag.client] ??= []);
  if (mine[tag.seq] === true) {
    report(
      'INV-C1',
      [s.id],
      [e.index],
      s.term,
      `S${s.id} executed C${tag.client}'s request ${tag.seq} a second time at index ${e.index}`,
    );
  }
  setAt(mine, tag.seq, true);
  seqs[tag.client] = Math.max(latest, tag.seq);
  const results = (c.firstResults[tag.client] ??= []);
  if (results[tag.seq] === undefined) setAt(results, tag.seq, e.result);
}

function checkTransitions(
  c: CheckerState,
  s: ServerState,
  restarted: boolean,
  report: Report,
): void {
  const p = c.prev[s.id - 1];
  if (p === undefined) return;
  if (s.term < p.term) {
    report('INV-X1', [s.id], [], s.term, `S${s.id}'s term went down from ${p.term} to ${s.term}`);
  }
  if (s.term === p.term && p.votedFor !== null && s.votedFor !== p.votedFor) {
    const now = s.votedFor === null ? 'nobody' : `S${s.votedFor}`;
    report(
      'INV-X7',
      [s.id],
      [],
      s.term,
      `S${s.id} changed its vote in term ${s.term} from S${p.votedFor} to ${now}`,
    );
  }
  if (!restarted && (s.commitIndex < p.commitIndex || s.lastApplied < p.lastApplied)) {
    report(
      'INV-X6',
      [s.id],
      [],
      s.term,
      `S${s.id}'s commitIndex/lastApplied went down (${p.commitIndex}/${p.lastApplied} → ${s.commitIndex}/${s.lastApplied})`,
    );
  }
  if (s.commitIndex > s.log.length) {
    report(
      'INV-X4',
      [s.id],
      [s.commitIndex],
      s.term,
      `S${s.id}'s commitIndex ${s.commitIndex} is past its last entry ${s.log.length}`,
    );
  }
  if (s.lastApplied > s.commitIndex) {
    report(
      'INV-X5',
      [s.id],
      [s.lastApplied],
      s.term,
      `S${s.id} applied up to ${s.lastApplied} but only knows ${s.commitIndex} committed`,
    );
  }
  const wasLeader = p.role === 'leader' && s.role === 'leader' && p.term === s.term;
  if (wasLeader && s.logDirtyFrom !== 0 && s.logDirtyFrom <= p.logLength) {
    report(
      'INV-LAO',
      [s.id],
      [s.logDirtyFrom],
      s.term,
      `Leader S${s.id} deleted or overwrote its own entries from index ${s.logDirtyFrom}`,
    );
  }
}

function updateChain(c: CheckerState, s: ServerState): number[] {
  const chain = c.chains[s.id - 1] ?? [];
  c.chains[s.id - 1] = chain;
  const from = Math.min(s.logDirtyFrom, chain.length + 1);
  if (from - 1 < chain.length) {
    noteWrite(chain, from - 1);
    chain.length = from - 1;
  }
  for (let i = chain.length; i < s.log.length; i++) {
    const prev = i === 0 ? 0x811c9dc5 : (chain[i - 1] as number);
    chain.push(fnv1a32(idAt(c, s, i + 1) ?? '?', prev));
  }
  return chain;
}

function checkLogChange(
  c: CheckerState,
  servers: readonly ServerState[],
  s: ServerState,
  report: Report,
): void {
  const from = s.logDirtyFrom;
  updateChain(c, s);
  for (let i = Math.max(from, 2); i <= s.log.length; i++) {
    const a = termOf(c, s, i - 1) ?? 0;
    const b = termOf(c, s, i) ?? 0;
    if (b < a) {
      report(
        'INV-X3',
        [s.id],
        [i],
        s.term,
        `S${s.id}'s log goes back from term ${a} to term ${b} at index ${i}`,
      );
      break;
    }
  }
  const lastTerm = termOf(c, s, s.log.length) ?? 0;
  if (lastTerm > s.term) {
    report(
      'INV-X2',
      [s.id],
      [s.log.length],
      s.term,
      `S${s.id} holds an entry of term ${lastTerm} beyond its current term ${s.term}`,
    );
  }
  for (const other of servers) if (other.id !== s.id) checkLogMatching(c, s, other, report);
  if (s.role === 'leader') checkLeaderCompleteness(c, s, from, report);
}

/** INV-LM: equal (index, term) implies equal prefixes. Checked at the highest such index. */
function checkLogMatching(c: CheckerState, a: ServerState, b: ServerState, report: Report): void {
  const chainA = c.chains[a.id - 1] ?? [];
  const chainB = c.chains[b.id - 1] ?? [];
  let n = Math.min(a.log.length, b.log.length, chainA.length, chainB.length);
  while (n > 0 && termOf(c, a, n) !== termOf(c, b, n)) n--;
  if (n === 0 || chainA[n - 1] === chainB[n - 1]) return;
  let first = 1;
  while (first < n && idAt(c, a, first) === idAt(c, b, first)) first++;
  const [lo, hi] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
  report(
    'INV-LM',
    [lo, hi],
    [first, n],
    Math.max(a.term, b.term),
    `S${lo} and S${hi} both hold an entry of term ${termOf(c, a, n)} at index ${n}, but their logs differ at index ${first}`,
  );
}

/** INV-LC (paper form): a leader of a later term holds every entry committed before it. */
function checkLeaderCompleteness(
  c: CheckerState,
  s: ServerState,
  fromIndex: number,
  report: Report,
): void {
  const missing: number[] = [];
  for (let i = Math.max(fromIndex, 1); i <= c.leaderCommittedIds.length; i++) {
    const commitTerm = c.leaderCommitTerms[i - 1] ?? 0;
    if (s.term > commitTerm && idAt(c, s, i) !== c.leaderCommittedIds[i - 1]) missing.push(i);
  }
  if (missing.length === 0) return;
  const shown = missing.slice(0, 5);
  report(
    'INV-LC',
    [s.id],
    shown,
    s.term,
    `Leader S${s.id} of term ${s.term} lacks committed ${missing.length === 1 ? 'entry' : 'entries'} at ${shown.join(', ')}${missing.length > 5 ? '…' : ''}`,
  );
}

function checkCommitted(
  c: CheckerState,
  servers: readonly ServerState[],
  s: ServerState,
  report: Report,
): void {
  const p = c.prev[s.id - 1];
  const prevCommit = p === undefined ? 0 : Math.min(p.commitIndex, s.commitIndex);
  // A truncation inside the committed prefix re-checks from there.
  const from = Math.min(prevCommit + 1, s.logDirtyFrom === 0 ? Infinity : s.logDirtyFrom);
  for (let i = from; i <= s.commitIndex; i++) {
    const id = s.log[i - 1]?.id;
    if (id === undefined) {
      if (i <= (s.snapshot?.index ?? 0)) continue; // in its snapshot: checked by checkSnapshot
      break;
    }
    const first = c.committedIds[i - 1];
    if (first === undefined && i === c.committedIds.length + 1) {
      c.committedIds.push(id);
      c.committedTerms.push(s.log[i - 1]?.term ?? 0);
    } else if (first !== undefined && first !== id) {
      report(
        'INV-X9',
        [s.id],
        [i],
        s.term,
        `S${s.id} counts a different entry as committed at index ${i} than another server did`,
      );
      break;
    }
  }
  // A leader's commit, also one that made it step down in the same event and term (M-6:
  // committing C_new ends a removed leader's term of office). A leader deposed by a higher term
  // that learns commits from the new leader in the same event decided nothing (fuzz seed 32642).
  const led = s.role === 'leader' || (p?.role === 'leader' && p.term === s.term);
  if (led && !s.crashed && s.commitIndex > prevCommit) {
    checkCommitDecision(c, servers, s, prevCommit, report);
    recordLeaderCommit(c, s, prevCommit, report);
  }
}

/**
 * A leader advanced its commitIndex: remember what it committed and in which term, and hold that
 * against every leader of a later term ever elected, even one gone since (INV-LC over history).
 */
function recordLeaderCommit(
  c: CheckerState,
  s: ServerState,
  prevCommit: number,
  report: Report,
): void {
  for (let i = prevCommit + 1; i <= s.commitIndex; i++) {
    const id = s.log[i - 1]?.id;
    if (id === undefined) break;
    const known = c.leaderCommittedIds[i - 1];
    if (known === undefined && i === c.leaderCommittedIds.length + 1) {
      c.leaderCommittedIds.push(id);
      c.leaderCommitTerms.push(s.term);
      const config = s.log[i - 1]?.config;
      if (config !== undefined) {
        c.committedConfig = structuredClone(config);
        c.committedConfigIndex = i;
      }
      checkPastLeaders(c, { index: i, id, term: s.term, by: s.id }, Infinity, report);
    } else if (known !== undefined && known !== id) {
      report(
        'INV-LC',
        [s.id],
        [i],
        s.term,
        `Leader S${s.id} committed a different entry at index ${i} than an earlier leader had committed`,
      );
    } else if (known === id) {
      // A lagging leader commits an entry already recorded, in an earlier term than the record
      // says: the leaders of the terms in between must hold it too (INV-LC).
      const recorded = c.leaderCommitTerms[i - 1] ?? 0;
      if (s.term >= recorded) continue;
      setAt(c.leaderCommitTerms, i - 1, s.term);
      checkPastLeaders(c, { index: i, id, term: s.term, by: s.id }, recorded, report);
    }
  }
}

/**
 * INV-SMS for snapshots (F2-IS6): a snapshot stands for a state machine that applied every entry
 * up to its index, so those must be committed entries, its last one of the term it records, and
 * the server's state machine is at least as far.
 */
function checkSnapshot(
  c: CheckerState,
  servers: readonly ServerState[],
  e: Extract<SimEvent, { type: 'snapshot' | 'installSnapshot' }>,
  report: Report,
): void {
  const s = serverOf(servers, e.server);
  if (s === undefined) return;
  const committedTerm = c.committedTerms[e.index - 1];
  const how = e.type === 'snapshot' ? 'took' : 'installed';
  if (committedTerm === undefined) {
    report(
      'INV-SMS',
      [s.id],
      [e.index],
      s.term,
      `S${s.id} ${how} a snapshot up to index ${e.index}, which no server counts as committed`,
    );
  } else if (committedTerm !== e.term) {
    report(
      'INV-SMS',
      [s.id],
      [e.index],
      s.term,
      `S${s.id} ${how} a snapshot up to index ${e.index} of term ${e.term}, but the entry committed there is of term ${committedTerm}`,
    );
  }
  if (s.lastApplied < e.index) {
    report(
      'INV-SMS',
      [s.id],
      [e.index],
      s.term,
      `S${s.id}'s snapshot reaches index ${e.index} but its state machine only applied ${s.lastApplied}`,
    );
  }
}

/**
 * INV-X14: a follower of the leader's term matches the leader up to matchIndex. `only`: that
 * follower alone (0: every one).
 */
function checkLeaderMatch(
  c: CheckerState,
  servers: readonly ServerState[],
  s: ServerState,
  only: ServerId,
  report: Report,
): void {
  for (const p of s.peers) {
    if (p.matchIndex === 0 || (only !== 0 && p.id !== only)) continue;
    const f = serverOf(servers, p.id);
    if (f === undefined || f.term !== s.term) continue;
    if (idAt(c, f, p.matchIndex) !== idAt(c, s, p.matchIndex)) {
      report(
        'INV-X14',
        [s.id, f.id],
        [p.matchIndex],
        s.term,
        `Leader S${s.id} believes S${f.id} matches it up to index ${p.matchIndex}, but S${f.id}'s log differs there`,
      );
    }
  }
}

/**
 * INV-X15 (M-2, M-3): when a leader appends a configuration entry, its log holds no other
 * uncommitted one, and an entry of its own term is already committed (the 2015 fix).
 */
function checkConfigAppend(
  servers: readonly ServerState[],
  e: Extract<SimEvent, { type: 'append' }>,
  report: Report,
): void {
  const s = serverOf(servers, e.server);
  if (s === undefined || s.log[e.index - 1]?.config === undefined) return;
  const pending = s.configIndexes.filter((i) => i > s.commitIndex);
  if (pending.length > 1) {
    report(
      'INV-X15',
      [s.id],
      pending,
      s.term,
      `Leader S${s.id} appended a configuration at ${e.index} while the one at ${pending[0]} is not committed`,
    );
  }
  const committedTerm = termAt(s, s.commitIndex);
  if (committedTerm !== s.term) {
    report(
      'INV-X15',
      [s.id],
      [e.index],
      s.term,
      `Leader S${s.id} appended a configuration at ${e.index} before committing any entry of its term ${s.term}`,
    );
  }
}
