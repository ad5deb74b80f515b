/**
 * The recorder keeps the events of its lists packed once a chunk is full (eventPacker in
 * src/store/eventList.ts): typed arrays of values instead of one heap object per event. Reading
 * one back must give the event exactly (same keys in the same order, same values, -0 and NaN
 * included), frozen, for every event a run emits, and the views must tell a list whose oldest
 * events were dropped from one that changed otherwise by position (followsOn), since a packed
 * event read twice may be two equal objects.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/core/sim.ts';
import { withDefaults } from '../../src/core/index.ts';
import type { SimEvent } from '../../src/core/types.ts';
import { generateFuzzRun } from '../../src/scenarios/fuzz.ts';
import { toRunSetup } from '../../src/scenarios/schema.ts';
import {
  EVENT_CHUNK,
  EventLog,
  eventPacker,
  followsOn,
  timeAt,
  type Packer,
} from '../../src/store/eventList.ts';
import { MAX_TIMELINE_EVENTS, Recorder, keepEvent } from '../../src/store/recorder.ts';
import type { Action } from '../../src/core/types.ts';

/** Keys in order and values compared with Object.is (so -0 is not 0, NaN is NaN). */
function exactly(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b);
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k, i) =>
        k === kb[i] &&
        exactly((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

const packer = (): Packer<SimEvent> =>
  eventPacker<SimEvent>(
    (e) => e.type !== 'action' && e.type !== 'violation' && e.type !== 'membership',
  );

describe('packed events', () => {
  it.each([4, 7, 9])(
    'every event of fuzz seed %i with every feature reads back exactly, frozen',
    (seed) => {
      const spec = generateFuzzRun(seed, { untilMs: 8_000, everyFeature: true });
      const sim = Simulation.create(toRunSetup(spec.scenario));
      const emitted: SimEvent[] = [];
      sim.onEvent = (e) => {
        emitted.push(keepEvent(e));
      };
      sim.runUntil(8_000);
      expect(emitted.length).toBeGreaterThan(EVENT_CHUNK);
      const log = new EventLog<SimEvent>(packer());
      for (const e of emitted) log.push(e);
      const list = log.list();
      expect(list.chunks.filter((c) => !Array.isArray(c)).length).toBe(
        Math.floor(emitted.length / EVENT_CHUNK),
      );
      const types = new Set<string>();
      emitted.forEach((e, i) => {
        const back = list.at(i) as SimEvent;
        types.add(e.type);
        if (!exactly(back, e)) expect(back).toEqual(e);
        expect(exactly(back, e)).toBe(true);
        expect(Object.isFrozen(back)).toBe(true);
        expect(timeAt(list, i)).toBe(e.time);
      });
      // The runs cover the kinds of events that matter (kept as they are, and encoded).
      for (const t of ['action', 'commit', 'clientSend', 'clientReply', 'vote']) {
        expect(types.has(t)).toBe(true);
      }
    },
  );

  it('keeps values JSON would change, key order, and events it cannot encode', () => {
    const odd = [
      { type: 'commit', time: 1, server: -0, index: Number.NaN },
      { type: 'commit', index: Infinity, time: 2, server: 1 },
      { type: 'clientRedirect', time: 3, client: 1, seq: 2, server: 3, leaderHint: null },
      { type: 'crash', time: 4, server: 1, note: undefined },
      { type: 'vote', time: 5, voter: 1, candidate: 2, term: 3, granted: false },
      { type: 'crash', time: 6, server: { nested: true } },
    ] as unknown as SimEvent[];
    const log = new EventLog<SimEvent>(packer());
    for (let i = 0; i < EVENT_CHUNK; i++) log.push(odd[i % odd.length] as SimEvent);
    const list = log.list();
    expect(Array.isArray(list.chunks[0])).toBe(false);
    for (let i = 0; i < odd.length; i++) expect(exactly(list.at(i), odd[i])).toBe(true);
    expect(Object.keys(list.at(1) as object)).toEqual(['type', 'index', 'time', 'server']);
    expect('note' in (list.at(3) as object)).toBe(true);
    // Not encodable (an object value): the event itself.
    expect(list.at(5)).toBe(odd[5]);
  });

  it('tells a trimmed front, growth and other changes apart by position', () => {
    const log = new EventLog<number>();
    for (let i = 0; i < 3 * EVENT_CHUNK; i++) log.push(i);
    const a = log.list();
    expect(followsOn(a, log.list()).kind).toBe('same');
    log.push(-1);
    const b = log.list();
    expect(followsOn(a, b).kind).toBe('grew');
    log.dropFirstChunk();
    const c = log.list();
    expect(followsOn(b, c)).toEqual({ kind: 'trimmed', dropped: EVENT_CHUNK });
    expect(followsOn(c, b).kind).toBe('other');
    log.truncate(c.length - 1);
    expect(followsOn(c, log.list()).kind).toBe('other');
    const d = log.list();
    log.load(c);
    expect(followsOn(d, log.list()).kind).toBe('other');
    log.clear();
    expect(followsOn(c, log.list()).kind).toBe('other');
    // Plain arrays: by their first and last items, as before.
    expect(followsOn([1, 2], [1, 2, 3]).kind).toBe('grew');
    expect(followsOn([1, 2], [0, 2, 3]).kind).toBe('other');
  });
});

describe("the recorder's packed lists", () => {
  it('publish the events a listener sees, through drops, seeks and a fork', () => {
    const rec2 = new Recorder({ seed: 3, config: withDefaults({ servers: 5 }), actions: [] });
    // A busy run, so the list reaches its cap and drops its oldest chunks.
    let i = 0;
    for (let t = 50; t <= 160_000; t += 50) {
      while (rec2.advanceTo(t, 1_000_000) === 'budget');
      if (t % 100 === 0) {
        rec2.act({ at: t, do: 'request', command: `set k${i % 7} ${i}`, client: 1 } as Action);
        i++;
      }
    }
    const list = rec2.events;
    expect(list.length).toBeGreaterThan(MAX_TIMELINE_EVENTS - EVENT_CHUNK);
    expect(list.start).toBeGreaterThan(0);
    const straight = Simulation.create({ ...rec2.runSetup() });
    const notable: SimEvent[] = [];
    straight.onEvent = (e) => {
      if (e.type !== 'send' && e.type !== 'deliver') notable.push(e);
    };
    straight.runUntil(rec2.endTime);
    const window = notable.slice(list.start, list.start + list.length);
    expect(window.length).toBe(list.length);
    window.forEach((e, k) => expect(exactly(list.at(k), e)).toBe(true));
    // A seek back and a fork: the list is cut back, the views start over.
    rec2.seek(150_000);
    rec2.act({ at: 0, do: 'crash', server: 1 } as Action);
    expect(followsOn(list, rec2.events).kind).toBe('other');
    // The client log the history check reads (kept as objects) reads back exactly too.
    const { count } = rec2.clientLog;
    const clients = notable.filter((e) => e.type === 'clientSend' || e.type === 'clientReply');
    expect(count).toBeGreaterThan(EVENT_CHUNK);
    for (let k = 0; k < count; k++) expect(exactly(rec2.clientEventAt(k), clients[k])).toBe(true);
  });
});
