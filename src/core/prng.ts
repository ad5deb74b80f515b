/**
 * Seeded integer PRNG (sfc32) with named, independent streams (the determinism contract).
 * All arithmetic is 32-bit integer (`Math.imul`, `>>> 0`); the API hands out integers only, so the
 * same seed gives the same numbers in every JavaScript engine.
 */

/** The four 32-bit words of an sfc32 generator; plain data so checkpoints can copy it. */
export type PrngState = [number, number, number, number];

/** FNV-1a over a string's UTF-16 code units, 32 bits. */
export function fnv1a32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Derives a stream's starting state from the run seed and the stream's name. */
export function streamState(seed: number, name: string): PrngState {
  const a = fnv1a32(`${seed >>> 0}/${name}/a`);
  const b = fnv1a32(`${seed >>> 0}/${name}/b`);
  const c = fnv1a32(`${seed >>> 0}/${name}/c`);
  const state: PrngState = [a, b, c, 1];
  // Warm up so nearby seeds diverge completely.
  for (let i = 0; i < 12; i++) nextU32(state);
  return state;
}

/** Advances the state in place and returns the next 32-bit unsigned integer. */
export function nextU32(s: PrngState): number {
  const t = (((s[0] + s[1]) >>> 0) + s[3]) >>> 0;
  s[3] = (s[3] + 1) >>> 0;
  s[0] = (s[1] ^ (s[1] >>> 9)) >>> 0;
  s[1] = (s[2] + (s[2] << 3)) >>> 0;
  s[2] = ((s[2] << 21) | (s[2] >>> 11)) >>> 0;
  s[2] = (s[2] + t) >>> 0;
  return t;
}

/**
 * A uniform integer in [0, n) for 1 <= n <= 2^21. The product of a 32-bit draw and n stays below
 * 2^53, so the division by 2^32 is exact and engine-independent.
 */
export function below(s: PrngState, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 0x200000) throw new RangeError(`below(${n})`);
  return Math.floor((nextU32(s) * n) / 4294967296);
}

/** A uniform integer in [min, max], both inclusive. */
export function range(s: PrngState, min: number, max: number): number {
  return min + below(s, max - min + 1);
}

/** True with probability num/den (integer ratio). */
export function chance(s: PrngState, num: number, den: number): boolean {
  if (num <= 0) return false;
  if (num >= den) return true;
  return below(s, den) < num;
}

/** Object wrapper for callers outside the core (fuzz generators, tests). */
export class Prng {
  readonly state: PrngState;
  constructor(seed: number, stream = 'main') {
    this.state = streamState(seed, stream);
  }
  nextU32(): number {
    return nextU32(this.state);
  }
  below(n: number): number {
    return below(this.state, n);
  }
  range(min: number, max: number): number {
    return range(this.state, min, max);
  }
  chance(num: number, den: number): boolean {
    return chance(this.state, num, den);
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.below(items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }
}
