/**
 * Frozen copies of long lists that share their unchanged parts: what lets time travel keep a
 * checkpoint every second or two of a long run without copying whole logs each time.
 *
 * A frozen list is cut into leaves of LEAF items, grouped into pages of LEAF leaves. Freezing a
 * list again reuses every leaf and page of its previous frozen copy that lies wholly below the
 * lowest position written since then, so a freeze costs the pages of the list plus what changed,
 * and holds only that much new memory. The lowest written position is known because every write
 * other than a push at the end calls `noteWrite` (the core's log and checker do, at the few places
 * they truncate or overwrite). Those marks live beside the lists (a WeakMap), never inside the
 * simulation state, so they change nothing the run computes.
 *
 * Items are shared, not copied: they must be primitives or objects that are never modified (log
 * entries, actions). Holes (a compacted log's emptied slots) stay holes.
 */

/** Items per leaf, and leaves per page. */
export const LEAF = 64;
const PAGE = LEAF * LEAF;

export interface FrozenList<T> {
  readonly length: number;
  /** Page p holds items [p·PAGE, p·PAGE + PAGE) as leaves of LEAF items (the last ones shorter). */
  readonly pages: readonly (readonly (readonly T[])[])[];
}

interface Mark {
  /** The last frozen copy of the list (taken or restored). */
  readonly frozen: FrozenList<unknown>;
  /** Lowest position written since (Infinity: only pushes at the end). */
  low: number;
}

const marks = new WeakMap<readonly unknown[], Mark>();

/**
 * Records that `list[index]` (and maybe what follows) changed other than by a push at the end: a
 * truncation to `index` items, an overwrite or a deletion at `index`. Cheap when nobody froze
 * the list.
 */
export function noteWrite(list: readonly unknown[], index: number): void {
  const mark = marks.get(list);
  if (mark !== undefined && index < mark.low) mark.low = index;
}

/** The positions [start, end) that a page or leaf of `frozen` covers, capped by its length. */
function covers(frozen: FrozenList<unknown>, start: number, size: number): number {
  return Math.min(frozen.length, start + size);
}

/** A frozen copy of `list`, sharing what did not change since its previous frozen copy. */
export function freezeList<T>(list: readonly T[]): FrozenList<T> {
  const mark = marks.get(list);
  const base = mark?.frozen as FrozenList<T> | undefined;
  const n = list.length;
  // Items below `clean` are the same as in `base`.
  const clean = base === undefined || mark === undefined ? 0 : Math.min(mark.low, base.length, n);
  const pages: (readonly (readonly T[])[])[] = [];
  for (let pageStart = 0; pageStart < n; pageStart += PAGE) {
    const pageEnd = Math.min(n, pageStart + PAGE);
    const p = pageStart / PAGE;
    const basePage = base?.pages[p];
    if (base !== undefined && basePage !== undefined && pageEnd <= clean) {
      if (covers(base, pageStart, PAGE) === pageEnd) {
        pages.push(basePage);
        continue;
      }
    }
    const leaves: (readonly T[])[] = [];
    for (let leafStart = pageStart; leafStart < pageEnd; leafStart += LEAF) {
      const leafEnd = Math.min(pageEnd, leafStart + LEAF);
      const baseLeaf = basePage?.[(leafStart - pageStart) / LEAF];
      if (
        base !== undefined &&
        baseLeaf !== undefined &&
        leafEnd <= clean &&
        covers(base, leafStart, LEAF) === leafEnd
      ) {
        leaves.push(baseLeaf);
      } else {
        // Array.prototype.slice keeps holes.
        leaves.push(list.slice(leafStart, leafEnd));
      }
    }
    pages.push(leaves);
  }
  const frozen: FrozenList<T> = { length: n, pages };
  marks.set(list, { frozen, low: Infinity });
  return frozen;
}

/** How many leading items `a` and `b` hold in common, told by the leaves and pages they share. */
function sharedPrefix(a: FrozenList<unknown>, b: FrozenList<unknown>): number {
  let n = 0;
  const pages = Math.min(a.pages.length, b.pages.length);
  for (let p = 0; p < pages; p++) {
    const pa = a.pages[p] as readonly (readonly unknown[])[];
    const pb = b.pages[p] as readonly (readonly unknown[])[];
    if (pa === pb) {
      for (const leaf of pa) n += leaf.length;
      continue;
    }
    const leaves = Math.min(pa.length, pb.length);
    for (let l = 0; l < leaves && pa[l] === pb[l]; l++) n += (pa[l] as readonly unknown[]).length;
    break;
  }
  return n;
}

/**
 * Turns `list`, a live list that will not be used as it is any more, into a list with the items of
 * `frozen`, rewriting only what differs: a time-travel restore costs what changed between the two
 * positions, not the length of the run. Falls back to a fresh copy (thawList) when `list` was never
 * frozen or thawed. Holes are kept.
 */
export function thawInto<T>(frozen: FrozenList<T>, list: T[]): T[] {
  const mark = marks.get(list);
  if (mark === undefined) return thawList(frozen);
  const keep = Math.min(mark.low, list.length, sharedPrefix(mark.frozen, frozen));
  list.length = keep;
  let at = 0;
  for (const page of frozen.pages) {
    for (const leaf of page) {
      const end = at + leaf.length;
      for (let i = Math.max(keep, at); i < end; i++) {
        const k = i - at;
        if (k in leaf) list[i] = leaf[k] as T;
      }
      at = end;
    }
  }
  list.length = frozen.length;
  marks.set(list, { frozen, low: Infinity });
  return list;
}

/**
 * A new, mutable list with the items of `frozen` (holes kept). It is marked as a copy of
 * `frozen`, so freezing it later shares with it.
 */
export function thawList<T>(frozen: FrozenList<T>): T[] {
  const parts: T[][] = [];
  for (const page of frozen.pages) parts.push(([] as T[]).concat(...(page as T[][])));
  // concat keeps holes, and each leaf's length (so trailing holes too).
  const list = ([] as T[]).concat(...parts);
  marks.set(list, { frozen, low: Infinity });
  return list;
}
