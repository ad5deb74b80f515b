/**
 * The two shapes the cluster picture takes from d3, written out so the first paint does not load
 * d3-shape, d3-path and d3-polygon: an annular sector (`arc`, the same builder calls and the same
 * path text as d3-shape's arc without corners or padding, numbers rounded to 3 decimals) and a
 * convex hull (`polygonHull`, the same monotone chain, the same points in the same order).
 * test/views/shapes.test.ts compares both with d3 over many inputs.
 */

type Accessor<D> = (d: D) => number;

/** d3-path's tolerance (points, arc sweeps) and d3-shape's (radii and angles of a shape). */
const EPSILON = 1e-6;
const SHAPE_EPSILON = 1e-12;
const TAU = 2 * Math.PI;

/** Path text as d3-path writes it with 3 digits: `M`, `L`, `A` (with its flags) and `Z`. */
class RoundedPath {
  private text = '';
  private x1: number | null = null;
  private y1: number | null = null;
  private started = false;

  private static n(v: number): number {
    return Math.round(v * 1000) / 1000;
  }

  moveTo(x: number, y: number): void {
    this.text += `M${RoundedPath.n(x)},${RoundedPath.n(y)}`;
    this.x1 = x;
    this.y1 = y;
    this.started = true;
  }

  lineTo(x: number, y: number): void {
    this.text += `L${RoundedPath.n(x)},${RoundedPath.n(y)}`;
    this.x1 = x;
    this.y1 = y;
  }

  /** A circular arc around the origin from angle a0 to a1 (counter-clockwise when `ccw`). */
  arc(r: number, a0: number, a1: number, ccw: boolean): void {
    const n = RoundedPath.n;
    const x0 = r * Math.cos(a0);
    const y0 = r * Math.sin(a0);
    const cw = ccw ? 0 : 1;
    let da = ccw ? a0 - a1 : a1 - a0;
    if (this.x1 === null || this.y1 === null) this.text += `M${n(x0)},${n(y0)}`;
    else if (Math.abs(this.x1 - x0) > EPSILON || Math.abs(this.y1 - y0) > EPSILON) {
      this.text += `L${n(x0)},${n(y0)}`;
    }
    if (!r) return;
    if (da < 0) da = (da % TAU) + TAU;
    if (da > TAU - EPSILON) {
      this.text += `A${n(r)},${n(r)},0,1,${cw},${n(-x0)},${n(-y0)}A${n(r)},${n(r)},0,1,${cw},${n(x0)},${n(y0)}`;
      this.x1 = x0;
      this.y1 = y0;
    } else if (da > EPSILON) {
      const x1 = r * Math.cos(a1);
      const y1 = r * Math.sin(a1);
      if (da >= Math.PI && n(x0) === n(x1) && n(y0) === n(y1)) {
        da /= 2;
        const mid = a0 + da;
        this.text += `A${n(r)},${n(r)},0,${da >= Math.PI ? 1 : 0},${cw},${n(r * Math.cos(mid))},${n(r * Math.sin(mid))}`;
      }
      this.text += `A${n(r)},${n(r)},0,${da >= Math.PI ? 1 : 0},${cw},${n(x1)},${n(y1)}`;
      this.x1 = x1;
      this.y1 = y1;
    }
  }

  closePath(): void {
    if (this.started) this.text += 'Z';
  }

  toString(): string {
    return this.text;
  }
}

export interface ArcBuilder<D> {
  (d: D): string | null;
  innerRadius(f: Accessor<D> | number): ArcBuilder<D>;
  outerRadius(f: Accessor<D> | number): ArcBuilder<D>;
  startAngle(f: Accessor<D> | number): ArcBuilder<D>;
  endAngle(f: Accessor<D> | number): ArcBuilder<D>;
}

/**
 * An arc builder like d3-shape's `arc()`: angles in radians clockwise from 12 o'clock, radii in
 * px, centred on the origin; every accessor is a number or a function of the datum.
 */
export function arc<D>(): ArcBuilder<D> {
  const zero: Accessor<D> = () => 0;
  let inner = zero;
  let outer = zero;
  let start = zero;
  let end = zero;
  const of = (f: Accessor<D> | number): Accessor<D> => (typeof f === 'number' ? () => f : f);
  const build = ((d: D): string | null => {
    let r0 = +inner(d);
    let r1 = +outer(d);
    const a0 = start(d) - Math.PI / 2;
    const a1 = end(d) - Math.PI / 2;
    const da = Math.abs(a1 - a0);
    const cw = a1 > a0;
    if (r1 < r0) [r0, r1] = [r1, r0];
    const path = new RoundedPath();
    if (!(r1 > SHAPE_EPSILON)) path.moveTo(0, 0);
    else if (da > TAU - SHAPE_EPSILON) {
      path.moveTo(r1 * Math.cos(a0), r1 * Math.sin(a0));
      path.arc(r1, a0, a1, !cw);
      if (r0 > SHAPE_EPSILON) {
        path.moveTo(r0 * Math.cos(a1), r0 * Math.sin(a1));
        path.arc(r0, a1, a0, cw);
      }
    } else {
      const x01 = r1 * Math.cos(a0);
      const y01 = r1 * Math.sin(a0);
      if (!(da > SHAPE_EPSILON)) path.moveTo(x01, y01);
      else {
        path.moveTo(x01, y01);
        path.arc(r1, a0, a1, !cw);
      }
      if (!(r0 > SHAPE_EPSILON) || !(da > SHAPE_EPSILON))
        path.lineTo(r0 * Math.cos(a1), r0 * Math.sin(a1));
      else path.arc(r0, a1, a0, cw);
    }
    path.closePath();
    return path.toString() || null;
  }) as ArcBuilder<D>;
  build.innerRadius = (f) => ((inner = of(f)), build);
  build.outerRadius = (f) => ((outer = of(f)), build);
  build.startAngle = (f) => ((start = of(f)), build);
  build.endAngle = (f) => ((end = of(f)), build);
  return build;
}

type Point = [number, number];

/** z of the cross product AB × AC: positive when A, B, C turn counter-clockwise (y up). */
function cross(a: readonly number[], b: readonly number[], c: readonly number[]): number {
  return (
    ((b[0] ?? 0) - (a[0] ?? 0)) * ((c[1] ?? 0) - (a[1] ?? 0)) -
    ((b[1] ?? 0) - (a[1] ?? 0)) * ((c[0] ?? 0) - (a[0] ?? 0))
  );
}

/** Indexes (into `sorted`, sorted by x then y) of its upper hull, left to right. */
function upperHull(sorted: readonly (readonly number[])[]): number[] {
  const kept = [0, 1];
  let size = 2;
  for (let i = 2; i < sorted.length; i++) {
    while (
      size > 1 &&
      cross(
        sorted[kept[size - 2] ?? 0] ?? [],
        sorted[kept[size - 1] ?? 0] ?? [],
        sorted[i] ?? [],
      ) <= 0
    ) {
      size--;
    }
    kept[size++] = i;
  }
  return kept.slice(0, size);
}

/**
 * The convex hull of the points (the given point objects, not copies), as d3-polygon's
 * `polygonHull` returns it; null for fewer than three points.
 */
export function polygonHull<P extends Point>(points: readonly P[]): P[] | null {
  const n = points.length;
  if (n < 3) return null;
  const sorted = points
    .map((p, i) => [+p[0], +p[1], i] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const flipped = sorted.map((p) => [p[0], -p[1]] as const);
  const upper = upperHull(sorted);
  const lower = upperHull(flipped);
  const skipLeft = lower[0] === upper[0] ? 1 : 0;
  const skipRight = lower[lower.length - 1] === upper[upper.length - 1] ? 1 : 0;
  const original = (k: number | undefined): P => points[sorted[k ?? 0]?.[2] ?? 0] as P;
  const hull: P[] = [];
  for (let i = upper.length - 1; i >= 0; i--) hull.push(original(upper[i]));
  for (let i = skipLeft; i < lower.length - skipRight; i++) hull.push(original(lower[i]));
  return hull;
}
