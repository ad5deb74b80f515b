/**
 * The space-time log (src/store/spaceTime.ts): message records from sends, deliveries and drops,
 * their status at any position, the window search, forks, the lanes' terms and roles, and the
 * same records from a real recorded run, rewound or forked.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, withDefaults } from '../../src/core/index.ts';
import type { MessageBody, SimEvent } from '../../src/core/types.ts';
import { createLabStore } from '../../src/store/createLabStore.ts';
import {
  MAX_SPACETIME_RECORDS,
  SpaceTimeLog,
  type MessageRecord,
  type SpaceTimePosition,
} from '../../src/store/spaceTime.ts';
import type { LabStore } from '../../src/store/types.ts';
import { playUntil } from './playKit.ts';

const initial = (n: number) =>
  Array.from({ length: n }, () => ({ term: 0, role: 'follower' as const, crashed: false }));

/** A tiny event script: each event gets the next ordinal, as the trace counts them. */
function feed(log: SpaceTimeLog, events: SimEvent[], first = 1): number {
  let ordinal = first;
  for (const e of events) log.observe(e, ordinal++);
  return ordinal - 1;
}

const send = (id: number, time: number, from: number, to: number, deliverMs: number): SimEvent => ({
  type: 'send',
  time,
  id,
  from,
  to,
  msg: 'AppendEntries',
  deliverMs,
  duplicate: false,
});
const deliver = (id: number, time: number, from: number, to: number): SimEvent => ({
  type: 'deliver',
  time,
  id,
  from,
  to,
  msg: 'AppendEntries',
});
const drop = (id: number, time: number, from: number, to: number): SimEvent => ({
  type: 'drop',
  time,
  id,
  from,
  to,
  msg: 'AppendEntries',
  reason: 'partition',
});

describe('SpaceTimeLog records', () => {
  it('turns sends, deliveries and drops into records with a status at each position', () => {
    const log = new SpaceTimeLog(initial(3));
    feed(log, [
      send(0, 10, 1, 2, 25), // ordinal 1
      send(1, 10, 1, 3, 22), // 2
      deliver(1, 22, 1, 3), // 3
      drop(0, 25, 1, 2), // 4
      send(2, 30, 2, 1, 45), // 5
    ]);
    const at = (timeMs: number, emitted: number): SpaceTimePosition => ({ timeMs, emitted });
    const statuses = (pos: SpaceTimePosition) =>
      log.messagesIn(0, 100, pos).map((v) => [v.record.id, v.status]);
    expect(statuses(at(40, 5))).toEqual([
      [0, 'dropped'],
      [1, 'delivered'],
      [2, 'flight'],
    ]);
    // Rewound to just after the delivery of message 1: message 0 is still on its way.
    expect(statuses(at(22, 3))).toEqual([
      [0, 'flight'],
      [1, 'delivered'],
    ]);
    // Before anything was sent, nothing is drawn; between the two sends of 10 ms, only one.
    expect(statuses(at(9, 0))).toEqual([]);
    expect(statuses(at(10, 1))).toEqual([[0, 'flight']]);
    const dropped = log.message(0) as MessageRecord;
    expect(dropped).toMatchObject({ endMs: 25, dropReason: 'partition', sentMs: 10 });
    expect(log.message(99)).toBeUndefined();
  });

  it('keeps the term, pre-vote flag and entry count of the message body', () => {
    const log = new SpaceTimeLog(initial(2));
    log.observe(
      {
        type: 'send',
        time: 5,
        id: 0,
        from: 1,
        to: 2,
        msg: 'RequestVote',
        deliverMs: 9,
        duplicate: false,
      },
      1,
      {
        type: 'RequestVote',
        term: 4,
        candidateId: 1,
        lastLogIndex: 0,
        lastLogTerm: 0,
        preVote: true,
        transfer: false,
      },
    );
    log.observe(send(1, 6, 1, 2, 12), 2, {
      type: 'AppendEntries',
      term: 3,
      leaderId: 1,
      prevLogIndex: 0,
      prevLogTerm: 0,
      entries: [
        { term: 3, command: 'set a 1', id: 'e1' },
        { term: 3, command: 'set b 2', id: 'e2' },
      ],
      leaderCommit: 0,
      sentMs: 6,
    });
    expect(log.message(0)).toMatchObject({ term: 4, preVote: true, entries: 0 });
    expect(log.message(1)).toMatchObject({ term: 3, preVote: false, entries: 2 });
  });

  it('ignores the end of a message it never saw sent', () => {
    const log = new SpaceTimeLog(initial(2));
    const before = log.version;
    log.observe(deliver(7, 3, 1, 2), 1);
    expect(log.messageCount).toBe(0);
    expect(log.version).toBe(before);
  });
});

describe('SpaceTimeLog window search', () => {
  it('returns exactly the messages with part of their arrow in the window (brute force agrees)', () => {
    const log = new SpaceTimeLog(initial(5));
    const events: SimEvent[] = [];
    // A deterministic spread of latencies, one long message (a latency spike) among them.
    for (let id = 0; id < 400; id++) {
      const sent = id * 5;
      const latency = id === 37 ? 900 : 10 + ((id * 7) % 13);
      events.push(send(id, sent, (id % 5) + 1, ((id + 1) % 5) + 1, sent + latency));
    }
    // Deliver everything that arrives by 1,500 ms, in time order.
    const ends = events
      .map((e) => e as Extract<SimEvent, { type: 'send' }>)
      .filter((e) => e.deliverMs <= 1500)
      .sort((a, b) => a.deliverMs - b.deliverMs || a.id - b.id);
    const merged: SimEvent[] = [];
    let j = 0;
    for (const s of events) {
      while (j < ends.length && (ends[j] as { deliverMs: number }).deliverMs <= s.time) {
        const e = ends[j++] as Extract<SimEvent, { type: 'send' }>;
        merged.push(deliver(e.id, e.deliverMs, e.from, e.to));
      }
      merged.push(s);
    }
    // Stop at 1,500 ms: what was sent up to then, and the deliveries up to then.
    const upTo = merged.filter((e) => e.time <= 1500);
    const emitted = feed(log, upTo);
    const pos = { timeMs: 1500, emitted };
    for (const [from, to] of [
      [0, 100],
      [600, 700],
      [1000, 1001],
      [1400, 1600],
      [1499, 1500],
    ] as const) {
      const got = log.messagesIn(from, to, pos).map((v) => v.record.id);
      const want = events
        .map((e) => e as Extract<SimEvent, { type: 'send' }>)
        .filter((e) => e.time <= Math.min(to, 1500))
        .filter((e) => Math.min(e.deliverMs <= 1500 ? e.deliverMs : 1500, 1500) >= from)
        .map((e) => e.id);
      expect(got, `window ${from}-${to}`).toEqual(want);
    }
    // The long message (37, sent at 185, arriving at 1,085) crosses a window it neither starts nor ends in.
    expect(log.messagesIn(600, 700, pos).map((v) => v.record.id)).toContain(37);
  });

  it('finds lane marks by time and hides those after the position', () => {
    const log = new SpaceTimeLog(initial(3));
    feed(log, [
      { type: 'electionStart', time: 200, server: 2, term: 1, forced: false },
      { type: 'becomeLeader', time: 230, server: 2, term: 1 },
      { type: 'commit', time: 300, server: 2, index: 1 },
      { type: 'crash', time: 400, server: 2 },
    ]);
    const kinds = (from: number, to: number, emitted: number) =>
      log.marksIn(from, to, { timeMs: 1000, emitted }).map((m) => m.kind);
    expect(kinds(0, 1000, 4)).toEqual(['candidate', 'leader', 'commit', 'crash']);
    expect(kinds(220, 350, 4)).toEqual(['leader', 'commit']);
    expect(kinds(0, 1000, 2)).toEqual(['candidate', 'leader']);
  });

  it('splits a lane by term, role and liveness, clipped to the window and the position', () => {
    const log = new SpaceTimeLog(initial(3));
    feed(log, [
      { type: 'electionStart', time: 200, server: 2, term: 1, forced: false },
      { type: 'becomeLeader', time: 230, server: 2, term: 1 },
      { type: 'crash', time: 400, server: 2 },
      { type: 'restart', time: 600, server: 2 },
      { type: 'stepDown', time: 650, server: 2, term: 2, from: 'follower' },
    ]);
    const pos = { timeMs: 700, emitted: 5 };
    expect(log.laneSegments(2, 100, 1000, pos)).toEqual([
      { from: 100, to: 200, term: 0, role: 'follower', crashed: false },
      { from: 200, to: 230, term: 1, role: 'candidate', crashed: false },
      { from: 230, to: 400, term: 1, role: 'leader', crashed: false },
      { from: 400, to: 600, term: 1, role: 'follower', crashed: true },
      { from: 600, to: 650, term: 1, role: 'follower', crashed: false },
      { from: 650, to: 700, term: 2, role: 'follower', crashed: false },
    ]);
    // Seen from before the crash, the lane is a leader's up to the position.
    expect(log.laneSegments(2, 300, 1000, { timeMs: 350, emitted: 2 })).toEqual([
      { from: 300, to: 350, term: 1, role: 'leader', crashed: false },
    ]);
    expect(log.laneSegments(9, 0, 100, pos)).toEqual([]);
  });
});

describe('SpaceTimeLog forks and limits', () => {
  it('a fork forgets the abandoned future: later sends go, later ends are undone', () => {
    const log = new SpaceTimeLog(initial(3));
    feed(log, [
      send(0, 10, 1, 2, 25), // 1
      { type: 'electionStart', time: 12, server: 3, term: 1, forced: false }, // 2
      deliver(0, 25, 1, 2), // 3
      send(1, 30, 2, 1, 45), // 4
      { type: 'becomeLeader', time: 31, server: 3, term: 1 }, // 5
    ]);
    log.truncate(2, 20);
    expect(log.messageCount).toBe(1);
    expect(log.message(0)).toMatchObject({ endMs: null, endOrdinal: null });
    expect(log.marksIn(0, 100, { timeMs: 100, emitted: 99 }).map((m) => m.kind)).toEqual([
      'candidate',
    ]);
    expect(log.laneSegments(3, 0, 100, { timeMs: 100, emitted: 99 }).at(-1)).toMatchObject({
      role: 'candidate',
    });
  });

  it('stays bounded on a long run: the oldest records go, the search still works', () => {
    const log = new SpaceTimeLog(initial(2));
    const n = MAX_SPACETIME_RECORDS + 1;
    for (let id = 0; id < n; id++) log.observe(send(id, id, 1, 2, id + 10), id + 1);
    expect(log.messageCount).toBeLessThanOrEqual(MAX_SPACETIME_RECORDS);
    expect(log.earliestMs).toBeGreaterThan(0);
    const pos = { timeMs: n + 10, emitted: n };
    expect(log.messagesIn(n - 5, n + 10, pos)).toHaveLength(5 + 10);
    expect(log.message(0)).toBeUndefined();
    // What is kept still reads right, on both sides of where the cut fell.
    const first = n - log.messageCount;
    for (const id of [first, first + 1, first + 4095, first + 4096, n - 2, n - 1])
      expect(log.message(id)?.sentMs, `message ${id}`).toBe(id);
    expect(log.message(first - 1)).toBeUndefined();
  });
});

function position(store: LabStore): SpaceTimePosition {
  const s = store.getState();
  return { timeMs: s.frame.time, emitted: s.spaceTime.emitted };
}

/** The store's space-time log (in Node its code is there from the start). */
function logOf(store: LabStore): SpaceTimeLog {
  const log = store.getState().spaceTime.log;
  if (log === null) throw new Error('the store has no space-time log');
  return log;
}

function flightIds(store: LabStore): number[] {
  const s = store.getState();
  return logOf(store)
    .messagesIn(0, s.frame.time, position(store))
    .filter((v) => v.status === 'flight')
    .map((v) => v.record.id);
}

const frameFlight = (store: LabStore): number[] =>
  store
    .getState()
    .frame.inFlight.map((m) => m.id)
    .sort((a, b) => a - b);

describe('the recorder keeps the space-time log of a real run', () => {
  it('has one record per message, and those in flight are the frame’s, at the head and rewound', () => {
    const store = createLabStore({ seed: 7, servers: 5, speed: 1, clock: () => 0 });
    playUntil(store, 900);
    store.getState().request({ command: 'set x 1' });
    playUntil(store, 1600);
    expect(flightIds(store)).toEqual(frameFlight(store));
    const all = logOf(store).messagesIn(0, 1600, position(store));
    expect(all.length).toBeGreaterThan(50);
    // Ids count up from the first with none missing: every send was recorded.
    const first = all[0]?.record.id ?? 0;
    expect(all.map((v) => v.record.id)).toEqual(all.map((_v, i) => first + i));
    expect(all.some((v) => v.record.type === 'ClientRequest' && v.record.from === -1)).toBe(true);

    for (const t of [1234, 377, 1001]) {
      store.getState().seek(t);
      expect(flightIds(store), `at ${t}`).toEqual(frameFlight(store));
    }
    // Stepping lands between events of one millisecond: the ordinal keeps it exact.
    for (let i = 0; i < 7; i++) {
      store.getState().stepForward();
      expect(flightIds(store), `step ${i}`).toEqual(frameFlight(store));
    }
  });

  it('marks a partition’s drops where they happen, and forgets a fork’s abandoned future', () => {
    const store = createLabStore({ seed: 7, servers: 5, speed: 1, clock: () => 0 });
    playUntil(store, 1200);
    store.getState().partition([[1], [2, 3, 4, 5]]);
    playUntil(store, 1500);
    const pos = position(store);
    const drops = logOf(store)
      .messagesIn(1200, 1500, pos)
      .filter((v) => v.status === 'dropped');
    expect(drops.length).toBeGreaterThan(0);
    expect(drops.every((v) => v.record.dropReason === 'partition')).toBe(true);
    expect(drops.every((v) => v.record.from === 1 || v.record.to === 1)).toBe(true);

    // Go back before the partition and act: the drops after it belong to an abandoned future.
    store.getState().seek(1100);
    store.getState().crash(3);
    playUntil(store, 1500);
    const after = logOf(store).messagesIn(1100, 1500, position(store));
    expect(after.filter((v) => v.status === 'dropped').every((v) => v.record.to === 3)).toBe(true);
    expect(flightIds(store)).toEqual(frameFlight(store));
  });

  it('a client request for a key named __proto__ is a message like any other', () => {
    const store = createLabStore({ seed: 7, servers: 3, speed: 1, clock: () => 0 });
    playUntil(store, 800);
    store.getState().request({ command: 'set __proto__ 1' });
    store.getState().request({ command: 'get constructor' });
    playUntil(store, 1500);
    const log = logOf(store);
    const pos = position(store);
    const client = log.messagesIn(0, 1500, pos).filter((v) => v.record.from < 0 || v.record.to < 0);
    expect(client.map((v) => v.record.type)).toContain('ClientRequest');
    expect(client.map((v) => v.record.type)).toContain('ClientReply');
    expect(log.clients(pos)).toEqual([1]);
    expect(({} as Record<string, unknown>)['1']).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('SpaceTimeLog save and load', () => {
  it('brings back a timeline set aside, unaffected by what was recorded since', () => {
    const log = new SpaceTimeLog(initial(3));
    feed(log, [send(0, 10, 1, 2, 25), deliver(0, 25, 1, 2)]);
    const saved = log.save();
    log.truncate(1, 12);
    feed(log, [send(1, 13, 2, 3, 30), { type: 'crash', time: 14, server: 1 }], 2);
    expect(log.message(0)?.endMs).toBeNull();
    log.load(saved);
    expect(log.message(0)?.endMs).toBe(25);
    expect(log.message(1)).toBeUndefined();
    expect(log.marksIn(0, 100, { timeMs: 100, emitted: 99 })).toEqual([]);
    // Loaded twice: the copy was not changed by the first load's later edits.
    log.truncate(0, 0);
    log.load(saved);
    expect(log.messageCount).toBe(1);
  });
});

describe('SpaceTimeLog column storage', () => {
  it('gives back every message body of a real run field for field, in the same key order', () => {
    const sim = Simulation.create({
      seed: 3,
      config: withDefaults({ servers: 5, preVote: true }),
      actions: [],
    });
    const log = new SpaceTimeLog(
      sim.state.servers.map((s) => ({ term: s.term, role: s.role, crashed: s.crashed })),
    );
    const bodies = new Map<number, MessageBody>();
    sim.onEvent = (e) => {
      const sent = e.type === 'send' ? sim.state.network.inFlight.at(-1) : undefined;
      const body = sent?.id === (e as { id?: number }).id ? sent?.body : undefined;
      if (e.type === 'send' && body !== undefined) bodies.set(e.id, structuredClone(body));
      log.observe(e, sim.state.trace.events, body);
    };
    for (let t = 100, i = 0; t <= 4000; t += 100, i++) {
      sim.runUntil(t);
      sim.addAction({ at: t, do: 'request', command: `set k${i % 3} ${i}`, client: 1 });
    }
    sim.runUntil(4100);
    const types = new Set<string>();
    let withEntries = 0;
    for (const [id, original] of bodies) {
      const record = log.message(id);
      expect(record?.body, `message ${id}`).toStrictEqual(original);
      expect(Object.keys(record?.body ?? {}), `message ${id}`).toEqual(Object.keys(original));
      types.add(original.type);
      if (original.type === 'AppendEntries' && original.entries.length > 0) withEntries++;
    }
    expect([...types]).toEqual(
      expect.arrayContaining([
        'AppendEntries',
        'AppendEntriesReply',
        'ClientRequest',
        'ClientReply',
      ]),
    );
    expect(withEntries).toBeGreaterThan(10);
    expect(bodies.size).toBe(log.messageCount);
  });

  it('keeps every field exact across chunk boundaries, through a fork and save/load', () => {
    const log = new SpaceTimeLog(initial(3));
    // Brute-force reference: what each message should read as.
    const expected = new Map<number, { from: number; endMs: number | null; body: MessageBody }>();
    const body = (id: number): MessageBody => ({
      type: 'ClientRequest',
      client: 1,
      seq: id,
      command: `set k ${id}`,
    });
    let ordinal = 0;
    const sendMany = (fromId: number, count: number) => {
      for (let id = fromId; id < fromId + count; id++) {
        const from = (id % 3) + 1;
        log.observe(
          {
            type: 'send',
            time: id,
            id,
            from,
            to: -1,
            msg: 'ClientRequest',
            deliverMs: id + 7,
            duplicate: false,
          },
          ++ordinal,
          body(id),
        );
        expected.set(id, { from, endMs: null, body: body(id) });
        // Every other message ends 3 ms after it was sent (ends come in id order here).
        const ended = id - 6;
        if (ended >= fromId && ended % 2 === 0) {
          log.observe(deliver(ended, id, (ended % 3) + 1, -1), ++ordinal);
          (expected.get(ended) as { endMs: number | null }).endMs = id;
        }
      }
    };
    const check = (ids: Iterable<number>) => {
      for (const id of ids) {
        const want = expected.get(id);
        const got = log.message(id);
        expect(got?.from, `message ${id}`).toBe(want?.from);
        expect(got?.endMs, `message ${id}`).toBe(want?.endMs);
        expect(got?.body, `message ${id}`).toEqual(want?.body);
      }
    };
    sendMany(0, 9000);
    check([0, 1, 4095, 4096, 4097, 8191, 8192, 8999]);
    const saved = log.save();
    // A fork in the second chunk: later sends go, later ends are undone.
    const forkOrdinal = log.message(5000)?.sendOrdinal ?? 0;
    log.truncate(forkOrdinal, 5000);
    expect(log.messageCount).toBe(5001);
    expect(log.message(5001)).toBeUndefined();
    expect(log.message(4998)?.endMs).toBe(null);
    expect(log.message(4990)?.endMs).toBe(4996);
    for (let id = 5001; id < 9000; id++) expected.delete(id);
    (expected.get(4994) as { endMs: number | null }).endMs = null;
    (expected.get(4996) as { endMs: number | null }).endMs = null;
    (expected.get(4998) as { endMs: number | null }).endMs = null;
    (expected.get(5000) as { endMs: number | null }).endMs = null;
    ordinal = forkOrdinal;
    sendMany(5001, 4000);
    check([4095, 4096, 5000, 5001, 8191, 8192, 9000]);
    // The copy saved before the fork is untouched by it.
    log.load(saved);
    expect(log.messageCount).toBe(9000);
    expect(log.message(8999)?.from).toBe((8999 % 3) + 1);
    expect(log.message(4998)?.endMs).toBe(5004);
  });

  it('keeps whole a body whose numbers the packed columns cannot hold exactly', () => {
    const log = new SpaceTimeLog(initial(2));
    const late = 2 ** 40; // about 35 virtual years: beyond an Int32 column
    const reply: MessageBody = {
      type: 'AppendEntriesReply',
      term: 3,
      success: true,
      matchIndex: 7,
      rejectedIndex: 0,
      echoSentMs: late - 5,
    };
    const append: MessageBody = {
      type: 'AppendEntries',
      term: 3,
      leaderId: 1,
      prevLogIndex: 2 ** 33,
      prevLogTerm: 3,
      entries: [],
      leaderCommit: 2,
      sentMs: late,
    };
    log.observe({ ...send(1, late, 1, 2, late + 5), msg: 'AppendEntries' } as SimEvent, 1, append);
    log.observe(
      { ...send(2, late, 2, 1, late + 5), msg: 'AppendEntriesReply' } as SimEvent,
      2,
      reply,
    );
    expect(log.message(1)?.body).toStrictEqual(append);
    expect(log.message(2)?.body).toStrictEqual(reply);
  });

  it('hands out the same record object until the message changes', () => {
    const log = new SpaceTimeLog(initial(2));
    feed(log, [send(1, 0, 1, 2, 10)]);
    const inFlight = log.message(1);
    expect(log.message(1)).toBe(inFlight);
    expect(log.messagesIn(0, 5, { timeMs: 5, emitted: 1 })[0]?.record).toBe(inFlight);
    feed(log, [deliver(1, 10, 1, 2)], 2);
    const delivered = log.message(1);
    expect(delivered).not.toBe(inFlight);
    expect(delivered?.endMs).toBe(10);
    expect(inFlight?.endMs).toBe(null);
    expect(Object.isFrozen(delivered)).toBe(true);
  });
});
