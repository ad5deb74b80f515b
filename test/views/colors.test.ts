import { lab } from 'd3';
import { describe, expect, it } from 'vitest';
import {
  TERM_PALETTE,
  contrastRatio,
  termColor,
  termColorSlot,
  termFill,
} from '../../src/views/colors.ts';

const distance = (a: string, b: string): number => {
  const x = lab(a);
  const y = lab(b);
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
};

describe('term colours', () => {
  it('computes WCAG contrast like the spec (black on white is 21, same colour is 1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
    // A known pair: #767676 on white is the classic 4.54:1 AA boundary.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('keeps the white term number readable on every term colour (≥ 4.5, above the required 3)', () => {
    for (let term = 1; term <= 40; term++) {
      expect(contrastRatio('#ffffff', termColor(term))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives neighbouring terms clearly different colours, and no two slots look alike', () => {
    for (let term = 1; term <= 20; term++) {
      expect(distance(termColor(term), termColor(term + 1))).toBeGreaterThan(30);
    }
    for (let i = 0; i < TERM_PALETTE.length; i++) {
      for (let j = i + 1; j < TERM_PALETTE.length; j++) {
        expect(distance(TERM_PALETTE[i] ?? '', TERM_PALETTE[j] ?? '')).toBeGreaterThan(25);
      }
    }
  });

  it('cycles through the palette, term 1 first, never out of range', () => {
    const n = TERM_PALETTE.length;
    expect(termColorSlot(1)).toBe(0);
    expect(termColorSlot(n)).toBe(n - 1);
    expect(termColorSlot(n + 1)).toBe(0);
    expect(termColorSlot(0)).toBe(n - 1);
    expect(termColor(3)).toBe(termColor(3 + n));
  });

  it('paints through a theme-overridable CSS variable with the palette colour as fallback', () => {
    expect(termFill(2)).toBe(`var(--term-1, ${termColor(2)})`);
  });
});
