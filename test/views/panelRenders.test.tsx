// @vitest-environment happy-dom
/**
 * What a frame re-renders in the log and event panels (issue 11, "1x with a request every
 * 100 ms"). While a run plays, most frames change one or two facts: a commit index moves, a line
 * is added, the current line moves on. Each log cell and feed line is memoized on facts that are
 * shared between frames (entries, events, contexts), so such a frame works out the tooltip and
 * the sentence of the cells and lines that changed only, not of the whole visible window of every
 * row; and a new mark on the timeline draws that mark alone. Counted here through the functions
 * each render calls (cellTooltip, describeEvent, markPath).
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SimEvent } from '../../src/core/types.ts';
import * as format from '../../src/views/format.ts';
import * as geometry from '../../src/views/panels/logGeometry.ts';
import * as timelineGeometry from '../../src/views/panels/timelineGeometry.ts';
import { EventFeed, LogPanel, Timeline, type TimelineMark } from '../../src/views/panels/index.ts';
import { sameCell } from '../../src/views/panels/LogCellView.tsx';
import { useDomRoot } from './domRoot.ts';
import { logOf, peer, server } from './fixtures.ts';

vi.mock('../../src/views/panels/logGeometry.ts', async (original) => {
  const actual = await original<typeof geometry>();
  return { ...actual, cellTooltip: vi.fn(actual.cellTooltip) };
});
vi.mock('../../src/views/panels/timelineGeometry.ts', async (original) => {
  const actual = await original<typeof timelineGeometry>();
  return { ...actual, markPath: vi.fn(actual.markPath) };
});
vi.mock('../../src/views/format.ts', async (original) => {
  const actual = await original<typeof format>();
  return { ...actual, describeEvent: vi.fn(actual.describeEvent) };
});

const dom = useDomRoot();
afterEach(() => {
  vi.clearAllMocks();
});

const noop = (): void => {};

describe('LogPanel re-renders only the cells whose facts changed', () => {
  const terms = Array.from({ length: 12 }, (_, i) => 1 + Math.floor(i / 4));
  const log = logOf(terms);
  const cluster = (commit: number) => [
    server(1, {
      role: 'leader',
      term: 3,
      log,
      commitIndex: commit,
      lastApplied: commit,
      peers: [
        peer(2, { nextIndex: 11, matchIndex: 10 }),
        peer(3, { nextIndex: 13, matchIndex: 12 }),
      ],
    }),
    server(2, { term: 3, log: log.slice(0, 10), commitIndex: commit, lastApplied: commit }),
    server(3, { term: 3, log, commitIndex: commit, lastApplied: commit }),
  ];

  it('a commit index that moves by one re-renders the two cells around it on each row', () => {
    act(() => dom.root.render(<LogPanel servers={cluster(8)} leaderId={1} onSelectEntry={noop} />));
    const first = vi.mocked(geometry.cellTooltip).mock.calls.length;
    // Every visible cell of three rows (the legend draws its samples without tooltips).
    expect(first).toBeGreaterThan(30);
    vi.mocked(geometry.cellTooltip).mockClear();

    act(() => dom.root.render(<LogPanel servers={cluster(9)} leaderId={1} onSelectEntry={noop} />));
    const calls = vi.mocked(geometry.cellTooltip).mock.calls;
    // Index 8 stops being the commit index, 9 becomes it (committed, applied): on each row.
    expect(calls.map(([id, cell]) => `${id}:${cell.index}`).sort()).toEqual(
      ['1:8', '1:9', '2:8', '2:9', '3:8', '3:9'].sort(),
    );
    expect(dom.host.querySelectorAll('.rl-log-row .is-commit-index').length).toBe(3);
  });

  it('a commit index that moves rewrites the numbers beside the name, not their elements', () => {
    act(() => dom.root.render(<LogPanel servers={cluster(8)} leaderId={1} onSelectEntry={noop} />));
    const nums = () => [...dom.host.querySelectorAll('.rl-log-row .rl-log-num')];
    const before = nums();
    // "commit 8" over "applied 8" on each of the three rows.
    expect(before.map((e) => e.textContent)).toEqual(
      Array.from({ length: 3 }, () => ['commit 8', 'applied 8']).flat(),
    );
    act(() => dom.root.render(<LogPanel servers={cluster(9)} leaderId={1} onSelectEntry={noop} />));
    expect(nums().map((e) => e.textContent)).toEqual(
      Array.from({ length: 3 }, () => ['commit 9', 'applied 9']).flat(),
    );
    expect(nums().every((e, i) => e === before[i])).toBe(true);
  });

  it('the comparison covers every fact of a cell', () => {
    const ctx = {
      server: cluster(8)[1]!,
      leaderLog: log,
      view: { nextIndex: 9, matchIndex: 8 },
      highlighted: () => false,
    };
    const cell = geometry.logCell(ctx, 8);
    expect(sameCell(cell, { ...cell })).toBe(true);
    for (const key of Object.keys(cell) as (keyof typeof cell)[]) {
      const v = cell[key];
      const other =
        typeof v === 'boolean' ? !v : typeof v === 'number' ? v + 1 : { ...(v as object) };
      expect(sameCell(cell, { ...cell, [key]: other }), key).toBe(false);
    }
  });
});

describe('EventFeed re-renders only the lines whose state changed', () => {
  const commits = (n: number): SimEvent[] =>
    Array.from({ length: n }, (_, i): SimEvent => ({
      type: 'commit',
      time: 100 * (i + 1),
      server: 1,
      index: i + 1,
    }));

  it('a new event describes the new line and the two whose current mark moved', () => {
    const all = commits(40);
    const events = all.slice(0, 20);
    act(() => dom.root.render(<EventFeed events={events} now={2000} onJump={noop} />));
    expect(vi.mocked(format.describeEvent).mock.calls.length).toBeGreaterThan(10);
    vi.mocked(format.describeEvent).mockClear();

    act(() => dom.root.render(<EventFeed events={all.slice(0, 21)} now={2100} onJump={noop} />));
    const described = vi.mocked(format.describeEvent).mock.calls.map(([e]) => e.time);
    expect(described.sort((a, b) => a - b)).toEqual([2000, 2100]);
    expect(dom.host.querySelector('[aria-current="true"]')?.textContent).toContain('2.100');
  });
});

describe('Timeline re-renders only the marks that changed', () => {
  const live = { read: () => ({ now: 0, endMs: 60_000 }), subscribe: () => noop };
  const marksUpTo = (n: number): TimelineMark[] =>
    Array.from({ length: n }, (_, i) => ({
      time: 1_000 * (i + 1),
      kind: i % 7 === 0 ? 'election' : 'commit',
    }));
  const timeline = (marks: readonly TimelineMark[]) => (
    <Timeline endMs={60_000} live={live} marks={marks} termBand={[]} onSeek={noop} />
  );

  it('a new commit draws its own mark, not the forty before it', () => {
    act(() => dom.root.render(timeline(marksUpTo(40))));
    // 640 px for 60 s: marks a second apart are 10 px apart, one shape each.
    expect(vi.mocked(timelineGeometry.markPath).mock.calls.length).toBe(40);
    expect(dom.host.querySelectorAll('.rl-tl-mark')).toHaveLength(40);
    vi.mocked(timelineGeometry.markPath).mockClear();
    act(() => dom.root.render(timeline(marksUpTo(41))));
    expect(vi.mocked(timelineGeometry.markPath).mock.calls.length).toBe(1);
    const shapes = dom.host.querySelectorAll('.rl-tl-mark');
    expect(shapes).toHaveLength(41);
    expect(shapes[40]?.querySelector('title')?.textContent).toBe('commit at 41.000 s');
  });
});
