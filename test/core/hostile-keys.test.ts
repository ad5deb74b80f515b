/**
 * Keys are data (issue 7): a key named like an `Object.prototype` member behaves like any other
 * key through set, get, incr, cas and del, on every server, and the whole state still copies
 * (checkpoints, time travel). Before the fix `set __proto__ 1` was lost, `get constructor` answered
 * a function that then sat in the session table (so checkpoint() threw DataCloneError), and
 * `incr __proto__` answered 1 twice.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, Simulation, type Action } from '../../src/core/index.ts';
import { applyEntry, execute, parseCommand } from '../../src/core/kv.ts';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

/** The commands one client sends for a key, and the answers a correct store gives, in order. */
const SCRIPT: [string, string][] = [
  ['get K', '(nil)'],
  ['set K 5', 'ok'],
  ['get K', '5'],
  ['incr K', '6'],
  ['incr K', '7'],
  ['cas K 7 9', 'ok'],
  ['cas K 7 1', 'fail: K=9'],
  ['get K', '9'],
  ['del K', 'ok'],
  ['get K', '(nil)'],
  ['del K', '(nil)'],
  ['incr K', '1'],
];

describe('Object.prototype names as keys (issue 7)', () => {
  it('covers the dangerous names', () => {
    expect(PROTOTYPE_NAMES).toEqual(
      expect.arrayContaining(['__proto__', 'constructor', 'toString', 'hasOwnProperty']),
    );
  });

  it.each(PROTOTYPE_NAMES)('the state machine treats %s like any key', (name) => {
    const kv: Record<string, string> = {};
    for (const [template, expected] of SCRIPT) {
      const command = parseCommand(template.replaceAll('K', name));
      expect(command, template).not.toBeNull();
      if (command === null) continue;
      expect(execute(kv, command), template).toBe(expected.replaceAll('K', name));
    }
    expect(Object.keys(kv)).toEqual([name]);
    expect(Object.getPrototypeOf(kv)).toBe(Object.prototype);
    expect(structuredClone(kv)).toEqual(kv);
    expect(JSON.parse(JSON.stringify(kv))).toEqual({ [name]: '1' });
  });

  it('a session never stores anything but the answer, for any key', () => {
    const kv: Record<string, string> = {};
    const sessions = {};
    const entry = { term: 1, command: 'get constructor', client: { client: 1, seq: 1 }, id: 'e1' };
    const first = applyEntry(kv, sessions, entry, true);
    const again = applyEntry(kv, sessions, entry, true);
    expect([first.result, again.result, again.duplicate]).toEqual(['(nil)', '(nil)', true]);
    expect(() => structuredClone(sessions)).not.toThrow();
  });

  it('a cluster answers every name exactly, and its state checkpoints and replays', () => {
    const actions: Action[] = [];
    let at = 1_000;
    for (const name of PROTOTYPE_NAMES) {
      for (const [template] of SCRIPT) {
        actions.push({ at, do: 'request', command: template.replaceAll('K', name), client: 1 });
        at += 5;
      }
    }
    const setup = { seed: 11, config: { ...DEFAULT_CONFIG, servers: 3 }, actions };
    const sim = Simulation.create(setup);
    sim.runUntil(at + 30_000);
    const answers = sim.state.clients[0]?.done ?? [];
    // The client keeps its newest answers: compare those with the script.
    const expected = PROTOTYPE_NAMES.flatMap((name) =>
      SCRIPT.map(([template, result]) => [
        template.replaceAll('K', name),
        result.replaceAll('K', name),
      ]),
    );
    expect(answers.length).toBeGreaterThan(0);
    const tail = expected.slice(expected.length - answers.length);
    expect(answers.map((r) => [r.command, r.result])).toEqual(tail);
    expect(sim.violations).toEqual([]);
    for (const s of sim.state.servers) {
      expect(Object.keys(s.kv).sort(), `S${s.id}`).toEqual(PROTOTYPE_NAMES);
      expect(Object.values(s.kv).every((v) => v === '1')).toBe(true);
    }
    // Checkpoints (structuredClone) survive, and a resumed copy ends with the same hash.
    const mid = Simulation.create(setup);
    mid.runUntil(at / 2);
    const resumed = Simulation.fromState(mid.checkpoint());
    resumed.runUntil(at + 30_000);
    expect(resumed.traceHash).toBe(sim.traceHash);
    expect(JSON.parse(JSON.stringify(sim.result())).servers[0].kv).toEqual(
      Object.fromEntries(PROTOTYPE_NAMES.map((n) => [n, '1'])),
    );
  });

  it('keys may be paths as long as the ones Kubernetes keeps in etcd', () => {
    const key = '/registry/pods/kube-system/coredns-5d78c9869d-abcde';
    expect(parseCommand(`set ${key} node-2`)).toEqual({ op: 'set', key, value: 'node-2' });
    expect(parseCommand(`set ${'k'.repeat(120)} v`)).not.toBeNull();
    expect(parseCommand(`set ${'k'.repeat(121)} v`)).toBeNull();
    expect(parseCommand(`set k ${'v'.repeat(65)}`)).toBeNull();
    expect(parseCommand('set a<b 1')).toBeNull();
  });
});
