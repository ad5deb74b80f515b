import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/core/types.ts';
import { describeEvent } from '../../src/views/format.ts';
import {
  currentLine,
  feedContexts,
  feedLines,
  lineTone,
} from '../../src/views/panels/feedModel.ts';
import { recordRun } from './fixtures.ts';

const send = (time: number): SimEvent => ({
  type: 'send',
  time,
  id: time,
  from: 1,
  to: 2,
  msg: 'AppendEntries',
  deliverMs: time + 10,
  duplicate: false,
});

describe('feed lines', () => {
  const events: SimEvent[] = [
    send(0),
    { type: 'electionStart', time: 10, server: 1, term: 1, forced: false },
    { type: 'vote', time: 10, voter: 1, candidate: 1, term: 1, granted: true },
    send(10),
    { type: 'vote', time: 20, voter: 2, candidate: 1, term: 1, granted: true },
    { type: 'vote', time: 21, voter: 3, candidate: 1, term: 1, granted: false },
    { type: 'vote', time: 22, voter: 2, candidate: 1, term: 1, granted: true }, // a duplicate reply
    { type: 'becomeLeader', time: 30, server: 1, term: 1 },
    { type: 'vote', time: 31, voter: 4, candidate: 1, term: 1, granted: true }, // too late to count
    { type: 'clientSend', time: 40, client: 1, seq: 1, server: 2, command: 'set x 1', attempt: 1 },
    { type: 'clientRedirect', time: 50, client: 1, seq: 1, server: 2, leaderHint: 1 },
  ];

  it('keeps only the events that get a sentence', () => {
    expect(feedLines(events)).toEqual([1, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('finds the last line at or before now by binary search', () => {
    const lines = feedLines(events);
    expect(currentLine(events, lines, 5)).toBe(-1);
    expect(currentLine(events, lines, 10)).toBe(0);
    expect(currentLine(events, lines, 29)).toBe(3);
    expect(currentLine(events, lines, 30)).toBe(4);
    expect(currentLine(events, lines, 1e9)).toBe(lines.length - 1);
  });

  it('counts distinct granted votes before the win, self included, and recalls redirected commands', () => {
    const ctx = feedContexts(events, 5);
    expect(ctx.get(7)).toEqual({ votes: 2, servers: 5 });
    expect(describeEvent(events[7] as SimEvent, ctx.get(7))).toBe(
      'S1 won the election for term 1 with 2 of 5 votes',
    );
    expect(ctx.get(10)).toEqual({ command: 'set x 1' });
    expect(feedContexts(events).get(7)).toEqual({ votes: 2 });
  });

  it('tags each line with a glyph so kinds read without colour', () => {
    expect(lineTone(events[7] as SimEvent)).toEqual({ glyph: '★', tone: 'election' });
    expect(lineTone(events[5] as SimEvent).glyph).toBe('✗');
  });

  it('reports a majority for every leader of a real run', () => {
    const { events: run } = recordRun([{ at: 600, do: 'crash', server: 1 }], 4000);
    const ctx = feedContexts(run, 5);
    const wins = run.flatMap((e, i) => (e.type === 'becomeLeader' ? [ctx.get(i)?.votes ?? 0] : []));
    expect(wins.length).toBeGreaterThan(0);
    for (const votes of wins) expect(votes).toBeGreaterThanOrEqual(3);
  });

  it('filters 100k events quickly', () => {
    const many = Array.from({ length: 100_000 }, (_, i): SimEvent =>
      i % 10 === 0 ? { type: 'commit', time: i, server: 1, index: i } : send(i),
    );
    const t0 = performance.now();
    const lines = feedLines(many);
    const found = currentLine(many, lines, 55_555);
    expect(performance.now() - t0).toBeLessThan(200);
    expect(lines.length).toBe(10_000);
    expect(lines[found]).toBe(55_550);
  });
});
