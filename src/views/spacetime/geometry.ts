/**
 * The space-time diagram's geometry, as pure functions: time runs across (left to right), one
 * lane per server (then per client) down the side; a message is a line from (sender, send time)
 * to (receiver, delivery time). The React component only draws what these return.
 */
import type { Endpoint } from '../../core/types.ts';
import type { MessageStatus, VisibleMessage } from '../../store/spaceTime.ts';

/** Room for the lane labels on the left, the time axis on top, and a margin on the right. */
export const LABEL_PX = 34;
export const AXIS_PX = 20;
export const RIGHT_PX = 10;
export const BOTTOM_PX = 8;
/** Lanes never get closer than this (a phone, many clients) nor further apart than the max. */
export const MIN_LANE_GAP_PX = 18;
export const MAX_LANE_GAP_PX = 64;

/** The shortest and longest time span shown (ms). */
export const MIN_SPAN_MS = 40;
export const MAX_SPAN_MS = 600_000;
export const DEFAULT_SPAN_MS = 1_500;
/** In follow mode the playhead sits this far across the window (room to see what comes). */
export const FOLLOW_AT = 0.85;

/**
 * The sizes the diagram is drawn at: the lab's (small type, tight lanes) or presenter mode's
 * (type of 16 px or more, for the back of the room, and lanes spread to match).
 */
export interface DiagramScale {
  readonly labelPx: number;
  readonly axisPx: number;
  readonly minGapPx: number;
  readonly maxGapPx: number;
  /** Type sizes (px): lane names, time ticks, the marks' words, commit indexes. */
  readonly laneFont: number;
  readonly tickFont: number;
  readonly markFont: number;
  readonly indexFont: number;
  /** Line widths are multiplied by this. */
  readonly stroke: number;
}

export const LAB_SCALE: DiagramScale = {
  labelPx: LABEL_PX,
  axisPx: AXIS_PX,
  minGapPx: MIN_LANE_GAP_PX,
  maxGapPx: MAX_LANE_GAP_PX,
  laneFont: 12,
  tickFont: 10,
  markFont: 9,
  indexFont: 8,
  stroke: 1,
};

/** Presenter mode: every word at `textPx` (16 px at least) and the room it needs. */
export function presenterScale(textPx: number): DiagramScale {
  const px = Math.max(16, Number.isFinite(textPx) ? Math.min(textPx, 40) : 16);
  return {
    labelPx: Math.round(px * 2.6),
    axisPx: Math.round(px * 1.7),
    minGapPx: Math.round(px * 2.2),
    maxGapPx: Math.round(px * 5),
    laneFont: Math.round(px * 1.1),
    tickFont: px,
    markFont: px,
    indexFont: px,
    stroke: 1.5,
  };
}

export interface TimeWindow {
  readonly fromMs: number;
  readonly toMs: number;
}

export interface Lane {
  readonly endpoint: Endpoint;
  /** S1… for servers, C1… for clients. */
  readonly label: string;
  readonly y: number;
  readonly client: boolean;
}

/** The window that keeps the playhead in view: it slides once the playhead passes FOLLOW_AT. */
export function followWindow(nowMs: number, spanMs: number): TimeWindow {
  const span = clampSpan(spanMs);
  const fromMs = Math.max(0, nowMs - span * FOLLOW_AT);
  return { fromMs, toMs: fromMs + span };
}

/**
 * The span that shows a story's step of `stepMs` whole in follow mode: the step fills the window
 * up to the playhead (at FOLLOW_AT), with a tenth more before it.
 */
export function stepSpan(stepMs: number): number {
  return clampSpan((stepMs * 1.1) / FOLLOW_AT);
}

export function clampSpan(spanMs: number): number {
  if (!Number.isFinite(spanMs)) return DEFAULT_SPAN_MS;
  return Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, spanMs));
}

/** Zooms by `factor` (< 1 zooms in) around `anchorMs`, which keeps its place on screen. */
export function zoomWindow(w: TimeWindow, factor: number, anchorMs: number): TimeWindow {
  const span = w.toMs - w.fromMs;
  const next = clampSpan(span * factor);
  const anchor = Math.min(w.toMs, Math.max(w.fromMs, anchorMs));
  const share = span > 0 ? (anchor - w.fromMs) / span : 0;
  const fromMs = Math.max(0, anchor - share * next);
  return { fromMs, toMs: fromMs + next };
}

/** Moves the window by `deltaMs`, never before time 0. */
export function panWindow(w: TimeWindow, deltaMs: number): TimeWindow {
  const span = w.toMs - w.fromMs;
  const fromMs = Math.max(0, w.fromMs + deltaMs);
  return { fromMs, toMs: fromMs + span };
}

/**
 * The time origin a window following the playhead is drawn against: the start of the whole span
 * it begins in. It stays put while the window slides within that span and its next one, so what
 * is drawn against it keeps its coordinates (SpaceTimeDiagram).
 */
export function originOf(fromMs: number, spanMs: number): number {
  return spanMs > 0 ? Math.floor(fromMs / spanMs) * spanMs : fromMs;
}

/**
 * Steps per span of the window at which the lab's diagram hands what has ended over to its settled
 * layer, and from which it draws (SpaceTimeView): eight per span, about 190 ms at the default
 * span (1.5 s), so the settled layer is painted again some five times a second at 1x.
 */
export const SETTLE_STEPS = 8;

/** `t` rounded down to a settle step of a window `spanMs` wide. */
export function settleFloor(t: number, spanMs: number): number {
  const step = spanMs / SETTLE_STEPS;
  return step > 0 ? Math.floor(t / step) * step : t;
}

/**
 * Where SpaceTimeView draws from for a window starting at `fromMs` with the run at `nowMs`: a
 * settle step at or before the window's start (never before 0) that moves on only when the run
 * crosses a settle step. Rounding the window's start alone would move it at other moments than
 * the run's own steps (the window starts FOLLOW_AT of a span before the playhead, not a whole
 * number of steps), and the settled layer would be drawn again twice as often. Following the
 * playhead, it is at most a step and a fifth before the window.
 */
export function drawnFromMs(fromMs: number, spanMs: number, nowMs: number): number {
  const behind = Math.ceil(FOLLOW_AT * SETTLE_STEPS) * (spanMs / SETTLE_STEPS);
  return Math.max(0, Math.min(settleFloor(fromMs, spanMs), settleFloor(nowMs, spanMs) - behind));
}

export interface Plot {
  readonly width: number;
  readonly height: number;
  readonly x0: number;
  readonly x1: number;
  readonly window: TimeWindow;
}

export function plotOf(
  width: number,
  height: number,
  window: TimeWindow,
  labelPx: number = LABEL_PX,
): Plot {
  return { width, height, x0: labelPx, x1: Math.max(labelPx + 1, width - RIGHT_PX), window };
}

export function xAt(plot: Plot, t: number): number {
  const { fromMs, toMs } = plot.window;
  const span = toMs - fromMs || 1;
  return plot.x0 + ((t - fromMs) / span) * (plot.x1 - plot.x0);
}

export function timeAtX(plot: Plot, x: number): number {
  const { fromMs, toMs } = plot.window;
  return fromMs + ((x - plot.x0) / (plot.x1 - plot.x0 || 1)) * (toMs - fromMs);
}

/** Servers first (S1…Sn), then the clients seen (C1…), spread evenly down the height. */
export function laneLayout(
  servers: number,
  clients: readonly number[],
  height: number,
  scale: DiagramScale = LAB_SCALE,
): Lane[] {
  const count = servers + clients.length;
  if (count === 0) return [];
  const usable = Math.max(0, height - scale.axisPx - BOTTOM_PX);
  const gap = Math.min(scale.maxGapPx, Math.max(scale.minGapPx, usable / count));
  const top = scale.axisPx + gap / 2;
  const lanes: Lane[] = [];
  for (let i = 0; i < servers; i++)
    lanes.push({ endpoint: i + 1, label: `S${i + 1}`, y: top + i * gap, client: false });
  clients.forEach((c, j) =>
    lanes.push({ endpoint: -c, label: `C${c}`, y: top + (servers + j) * gap, client: true }),
  );
  return lanes;
}

/** The height the lanes need at the smallest gap (the diagram scrolls past it). */
export function minHeight(laneCount: number, scale: DiagramScale = LAB_SCALE): number {
  return scale.axisPx + BOTTOM_PX + laneCount * scale.minGapPx;
}

export interface Arrow {
  readonly id: number;
  readonly status: MessageStatus;
  readonly x1: number;
  readonly y1: number;
  /** Where the line ends: the receiver (delivered), the drop, or the playhead (in flight). */
  readonly x2: number;
  readonly y2: number;
  /** Where it would have arrived (a dropped or travelling message), for the faint rest. */
  readonly xEnd: number;
  readonly yEnd: number;
}

/**
 * The line of a message: from the sender's lane at the send to the receiver's at delivery. A
 * message in flight stops at the playhead; a dropped one at the time it was dropped, at the point
 * of its course it had reached (a loss, a partition or a crashed receiver drop it on arrival, a
 * drop by hand on its way). Null when an endpoint has no lane.
 */
export function arrowOf(
  v: VisibleMessage,
  laneY: ReadonlyMap<Endpoint, number>,
  plot: Plot,
  playheadMs: number,
): Arrow | null {
  const r = v.record;
  const y1 = laneY.get(r.from);
  const yEnd = laneY.get(r.to);
  if (y1 === undefined || yEnd === undefined) return null;
  const endMs =
    v.status === 'flight' ? Math.min(playheadMs, r.deliverMs) : (r.endMs ?? r.deliverMs);
  const course = r.deliverMs - r.sentMs;
  const share = course > 0 ? Math.min(1, Math.max(0, (endMs - r.sentMs) / course)) : 1;
  const x1 = xAt(plot, r.sentMs);
  const xEnd = xAt(plot, r.deliverMs);
  return {
    id: r.id,
    status: v.status,
    x1,
    y1,
    x2: x1 + (xEnd - x1) * share,
    y2: y1 + (yEnd - y1) * share,
    xEnd,
    yEnd,
  };
}

export interface Tick {
  readonly t: number;
  readonly x: number;
  readonly label: string;
}

const STEPS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000];

/** Round times across the window, at least `minPx` apart, labelled in seconds. */
export function timeTicks(plot: Plot, minPx = 70): Tick[] {
  const { fromMs, toMs } = plot.window;
  const px = plot.x1 - plot.x0;
  const span = toMs - fromMs;
  if (px <= 0 || span <= 0) return [];
  const step = STEPS_MS.find((s) => (s / span) * px >= minPx) ?? 120_000;
  const decimals = step >= 1000 ? 0 : step >= 100 ? 1 : step >= 10 ? 2 : 3;
  const ticks: Tick[] = [];
  for (let t = Math.ceil(fromMs / step) * step; t <= toMs && ticks.length < 200; t += step)
    ticks.push({ t, x: xAt(plot, t), label: `${(t / 1000).toFixed(decimals)} s` });
  return ticks;
}

/**
 * Where a tick's label is centred: on its tick, moved in just enough that the whole label stays
 * inside the picture (the window's last tick sits at its right edge). The width is an estimate
 * (digits are about 0.6 em wide).
 */
export function tickLabelX(x: number, label: string, fontPx: number, width: number): number {
  const half = (label.length * fontPx * 0.6) / 2;
  return Math.max(half + 1, Math.min(x, width - half - 1));
}

/** A label drawn centred on a lane mark, for `labelsWithRoom`. */
export interface MarkLabel {
  readonly lane: number;
  readonly x: number;
  readonly text: string;
  /** Where two labels would overlap, the higher priority is kept (a leader over a candidate). */
  readonly priority: number;
}

/**
 * Which of a row of labels to draw so that none overlaps another on its lane, with a gap of half
 * a character between them. Labels come in time order; a label that would overlap the last one
 * kept on its lane replaces it if it matters more (and then is checked against the one before),
 * and is left out otherwise. Widths are estimates (about 0.6 em a character); a mark whose label
 * is left out keeps its shape and its tooltip.
 */
export function labelsWithRoom(labels: readonly MarkLabel[], fontPx: number): boolean[] {
  const shown = labels.map(() => false);
  const kept = new Map<number, number[]>();
  const half = (text: string): number => (text.length * fontPx * 0.6) / 2;
  labels.forEach((label, i) => {
    let stack = kept.get(label.lane);
    if (stack === undefined) kept.set(label.lane, (stack = []));
    // The labels this one would push out; put back if it loses to one before them.
    let depth = stack.length;
    for (;;) {
      const top = stack[depth - 1];
      if (top === undefined) break;
      const prev = labels[top]!;
      const room = label.x - prev.x - half(prev.text) - half(label.text);
      if (room >= fontPx * 0.3) break;
      if (label.priority <= prev.priority) return;
      depth--;
    }
    for (const j of stack.splice(depth)) shown[j] = false;
    shown[i] = true;
    stack.push(i);
  });
  return shown;
}

/** `raft-lab-seed42-2.000-4.500s.svg`: the seed and the window in seconds (exportNames.ts). */
export { exportFileName } from './exportNames.ts';
