import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/scenarios/jsonError.ts';
import type { JsonProblem } from '../../src/scenarios/refusal.ts';

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong in valid JSON, including deep nesting', () => {
    for (const text of [
      '{}',
      '[]',
      ' 1 ',
      '"a\\u00e9\\n"',
      '{"a": [1, -2.5e+3, true, false, null, {"b": "c"}]}',
    ]) {
      expect(findJsonSyntaxError(text), text).toBeNull();
    }
    expect(findJsonSyntaxError('['.repeat(100_000) + ']'.repeat(100_000))).toBeNull();
  });

  const cases: [string, number, number, JsonProblem][] = [
    ['', 1, 1, 'endOfText'],
    ['{"a": 1,}', 1, 9, 'expectedKey'],
    ['[1, 2,]', 1, 7, 'expectedValueComma'],
    ['{"a": }', 1, 7, 'expectedValue'],
    ["{'a': 1}", 1, 2, 'expectedKey'],
    ["[1, 'x']", 1, 5, 'expectedValueQuotes'],
    ['{"a" 1}', 1, 6, 'expectedColon'],
    ['[1 2]', 1, 4, 'expectedCommaOrBracket'],
    ['{"a": 1\n"b": 2}', 2, 1, 'expectedCommaOrBrace'],
    ['{"a": "x\ny"}', 1, 9, 'controlCharacter'],
    ['"\\x"', 1, 2, 'badEscape'],
    ['["abc', 1, 2, 'unterminatedString'],
    ['[01]', 1, 3, 'expectedCommaOrBracket'],
    ['[-]', 1, 2, 'expectedValue'],
    ['{} {}', 1, 4, 'textAfterEnd'],
    ['[tru]', 1, 2, 'expectedValue'],
    ['['.repeat(50_000), 1, 50_001, 'endOfText'],
  ];
  it.each(cases)('%j at line %i, column %i: %s', (text, line, column, problem) => {
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column, problem });
    expect(() => JSON.parse(text)).toThrow();
  });
});
