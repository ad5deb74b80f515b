/**
 * The trace hash is over a canonical encoding (the design determinism contract): an action built
 * with its keys in another order (the lab stamps `{ ...action, at }`, a file lists `at` first) is
 * the same action, and the same run must give the same hash, as a share link promises.
 */
import { describe, expect, it } from 'vitest';
import { canonicalAction, copyAction } from '../../src/core/actionOrder.ts';
import { DEFAULT_CONFIG, Simulation, type Action } from '../../src/core/index.ts';

const reorder = (a: Action): Action =>
  Object.fromEntries(Object.entries(a).reverse()) as unknown as Action;

const ACTIONS: Action[] = [
  { at: 600, do: 'request', command: 'set x 1', server: 2, client: 1 },
  { at: 900, do: 'crash', server: 1 },
  {
    at: 1200,
    do: 'partition',
    groups: [
      [1, 2],
      [3, 4, 5],
    ],
  },
  { at: 1500, do: 'network', latencyMs: [5, 30], loss: [1, 20] },
  { at: 1800, do: 'heal' },
  { at: 1800, do: 'restart', server: 1 },
];

function hashOf(actions: Action[]): string {
  const sim = Simulation.create({ seed: 5, config: DEFAULT_CONFIG, actions });
  sim.runUntil(4000);
  return sim.traceHash;
}

describe('actions in the trace', () => {
  it('hash the same whatever the key order of the action objects', () => {
    expect(hashOf(ACTIONS.map(reorder))).toBe(hashOf(ACTIONS));
  });

  it('are put in one key order, unknown keys last and undefined values dropped', () => {
    const a = { command: 'get x', do: 'request', at: 3, server: undefined } as unknown as Action;
    expect(Object.keys(canonicalAction(a))).toEqual(['at', 'do', 'command']);
    const b = { zz: 1, ms: 2, at: 0, do: 'nextTimeout', server: 1 } as unknown as Action;
    expect(Object.keys(canonicalAction(b))).toEqual(['at', 'do', 'server', 'ms', 'zz']);
  });
});

describe('copyAction', () => {
  class Stamped {
    at = 7;
    do = 'heal';
  }

  it('copies as structuredClone does: same keys in the same order, nothing shared', () => {
    const withUndefined = { at: 5, do: 'request', command: 'get x', server: undefined };
    const inherited = Object.assign(Object.create({ extra: 1 }) as object, { at: 6, do: 'heal' });
    const cases: unknown[] = [
      ...ACTIONS,
      ...ACTIONS.map(reorder),
      withUndefined,
      inherited,
      new Stamped(),
      { at: 8, do: 'network', latencyMs: null },
    ];
    for (const action of cases) {
      const copy = copyAction(action as Action);
      const clone = structuredClone(action);
      expect(copy).not.toBe(action);
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect(Object.entries(copy)).toEqual(Object.entries(clone as object));
      expect(JSON.stringify(copy)).toBe(JSON.stringify(clone));
    }
  });

  it('leaves out keys inherited from a polluted Object.prototype, as structuredClone does', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 'yes';
    try {
      const action: Action = { at: 1, do: 'crash', server: 2 };
      expect(Object.hasOwn(copyAction(action), 'polluted')).toBe(false);
      expect(Object.keys(copyAction(action))).toEqual(['at', 'do', 'server']);
    } finally {
      delete proto.polluted;
    }
  });

  it('copies nested lists deeply', () => {
    const partition = ACTIONS[2] as Extract<Action, { do: 'partition' }>;
    const copy = copyAction(partition) as Extract<Action, { do: 'partition' }>;
    expect(copy).toEqual(partition);
    expect(copy.groups).not.toBe(partition.groups);
    expect(copy.groups[0]).not.toBe(partition.groups[0]);
  });

  it('refuses what structuredClone refuses', () => {
    const bad = { at: 1, do: 'heal', note: () => 1 } as unknown as Action;
    expect(() => structuredClone(bad)).toThrow();
    expect(() => copyAction(bad)).toThrow();
  });

  it('a run keeps its own copy of the actions it was given', () => {
    const actions: Action[] = [{ at: 600, do: 'request', command: 'set x 1' }];
    const sim = Simulation.create({ seed: 5, config: DEFAULT_CONFIG, actions });
    (actions[0] as { command: string }).command = 'set x 2';
    expect(sim.state.actions).toEqual([{ at: 600, do: 'request', command: 'set x 1' }]);
  });
});
