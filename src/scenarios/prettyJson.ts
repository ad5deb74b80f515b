/**
 * JSON for people: two-space indentation, but any object or list that fits on one line stays on
 * one line, so each action of a scenario reads as one line (the top-level lists `initial`,
 * `actions` and `steps` always get one item per line, so a diff shows the one action changed).
 * Keys keep their insertion order (the caller decides it). Depth is bounded by the caller
 * (scenarios are validated first).
 */

const WIDTH = 100;
const EXPANDED_TOP_LEVEL_KEYS = ['initial', 'actions', 'steps'];

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`);
    return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

function block(value: unknown, indent: string, prefixLength: number, expand: boolean): string {
  const flat = inline(value);
  const fits = indent.length + prefixLength + flat.length <= WIDTH;
  const empty = flat === '[]' || flat === '{}';
  if ((fits && !expand) || empty || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((item) => inner + block(item, inner, 0, false));
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const expandKeys = indent === '' ? EXPANDED_TOP_LEVEL_KEYS : [];
  const fields = Object.entries(value).map(([k, v]) => {
    const key = `${JSON.stringify(k)}: `;
    return inner + key + block(v, inner, key.length, expandKeys.includes(k));
  });
  return `{\n${fields.join(',\n')}\n${indent}}`;
}

/** Pretty JSON text ending in a newline. */
export function prettyJson(value: unknown): string {
  return `${block(value, '', 0, true)}\n`;
}
