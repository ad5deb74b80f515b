import { describe, expect, it } from 'vitest';
import type { SimEvent, SimEventType } from '../../src/core/types.ts';
import {
  describeAction,
  describeEvent,
  endpointName,
  formatDue,
  formatDuration,
  formatTime,
  isNoisyEvent,
} from '../../src/views/format.ts';
import { recordRun } from './fixtures.ts';
import { translator } from '../../src/i18n/index.ts';

describe('formatTime', () => {
  it('shows seconds with three decimals, without float noise', () => {
    expect(formatTime(0)).toBe('0.000 s');
    expect(formatTime(7)).toBe('0.007 s');
    expect(formatTime(1234)).toBe('1.234 s');
    expect(formatTime(60_000)).toBe('60.000 s');
    expect(formatTime(300)).toBe('0.300 s');
    expect(formatTime(-1500)).toBe('-1.500 s');
    expect(formatTime(1234.6)).toBe('1.235 s');
  });

  it('formats durations and deadlines relative to now', () => {
    expect(formatDuration(40)).toBe('40 ms');
    expect(formatDuration(1500)).toBe('1.500 s');
    expect(formatDue(1120, 1000)).toBe('in 120 ms');
    expect(formatDue(1000, 1000)).toBe('now');
    expect(formatDue(900, 1000)).toBe('now');
  });

  it('words a deadline in the reader’s language and number format', () => {
    expect(formatDue(3500, 1000, translator('en'), 'en')).toMatch(/2\.500 s/);
    expect(formatDue(3500, 1000, translator('es'), 'es')).toMatch(/2,500 s/);
    expect(formatDue(3500, 1000, translator('pt'), 'pt')).toMatch(/2,500 s/);
    expect(formatDue(3500, 1000, translator('pt'), 'pt')).not.toBe(formatDue(3500, 1000));
  });

  it('names servers and clients from endpoints (client k is endpoint -k)', () => {
    expect(endpointName(3)).toBe('S3');
    expect(endpointName(-2)).toBe('C2');
  });
});

/** One event of every type, so a new type in types.ts fails the exhaustiveness check below. */
const ONE_OF_EACH: Record<SimEventType, SimEvent> = {
  action: { type: 'action', time: 5, action: { at: 5, do: 'crash', server: 3 } },
  send: {
    type: 'send',
    time: 1,
    id: 1,
    from: 1,
    to: 2,
    msg: 'RequestVote',
    deliverMs: 11,
    duplicate: false,
  },
  deliver: { type: 'deliver', time: 11, id: 1, from: 1, to: 2, msg: 'RequestVote' },
  drop: { type: 'drop', time: 12, id: 9, from: 1, to: -2, msg: 'ClientReply', reason: 'manual' },
  electionStart: { type: 'electionStart', time: 1, server: 3, term: 4, forced: false },
  vote: { type: 'vote', time: 2, voter: 2, candidate: 3, term: 4, granted: true },
  preVoteStart: { type: 'preVoteStart', time: 2, server: 3, term: 4 },
  preVote: { type: 'preVote', time: 2, voter: 1, candidate: 3, term: 4, granted: false },
  voteIgnored: { type: 'voteIgnored', time: 2, voter: 2, candidate: 3, term: 5 },
  quorumLost: { type: 'quorumLost', time: 2, server: 1, term: 4, active: 2 },
  becomeLeader: { type: 'becomeLeader', time: 3, server: 1, term: 4 },
  transfer: { type: 'transfer', time: 5, server: 1, target: 3, phase: 'timeoutNow' },
  read: {
    type: 'read',
    time: 6,
    server: 1,
    client: 2,
    seq: 4,
    key: 'x',
    mode: 'readIndex',
    phase: 'answered',
    readIndex: 7,
    result: '5',
  },
  membership: {
    type: 'membership',
    time: 4,
    server: 2,
    phase: 'refused',
    command: 'addServer 6',
    reason: 'inProgress',
  },
  stepDown: { type: 'stepDown', time: 4, server: 1, term: 5, from: 'leader' },
  snapshot: { type: 'snapshot', time: 4, server: 2, index: 40, term: 2, discarded: 10 },
  installSnapshot: {
    type: 'installSnapshot',
    time: 4,
    server: 3,
    leader: 1,
    index: 40,
    term: 2,
    kept: 0,
    reset: true,
  },
  append: { type: 'append', time: 4, server: 1, index: 7, term: 4, command: 'set x 1' },
  replicate: { type: 'replicate', time: 4, server: 2, leader: 1, fromIndex: 5, toIndex: 7 },
  truncate: { type: 'truncate', time: 4, server: 2, fromIndex: 5, removed: 3 },
  commit: { type: 'commit', time: 4, server: 1, index: 7 },
  apply: {
    type: 'apply',
    time: 4,
    server: 2,
    index: 7,
    command: 'get x',
    result: '1',
    duplicate: false,
  },
  crash: { type: 'crash', time: 5, server: 3 },
  restart: { type: 'restart', time: 6, server: 3 },
  clientSend: {
    type: 'clientSend',
    time: 7,
    client: 1,
    seq: 4,
    server: 3,
    command: 'set x 1',
    attempt: 1,
  },
  clientRedirect: { type: 'clientRedirect', time: 8, client: 1, seq: 4, server: 3, leaderHint: 2 },
  clientReply: { type: 'clientReply', time: 9, client: 1, seq: 4, server: 2, result: 'ok' },
  clientLateReply: {
    type: 'clientLateReply',
    time: 9,
    client: 1,
    seq: 3,
    server: 4,
    result: 'ok',
  },
  violation: {
    type: 'violation',
    time: 10,
    violation: {
      invariant: 'INV-LC',
      time: 10,
      servers: [1, 3],
      indexes: [2],
      message: 'S3 leads term 5 without entry 2',
    },
  },
};

const EXPECTED: Record<SimEventType, string | null> = {
  action: 'Action: crash S3',
  send: null,
  deliver: null,
  drop: 'Message #9 (ClientReply S1→C2) was dropped by hand',
  electionStart: 'S3 timed out and started an election for term 4',
  vote: 'S2 granted its vote to S3 for term 4',
  preVoteStart:
    'S3 timed out and asked whether it could win term 4, without changing its term (PreVote)',
  preVote: 'S1 would not vote for S3 in term 4 (pre-vote)',
  voteIgnored: "S2 ignored S3's request for term 5: it heard its leader recently (CheckQuorum)",
  quorumLost: 'S1 heard from only 2 servers in an election timeout and stepped down (CheckQuorum)',
  becomeLeader: 'S1 won the election for term 4',
  membership: 'S2 refuses "addServer 6": a change is already in progress (inProgress)',
  transfer: 'S3 is up to date: S1 tells it to start an election now (TimeoutNow)',
  read: "S1 answered C2's read of x at read index 7: 5 (a quorum confirmed it still leads; no log entry)",
  stepDown: 'S1 stepped down from leader to follower in term 5',
  snapshot:
    'S2 took a snapshot up to entry 40 (term 2) and discarded 10 entries from its log (F2-IS6)',
  installSnapshot:
    "S3 installed S1's snapshot up to entry 40 (term 2): its log was replaced by the snapshot and its state machine reloaded from it (F2-IS5)",
  append: 'S1 appended entry 7 (term 4): set x 1',
  replicate: 'S2 copied entries 5–7 from S1',
  truncate: 'S2 deleted 3 conflicting entries from index 5',
  commit: 'S1 committed up to entry 7',
  apply: 'S2 applied entry 7 (get x → 1)',
  crash: 'S3 crashed',
  restart: 'S3 restarted with its term, vote and log',
  clientSend: 'C1 sent request #4 "set x 1" to S3',
  clientRedirect: "C1's request #4 was redirected to S2 by S3",
  clientReply: "S2 answered C1's request #4: ok",
  clientLateReply: 'C1 ignored a late answer from S4 to request #3: ok',
  violation:
    'Invariant INV-LC (Leader Completeness) violated: Leader S1 lacks an entry that was already committed (index 2): every leader must hold every committed entry.',
};

describe('describeEvent', () => {
  it.each(Object.keys(ONE_OF_EACH) as SimEventType[])('describes %s', (type) => {
    expect(describeEvent(ONE_OF_EACH[type])).toBe(EXPECTED[type]);
  });

  it('adds what only earlier events know: vote tallies and the redirected command', () => {
    expect(describeEvent(ONE_OF_EACH.becomeLeader, { votes: 3, servers: 5 })).toBe(
      'S1 won the election for term 4 with 3 of 5 votes',
    );
    expect(describeEvent(ONE_OF_EACH.clientRedirect, { command: 'set x 1' })).toBe(
      `C1's request "set x 1" was redirected to S2 by S3`,
    );
  });

  it('tells a snapshot that kept the entries after it (F2-IS4) from one that replaced the log (F2-IS5)', () => {
    const d = (e: SimEvent): string | null => describeEvent(e);
    const install = {
      type: 'installSnapshot',
      time: 4,
      server: 3,
      leader: 1,
      index: 40,
      term: 2,
    } as const;
    expect(d({ ...install, kept: 5, reset: false })).toBe(
      "S3 installed S1's snapshot up to entry 40 (term 2); its log holds that entry, so it kept the 5 entries after it (F2-IS4)",
    );
    expect(d({ ...install, kept: 1, reset: true })).toBe(
      "S3 installed S1's snapshot up to entry 40 (term 2); its log holds that entry, so it kept the entry after it and reloaded its state machine from the snapshot (F2-IS4)",
    );
    expect(d({ ...install, kept: 0, reset: false })).toContain(
      'its log already ended with that entry and its state machine was past it (F2-IS4)',
    );
    expect(d({ type: 'snapshot', time: 4, server: 2, index: 1, term: 1, discarded: 1 })).toBe(
      'S2 took a snapshot up to entry 1 (term 1) and discarded 1 entry from its log (F2-IS6)',
    );
  });

  it('covers the variants of each event', () => {
    const d = (e: SimEvent): string | null => describeEvent(e);
    expect(d({ type: 'electionStart', time: 1, server: 2, term: 3, forced: true })).toBe(
      'S2 was forced to time out and started an election for term 3',
    );
    expect(d({ type: 'vote', time: 1, voter: 2, candidate: 3, term: 4, granted: false })).toBe(
      'S2 refused its vote to S3 for term 4',
    );
    expect(d({ type: 'stepDown', time: 1, server: 3, term: 4, from: 'candidate' })).toBe(
      'S3 gave up its candidacy and became a follower in term 4',
    );
    expect(d({ type: 'stepDown', time: 1, server: 2, term: 6, from: 'follower' })).toBe(
      'S2 saw a newer term and moved to term 6 (F2-A2)',
    );
    expect(d({ type: 'append', time: 1, server: 1, index: 3, term: 2, command: 'noop' })).toBe(
      'S1 appended a no-op at entry 3 for term 2',
    );
    expect(d({ type: 'replicate', time: 1, server: 2, leader: 1, fromIndex: 4, toIndex: 4 })).toBe(
      'S2 copied entry 4 from S1',
    );
    expect(d({ type: 'truncate', time: 1, server: 2, fromIndex: 4, removed: 1 })).toBe(
      'S2 deleted 1 conflicting entry from index 4',
    );
    expect(
      d({
        type: 'apply',
        time: 1,
        server: 2,
        index: 3,
        command: 'set x 1',
        result: 'ok',
        duplicate: true,
      }),
    ).toBe('S2 applied entry 3 (set x 1 → ok), answered from the session table');
    expect(
      d({
        type: 'clientSend',
        time: 1,
        client: 2,
        seq: 5,
        server: 1,
        command: 'get y',
        attempt: 3,
      }),
    ).toBe('C2 retried request #5 "get y" at S1 (attempt 3)');
    expect(
      d({ type: 'clientRedirect', time: 1, client: 2, seq: 5, server: 1, leaderHint: null }),
    ).toBe("C2's request #5 was turned away by S1, which knows no leader");
  });

  it('hides network noise and self-votes, and isNoisyEvent agrees with it', () => {
    const quiet: SimEvent[] = [
      ONE_OF_EACH.send,
      ONE_OF_EACH.deliver,
      { type: 'drop', time: 1, id: 2, from: 1, to: 3, msg: 'AppendEntries', reason: 'loss' },
      { type: 'drop', time: 1, id: 2, from: 1, to: 3, msg: 'AppendEntries', reason: 'partition' },
      { type: 'vote', time: 1, voter: 3, candidate: 3, term: 4, granted: true },
    ];
    for (const e of quiet) {
      expect(describeEvent(e)).toBeNull();
      expect(isNoisyEvent(e)).toBe(true);
    }
    for (const e of Object.values(ONE_OF_EACH)) {
      expect(isNoisyEvent(e)).toBe(describeEvent(e) === null);
    }
  });

  it('describes every action kind', () => {
    expect(
      describeAction({
        at: 0,
        do: 'partition',
        groups: [
          [1, 2],
          [3, 4, 5],
        ],
      }),
    ).toBe('partition the network into {S1, S2} | {S3, S4, S5}');
    expect(describeAction({ at: 0, do: 'heal' })).toBe('heal the network');
    expect(describeAction({ at: 0, do: 'cut', link: [1, 3] })).toBe('cut the link S1–S3');
    expect(describeAction({ at: 0, do: 'connect', link: [1, 3] })).toBe('reconnect the link S1–S3');
    expect(describeAction({ at: 0, do: 'request', command: 'get x' })).toBe(
      'a client sends "get x" to the leader it knows',
    );
    expect(describeAction({ at: 0, do: 'request', command: 'get x', client: 2, server: 4 })).toBe(
      'C2 sends "get x" to S4',
    );
    expect(describeAction({ at: 0, do: 'drop', message: 12 })).toBe('drop message #12');
    expect(describeAction({ at: 0, do: 'network', loss: [1, 10] })).toBe(
      'change the network settings',
    );
    expect(describeAction({ at: 0, do: 'linkLatency', link: [1, 2], latencyMs: [50, 80] })).toBe(
      'set the latency of S1–S2 to 50–80 ms',
    );
    expect(describeAction({ at: 0, do: 'linkLatency', link: [1, 2], latencyMs: null })).toBe(
      'reset the latency of S1–S2',
    );
    expect(describeAction({ at: 0, do: 'nextTimeout', server: 2, ms: 180 })).toBe(
      'make the next election timeout of S2 180 ms',
    );
    expect(describeAction({ at: 0, do: 'timeout', server: 2 })).toBe('timeout S2');
  });

  it('gives every non-noisy event of a real run a non-empty sentence', () => {
    const { events } = recordRun(
      [
        { at: 400, do: 'request', command: 'set x 1' },
        { at: 600, do: 'crash', server: 1 },
        { at: 700, do: 'request', command: 'get x' },
        { at: 1500, do: 'restart', server: 1 },
      ],
      3000,
    );
    const seen = new Set<string>();
    for (const e of events) {
      const text = describeEvent(e);
      if (text === null) continue;
      expect(text).not.toMatch(/undefined|NaN|\[object|null/);
      seen.add(e.type);
    }
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'electionStart',
        'vote',
        'becomeLeader',
        'commit',
        'apply',
        'action',
        'clientSend',
        'clientReply',
      ]),
    );
  });
});
