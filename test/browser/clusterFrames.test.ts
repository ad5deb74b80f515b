/**
 * The idle lab (5 servers, default speed) moves something every frame: the clock, the followers'
 * timer rings, the messages in flight, the timeline's playhead. Those glide as Web Animations
 * (glide.ts) or are written straight into the DOM (useLiveTime.ts); React must render the cluster, the clock and the
 * timeline only when what they show changes in structure (an event: a message sent or delivered,
 * a timer reset, a mark). Counted with a React DevTools-style hook
 * (reactRenders.ts) over the frames in which no event happened: the lab before this rendered the
 * cluster's marks and rings and the clock in every one of them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  leaderOf,
  openLab,
  pageErrors,
  recordMeasurements,
  screenshot,
  useBrowser,
  waitForState,
} from './harness.ts';
import { REACT_RENDER_COUNTER } from './reactRenders.ts';

const browser = useBrowser();
const figures = recordMeasurements('cluster-frames', 'cluster frames');

interface Watched {
  frames: number;
  /** Frames after which, and after the one before, the trace hash was the same: no event. */
  quiet: number;
  clusterInQuiet: number;
  clockInQuiet: number;
  timelineInQuiet: number;
  /** Frames without an event in which React rendered anything elsewhere on the page. */
  otherInQuiet: number;
  clusterRenders: number;
  /** Distinct places of the messages, turns of the rings' halves and clock texts seen. */
  places: number;
  offsets: number;
  clockTexts: number;
  playheads: number;
}

/** Watches the lab's frames for at least `ms` (see the loop's end for how long). */
function watch(page: Page, ms: number): Promise<Watched> {
  return page.evaluate(async (duration) => {
    const w = window as unknown as {
      __rawRaf: typeof requestAnimationFrame;
      __renders: { byArea: { cluster: number; clock: number; timeline: number; other: number } };
      raftLab: { state: () => { traceHash: string } };
    };
    const seen = {
      places: new Set<string>(),
      offsets: new Set<string>(),
      clock: new Set<string>(),
      playheads: new Set<string>(),
    };
    const out = {
      frames: 0,
      quiet: 0,
      clusterInQuiet: 0,
      clockInQuiet: 0,
      timelineInQuiet: 0,
      otherInQuiet: 0,
      clusterRenders: 0,
    };
    let hash = w.raftLab.state().traceHash;
    let changedBefore = true;
    let last = { ...w.__renders.byArea };
    let stop = false;
    const loop = (): void => {
      out.frames++;
      const now = w.raftLab.state().traceHash;
      const changed = now !== hash;
      hash = now;
      const counts = w.__renders.byArea;
      out.clusterRenders += counts.cluster - last.cluster;
      // Renders caused by an event may land in the frame after it: both must be free of events.
      if (!changed && !changedBefore) {
        out.quiet++;
        if (counts.cluster > last.cluster) out.clusterInQuiet++;
        if (counts.clock > last.clock) out.clockInQuiet++;
        if (counts.timeline > last.timeline) out.timelineInQuiet++;
        if (counts.other > last.other) out.otherInQuiet++;
      }
      changedBefore = changed;
      last = { ...counts };
      // Where each part is drawn, as the page computes it this frame (an animation's value).
      for (const m of document.querySelectorAll('.rl-msg-box')) {
        const id = m.querySelector('.rl-msg')?.getAttribute('data-message');
        seen.places.add(`${id}@${getComputedStyle(m).transform}`);
      }
      for (const r of document.querySelectorAll('.rl-ring-spin')) {
        seen.offsets.add(getComputedStyle(r).transform);
      }
      seen.clock.add(document.querySelector('[data-testid="time"]')?.textContent ?? '');
      const head = document.querySelector<SVGElement>('.rl-tl-playhead');
      seen.playheads.add(head === null ? '' : getComputedStyle(head).transform);
      if (!stop) w.__rawRaf(loop);
    };
    w.__rawRaf(loop);
    // At least `duration`, and on until 40 frames ran, 10 of them quiet (a loaded machine draws
    // fewer a second), at most 20 s.
    const start = performance.now();
    await new Promise((r) => setTimeout(r, duration));
    while ((out.frames < 40 || out.quiet < 10) && performance.now() - start < 20_000) {
      await new Promise((r) => setTimeout(r, 250));
    }
    stop = true;
    return {
      ...out,
      places: seen.places.size,
      offsets: seen.offsets.size,
      clockTexts: seen.clock.size,
      playheads: seen.playheads.size,
    };
  }, ms);
}

describe('idle cluster frames', () => {
  it('moves the rings, the messages, the clock and the playhead every frame without React rendering them', async () => {
    const page = await openLab(browser, { viewport: { width: 1440, height: 900 } }, '?servers=5');
    await page.addInitScript(REACT_RENDER_COUNTER);
    await page.reload();
    await page.waitForFunction(() => window.raftLab !== undefined);
    await waitForState(page, (s) => leaderOf(s) !== null, 'a leader');
    // The hook is the one React reported its commits to.
    await page.waitForFunction(
      () => (window as unknown as { __renders: { commits: number } }).__renders.commits > 0,
    );
    await page.waitForTimeout(500);
    const seen = await watch(page, 2500);
    await screenshot(page, 'cluster-frames-1440');
    figures['idle'] = seen;
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
    // The lab played, and the moving parts moved (a loaded machine still runs some frames).
    expect(seen.frames).toBeGreaterThanOrEqual(20);
    expect(seen.places).toBeGreaterThanOrEqual(10);
    expect(seen.offsets).toBeGreaterThanOrEqual(10);
    expect(seen.clockTexts).toBeGreaterThanOrEqual(10);
    expect(seen.playheads).toBeGreaterThanOrEqual(10);
    // Heartbeats leave stretches of frames with no event in them.
    expect(seen.quiet).toBeGreaterThanOrEqual(5);
    // In those frames React renders nothing of the cluster, the clock or the timeline (the code
    // before this rendered all three in every frame).
    expect(seen.clusterInQuiet).toBeLessThanOrEqual(Math.floor(seen.quiet / 10));
    expect(seen.clockInQuiet).toBeLessThanOrEqual(Math.floor(seen.quiet / 10));
    expect(seen.timelineInQuiet).toBeLessThanOrEqual(Math.floor(seen.quiet / 10));
    // Nor anything else: a frame without an event costs no React render anywhere on the page.
    expect(seen.otherInQuiet).toBeLessThanOrEqual(Math.floor(seen.quiet / 10));
  });
});
