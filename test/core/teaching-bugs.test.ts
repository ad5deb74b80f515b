/**
 * Teaching bugs (the rule catalogue §4): each toggle breaks one rule; its minimal exposing script must make
 * the checker fire, and the same script with the correct rule must not. BUG-FIG8 lives with
 * Figure 8 (scenarios-figures.test.ts) and BUG-NOSESSION with SC-29 (scenarios-clients.test.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  type Action,
  type BugId,
  type InitialServerState,
  type InvariantId,
} from '../../src/core/index.ts';
import { newServer, receive, type RaftContext } from '../../src/core/raft.ts';
import { invariantsFired, run } from './scenario-kit.ts';

interface Script {
  bug: BugId;
  servers: number;
  actions: Action[];
  until: number;
  initial?: InitialServerState[];
  /** The invariant reported first: the earliest violation, and first among those of its event. */
  first: InvariantId;
  /** Every invariant that must fire with the bug (the first one included). */
  fires: InvariantId[];
}

const SCRIPTS: Script[] = [
  {
    // S3 never heard S1's election; with the up-to-date check gone, S2 elects S3's empty log.
    bug: 'BUG-NOUPTODATE',
    servers: 3,
    actions: [
      { at: 0, do: 'cut', link: [1, 3] },
      { at: 10, do: 'timeout', server: 1 },
      { at: 100, do: 'request', command: 'set x 1', server: 1, client: 1 },
      { at: 300, do: 'crash', server: 1 },
      { at: 310, do: 'timeout', server: 3 },
      { at: 500, do: 'timeout', server: 3 },
      { at: 700, do: 'request', command: 'set y 1', server: 3, client: 2 },
    ],
    until: 1500,
    // S3's election (INV-LC); S3's y@1 then outranks S2's committed x@1 (INV-X11), overwrites it
    // on S2 so only the crashed S1 holds it (INV-X10), and is applied at index 1 (INV-SMS).
    first: 'INV-LC',
    fires: ['INV-LC', 'INV-X11', 'INV-X10', 'INV-SMS'],
  },
  {
    // S2 forgets its term-1 vote in a crash and votes again, for S3.
    bug: 'BUG-VOTEVOLATILE',
    servers: 3,
    actions: [
      { at: 0, do: 'cut', link: [1, 3] },
      { at: 10, do: 'timeout', server: 1 },
      { at: 100, do: 'crash', server: 2 },
      { at: 110, do: 'restart', server: 2 },
      { at: 120, do: 'timeout', server: 3 },
    ],
    until: 500,
    // The restart erases S2's vote (INV-X7), before it votes again (INV-X8, then INV-ES).
    first: 'INV-X7',
    fires: ['INV-X7', 'INV-X8', 'INV-ES'],
  },
  {
    // S1's heartbeat clears S2's vote; S2 then votes for S3 in the same term.
    bug: 'BUG-VOTERESET',
    servers: 3,
    actions: [
      { at: 0, do: 'cut', link: [1, 3] },
      { at: 10, do: 'timeout', server: 1 },
      { at: 200, do: 'timeout', server: 3 },
    ],
    until: 500,
    // The heartbeat clears S2's vote (INV-X7), before it votes again (INV-X8, then INV-ES).
    first: 'INV-X7',
    fires: ['INV-X7', 'INV-X8', 'INV-ES'],
  },
  {
    // S2's term-1 vote for S1 arrives late and is counted for S1's term-2 candidacy.
    bug: 'BUG-STALEVOTE',
    servers: 3,
    initial: [0, 0, 1].map((term) => ({ term, votedFor: null, log: [] })),
    actions: [
      { at: 0, do: 'cut', link: [1, 3] },
      { at: 10, do: 'timeout', server: 1 },
      // S1's request reached S2 at 20; S2's grant, sent at 20, now takes 500 ms.
      { at: 15, do: 'linkLatency', link: [1, 2], latencyMs: [500, 500] },
      { at: 100, do: 'timeout', server: 1 },
      { at: 200, do: 'timeout', server: 3 },
    ],
    until: 1000,
    first: 'INV-ES',
    fires: ['INV-ES'],
  },
  {
    // A late first AppendEntries truncates S2's log although it held everything it carried.
    bug: 'BUG-TRUNC',
    servers: 3,
    actions: [
      { at: 10, do: 'timeout', server: 1 },
      { at: 50, do: 'linkLatency', link: [1, 2], latencyMs: [300, 300] },
      { at: 60, do: 'request', command: 'set x 1', server: 1, client: 1 },
      { at: 100, do: 'linkLatency', link: [1, 2], latencyMs: null },
      { at: 100, do: 'cut', link: [1, 3] },
      { at: 100, do: 'request', command: 'set y 2', server: 1, client: 2 },
      { at: 400, do: 'crash', server: 1 },
      { at: 410, do: 'connect', link: [1, 3] },
      { at: 420, do: 'timeout', server: 2 },
      { at: 600, do: 'request', command: 'set z 3', server: 2, client: 3 },
    ],
    until: 1200,
    // The truncating AppendEntries leaves S2's commitIndex past its log (INV-X4), S1's matchIndex
    // for S2 wrong (INV-X14) and committed y on S1 alone (INV-X10), all in one event.
    first: 'INV-X4',
    fires: ['INV-X4', 'INV-X14', 'INV-X10', 'INV-LC', 'INV-SMS'],
  },
  {
    // A delayed term-1 AppendEntries from a crashed leader overwrites a committed entry on S3.
    bug: 'BUG-STALEAE',
    servers: 3,
    actions: [
      { at: 10, do: 'timeout', server: 1 },
      { at: 50, do: 'linkLatency', link: [1, 3], latencyMs: [500, 500] },
      { at: 50, do: 'cut', link: [1, 2] },
      { at: 60, do: 'request', command: 'set a 1', server: 1, client: 1 },
      { at: 100, do: 'crash', server: 1 },
      { at: 110, do: 'timeout', server: 2 },
      { at: 200, do: 'request', command: 'set b 1', server: 2, client: 2 },
      { at: 700, do: 'crash', server: 2 },
      { at: 700, do: 'linkLatency', link: [1, 3], latencyMs: null },
      { at: 710, do: 'restart', server: 1 },
      { at: 720, do: 'timeout', server: 1 },
      { at: 900, do: 'timeout', server: 1 },
      { at: 1000, do: 'request', command: 'set c 2', server: 1, client: 3 },
    ],
    until: 2000,
    // The stale AppendEntries replaces S3's committed b (INV-X9 first, then INV-X14, INV-X10 and
    // INV-X11 in the same event); S1 then wins term 3 without b (INV-LC) and applies a (INV-SMS).
    first: 'INV-X9',
    fires: ['INV-X9', 'INV-X14', 'INV-X10', 'INV-X11', 'INV-LC', 'INV-SMS'],
  },
];

describe('teaching bugs are caught by the checker', () => {
  for (const script of SCRIPTS) {
    const config = { servers: script.servers, noopOnElection: false };
    it(`${script.bug}: ${script.first} fires first, then ${script.fires.join(', ')}`, () => {
      const r = run(
        { ...config, bugs: [script.bug] },
        script.actions,
        script.until,
        script.initial,
      );
      expect(r.sim.violations[0]?.invariant).toBe(script.first);
      expect(invariantsFired(r)).toEqual(expect.arrayContaining(script.fires));
    });
    it(`${script.bug}: the same script with the correct rule is safe`, () => {
      const r = run(config, script.actions, script.until, script.initial);
      expect(r.sim.violations).toEqual([]);
    });
  }

  // BUG-COMMITLAST: F2-AE6 bounds the follower's commit by the last entry the request verified.
  // Our leaders always send the entries from nextIndex on, so no script reaches the wrong rule
  // end to end; the rule itself is shown on one server, as in etcd's TestHandleHeartbeat.
  it('BUG-COMMITLAST: a heartbeat with prev (1,1) and leaderCommit 3 commits stale entries', () => {
    const commitAfterHeartbeat = (bugs: BugId[]) => {
      const s = newServer(2, 3);
      s.term = 3;
      s.log = [
        { term: 1, command: 'set a 1', id: 'a' },
        { term: 2, command: 'set x 1', id: 'x1' },
        { term: 2, command: 'set x 2', id: 'x2' },
      ];
      const ctx = fakeContext(bugs);
      const body = {
        type: 'AppendEntries' as const,
        term: 3,
        leaderId: 1,
        prevLogIndex: 1,
        prevLogTerm: 1,
        entries: [],
        leaderCommit: 3,
        sentMs: 0,
      };
      receive(
        s,
        { id: 1, from: 1, to: 2, sentMs: 0, deliverMs: 0, body, lost: false, duplicateOf: null },
        ctx,
      );
      return s.commitIndex;
    };
    expect(commitAfterHeartbeat([])).toBe(1);
    expect(commitAfterHeartbeat(['BUG-COMMITLAST'])).toBe(3);
  });
});

function fakeContext(bugs: BugId[]): RaftContext {
  return {
    now: 0,
    config: { ...DEFAULT_CONFIG, servers: 3, bugs },
    send: () => undefined,
    emit: () => undefined,
    emitCommit: () => undefined,
    emitReplicate: () => undefined,
    drawElectionTimeout: () => 1000,
    entryId: () => 'e',
    bug: (id) => bugs.includes(id),
  };
}
