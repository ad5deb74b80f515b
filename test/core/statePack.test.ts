/**
 * Checkpoints keep the state without its long lists as one string (packState, src/core/stateCopy.ts)
 * rather than a structured clone of a few hundred objects, and share their arrays of list stores,
 * their nesting and their clients' answered requests with the snapshot before when those did not
 * change. A packed state must come back exactly as a structured clone would give it (holes,
 * undefined items, NaN, infinities, −0, key order, a key named __proto__); what JSON cannot hold
 * exactly is left to a structured clone.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, withDefaults } from '../../src/core/index.ts';
import { packState, unpackState, unpackedSnapshots } from '../../src/core/stateCopy.ts';
import type { Action } from '../../src/core/types.ts';
import { generateFuzzRun } from '../../src/scenarios/fuzz.ts';
import { toRunSetup } from '../../src/scenarios/schema.ts';

/** `items` with a hole at each of `at`. */
function withHoles(items: unknown[], ...at: number[]): unknown[] {
  for (const i of at) delete items[i];
  return items;
}

/** Every own key in order, every value (−0 and NaN told apart), holes told from undefined. */
function describeValue(v: unknown): unknown {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : v;
  if (typeof v !== 'object' || v === null) return v === undefined ? '<undefined>' : v;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) out.push(i in v ? describeValue(v[i]) : '<hole>');
    return { array: out };
  }
  return Object.keys(v).map((k) => [k, describeValue((v as Record<string, unknown>)[k])]);
}

describe('packState', () => {
  it('gives back what a structured clone gives, values JSON cannot hold included', () => {
    const kv = JSON.parse('{"__proto__":"1","toString":"2","10":"3","b":"4"}') as object;
    const bare = Object.create(null) as Record<string, unknown>;
    bare.x = 1;
    // eslint-disable-next-line no-sparse-arrays
    const holey = [, 1, , undefined, NaN, Infinity, -Infinity, -0, 0, 'x'];
    const state = {
      kv,
      bare,
      lists: [holey, [withHoles([0, withHoles([0, -0], 0)], 0)], []],
      nested: { deep: { deeper: [NaN, { z: -Infinity }] } },
      text: 'a "quoted" \\ line\nwith \u2028 and a lone \ud800 surrogate',
      flags: [true, false, null],
    };
    const packed = packState(state);
    expect(typeof packed).toBe('string');
    const back = unpackState<typeof state>(packed as string);
    expect(describeValue(back)).toEqual(describeValue(structuredClone(state)));
    expect(Object.getPrototypeOf(back.bare)).toBe(Object.prototype);
    expect(Object.hasOwn(back.kv, '__proto__')).toBe(true);
    // Unpacking twice gives two separate states.
    const again = unpackState<typeof state>(packed as string);
    expect(again).not.toBe(back);
    expect(again.lists[0]).not.toBe(back.lists[0]);
  });

  it('joins an object reached twice back into one, as a structured clone does', () => {
    const entry = { term: 2, id: 'e7', command: 'set a 1' };
    // eslint-disable-next-line no-sparse-arrays
    const inner = [, NaN];
    const state = {
      inFlight: [
        { to: 2, body: { entries: [entry, { term: 2, id: 'e8' }] } },
        { to: 3, body: { entries: [entry] } },
      ],
      again: { inner, list: [inner, entry] },
    };
    const back = unpackState<typeof state>(packState(state) as string);
    expect(describeValue(back)).toEqual(describeValue(structuredClone(state)));
    const [first, second] = back.inFlight;
    expect(second?.body.entries[0]).toBe(first?.body.entries[0]);
    expect(back.again.list[1]).toBe(first?.body.entries[0]);
    expect(back.again.list[0]).toBe(back.again.inner);
    expect(1 in back.again.inner && !(0 in back.again.inner)).toBe(true);
  });

  it.each<[string, () => unknown]>([
    ['a Map', () => ({ m: new Map([[1, 2]]) })],
    ['a class instance', () => ({ d: new Date(0) })],
    ['a typed array', () => ({ t: new Int32Array(2) })],
    [
      'a cycle',
      () => {
        const loop: Record<string, unknown> = { a: 1 };
        loop.self = { back: [loop] };
        return { loop };
      },
    ],
    ['an own property holding undefined', () => ({ a: 1, b: undefined, c: 2 })],
    ['a bigint', () => ({ n: 1n })],
    ['a toJSON property', () => ({ toJSON: 'x' })],
  ])('leaves %s to a structured clone', (_name, make) => {
    expect(packState(make() as object)).toBeNull();
  });
});

/** Requests from three clients, a partition with a minority leader, a crash and a restart. */
function busySetup() {
  const actions: Action[] = [];
  for (let at = 50, i = 0; at <= 20_000; at += 50, i++) {
    actions.push({ at, do: 'request', command: `set k${i % 5} ${i}`, client: (i % 3) + 1 });
  }
  actions.push({
    at: 4_000,
    do: 'partition',
    groups: [
      [1, 2],
      [3, 4, 5],
    ],
  });
  actions.push({ at: 8_000, do: 'heal' });
  actions.push({ at: 11_000, do: 'crash', server: 3 });
  actions.push({ at: 14_000, do: 'restart', server: 3 });
  actions.sort((a, b) => a.at - b.at);
  return { seed: 5, config: withDefaults({ servers: 5, snapshotEvery: 40 }), actions };
}

describe('snapshots', () => {
  it('pack every state of a busy run (partition, crash, compaction), and restore it exactly', () => {
    const sim = Simulation.create(busySetup());
    const before = unpackedSnapshots();
    for (let t = 500; t <= 20_000; t += 500) {
      sim.runUntil(t);
      const snap = sim.snapshot();
      expect(typeof snap.rest).toBe('string');
      const text = JSON.stringify(describeValue(sim.state));
      expect(JSON.stringify(describeValue(Simulation.fromSnapshot(snap).state))).toBe(text);
    }
    expect(unpackedSnapshots()).toBe(before);
  });

  it.each([2, 4, 7])(
    'pack every state of fuzz seed %i with every feature (membership, transfers, follower reads)',
    (seed) => {
      const spec = generateFuzzRun(seed, { untilMs: 6_000, everyFeature: true });
      const sim = Simulation.create(toRunSetup(spec.scenario));
      const before = unpackedSnapshots();
      for (let t = 300; t <= 6_000; t += 300) {
        sim.runUntil(t);
        const snap = sim.snapshot();
        const text = JSON.stringify(describeValue(sim.state));
        expect(JSON.stringify(describeValue(Simulation.fromSnapshot(snap).state))).toBe(text);
      }
      expect(unpackedSnapshots()).toBe(before);
    },
  );

  it('share their arrays of stores, their nesting and answered requests while unchanged', () => {
    const sim = Simulation.create(busySetup());
    sim.runUntil(3_000);
    const a = sim.snapshot();
    const b = sim.snapshot();
    expect(b.stores).toBe(a.stores);
    expect(b.shape).toBe(a.shape);
    expect(b.lengths).toEqual(a.lengths);
    const clients = a.done.filter((d) => d !== undefined);
    expect(clients.length).toBe(3);
    a.done.forEach((d, c) => expect(b.done[c]).toBe(d));
    // More requests answered, entries appended: new lengths and answered lists, the same stores.
    sim.runUntil(3_400);
    const c = sim.snapshot();
    expect(c.stores).toBe(a.stores);
    expect(c.lengths).not.toEqual(a.lengths);
    expect(c.done.some((d, i) => d !== a.done[i])).toBe(true);
    // The earlier snapshots still restore to their own position.
    const replay = Simulation.create(busySetup());
    replay.runUntil(3_000);
    expect(Simulation.fromSnapshot(a).traceHash).toBe(replay.traceHash);
    expect(JSON.stringify(describeValue(Simulation.fromSnapshot(a).state))).toBe(
      JSON.stringify(describeValue(replay.state)),
    );
  });
});
