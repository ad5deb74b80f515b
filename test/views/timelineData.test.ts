import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/core/types.ts';
import { termBands, timelineMarks } from '../../src/views/panels/timelineData.ts';

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
