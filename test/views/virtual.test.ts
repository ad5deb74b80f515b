import { describe, expect, it } from 'vitest';
import { scrollToShow, virtualRange } from '../../src/views/panels/virtual.ts';

describe('virtualRange', () => {
  it('renders only the rows in view plus overscan, with spacers for the rest', () => {
    const r = virtualRange(3600, 360, 36, 100_000, 5);
    expect(r).toEqual({
      start: 95,
      end: 116,
      padTopPx: 95 * 36,
      padBottomPx: (100_000 - 116) * 36,
    });
    // The spacers and rows always add up to the full list height.
    expect(r.padTopPx + (r.end - r.start) * 36 + r.padBottomPx).toBe(100_000 * 36);
  });

  it('clamps at both ends and for short lists', () => {
    expect(virtualRange(0, 360, 36, 100_000, 5).start).toBe(0);
    const end = virtualRange(1e9, 360, 36, 50, 5);
    expect(end.end).toBe(50);
    expect(end.start).toBeLessThanOrEqual(end.end);
    expect(virtualRange(0, 360, 36, 3)).toEqual({ start: 0, end: 3, padTopPx: 0, padBottomPx: 0 });
    expect(virtualRange(0, 360, 36, 0)).toEqual({ start: 0, end: 0, padTopPx: 0, padBottomPx: 0 });
  });
});

describe('scrollToShow', () => {
  it('leaves the scroll alone when the row is visible, else brings it to the bottom edge', () => {
    expect(scrollToShow(5, 0, 360, 36)).toBe(0);
    expect(scrollToShow(20, 0, 360, 36)).toBe(21 * 36 - 360);
    expect(scrollToShow(2, 1000, 360, 36)).toBe(0);
    expect(scrollToShow(40, 1000, 360, 36)).toBe(41 * 36 - 360);
  });
});
