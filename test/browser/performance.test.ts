/**
 * Frame rate under load, and no work at all while paused or hidden (no "space heater"). Frames
 * are counted with a requestAnimationFrame wrapper installed before the app loads; DOM changes
 * with a MutationObserver. The figures go to test/browser/screenshots/perf.json.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, labState, launch, leaderOf, openLab, waitForState } from './harness.ts';

let browser: Browser;
const results: Record<string, unknown> = {};
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await writeFile(join(SCREENSHOTS, 'perf.json'), JSON.stringify(results, null, 2));
  console.log('performance', JSON.stringify(results));
});

interface Measure {
  fps: number;
  worstFrameMs: number;
  virtualMsPerSecond: number;
  mutations: number;
}

/**
 * Counts animation frames, the longest gap between two, DOM mutations and virtual time over
 * `ms`, while `requestEveryMs` (if set) sends a client request (the C key) that often.
 */
function measure(page: Page, ms: number, requestEveryMs: number | null): Promise<Measure> {
  return page.evaluate(
    async ([ms, every]) => {
      const w = window as unknown as {
        __rafCallbacks: number;
        __rawRaf: typeof requestAnimationFrame;
      };
      const lab = window.raftLab;
      if (!lab) throw new Error('no lab');
      // Observing mutations costs time itself: only while idle, where the expected count is 0.
      let mutations = 0;
      const observer = new MutationObserver((list) => (mutations += list.length));
      if (every === null) {
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      }
      const load =
        every === null
          ? null
          : setInterval(
              () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'c' })),
              every,
            );
      let worst = 0;
      let last = performance.now();
      let stop = false;
      const watch = (t: number): void => {
        worst = Math.max(worst, t - last);
        last = t;
        if (!stop) w.__rawRaf(watch);
      };
      const c0 = w.__rafCallbacks;
      const v0 = lab.displayTime();
      const t0 = performance.now();
      if (every !== null) w.__rawRaf(watch);
      await new Promise((r) => setTimeout(r, ms));
      stop = true;
      if (load !== null) clearInterval(load);
      observer.disconnect();
      const seconds = (performance.now() - t0) / 1000;
      return {
        fps: Math.round(((w.__rafCallbacks - c0) / seconds) * 10) / 10,
        worstFrameMs: Math.round(worst * 10) / 10,
        virtualMsPerSecond: Math.round((lab.displayTime() - v0) / seconds),
        mutations,
      };
    },
    [ms, requestEveryMs] as const,
  );
}

async function loaded(servers: number, speed: number): Promise<Page> {
  const page = await openLab(
    browser,
    { viewport: { width: 1366, height: 768 } },
    `?servers=${servers}&speed=${speed}`,
  );
  await waitForState(page, (s) => leaderOf(s) !== null, 'a leader');
  return page;
}

describe('frame rate under client load', () => {
  for (const [servers, speed] of [
    [5, 1],
    [9, 1],
    [9, 10],
    [9, 100],
  ] as const) {
    it(`${servers} servers at ${speed}×, a client request every 50 ms`, async () => {
      const page = await loaded(servers, speed);
      const m = await measure(page, 4000, 50);
      const s = await labState(page);
      results[`${servers} servers, ${speed}×, load`] = {
        ...m,
        logLength: s.servers[0]?.log.length,
      };
      expect(s.violations).toEqual([]);
      // Frame rates are measured and reported (perf.json), not asserted: performance lives in
      // `npm run bench` and in the issue notes, and a timed threshold fails on a busy machine.
      // What must hold on any machine: the page animates and virtual time moves under load.
      expect(m.fps).toBeGreaterThan(0);
      expect(m.virtualMsPerSecond).toBeGreaterThan(0);
      expect(s.servers[0]?.log.length ?? 0).toBeGreaterThan(1);
      await page.context().close();
    });
  }
});

describe('idle', () => {
  it('runs no frame and changes no DOM node while paused', async () => {
    const page = await loaded(5, 1);
    await page.keyboard.press(' ');
    await page.waitForTimeout(300);
    const m = await measure(page, 2000, null);
    results['paused, 2 s'] = m;
    expect(m.fps).toBe(0);
    expect(m.mutations).toBe(0);
    expect(m.virtualMsPerSecond).toBe(0);
    await page.context().close();
  });

  it('stops the loop while the tab is hidden and resumes when shown', async () => {
    const page = await loaded(5, 1);
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        Object.defineProperty(document, 'visibilityState', {
          value: h ? 'hidden' : 'visible',
          configurable: true,
        });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    await page.waitForTimeout(100);
    const hidden = await measure(page, 1500, null);
    results['hidden, 1.5 s'] = hidden;
    expect(hidden.fps).toBe(0);
    expect(hidden.virtualMsPerSecond).toBe(0);
    await setHidden(false);
    const shown = await measure(page, 1000, null);
    expect(shown.fps).toBeGreaterThan(0);
    expect((await labState(page)).playing).toBe(true);
    await page.context().close();
  });
});
