/**
 * What the recorder keeps of each event (keepEvent, src/store/recorder.ts): an event whose fields
 * are all plain values is kept as the core emitted it, only frozen (no copy per event); one that
 * holds an object (an action, a violation, a configuration change's servers) is copied first, so
 * freezing it never freezes or shares something the live simulation still holds.
 */
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/core/types.ts';
import { keepEvent } from '../../src/store/recorder.ts';

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
