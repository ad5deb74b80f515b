/**
 * Colours shared by the views, with no colour library: the first paint does not wait for one.
 *
 * Every colour a component paints goes through a CSS variable with a computed fallback, so a
 * projector or high-contrast theme can override it without touching code: `termFill(3)` is
 * `var(--term-2, #59a14f)`-like, and the role colours are `var(--leader)` etc. in panels.css.
 */

/** Minimum WCAG contrast of the white term number on its cell (AA for normal text). */
export const TERM_TEXT_CONTRAST_MIN = 4.5;

/**
 * The term palette as hex colours, each readable under white text: Tableau 10 hues, reordered so
 * neighbouring terms differ most, without grey (reserved for crashed servers) and pink (too close
 * to red once darkened), each darkened in HCL (hue kept) until white text on it reaches
 * TERM_TEXT_CONTRAST_MIN. Blue, orange, green, red, purple, teal, brown, yellow (now olive);
 * test/views/colors.test.ts derives them again from the Tableau hues.
 */
export const TERM_PALETTE: readonly string[] = [
  '#4e79a7',
  '#b85d00',
  '#3b8434',
  '#cf464b',
  '#99668c',
  '#3f7f7b',
  '#946d58',
  '#8d7200',
];

/** The red, green and blue channels (0 to 255) of a `#rgb` or `#rrggbb` colour; NaN otherwise. */
function hexChannels(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1] ?? '';
  const full = hex.length === 3 ? hex.replace(/./g, '$&$&') : hex;
  const at = (i: number): number => (full === '' ? NaN : parseInt(full.slice(i, i + 2), 16));
  return [at(0), at(2), at(4)];
}

/** WCAG 2.x relative luminance of a `#rgb` or `#rrggbb` colour (NaN for anything else). */
export function relativeLuminance(color: string): number {
  const [r, g, b] = hexChannels(color);
  const channel = (v: number): number => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2.x contrast ratio between two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

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
