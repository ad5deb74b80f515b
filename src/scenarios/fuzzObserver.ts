/**
 * Checks a fuzz run adds to the core's invariants, fed by the event stream (`sim.onEvent`) and by
 * a look at the leaders after every step, plus the run's counters for the summary. Each check is
 * cheap: a hash of a handful of keys per apply, a set of client tags per election, a loop over the
 * peers of the leaders per step.
 *
 * - SM-DIGEST: the state machines agree index by index. After every apply the server's key-value
 *   store and sessions are hashed; the first digest recorded for an index is the reference.
 * - ACKED-WRITE: a command a client got an answer for was committed, so every leader elected in a
 *   later term holds an entry with its (client, seq) tag (Leader Completeness seen from outside).
 *   Answers that never went through the log are left out: membership changes (`ok`, `refused: …`;
 *   configuration entries carry no client tag) and reads answered by ReadIndex or lease (C-4, C-5).
 * - PEER-INDEX: a leader's bookkeeping stays in range: 1 ≤ nextIndex ≤ lastIndex + 1,
 *   matchIndex ≤ lastIndex, matchIndex < nextIndex.
 *
 * It also records the clients' history (HistoryRecorder) for the linearizability check at the end
 * of the run (INV-C2, fuzzCheck.ts): one small record per key-value operation, no more.
 */
import { fnv1a32, parseAdmin } from '../core/index.ts';
import { HistoryRecorder } from '../core/linearizability.ts';
import type { ServerId, ServerState, SimEvent } from '../core/index.ts';

export type ExtraCheckId = 'SM-DIGEST' | 'ACKED-WRITE' | 'PEER-INDEX';

export interface ExtraFinding {
  check: ExtraCheckId;
  timeMs: number;
  servers: ServerId[];
  message: string;
}

export interface RunCounters {
  elections: number;
  commits: number;
}

/** Key-value pairs of a store held as a plain object, a null-prototype object or a Map. */
export function storeEntries(store: unknown): [string, unknown][] {
  if (store instanceof Map)
    return [...(store as Map<unknown, unknown>)].map(([k, v]) => [String(k), v]);
  if (store === null || typeof store !== 'object') return [];
  return Object.entries(store);
}

function sortedText(store: unknown): string {
  const pairs = storeEntries(store).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return pairs.sort().join(';');
}

/** A hash of the state machine: the store and the session table (C-2), key order ignored. */
export function stateMachineDigest(s: Pick<ServerState, 'kv' | 'sessions'>): string {
  const text = `${sortedText(s.kv)}|${sortedText(s.sessions)}`;
  return `${fnv1a32(text).toString(16)}${fnv1a32(text, 0x9e3779b9).toString(16)}`;
}

/** The first broken bound of one leader's peer bookkeeping, or null. */
export function peerIndexProblem(s: ServerState): string | null {
  const last = s.log.length;
  for (const p of s.peers) {
    if (p.nextIndex < 1 || p.nextIndex > last + 1)
      return `leader S${s.id} has nextIndex ${p.nextIndex} for S${p.id}, outside 1..${last + 1}`;
    if (p.matchIndex > last)
      return `leader S${s.id} has matchIndex ${p.matchIndex} for S${p.id} beyond its last index ${last}`;
    if (p.matchIndex >= p.nextIndex)
      return `leader S${s.id} has matchIndex ${p.matchIndex} ≥ nextIndex ${p.nextIndex} for S${p.id}`;
  }
  return null;
}

interface Acked {
  client: number;
  seq: number;
  /** Leaders of later terms must hold it: the answering server's term when the answer arrived. */
  term: number;
  timeMs: number;
}

export class FuzzObserver {
  finding: ExtraFinding | null = null;
  readonly counters: RunCounters = { elections: 0, commits: 0 };
  private readonly digests = new Map<number, { digest: string; server: ServerId }>();
  /** "client/seq" → the index where a state machine first applied that request's entry. */
  private readonly appliedAt = new Map<string, number>();
  private readonly acked: Acked[] = [];
  /** Requests whose answer does not come from a log entry: admin commands, reads without the log. */
  private readonly logless = new Set<string>();
  readonly history = new HistoryRecorder();

  constructor(private readonly servers: () => readonly ServerState[]) {}

  private server(id: ServerId): ServerState | undefined {
    return this.servers()[id - 1];
  }

  private report(finding: ExtraFinding): void {
    this.finding ??= finding;
  }

  readonly onEvent = (e: SimEvent): void => {
    this.history.observe(e);
    switch (e.type) {
      case 'clientSend':
        if (e.attempt === 1 && parseAdmin(e.command) !== null)
          this.logless.add(`${e.client}/${e.seq}`);
        return;
      case 'read':
        if (e.phase === 'answered') this.logless.add(`${e.client}/${e.seq}`);
        return;
      case 'apply':
        this.onApply(e.server, e.index, e.time);
        return;
      case 'snapshot':
      case 'installSnapshot':
        this.onSnapshot(e.server, e.index, e.time);
        return;
      case 'commit':
        this.counters.commits = Math.max(this.counters.commits, e.index);
        return;
      case 'clientReply': {
        if (this.logless.delete(`${e.client}/${e.seq}`)) return;
        const term = this.server(e.server)?.term ?? 0;
        this.acked.push({ client: e.client, seq: e.seq, term, timeMs: e.time });
        return;
      }
      case 'becomeLeader':
        this.counters.elections += 1;
        this.onLeader(e.server, e.term, e.time);
        return;
      default:
        return;
    }
  };

  private onApply(id: ServerId, index: number, timeMs: number): void {
    const s = this.server(id);
    if (s === undefined) return;
    const tag = s.log[index - 1]?.client;
    if (tag !== undefined && !this.appliedAt.has(`${tag.client}/${tag.seq}`))
      this.appliedAt.set(`${tag.client}/${tag.seq}`, index);
    this.compareDigest(id, index, stateMachineDigest(s), timeMs);
  }

  /**
   * A snapshot stands for the state machine after applying its last included entry (F2-IS6):
   * it must be the state every server had there; so must be a state machine reset from one.
   */
  private onSnapshot(id: ServerId, index: number, timeMs: number): void {
    const snapshot = this.server(id)?.snapshot;
    if (snapshot === null || snapshot === undefined || snapshot.index !== index) return;
    this.compareDigest(id, index, stateMachineDigest(snapshot), timeMs);
  }

  private compareDigest(id: ServerId, index: number, digest: string, timeMs: number): void {
    const first = this.digests.get(index);
    if (first === undefined) this.digests.set(index, { digest, server: id });
    else if (first.digest !== digest) {
      this.report({
        check: 'SM-DIGEST',
        timeMs,
        servers: [first.server, id],
        message: `state machines differ after applying index ${index}: S${first.server} ${first.digest}, S${id} ${digest}`,
      });
    }
  }

  private onLeader(id: ServerId, term: number, timeMs: number): void {
    const s = this.server(id);
    if (s === undefined || this.acked.length === 0) return;
    const tags = new Set<string>();
    for (const entry of s.log)
      if (entry?.client) tags.add(`${entry.client.client}/${entry.client.seq}`);
    // An entry its snapshot covers is held too (compacted away, F2-IS6).
    const compacted = s.snapshot?.index ?? 0;
    const held = (key: string): boolean =>
      tags.has(key) || (this.appliedAt.get(key) ?? Infinity) <= compacted;
    const missing = this.acked.find((a) => a.term < term && !held(`${a.client}/${a.seq}`));
    if (missing === undefined) return;
    this.report({
      check: 'ACKED-WRITE',
      timeMs,
      servers: [id],
      message: `S${id}, leader of term ${term}, lacks C${missing.client}'s seq ${missing.seq}, answered at ${missing.timeMs} ms in term ${missing.term}`,
    });
  }

  /** After every step: the leaders' nextIndex and matchIndex. */
  afterStep(timeMs: number): void {
    for (const s of this.servers()) {
      if (s.crashed || s.role !== 'leader') continue;
      const problem = peerIndexProblem(s);
      if (problem !== null) {
        this.report({ check: 'PEER-INDEX', timeMs, servers: [s.id], message: problem });
        return;
      }
    }
  }
}
