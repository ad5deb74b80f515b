/**
 * Colours shared by the views. d3 is used for colour math only (HCL darkening, sRGB parsing).
 *
 * Every colour a component paints goes through a CSS variable with a computed fallback, so a
 * projector or high-contrast theme can override it without touching code: `termFill(3)` is
 * `var(--term-2, #59a14f)`-like, and the role colours are `var(--leader)` etc. in panels.css.
 */
import { hcl, rgb } from 'd3';

/** Minimum WCAG contrast of the white term number on its cell (AA for normal text). */
export const TERM_TEXT_CONTRAST_MIN = 4.5;

/**
 * Tableau 10 hues, reordered so neighbouring terms differ most, without grey (reserved for
 * crashed servers) and pink (too close to red once darkened).
 */
const TERM_BASE_HUES = [
  '#4e79a7', // blue
  '#f28e2c', // orange
  '#59a14f', // green
  '#e15759', // red
  '#af7aa1', // purple
  '#76b7b2', // teal
  '#9c755f', // brown
  '#edc949', // yellow (becomes olive)
] as const;

/** WCAG 2.x relative luminance of an sRGB colour string. */
export function relativeLuminance(color: string): number {
  const c = rgb(color);
  const channel = (v: number): number => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/** WCAG 2.x contrast ratio between two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Lowers HCL lightness (keeping hue) until white text on the colour is readable. */
function darkenForWhiteText(color: string): string {
  const c = hcl(color);
  // Bounded: lightness only goes from 100 down to 0.
  for (
    let i = 0;
    i < 100 && contrastRatio('#ffffff', c.formatHex()) < TERM_TEXT_CONTRAST_MIN;
    i++
  ) {
    c.l -= 1;
  }
  return c.formatHex();
}

/** The term palette as hex colours, each readable under white text. */
export const TERM_PALETTE: readonly string[] = TERM_BASE_HUES.map(darkenForWhiteText);

/** Which palette slot a term uses: terms cycle, term 1 takes the first colour. */
export function termColorSlot(term: number): number {
  const n = TERM_PALETTE.length;
  return (((Math.trunc(term) - 1) % n) + n) % n;
}

/** The default hex colour of a term (for tests, canvas or anything that cannot read CSS). */
export function termColor(term: number): string {
  return TERM_PALETTE[termColorSlot(term)] ?? '#555555';
}

/** The CSS value to paint a term with: a theme may override `--term-<slot>`. */
export function termFill(term: number): string {
  return `var(--term-${termColorSlot(term)}, ${termColor(term)})`;
}
