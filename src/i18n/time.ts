/** Virtual time in words, shared by the services and the views. */
import type { TimeMs } from '../core/types.ts';

/** Virtual time as seconds with millisecond precision: 1234 → "1.234 s". */
export function formatTime(ms: TimeMs): string {
  // Integer arithmetic, so 0.1 + 0.2 style rounding never shows up on screen.
  const whole = Math.round(Math.abs(ms));
  const sign = ms < 0 && whole > 0 ? '-' : '';
  const seconds = Math.floor(whole / 1000);
  const millis = String(whole % 1000).padStart(3, '0');
  return `${sign}${seconds}.${millis} s`;
}

/** A length of time: "40 ms" below a second, "1.234 s" above. */
export function formatDuration(ms: number): string {
  return Math.abs(ms) < 1000 ? `${Math.round(ms)} ms` : formatTime(ms);
}
