/**
 * Pictures of live SVG elements, for slides: serialized with their computed styles inlined (the
 * page's stylesheets do not travel with a file), and rasterized to PNG through a canvas. Browser
 * only; the string work is in standaloneSvg.ts.
 */
import { livePartsOver } from './liveParts.ts';

/** Style properties that decide how an SVG element looks. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'color',
] as const;

/** Copies each element's computed style under `source` into a style attribute of `target`'s. */
function inlineStyles(source: Element, target: Element): void {
  const from = [source, ...source.querySelectorAll('*')];
  const to = [target, ...target.querySelectorAll('*')];
  from.forEach((el, i) => {
    const target = to[i];
    if (!(target instanceof Element)) return;
    const computed = getComputedStyle(el);
    const style = STYLE_PROPERTIES.map((p) => {
      const v = computed.getPropertyValue(p);
      return v ? `${p}:${v}` : '';
    })
      .filter(Boolean)
      .join(';');
    if (style) target.setAttribute('style', style);
    target.removeAttribute('class');
  });
}

/**
 * The element as SVG text, with each element's computed style copied into a style attribute,
 * and the parts drawn over it in HTML layers (liveParts.ts) placed where the state puts them.
 */
export function serializeWithStyles(source: SVGSVGElement): string {
  const clone = source.cloneNode(true) as SVGSVGElement;
  inlineStyles(source, clone);
  const ns = 'http://www.w3.org/2000/svg';
  for (const part of livePartsOver(source)) {
    const copy = part.source.cloneNode(true) as Element;
    inlineStyles(part.source, copy);
    for (const [name, value] of Object.entries(part.attributes ?? {}))
      copy.setAttribute(name, value);
    const place = document.createElementNS(ns, 'g');
    place.setAttribute('transform', part.transform);
    if (part.opacity !== undefined) place.setAttribute('opacity', part.opacity);
    place.append(copy);
    clone.append(place);
  }
  const box = source.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(box.width)));
  clone.setAttribute('height', String(Math.round(box.height)));
  return new XMLSerializer().serializeToString(clone);
}

/** The SVG text as a serialized element (its own attributes only; nothing inlined). */
export function serializeSvg(source: SVGSVGElement): string {
  return new XMLSerializer().serializeToString(source);
}

/** Draws an SVG document on a canvas at `scale`× and returns it as a PNG. */
export async function svgToPng(
  svgText: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the SVG could not be drawn'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('no 2D canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG is empty'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
