/**
 * Frozen lists that share their items (src/core/sharedList.ts): a frozen copy must
 * always read back as the list was when it was frozen, however the list changes afterwards
 * (pushes, truncations, overwrites, holes), a freeze after a few pushes must copy only those,
 * and a restore in place only what differs (what keeps checkpoints of a long run small and cheap).
 */
import { describe, expect, it } from 'vitest';
import {
  CHUNK,
  freezeList,
  itemsCopied,
  noteWrite,
  thawInto,
  thawList,
  type FrozenList,
} from '../../src/core/sharedList.ts';
import { Prng } from '../../src/core/prng.ts';

/** Items and holes, position by position ('hole' where the list has no item). */
function picture<T>(list: readonly T[]): (T | 'hole')[] {
  const out: (T | 'hole')[] = [];
  for (let i = 0; i < list.length; i++) out.push(i in list ? (list[i] as T) : 'hole');
  return out;
}

/** Items copied into the stores while `f` runs. */
function copiedBy(f: () => void): number {
  const before = itemsCopied();
  f();
  return itemsCopied() - before;
}

/** A live list whose index writes are counted (a restore in place must write only what differs). */
function countedList<T>(items: T[]): { list: T[]; writes: () => number } {
  let writes = 0;
  const list = new Proxy(items, {
    set(target, key, value) {
      if (key !== 'length') writes++;
      return Reflect.set(target, key, value);
    },
  });
  return { list, writes: () => writes };
}

describe('a frozen list', () => {
  it.each([10_000, 100_000])(
    'copies only the items pushed since the last freeze, at any length (%i)',
    (length) => {
      const list = Array.from({ length }, (_, i) => `e${i}`);
      const a = freezeList(list);
      for (let i = 0; i < 30; i++) list.push(`n${i}`);
      expect(copiedBy(() => freezeList(list))).toBe(30);
      // Nothing new: nothing copied.
      let b: FrozenList<string> = a;
      expect(copiedBy(() => (b = freezeList(list)))).toBe(0);
      expect(picture(thawList(b))).toEqual(picture(list));
      expect(picture(thawList(a))).toEqual(picture(list.slice(0, length)));
    },
  );

  it('copies from the lowest noted write on, and the older copy still reads the old items', () => {
    const list = Array.from({ length: 1_000 }, (_, i) => i);
    const a = freezeList(list);
    noteWrite(list, 500);
    list.length = 500;
    list.push(-1, -2);
    let b: FrozenList<number> = a;
    // The part of the chunk holding position 500 that lies below it, then the two new items.
    expect(copiedBy(() => (b = freezeList(list)))).toBe((500 % CHUNK) + 2);
    expect(thawList(b)).toEqual(list);
    expect(thawList(a)).toEqual(Array.from({ length: 1_000 }, (_, i) => i));
  });

  it('keeps holes, trailing ones and whole chunks of them included', () => {
    const list: number[] = [];
    list[3] = 3;
    list[CHUNK + 5] = 5;
    list.length = 3 * CHUNK + 7;
    const a = freezeList(list);
    list.push(9);
    const b = freezeList(list);
    expect(picture(thawList(a))).toEqual(picture(list.slice(0, 3 * CHUNK + 7)));
    expect(picture(thawList(b))).toEqual(picture(list));
  });

  it('restores an older copy of the same list in place without rewriting its items', () => {
    const { list, writes } = countedList(Array.from({ length: 5_000 }, (_, i) => i));
    const old = freezeList(list);
    for (let i = 0; i < 3_000; i++) list.push(-i);
    freezeList(list);
    const before = writes();
    const back = thawInto(old, list);
    expect(back).toBe(list);
    expect(writes() - before).toBe(0);
    expect(back).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
    // And on again after a restore: only the positions from the lowest write on are rewritten.
    const later = freezeList(list);
    for (let i = 0; i < 10; i++) list.push(i);
    noteWrite(list, 4_990);
    list[4_990] = -1;
    const w = writes();
    thawInto(later, list);
    expect(writes() - w).toBe(5_000 - 4_990);
    expect(list).toEqual(Array.from({ length: 5_000 }, (_, i) => i));
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
