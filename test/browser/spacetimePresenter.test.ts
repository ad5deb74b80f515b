/**
 * The space-time diagram in presenter mode (issue 10): the toolbar's Space-time button and D show
 * it beside the ring in place of the logs; at 1024x768 (Spanish, Portuguese), 1280x720 and
 * 1440x900 every word of it is 16 px or more and inside its box (lane names, time ticks, marks,
 * toolbar, legend), nothing spills out of the page, the window's messages are all drawn, and each
 * story step brings the diagram to that step's stop (following again after the window was moved).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { labState, screenshot, settle, useBrowser } from './harness.ts';
import { openAt, served, stepWithKeys, storyPlace, waitForStop } from './presenterHarness.ts';

const browser = useBrowser();

interface Layout {
  /** Words smaller than 16 px: where and how big. */
  small: string[];
  /** Words or controls outside their box or the screen. */
  outside: string[];
  pageOverflow: boolean;
  /** Arrows drawn: the window's and those of the settle step before it (clipped away). */
  arrows: number;
  drawnFromMs: number;
  fromMs: number;
  toMs: number;
  playheadMs: number;
}

/** Measures the diagram as drawn: type sizes, what sticks out, the arrows. */
async function layout(page: Page, scrolls = false): Promise<Layout> {
  return page.evaluate((scrolls) => {
    const small: string[] = [];
    const outside: string[] = [];
    const pane = document.querySelector('.rl-st-presenter') as HTMLElement;
    const svg = pane.querySelector('svg.rl-st-svg') as SVGSVGElement;
    const paneBox = pane.getBoundingClientRect();
    const svgBox = svg.getBoundingClientRect();
    const within = (r: DOMRect, b: DOMRect, slack = 1): boolean =>
      r.left >= b.left - slack &&
      r.right <= b.right + slack &&
      r.top >= b.top - slack &&
      r.bottom <= b.bottom + slack;
    const size = (el: Element): number => parseFloat(getComputedStyle(el).fontSize);
    // Every word drawn: on the lanes' SVG and on the plot's sliding layers, where only what the
    // plot's box shows counts (what lies outside it is clipped away).
    const view = pane.querySelector('.rl-st-view') as HTMLElement;
    const plotBox = (view.querySelector('.rl-st-window') as HTMLElement).getBoundingClientRect();
    const meets = (r: DOMRect, b: DOMRect): boolean =>
      r.right > b.left && r.left < b.right && r.bottom > b.top && r.top < b.bottom;
    for (const text of view.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      if (text.closest('.rl-st-window') !== null && !meets(r, plotBox)) continue;
      const what = `svg text "${text.textContent}"`;
      if (size(text) < 16) small.push(`${what} ${size(text)}px`);
      if (!within(r, svgBox)) outside.push(what);
    }
    // The lane names sit in the label column, left of the plot.
    const plotLeft = plotBox.left - svgBox.left;
    for (const label of svg.querySelectorAll('.rl-st-lane-label text')) {
      const r = label.getBoundingClientRect();
      if (r.right - svgBox.left > plotLeft + 1) outside.push(`lane ${label.textContent} overlaps`);
    }
    for (const el of pane.querySelectorAll(
      '.rl-st-toolbar .rl-button, .rl-st-range, .rl-st-legend li',
    )) {
      const what = `${el.className || el.tagName} "${el.textContent}"`;
      if (size(el) < 16) small.push(`${what} ${size(el)}px`);
      const r = el.getBoundingClientRect();
      if (!within(r, paneBox)) outside.push(what);
      // On a phone the presenter's main area scrolls down to the diagram: only sideways counts.
      if ((!scrolls && r.bottom > window.innerHeight + 1) || r.right > window.innerWidth + 1)
        outside.push(`${what} off screen`);
    }
    const legend = pane.querySelector('.rl-st-legend') as HTMLElement;
    if (legend.scrollHeight > legend.clientHeight + 1) outside.push('the legend is cut');
    if (!scrolls && paneBox.bottom > window.innerHeight + 1)
      outside.push('the pane runs off the screen');
    const doc = document.documentElement;
    return {
      small,
      outside,
      pageOverflow: doc.scrollWidth > window.innerWidth || doc.scrollHeight > window.innerHeight,
      arrows: view.querySelectorAll('.rl-st-arrow').length,
      drawnFromMs: Number(svg.getAttribute('data-drawn-from-ms')),
      fromMs: Number(svg.getAttribute('data-from-ms')),
      toMs: Number(svg.getAttribute('data-to-ms')),
      playheadMs: Number(svg.getAttribute('data-playhead-ms')),
    };
  }, scrolls);
}

async function reportedCount(page: Page, l: Layout): Promise<number> {
  return page.evaluate(
    ([from, to]) => window.raftLab?.messages(from as number, to as number).length ?? -1,
    [l.drawnFromMs, l.toMs],
  );
}

/** The diagram at a story step, checked: readable, inside, every message of its range drawn. */
async function checkAt(page: Page, name: string): Promise<Layout> {
  const phone = (page.viewportSize()?.width ?? 1024) <= 760;
  if (phone) await page.locator('.rl-st-presenter').scrollIntoViewIfNeeded();
  await settle(page);
  const l = await layout(page, phone);
  expect(l.small, `${name}: words under 16 px`).toEqual([]);
  expect(l.outside, `${name}: words or controls outside`).toEqual([]);
  expect(l.pageOverflow, `${name}: the page scrolls`).toBe(false);
  expect(l.arrows, `${name}: arrows`).toBeGreaterThan(3);
  expect(l.arrows).toBe(await reportedCount(page, l));
  // In step with the story: the playhead is the stop's time, inside the window.
  const st = await labState(page);
  expect(l.playheadMs).toBe(st.time);
  expect(l.fromMs).toBeLessThanOrEqual(st.time);
  expect(l.toMs).toBeGreaterThanOrEqual(st.time);
  await screenshot(page, name);
  return l;
}

const TAB = { en: 'Space-time', es: 'Espacio-tiempo', pt: 'Espaço-tempo' } as const;

describe('the space-time diagram in presenter mode', () => {
  for (const [width, height, lang, story] of [
    [1024, 768, 'es', 'figure-8'],
    [1024, 768, 'pt', 'figure-8'],
    [1280, 720, 'en', 'partition'],
    [1440, 900, 'en', 'figure-8'],
    [390, 844, 'pt', 'figure-8'],
  ] as const) {
    it(`is readable and whole, and steps with the story (${width}x${height}, ${lang}, ${story})`, async () => {
      const page = await openAt(browser, served(`?present&lang=${lang}#lib=${story}`), {
        viewport: { width, height },
      });
      await page.locator('.rl-show').waitFor();
      // The toolbar's control shows the diagram instead of the logs; D goes back and forth.
      const button = page.locator('.rl-show-spacetime');
      expect((await button.textContent())?.startsWith(TAB[lang])).toBe(true);
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      await button.click();
      await page.locator('.rl-st-presenter svg.rl-st-svg').waitFor();
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('.rl-show-logs .rl-log-fit').count()).toBe(0);
      await page.keyboard.press('d');
      await expect.poll(() => page.locator('.rl-st-presenter').count()).toBe(0);
      expect(await page.locator('.rl-show-logs .rl-log-fit').count()).toBe(1);
      await page.keyboard.press('d');
      await page.locator('.rl-st-presenter svg.rl-st-svg').waitFor();
      // No export in a talk; the tab strip of the lab is not there either.
      expect(await page.locator('.rl-st-presenter .rl-st-export').count()).toBe(0);

      const { steps } = await storyPlace(page);
      const middle = Math.min(steps - 2, Math.max(2, Math.floor(steps / 2)));
      await stepWithKeys(page, middle);
      await waitForStop(page, middle);
      await checkAt(page, `presenter-spacetime-${width}x${height}-${lang}`);

      // Moving the window away leaves follow mode; the next step follows again.
      await page.locator('.rl-st-presenter .rl-st-group .rl-button').first().click();
      await expect
        .poll(async () =>
          page.locator('.rl-st-presenter .rl-st-follow').getAttribute('aria-pressed'),
        )
        .toBe('false');
      await page.keyboard.press('ArrowRight');
      await waitForStop(page, middle + 1);
      await expect
        .poll(async () =>
          page.locator('.rl-st-presenter .rl-st-follow').getAttribute('aria-pressed'),
        )
        .toBe('true');
      await checkAt(page, `presenter-spacetime-${width}x${height}-${lang}-next`);
      // And back exactly: ← returns to the stop, the diagram with it.
      await page.keyboard.press('ArrowLeft');
      await waitForStop(page, middle);
      await expect
        .poll(async () => (await layout(page)).playheadMs)
        .toBe((await labState(page)).time);
      expect(page.errors).toEqual([]);
      await page.context().close();
    });
  }
});
