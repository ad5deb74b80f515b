import { describe, expect, it } from 'vitest';
import {
  cellClasses,
  cellTooltip,
  cellsThatFit,
  cellsThatFitDensity,
  DENSITY_MARGIN_REM,
  DENSITY_ROW_REM,
  FIT_INDEX_ROW_REM,
  FIT_LABEL_REM,
  FIT_LANES_REM,
  FIT_MIN_CELL_REM,
  fitCellFontPx,
  fitLogCells,
  INDEX_ROW_REM,
  logCell,
  logDensity,
  PHONE_MIN_CELL_PX,
  logSlots,
  logWindow,
  pageAnchor,
  type CellContext,
} from '../../src/views/panels/logGeometry.ts';
import { entry, logOf, peer, server } from './fixtures.ts';

describe('logWindow', () => {
  it('follows the tail when there is no anchor', () => {
    expect(logWindow(10_000, 20, null)).toEqual({ first: 9981, last: 10_000 });
  });

  it('shows everything from index 1 when the log fits', () => {
    expect(logWindow(7, 20, null)).toEqual({ first: 1, last: 7 });
    expect(logWindow(7, 20, 3)).toEqual({ first: 1, last: 7 });
  });

  it('puts the anchor at the right edge, clamped to the log', () => {
    expect(logWindow(100, 10, 50)).toEqual({ first: 41, last: 50 });
    expect(logWindow(100, 10, 500)).toEqual({ first: 91, last: 100 });
    // Near the start the window never leaves empty columns on the left.
    expect(logWindow(100, 10, 3)).toEqual({ first: 1, last: 10 });
    expect(logWindow(100, 10, -4)).toEqual({ first: 1, last: 10 });
  });

  it('handles an empty log and a viewport below one cell', () => {
    expect(logWindow(0, 10, null)).toEqual({ first: 1, last: 0 });
    expect(logWindow(5, 0, null)).toEqual({ first: 5, last: 5 });
  });

  it('pages earlier with one column of overlap, and back to following the tail', () => {
    const win = logWindow(100, 10, null);
    const earlier = pageAnchor(win, -1, 100);
    expect(earlier).toBe(91);
    const back = logWindow(100, 10, earlier);
    expect(back).toEqual({ first: 82, last: 91 });
    expect(pageAnchor(back, 1, 100)).toBeNull();
    expect(pageAnchor(logWindow(100, 10, 40), 1, 100)).toBe(49);
  });

  it('computes cells that fit from the width and the root font size', () => {
    // 5rem label + n × (2.25rem + 0.125rem) - gap, at 16 px: 360 px phone → 8 cells.
    expect(cellsThatFit(360, 16)).toBe(Math.floor((360 - 80 + 2) / 38));
    expect(cellsThatFit(1920, 16)).toBe(48);
    expect(cellsThatFit(1920, 32)).toBe(23);
    expect(cellsThatFit(10, 16)).toBe(1);
  });
});

describe('fitLogCells (presenter mode)', () => {
  const rem = 17;
  const width = (cell: number, slots: number): number =>
    FIT_LABEL_REM * rem + slots * cell + (slots - 1) * 0.125 * rem;
  const height = (cell: number, rows: number): number =>
    FIT_INDEX_ROW_REM * rem + rows * (cell + FIT_LANES_REM * rem);

  it('shows every slot of every row, as large as the box allows', () => {
    // Figure 7 at 1024×768: 7 rows of 13 slots in the logs column.
    const fit = fitLogCells(480, 440, 7, 13, rem);
    expect(fit.cells).toBe(13);
    expect(width(fit.cellPx, 13)).toBeLessThanOrEqual(480);
    expect(height(fit.cellPx, 7)).toBeLessThanOrEqual(440);
    expect(fit.cellPx).toBeGreaterThanOrEqual(FIT_MIN_CELL_REM * rem - 1);
    // One pixel more would overflow the width (the width is what limits here).
    expect(width(fit.cellPx + 1.01, 13)).toBeGreaterThan(480);
  });

  it('is limited by the height when the rows are many', () => {
    const fit = fitLogCells(2000, 500, 9, 5, rem);
    expect(fit.cells).toBe(5);
    expect(height(fit.cellPx, 9)).toBeLessThanOrEqual(500);
    expect(height(fit.cellPx + 1.01, 9)).toBeGreaterThan(500);
  });

  it('shrinks below the readable size only when the rows cannot fit otherwise, never past the slots', () => {
    const fit = fitLogCells(2000, 300, 9, 5, rem);
    expect(fit.cellPx).toBe(Math.floor(1.25 * rem));
    expect(fit.cells).toBe(5);
  });

  it('never grows past 3rem', () => {
    expect(fitLogCells(4000, 4000, 3, 2, rem).cellPx).toBe(3 * rem);
  });

  it('keeps a readable cell and pages when the slots cannot all fit', () => {
    const fit = fitLogCells(400, 800, 5, 60, rem);
    expect(fit.cellPx).toBe(Math.floor(FIT_MIN_CELL_REM * rem));
    expect(fit.cells).toBeLessThan(60);
    expect(width(fit.cellPx, fit.cells)).toBeLessThanOrEqual(400);
    expect(width(fit.cellPx, fit.cells + 1)).toBeGreaterThan(400);
  });

  it('on a phone, shrinks the cells (12 px type at least) to show 13 slots of 7 rows at once', () => {
    // Figure 7 on a 390 px phone: the rows' box is about 354 px wide, 1rem is 18.7 px.
    const phoneRem = 18.7;
    const paged = fitLogCells(354, 560, 7, 13, phoneRem);
    expect(paged.cells).toBeLessThan(13);
    const fit = fitLogCells(354, 560, 7, 13, phoneRem, PHONE_MIN_CELL_PX);
    expect(fit.cells).toBe(13);
    expect(fit.cellPx).toBeGreaterThanOrEqual(PHONE_MIN_CELL_PX);
    expect(fitCellFontPx(fit.cellPx, phoneRem)).toBeGreaterThanOrEqual(12);
    // Large cells keep 1rem type.
    expect(fitCellFontPx(48, 16)).toBe(16);
  });
});

describe('logDensity (the lab with many servers)', () => {
  const rem = 16;
  const rows = (n: number, d: keyof typeof DENSITY_ROW_REM): number =>
    (INDEX_ROW_REM + n * DENSITY_ROW_REM[d]) * rem;

  it('keeps normal rows while they fit, then compact, then dense', () => {
    const same = (px: number, n: number) => logDensity(px, px, n, rem);
    expect(same(rows(5, 'normal'), 5)).toBe('normal');
    expect(same(rows(9, 'normal') - 1, 9)).toBe('compact');
    expect(same(rows(9, 'compact') - 1, 9)).toBe('dense');
    // Too short even for dense rows: dense, and the rows' box scrolls.
    expect(same(50, 9)).toBe('dense');
  });

  it('weighs each tier under its own header (the normal one is taller)', () => {
    const justFits = rows(9, 'normal');
    const taller = DENSITY_MARGIN_REM * rem;
    // Room enough under the arrows' header, not under the normal one: compact.
    expect(logDensity(justFits - taller, justFits, 9, rem)).toBe('compact');
    expect(logDensity(justFits, justFits + taller, 9, rem)).toBe('normal');
    // Compact rows fit only under the tighter header.
    expect(logDensity(rows(9, 'compact') - taller, rows(9, 'compact'), 9, rem)).toBe('compact');
  });

  it('fits more columns in tighter rows', () => {
    const normal = cellsThatFitDensity(400, rem, 'normal');
    expect(normal).toBe(cellsThatFit(400, rem));
    expect(cellsThatFitDensity(400, rem, 'compact')).toBeGreaterThan(normal);
    expect(cellsThatFitDensity(400, rem, 'dense')).toBeGreaterThan(
      cellsThatFitDensity(400, rem, 'compact'),
    );
  });
});

describe('log cells', () => {
  const leaderLog = logOf([1, 1, 2, 2, 3]);
  const follower = server(2, {
    log: [...leaderLog.slice(0, 3), entry(9)],
    commitIndex: 2,
    lastApplied: 1,
  });
  const ctx: CellContext = {
    server: follower,
    leaderLog,
    view: { nextIndex: 5, matchIndex: 3 },
    highlighted: (i) => i === 4,
  };

  it('marks committed, applied, commitIndex, matchIndex, nextIndex and divergence per index', () => {
    const cells = [1, 2, 3, 4, 5].map((i) => logCell(ctx, i));
    expect(cells.map((c) => c.committed)).toEqual([true, true, false, false, false]);
    expect(cells.map((c) => c.applied)).toEqual([true, false, false, false, false]);
    expect(cells.map((c) => c.isCommitIndex)).toEqual([false, true, false, false, false]);
    expect(cells.map((c) => c.matched)).toEqual([true, true, true, false, false]);
    expect(cells.map((c) => c.isMatchIndex)).toEqual([false, false, true, false, false]);
    expect(cells.map((c) => c.isNext)).toEqual([false, false, false, false, true]);
    // Entry 4 has term 9 where the leader has term 2: F2-AE4 will delete it.
    expect(cells.map((c) => c.diverges)).toEqual([false, false, false, true, false]);
    expect(cells[4]?.entry).toBeUndefined();
    expect(cells[3]?.highlighted).toBe(true);
  });

  it('gives committed and uncommitted cells different classes', () => {
    expect(cellClasses(logCell(ctx, 1))).toContain('is-committed');
    expect(cellClasses(logCell(ctx, 3))).toContain('is-uncommitted');
    expect(cellClasses(logCell(ctx, 3))).not.toContain('is-committed');
    expect(cellClasses(logCell(ctx, 5))).toContain('is-empty');
  });

  it('explains a cell in its tooltip with the rules behind it', () => {
    const withClient = server(1, {
      log: [entry(3, 'cas x 1 2', { client: 2, seq: 8 })],
      commitIndex: 1,
      lastApplied: 1,
    });
    const tip = cellTooltip(
      1,
      logCell({ server: withClient, leaderLog: null, view: null, highlighted: () => false }, 1),
    );
    expect(tip).toContain('S1 · entry 1 · term 3');
    expect(tip).toContain('command: cas x 1 2');
    expect(tip).toContain('from C2, request #8');
    expect(tip).toContain('F2-L5');
    expect(tip).toContain('F2-A1');
    const uncommitted = cellTooltip(2, logCell(ctx, 4));
    expect(uncommitted).toContain('not committed');
    expect(uncommitted).toContain('not in the leader’s log');
    expect(cellTooltip(2, logCell(ctx, 5))).toContain('nextIndex');
  });

  it('counts slots as the longest log plus one, or the furthest nextIndex', () => {
    const leader = server(1, {
      role: 'leader',
      log: logOf([1, 1]),
      peers: [peer(2, { nextIndex: 3 })],
    });
    expect(logSlots([leader, server(2, { log: logOf([1]) })], leader)).toBe(3);
    expect(logSlots([leader], { ...leader, peers: [peer(2, { nextIndex: 9 })] })).toBe(9);
    expect(logSlots([], null)).toBe(0);
  });
});
