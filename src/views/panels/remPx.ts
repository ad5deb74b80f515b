/** The root font size in px (16 when there is no document, e.g. server rendering in tests). */
export function remPx(): number {
  if (typeof document === 'undefined' || typeof getComputedStyle === 'undefined') return 16;
  const px = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(px) && px > 0 ? px : 16;
}
