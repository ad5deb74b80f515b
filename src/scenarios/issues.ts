/**
 * Turns a valibot issue into ONE line that names the field and the problem, such as
 * `config.servers: must be at most 9 (got 1000000)`. The text may quote untrusted input, so every
 * quoted value is JSON-escaped (no newlines, no control characters) and shortened.
 */
import type { BaseIssue } from 'valibot';

const QUOTE_CHARS = 40;

/** A short, single-line description of any value, for "(got ...)". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** JSON-quotes a string, cut to a readable length. */
export function quote(text: string): string {
  const cut = text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text;
  return JSON.stringify(cut);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `actions[3].server`; an empty path is the scenario itself. */
export function formatPath(keys: readonly unknown[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${quote(String(key))}]`;
  }
  return out === '' ? 'scenario' : out;
}

function issuePath(issue: BaseIssue<unknown>): unknown[] {
  return (issue.path ?? []).map((item) => item.key);
}

function lengthOf(input: unknown): number {
  return Array.isArray(input) || typeof input === 'string' ? input.length : 0;
}

function unitsOf(input: unknown): string {
  return typeof input === 'string' ? 'characters' : 'items';
}

/** The problem, without the path. */
function problem(issue: BaseIssue<unknown>): string {
  const got = describeValue(issue.input);
  const unknownKey = issue.expected === 'never';
  if (issue.type === 'strict_object' && unknownKey) return 'is not a known field';
  if (isMissingKey(issue)) return 'is required';
  switch (issue.type) {
    case 'number':
      return `must be a number (got ${got})`;
    case 'integer':
      return `must be a whole number (got ${got})`;
    case 'min_value':
      return `must be at least ${String(issue.requirement)} (got ${got})`;
    case 'max_value':
      return `must be at most ${String(issue.requirement)} (got ${got})`;
    case 'max_length':
      return `must have at most ${String(issue.requirement)} ${unitsOf(issue.input)} (got ${lengthOf(issue.input)})`;
    case 'min_length':
      return `must have at least ${String(issue.requirement)} ${unitsOf(issue.input)} (got ${lengthOf(issue.input)})`;
    case 'string':
      return `must be text (got ${got})`;
    case 'boolean':
      return `must be true or false (got ${got})`;
    case 'array':
    case 'strict_tuple':
      return `must be a list (got ${got})`;
    case 'object':
    case 'strict_object':
    case 'loose_object':
      return `must be an object (got ${got})`;
    case 'union':
      return `${UNION_FORMS.get(String(issuePath(issue).at(-1))) ?? 'matches none of its allowed forms'} (got ${got})`;
    case 'literal':
    case 'picklist':
      return `must be one of ${(issue.expected ?? '').replace(/^\((.*)\)$/, '$1')} (got ${got})`;
    default:
      // Custom checks carry their own message.
      return issue.message;
  }
}

/** What the union-typed fields of a scenario (presenter steps) may hold. */
const UNION_FORMS: ReadonlyMap<string, string> = new Map([
  [
    'until',
    'must be { "atMs": MS }, { "afterMs": MS } or { "event": NAME, "server"?, "term"?, "index"? }',
  ],
  [
    'caption',
    'must be text or an object of texts by language ({ "en": ..., "es": ..., "pt": ... })',
  ],
]);

function isMissingKey(issue: BaseIssue<unknown>): boolean {
  return issue.input === undefined && issue.received === 'undefined';
}

/**
 * A union (a field with several allowed forms) failed in every form. The most telling issue is the
 * deepest one inside some form: a bad value first, else an unknown key. If the forms only disagree
 * on which key is missing, the field's own description says more. Valibot gives the forms' issues
 * with paths relative to the field, so they are joined to its path here.
 */
function unionDetail(issue: BaseIssue<unknown>): BaseIssue<unknown> | null {
  const inner = (issue.issues ?? []).filter((sub) => (sub.path ?? []).length > 0);
  const deepest = Math.max(...inner.map((sub) => (sub.path ?? []).length));
  const candidates = inner.filter((sub) => (sub.path ?? []).length === deepest);
  const best =
    candidates.find((sub) => !isMissingKey(sub) && sub.expected !== 'never') ??
    candidates.find((sub) => sub.expected === 'never');
  if (best === undefined) return null;
  return { ...best, path: [...(issue.path ?? []), ...(best.path ?? [])] } as BaseIssue<unknown>;
}

/** `path: problem`, one line. */
export function formatIssue(issue: BaseIssue<unknown>): string {
  const detail = issue.type === 'union' ? unionDetail(issue) : null;
  if (detail !== null) return formatIssue(detail);
  const path = issuePath(issue);
  if (issue.type === 'strict_tuple' && issue.expected === 'never') {
    // The issue points at the first extra item; its index is the expected length.
    const expected = String(path[path.length - 1]);
    return `${formatPath(path.slice(0, -1))}: must have exactly ${expected} items (got more)`;
  }
  return `${formatPath(path)}: ${problem(issue)}`;
}
