/**
 * Finds where JSON text goes wrong. `JSON.parse` says so in words that differ between engines
 * (and Node 20 often gives no position at all), so a malformed file is scanned again here to name
 * the line and column the same way everywhere, and the problem as a code (refusal.ts). Iterative, so deep nesting cannot overflow the stack.
 */

import type { JsonProblem } from './refusal.ts';

export interface JsonSyntaxError {
  /** 0-based offset into the text. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  problem: JsonProblem;
}

type Found = { offset: number; problem: JsonProblem };

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]{4}$/;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class Scanner {
  i = 0;
  /** The last token was a comma: a missing value there is a trailing comma. */
  afterComma = false;
  constructor(readonly text: string) {}

  skipWhitespace(): void {
    while (this.i < this.text.length && WHITESPACE.has(this.text[this.i] ?? '')) this.i++;
  }

  fail(problem: JsonProblem, offset = this.i): Found {
    return { offset, problem: this.i >= this.text.length ? 'endOfText' : problem };
  }

  /** Scans a string starting at its opening quote. */
  string(): Found | null {
    const start = this.i;
    this.i++;
    while (this.i < this.text.length) {
      const c = this.text[this.i] ?? '';
      if (c === '"') {
        this.i++;
        return null;
      }
      if (c < ' ') return this.fail('controlCharacter');
      if (c === '\\') {
        const next = this.text[this.i + 1] ?? '';
        if (next === 'u' && HEX.test(this.text.slice(this.i + 2, this.i + 6))) this.i += 6;
        else if (ESCAPES.has(next)) this.i += 2;
        else return this.fail('badEscape');
      } else this.i++;
    }
    return { offset: start, problem: 'unterminatedString' };
  }

  /** Scans a number or a literal (true, false, null). */
  atom(afterComma: boolean): Found | null {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return null;
      }
    }
    NUMBER.lastIndex = this.i;
    const match = NUMBER.exec(this.text);
    if (match === null || match[0] === '' || match[0] === '-') {
      const c = this.text[this.i] ?? '';
      const closing = c === ']' || c === '}';
      return this.fail(
        closing && afterComma
          ? 'expectedValueComma'
          : c === "'"
            ? 'expectedValueQuotes'
            : 'expectedValue',
      );
    }
    this.i += match[0].length;
    return null;
  }
}

/** The states of the scan: what may come next. */
type Expect = 'value' | 'key' | 'after';

function stepValue(s: Scanner, stack: string[]): { next: Expect; error: Found | null } {
  s.skipWhitespace();
  const afterComma = s.afterComma;
  s.afterComma = false;
  const c = s.text[s.i];
  if (c === '{' || c === '[') {
    stack.push(c);
    s.i++;
    s.skipWhitespace();
    const close = c === '{' ? '}' : ']';
    if (s.text[s.i] === close) {
      stack.pop();
      s.i++;
      return { next: 'after', error: null };
    }
    return { next: c === '{' ? 'key' : 'value', error: null };
  }
  const error = c === '"' ? s.string() : s.atom(afterComma);
  return { next: 'after', error };
}

function stepKey(s: Scanner): { next: Expect; error: Found | null } {
  s.skipWhitespace();
  s.afterComma = false;
  if (s.text[s.i] !== '"') {
    return { next: 'key', error: s.fail('expectedKey') };
  }
  const error = s.string();
  if (error !== null) return { next: 'key', error };
  s.skipWhitespace();
  if (s.text[s.i] !== ':') return { next: 'key', error: s.fail('expectedColon') };
  s.i++;
  return { next: 'value', error: null };
}

function stepAfter(s: Scanner, stack: string[]): { next: Expect | null; error: Found | null } {
  s.skipWhitespace();
  const top = stack[stack.length - 1];
  if (top === undefined) {
    const error = s.i < s.text.length ? s.fail('textAfterEnd') : null;
    return { next: null, error };
  }
  const c = s.text[s.i];
  const close = top === '{' ? '}' : ']';
  if (c === ',') {
    s.i++;
    s.afterComma = true;
    return { next: top === '{' ? 'key' : 'value', error: null };
  }
  if (c === close) {
    stack.pop();
    s.i++;
    return { next: 'after', error: null };
  }
  return {
    next: null,
    error: s.fail(top === '{' ? 'expectedCommaOrBrace' : 'expectedCommaOrBracket'),
  };
}

function position(text: string, found: Found): JsonSyntaxError {
  const before = text.slice(0, found.offset);
  const line = before.split('\n').length;
  const column = found.offset - (before.lastIndexOf('\n') + 1) + 1;
  return { offset: found.offset, line, column, problem: found.problem };
}

/** The first syntax error in `text`, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const s = new Scanner(text);
  const stack: string[] = [];
  let expect: Expect | null = 'value';
  // Each step consumes at least one character or ends the scan, so text.length + 2 steps suffice.
  for (let guard = 0; expect !== null && guard <= text.length + 2; guard++) {
    const step: { next: Expect | null; error: Found | null } =
      expect === 'value'
        ? stepValue(s, stack)
        : expect === 'key'
          ? stepKey(s)
          : stepAfter(s, stack);
    if (step.error !== null) return position(text, step.error);
    expect = step.next;
  }
  return null;
}
