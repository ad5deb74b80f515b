import { hcl, lab, rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import {
  TERM_PALETTE,
  contrastRatio,
  relativeLuminance,
  termColor,
  termColorSlot,
  termFill,
} from '../../src/views/colors.ts';

const distance = (a: string, b: string): number => {
  const x = lab(a);
  const y = lab(b);
  return Math.hypot(x.l - y.l, x.a - y.a, x.b - y.b);
};

/** The palette as it was computed at load with d3-color: each Tableau hue darkened in HCL. */
function derivedPalette(): string[] {
  const hues = [
    '#4e79a7',
    '#f28e2c',
    '#59a14f',
    '#e15759',
    '#af7aa1',
    '#76b7b2',
    '#9c755f',
    '#edc949',
  ];
  const whiteOn = (hex: string): number => {
    const lum = (color: string): number => {
      const c = rgb(color);
      const ch = (v: number) =>
        v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4;
      return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
    };
    return 1.05 / (lum(hex) + 0.05);
  };
  return hues.map((hue) => {
    const c = hcl(hue);
    for (let i = 0; i < 100 && whiteOn(c.formatHex()) < 4.5; i++) c.l -= 1;
    return c.formatHex();
  });
}

describe('term colours', () => {
  it('ships the palette d3-color derives from the Tableau hues (darkened in HCL for white text)', () => {
    expect(TERM_PALETTE).toEqual(derivedPalette());
  });

  it('reads #rgb and #rrggbb like d3-color, and gives NaN for what it cannot read', () => {
    for (const c of ['#fff', '#4e79a7', '#B85D00', '#000', '#8d7200']) {
      const d3 = rgb(c);
      const lum = (v: number) =>
        v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4;
      expect(relativeLuminance(c)).toBeCloseTo(
        0.2126 * lum(d3.r) + 0.7152 * lum(d3.g) + 0.0722 * lum(d3.b),
        12,
      );
    }
    expect(relativeLuminance('red')).toBeNaN();
    expect(relativeLuminance('#12345')).toBeNaN();
  });

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
