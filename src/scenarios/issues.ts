/**
 * Turns a valibot issue into a refusal that names the field and the problem, such as
 * `{ path: 'config.servers', problem: { code: 'atMost', max: 9, got: 1000000 } }` (refusal.ts). The
 * input may be hostile, so every quoted value is JSON-escaped (no newlines, no control characters)
 * and shortened.
 */
import type { BaseIssue } from 'valibot';
import { fieldRefusal, problemOfMessage } from './refusal.ts';
import type { FieldProblem, Got, Refusal } from './refusal.ts';

const QUOTE_CHARS = 40;

/** What a value is, for "(got ...)": a short literal, or its kind. */
export function describeValue(value: unknown): Got {
  if (value === undefined) return { kind: 'nothing' };
  if (value === null) return { kind: 'literal', text: 'null' };
  if (typeof value === 'number') {
    return { kind: 'literal', text: Number.isNaN(value) ? 'NaN' : String(value) };
  }
  if (typeof value === 'string') return { kind: 'literal', text: quote(value) };
  if (typeof value === 'boolean') return { kind: 'literal', text: String(value) };
  if (Array.isArray(value)) return { kind: 'list', length: value.length };
  if (typeof value === 'object') return { kind: 'object' };
  return { kind: 'other', type: typeof value };
}

/** JSON-quotes a string, cut to a readable length. */
export function quote(text: string): string {
  const cut = text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text;
  return JSON.stringify(cut);
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `actions[3].server`; '' is the scenario itself. */
export function formatPath(keys: readonly unknown[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${quote(String(key))}]`;
  }
  return out;
}

function issuePath(issue: BaseIssue<unknown>): unknown[] {
  return (issue.path ?? []).map((item) => item.key);
}

function lengthOf(input: unknown): number {
  return Array.isArray(input) || typeof input === 'string' ? input.length : 0;
}

function unitsOf(input: unknown): 'chars' | 'items' {
  return typeof input === 'string' ? 'chars' : 'items';
}

function requirement(issue: BaseIssue<unknown>): number {
  return Number(issue.requirement);
}

/** The problem, without the path. */
function problem(issue: BaseIssue<unknown>): FieldProblem {
  const got = describeValue(issue.input);
  const unknownKey = issue.expected === 'never';
  if (issue.type === 'strict_object' && unknownKey) return { code: 'unknownField' };
  if (isMissingKey(issue)) return { code: 'required' };
  switch (issue.type) {
    case 'number':
    case 'integer':
    case 'boolean':
      return { code: issue.type, got };
    case 'min_value':
      return { code: 'atLeast', min: requirement(issue), got };
    case 'max_value':
      return { code: 'atMost', max: requirement(issue), got };
    case 'max_length':
    case 'min_length':
      return {
        code: issue.type === 'max_length' ? 'maxLength' : 'minLength',
        limit: requirement(issue),
        unit: unitsOf(issue.input),
        length: lengthOf(issue.input),
      };
    case 'string':
      return { code: 'text', got };
    case 'array':
    case 'strict_tuple':
      return { code: 'list', got };
    case 'object':
    case 'strict_object':
    case 'loose_object':
      return { code: 'object', got };
    case 'union':
      return { code: UNION_FORMS.get(String(issuePath(issue).at(-1))) ?? 'noForm', got };
    case 'literal':
    case 'picklist':
      return { code: 'oneOf', options: (issue.expected ?? '').replace(/^\((.*)\)$/, '$1'), got };
    default:
      // Our own checks carry a coded problem (refusal.ts, problemMessage).
      return problemOfMessage(issue.message) ?? { code: 'invalid' };
  }
}

/** What the union-typed fields of a scenario (presenter steps) may hold. */
const UNION_FORMS: ReadonlyMap<string, 'untilForm' | 'captionForm'> = new Map([
  ['until', 'untilForm'],
  ['caption', 'captionForm'],
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

/** The field and its problem. */
export function issueRefusal(issue: BaseIssue<unknown>): Refusal {
  const detail = issue.type === 'union' ? unionDetail(issue) : null;
  if (detail !== null) return issueRefusal(detail);
  const path = issuePath(issue);
  if (issue.type === 'strict_tuple' && issue.expected === 'never') {
    // The issue points at the first extra item; its index is the expected length.
    const count = Number(path[path.length - 1]);
    return fieldRefusal(formatPath(path.slice(0, -1)), { code: 'exactItems', count });
  }
  return fieldRefusal(formatPath(path), problem(issue));
}
