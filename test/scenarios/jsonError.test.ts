import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/scenarios/jsonError.ts';

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

  const cases: [string, number, number, string][] = [
    ['', 1, 1, 'unexpected end of text'],
    ['{"a": 1,}', 1, 9, 'expected a property name in double quotes'],
    ['[1, 2,]', 1, 7, 'expected a value (a comma before it?)'],
    ['{"a": }', 1, 7, 'expected a value'],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes'],
    ["[1, 'x']", 1, 5, 'expected a value (use double quotes)'],
    ['{"a" 1}', 1, 6, "expected ':' after a property name"],
    ['[1 2]', 1, 4, "expected ',' or ']' after a list item"],
    ['{"a": 1\n"b": 2}', 2, 1, "expected ',' or '}' after a property value"],
    ['{"a": "x\ny"}', 1, 9, 'control character inside a string (write it as \\n, \\t, ...)'],
    ['"\\x"', 1, 2, 'invalid escape in a string'],
    ['["abc', 1, 2, 'unterminated string'],
    ['[01]', 1, 3, "expected ',' or ']' after a list item"],
    ['[-]', 1, 2, 'expected a value'],
    ['{} {}', 1, 4, 'unexpected text after the end of the JSON value'],
    ['[tru]', 1, 2, 'expected a value'],
    ['['.repeat(50_000), 1, 50_001, 'unexpected end of text'],
  ];
  it.each(cases)('%j at line %i, column %i: %s', (text, line, column, problem) => {
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column, problem });
    expect(() => JSON.parse(text)).toThrow();
  });
});
