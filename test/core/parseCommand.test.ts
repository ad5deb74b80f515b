/**
 * parseCommand splits the usual form of a command (words of key characters, one space apart,
 * nothing around them) without the general split's regular expression: it must parse every
 * text exactly as the general rule does. The rule is written out here as the reference.
 */
import { describe, expect, it } from 'vitest';
import { parseCommand, type KvCommand } from '../../src/core/kv.ts';

const KEY = /^[A-Za-z0-9_.:/-]{1,120}$/;
const VALUE = /^[A-Za-z0-9_.:/-]{1,64}$/;

/** The grammar by its general rule: trim, split at runs of white space, check every word. */
function reference(text: string): KvCommand | null {
  const [op, ...args] = text.trim().split(/\s+/);
  const [key, ...values] = args;
  if (key !== undefined && !KEY.test(key)) return null;
  if (!values.every((w) => VALUE.test(w))) return null;
  const [a, b, c] = args;
  const n = args.length;
  if (op === 'noop' && n === 0) return { op: 'noop' };
  if ((op === 'get' || op === 'del' || op === 'incr') && n === 1 && a !== undefined)
    return { op, key: a };
  if (op === 'set' && n === 2 && a !== undefined && b !== undefined)
    return { op: 'set', key: a, value: b };
  if (op === 'cas' && n === 3 && a !== undefined && b !== undefined && c !== undefined)
    return { op: 'cas', key: a, expected: b, value: c };
  return null;
}

/** A small deterministic generator (the test needs no real randomness). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

const OPS = ['set', 'get', 'del', 'incr', 'cas', 'noop', 'put', 'SET', ''];
const SPACES = [' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\ufeff'];
const WORDS = ['x', 'k1', '/registry/pods/a', 'v.2', 'a:b', '__proto__', 'é', 'a*b', '-', '0'];

describe('parseCommand', () => {
  it('parses every text as the general rule does (usual form and not)', () => {
    const rnd = lcg(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
    let plain = 0;
    let parsed = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = rnd() < 0.1 ? pick(SPACES) : '';
      text += pick(OPS);
      const words = Math.floor(rnd() * 5);
      for (let w = 0; w < words; w++) {
        let word = pick(WORDS);
        if (rnd() < 0.05) word = word.repeat(rnd() < 0.5 ? 40 : 13); // past 64 or 120 characters
        text += (rnd() < 0.8 ? ' ' : pick(SPACES)) + word;
      }
      if (rnd() < 0.1) text += pick(SPACES);
      if (/^\S+( \S+)*$/.test(text)) plain++;
      const expected = reference(text);
      if (expected !== null) parsed++;
      expect([text, parseCommand(text)]).toEqual([text, expected]);
    }
    // Both paths and both outcomes were exercised many times.
    expect(plain).toBeGreaterThan(5_000);
    expect(20_000 - plain).toBeGreaterThan(1_000);
    expect(parsed).toBeGreaterThan(1_000);
  });

  it('reads the usual commands', () => {
    expect(parseCommand('set k1 7')).toEqual({ op: 'set', key: 'k1', value: '7' });
    expect(parseCommand(' cas  x\t1 2 ')).toEqual({
      op: 'cas',
      key: 'x',
      expected: '1',
      value: '2',
    });
    expect(parseCommand('get')).toBeNull();
    expect(parseCommand('set k1 7 8')).toBeNull();
  });
});
