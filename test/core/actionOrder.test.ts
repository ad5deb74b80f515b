/**
 * The trace hash is over a canonical encoding (the design determinism contract): an action built
 * with its keys in another order (the lab stamps `{ ...action, at }`, a file lists `at` first) is
 * the same action, and the same run must give the same hash, as a share link promises.
 */
import { describe, expect, it } from 'vitest';
import { canonicalAction } from '../../src/core/actionOrder.ts';
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
