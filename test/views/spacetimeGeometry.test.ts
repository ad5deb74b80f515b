/**
 * The space-time diagram's geometry (src/views/spacetime/geometry.ts), in Node: where the lanes
 * go, how a time maps to a pixel and back, where an arrow starts and ends for a message delivered,
 * in flight (cut at the playhead) or dropped (ending where it was dropped), and the window maths
 * of follow, zoom and pan.
 */
import { describe, expect, it } from 'vitest';
import type { MessageRecord, MessageStatus, VisibleMessage } from '../../src/store/spaceTime.ts';
import { record } from './spacetimeFixtures.ts';
import {
  AXIS_PX,
  BOTTOM_PX,
  DEFAULT_SPAN_MS,
  FOLLOW_AT,
  LABEL_PX,
  MAX_LANE_GAP_PX,
  MAX_SPAN_MS,
  MIN_LANE_GAP_PX,
  MIN_SPAN_MS,
  RIGHT_PX,
  SETTLE_STEPS,
  arrowOf,
  drawnFromMs,
  clampSpan,
  labelsWithRoom,
  exportFileName,
  followWindow,
  laneLayout,
  minHeight,
  panWindow,
  plotOf,
  settleFloor,
  stepSpan,
  timeAtX,
  tickLabelX,
  timeTicks,
  xAt,
  zoomWindow,
  type MarkLabel,
} from '../../src/views/spacetime/geometry.ts';

const visible = (r: MessageRecord, status: MessageStatus): VisibleMessage => ({
  record: r,
  status,
});

describe('lanes', () => {
  it('puts the servers first, then the clients, evenly spaced under the axis', () => {
    // 5 servers + 2 clients in 300 px: (300 − 20 − 8) / 7 ≈ 38.9 px apart.
    const lanes = laneLayout(5, [1, 3], 300);
    expect(lanes.map((l) => l.label)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'C1', 'C3']);
    expect(lanes.map((l) => l.endpoint)).toEqual([1, 2, 3, 4, 5, -1, -3]);
    expect(lanes.map((l) => l.client)).toEqual([false, false, false, false, false, true, true]);
    const gap = (300 - AXIS_PX - BOTTOM_PX) / 7;
    lanes.forEach((l, i) => expect(l.y).toBeCloseTo(AXIS_PX + gap / 2 + i * gap, 9));
    // Every lane inside the height, below the axis.
    for (const l of lanes) {
      expect(l.y).toBeGreaterThan(AXIS_PX);
      expect(l.y).toBeLessThan(300 - BOTTOM_PX);
    }
  });

  it('keeps the gap between its minimum and maximum; the height the lanes need', () => {
    const tall = laneLayout(3, [], 2000);
    expect((tall[1]?.y ?? 0) - (tall[0]?.y ?? 0)).toBe(MAX_LANE_GAP_PX);
    const short = laneLayout(9, [1, 2, 3], 100);
    expect((short[1]?.y ?? 0) - (short[0]?.y ?? 0)).toBe(MIN_LANE_GAP_PX);
    expect(minHeight(12)).toBe(AXIS_PX + BOTTOM_PX + 12 * MIN_LANE_GAP_PX);
    // At that height the last lane still fits above the bottom margin.
    const fit = laneLayout(9, [1, 2, 3], minHeight(12));
    expect(fit.at(-1)?.y ?? Infinity).toBeLessThan(minHeight(12) - BOTTOM_PX);
    expect(laneLayout(0, [], 300)).toEqual([]);
  });
});

describe('time to pixels', () => {
  const plot = plotOf(1010, 200, { fromMs: 1000, toMs: 3000 });

  it('maps the window onto the plot between the labels and the right margin, and back', () => {
    expect(plot.x0).toBe(LABEL_PX);
    expect(plot.x1).toBe(1010 - RIGHT_PX);
    expect(xAt(plot, 1000)).toBe(LABEL_PX);
    expect(xAt(plot, 3000)).toBe(1000);
    expect(xAt(plot, 2000)).toBe((LABEL_PX + 1000) / 2);
    // Outside the window: off the plot, on the right side of it (the clip path hides it).
    expect(xAt(plot, 500)).toBeLessThan(plot.x0);
    expect(xAt(plot, 4000)).toBeGreaterThan(plot.x1);
    for (const t of [1000, 1234.5, 2999, 3000]) expect(timeAtX(plot, xAt(plot, t))).toBeCloseTo(t);
  });

  it('survives an empty window and a plot too narrow for its margins', () => {
    const empty = plotOf(500, 100, { fromMs: 700, toMs: 700 });
    expect(Number.isFinite(xAt(empty, 700))).toBe(true);
    const narrow = plotOf(10, 100, { fromMs: 0, toMs: 100 });
    expect(narrow.x1).toBeGreaterThan(narrow.x0);
    expect(Number.isFinite(timeAtX(narrow, 5))).toBe(true);
  });

  it('labels round times at least the asked distance apart', () => {
    const ticks = timeTicks(plot, 70);
    expect(ticks.length).toBeGreaterThan(3);
    for (const k of ticks) {
      expect(k.t).toBeGreaterThanOrEqual(1000);
      expect(k.t).toBeLessThanOrEqual(3000);
      expect(k.x).toBe(xAt(plot, k.t));
    }
    for (let i = 1; i < ticks.length; i++)
      expect((ticks[i]?.x ?? 0) - (ticks[i - 1]?.x ?? 0)).toBeGreaterThanOrEqual(70);
    // 2 s over 966 px at ≥ 70 px: every 200 ms, "1.0 s", "1.2 s"…
    expect(ticks.slice(0, 2).map((k) => k.label)).toEqual(['1.0 s', '1.2 s']);
  });

  it('keeps a tick label inside the picture: the last one moves in from the right edge', () => {
    // "1.5 s" at 16 px is about 48 px wide: centred at 400 in a 400 px picture it would be cut.
    expect(tickLabelX(400, '1.5 s', 16, 400)).toBe(400 - 24 - 1);
    expect(tickLabelX(200, '1.5 s', 16, 400)).toBe(200);
    expect(tickLabelX(3, '0.0 s', 10, 400)).toBe(16);
  });
});

describe('arrows', () => {
  // 1000 px for 1000 ms after the labels: one pixel per millisecond.
  const plot = plotOf(LABEL_PX + 1000 + RIGHT_PX, 300, { fromMs: 0, toMs: 1000 });
  const laneY = new Map<number, number>([
    [1, 40],
    [2, 100],
    [3, 160],
    [-1, 220],
  ]);

  it('runs a delivered message from the sender at the send to the receiver at delivery', () => {
    const r = record({ id: 7, from: 1, to: 3, sentMs: 100, deliverMs: 300, endMs: 300 });
    const a = arrowOf(visible(r, 'delivered'), laneY, plot, 900);
    expect(a).toEqual({
      id: 7,
      status: 'delivered',
      x1: LABEL_PX + 100,
      y1: 40,
      x2: LABEL_PX + 300,
      y2: 160,
      xEnd: LABEL_PX + 300,
      yEnd: 160,
    });
  });

  it('stops a message in flight at the playhead, on the line to where it will arrive', () => {
    const r = record({ id: 8, from: 3, to: 1, sentMs: 200, deliverMs: 600 });
    // A quarter of the way: (300 − 200) / (600 − 200).
    const a = arrowOf(visible(r, 'flight'), laneY, plot, 300);
    expect(a?.x2).toBe(LABEL_PX + 300);
    expect(a?.y2).toBe(160 + (40 - 160) * 0.25);
    expect([a?.xEnd, a?.yEnd]).toEqual([LABEL_PX + 600, 40]);
    // A playhead past its arrival (rewound views never show that, but the line never overshoots).
    const late = arrowOf(visible(r, 'flight'), laneY, plot, 950);
    expect([late?.x2, late?.y2]).toEqual([LABEL_PX + 600, 40]);
    // At the instant it is sent, it is a point at the sender.
    const now = arrowOf(visible(r, 'flight'), laneY, plot, 200);
    expect([now?.x2, now?.y2]).toEqual([LABEL_PX + 200, 160]);
  });

  it('ends a dropped message at the drop: on arrival for a loss, partway for a drop by hand', () => {
    const lost = record({
      id: 9,
      from: 1,
      to: 2,
      sentMs: 100,
      deliverMs: 200,
      endMs: 200,
      dropReason: 'partition',
    });
    const a = arrowOf(visible(lost, 'dropped'), laneY, plot, 900);
    expect([a?.x2, a?.y2]).toEqual([LABEL_PX + 200, 100]);
    const byHand = record({
      id: 10,
      from: -1,
      to: 2,
      sentMs: 100,
      deliverMs: 500,
      endMs: 200,
      dropReason: 'manual',
    });
    const b = arrowOf(visible(byHand, 'dropped'), laneY, plot, 900);
    // Dropped a quarter of the way, at 200 ms: the cross sits there, the rest runs to 500 ms.
    expect(b?.x2).toBe(LABEL_PX + 200);
    expect(b?.y2).toBe(220 + (100 - 220) * 0.25);
    expect([b?.xEnd, b?.yEnd]).toEqual([LABEL_PX + 500, 100]);
  });

  it('draws nothing for an endpoint without a lane; a zero-latency message is a point', () => {
    expect(arrowOf(visible(record({ id: 11, to: 9 }), 'flight'), laneY, plot, 5)).toBeNull();
    expect(arrowOf(visible(record({ id: 12, from: -4 }), 'flight'), laneY, plot, 5)).toBeNull();
    const instant = record({ id: 13, from: 1, to: 2, sentMs: 50, deliverMs: 50, endMs: 50 });
    const a = arrowOf(visible(instant, 'delivered'), laneY, plot, 900);
    expect([a?.x2, a?.y2]).toEqual([LABEL_PX + 50, 100]);
  });
});

describe('the window', () => {
  it('follows the playhead: it stays put until the playhead passes FOLLOW_AT, then slides', () => {
    expect(followWindow(300, 1000)).toEqual({ fromMs: 0, toMs: 1000 });
    expect(followWindow(1000 * FOLLOW_AT, 1000)).toEqual({ fromMs: 0, toMs: 1000 });
    const w = followWindow(5000, 1000);
    expect(w.toMs - w.fromMs).toBe(1000);
    expect(5000 - w.fromMs).toBeCloseTo(1000 * FOLLOW_AT);
  });

  it('spans a story step: from a little before the previous stop to past this one', () => {
    for (const [prev, stop] of [
      [1000, 1600],
      [0, 180],
      [5000, 12_000],
    ] as const) {
      const w = followWindow(stop, stepSpan(stop - prev));
      expect(w.fromMs).toBeLessThanOrEqual(prev);
      expect(w.fromMs).toBeGreaterThanOrEqual(prev - 0.15 * (stop - prev));
      expect(w.toMs).toBeGreaterThan(stop);
    }
    expect(stepSpan(1)).toBe(MIN_SPAN_MS);
  });

  it('clamps the span, and a span that is not a number falls back to the default', () => {
    expect(clampSpan(1)).toBe(MIN_SPAN_MS);
    expect(clampSpan(1e12)).toBe(MAX_SPAN_MS);
    expect(clampSpan(Number.NaN)).toBe(DEFAULT_SPAN_MS);
    expect(clampSpan(Infinity)).toBe(DEFAULT_SPAN_MS);
    const w = followWindow(100_000, -5);
    expect(w.toMs - w.fromMs).toBe(MIN_SPAN_MS);
  });

  it('zooms around an anchor that keeps its place on screen', () => {
    const w = { fromMs: 1000, toMs: 3000 };
    const plot = plotOf(1000, 200, w);
    const anchor = 1500; // a quarter across
    const z = zoomWindow(w, 0.5, anchor);
    expect(z).toEqual({ fromMs: 1250, toMs: 2250 });
    expect(xAt(plotOf(1000, 200, z), anchor)).toBeCloseTo(xAt(plot, anchor));
    // Zooming out and back in returns the same window.
    const back = zoomWindow(z, 2, anchor);
    expect(back.fromMs).toBeCloseTo(1000);
    expect(back.toMs).toBeCloseTo(3000);
    // An anchor outside the window counts as its nearest edge; never before time 0.
    expect(zoomWindow(w, 0.5, 99_999)).toEqual({ fromMs: 2000, toMs: 3000 });
    expect(zoomWindow({ fromMs: 100, toMs: 300 }, 10, 200)).toEqual({ fromMs: 0, toMs: 2000 });
    // Limits: never narrower than MIN_SPAN_MS nor wider than MAX_SPAN_MS.
    const tiny = zoomWindow({ fromMs: 0, toMs: 50 }, 0.01, 25);
    expect(tiny.toMs - tiny.fromMs).toBe(MIN_SPAN_MS);
  });

  it('pans by a time, keeping the span, and stops at time 0', () => {
    expect(panWindow({ fromMs: 1000, toMs: 1500 }, 250)).toEqual({ fromMs: 1250, toMs: 1750 });
    expect(panWindow({ fromMs: 1000, toMs: 1500 }, -250)).toEqual({ fromMs: 750, toMs: 1250 });
    expect(panWindow({ fromMs: 100, toMs: 600 }, -1000)).toEqual({ fromMs: 0, toMs: 500 });
  });

  it('names an export after the seed and the window', () => {
    expect(exportFileName(42, { fromMs: 2000, toMs: 4500 }, 'svg')).toBe(
      'raft-lab-seed42-2.000-4.500s.svg',
    );
    expect(exportFileName(Number.NaN, null, 'png')).toBe('raft-lab-seedx.png');
  });
});

describe('mark labels with room', () => {
  const at = (lane: number, x: number, text: string, priority = 1): MarkLabel => ({
    lane,
    x,
    text,
    priority,
  });

  it('keeps labels that do not touch and leaves out one that would overlap', () => {
    // "m2" at 9 px is about 10.8 px wide: centres 12 px apart leave 1.2 px, under the 2.7 px gap.
    const shown = labelsWithRoom([at(1, 100, 'm2'), at(1, 112, 'm3'), at(1, 130, 'm4')], 9);
    expect(shown).toEqual([true, false, true]);
  });

  it('measures by the text: long commit indexes need more room than short ones', () => {
    expect(labelsWithRoom([at(1, 0, '9'), at(1, 11, '10')], 8)).toEqual([true, true]);
    expect(labelsWithRoom([at(1, 0, '1009'), at(1, 11, '1010')], 8)).toEqual([true, false]);
  });

  it('judges each lane on its own', () => {
    expect(labelsWithRoom([at(1, 50, 't2'), at(2, 51, 't2'), at(1, 52, 't3')], 9)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("lets a leader's label replace the candidate's it would cover, not the other way", () => {
    const leaderWins = labelsWithRoom([at(3, 200, 'm4'), at(3, 204, 'L m4', 2)], 9);
    expect(leaderWins).toEqual([false, true]);
    const candidateLoses = labelsWithRoom([at(3, 200, 'L m4', 2), at(3, 204, 'm5')], 9);
    expect(candidateLoses).toEqual([true, false]);
  });

  it('puts back the labels a loser would have pushed out', () => {
    // "L t9" (about 21.6 px wide) at 0 and "t2" at 19 just fit; "L t2" at 20 covers both, beats
    // the candidate but loses to the first leader: the candidate keeps its label.
    const shown = labelsWithRoom([at(1, 0, 'L t9', 3), at(1, 19, 't2'), at(1, 20, 'L t2', 2)], 9);
    expect(shown).toEqual([true, true, false]);
  });
});

describe('where the lab draws from (drawnFromMs)', () => {
  const span = 1500;
  const step = span / SETTLE_STEPS;

  it('moves on only when the run crosses a settle step, and stays a little before the window', () => {
    let last = drawnFromMs(0, span, 0);
    let moves = 0;
    let steps = 0;
    // The window follows the playhead, 1 ms at a time, over 30 spans.
    for (let now = 1; now <= 30 * span; now++) {
      const w = followWindow(now, span);
      const drawn = drawnFromMs(w.fromMs, span, now);
      const crossed = settleFloor(now, span) !== settleFloor(now - 1, span);
      if (crossed) steps++;
      if (drawn !== last) {
        moves++;
        expect(crossed, `moved at ${now} ms between the run's steps`).toBe(true);
      }
      expect(drawn).toBeGreaterThanOrEqual(0);
      expect(drawn).toBeLessThanOrEqual(w.fromMs);
      expect(w.fromMs - drawn).toBeLessThanOrEqual(1.2 * step + 1e-9);
      last = drawn;
    }
    // Once the window slides, it moves at every step.
    expect(moves).toBeGreaterThan(steps - 10);
  });

  it('stays at a window of the past while the run goes on, and at 0 before a run has a span', () => {
    const w = { fromMs: 3000, toMs: 4500 };
    const at = [5000, 9000, 60_000].map((now) => drawnFromMs(w.fromMs, span, now));
    expect(at).toEqual([settleFloor(3000, span), settleFloor(3000, span), settleFloor(3000, span)]);
    expect(drawnFromMs(0, span, 700)).toBe(0);
    // Rounding the window's start alone moves at other moments than the run's steps.
    const f = (now: number) => settleFloor(followWindow(now, span).fromMs, span);
    const offStep = Array.from({ length: 3000 }, (_v, i) => i + 3000).filter(
      (now) => f(now) !== f(now - 1) && settleFloor(now, span) === settleFloor(now - 1, span),
    );
    expect(offStep.length).toBeGreaterThan(0);
  });
});
