/**
 * Conformance scenarios, leadership transfer and reads without the log (the rule catalogue §3 D and G: SC-31,
 * SC-32, SC-45, SC-46, SC-48; rules X-LT, C-4, C-5). Reference: thesis §3.10 and §6.4.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Action, type SimEvent } from '../../src/core/index.ts';
import { leaders, ofType, run, server, start, type Run } from './scenario-kit.ts';

type ReadEvent = Extract<SimEvent, { type: 'read' }>;

function transferPhases(r: Run): string[] {
  return ofType(r, 'transfer').map((e) => `${e.phase}:S${e.server}→S${e.target}`);
}

function answersTo(r: Run, client: number): [number, string][] {
  return ofType(r, 'clientReply')
    .filter((e) => e.client === client)
    .map((e) => [e.time, e.result]);
}

function reads(r: Run): ReadEvent[] {
  return ofType(r, 'read');
}

describe('leadership transfer (X-LT, thesis §3.10)', () => {
  // SC-45, Reference: thesis §3.10; etcd TestLeaderTransferToUpToDateNode
  it('SC-45 to an up-to-date follower: TimeoutNow, an election at once, and back again', () => {
    const r = run(
      { servers: 3 },
      [
        { at: 10, do: 'timeout', server: 1 },
        { at: 100, do: 'request', command: 'set x 1', client: 1 },
        { at: 300, do: 'transfer', server: 2 },
        // While leadership moves, S1 takes no new request: C2 is sent on to S2.
        { at: 301, do: 'request', command: 'set y 2', server: 1, client: 2 },
        { at: 600, do: 'transfer', server: 1 },
      ],
      1_000,
    );
    expect(transferPhases(r)).toEqual([
      'start:S1→S2',
      'timeoutNow:S1→S2',
      'start:S2→S1',
      'timeoutNow:S2→S1',
    ]);
    // S2 campaigned at term 2 the moment TimeoutNow arrived (timers are 100 s here), and won.
    const elections = ofType(r, 'electionStart').map((e) => [e.server, e.term, e.time]);
    expect(elections).toEqual([
      [1, 1, 10],
      [2, 2, 310],
      [1, 3, 610],
    ]);
    expect(ofType(r, 'becomeLeader').map((e) => [e.server, e.term])).toEqual([
      [1, 1],
      [2, 2],
      [1, 3],
    ]);
    expect(ofType(r, 'clientRedirect').some((e) => e.client === 2 && e.leaderHint === 2)).toBe(
      true,
    );
    expect(answersTo(r, 2).map(([, result]) => result)).toEqual(['ok']);
    expect(leaders(r).map((s) => s.id)).toEqual([1]);
    expect(r.sim.violations).toEqual([]);
  });

  // SC-46, Reference: thesis §3.10 step 2; etcd TestLeaderTransferToSlowFollower
  it('SC-46 to a lagging follower: the leader first sends what it lacks, then TimeoutNow', () => {
    const actions: Action[] = [
      { at: 10, do: 'timeout', server: 1 },
      { at: 50, do: 'cut', link: [1, 3] },
    ];
    for (let k = 0; k < 20; k++) {
      actions.push({ at: 100 + k, do: 'request', command: `set k${k} ${k}`, client: 1 + (k % 3) });
    }
    actions.push({ at: 1_000, do: 'connect', link: [1, 3] });
    actions.push({ at: 1_000, do: 'transfer', server: 3 });
    const r = run({ servers: 3, maxEntriesPerAppend: 4 }, actions, 2_000);
    const [, timeoutNow] = ofType(r, 'transfer');
    expect(timeoutNow?.phase).toBe('timeoutNow');
    // By the time TimeoutNow left, S3 held the leader's whole log.
    const replicated = ofType(r, 'replicate').filter(
      (e) => e.server === 3 && e.time <= (timeoutNow?.time ?? 0),
    );
    expect(replicated.at(-1)?.toIndex).toBe(server(r, 1).log.length - 1); // before S3's no-op
    expect(leaders(r).map((s) => s.id)).toEqual([3]);
    expect(server(r, 3).commitIndex).toBe(server(r, 3).log.length);
    expect(r.sim.violations).toEqual([]); // INV-LC held for the new leader
  });

  // SC-48, Reference: thesis §4.2.3, §6.4.1; etcd TestLeaderTransferWithCheckQuorum
  it('SC-48 with CheckQuorum and the guard: the TimeoutNow election goes through', () => {
    const r = run(
      { servers: 3, checkQuorum: true, disruptionGuard: true },
      [
        { at: 10, do: 'timeout', server: 1 },
        // A plain forced election is ignored: the voters heard their leader recently (M-7).
        { at: 200, do: 'timeout', server: 3 },
        { at: 400, do: 'transfer', server: 2 },
      ],
      800,
    );
    expect(ofType(r, 'voteIgnored').filter((e) => e.candidate === 3).length).toBeGreaterThan(0);
    expect(ofType(r, 'voteIgnored').filter((e) => e.candidate === 2)).toEqual([]);
    expect(leaders(r).map((s) => s.id)).toEqual([2]);
    expect(r.sim.violations).toEqual([]);
  });

  // Reference: thesis §3.10 ("abort the transfer after an election timeout")
  it('aborts when the target never takes over, and the leader takes requests again', () => {
    const config = { servers: 3, electionTimeoutMs: [5_000, 5_000] as const };
    const r = run(
      config,
      [
        { at: 10, do: 'timeout', server: 1 },
        { at: 100, do: 'crash', server: 2 },
        { at: 200, do: 'transfer', server: 2 },
        { at: 5_300, do: 'request', command: 'set z 9', server: 1, client: 1 },
      ],
      5_600,
    );
    // S1 last heard S2 up to date, so TimeoutNow goes out, to a crashed server.
    expect(transferPhases(r)).toEqual(['start:S1→S2', 'timeoutNow:S1→S2', 'aborted:S1→S2']);
    expect(ofType(r, 'transfer')[2]?.time).toBe(5_200);
    expect(answersTo(r, 1).map(([, result]) => result)).toEqual(['ok']);
    expect(server(r, 1).role).toBe('leader');
  });

  it('is refused for a learner, for itself, and with no leader', () => {
    const r = run(
      { servers: 3, members: [1, 2] },
      [
        { at: 0, do: 'transfer', server: 2 },
        { at: 10, do: 'timeout', server: 1 },
        { at: 100, do: 'transfer', server: 1 },
        { at: 100, do: 'transfer', server: 3 },
      ],
      300,
    );
    expect(transferPhases(r)).toEqual(['refused:S0→S2', 'refused:S1→S1', 'refused:S1→S3']);
  });
});

/**
 * SC-32's script: S1 leads and commits x = 1; {S1,S2} | {S3,S4,S5}; S3 wins term 2 and commits
 * x = 2 for C2; then C3 reads x at `server` of the minority (S1, or its follower S2).
 */
function minorityRead(server: number): Action[] {
  return [
    { at: 10, do: 'timeout', server: 1 },
    { at: 100, do: 'request', command: 'set x 1', server: 1, client: 1 },
    {
      at: 300,
      do: 'partition',
      groups: [
        [1, 2],
        [3, 4, 5],
      ],
    },
    { at: 500, do: 'timeout', server: 3 },
    { at: 700, do: 'request', command: 'set x 2', server: 3, client: 2 },
    { at: 900, do: 'request', command: 'get x', server, client: 3 },
  ];
}

describe('reads without the log (C-4 ReadIndex, C-5 leases)', () => {
  // SC-31, Reference: thesis §6.4; etcd TestReadOnlyForNewLeader
  it('SC-31 a new leader holds a read until an entry of its term commits, then answers', () => {
    const r = run(
      { servers: 3, reads: 'readIndex' },
      [
        { at: 10, do: 'timeout', server: 1 },
        { at: 100, do: 'request', command: 'set x 1', client: 1 },
        { at: 300, do: 'timeout', server: 2 },
        // S2 wins at 320; its AppendEntries (the no-op) never arrive.
        { at: 325, do: 'dropInFlight', type: 'AppendEntries', from: 2 },
        { at: 325, do: 'partition', groups: [[2], [1, 3]] },
        { at: 400, do: 'request', command: 'get x', server: 2, client: 2 },
        { at: 600, do: 'heal' },
      ],
      1_000,
    );
    const events = reads(r);
    expect(events.map((e) => [e.phase, e.server, e.time < 600])).toEqual([
      ['held', 2, true],
      ['answered', 2, false],
    ]);
    const answered = events[1];
    // The read index is S2's commit index once its no-op (index 3) committed.
    expect([answered?.readIndex, answered?.result, answered?.mode]).toEqual([3, '1', 'readIndex']);
    expect(answersTo(r, 2).map(([, result]) => result)).toEqual(['1']);
    // No log entry was added for the read.
    expect(server(r, 2).log.map((e) => e.command)).toEqual(['noop', 'set x 1', 'noop']);
    expect(r.sim.violations).toEqual([]);
  });

  // C-4 step 3, Reference: thesis §6.4
  it('C-4 a read waits for a heartbeat round a quorum answers, sent after it arrived', () => {
    const r = run(
      { servers: 3, reads: 'readIndex' },
      [
        { at: 10, do: 'timeout', server: 1 },
        { at: 100, do: 'request', command: 'set x 1', client: 1 },
        { at: 200, do: 'request', command: 'get x', client: 2 },
      ],
      400,
    );
    const [arrived] = ofType(r, 'clientSend').filter((e) => e.client === 2);
    const [answer] = reads(r).filter((e) => e.phase === 'answered');
    // It arrives at 210; a heartbeat goes out at once and the first answer is back at 230.
    expect(answer?.time).toBe((arrived?.time ?? 0) + 30);
    expect(answer?.result).toBe('1');
  });

  // SC-32, Reference: thesis §6.4 (partitioned leader); BUG-LOCALREAD
  it.each([
    ['readIndex', [], null],
    ['log', ['BUG-LOCALREAD'], '1'],
  ] as const)(
    'SC-32 a deposed leader in a minority (%s, bugs %j) answers the read with %s',
    (mode, bugs, stale) => {
      const r = run({ servers: 5, reads: mode, bugs: [...bugs] }, minorityRead(1), 1_500);
      // x = 2 was acknowledged by the majority's leader before the read was sent.
      expect(answersTo(r, 2)).toEqual([[expect.any(Number), 'ok']]);
      expect((answersTo(r, 2)[0]?.[0] ?? Infinity) < 900).toBe(true);
      const answers = answersTo(r, 3).map(([, result]) => result);
      expect(answers).toEqual(stale === null ? [] : [stale]);
      if (stale !== null) expect(reads(r)[0]?.mode).toBe('local');
    },
  );

  // SC-32 with leases, Reference: thesis §6.4.1; etcd TestReadOnlyOptionLease
  it('SC-32 a lease answers only while no other leader can exist yet', () => {
    const config = {
      ...DEFAULT_CONFIG,
      servers: 5,
      electionTimeoutMs: [300, 600] as const,
      reads: 'lease' as const,
      checkQuorum: true,
    };
    const r = start(config, [
      { at: 10, do: 'timeout', server: 1 },
      { at: 100, do: 'request', command: 'set x 1', server: 1, client: 1 },
      {
        at: 300,
        do: 'partition',
        groups: [
          [1, 2],
          [3, 4, 5],
        ],
      },
      // Soon after the cut the lease still holds: answered at once, and still correct.
      { at: 320, do: 'request', command: 'get x', server: 1, client: 3 },
      // Much later it has run out (and S1 stepped down): never answered by S1.
      { at: 900, do: 'request', command: 'get x', server: 1, client: 4 },
    ]);
    r.sim.runUntil(1_200);
    const answered = reads(r).filter((e) => e.phase === 'answered' && e.server === 1);
    expect(answered.map((e) => [e.client, e.mode, e.result])).toEqual([[3, 'lease', '1']]);
    // No other leader existed when S1 answered under its lease.
    const otherLeader = ofType(r, 'becomeLeader').find((e) => e.server !== 1);
    expect(otherLeader === undefined || otherLeader.time > (answered[0]?.time ?? 0)).toBe(true);
    expect(r.sim.violations).toEqual([]);
  });

  it('the schema refuses lease reads without CheckQuorum (C-5)', () => {
    expect(() => start({ servers: 3, reads: 'lease', checkQuorum: false }, [])).toThrow(
      /checkQuorum/,
    );
  });
});

describe('follower reads (C-4: a follower obtains a read index from the leader)', () => {
  const writeThenRead = (readAt: number, extra: Action[] = []): Action[] => [
    { at: 10, do: 'timeout', server: 1 },
    { at: 100, do: 'request', command: 'set x 1', client: 1 },
    { at: readAt, do: 'request', command: 'get x', server: 2, client: 2 },
    ...extra,
  ];

  // C-4, Reference: thesis §6.4 ("followers could also help serve read-only queries")
  it('C-4 a follower asks the leader for a read index and answers from its own state', () => {
    const r = run({ servers: 3, reads: 'readIndex', followerReads: true }, writeThenRead(300), 600);
    const types = (from: number, to: number) =>
      r.sent.filter((m) => m.from === from && m.to === to).map((m) => m.body.type);
    expect(types(2, 1)).toContain('ReadIndex');
    expect(types(1, 2)).toContain('ReadIndexReply');
    const phases = reads(r).map((e) => [e.server, e.mode, e.phase, e.result]);
    expect(phases).toEqual([
      [2, 'follower', 'held', ''],
      [1, 'readIndex', 'confirmed', ''],
      [2, 'follower', 'answered', '1'],
    ]);
    // The answer comes from S2 and names the leader; no log entry was added for the read.
    const reply = ofType(r, 'clientReply').find((e) => e.client === 2);
    expect([reply?.server, reply?.result]).toEqual([2, '1']);
    expect(server(r, 1).log.map((e) => e.command)).toEqual(['noop', 'set x 1']);
    expect(r.sim.violations).toEqual([]);
  });

  it('C-4 step 4 at the follower: it waits until it has applied up to the read index', () => {
    // S2 is cut off while 16 writes commit; back, it catches up two entries per round trip, and
    // a read it takes at once gets its read index long before its state machine reaches it.
    const writes: Action[] = Array.from({ length: 16 }, (_, k) => ({
      at: 100 + k,
      do: 'request',
      command: `set x ${k + 1}`,
      client: 1 + (k % 4),
    }));
    const r = run(
      { servers: 3, reads: 'readIndex', followerReads: true, maxEntriesPerAppend: 2 },
      [
        { at: 10, do: 'timeout', server: 1 },
        { at: 50, do: 'cut', link: [1, 2] },
        ...writes,
        { at: 1_000, do: 'connect', link: [1, 2] },
        { at: 1_001, do: 'request', command: 'get x', server: 2, client: 5 },
      ],
      2_000,
    );
    const reply = r.sent.find((m) => m.to === 2 && m.body.type === 'ReadIndexReply');
    const readIndex = reply?.body.type === 'ReadIndexReply' ? reply.body.readIndex : 0;
    expect(readIndex).toBe(17);
    const applied = ofType(r, 'apply').find((e) => e.server === 2 && e.index === readIndex);
    const answered = reads(r).find((e) => e.server === 2 && e.phase === 'answered');
    expect((reply?.deliverMs ?? Infinity) < (applied?.time ?? 0)).toBe(true);
    expect(answered?.time).toBe(applied?.time);
    expect(answered?.result).toBe('16');
    expect(r.sim.violations).toEqual([]);
  });

  it('a follower of a deposed leader never answers a stale value (SC-32 at a follower)', () => {
    const r = run(
      { servers: 5, reads: 'readIndex', followerReads: true },
      // S2 still believes in S1, which cannot confirm its leadership: the read is held.
      minorityRead(2),
      1_500,
    );
    expect(answersTo(r, 3)).toEqual([]);
    expect(
      reads(r)
        .filter((e) => e.client === 3)
        .map((e) => [e.server, e.phase]),
    ).toEqual([[2, 'held']]);
    expect(r.sim.violations).toEqual([]);
  });

  it('a follower that asks a server no longer leading sends the client on', () => {
    // S2 still names S1 as leader when S1 has just stepped down to S3's higher term.
    const r = run(
      { servers: 3, reads: 'readIndex', followerReads: true },
      [
        { at: 10, do: 'timeout', server: 1 },
        { at: 100, do: 'request', command: 'set x 1', client: 1 },
        { at: 300, do: 'cut', link: [2, 3] },
        { at: 300, do: 'timeout', server: 3 },
        { at: 305, do: 'request', command: 'get x', server: 2, client: 2 },
      ],
      700,
    );
    const no = r.sent.find((m) => m.body.type === 'ReadIndexReply');
    expect(no?.body.type === 'ReadIndexReply' && no.body.ok).toBe(false);
    expect(ofType(r, 'clientRedirect').some((e) => e.client === 2 && e.server === 2)).toBe(true);
    expect(answersTo(r, 2).map(([, v]) => v)).toEqual(['1']);
    expect(r.sim.violations).toEqual([]);
  });

  it('the schema refuses follower reads through the log', () => {
    expect(() => start({ servers: 3, reads: 'log', followerReads: true }, [])).toThrow(
      /followerReads/,
    );
  });
});
