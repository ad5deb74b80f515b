/**
 * Standalone SVG files for slides, as pure string functions: the picture (an SVG serialized from
 * the page) nested under a heading, with an optional legend below, every CSS variable replaced by
 * its fallback colour, fonts declared, a white background. Unit-tested in Node.
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Text for an XML text node or attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * `var(--term-2, #59a14f)` → `#59a14f`: a file opened on its own has none of the page's custom
 * properties, and some slide tools do not understand var() at all. A var() without a fallback
 * becomes `currentColor`.
 */
export function resolveCssVars(markup: string): string {
  let out = markup;
  // Innermost first, so a fallback that is itself a var() resolves too (bounded passes).
  for (let pass = 0; pass < 5 && out.includes('var('); pass++) {
    out = out.replace(
      /var\(\s*--[\w-]+\s*(?:,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/g,
      (_m, fb?: string) => (fb === undefined || fb.trim() === '' ? 'currentColor' : fb.trim()),
    );
  }
  return out;
}

export interface LegendItem {
  readonly label: string;
  /** A line sample (color and dash), a red cross, or a glyph drawn by the caller's kind. */
  readonly kind: 'line' | 'cross' | 'dot' | 'diamond' | 'bar';
  readonly color: string;
  readonly dash?: string;
}

export interface PlacedLegendItem extends LegendItem {
  readonly x: number;
  readonly y: number;
}

export const LEGEND_ROW_PX = 18;
const SWATCH_PX = 24;
const CHAR_PX = 6.4;
const GAP_PX = 16;

/** Rows of legend items, left to right, wrapping at `width`; `height` is what they take. */
export function layoutLegend(
  items: readonly LegendItem[],
  width: number,
  margin = 10,
): { items: PlacedLegendItem[]; height: number } {
  const placed: PlacedLegendItem[] = [];
  let x = margin;
  let row = 0;
  for (const item of items) {
    const w = SWATCH_PX + item.label.length * CHAR_PX;
    if (x > margin && x + w > width - margin) {
      row++;
      x = margin;
    }
    placed.push({ ...item, x, y: row * LEGEND_ROW_PX });
    x += w + GAP_PX;
  }
  return { items: placed, height: items.length === 0 ? 0 : (row + 1) * LEGEND_ROW_PX + 8 };
}

function swatch(item: PlacedLegendItem, y: number): string {
  const x = item.x;
  const mid = y - 4;
  switch (item.kind) {
    case 'line':
      return `<line x1="${x}" y1="${mid}" x2="${x + 18}" y2="${mid}" stroke="${item.color}" stroke-width="2"${
        item.dash ? ` stroke-dasharray="${item.dash}"` : ''
      }/>`;
    case 'cross':
      return `<path d="M${x + 5},${mid - 4} L${x + 13},${mid + 4} M${x + 13},${mid - 4} L${x + 5},${mid + 4}" stroke="${item.color}" stroke-width="2.2"/>`;
    case 'dot':
      return `<circle cx="${x + 9}" cy="${mid}" r="4.5" fill="#ffffff" stroke="${item.color}" stroke-width="2"/>`;
    case 'diamond':
      return `<path d="M${x + 9},${mid - 6} L${x + 15},${mid} L${x + 9},${mid + 6} L${x + 3},${mid} Z" fill="${item.color}"/>`;
    case 'bar':
      return `<rect x="${x + 7.5}" y="${mid - 5}" width="3" height="10" fill="${item.color}"/>`;
  }
}

export interface StandaloneOptions {
  /** The picture: a complete `<svg …>…</svg>` element as text. */
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** The heading written above the picture and used as the file's <title>. */
  readonly heading: string;
  readonly legend?: readonly LegendItem[];
  readonly fontFamily: string;
}

const HEADING_PX = 26;

/** A complete SVG document that opens correctly on its own. */
export function standaloneSvg(o: StandaloneOptions): string {
  const legend = layoutLegend(o.legend ?? [], o.width);
  const total = HEADING_PX + o.height + legend.height;
  const picture = resolveCssVars(o.svg.replace(/^<\?xml[^>]*>\s*/, ''));
  const legendTop = HEADING_PX + o.height + 16;
  const legendMarkup = legend.items
    .map(
      (item) =>
        `${swatch(item, legendTop + item.y)}<text x="${item.x + 24}" y="${legendTop + item.y}" font-size="11" fill="#1f2937">${escapeXml(item.label)}</text>`,
    )
    .join('');
  const font = escapeXml(o.fontFamily);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="${SVG_NS}" width="${o.width}" height="${total}" viewBox="0 0 ${o.width} ${total}" font-family="${font}">`,
    `<title>${escapeXml(o.heading)}</title>`,
    `<style>text { font-family: ${o.fontFamily.replace(/[<>&]/g, '')}; }</style>`,
    `<rect x="0" y="0" width="${o.width}" height="${total}" fill="#ffffff"/>`,
    `<text x="10" y="18" font-size="13" font-weight="700" fill="#111827">${escapeXml(o.heading)}</text>`,
    `<g transform="translate(0 ${HEADING_PX})">${picture}</g>`,
    legendMarkup,
    '</svg>',
  ].join('\n');
}
