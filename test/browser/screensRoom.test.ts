/**
 * Presenting on real screens (issue 10), the leftovers: room for everything the audience reads.
 * A violation banner covers no server, crown or label; a snapshot block's label reads whole; the
 * phone's presenter bar keeps to two rows with Exit, Back and Next finger-sized, and Figure 7's
 * logs fit the phone without paging; the lab shows nine servers' log rows without scrolling.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { labState, screenshot, settle, useBrowser } from './harness.ts';
import { openAt, served, storyPlace, waitForStop } from './presenterHarness.ts';

const browser = useBrowser();

type Lang = 'en' | 'es' | 'pt';
const LANGS: readonly Lang[] = ['en', 'es', 'pt'];

/** Two frames: a ResizeObserver's answer and the render after it. */
async function frames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(null)))),
  );
}

/** Goes to a story's step: End, then back one exact step at a time. */
async function goToStep(page: Page, step: number): Promise<void> {
  const { steps } = await storyPlace(page);
  await page.keyboard.press('End');
  await waitForStop(page, steps);
  for (let at = steps; at > step; at--) {
    await page.keyboard.press('ArrowLeft');
    await waitForStop(page, at - 1);
  }
  await settle(page);
  await frames(page);
}

interface Rect {
  what: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The server circles, names and crowns of the ring, and the banners' boxes, in the page. */
function ringAndBanner(page: Page): Promise<{ parts: Rect[]; banners: Rect[] }> {
  return page.evaluate(() => {
    const rect = (e: Element, what: string) => {
      const r = e.getBoundingClientRect();
      return { what, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const parts = [...document.querySelectorAll('g[data-server]')].flatMap((g) => {
      const id = g.getAttribute('data-server');
      return [
        rect(g.querySelector('.rl-server-body')!, `S${id}'s circle`),
        rect(g.querySelector('.rl-server-label')!, `S${id}'s name`),
      ];
    });
    for (const c of document.querySelectorAll('.rl-crown')) parts.push(rect(c, 'the crown'));
    const banners = [...document.querySelectorAll('.rl-show-banners .rl-banner')].map((b) =>
      rect(b, 'banner'),
    );
    return { parts, banners };
  });
}

const meets = (a: Rect, b: Rect): boolean =>
  a.left < b.right - 0.5 &&
  b.left < a.right - 0.5 &&
  a.top < b.bottom - 0.5 &&
  b.top < a.bottom - 0.5;

/** The log rows' boxes, to compare with and without the banner. */
function logRows(page: Page): Promise<number[][]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.rl-show-logs .rl-log-row')].map((e) => {
      const r = e.getBoundingClientRect();
      return [r.left, r.top, r.width, r.height].map(Math.round);
    }),
  );
}

describe('a violation banner in presenter mode', () => {
  const sizes = [
    ...LANGS.map((lang) => ({ lang, width: 1024, height: 768 })),
    { lang: 'es' as Lang, width: 1280, height: 720 },
  ];
  for (const { lang, width, height } of sizes)
    it(`covers no server, name or crown at ${width}×${height} in ${lang}`, async () => {
      const page = await openAt(browser, served(`?present&lang=${lang}#lib=figure-8-bug`), {
        viewport: { width, height },
      });
      await page.locator('.rl-show').waitFor();
      await goToStep(page, (await storyPlace(page)).steps);
      await page.locator('.rl-show [data-testid="violation"]').waitFor();
      await frames(page);
      const withBanner = await logRows(page);
      const { parts, banners } = await ringAndBanner(page);
      expect(parts.length).toBeGreaterThanOrEqual(10);
      expect(banners.length).toBeGreaterThan(0);
      const covered = banners.flatMap((b) =>
        parts.filter((p) => meets(b, p)).map((p) => `${p.what} under the banner`),
      );
      for (const b of banners)
        if (b.bottom > height + 0.5 || b.top < 0) covered.push(`banner off screen (${b.bottom})`);
      await screenshot(page, `room-violation-${width}-${lang}`);
      expect(covered).toEqual([]);
      // The ring stays inside its stage, and the logs do not move for the banner.
      const outside = await page.evaluate(() => {
        const stage = document.querySelector('.rl-show-stage')!.getBoundingClientRect();
        return [...document.querySelectorAll('g[data-server] .rl-server-body')]
          .map((c) => c.getBoundingClientRect())
          .filter((r) => r.top < stage.top - 0.5 || r.bottom > stage.bottom + 0.5).length;
      });
      expect(outside).toBe(0);
      await page.addStyleTag({ content: '.rl-show-banners { display: none !important; }' });
      await frames(page);
      expect(await logRows(page)).toEqual(withBanner);
      expect(page.errors).toEqual([]);
      await page.context().close();
    });
});

describe('the snapshot block in presenter mode at 1024×768', () => {
  for (const lang of LANGS)
    it(`reads whole at every step in ${lang}`, async () => {
      const page = await openAt(browser, served(`?present&lang=${lang}#lib=snapshot`), {
        viewport: { width: 1024, height: 768 },
      });
      await page.locator('.rl-show').waitFor();
      const { steps } = await storyPlace(page);
      let blocks = 0;
      const problems: string[] = [];
      for (let step = steps; step >= 1; step--) {
        await goToStep(page, step);
        const found = await page.evaluate(() =>
          [...document.querySelectorAll('.rl-show-logs .rl-snap-block')].map((b) => {
            const label = b.querySelector('.rl-snap-label')!;
            const text = label.textContent ?? '';
            const cut = (e: Element): boolean =>
              e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
            const lr = label.getBoundingClientRect();
            const br = b.getBoundingClientRect();
            const out =
              lr.left < br.left - 0.5 ||
              lr.right > br.right + 0.5 ||
              lr.top < br.top - 0.5 ||
              lr.bottom > br.bottom + 0.5;
            const size = parseFloat(getComputedStyle(label).fontSize);
            // The block itself may overflow on purpose: its commit bar reaches past its edge.
            return cut(label) || out || size < 16
              ? `"${text}" is cut or small (${label.scrollWidth}×${label.scrollHeight} in ${label.clientWidth}×${label.clientHeight}, ${size}px)`
              : '';
          }),
        );
        blocks += found.length;
        problems.push(...found.filter((p) => p !== '').map((p) => `step ${step}: ${p}`));
        if (step === steps) await screenshot(page, `room-snapshot-1024-${lang}`);
      }
      expect(blocks).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      expect(page.errors).toEqual([]);
      await page.context().close();
    });
});

describe('presenter mode on a phone (390×844)', () => {
  for (const lang of LANGS)
    it(`keeps the bar to two rows and shows Figure 7's logs whole in ${lang}`, async () => {
      const page = await openAt(browser, served(`?present&lang=${lang}#lib=figure-7`), {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      await page.locator('.rl-show').waitFor();
      const bar = await page.evaluate(() => {
        const tools = [
          ...document.querySelectorAll(
            '.rl-show-tools .rl-button, .rl-show-tools summary, .rl-show-tools .rl-lang',
          ),
        ].filter((e) => e.checkVisibility());
        const rows = new Set(tools.map((e) => Math.round(e.getBoundingClientRect().top / 8)));
        const box = (sel: string) => {
          const e = document.querySelector(sel);
          if (!e || !e.checkVisibility()) return null;
          const r = e.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        };
        return {
          rows: rows.size,
          exit: box('.rl-show-exit'),
          next: box('.rl-story-next'),
          back: box('.rl-story-previous'),
        };
      });
      expect(bar.rows, 'rows of tools').toBeLessThanOrEqual(2);
      for (const [name, b] of Object.entries({ exit: bar.exit, next: bar.next, back: bar.back })) {
        expect(b, name).not.toBeNull();
        expect(b!.left, name).toBeGreaterThanOrEqual(0);
        expect(b!.right, name).toBeLessThanOrEqual(390);
        expect(b!.top, name).toBeGreaterThanOrEqual(0);
        expect(b!.bottom - b!.top, `${name} height`).toBeGreaterThanOrEqual(44);
        expect(b!.right - b!.left, `${name} width`).toBeGreaterThanOrEqual(44);
      }
      // The last step: 7 servers, the leader's 12 entries and a free slot, all in one window.
      await goToStep(page, (await storyPlace(page)).steps);
      await page.locator('.rl-show-logs').scrollIntoViewIfNeeded();
      await frames(page);
      const state = await labState(page);
      const longest = Math.max(...state.servers.map((s) => s.log.length));
      const logs = await page.evaluate(() => {
        const panel = document.querySelector('.rl-show-logs .rl-log')!;
        const area = panel.getBoundingClientRect();
        const indexes = [...panel.querySelectorAll('.rl-log-index')].map((e) =>
          Number(e.textContent),
        );
        const problems: string[] = [];
        for (const cell of panel.querySelectorAll('.rl-log-cells > .rl-cell')) {
          const r = cell.getBoundingClientRect();
          if (r.left < area.left - 0.5 || r.right > area.right + 0.5 || r.right > 390.5)
            problems.push(`a cell at ${r.left}–${r.right} outside ${area.left}–${area.right}`);
        }
        const terms = [...panel.querySelectorAll('.rl-cell-term')].map((e) =>
          parseFloat(getComputedStyle(e).fontSize),
        );
        const names = [...panel.querySelectorAll('.rl-log-name')].map((e) =>
          parseFloat(getComputedStyle(e).fontSize),
        );
        return {
          indexes,
          pager: panel.querySelectorAll('.rl-panel-header .rl-button').length,
          problems,
          smallest: Math.min(...terms, ...names),
          rows: panel.querySelectorAll('.rl-log-row:not(.rl-log-index-row)').length,
        };
      });
      await screenshot(page, `room-phone-figure-7-${lang}`);
      expect(logs.rows).toBe(7);
      expect(logs.indexes[0]).toBe(1);
      expect(logs.indexes.at(-1)).toBe(longest + 1);
      expect(logs.pager, 'no paging buttons').toBe(0);
      expect(logs.problems).toEqual([]);
      expect(logs.smallest).toBeGreaterThanOrEqual(12);
      expect(page.errors).toEqual([]);
      await page.context().close();
    });
});

describe('the lab with nine servers', () => {
  for (const { width, height, lang } of [
    { width: 1440, height: 900, lang: 'en' },
    { width: 1280, height: 720, lang: 'pt' },
    { width: 1024, height: 768, lang: 'es' },
  ])
    it(`shows every log row without scrolling the logs at ${width}×${height}`, async () => {
      const page = await openAt(browser, served(`?servers=9&seed=7&paused&lang=${lang}`), {
        viewport: { width, height },
      });
      // A few entries, so the rows have cells, marks and carets to show.
      for (let i = 0; i < 400; i++) await page.keyboard.press('ArrowRight');
      await settle(page);
      await frames(page);
      if (width === 1024) await page.locator('.rl-logs').scrollIntoViewIfNeeded();
      const rows = await page.evaluate(() => {
        const area = document.querySelector('.rl-logs')!.getBoundingClientRect();
        const scroller = document.querySelector('.rl-logs-tabpanel')!;
        return {
          scrolls: scroller.scrollHeight > scroller.clientHeight + 1,
          vh: document.documentElement.clientHeight,
          rows: [...document.querySelectorAll('.rl-logs .rl-log-row:not(.rl-log-index-row)')].map(
            (e) => {
              const r = e.getBoundingClientRect();
              return {
                name: e.querySelector('.rl-log-name')?.textContent ?? '?',
                inside: r.top >= area.top - 0.5 && r.bottom <= area.bottom + 0.5,
                bottom: r.bottom,
              };
            },
          ),
        };
      });
      await screenshot(page, `room-lab-nine-${width}-${lang}`);
      expect(rows.rows).toHaveLength(9);
      expect(rows.rows.filter((r) => !r.inside).map((r) => r.name)).toEqual([]);
      expect(rows.scrolls).toBe(false);
      if (width === 1440) expect(rows.rows.at(-1)!.bottom).toBeLessThanOrEqual(rows.vh);
      expect(page.errors).toEqual([]);
      await page.context().close();
    });
});

describe('the lab with five servers at 1280×720', () => {
  it('keeps roomy rows with the commit and applied counts', async () => {
    const page = await openAt(browser, served('?paused&lang=es'), {
      viewport: { width: 1280, height: 720 },
    });
    await page.locator('.rl-logs .rl-log-row').first().waitFor();
    await frames(page);
    const rows = await page.evaluate(() => ({
      tight: document.querySelectorAll('.rl-logs .rl-log-compact, .rl-logs .rl-log-dense').length,
      counts: [...document.querySelectorAll('.rl-logs .rl-log-nums')].filter((e) =>
        e.checkVisibility(),
      ).length,
    }));
    expect(rows).toEqual({ tight: 0, counts: 5 });
    await page.context().close();
  });
});
