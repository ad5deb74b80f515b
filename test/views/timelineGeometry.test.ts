import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import {
  bandRects,
  clusterMarks,
  keyStep,
  markPath,
  MARK_KINDS,
  tickLabel,
  timeAtX,
  timelineScale,
  type MarkCluster,
  type TimelineMark,
} from '../../src/views/panels/timelineGeometry.ts';
import { clusterTitle } from '../../src/views/panels/Timeline.tsx';
import { translator } from '../../src/i18n/index.ts';

describe('timelineScale', () => {
  it('maps 0..endMs onto the padded width and back', () => {
    const s = timelineScale(10_000, 1000, 10);
    expect(s(0)).toBe(10);
    expect(s(10_000)).toBe(990);
    expect(s(5000)).toBe(500);
    expect(timeAtX(s, 500, 10_000)).toBe(5000);
  });

  it('clamps outside the run and survives an empty run or a tiny width', () => {
    const s = timelineScale(1000, 200, 10);
    expect(s(-50)).toBe(10);
    expect(s(5000)).toBe(190);
    expect(timeAtX(s, -100, 1000)).toBe(0);
    expect(timeAtX(s, 10_000, 1000)).toBe(1000);
    expect(Number.isFinite(timelineScale(0, 0)(0))).toBe(true);
    expect(timeAtX(timelineScale(0, 300), 150, 0)).toBe(0);
  });

  it("gives exactly d3's clamped linear scale: the same pixels, inverse and ticks", () => {
    for (const [endMs, width, pad] of [
      [0, 0, 12],
      [1, 5, 12],
      [997, 333, 12],
      [10_000, 1000, 10],
      [123_457, 1441, 12],
      [3_600_000, 390, 8],
    ] as const) {
      const ours = timelineScale(endMs, width, pad);
      const d3 = scaleLinear()
        .domain([0, Math.max(1, endMs)])
        .range([pad, Math.max(pad + 1, width - pad)])
        .clamp(true);
      for (let i = -3; i <= 40; i++) {
        const t = (endMs * i) / 37 + i / 7;
        expect(ours(t), `${endMs} ${width} at ${t}`).toBe(d3(t));
        const x = (width * i) / 37 - 1.5;
        expect(ours.invert(x), `${endMs} ${width} invert ${x}`).toBe(d3.invert(x));
      }
      for (const n of [2, 4, 10, 14]) expect(ours.ticks(n)).toEqual(d3.ticks(n));
    }
  });
});

describe('clusterMarks', () => {
  const scale = timelineScale(1000, 1020, 10); // 1 px per ms

  it('merges marks of one kind closer than 2 px and keeps kinds apart', () => {
    const marks: TimelineMark[] = [
      { time: 100, kind: 'commit' },
      { time: 101, kind: 'commit' },
      { time: 101, kind: 'election' },
      { time: 110, kind: 'commit' },
    ];
    const c = clusterMarks(marks, scale);
    expect(c.map((m) => [m.kind, m.count, m.fromMs, m.toMs])).toEqual([
      ['commit', 2, 100, 101],
      ['election', 1, 101, 101],
      ['commit', 1, 110, 110],
    ]);
    expect(c[0]?.x).toBeCloseTo(110.5, 5);
  });

  it('does not chain a long run of close marks into one blob', () => {
    const marks = Array.from({ length: 10 }, (_, i): TimelineMark => ({
      time: i * 1.5,
      kind: 'action',
    }));
    const clusters = clusterMarks(marks, scale);
    expect(clusters.length).toBeGreaterThan(4);
    for (const c of clusters) expect(c.toMs - c.fromMs).toBeLessThan(2);
    expect(clusters.reduce((n, c) => n + c.count, 0)).toBe(10);
  });

  it('sorts unsorted input and reduces 100k marks to a few per pixel, fast', () => {
    const kinds = MARK_KINDS;
    const marks = Array.from({ length: 100_000 }, (_, i): TimelineMark => ({
      time: (i * 7919) % 1000,
      kind: kinds[i % kinds.length] ?? 'commit',
    }));
    const t0 = performance.now();
    const clusters = clusterMarks(marks, scale);
    const ms = performance.now() - t0;
    expect(clusters.length).toBeLessThanOrEqual(kinds.length * 1000);
    expect(clusters.reduce((n, c) => n + c.count, 0)).toBe(100_000);
    expect(ms).toBeLessThan(500);
  });
});

describe('term band, shapes and keys', () => {
  it('turns term intervals into rectangles, skipping empty ones', () => {
    const s = timelineScale(1000, 1020, 10);
    expect(
      bandRects(
        [
          { from: 0, to: 300, term: 1 },
          { from: 300, to: 300, term: 2 },
          { from: 300, to: 1000, term: 3 },
        ],
        s,
      ),
    ).toEqual([
      { x: 10, width: 300, term: 1 },
      { x: 310, width: 700, term: 3 },
    ]);
  });

  it('gives each mark kind its own shape', () => {
    const paths = MARK_KINDS.map((k) => markPath(k, 10, 10, 4));
    expect(new Set(paths).size).toBe(MARK_KINDS.length);
    expect(markPath('action', 10, 10, 4)).toBe('M6,6H14V14H6Z');
    expect(markPath('election', 10.04, 10, 4)).toBe('M10,6L14,10L10,14L6,10Z');
  });

  it('steps like a WAI-ARIA slider and ignores other keys', () => {
    expect(keyStep('ArrowRight', 500, 10_000, false)).toBe(510);
    expect(keyStep('ArrowLeft', 500, 10_000, true)).toBe(400);
    expect(keyStep('ArrowLeft', 5, 10_000, false)).toBe(0);
    expect(keyStep('PageUp', 9500, 10_000, false)).toBe(10_000);
    expect(keyStep('PageDown', 5000, 20_000, false)).toBe(3000);
    expect(keyStep('Home', 5000, 10_000, false)).toBe(0);
    expect(keyStep('End', 5000, 10_000, false)).toBe(10_000);
    expect(keyStep('a', 5000, 10_000, false)).toBeNull();
  });

  it('labels ticks in seconds', () => {
    expect(tickLabel(1500)).toBe('1.5 s');
    expect(tickLabel(300)).toBe('0.3 s');
    expect(tickLabel(0)).toBe('0 s');
  });

  it('writes the decimal mark of the reader’s language, and never groups seconds', () => {
    expect(tickLabel(1500, 'es')).toBe('1,5 s');
    expect(tickLabel(1500, 'pt')).toBe('1,5 s');
    expect(tickLabel(3_600_250, 'pt')).toBe('3600,25 s');
    expect(tickLabel(3_600_250, 'en')).toBe('3600.25 s');
  });
});

describe('clusterTitle (a mark’s tooltip)', () => {
  const one: MarkCluster = { kind: 'commit', count: 1, fromMs: 1200, toMs: 1200, x: 10 };
  const many: MarkCluster = { kind: 'election', count: 3, fromMs: 1200, toMs: 4450, x: 10 };

  it('words one mark and several in English, Spanish and Portuguese', () => {
    expect(clusterTitle(one, translator('en'), 'en')).toBe('commit at 1.200 s');
    expect(clusterTitle(many, translator('en'), 'en')).toBe('3 leaders elected, 1.200 s – 4.450 s');
    expect(clusterTitle(one, translator('es'), 'es')).toBe('confirmación en 1,200 s');
    expect(clusterTitle(many, translator('es'), 'es')).toBe(
      '3 líderes elegidos, 1,200 s – 4,450 s',
    );
    expect(clusterTitle(one, translator('pt'), 'pt')).toBe('confirmação em 1,200 s');
    expect(clusterTitle(many, translator('pt'), 'pt')).toBe('3 líderes eleitos, 1,200 s – 4,450 s');
  });

  it('has words for every kind of mark in every language', () => {
    for (const lang of ['en', 'es', 'pt'] as const) {
      const words = new Set<string>();
      for (const kind of MARK_KINDS) {
        const title = clusterTitle({ ...one, kind }, translator(lang), lang);
        expect(title).not.toMatch(/tlMark|\{/);
        words.add(title);
      }
      expect(words.size).toBe(MARK_KINDS.length);
    }
  });
});
