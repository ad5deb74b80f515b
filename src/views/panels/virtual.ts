/** Which rows of a fixed-row-height list to render, and the blank space around them. */
export interface VirtualRange {
  /** First rendered row (0-based, inclusive). */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Height of the unrendered rows above and below, in px. */
  padTopPx: number;
  padBottomPx: number;
}

/**
 * Windowing for long lists (100k feed lines): only the rows in view plus `overscan` on each side
 * are rendered, and two spacers keep the scrollbar honest.
 */
export function virtualRange(
  scrollTopPx: number,
  viewportPx: number,
  rowPx: number,
  count: number,
  overscan = 8,
): VirtualRange {
  const row = Math.max(1, rowPx);
  const first = Math.floor(Math.max(0, scrollTopPx) / row);
  const visible = Math.ceil(Math.max(0, viewportPx) / row) + 1;
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, first + visible + overscan));
  return { start, end, padTopPx: start * row, padBottomPx: (count - end) * row };
}

/**
 * The scrollTop that shows `row` at the bottom of the viewport, or the current scrollTop if the
 * row is already fully visible (so following the current line does not jitter).
 */
export function scrollToShow(
  row: number,
  scrollTopPx: number,
  viewportPx: number,
  rowPx: number,
): number {
  const top = row * rowPx;
  const bottom = top + rowPx;
  if (top >= scrollTopPx && bottom <= scrollTopPx + viewportPx) return scrollTopPx;
  return Math.max(0, bottom - viewportPx);
}
