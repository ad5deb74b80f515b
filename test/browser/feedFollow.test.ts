/**
 * The event feed follows the playhead for free (issue 11): while it shows the newest line it is a
 * bottom-anchored scroller, so the browser keeps that line in view as lines arrive and no script
 * scrolls it or reads its layout in the middle of a frame (which forced a style and layout pass
 * every frame). The test counts, in the page, every layout-touching call on the feed's elements
 * (scroll positions and sizes read or written, bounding boxes, scrollTo / scrollIntoView; not in
 * a ResizeObserver's callback, which runs after layout) while new lines arrive every frame, and
 * reports CDP's layouts per frame. And following keeps its behaviour:
 * the reader scrolling up stops it (the view stays put, "Follow" appears), Follow brings it back,
 * rewinding shows the current line, the lines stay in time order in the DOM and on screen.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  SCREENSHOTS,
  leaderOf,
  pageErrors,
  recordMeasurements,
  screenshot,
  settle,
  useBrowser,
  waitForState,
} from './harness.ts';

const browser = useBrowser();
const results = recordMeasurements('feedFollow', 'feed follow');

/**
 * Counts layout-touching calls whose element is inside the feed (installed before the app).
 * `__feedProbe` pauses the count while the test itself looks at the page.
 */
const COUNT_FEED_LAYOUT = `
  window.__feedLayout = 0;
  window.__feedProbe = true;
  // A ResizeObserver's callback runs after layout, when reading it forces nothing: not counted.
  let inResize = 0;
  const RO = window.ResizeObserver;
  window.ResizeObserver = class extends RO {
    constructor(cb) {
      super((...a) => { inResize++; try { cb(...a); } finally { inResize--; } });
    }
  };
  const inFeed = (el) =>
    window.__feedProbe && inResize === 0 && el instanceof Element && el.closest('.rl-feed') !== null;
  const wrapProperty = (proto, name) => {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (!d || !d.get) return;
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: d.enumerable,
      get() { if (inFeed(this)) window.__feedLayout++; return d.get.call(this); },
      set: d.set ? function (v) { if (inFeed(this)) window.__feedLayout++; d.set.call(this, v); } : undefined,
    });
  };
  for (const n of ['scrollTop', 'scrollHeight', 'clientHeight', 'clientWidth', 'scrollWidth'])
    wrapProperty(Element.prototype, n);
  for (const n of ['offsetHeight', 'offsetWidth', 'offsetTop']) wrapProperty(HTMLElement.prototype, n);
  for (const n of ['getBoundingClientRect', 'getClientRects', 'scrollTo', 'scrollBy', 'scrollIntoView']) {
    const f = Element.prototype[n];
    Element.prototype[n] = function (...a) { if (inFeed(this)) window.__feedLayout++; return f.apply(this, a); };
  }
`;

/** What the test reads of the feed (with the probe paused). */
interface FeedView {
  lines: number;
  pinned: boolean;
  follow: boolean;
  /** The current line is wholly inside the scroller's box. */
  currentInView: boolean;
  /** The last line in the DOM is the newest of the run and is wholly in view. */
  newestInView: boolean;
  /** The first line wholly in view (its text), to tell whether the view moved. */
  firstInView: string;
  /** Times of the rendered lines in DOM order, and their tops on screen. */
  times: string[];
  tops: number[];
}

function feedView(page: Page): Promise<FeedView> {
  return page.evaluate(() => {
    const w = window as unknown as { __feedProbe: boolean };
    w.__feedProbe = false;
    try {
      const scroll = document.querySelector<HTMLElement>('.rl-feed-scroll');
      if (scroll === null) throw new Error('no feed');
      const box = scroll.getBoundingClientRect();
      const inside = (el: Element | null): boolean => {
        if (el === null) return false;
        const r = el.getBoundingClientRect();
        return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      };
      const rows = [...scroll.querySelectorAll<HTMLElement>('.rl-feed-line')];
      const count = Number(
        document
          .querySelector('.rl-feed .rl-panel-header .rl-muted')
          ?.textContent?.match(/\d[\d,.\s]*/)?.[0]
          ?.replace(/\D/g, '') ?? 0,
      );
      const last = rows.at(-1) ?? null;
      return {
        lines: count,
        pinned: scroll.classList.contains('is-pinned'),
        follow: document.querySelector('.rl-feed .rl-panel-header button') === null,
        currentInView: inside(scroll.querySelector('.rl-feed-line.is-current')),
        newestInView:
          inside(last) &&
          last?.closest('li')?.nextElementSibling?.getBoundingClientRect().height === 0,
        firstInView: rows.find((r) => inside(r))?.textContent ?? '',
        times: rows.map((r) => r.querySelector('time')?.textContent ?? ''),
        tops: rows.map((r) => r.getBoundingClientRect().top),
      };
    } finally {
      w.__feedProbe = true;
    }
  });
}

interface Run {
  frames: number;
  feedLayoutCalls: number;
  layoutsPerFrame: number;
  linesAdded: number;
}

/**
 * Plays `frames` animation frames (or `maxMs` of wall time on a very busy machine) pressing C in
 * each (a client request is a line of the feed, so lines arrive every frame), counting the feed's
 * layout-touching calls and CDP layouts.
 */
async function playWithRequests(page: Page, frames: number, maxMs: number): Promise<Run> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const layouts = async (): Promise<number> => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    return metrics.find((m) => m.name === 'LayoutCount')?.value ?? 0;
  };
  const lines0 = (await feedView(page)).lines;
  const layouts0 = await layouts();
  const { frames: played, calls } = await page.evaluate(
    async ([wanted, ms]) => {
      const w = window as unknown as {
        __rawRaf: typeof requestAnimationFrame;
        __feedLayout: number;
      };
      const calls0 = w.__feedLayout;
      let frames = 0;
      await new Promise<void>((done) => {
        const cap = setTimeout(done, ms);
        const loop = (): void => {
          frames++;
          window.dispatchEvent(new KeyboardEvent('keydown', { key: 'c' }));
          if (frames < wanted) w.__rawRaf(loop);
          else {
            clearTimeout(cap);
            done();
          }
        };
        w.__rawRaf(loop);
      });
      return { frames, calls: w.__feedLayout - calls0 };
    },
    [frames, maxMs] as const,
  );
  const layouts1 = await layouts();
  await cdp.detach();
  const lines1 = (await feedView(page)).lines;
  return {
    frames: played,
    feedLayoutCalls: calls,
    layoutsPerFrame: Math.round(((layouts1 - layouts0) / Math.max(1, played)) * 100) / 100,
    linesAdded: lines1 - lines0,
  };
}

async function openFeedLab(
  viewport: { width: number; height: number },
  lang = 'en',
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript('window.__rawRaf = window.requestAnimationFrame.bind(window);');
  await page.addInitScript(COUNT_FEED_LAYOUT);
  await page.goto(`${inject('labUrl')}?servers=5&speed=1&lang=${lang}`);
  await page.waitForFunction(() => window.raftLab !== undefined);
  (page as Page & { errors: string[] }).errors = errors;
  await waitForState(page, (s) => leaderOf(s) !== null, 'a leader', 60_000);
  return page;
}

/** Waits until the feed holds more lines than it shows (it scrolls), sending requests. */
async function fillFeed(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'c' }));
      const s = document.querySelector<HTMLElement>('.rl-feed-scroll');
      const list = s?.querySelector('.rl-feed-list');
      return s !== null && s !== undefined && list !== null && list !== undefined
        ? list.getBoundingClientRect().height > s.getBoundingClientRect().height * 2
        : false;
    },
    undefined,
    { timeout: 60_000, polling: 100 },
  );
}

describe('the event feed follows the newest line without forcing layout', () => {
  it('touches no layout of the feed from script while a line arrives every frame', async () => {
    const page = await openFeedLab({ width: 1440, height: 900 });
    await fillFeed(page);
    const run = await playWithRequests(page, 60, 30_000);
    const after = await feedView(page);
    results['following, 1440x900'] = run;
    expect(pageErrors(page)).toEqual([]);
    // Lines did arrive, many of them (one request a frame; a busy machine draws fewer frames).
    expect(run.frames).toBeGreaterThanOrEqual(10);
    expect(run.linesAdded).toBeGreaterThan(20);
    // Not one scroll position, size or box of the feed was read or written by script.
    expect(run.feedLayoutCalls).toBe(0);
    // So a frame lays the page out once (the old feed's scroll made it twice: 2.05 measured).
    expect(run.layoutsPerFrame).toBeLessThan(1.5);
    // And the newest line is still in view, the current one, pinned to the end.
    expect(after.pinned).toBe(true);
    expect(after.follow).toBe(true);
    expect(after.newestInView).toBe(true);
    expect(after.currentInView).toBe(true);
    await settle(page);
    await screenshot(page, 'feed-follow-1440');
    await page.context().close();
  });

  it('stops following when the reader scrolls up, keeps the view still, and follows again', async () => {
    const page = await openFeedLab({ width: 1440, height: 900 });
    await fillFeed(page);
    const feed = page.locator('.rl-feed-scroll');
    await feed.hover();
    await page.mouse.wheel(0, -200);
    const follow = page.locator('.rl-feed').getByRole('button', { name: 'Follow' });
    await follow.waitFor();
    const up = await feedView(page);
    expect(up.pinned).toBe(false);
    expect(up.newestInView).toBe(false);
    // Lines keep arriving; the reader's view does not move.
    const lines = up.lines;
    await page.waitForFunction(
      (n) => {
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'c' }));
        const t = document.querySelector('.rl-feed .rl-panel-header .rl-muted')?.textContent ?? '';
        return Number(t.replace(/\D/g, '')) >= n + 5;
      },
      lines,
      { polling: 100, timeout: 30_000 },
    );
    const still = await feedView(page);
    expect(still.firstInView).toBe(up.firstInView);
    expect(still.pinned).toBe(false);
    await settle(page);
    await screenshot(page, 'feed-scrolled-up-1440');
    await follow.click();
    await page.waitForFunction(
      () => document.querySelector('.rl-feed-scroll')?.classList.contains('is-pinned') ?? false,
    );
    await expect.poll(async () => (await feedView(page)).newestInView).toBe(true);
    expect((await feedView(page)).follow).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the current line when rewound and pins to the end again at the end', async () => {
    const page = await openFeedLab({ width: 1440, height: 900 });
    await fillFeed(page);
    await page.keyboard.press(' ');
    await page.waitForFunction(() => window.raftLab?.state().playing === false);
    await settle(page);
    // Step back event by event until the current line is well above the newest one: a dozen
    // lines, not a fixed count of steps (60 of them went back past the first line of a run paused
    // early, about one run in four, and then no line is current).
    for (let k = 0; k < 200; k++) {
      await page.keyboard.press('ArrowLeft');
      if ((await page.locator('.rl-feed-line.is-future').count()) >= 12) break;
    }
    expect(await page.locator('.rl-feed-line.is-future').count()).toBeGreaterThanOrEqual(12);
    const back = await feedView(page);
    expect(back.pinned).toBe(false);
    expect(back.follow).toBe(true);
    expect(back.currentInView).toBe(true);
    // Home: the start of the run; the first line (or none) is current, in view.
    await page.keyboard.press('Home');
    await expect.poll(async () => (await feedView(page)).times[0]).toBeTruthy();
    await screenshot(page, 'feed-rewound-1440');
    await page.keyboard.press('End');
    await page.waitForFunction(
      () => document.querySelector('.rl-feed-scroll')?.classList.contains('is-pinned') ?? false,
    );
    const end = await feedView(page);
    expect(end.newestInView).toBe(true);
    expect(end.currentInView).toBe(true);
    // The lines are in time order in the DOM (what a screen reader reads) and top to bottom.
    const ms = end.times.map((t) => Number(t.replace(/[^\d]/g, '')));
    expect(ms.length).toBeGreaterThan(5);
    for (let k = 1; k < ms.length; k++) {
      expect(ms[k]).toBeGreaterThanOrEqual(ms[k - 1] as number);
      expect(end.tops[k]).toBeGreaterThan(end.tops[k - 1] as number);
    }
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('reads well pinned at 1024x768 in English, Spanish and Portuguese and on a phone', async () => {
    for (const [lang, viewport, name] of [
      ['en', { width: 1024, height: 768 }, 'feed-follow-1024-en'],
      ['es', { width: 1024, height: 768 }, 'feed-follow-1024-es'],
      ['pt', { width: 1024, height: 768 }, 'feed-follow-1024-pt'],
      ['en', { width: 390, height: 844 }, 'feed-follow-phone'],
    ] as const) {
      const page = await openFeedLab(viewport, lang);
      await fillFeed(page);
      await page.keyboard.press(' ');
      await page.waitForFunction(() => window.raftLab?.state().playing === false);
      await page.locator('.rl-feed').scrollIntoViewIfNeeded();
      const view = await feedView(page);
      expect(view.pinned, name).toBe(true);
      expect(view.newestInView, name).toBe(true);
      await settle(page);
      await page.locator('.rl-feed').screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
      expect(pageErrors(page), name).toEqual([]);
      await page.context().close();
    }
  });
});
