/**
 * Frozen lists that share their unchanged leaves (src/core/sharedList.ts): a frozen copy must
 * always read back as the list was when it was frozen, however the list changes afterwards
 * (pushes, truncations, overwrites, holes), and a freeze after a few pushes must reuse all the
 * rest of the previous copy (what keeps a checkpoint of a long run small and cheap).
 */
import { describe, expect, it } from 'vitest';
import {
  LEAF,
  freezeList,
  noteWrite,
  thawInto,
  thawList,
  type FrozenList,
} from '../../src/core/sharedList.ts';
import { Prng } from '../../src/core/prng.ts';

function leaves<T>(f: FrozenList<T>): (readonly T[])[] {
  return f.pages.flatMap((page) => [...page]);
}

/** Items and holes, position by position ('hole' where the list has no item). */
function picture<T>(list: readonly T[]): (T | 'hole')[] {
  const out: (T | 'hole')[] = [];
  for (let i = 0; i < list.length; i++) out.push(i in list ? (list[i] as T) : 'hole');
  return out;
}

describe('a frozen list', () => {
  it('shares every full leaf with the previous copy after pushes', () => {
    const list = Array.from({ length: 10_000 }, (_, i) => `e${i}`);
    const a = freezeList(list);
    for (let i = 0; i < 30; i++) list.push(`n${i}`);
    const b = freezeList(list);
    const old = new Set(leaves(a));
    const fresh = leaves(b).filter((leaf) => !old.has(leaf));
    // Only the leaf that was partly filled (10,000 = 156 * 64 + 16) and any after it are new.
    expect(fresh.length).toBeLessThanOrEqual(2);
    expect(fresh.reduce((n, leaf) => n + leaf.length, 0)).toBeLessThanOrEqual(2 * LEAF);
    // Whole pages (4,096 items) are shared as they are.
    expect(b.pages[0]).toBe(a.pages[0]);
    expect(b.pages[1]).toBe(a.pages[1]);
    expect(picture(thawList(b))).toEqual(picture(list));
    expect(picture(thawList(a))).toEqual(picture(list.slice(0, 10_000)));
  });

  it('copies from the lowest noted write on', () => {
    const list = Array.from({ length: 1_000 }, (_, i) => i);
    const a = freezeList(list);
    noteWrite(list, 500);
    list.length = 500;
    list.push(-1, -2);
    const b = freezeList(list);
    const old = new Set(leaves(a));
    expect(leaves(b).filter((leaf) => old.has(leaf)).length).toBe(Math.floor(500 / LEAF));
    expect(thawList(b)).toEqual(list);
    expect(thawList(a)).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
  });

  it('reads back exactly after any mix of changes (random operations, restores in place)', () => {
    const rng = new Prng(7);
    const int = (n: number) => rng.below(n);
    for (let round = 0; round < 12; round++) {
      let live: number[] = [];
      const kept: { frozen: FrozenList<number>; want: (number | 'hole')[] }[] = [];
      for (let op = 0; op < 400; op++) {
        const r = int(100);
        if (r < 55) {
          for (let k = int(200); k > 0; k--) live.push(int(1_000));
        } else if (r < 65 && live.length > 0) {
          const at = int(live.length);
          noteWrite(live, at);
          live.length = at;
        } else if (r < 72 && live.length > 0) {
          const at = int(live.length);
          noteWrite(live, at);
          live[at] = -int(1_000);
        } else if (r < 76 && live.length > 0) {
          // A compacted slot: a hole, as compactLog leaves.
          const at = int(live.length);
          noteWrite(live, at);
          delete live[at];
        } else if (r < 90) {
          kept.push({ frozen: freezeList(live), want: picture(live) });
        } else if (kept.length > 0) {
          // Time travel: the live list is rewritten in place into an older (or newer) copy.
          const back = kept[int(kept.length)] as (typeof kept)[number];
          live = int(2) === 0 ? thawInto(back.frozen, live) : thawList(back.frozen);
          expect(picture(live)).toEqual(back.want);
        }
      }
      for (const k of kept) expect(picture(thawList(k.frozen))).toEqual(k.want);
    }
  });
});
