/**
 * Simulation.appendSortedActions: what a seek uses to give a restored run the actions recorded
 * after its checkpoint. It must leave the run exactly as addAction one by one would (the same
 * pending list, the same trace), in its fast path (a push at the end) and when it falls back
 * (actions that belong before a pending one, a time in the past).
 */
import { describe, expect, it } from 'vitest';
import { Simulation, withDefaults } from '../../src/core/index.ts';
import type { Action } from '../../src/core/types.ts';

const setup = (actions: Action[] = []) => ({
  seed: 4,
  config: withDefaults({ servers: 3 }),
  actions,
});

function requests(from: number, n: number, every = 100): Action[] {
  return Array.from({ length: n }, (_, i): Action => ({
    at: from + i * every,
    do: 'request',
    command: `set k ${i}`,
    client: 1,
  }));
}

/** Two runs given the same actions, one by one and appended; both run to `until`. */
function both(pending: Action[], added: Action[], from: number, until: number) {
  const one = Simulation.create(setup(pending));
  const bulk = Simulation.create(setup(pending));
  one.runUntil(500);
  bulk.runUntil(500);
  for (const a of added.slice(from)) one.addAction(a);
  bulk.appendSortedActions(added, from);
  const lists = [one.state.actions.slice(), bulk.state.actions.slice()];
  one.runUntil(until);
  bulk.runUntil(until);
  return { one, bulk, lists };
}

describe('appendSortedActions', () => {
  it('appends actions in order after the pending ones, as addAction does', () => {
    const added = requests(600, 40);
    const { one, bulk, lists } = both(requests(200, 5, 150), added, 3, 6_000);
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[1]?.slice(-37)).toEqual(added.slice(3));
    expect(bulk.traceHash).toBe(one.traceHash);
    expect(bulk.state.actionCursor).toBe(one.state.actionCursor);
  });

  it('puts an action at the same time as a pending one after it, as addAction does', () => {
    const tie: Action[] = [{ at: 900, do: 'crash', server: 2 }];
    const added: Action[] = [{ at: 900, do: 'restart', server: 2 }, ...requests(950, 3)];
    const { one, bulk, lists } = both(tie, added, 0, 3_000);
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[1]?.map((a) => a.do)).toEqual([
      'crash',
      'restart',
      'request',
      'request',
      'request',
    ]);
    expect(bulk.traceHash).toBe(one.traceHash);
  });

  it('falls back to one by one when the first belongs before a pending action', () => {
    const pending: Action[] = [{ at: 2_000, do: 'crash', server: 3 }];
    const added = requests(700, 20);
    const { one, bulk, lists } = both(pending, added, 0, 5_000);
    expect(lists[1]).toEqual(lists[0]);
    // The crash sits among the requests, at its time.
    expect(lists[1]?.findIndex((a) => a.do === 'crash')).toBe(13);
    expect(bulk.traceHash).toBe(one.traceHash);
  });

  it('refuses an action in the past as addAction does', () => {
    const sim = Simulation.create(setup());
    sim.runUntil(1_000);
    expect(() => sim.appendSortedActions(requests(400, 3))).toThrow(/before the current time/);
    expect(() => sim.appendSortedActions([{ at: 1_000.5, do: 'crash', server: 1 }])).toThrow();
    expect(sim.state.actions).toEqual([]);
  });

  it('appends nothing from past the end', () => {
    const sim = Simulation.create(setup());
    sim.appendSortedActions(requests(100, 3), 3);
    expect(sim.state.actions).toEqual([]);
  });
});
