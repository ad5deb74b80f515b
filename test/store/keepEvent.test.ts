/**
 * What the recorder keeps of each event (keepEvent, src/store/recorder.ts): an event whose fields
 * are all plain values is kept as the core emitted it, only frozen (no copy per event); one that
 * holds an object (an action, a violation, a configuration change's servers) is copied first, so
 * freezing it never freezes or shares something the live simulation still holds.
 */
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/core/types.ts';
import { Recorder, frozenAction, keepEvent } from '../../src/store/recorder.ts';
import type { Action } from '../../src/core/types.ts';
import { defaultSetup } from '../../src/store/slices/simulation.ts';

describe('keepEvent', () => {
  it('keeps a plain event as it is, frozen', () => {
    const commit: SimEvent = { type: 'commit', time: 5, server: 2, index: 7 };
    const kept = keepEvent(commit);
    expect(kept).toBe(commit);
    expect(Object.isFrozen(kept)).toBe(true);
  });

  it.each<SimEvent>([
    { type: 'action', time: 1, action: { at: 1, do: 'crash', server: 2 } },
    {
      type: 'action',
      time: 4,
      action: {
        at: 4,
        do: 'partition',
        groups: [
          [1, 2],
          [3, 4, 5],
        ],
      },
    },
    {
      type: 'membership',
      time: 2,
      server: 1,
      phase: 'start',
      command: 'add 4',
      servers: [1, 2, 3, 4],
    },
    {
      type: 'violation',
      time: 3,
      violation: {
        invariant: 'INV-ES',
        time: 3,
        servers: [1, 2],
        message: 'two leaders in term 2',
      } as Extract<SimEvent, { type: 'violation' }>['violation'],
    },
  ])('copies a $type event, leaving the live objects it holds unfrozen', (e) => {
    const live = Object.values(e).filter((v) => typeof v === 'object' && v !== null);
    expect(live.length).toBeGreaterThan(0);
    const kept = keepEvent(e);
    expect(kept).not.toBe(e);
    expect(kept).toEqual(e);
    expect(Object.isFrozen(kept)).toBe(true);
    for (const [key, v] of Object.entries(kept)) {
      if (typeof v !== 'object' || v === null) continue;
      expect(Object.isFrozen(v)).toBe(true);
      expect(v).not.toBe((e as unknown as Record<string, unknown>)[key]);
    }
    for (const v of live) expect(Object.isFrozen(v)).toBe(false);
  });
});

describe('frozenAction', () => {
  it('copies an action of plain values key by key, frozen and equal', () => {
    const request = { at: 3, do: 'request', command: 'set x 1', client: 2 } as Action;
    const kept = frozenAction(request);
    expect(kept).not.toBe(request);
    expect(kept).toEqual(request);
    expect(Object.keys(kept)).toEqual(Object.keys(request));
    expect(Object.isFrozen(kept)).toBe(true);
    expect(Object.isFrozen(request)).toBe(false);
  });

  it('clones an action that holds objects, so changing the original changes nothing kept', () => {
    const groups = [
      [1, 2],
      [3, 4, 5],
    ];
    const partition = { at: 1, do: 'partition', groups } as Action;
    const kept = frozenAction(partition) as Extract<Action, { do: 'partition' }>;
    groups[0]?.push(3);
    expect(kept.groups).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
    expect(Object.isFrozen(kept.groups) && kept.groups.every(Object.isFrozen)).toBe(true);
    expect(Object.isFrozen(groups)).toBe(false);
  });

  it('keeps no symbol key and no prototype of a hostile action', () => {
    const tag = Symbol('tag');
    const withSymbol = { at: 1, do: 'crash', server: 2, [tag]: 'x' } as unknown as Action;
    const kept = frozenAction(withSymbol);
    expect(Object.getOwnPropertySymbols(kept)).toEqual([]);
    expect(kept).toEqual({ at: 1, do: 'crash', server: 2 });
    const proto = { server: 9 };
    const inherits = Object.assign(Object.create(proto) as object, { at: 1, do: 'crash' });
    const copy = frozenAction(inherits as Action);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect('server' in copy).toBe(false);
  });

  it('keeps an own "__proto__" key of an action read from JSON as a key, in the log and the event', () => {
    const hostile = JSON.parse('{"at":1,"do":"crash","server":2,"__proto__":7}') as Action;
    expect(Object.hasOwn(hostile, '__proto__')).toBe(true);
    for (const kept of [
      frozenAction(hostile),
      (
        keepEvent({ type: 'action', time: 1, action: hostile }) as Extract<
          SimEvent,
          { type: 'action' }
        >
      ).action,
    ]) {
      expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
      expect(Object.hasOwn(kept, '__proto__')).toBe(true);
      expect(JSON.stringify(kept)).toBe(JSON.stringify(hostile));
      expect(Object.isFrozen(kept)).toBe(true);
    }
  });

  it('is what the recorder logs for a request: a copy stamped with the current time', () => {
    const rec = new Recorder(defaultSetup(3, 1));
    rec.advanceTo(500, 1_000_000);
    const request = { at: 0, do: 'request', command: 'set a 1', client: 1 } as Action;
    const stamped = rec.act(request);
    expect(stamped).toEqual({ ...request, at: 500 });
    expect(Object.isFrozen(stamped)).toBe(true);
    expect(request.at).toBe(0);
  });
});
