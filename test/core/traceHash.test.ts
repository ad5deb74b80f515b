/**
 * The trace hash is defined as two FNV-1a hashes over `JSON.stringify(event)`; traceHash.ts feeds
 * the same characters without building the text. These tests hold it to the definition: on every
 * event of real runs, and on values chosen to break a hand-written JSON writer.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, Simulation, type Action, type SimEvent } from '../../src/core/index.ts';
import { fnv1a32 } from '../../src/core/prng.ts';
import {
  hashAppend,
  hashApply,
  hashClientReply,
  hashClientSend,
  hashCommit,
  hashDeliver,
  hashEvent,
  hashReplicate,
  hashRequestAction,
  hashSend,
  type TraceState,
} from '../../src/core/traceHash.ts';
import { canonicalAction } from '../../src/core/actionOrder.ts';
import { BUG_IDS } from '../../src/core/types.ts';
import { generateFuzzRun } from '../../src/scenarios/fuzz.ts';
import { toRunSetup } from '../../src/scenarios/schema.ts';

const ACTIONS: Action[] = [
  { at: 700, do: 'request', command: 'set x 1' },
  { at: 900, do: 'request', command: 'incr n', client: 2 },
  { at: 1500, do: 'crash', server: 2 },
  {
    at: 1600,
    do: 'partition',
    groups: [
      [1, 3],
      [2, 4, 5],
    ],
  },
  { at: 2500, do: 'network', loss: [1, 10], duplication: [1, 10] },
  { at: 3000, do: 'heal' },
  { at: 3100, do: 'restart', server: 2 },
  { at: 3300, do: 'request', command: 'get x', client: 3 },
];

/** The definition: JSON text, then FNV-1a into h1 and into h2 salted per event. */
function byDefinition(trace: TraceState, event: unknown): void {
  const text = JSON.stringify(event);
  trace.h1 = fnv1a32(text, trace.h1);
  trace.h2 = fnv1a32(text, trace.h2 ^ 0x9e3779b9);
  trace.events += 1;
}

function fresh(): TraceState {
  return { h1: 0x811c9dc5, h2: 0x01234567, events: 0 };
}

function expectSameHash(values: readonly unknown[]): void {
  for (const v of values) {
    const expected = fresh();
    const actual = fresh();
    byDefinition(expected, v);
    hashEvent(actual, v as SimEvent);
    expect({ value: v, ...actual }).toEqual({ value: v, ...expected });
  }
}

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

describe('trace hash', () => {
  it('equals FNV-1a over JSON.stringify on every event of a run with crashes, partitions and loss', () => {
    const sim = Simulation.create({ seed: 2026, config: DEFAULT_CONFIG, actions: ACTIONS });
    const events: SimEvent[] = [];
    sim.onEvent = (e) => events.push(e);
    sim.runUntil(6_000);
    expect(events.length).toBeGreaterThan(500);
    const expected = fresh();
    for (const e of events) byDefinition(expected, e);
    expect(sim.state.trace).toEqual(expected);
    // Every kind of event the run produced, one by one too.
    expectSameHash([...new Map(events.map((e) => [e.type, e])).values()]);
  });

  it('writes numbers as JSON does', () => {
    expectSameHash([
      { n: 0 },
      { n: -0 },
      { n: 7 },
      { n: -7 },
      { n: 10 },
      { n: 100 },
      { n: 1_000_000 },
      { n: 2_147_483_647 },
      { n: 2_147_483_648 },
      { n: -2_147_483_648 },
      { n: Number.MAX_SAFE_INTEGER },
      { n: -Number.MAX_SAFE_INTEGER },
      { n: 1e21 },
      { n: 1.5 },
      { n: -0.25 },
      { n: 1e-7 },
      { n: Number.NaN },
      { n: Number.POSITIVE_INFINITY },
      { n: Number.NEGATIVE_INFINITY },
      [1, 22, 333, -4444],
    ]);
    // Digits go in pairs after the leading one or two (traceHash.ts's number()): every count of
    // digits, both sides of each power of ten, zeros inside, and every pair as the leading one.
    const edges: number[] = [];
    for (let p = 1; p <= 1_000_000_000; p *= 10) edges.push(p - 1, p, p + 1, p * 2 + 5);
    const spread = [101, 1001, 10_010, 100_100, 1_000_001, 20_406_080, 123_456_789, 1_000_000_009];
    const leading = Array.from({ length: 100 }, (_, i) => i * 100 + 7);
    expectSameHash(
      [...edges, ...spread, ...leading, 2_147_483_646].flatMap((n) => [{ n }, { n: -n }, [n, n]]),
    );
  });

  it('escapes strings as JSON does', () => {
    expectSameHash([
      { s: '' },
      { s: 'set x 1' },
      { s: 'say "hi"' },
      { s: 'back\\slash' },
      { s: 'line\nbreak\ttab\r\u0000\u001f' },
      { s: 'ünïcödé ∑ 漢字' },
      { s: 'pair 😀 ok' },
      { s: 'lone \ud800 high' },
      { s: 'lone \udc00 low' },
      { s: '\u2028\u2029' },
      { 'key "quoted"': 1, 'new\nline': 2 },
    ]);
  });

  it('takes keys, nesting and skipped values as JSON does', () => {
    const nullProto = Object.assign(Object.create(null) as object, { b: 1, a: 2 });
    expectSameHash([
      { b: 1, a: 2, 10: 'ten', 2: 'two', z: null },
      { keep: 1, gone: undefined, fn: () => 1, sym: Symbol('s'), last: true },
      [undefined, () => 1, null, false],
      { nested: { deeper: [{ x: [1, [2, [3]]] }, {}] }, empty: [] },
      { when: new Date(0) },
      { custom: { toJSON: () => 'custom' } },
      { point: new Point(1, 2) },
      { nullProto },
      { map: new Map([[1, 2]]), set: new Set([1]) },
      { type: 'violation', violation: { invariant: 'INV-LM', servers: [1, 2], indexes: [3] } },
    ]);
  });

  it('ignores keys inherited from a polluted Object.prototype, as JSON does', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 'yes';
    try {
      expectSameHash([{ type: 'send', id: 1 }, { nested: { a: [1] } }]);
    } finally {
      delete proto.polluted;
    }
  });

  it('hashes sends and deliveries written by hand exactly as hashEvent hashes the events', () => {
    const numbers = [0, 1, 9, 10, 12_345, -3, -0, 2_147_483_648, 1.5, Number.NaN];
    const names = ['AppendEntries', 'ClientReply', '', 'say "hi"', 'ünï\n😀', 'lone \ud800'];
    let k = 0;
    for (const n of numbers) {
      for (const msg of names) {
        k += 1;
        const at = numbers[(k * 7) % numbers.length] as number;
        const send = {
          type: 'send',
          id: n,
          from: -k,
          to: at,
          msg,
          deliverMs: k * 1_000 + 0.5 * (k % 2),
          duplicate: k % 3 === 0,
          time: n,
        } as unknown as SimEvent;
        const deliver = { type: 'deliver', id: k, from: n, to: -at, msg, time: at };
        const expected = fresh();
        const actual = fresh();
        byDefinition(expected, send);
        byDefinition(expected, deliver);
        const e = send as Extract<SimEvent, { type: 'send' }>;
        hashSend(actual, e.id, e.from, e.to, e.msg, e.deliverMs, e.duplicate, e.time);
        hashDeliver(actual, k, n, -at, msg, at);
        expect({ send, deliver, ...actual }).toEqual({ send, deliver, ...expected });
      }
    }
  });
  it('hashes the other frequent events written by hand exactly as JSON.stringify writes them', () => {
    const numbers = [0, 1, 9, 10, 12_345, -3, -0, 2_147_483_648, 1.5, Number.NaN];
    const texts = ['set x 1', '', 'say "hi"', 'back\\slash', 'ünï\n😀', 'lone \ud800', '(nil)'];
    let k = 0;
    for (const n of numbers) {
      for (const text of texts) {
        k += 1;
        const m = numbers[(k * 7) % numbers.length] as number;
        const other = texts[(k * 3) % texts.length] as string;
        const commit = { type: 'commit', server: n, index: m, time: k };
        const apply = {
          type: 'apply',
          server: m,
          index: n,
          command: text,
          result: other,
          duplicate: k % 2 === 0,
          time: n,
        };
        const replicate = {
          type: 'replicate',
          server: k,
          leader: n,
          fromIndex: m,
          toIndex: -k,
          time: m,
        };
        const append = { type: 'append', server: n, index: k, term: m, command: other, time: -k };
        const clientSend = {
          type: 'clientSend',
          client: k,
          seq: n,
          server: m,
          command: text,
          attempt: n,
          time: m,
        };
        const clientReply = {
          type: 'clientReply',
          client: m,
          seq: k,
          server: n,
          result: text,
          time: k,
        };
        const made = { commit, apply, replicate, append, clientSend, clientReply };
        const expected = fresh();
        const actual = fresh();
        for (const e of Object.values(made)) byDefinition(expected, e);
        hashCommit(actual, n, m, k);
        hashApply(actual, m, n, text, other, k % 2 === 0, n);
        hashReplicate(actual, k, n, m, -k, m);
        hashAppend(actual, n, k, m, other, -k);
        hashClientSend(actual, k, n, m, text, n, m);
        hashClientReply(actual, m, k, n, text, k);
        expect({ made, ...actual }).toEqual({ made, ...expected });
      }
    }
  });

  it('equals FNV-1a over JSON.stringify of every event on fuzz runs of every feature and bug', () => {
    // The hand-written writers (sends, deliveries and the other frequent events) against the
    // definition on the events a listener receives, over many kinds of runs.
    const kinds: Record<string, number> = {};
    for (let seed = 1; seed <= 24; seed++) {
      const bug = BUG_IDS[seed % BUG_IDS.length] as (typeof BUG_IDS)[number];
      const options =
        seed % 3 === 0 ? { everyFeature: true } : seed % 3 === 1 ? { bugs: [bug] } : {};
      const spec = generateFuzzRun(seed, { untilMs: 12_000, ...options });
      const sim = Simulation.create(toRunSetup(spec.scenario));
      const expected = fresh();
      sim.onEvent = (e) => {
        byDefinition(expected, e);
        kinds[e.type] = (kinds[e.type] ?? 0) + 1;
      };
      sim.runUntil(12_000);
      expect({ seed, ...sim.state.trace }).toEqual({ seed, ...expected });
    }
    const written = ['send', 'deliver', 'commit', 'apply', 'replicate', 'append', 'clientSend'];
    for (const type of [...written, 'clientReply', 'drop', 'action']) {
      expect(kinds[type] ?? 0).toBeGreaterThan(50);
    }
  });
  it('hashes a request action written by hand as its canonical event, and leaves any other alone', () => {
    const built: unknown[] = [
      { at: 700, do: 'request', command: 'set x 1' },
      { command: 'get "x"', do: 'request', at: 1.5 },
      { client: 3, command: 'incr n', do: 'request', server: 2, at: 0 },
      { at: -0, do: 'request', command: 'ünï\n😀', server: undefined, client: 9 },
      { at: Number.NaN, server: 4, do: 'request', command: '' },
      { at: 2_147_483_648, do: 'request', command: 'lone \ud800', client: undefined },
    ];
    const proto = Object.create({ inherited: 1 }) as Record<string, unknown>;
    Object.assign(proto, { at: 5, do: 'request', command: 'set y 2' });
    const others: unknown[] = [
      { at: 5, do: 'request', command: 'set y 2', server: null },
      { at: 5, do: 'request', command: 'set y 2', note: 'extra' },
      { at: 5, do: 'request', command: 7 },
      { at: '5', do: 'request', command: 'set y 2' },
      { at: 5, do: 'crash', server: 1 },
      proto,
    ];
    for (const [i, action] of built.entries()) {
      const expected = fresh();
      const actual = fresh();
      byDefinition(expected, {
        type: 'action',
        action: canonicalAction(action as Action),
        time: i,
      });
      expect(hashRequestAction(actual, action as Action, i)).toBe(true);
      expect({ action, ...actual }).toEqual({ action, ...expected });
    }
    for (const action of others) {
      const untouched = fresh();
      expect(hashRequestAction(untouched, action as Action, 1)).toBe(false);
      expect(untouched).toEqual(fresh());
    }
  });
});
