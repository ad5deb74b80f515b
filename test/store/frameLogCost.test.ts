/**
 * A frame's log costs work independent of the log's length (issue 11): building a frame after a
 * few appends copies about the same number of array elements at 1,000 entries as at 100,000.
 * Copies are counted, not timed: the elements of every array in the new frame's log that the
 * previous frame's log does not hold (entries themselves are not walked into). The count does
 * not depend on how the log is represented, so the same test measured the frames before
 * FrameLog (a whole copy of the log on each change: N elements).
 *
 * And FrameLog's contents: after random appends, truncations, compactions and rewinds, a frame's
 * log holds exactly the live log's slots, shares the entries it kept, and deep-equals a log built
 * from scratch (the same shape whatever the history, as a rewound frame must).
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/core/sim.ts';
import type { Entry } from '../../src/core/types.ts';
import { toRunSetup } from '../../src/scenarios/schema.ts';
import { steadyWorkload } from '../../src/scenarios/workload.ts';
import { buildFrame, snapshotServer, type Frame } from '../../src/store/frame.ts';
import { buildFrameLog, FrameLog, GROUP, LEAF } from '../../src/store/frameLog.ts';
import { entry, server } from '../views/fixtures.ts';

const isEntry = (v: object): boolean => 'id' in v && 'term' in v && 'command' in v;

/** Every array reachable from `root` (entries not walked into). */
function arraysOf(root: unknown, into = new Set<unknown>()): Set<unknown> {
  if (typeof root !== 'object' || root === null || into.has(root)) return into;
  if (!Array.isArray(root) && isEntry(root)) return into;
  if (Array.isArray(root)) into.add(root);
  for (const v of Object.values(root)) arraysOf(v, into);
  return into;
}

/** Elements of the arrays in `log`'s structure that `prev`'s does not hold. */
function copiedElements(log: unknown, prev: unknown): number {
  const old = arraysOf(prev);
  let n = 0;
  for (const a of arraysOf(log)) if (!old.has(a)) n += (a as unknown[]).length;
  return n;
}

describe('the cost of a frame’s log', () => {
  it('does not grow with the log: a few appends copy the same at 1,000 entries as at 100,000', () => {
    const worst = (length: number): number => {
      const live = server(1, { log: Array.from({ length }, () => entry(1)) });
      let frame = snapshotServer(live, undefined);
      let most = 0;
      for (let round = 0; round < 40; round++) {
        for (let k = 0; k <= round % 3; k++) live.log.push(entry(2));
        live.lastApplied = live.log.length; // the server changed besides its log
        const next = snapshotServer(live, frame);
        expect(next.log.length).toBe(live.log.length);
        most = Math.max(most, copiedElements(next.log, frame.log));
        frame = next;
      }
      return most;
    };
    const short = worst(1_000);
    const long = worst(100_000);
    // One leaf, its group and the list of groups: LEAF + GROUP + ⌈100,000 / (LEAF·GROUP)⌉.
    const bound = LEAF + GROUP + Math.ceil(100_000 / (LEAF * GROUP)) + 3;
    expect(short).toBeLessThanOrEqual(bound);
    expect(long).toBeLessThanOrEqual(bound);
    expect(long).toBeLessThan(1_000);
  });

  it('in a real run: a frame at 4,000+ entries per log copies no more than the bound', () => {
    const sim = Simulation.create(toRunSetup(steadyWorkload(5, 110_000, 20)));
    const measure = (fromMs: number): { most: number; logLength: number } => {
      sim.runUntil(fromMs);
      let frame: Frame = buildFrame(sim, null);
      let most = 0;
      for (let ms = fromMs + 20; ms <= fromMs + 2_000; ms += 20) {
        sim.runUntil(ms);
        const next = buildFrame(sim, frame);
        const copied = next.servers.reduce(
          (sum, s, i) => sum + copiedElements(s.log, frame.servers[i]?.log),
          0,
        );
        most = Math.max(most, copied);
        frame = next;
      }
      return { most, logLength: frame.servers[0]?.log.length ?? 0 };
    };
    const early = measure(18_000);
    const late = measure(100_000);
    expect(early.logLength).toBeGreaterThan(800);
    expect(late.logLength).toBeGreaterThan(4_000);
    // Five servers, each a leaf and its group (a frame spans 20 ms: a few new entries each).
    const bound = 5 * (LEAF + GROUP + 1 + 20);
    expect(early.most).toBeLessThanOrEqual(bound);
    expect(late.most).toBeLessThanOrEqual(bound);
  });
});

/** A seeded generator (mulberry32), so a failure replays. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface LiveLog {
  slots: (Entry | undefined)[];
  snap: number;
}

const slotIds = (log: FrameLog): string[] =>
  Array.from({ length: log.length }, (_, i) => (log.has(i) ? (log.at(i)?.id ?? '?') : '_'));
const liveIds = (l: LiveLog): string[] => Array.from(l.slots, (e) => e?.id ?? '_');

describe('FrameLog', () => {
  it('mirrors the live log through appends, truncations, compactions and rewinds', () => {
    const rand = prng(7);
    const int = (n: number) => Math.floor(rand() * n);
    let next = 0;
    const fresh = (): Entry => ({ term: 1, command: 'noop', id: `r${next++}` });
    const live: LiveLog = { slots: [], snap: 0 };
    const saved: { live: LiveLog; frame: FrameLog }[] = [];
    let frame = FrameLog.EMPTY;
    let snap = 0;
    const kinds = new Set<string>();
    let mostGroups = 0;
    for (let round = 0; round < 150; round++) {
      const r = rand();
      let prevSnap = snap;
      let prev = frame;
      if (r < 0.45) {
        kinds.add('append');
        const n = 1 + int(round % 40 === 0 ? 20_000 : 300);
        for (let k = 0; k < n; k++) live.slots.push(fresh());
      } else if (r < 0.6 && live.slots.length > live.snap) {
        kinds.add('truncate');
        live.slots.length = live.snap + int(live.slots.length - live.snap);
        // Sometimes the same entries come back (a leader sending them again).
        if (rand() < 0.5) {
          const back = saved.at(-1)?.live.slots ?? [];
          for (let i = live.slots.length; i < back.length && i < live.slots.length + 50; i++)
            live.slots.push(back[i] ?? fresh());
        }
      } else if (r < 0.75 && live.slots.length > live.snap) {
        kinds.add('compact');
        live.snap += 1 + int(live.slots.length - live.snap);
        for (let i = 0; i < live.snap; i++) delete live.slots[i];
      } else if (r < 0.85 && saved.length > 0) {
        kinds.add('rewind');
        // Back (or forward) to a saved state, built from the current frame, as time travel does.
        const to = saved[int(saved.length)] as { live: LiveLog };
        live.slots = [...to.live.slots];
        live.snap = to.live.snap;
      } else {
        kinds.add('from older frame');
        const from = saved[int(saved.length)];
        if (from !== undefined) {
          prev = from.frame;
          prevSnap = from.live.snap;
        }
      }
      frame = buildFrameLog(live.slots, prev, live.snap, prevSnap);
      snap = live.snap;
      mostGroups = Math.max(mostGroups, frame.groups.length);
      expect(slotIds(frame)).toEqual(liveIds(live));
      expect(Object.isFrozen(frame)).toBe(true);
      for (const g of frame.groups) {
        expect(Object.isFrozen(g)).toBe(true);
        for (const leaf of g) expect(Object.isFrozen(leaf)).toBe(true);
      }
      // The same shape as a log built from scratch.
      expect(frame).toEqual(buildFrameLog(live.slots, undefined, live.snap, 0));
      // The entries of the prefix both logs hold alike are shared, not copied again.
      for (let i = 0; i < Math.min(prev.length, frame.length); i++) {
        if (prev.at(i)?.id !== frame.at(i)?.id) break;
        expect(frame.at(i)).toBe(prev.at(i));
      }
      if (round % 7 === 0) saved.push({ live: { slots: [...live.slots], snap: live.snap }, frame });
    }
    expect(mostGroups).toBeGreaterThan(1);
    expect([...kinds].sort()).toEqual([
      'append',
      'compact',
      'from older frame',
      'rewind',
      'truncate',
    ]);
  });

  it('reads like the core’s array: at, negative at, slice, iteration', () => {
    const entries = Array.from({ length: 300 }, (_, i) => entry(1 + (i % 3)));
    const slots: (Entry | undefined)[] = [...entries];
    for (let i = 0; i < 130; i++) delete slots[i];
    const log = buildFrameLog(slots, undefined, 130, 0);
    expect(log.length).toBe(300);
    expect(log.at(129)).toBeUndefined();
    expect(log.has(129)).toBe(false);
    expect(log.at(130)).toBe(log.entry(131));
    expect(log.at(130)?.id).toBe(entries[130]?.id);
    expect(log.at(-1)?.id).toBe(entries[299]?.id);
    expect(log.at(300)).toBeUndefined();
    expect(log.slice(128, 132).map((e) => e?.id)).toEqual([
      undefined,
      undefined,
      entries[130]?.id,
      entries[131]?.id,
    ]);
    expect([...log].map((e) => e?.id)).toEqual(slots.map((e) => e?.id));
    // A leaf compacted whole is the one shared empty leaf.
    expect(log.groups[0]?.[0]).toBe(buildFrameLog(slots, undefined, 130, 0).groups[0]?.[0]);
  });
});

describe('a frame’s clients', () => {
  it('equal the live clients, frozen, sharing the answered requests the previous frame held', () => {
    const sim = Simulation.create(toRunSetup(steadyWorkload(3, 30_000, 30)));
    sim.runUntil(20_000);
    let frame: Frame = buildFrame(sim, null);
    let grown = 0;
    for (let ms = 20_000; ms <= 24_000; ms += 13) {
      sim.runUntil(ms);
      const next = buildFrame(sim, frame);
      next.clients.forEach((c, i) => {
        const live = sim.state.clients[i];
        expect(c).toEqual(live);
        expect(c).not.toBe(live);
        expect(Object.isFrozen(c) && Object.isFrozen(c.done) && Object.isFrozen(c.queue)).toBe(
          true,
        );
        expect(c.done.every((r) => Object.isFrozen(r))).toBe(true);
        const old = frame.clients[i];
        if (old === undefined || c === old) return;
        const oldBySeq = new Map(old.done.map((r) => [r.seq, r]));
        const shared = c.done.filter((r) => oldBySeq.get(r.seq) === r).length;
        const both = c.done.filter((r) => oldBySeq.has(r.seq)).length;
        expect(shared).toBe(both);
        if (both > 0 && both < c.done.length) grown++;
      });
      frame = next;
    }
    expect(grown).toBeGreaterThan(20);
  });
});
