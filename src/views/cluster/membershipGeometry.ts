/**
 * Pure geometry of membership (the rule catalogue (src/i18n/rules.ts)) in the cluster view: the members of the drawn
 * configuration sit on the ring, the servers outside it in a row of their own at the bottom, and
 * during a joint phase each of C_old and C_new gets an outline around its voters. No DOM, no
 * React: numbers in, numbers and SVG path strings out (d3 for the hull only).
 */
import { polygonHull } from '../shapes.ts';
import type { NodePosition, Point, RingLayout } from './geometry.ts';
import { labelPosition, ringLayout, serverLabelSize } from './geometry.ts';

/** The band of servers outside every configuration the view draws. */
export interface OutsideRow {
  /** Top of the band (a row below the ring; for a column, the ring is left of `frame.x`). */
  top: number;
  /** The band's box: a row along the bottom, or a column along the right of a wide box. */
  frame: { x: number; y: number; width: number; height: number };
  /** Where the row's caption ("Outside the cluster") is drawn. */
  caption: Point;
  /** Radius of an outside server (smaller than the ring's). */
  r: number;
  ids: number[];
}

export interface ClusterLayout extends RingLayout {
  outside: OutsideRow | null;
}

/** Horizontal room per outside server: the circle, its name to the right, a gap. */
const OUTSIDE_SLOT_PX = 140;

/**
 * The ring for the servers in `inside`, in id order, and the others in a row below it. With every
 * server inside (or none named) this is exactly ringLayout: nothing moves in a run without
 * membership changes. `servers[id − 1]` is always server `id`, wherever it is drawn.
 */
export function clusterLayout(
  n: number,
  width: number,
  height: number,
  inside: readonly number[],
): ClusterLayout {
  const count = Math.max(1, Math.floor(n));
  const ids = Array.from({ length: count }, (_, i) => i + 1);
  const ring = ids.filter((id) => inside.includes(id));
  if (ring.length === 0 || ring.length === count)
    return { ...ringLayout(count, width, height), outside: null };
  const outside = ids.filter((id) => !ring.includes(id));
  // A wide, short box (a laptop's stage): a column on the right costs the ring nothing.
  if (width >= height * 1.45) return columnLayout(ids, ring, outside, width, height);
  const probe = ringLayout(ring.length, width, height * 0.75);
  const labelSize = serverLabelSize(probe);
  let r = Math.round(Math.max(12, Math.min(26, probe.nodeRadius * 0.6)));
  // Names to the right of the circles when the row is wide enough, else below them.
  const room = (width - 40) / outside.length;
  const beside = room >= 2 * r + 84;
  if (!beside) r = Math.max(10, Math.min(r, Math.floor((room - 24) / 2)));
  const slot = beside ? Math.min(OUTSIDE_SLOT_PX, room) : room;
  // Band: caption line, the circles with their timer arcs, the names when below, a margin.
  const band = 22 + 2 * r + (beside ? 14 : labelSize + 26);
  const top = Math.max(height * 0.45, height - band);
  const base = ringLayout(ring.length, width, top);
  const rowWidth = slot * outside.length;
  const x0 = beside ? Math.max(20, (width - rowWidth) / 2) + r + 6 : 20 + slot / 2;
  const y = top + 22 + r + 4;
  const positions: NodePosition[] = ids.map((id) => {
    const k = ring.indexOf(id);
    if (k >= 0) {
      const p = base.servers[k] as NodePosition;
      return { ...p, id };
    }
    const j = outside.indexOf(id);
    // Angle π/2: the name goes to the right of the circle; π: below it (labelPosition).
    return { id, x: x0 + j * slot, y, angle: beside ? Math.PI / 2 : Math.PI, r };
  });
  return {
    ...base,
    height,
    servers: positions,
    outside: {
      top,
      frame: {
        x: 8,
        y: top,
        width: Math.max(0, width - 16),
        height: Math.max(0, height - top - 4),
      },
      caption: { x: width / 2, y: top + 12 },
      r,
      ids: outside,
    },
  };
}

/** The outside servers in a column along the right edge, names to their right. */
function columnLayout(
  ids: readonly number[],
  ring: readonly number[],
  outside: readonly number[],
  width: number,
  height: number,
): ClusterLayout {
  // The column starts below the Legend button (ClusterLegend, top right of the box).
  const top = 44;
  const probe = ringLayout(ring.length, width * 0.7, height);
  const room = (height - top - 40) / outside.length;
  const r = Math.round(Math.max(9, Math.min(26, probe.nodeRadius * 0.6, (room - 12) / 2)));
  const bandWidth = Math.max(2 * r + 78, 136);
  const left = width - bandWidth - 8;
  const base = ringLayout(ring.length, left, height);
  const slot = Math.min(2 * r + 30, room);
  const y0 = top + 30 + r + Math.max(0, (height - top - 40 - slot * outside.length) / 2);
  const positions: NodePosition[] = ids.map((id) => {
    const k = ring.indexOf(id);
    if (k >= 0) return { ...(base.servers[k] as NodePosition), id };
    const j = outside.indexOf(id);
    return { id, x: left + 16 + r, y: y0 + j * slot, angle: Math.PI / 2, r };
  });
  return {
    ...base,
    width,
    height,
    servers: positions,
    outside: {
      top,
      frame: { x: left, y: top, width: bandWidth, height: Math.max(0, height - top - 8) },
      caption: { x: left + bandWidth / 2, y: top + 12 },
      r,
      ids: [...outside],
    },
  };
}

/** Points on a circle around each member, so the hull clears their circles by `pad`. */
function paddedPoints(centres: readonly Point[], radius: number): [number, number][] {
  const out: [number, number][] = [];
  const steps = 16;
  for (const c of centres) {
    for (let i = 0; i < steps; i++) {
      const a = (i * 2 * Math.PI) / steps;
      out.push([c.x + radius * Math.cos(a), c.y + radius * Math.sin(a)]);
    }
  }
  return out;
}

export interface GroupOutline {
  /** Closed SVG path around the group's servers. */
  path: string;
  /** Where the outline's label goes: just outside its topmost-leftmost point. */
  label: Point;
}

/**
 * An outline around some servers of the layout (a configuration's voters), `pad` px outside
 * their circles: the convex hull of points around each circle. Null for an empty group.
 */
export function groupOutline(
  ids: readonly number[],
  layout: RingLayout,
  pad: number,
): GroupOutline | null {
  const nodes = ids
    .map((id) => layout.servers[id - 1])
    .filter((p): p is NodePosition => p !== undefined);
  if (nodes.length === 0) return null;
  const radius = Math.max(...nodes.map((p) => p.r ?? layout.nodeRadius)) + pad;
  const hull = polygonHull(paddedPoints(nodes, radius));
  const points = hull ?? paddedPoints(nodes, radius);
  const path = `M${points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}Z`;
  let best = points[0] as [number, number];
  for (const p of points)
    if (p[1] < best[1] - 0.5 || (Math.abs(p[1] - best[1]) <= 0.5 && p[0] < best[0])) best = p;
  return { path, label: { x: best[0], y: best[1] - 4 } };
}

/**
 * Where an outline's label reads best: the vertex of its path farthest from every server, every
 * server's name and the labels placed already, kept inside the box (a label at the top would sit
 * on the top server's name).
 */
export function outlineLabel(path: string, layout: RingLayout, avoid: readonly Point[]): Point {
  const points = path
    .replace(/[MZ]/g, '')
    .split('L')
    .map((xy) => {
      const [x, y] = xy.split(',').map(Number);
      return { x: x ?? 0, y: y ?? 0 };
    });
  const obstacles: { p: Point; r: number }[] = [
    ...layout.servers.map((n) => ({ p: n as Point, r: n.r ?? layout.nodeRadius })),
    ...layout.servers.map((n) => ({ p: labelPosition(n, layout), r: 14 })),
    ...avoid.map((p) => ({ p, r: 30 })),
  ];
  let best = points[0] ?? layout.center;
  let bestScore = -Infinity;
  for (const p of points) {
    // The label's text runs to the right of its anchor: about 44 px by 14 px.
    const c = { x: p.x + 22, y: p.y - 6 };
    if (p.x < 4 || c.x + 22 > layout.width - 4 || p.y < 16 || p.y > layout.height - 4) continue;
    let score = Infinity;
    for (const o of obstacles) score = Math.min(score, Math.hypot(c.x - o.p.x, c.y - o.p.y) - o.r);
    if (score > bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return { x: best.x, y: best.y };
}

/**
 * The two outlines of a joint phase, C_new drawn a little outside C_old so they never lie on
 * top of each other where the groups share servers, each labelled where nothing else is drawn.
 */
export function jointOutlines(
  oldIds: readonly number[],
  newIds: readonly number[],
  layout: RingLayout,
): { old: GroupOutline | null; new: GroupOutline | null } {
  const base = Math.max(10, layout.nodeRadius * 0.25) + 8;
  const old = groupOutline(oldIds, layout, base);
  const next = groupOutline(newIds, layout, base + 10);
  if (old) old.label = outlineLabel(old.path, layout, []);
  if (next) next.label = outlineLabel(next.path, layout, old ? [old.label] : []);
  return { old, new: next };
}
