/** Virtual time in words, shared by the services and the views. */
import type { TimeMs } from '../core/types.ts';
import type { Language } from '../scenarios/steps.ts';
import { decimalSeparator, formatCount } from './numbers.ts';

/**
 * Virtual time as seconds with millisecond precision, in the reader's number format: 1234 →
 * "1.234 s" (en), "1,234 s" (es, pt). Seconds are never grouped, so a time reads the same at any
 * length of run.
 */
export function formatTime(ms: TimeMs, lang: Language = 'en'): string {
  // Integer arithmetic, so 0.1 + 0.2 style rounding never shows up on screen.
  const whole = Math.round(Math.abs(ms));
  const sign = ms < 0 && whole > 0 ? '-' : '';
  const seconds = Math.floor(whole / 1000);
  const millis = String(whole % 1000).padStart(3, '0');
  return `${sign}${seconds}${decimalSeparator(lang)}${millis} s`;
}

/** A length of time: "40 ms" below a second, "1.234 s" above (in `lang`'s number format). */
export function formatDuration(ms: number, lang: Language = 'en'): string {
  return Math.abs(ms) < 1000 ? `${formatCount(Math.round(ms), lang)} ms` : formatTime(ms, lang);
}
