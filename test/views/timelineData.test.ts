import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/core/types.ts';
import { Simulation } from '../../src/core/sim.ts';
import { generateFuzzScenario } from '../../src/scenarios/fuzz.ts';
import { toRunSetup } from '../../src/scenarios/schema.ts';
import {
  indexBands,
  termBands,
  timelineIndex,
  timelineMarks,
  type TimelineIndex,
} from '../../src/views/panels/timelineData.ts';

describe('timeline data from events', () => {
  const events: SimEvent[] = [
    { type: 'electionStart', time: 100, server: 1, term: 1, forced: false },
    { type: 'becomeLeader', time: 120, server: 1, term: 1 },
    { type: 'commit', time: 200, server: 1, index: 1 },
    { type: 'commit', time: 210, server: 2, index: 1 }, // a follower learning it: not news
    { type: 'action', time: 300, action: { at: 300, do: 'crash', server: 1 } },
    { type: 'crash', time: 300, server: 1 },
    { type: 'electionStart', time: 500, server: 2, term: 2, forced: false },
    { type: 'electionStart', time: 510, server: 3, term: 2, forced: false }, // same term
    { type: 'commit', time: 900, server: 2, index: 2 },
    { type: 'restart', time: 950, server: 1 },
  ];

  it('marks elections, new commit points, crashes, restarts and actions', () => {
    expect(timelineMarks(events)).toEqual([
      { time: 120, kind: 'election' },
      { time: 200, kind: 'commit' },
      { time: 300, kind: 'action' },
      { time: 300, kind: 'crash' },
      { time: 900, kind: 'commit' },
      { time: 950, kind: 'restart' },
    ]);
  });

  it('bands the highest term over time up to the end', () => {
    expect(termBands(events, 1000)).toEqual([
      { from: 100, to: 500, term: 1 },
      { from: 500, to: 1000, term: 2 },
    ]);
    expect(termBands([], 1000)).toEqual([]);
  });
});

/** Every event a fuzzed run emits (crashes, restarts, new terms, actions, commits). */
function runEvents(seed: number): SimEvent[] {
  const sim = Simulation.create(toRunSetup(generateFuzzScenario(seed, { untilMs: 60_000 })));
  const out: SimEvent[] = [];
  sim.onEvent = (e) => out.push(e);
  sim.runUntil(60_000);
  return out;
}

describe('timeline index kept up to date as events arrive', () => {
  it('equals the whole-list marks and bands after every chunk, for several fuzzed runs', () => {
    for (const seed of [1, 2, 3, 4]) {
      const all = runEvents(seed);
      const whole = timelineIndex(null, all);
      expect(whole.marks.length, `seed ${seed}`).toBeGreaterThan(5);
      expect(new Set(whole.marks.map((m) => m.kind)).size, `seed ${seed}`).toBeGreaterThan(2);
      expect(whole.closed.length, `seed ${seed}`).toBeGreaterThan(0);
      let index: TimelineIndex | null = null;
      // Chunks of uneven size, as frames deliver them.
      for (let end = 0; end < all.length; end += 1 + ((end * 7919) % Math.ceil(all.length / 30))) {
        const events = all.slice(0, end);
        index = timelineIndex(index, events);
        expect(index.marks).toEqual(timelineMarks(events));
        expect(indexBands(index.closed, index.open, end * 10 + 1)).toEqual(
          termBands(events, end * 10 + 1),
        );
      }
      index = timelineIndex(index, all);
      expect(index.marks).toEqual(whole.marks);
      expect(indexBands(index.closed, index.open, 60_000)).toEqual(termBands(all, 60_000));
    }
  });

  it('reads only the new events when the list grows at its end (a frame costs what it adds)', () => {
    const all = runEvents(1);
    expect(all.length).toBeGreaterThan(5000);
    /** `list` with its element reads counted. */
    const counted = (list: readonly SimEvent[]) => {
      const reads = { n: 0 };
      const proxy = new Proxy(list, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) reads.n++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      return { proxy, reads };
    };
    let index = timelineIndex(null, all.slice(0, 5000));
    for (const added of [1, 10, 100]) {
      const { proxy, reads } = counted(all.slice(0, index.events.length + added));
      index = timelineIndex(index, proxy);
      // The new events, and the first and last of the previous list to see that it was extended.
      expect(reads.n).toBeLessThanOrEqual(added + 2);
    }
    expect(index.marks).toEqual(timelineMarks(all.slice(0, index.events.length)));
  });

  it('starts over when the front is trimmed or the list is replaced', () => {
    const all = runEvents(2);
    const grown = timelineIndex(null, all.slice(0, 3000));
    // The front trimmed (the recorder drops the oldest events): rebuilt from the new list.
    const trimmed = all.slice(1000, 4000);
    expect(timelineIndex(grown, trimmed).marks).toEqual(timelineMarks(trimmed));
    // A rewind to an earlier, shorter list.
    const earlier = all.slice(0, 500);
    expect(timelineIndex(grown, earlier).marks).toEqual(timelineMarks(earlier));
    // A fork: same length, different last event.
    const forked = [...all.slice(0, 2999), { type: 'crash', time: 1, server: 1 } as SimEvent];
    expect(timelineIndex(grown, forked).marks).toEqual(timelineMarks(forked));
  });

  it('keeps the identity of marks and bands while no mark or band is added, and never changes prev', () => {
    const all = runEvents(3);
    const base = timelineIndex(null, all.slice(0, 2000));
    const marksCopy = base.marks.slice();
    // Events that add no mark and no term: a follower's commit of an already committed index.
    const quiet: SimEvent[] = [{ type: 'commit', time: 1e9, server: 1, index: 0 }];
    const next = timelineIndex(base, [...base.events, ...quiet]);
    expect(next).not.toBe(base);
    expect(next.marks).toBe(base.marks);
    expect(next.closed).toBe(base.closed);
    expect(next.open).toBe(base.open);
    expect(timelineIndex(next, next.events)).toBe(next);
    const more = timelineIndex(next, [...next.events, { type: 'crash', time: 1e9, server: 2 }]);
    expect(more.marks).not.toBe(base.marks);
    expect(more.marks.at(-1)).toEqual({ time: 1e9, kind: 'crash' });
    expect(base.marks).toEqual(marksCopy);
  });
});
