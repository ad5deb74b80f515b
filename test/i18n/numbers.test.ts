/** Numbers and times in the reader's format, through one helper (src/i18n/numbers.ts). */
import { describe, expect, it } from 'vitest';
import {
  NUMBER_LOCALES,
  decimalSeparator,
  formatCount,
  formatDecimal,
} from '../../src/i18n/numbers.ts';
import { formatDuration, formatTime } from '../../src/i18n/time.ts';

describe('numbers in the reader’s format', () => {
  it('groups counts as Intl does for en-US, es and pt-BR', () => {
    expect([1200, 65_536, 1_048_576].map((n) => formatCount(n, 'en'))).toEqual([
      '1,200',
      '65,536',
      '1,048,576',
    ]);
    // Spanish groups from five digits.
    expect([1200, 65_536, 1_048_576].map((n) => formatCount(n, 'es'))).toEqual([
      '1200',
      '65.536',
      '1.048.576',
    ]);
    expect([1200, 65_536, 1_048_576].map((n) => formatCount(n, 'pt'))).toEqual([
      '1.200',
      '65.536',
      '1.048.576',
    ]);
  });

  it('writes decimals with the language’s separator', () => {
    expect(formatDecimal(4768.37, 1, 'en')).toBe('4,768.4');
    expect(formatDecimal(4768.37, 1, 'es')).toBe('4768,4');
    expect(formatDecimal(1.5, 1, 'pt')).toBe('1,5');
    expect(['en', 'es', 'pt'].map((l) => decimalSeparator(l as 'en'))).toEqual(['.', ',', ',']);
  });

  it('writes small counts and the separators without a number format, exactly as Intl does', () => {
    // formatCount's shortcut below a thousand and decimalSeparator's table stand for Intl's
    // text; a language whose format disagreed (grouping, a sign of its own) would show here.
    const langs = Object.keys(NUMBER_LOCALES) as (keyof typeof NUMBER_LOCALES)[];
    for (const lang of langs) {
      const intl = new Intl.NumberFormat(NUMBER_LOCALES[lang], { maximumFractionDigits: 0 });
      for (let n = -1005; n <= 1005; n++) expect(formatCount(n, lang)).toBe(intl.format(n));
      for (const n of [-0, 0.5, -999.5, 999.4, 1e21, Number.NaN, Infinity])
        expect(formatCount(n, lang)).toBe(intl.format(n));
      const decimal = new Intl.NumberFormat(NUMBER_LOCALES[lang], { minimumFractionDigits: 1 })
        .formatToParts(1.5)
        .find((p) => p.type === 'decimal')?.value;
      expect(decimalSeparator(lang)).toBe(decimal);
    }
    // A language the table does not know (an inherited name included) falls back to English.
    expect(decimalSeparator('__proto__' as 'en')).toBe('.');
    expect(decimalSeparator('toString' as 'en')).toBe('.');
  });

  it('shows times and durations per language, English unchanged by default', () => {
    expect(formatTime(1234)).toBe('1.234 s');
    expect(formatTime(1234, 'es')).toBe('1,234 s');
    expect(formatTime(12_345_678, 'pt')).toBe('12345,678 s');
    expect(formatTime(-5, 'pt')).toBe('-0,005 s');
    expect(formatDuration(40, 'es')).toBe('40 ms');
    expect(formatDuration(1200, 'pt')).toBe('1,200 s');
    expect(formatDuration(999)).toBe('999 ms');
  });
});
