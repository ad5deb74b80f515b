/**
 * The clients' table of answered requests keeps its numbers whole. In the inspector's narrow
 * column (1024x768 in Spanish or Portuguese, whose headers are longer, and on a phone) the table
 * cells may break long words (`overflow-wrap: anywhere`), and the request number column had
 * broken "30" into "3" over "0". A number, a try count and a duration now stay on one line,
 * and the table still fits the column without a sideways scroll.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openLab, pageErrors, screenshot, settle, useBrowser, waitForState } from './harness.ts';

const browser = useBrowser();

/** Plays at 1x with a request every 100 ms until request `n` of C1 is answered, then pauses. */
async function answered(page: Page, n: number): Promise<void> {
  await page.locator('.rl-speed select').selectOption('1');
  await waitForState(
    page,
    (s) => s.playing && s.servers.some((x) => x.role === 'leader'),
    'a leader',
  );
  const row = page.locator('.rl-client-done tbody td:first-child', {
    hasText: new RegExp(`^${n}$`),
  });
  for (let k = 0; k < 200 && (await row.count()) === 0; k++) {
    await page.keyboard.press('c');
    await page.waitForTimeout(100);
  }
  await page.keyboard.press(' ');
  await waitForState(page, (s) => !s.playing, 'the pause');
  expect(await row.count()).toBeGreaterThan(0);
}

/** For each numeric cell of the table: its text and how many lines it takes. */
async function numberCells(page: Page): Promise<{ text: string; lines: number }[]> {
  return page.locator('.rl-client-done td.rl-num').evaluateAll((cells) =>
    cells.map((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return { text: td.textContent ?? '', lines: tops.size };
    }),
  );
}

describe("the clients' table", () => {
  for (const { lang, width, height } of [
    { lang: 'es', width: 1024, height: 768 },
    { lang: 'pt', width: 1024, height: 768 },
    { lang: 'en', width: 390, height: 844 },
  ]) {
    it(`keeps request numbers, tries and durations on one line (${lang}, ${width}x${height})`, async () => {
      const page = await openLab(
        browser,
        { viewport: { width, height } },
        `?servers=9&lang=${lang}`,
      );
      await answered(page, 12);
      const cells = await numberCells(page);
      // Each answered row has three: the number, the tries and the time it took.
      expect(cells.length).toBeGreaterThanOrEqual(3 * 5);
      expect(cells.some((c) => c.text.length >= 2)).toBe(true);
      expect(cells.filter((c) => c.lines !== 1)).toEqual([]);
      // And the whole table shows: no column is cut off behind a sideways scroll.
      const fit = await page
        .locator('.rl-client-done')
        .evaluate((t) => ({ table: t.scrollWidth, box: t.parentElement?.clientWidth ?? 0 }));
      expect(fit.table).toBeLessThanOrEqual(fit.box + 1);
      await page.locator('.rl-client-done').scrollIntoViewIfNeeded();
      await settle(page);
      await screenshot(page, `client-table-${lang}-${width}x${height}`);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }
});
