/** Numbers and times in the reader's format, through one helper (src/i18n/numbers.ts). */
import { describe, expect, it } from 'vitest';
import { decimalSeparator, formatCount, formatDecimal } from '../../src/i18n/numbers.ts';
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
