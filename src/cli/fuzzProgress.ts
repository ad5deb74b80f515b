/**
 * Progress of a fuzz campaign on standard error: a bar redrawn in place on a terminal, a plain
 * line every half minute otherwise (a log file), or nothing (tests).
 */
import type { CliIo } from './io.ts';

export type ProgressMode = 'bar' | 'lines' | 'none';

const BAR_WIDTH = 24;
const BAR_EVERY_MS = 150;
const LINE_EVERY_MS = 30_000;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export class Progress {
  private readonly started: number;
  private lastShownMs: number;
  private shown = false;

  constructor(
    private readonly io: CliIo,
    private readonly mode: ProgressMode,
    private readonly total: number,
    private readonly clockMs: () => number,
  ) {
    this.started = clockMs();
    this.lastShownMs = this.started;
  }

  private text(done: number, failing: number): string {
    const seconds = (this.clockMs() - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? duration((this.total - done) / rate) : '?';
    const failures = failing === 0 ? 'no failures' : `${failing} failing`;
    return `${done}/${this.total} seeds, ${failures}, ${rate.toFixed(1)} seeds/s, ETA ${eta}`;
  }

  update(done: number, failing: number): void {
    if (this.mode === 'none') return;
    const now = this.clockMs();
    const every = this.mode === 'bar' ? BAR_EVERY_MS : LINE_EVERY_MS;
    // A bar shows its last frame; a log gets no line just for the end (the summary follows).
    const last = this.mode === 'bar' && done >= this.total;
    if (now - this.lastShownMs < every && !last) return;
    this.lastShownMs = now;
    if (this.mode === 'lines') {
      this.io.stderr(`fuzz: ${this.text(done, failing)}\n`);
      return;
    }
    const filled = Math.round((BAR_WIDTH * done) / Math.max(1, this.total));
    const bar = `${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}`;
    this.io.stderr(`\r\u001b[2K[${bar}] ${this.text(done, failing)}`);
    this.shown = true;
  }

  /** Clears the bar so the summary starts on a clean line. */
  finish(): void {
    if (this.shown) this.io.stderr('\r\u001b[2K');
  }
}
