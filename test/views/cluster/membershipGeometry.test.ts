/** Membership in the cluster view (the rule catalogue §1.9): the outside row and the joint outlines, in Node. */
import { describe, expect, it } from 'vitest';
import { labelPosition, ringLayout } from '../../../src/views/cluster/geometry.ts';
import {
  clusterLayout,
  groupOutline,
  jointOutlines,
} from '../../../src/views/cluster/membershipGeometry.ts';

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

/** Whether a point is inside a closed polygon path "Mx,yLx,y…Z" (ray casting). */
function inside(path: string, p: { x: number; y: number }): boolean {
  const pts = path
    .replace(/[MZ]/g, '')
    .split('L')
    .map((xy) => xy.split(',').map(Number) as [number, number]);
  let yes = false;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i] as [number, number];
    const [xj, yj] = pts[j] as [number, number];
    if (yi > p.y !== yj > p.y && p.x < ((xj - xi) * (p.y - yi)) / (yj - yi) + xi) yes = !yes;
  }
  return yes;
}

describe('clusterLayout', () => {
  it('is exactly the ring when every server is inside', () => {
    const all = [1, 2, 3, 4, 5];
    const layout = clusterLayout(5, 600, 420, all);
    expect(layout.outside).toBeNull();
    expect(layout.servers).toEqual(ringLayout(5, 600, 420).servers);
  });

  it.each([
    [5, [1, 2, 3]],
    [5, [2, 4]],
    [9, [1, 2, 3]],
    [3, [1]],
    [7, [1, 2, 3, 4, 5, 6]],
  ])('puts the others of %i servers in a row below the ring (inside %j)', (n, members) => {
    for (const [w, h] of [
      [520, 600],
      [600, 420],
      [400, 320],
      [650, 245],
      [520, 610],
    ] as const) {
      const layout = clusterLayout(n, w, h, members);
      const row = layout.outside;
      expect(row).not.toBeNull();
      if (row === null) continue;
      expect(row.ids).toEqual(
        Array.from({ length: n }, (_, i) => i + 1).filter((id) => !members.includes(id)),
      );
      // servers[id - 1] is server id, wherever it is drawn.
      expect(layout.servers.map((s) => s.id)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      for (const s of layout.servers) {
        const r = s.r ?? layout.nodeRadius;
        expect(s.x - r).toBeGreaterThanOrEqual(0);
        expect(s.x + r).toBeLessThanOrEqual(w);
        expect(s.y + r).toBeLessThanOrEqual(h);
        const f = row.frame;
        const inFrame =
          s.x - r >= f.x && s.x + r <= f.x + f.width && s.y - r >= f.y && s.y + r <= f.y + f.height;
        const clear =
          s.x + r <= f.x || s.x - r >= f.x + f.width || s.y + r <= f.y || s.y - r >= f.y + f.height;
        expect(members.includes(s.id) ? clear : inFrame, `S${s.id} at ${w}×${h}`).toBe(true);
      }
      // No two servers overlap, and an outside server's name stays clear of its neighbour.
      for (const a of layout.servers)
        for (const b of layout.servers) {
          if (a.id >= b.id) continue;
          const ra = a.r ?? layout.nodeRadius;
          const rb = b.r ?? layout.nodeRadius;
          expect(dist(a, b)).toBeGreaterThan(ra + rb);
        }
      for (const id of row.ids) {
        const label = labelPosition(layout.servers[id - 1]!, layout);
        expect(label.y).toBeLessThanOrEqual(h);
        for (const other of row.ids) {
          if (other === id) continue;
          const o = layout.servers[other - 1]!;
          // A name is about 24 px wide and 14 px tall around its anchor.
          const clear =
            Math.abs(label.x - o.x) > row.r + 12 || Math.abs(label.y - 5 - o.y) > row.r + 7;
          expect(clear, `S${id}'s name vs S${other} at ${w}×${h}`).toBe(true);
        }
      }
    }
  });
});

describe('outlines', () => {
  it('encloses every member of a group and none of the servers far from it', () => {
    const layout = ringLayout(5, 600, 420);
    const outline = groupOutline([1, 2, 3], layout, 12);
    expect(outline).not.toBeNull();
    for (const id of [1, 2, 3]) expect(inside(outline!.path, layout.servers[id - 1]!)).toBe(true);
    expect(inside(outline!.path, layout.servers[3]!)).toBe(false);
    expect(groupOutline([], layout, 12)).toBeNull();
  });

  it('draws C_new outside C_old where they share servers, with labels apart', () => {
    const layout = ringLayout(5, 600, 420);
    const { old, new: next } = jointOutlines([1, 2, 3], [1, 2, 3, 4, 5], layout);
    expect(old).not.toBeNull();
    expect(next).not.toBeNull();
    for (const id of [1, 2, 3, 4, 5])
      expect(inside(next!.path, layout.servers[id - 1]!)).toBe(true);
    expect(dist(old!.label, next!.label)).toBeGreaterThanOrEqual(12);
  });
});
