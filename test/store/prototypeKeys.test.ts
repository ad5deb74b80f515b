/**
 * Keys are data in the published frames too (issue 7): the store's frozen copies of each server's
 * key-value store keep a key named `__proto__` (freezeRecord used to assign `out[k] = v`, which
 * drops it), and playing, seeking and stepping back over a run that uses every Object.prototype
 * name as a key never throws and always shows what the core computes headless.
 */
import { describe, expect, it } from 'vitest';
import { toRunSetup } from '../../src/scenarios/schema.ts';
import { createLabStore } from '../../src/store/createLabStore.ts';
import { freezeRecord } from '../../src/store/frame.ts';
import type { LabStore } from '../../src/store/types.ts';
import {
  END_MS,
  expectedKv,
  prototypeKeyScenario,
  resultAt,
  rowsOf,
} from '../scenarios/prototypeKeys.ts';
import { playUntil } from './playKit.ts';

/** What the views get: each server's rows in key order (own `__proto__` properties included). */
function shownKv(store: LabStore): [string, string][][] {
  return store.getState().frame.servers.map((s) => rowsOf(s.kv));
}

describe('freezeRecord', () => {
  it('keeps every key as an own property, sorted, on a plain object', () => {
    const live = JSON.parse('{"toString":"2","__proto__":"1","constructor":"3"}') as Record<
      string,
      string
    >;
    const copy = freezeRecord(live);
    expect(Object.keys(copy)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toBe('1');
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.isFrozen(copy)).toBe(true);
    expect(JSON.stringify(structuredClone(copy))).toBe(
      '{"__proto__":"1","constructor":"3","toString":"2"}',
    );
  });

  it('copies object values without touching the copy’s prototype', () => {
    const live = JSON.parse('{"__proto__":{"seq":1,"response":"ok"}}') as Record<string, object>;
    const copy = freezeRecord(live);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({
      seq: 1,
      response: 'ok',
    });
  });
});

describe('a run whose keys are Object.prototype names', () => {
  const scenario = prototypeKeyScenario();
  const expected = rowsOf(expectedKv());

  it('plays, seeks and steps back showing what the core computes', () => {
    const store = createLabStore({ setup: toRunSetup(scenario), speed: 2, clock: () => 0 });
    playUntil(store, END_MS);
    store.getState().seek(END_MS);
    const end = resultAt(scenario, END_MS);
    expect(store.getState().frame.traceHash).toBe(end.traceHash);
    expect(shownKv(store)).toEqual([expected, expected, expected]);
    expect(shownKv(store)).toEqual(end.servers.map((s) => rowsOf(s.kv)));
    expect(store.getState().notice).toBeNull();

    const middle = Math.round(END_MS / 2);
    store.getState().seek(middle);
    const atMiddle = resultAt(scenario, middle);
    expect(store.getState().frame.traceHash).toBe(atMiddle.traceHash);
    expect(shownKv(store)).toEqual(atMiddle.servers.map((s) => rowsOf(s.kv)));
    expect(shownKv(store).flat().length).toBeGreaterThan(0);

    store.getState().seek(END_MS);
    expect(store.getState().frame.traceHash).toBe(end.traceHash);
    store.getState().stepBack();
    store.getState().stepBack();
    expect(store.getState().frame.time).toBeLessThanOrEqual(END_MS);
    store.getState().stepForward();
    store.getState().stepForward();
    store.getState().seek(END_MS);
    expect(store.getState().frame.traceHash).toBe(end.traceHash);
    expect(shownKv(store)).toEqual([expected, expected, expected]);
    expect(store.getState().notice).toBeNull();
    // The whole published state stays cloneable plain data.
    expect(() => structuredClone(store.getState().frame)).not.toThrow();
  });
});
