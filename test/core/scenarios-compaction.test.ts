/**
 * Log compaction (the rule catalogue §1.7 and §3 F: F2-IS1..IS7, SC-42, SC-44). Reference: paper §7 and
 * Figure 13; thesis §5.1; etcd TestSlowNodeRestore, TestProvideSnap, TestLeaderTransferAfterSnapshot.
 */
import { describe, expect, it } from 'vitest';
import {
  entriesIn,
  snapshotIndex,
  type Action,
  type InstallSnapshot,
} from '../../src/core/index.ts';
import { serializeSnapshot, SNAPSHOT_CHUNK_CHARS } from '../../src/core/raft/snapshot.ts';
import type { ServerState, Snapshot } from '../../src/core/types.ts';
import { deliver, entries, FakeContext, makeServer } from './harness.ts';
import { ofType, run, server, type Run } from './scenario-kit.ts';

/** Requests from three clients taking turns, `count` of them from `at` on, 5 ms apart. */
function requests(at: number, count: number, key = (k: number) => `k${k % 7}`): Action[] {
  const out: Action[] = [];
  for (let k = 0; k < count; k++) {
    out.push({ at: at + 5 * k, do: 'request', command: `set ${key(k)} ${k}`, client: 1 + (k % 3) });
  }
  return out;
}

/** InstallSnapshot chunks sent to `to` from `since` on. */
function installs(r: Run, to: number, since = 0): InstallSnapshot[] {
  return r.sent.flatMap((m) =>
    m.to === to && m.sentMs >= since && m.body.type === 'InstallSnapshot' ? [m.body] : [],
  );
}

/** The committed prefix of a server as ids, the snapshot standing for what it covers. */
function committedTail(s: ServerState): string[] {
  return entriesIn(s, snapshotIndex(s) + 1, s.commitIndex).map((e) => e.id);
}

/** SC-42's script: S3 cut off while 120 writes commit, then reconnected, then one more write. */
function slowFollower(snapshotEvery: number, extra: Partial<Parameters<typeof run>[0]> = {}): Run {
  const actions: Action[] = [
    { at: 10, do: 'timeout', server: 1 },
    { at: 50, do: 'cut', link: [1, 3] },
    { at: 50, do: 'cut', link: [2, 3] },
    ...requests(100, 120),
    { at: 2_000, do: 'connect', link: [1, 3] },
    { at: 2_000, do: 'connect', link: [2, 3] },
    { at: 2_500, do: 'request', command: 'set last 1', client: 4 },
  ];
  return run({ servers: 3, snapshotEvery, maxEntriesPerAppend: 8, ...extra }, actions, 4_000);
}

describe('log compaction (F2-IS6)', () => {
  it('each server snapshots its applied state every N entries and discards that prefix', () => {
    const r = slowFollower(20);
    const taken = ofType(r, 'snapshot');
    // S1 and S2 each snapshot on their own, once 20 more entries were applied (at their next
    // step, as etcd's server does after applying a batch): only applied, committed entries.
    for (const id of [1, 2]) {
      const mine = taken.filter((e) => e.server === id).map((e) => e.index);
      expect(mine.length).toBeGreaterThanOrEqual(5);
      mine.forEach((index, k) => {
        expect(index - (mine[k - 1] ?? 0)).toBeGreaterThanOrEqual(20);
        expect(index - (mine[k - 1] ?? 0)).toBeLessThan(30);
      });
    }
    const s1 = server(r, 1);
    expect(s1.snapshot?.index).toBeGreaterThanOrEqual(100);
    // The discarded slots are empty: the log holds only what follows the snapshot.
    expect(s1.log[0]).toBeUndefined();
    expect(s1.log[(s1.snapshot?.index ?? 1) - 1]).toBeUndefined();
    expect(s1.log[s1.log.length - 1]?.command).toBe('set last 1');
    // The snapshot holds the state machine and the sessions as of its index (C-2, thesis §5.1).
    expect(Object.keys(s1.snapshot?.kv ?? {}).length).toBe(7);
    expect(Object.keys(s1.snapshot?.sessions ?? {}).sort()).toEqual(['1', '2', '3']);
    expect(s1.snapshot?.config?.voters).toEqual([1, 2, 3]);
    expect(r.sim.violations).toEqual([]);
  });

  it('snapshotEvery 0 never compacts, and nobody sends a snapshot nobody needs (F2-IS7)', () => {
    const never = slowFollower(0);
    expect(ofType(never, 'snapshot')).toEqual([]);
    expect(server(never, 1).log.filter((e) => e !== undefined)).toHaveLength(122);
    // No lagging follower: entries come by AppendEntries, however often servers snapshot.
    const healthy = run(
      { servers: 3, snapshotEvery: 5 },
      [{ at: 10, do: 'timeout', server: 1 }, ...requests(100, 40)],
      2_000,
    );
    expect(ofType(healthy, 'snapshot').length).toBeGreaterThan(10);
    expect(healthy.sent.filter((m) => m.body.type === 'InstallSnapshot')).toEqual([]);
  });
});

describe('InstallSnapshot (F2-IS1..IS7)', () => {
  // SC-42, Reference: paper §7 Figure 13; etcd TestSlowNodeRestore, TestProvideSnap
  it('SC-42 a follower that needs a discarded entry gets the snapshot, in chunks, then the rest', () => {
    const r = slowFollower(20);
    const chunks = installs(r, 3, 2_000); // sent once S3 is reachable again
    expect(chunks.length).toBeGreaterThan(1);
    const first = chunks[0] as InstallSnapshot;
    // F2-IS7: only because S1 had discarded what S3 needed (S3 has nothing at all).
    expect(first.lastIncludedIndex).toBeGreaterThanOrEqual(100);
    expect(first.offset).toBe(0);
    expect(first.chunk).toBe(1);
    // F2-IS2: consecutive slices of one serialized snapshot, the last one marked done.
    const ofIt = chunks.filter((c) => c.lastIncludedIndex === first.lastIncludedIndex);
    const distinct = [...new Map(ofIt.map((c) => [c.offset, c])).values()];
    expect(distinct.map((c) => c.chunk)).toEqual(distinct.map((_, i) => i + 1));
    expect(distinct.every((c) => c.chunks === distinct.length)).toBe(true);
    expect(distinct.map((c) => c.done)).toEqual(distinct.map((_, i) => i === distinct.length - 1));
    const data = distinct.map((c) => c.data).join('');
    expect(data.length).toBeGreaterThan(SNAPSHOT_CHUNK_CHARS);
    const installed = ofType(r, 'installSnapshot');
    expect(installed).toMatchObject([
      { server: 3, leader: 1, index: first.lastIncludedIndex, kept: 0, reset: true },
    ]);
    // F2-IS5: S3 holds the snapshot and nothing before it; its state machine is the leader's.
    const s1 = server(r, 1);
    const s3 = server(r, 3);
    expect(s3.commitIndex).toBe(s1.commitIndex);
    expect(s3.lastApplied).toBe(s1.lastApplied);
    expect(s3.kv).toEqual(s1.kv);
    expect(s3.sessions).toEqual(s1.sessions);
    expect(committedTail(s3).slice(-1)).toEqual(committedTail(s1).slice(-1));
    // After the snapshot, AppendEntries go on from lastIncludedIndex + 1.
    const after = r.sent.filter(
      (m) =>
        m.to === 3 &&
        m.body.type === 'AppendEntries' &&
        m.sentMs > (installed[0]?.time ?? Infinity) &&
        m.body.entries.length > 0,
    );
    expect(after[0]?.body.type === 'AppendEntries' && after[0].body.prevLogIndex).toBe(
      first.lastIncludedIndex,
    );
    expect(r.sim.violations).toEqual([]);
  });

  it('SC-42 under 50% duplication and reordering: the same outcome, and no storm of chunks', () => {
    const r = slowFollower(20, { duplication: [1, 2], latencyMs: [5, 40] });
    const s1 = server(r, 1);
    const s3 = server(r, 3);
    expect(s3.commitIndex).toBe(s1.commitIndex);
    expect(s3.kv).toEqual(s1.kv);
    // The leader sends chunk after chunk as answers come back, plus a resend per heartbeat or
    // AppendEntries answer: a few sends per chunk of each snapshot, not a chain per duplicate.
    // (S3 may chase two or three snapshots: S1 compacts again while S3 installs the last one.)
    const sends = r.sent.filter((m) => m.to === 3 && m.sentMs >= 2_000 && m.duplicateOf === null);
    const perSnapshot = new Map<number, number>();
    for (const m of sends) {
      if (m.body.type !== 'InstallSnapshot') continue;
      expect(m.body.chunks).toBeGreaterThan(1);
      const index = m.body.lastIncludedIndex;
      perSnapshot.set(index, (perSnapshot.get(index) ?? 0) + 1);
    }
    expect(perSnapshot.size).toBeGreaterThan(0);
    for (const count of perSnapshot.values()) expect(count).toBeLessThanOrEqual(16);
    expect(r.sim.violations).toEqual([]);
  });

  it('SC-42 with heartbeats faster than a round trip: resent chunks do not starve the transfer', () => {
    // Fuzz seed 933: each heartbeat resent the outstanding chunk, and only the answer to the
    // latest copy counted, so with a 5 ms heartbeat and a 20 ms round trip nothing ever did.
    const r = slowFollower(20, { heartbeatMs: 5, rpcTimeoutMs: 100 });
    expect(ofType(r, 'installSnapshot').map((e) => e.server)).toEqual([3]);
    expect(server(r, 3).commitIndex).toBe(server(r, 1).commitIndex);
    expect(r.sim.violations).toEqual([]);
  });

  it('a follower that crashes mid-transfer gets the snapshot again from the start', () => {
    // Its partial snapshot is volatile: after the restart it answers offset 0, and the leader,
    // resending chunks as heartbeats faster than a round trip, still believes it.
    const actions: Action[] = [
      { at: 10, do: 'timeout', server: 1 },
      { at: 50, do: 'cut', link: [1, 3] },
      { at: 50, do: 'cut', link: [2, 3] },
      ...requests(100, 60),
      { at: 2_000, do: 'connect', link: [1, 3] },
      { at: 2_000, do: 'connect', link: [2, 3] },
      { at: 2_035, do: 'crash', server: 3 },
      { at: 2_036, do: 'restart', server: 3 },
    ];
    const r = run({ servers: 3, snapshotEvery: 20, heartbeatMs: 5 }, actions, 3_000);
    const chunksBeforeCrash = installs(r, 3, 2_000).filter((c) => c.offset > 0);
    expect(chunksBeforeCrash.length).toBeGreaterThan(0);
    expect(ofType(r, 'installSnapshot').map((e) => e.server)).toEqual([3]);
    expect(server(r, 3).kv).toEqual(server(r, 1).kv);
    expect(r.sim.violations).toEqual([]);
  });

  it('a restarted server rebuilds its state machine from its snapshot, then the log', () => {
    const actions: Action[] = [
      { at: 10, do: 'timeout', server: 1 },
      ...requests(100, 30),
      { at: 1_000, do: 'crash', server: 2 },
      { at: 1_100, do: 'restart', server: 2 },
    ];
    const r = run({ servers: 3, snapshotEvery: 10 }, actions, 1_101);
    const s2 = server(r, 2);
    const at = s2.snapshot?.index ?? 0;
    expect(at).toBeGreaterThanOrEqual(21);
    expect(s2.lastApplied).toBe(at);
    expect(s2.commitIndex).toBe(at);
    expect(s2.kv).toEqual(s2.snapshot?.kv);
    r.sim.runUntil(1_500);
    expect(s2.lastApplied).toBe(server(r, 1).lastApplied);
    expect(s2.kv).toEqual(server(r, 1).kv);
    expect(r.sim.violations).toEqual([]);
  });

  // SC-44, Reference: etcd TestLeaderTransferAfterSnapshot
  it('SC-44 a transfer to a follower that needs a snapshot waits until it is installed', () => {
    const actions: Action[] = [
      { at: 10, do: 'timeout', server: 1 },
      { at: 50, do: 'cut', link: [1, 3] },
      { at: 50, do: 'cut', link: [2, 3] },
      ...requests(100, 60),
      { at: 1_500, do: 'connect', link: [1, 3] },
      { at: 1_500, do: 'connect', link: [2, 3] },
      { at: 1_500, do: 'transfer', server: 3 },
    ];
    const r = run({ servers: 3, snapshotEvery: 20 }, actions, 3_000);
    const installed = ofType(r, 'installSnapshot').find((e) => e.server === 3);
    const timeoutNow = ofType(r, 'transfer').find((e) => e.phase === 'timeoutNow');
    expect(installed).toBeDefined();
    expect(timeoutNow).toBeDefined();
    // Only after the snapshot was saved and acknowledged does S1 send TimeoutNow.
    const acked = r.sent.find(
      (m) => m.from === 3 && m.body.type === 'InstallSnapshotReply' && m.body.done,
    );
    expect((timeoutNow?.time ?? 0) >= (acked?.sentMs ?? Infinity)).toBe(true);
    expect(ofType(r, 'becomeLeader').at(-1)).toMatchObject({ server: 3, term: 2 });
    expect(r.sim.violations).toEqual([]);
  });
});

describe('InstallSnapshot, receiver rules one by one (Figure 13)', () => {
  const state = (index: number, term: number): Snapshot => ({
    index,
    term,
    kv: {
      x: '9',
      ['__proto__']: 'p',
      '/registry/pods/default/web-1': 'Running',
      '/registry/pods/default/web-2': 'Pending',
    },
    sessions: { '1': { seq: 4, response: 'ok' } },
    config: { voters: [1, 2, 3], learners: [], old: null },
    configIndex: 0,
  });

  /** Every chunk of a snapshot as the leader S1 of `term` would send it. */
  function chunksOf(snapshot: Snapshot, term: number): InstallSnapshot[] {
    const data = serializeSnapshot(snapshot);
    const n = Math.ceil(data.length / SNAPSHOT_CHUNK_CHARS);
    return Array.from({ length: n }, (_, k) => ({
      type: 'InstallSnapshot',
      term,
      leaderId: 1,
      lastIncludedIndex: snapshot.index,
      lastIncludedTerm: snapshot.term,
      offset: k * SNAPSHOT_CHUNK_CHARS,
      data: data.slice(k * SNAPSHOT_CHUNK_CHARS, (k + 1) * SNAPSHOT_CHUNK_CHARS),
      done: k === n - 1,
      chunk: k + 1,
      chunks: n,
      sentMs: k,
    }));
  }

  it('F2-IS1 a stale leader is answered with the current term and nothing changes', () => {
    const s = makeServer({ id: 2, term: 5, log: entries([1, 1, 2]) });
    const ctx = new FakeContext();
    for (const c of chunksOf(state(2, 1), 4)) deliver(s, ctx, 1, c);
    expect(s.snapshot).toBeNull();
    expect(s.log).toHaveLength(3);
    const replies = ctx.sentOf('InstallSnapshotReply');
    expect(replies.every((m) => m.body.term === 5 && !m.body.done)).toBe(true);
  });

  it('F2-IS2 a chunk past what was received is not written; the reply asks from the gap', () => {
    const s = makeServer({ id: 2, term: 3 });
    const ctx = new FakeContext();
    const [c1, , c3] = chunksOf(state(40, 2), 3);
    deliver(s, ctx, 1, c1 as InstallSnapshot);
    deliver(s, ctx, 1, c3 as InstallSnapshot);
    expect(s.incomingSnapshot?.data.length).toBe(SNAPSHOT_CHUNK_CHARS);
    expect(ctx.sentOf('InstallSnapshotReply').map((m) => m.body.offset)).toEqual([
      SNAPSHOT_CHUNK_CHARS,
      SNAPSHOT_CHUNK_CHARS,
    ]);
    // Each chunk is a sign of life (F2-IS7): it knows the leader and reset its timer twice.
    expect(s.leaderHint).toBe(1);
    expect(ctx.draws).toHaveLength(2);
  });

  it('F2-IS2 a late copy of the first chunk rewrites it and keeps what came after', () => {
    // Fuzz seed 8301: the late copy used to restart the snapshot, and the leader, already past
    // that offset, could not tell; the transfer never finished.
    const s = makeServer({ id: 2, term: 3 });
    const ctx = new FakeContext();
    const [c1, c2, ...rest] = chunksOf(state(40, 2), 3);
    expect(rest.length).toBeGreaterThan(0);
    deliver(s, ctx, 1, c1 as InstallSnapshot);
    deliver(s, ctx, 1, c2 as InstallSnapshot);
    deliver(s, ctx, 1, c1 as InstallSnapshot);
    expect(s.incomingSnapshot?.data.length).toBe(2 * SNAPSHOT_CHUNK_CHARS);
    for (const c of rest) deliver(s, ctx, 1, c);
    expect(s.snapshot?.index).toBe(40);
  });

  it('F2-IS4 a log holding the last included entry keeps the entries after it', () => {
    const s = makeServer({ id: 2, term: 3, log: entries([1, 1, 2, 2, 3, 3]) });
    s.commitIndex = 3;
    s.lastApplied = 3;
    const ctx = new FakeContext();
    for (const c of chunksOf(state(4, 2), 3)) deliver(s, ctx, 1, c);
    expect(ctx.eventsOf('installSnapshot')).toMatchObject([{ index: 4, kept: 2, reset: true }]);
    expect(s.snapshot?.index).toBe(4);
    expect(s.log).toHaveLength(6);
    expect(s.log.slice(0, 4).filter((e) => e !== undefined)).toEqual([]);
    expect(s.log.slice(4).map((e) => e.term)).toEqual([3, 3]);
    expect(s.commitIndex).toBe(4);
    // Keys named like Object.prototype members arrive as data (records.ts).
    expect(Object.hasOwn(s.kv, '__proto__')).toBe(true);
    expect(s.kv['__proto__' as 'x']).toBe('p');
    expect(ctx.sentOf('InstallSnapshotReply').at(-1)?.body.done).toBe(true);
  });

  it("F2-IS5 otherwise the whole log goes; state machine and configuration are the snapshot's", () => {
    const s = makeServer({ id: 2, term: 3, log: entries([1, 1, 1, 1, 1]) });
    const ctx = new FakeContext();
    for (const c of chunksOf(state(4, 2), 3)) deliver(s, ctx, 1, c);
    expect(ctx.eventsOf('installSnapshot')).toMatchObject([{ index: 4, kept: 0, reset: true }]);
    expect(s.log).toHaveLength(4);
    expect(s.log.filter((e) => e !== undefined)).toEqual([]);
    expect(s.commitIndex).toBe(4);
    expect(s.lastApplied).toBe(4);
    expect(s.kv.x).toBe('9');
    expect(s.sessions['1']).toEqual({ seq: 4, response: 'ok' });
  });

  it('F2-IS3 an older or equal snapshot than the one held changes nothing', () => {
    const s = makeServer({ id: 2, term: 3 });
    const ctx = new FakeContext();
    for (const c of chunksOf(state(8, 2), 3)) deliver(s, ctx, 1, c);
    const held = s.snapshot;
    for (const c of chunksOf(state(6, 2), 3)) deliver(s, ctx, 1, c);
    expect(s.snapshot).toBe(held);
    expect(ctx.eventsOf('installSnapshot')).toHaveLength(1);
    expect(ctx.sentOf('InstallSnapshotReply').at(-1)?.body.done).toBe(true);
  });
});
