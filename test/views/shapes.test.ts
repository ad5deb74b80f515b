import { arc as d3Arc, polygonHull as d3Hull } from 'd3';
import { describe, expect, it } from 'vitest';
import { arc, polygonHull } from '../../src/views/shapes.ts';

/** A small seeded generator (mulberry32), so every run checks the same inputs. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Band {
  inner: number;
  outer: number;
  start: number;
  end: number;
}

describe('arc, written out instead of d3-shape', () => {
  const ours = arc<Band>()
    .innerRadius((d) => d.inner)
    .outerRadius((d) => d.outer)
    .startAngle((d) => d.start)
    .endAngle((d) => d.end);
  const theirs = d3Arc<Band>()
    .innerRadius((d) => d.inner)
    .outerRadius((d) => d.outer)
    .startAngle((d) => d.start)
    .endAngle((d) => d.end);
  const TAU = 2 * Math.PI;

  it("writes d3's path text for the election timer's band at every fraction", () => {
    for (const radius of [14, 20, 26.5, 31]) {
      for (let i = 0; i <= 1000; i++) {
        const band = { inner: radius + 3, outer: radius + 7, start: 0, end: (TAU * i) / 1000 };
        expect(ours(band), JSON.stringify(band)).toBe(theirs(band));
      }
    }
  });

  it("writes d3's path text for sectors, rings, circles, points and backwards angles", () => {
    const random = seeded(20140520);
    const special = [0, 1e-7, Math.PI, TAU - 1e-7, TAU, -TAU, 3 * TAU, -1.5];
    for (let i = 0; i < 5000; i++) {
      const pick = (scale: number): number =>
        random() < 0.15 ? (special[Math.floor(random() * special.length)] ?? 0) : random() * scale;
      const band = {
        inner: random() < 0.2 ? 0 : pick(60),
        outer: random() < 0.05 ? 0 : pick(80),
        start: pick(2 * TAU) - TAU,
        end: pick(2 * TAU) - TAU,
      };
      expect(ours(band), JSON.stringify(band)).toBe(theirs(band));
    }
  });

  it('takes numbers as well as functions, like d3', () => {
    const fixed = arc<null>().innerRadius(10).outerRadius(20).startAngle(0).endAngle(2);
    const d3Fixed = d3Arc<null>().innerRadius(10).outerRadius(20).startAngle(0).endAngle(2);
    expect(fixed(null)).toBe(d3Fixed(null));
    expect(fixed(null)).toMatch(/^M0,-20A20,20,0,0,1,/);
  });
});

describe('polygonHull, written out instead of d3-polygon', () => {
  it('returns the same points, the same objects, in the same order as d3', () => {
    const random = seeded(7);
    for (let i = 0; i < 3000; i++) {
      const n = Math.floor(random() * 40);
      const grid = random() < 0.3; // repeated and collinear points
      const points: [number, number][] = [];
      for (let k = 0; k < n; k++) {
        const v = (): number => (grid ? Math.floor(random() * 4) : random() * 500 - 250);
        points.push([v(), v()]);
      }
      const ours = polygonHull(points);
      const theirs = d3Hull(points);
      expect(ours, JSON.stringify(points)).toEqual(theirs);
      if (ours && theirs) ours.forEach((p, k) => expect(p).toBe(theirs[k]));
    }
  });

  it('has no hull below three points', () => {
    expect(polygonHull([])).toBeNull();
    expect(
      polygonHull([
        [0, 0],
        [1, 1],
      ]),
    ).toBeNull();
  });
});
