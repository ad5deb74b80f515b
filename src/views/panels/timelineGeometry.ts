/**
 * Pure geometry of the timeline scrubber: time ↔ x, mark clustering, term bands, mark shapes and
 * keyboard steps. d3 picks the axis ticks only; the component renders the SVG.
 */
import { ticks } from 'd3';
import type { Language } from '../../i18n/index.ts';
import { decimalSeparator } from '../../i18n/numbers.ts';

export type MarkKind = 'election' | 'commit' | 'crash' | 'restart' | 'violation' | 'action';

/** Lane order, top to bottom: violations first because they matter most. */
export const MARK_KINDS: readonly MarkKind[] = [
  'violation',
  'election',
  'commit',
  'crash',
  'restart',
  'action',
];

export interface TimelineMark {
  time: number;
  kind: MarkKind;
}

export interface TermBand {
  from: number;
  to: number;
  term: number;
}

/** Time → x (clamped to the run), its inverse, and "nice" axis ticks (about `count` of them). */
export interface TimeScale {
  (timeMs: number): number;
  invert(xPx: number): number;
  ticks(count: number): number[];
}

/** t in 0..1 between a and b, computed the way d3's linear scale does (the same pixels). */
const lerp = (a: number, b: number, t: number): number => a * (1 - t) + b * t;
const unit = (a: number, b: number, v: number): number =>
  Math.min(1, Math.max(0, (v - a) / (b - a)));

/** Virtual time (0..endMs) → x in px, with `padPx` kept free at both ends for the playhead. */
export function timelineScale(endMs: number, widthPx: number, padPx = 12): TimeScale {
  const end = Math.max(1, endMs);
  const right = Math.max(padPx + 1, widthPx - padPx);
  const scale = (timeMs: number): number => lerp(padPx, right, unit(0, end, timeMs));
  scale.invert = (xPx: number): number => lerp(0, end, unit(padPx, right, xPx));
  scale.ticks = (count: number): number[] => ticks(0, end, count);
  return scale;
}

/** The integer time under x, clamped to the run. */
export function timeAtX(scale: TimeScale, xPx: number, endMs: number): number {
  return Math.min(Math.max(0, endMs), Math.max(0, Math.round(scale.invert(xPx))));
}

export interface MarkCluster {
  kind: MarkKind;
  /** Centre of the cluster in px. */
  x: number;
  count: number;
  /** Times of the first and last mark merged here. */
  fromMs: number;
  toMs: number;
}

/**
 * Merges marks of the same kind that are less than `minGapPx` apart, so 100k events draw as at
 * most a few hundred shapes per lane. A cluster is measured from its first mark, so a long run
 * of close marks splits into several clusters instead of collapsing into one.
 */
export function clusterMarks(
  marks: readonly TimelineMark[],
  scale: TimeScale,
  minGapPx = 2,
): MarkCluster[] {
  const sorted = isSortedByTime(marks) ? marks : [...marks].sort((a, b) => a.time - b.time);
  const open = new Map<MarkKind, { startX: number; cluster: MarkCluster }>();
  const out: MarkCluster[] = [];
  for (const m of sorted) {
    const x = scale(m.time);
    const cur = open.get(m.kind);
    if (cur !== undefined && x - cur.startX < minGapPx) {
      cur.cluster.count += 1;
      cur.cluster.toMs = m.time;
      cur.cluster.x = (cur.startX + x) / 2;
      continue;
    }
    const cluster: MarkCluster = { kind: m.kind, x, count: 1, fromMs: m.time, toMs: m.time };
    open.set(m.kind, { startX: x, cluster });
    out.push(cluster);
  }
  return out;
}

function isSortedByTime(marks: readonly TimelineMark[]): boolean {
  for (let i = 1; i < marks.length; i++) {
    if ((marks[i]?.time ?? 0) < (marks[i - 1]?.time ?? 0)) return false;
  }
  return true;
}

export interface BandRect {
  x: number;
  width: number;
  term: number;
}

/** The term band as rectangles; empty or inverted intervals are skipped. */
export function bandRects(bands: readonly TermBand[], scale: TimeScale): BandRect[] {
  const out: BandRect[] = [];
  for (const b of bands) {
    const x0 = scale(b.from);
    const x1 = scale(b.to);
    if (x1 - x0 > 0) out.push({ x: x0, width: x1 - x0, term: b.term });
  }
  return out;
}

const r1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * An SVG path for a mark centred at (x, y): a distinct shape per kind so marks read without
 * colour (WCAG 1.4.1). Coordinates are rounded to 0.1 px so the markup is stable in tests.
 */
export function markPath(kind: MarkKind, x: number, y: number, r: number): string {
  const [L, R, T, B, X, Y, D] = [
    r1(x - r),
    r1(x + r),
    r1(y - r),
    r1(y + r),
    r1(x),
    r1(y),
    r1(2 * r),
  ];
  switch (kind) {
    case 'election': // diamond
      return `M${X},${T}L${R},${Y}L${X},${B}L${L},${Y}Z`;
    case 'commit': // circle
      return `M${L},${Y}a${r1(r)},${r1(r)} 0 1,0 ${D},0a${r1(r)},${r1(r)} 0 1,0 ${-D},0Z`;
    case 'crash': // cross (stroked)
      return `M${L},${T}L${R},${B}M${R},${T}L${L},${B}`;
    case 'restart': // triangle pointing up
      return `M${X},${T}L${R},${B}L${L},${B}Z`;
    case 'violation': // triangle pointing down
      return `M${L},${T}L${R},${T}L${X},${B}Z`;
    case 'action': // square
      return `M${L},${T}H${R}V${B}H${L}Z`;
  }
}

/**
 * The time after a key press on the slider (WAI-ARIA slider pattern), or null for other keys.
 * Arrows move 10 ms (100 ms with Shift), Page keys a tenth of the run (at least a second).
 */
export function keyStep(key: string, now: number, endMs: number, shift: boolean): number | null {
  const small = shift ? 100 : 10;
  const page = Math.max(1000, Math.round(endMs / 10));
  const clamp = (t: number): number => Math.min(Math.max(0, endMs), Math.max(0, t));
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(now - small);
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(now + small);
    case 'PageDown':
      return clamp(now - page);
    case 'PageUp':
      return clamp(now + page);
    case 'Home':
      return 0;
    case 'End':
      return clamp(endMs);
    default:
      return null;
  }
}

/** Axis tick label: 1500 → "1.5 s" ("1,5 s" in Spanish and Portuguese). */
export function tickLabel(ms: number, lang: Language = 'en'): string {
  // Seconds are never grouped (like formatTime); only the decimal mark follows the language.
  return `${Number((ms / 1000).toFixed(3))} s`.replace('.', decimalSeparator(lang));
}
