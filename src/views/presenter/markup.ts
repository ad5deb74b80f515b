/**
 * Light markup for captions: `**bold**`, `*emphasis*`, `` `code` `` and line breaks. The parser
 * returns plain segments that a view turns into React elements; nothing is ever parsed or
 * rendered as HTML, so a caption from a link or a file cannot inject markup or script.
 */

export type Segment = { kind: 'text' | 'strong' | 'em' | 'code'; text: string } | { kind: 'break' };

/** A caption is bounded by the scenario schema; this is a second, cheap limit. */
export const MARKUP_MAX_CHARS = 4000;

/**
 * Code first (no markup inside it), then bold, then emphasis. A marker needs a non-space
 * character right inside it, so "2 * 3 * 4" and a lone `*` stay as they are.
 */
const TOKEN = /`([^`\n]+)`|\*\*(?=[^\s*])([^*\n]*?[^\s*])\*\*|\*(?=[^\s*])([^*\n]*?[^\s*])\*|\n/g;

function push(out: Segment[], segment: Segment): void {
  const last = out.at(-1);
  if (segment.kind === 'text' && last?.kind === 'text') last.text += segment.text;
  else if (segment.kind !== 'text' || segment.text !== '') out.push(segment);
}

export function parseMarkup(input: string): Segment[] {
  const text = input.length > MARKUP_MAX_CHARS ? input.slice(0, MARKUP_MAX_CHARS) : input;
  const out: Segment[] = [];
  let at = 0;
  for (const match of text.matchAll(TOKEN)) {
    const index = match.index;
    push(out, { kind: 'text', text: text.slice(at, index) });
    at = index + match[0].length;
    const [whole, code, strong, em] = match;
    if (whole === '\n') push(out, { kind: 'break' });
    else if (code !== undefined) push(out, { kind: 'code', text: code });
    else if (strong !== undefined) push(out, { kind: 'strong', text: strong });
    else push(out, { kind: 'em', text: em ?? '' });
  }
  push(out, { kind: 'text', text: text.slice(at) });
  return out;
}

/** The caption as plain text (markers removed), for titles and screen readers. */
export function plainText(input: string): string {
  return parseMarkup(input)
    .map((s) => (s.kind === 'break' ? '\n' : s.text))
    .join('');
}
