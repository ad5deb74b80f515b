/**
 * The lab on load and in a few telling moments, at the four screen sizes it must fit. Each
 * screenshot goes to test/browser/screenshots/ for a human to look at; the checks here are the
 * ones a machine can make: a leader on load, no sideways scrolling, no page scrolling on laptops.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  leaderOf,
  openLab,
  pageErrors,
  screenshot,
  serverBody,
  settle,
  waitForState,
  useBrowser,
} from './harness.ts';

const SIZES = [
  { name: 'laptop-1366x768', width: 1366, height: 768 },
  { name: 'laptop-1280x720', width: 1280, height: 720 },
  { name: 'projector-1920x1080', width: 1920, height: 1080 },
  { name: 'phone-390x844', width: 390, height: 844, mobile: true },
] as const;

const browser = useBrowser();

async function overflow(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
}

/** Pauses a moment after a client request, when AppendEntries with entries are on the wire. */
async function pauseMidReplication(page: Page): Promise<void> {
  await page.keyboard.press('c');
  await page.waitForTimeout(30);
  await page.keyboard.press(' ');
}

describe('on load', () => {
  it('elects a leader within a few seconds at the default speed, with no errors', async () => {
    const page = await openLab(browser);
    const state = await waitForState(page, (s) => leaderOf(s) !== null, 'a leader', 12_000);
    expect(state.playing).toBe(true);
    expect(state.servers).toHaveLength(5);
    expect(state.violations).toEqual([]);
    await screenshot(page, 'default-first-leader');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  for (const size of SIZES) {
    it(`fits ${size.name}`, async () => {
      const mobile = 'mobile' in size;
      const page = await openLab(
        browser,
        {
          viewport: { width: size.width, height: size.height },
          ...(mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
        },
        '?speed=1',
      );
      const s = await waitForState(
        page,
        (st) => leaderOf(st) !== null && st.time > 1200,
        'a settled leader',
      );
      await serverBody(page, leaderOf(s) ?? 1).click();
      await pauseMidReplication(page);
      await settle(page);
      const { x, y } = await overflow(page);
      expect(x).toBeLessThanOrEqual(0);
      // On laptops and projectors the whole lab fits the window: no page scrolling.
      if (!mobile) expect(y).toBeLessThanOrEqual(0);
      await screenshot(page, size.name);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }
});

describe('telling moments (1366×768)', () => {
  it('a split vote, nine servers under load, a partition, a violation', async () => {
    const page = await openLab(browser, { viewport: { width: 1366, height: 768 } }, '?speed=1');
    await waitForState(page, (st) => leaderOf(st) !== null && st.time > 1000, 'a leader');
    await page.keyboard.press('a');
    await page.waitForTimeout(14);
    await page.keyboard.press(' ');
    await settle(page);
    await screenshot(page, 'scene-split-vote');
    await page.context().close();

    const nine = await openLab(
      browser,
      { viewport: { width: 1366, height: 768 } },
      '?servers=9&speed=1',
    );
    await waitForState(nine, (st) => leaderOf(st) !== null && st.time > 1000, 'a leader of nine');
    for (let i = 0; i < 6; i++) {
      await nine.keyboard.press('c');
      await nine.waitForTimeout(40);
    }
    await nine.keyboard.press(' ');
    await settle(nine);
    await screenshot(nine, 'scene-nine-servers-load');
    await nine.context().close();

    const split = await openLab(browser, { viewport: { width: 1366, height: 768 } }, '?speed=1');
    const s = await waitForState(
      split,
      (st) => leaderOf(st) !== null && st.time > 1000,
      'a leader',
    );
    const leader = leaderOf(s) ?? 1;
    await split.keyboard.press('p');
    await serverBody(split, leader).click();
    await serverBody(split, (leader % 5) + 1).click();
    await settle(split);
    await screenshot(split, 'scene-partition-mode');
    await split.keyboard.press('p');
    await split.keyboard.press('c');
    await split.waitForTimeout(1500);
    await split.keyboard.press(' ');
    await settle(split);
    await screenshot(split, 'scene-partitioned');
    await split.context().close();

    const bug = await openLab(
      browser,
      { viewport: { width: 1366, height: 768 } },
      '?speed=1&seed=1&bugs=BUG-VOTERESET',
    );
    const v = await waitForState(
      bug,
      (st) => st.violations.length > 0 && !st.playing,
      'a violation that pauses',
    );
    expect(v.violations[0]?.invariant).toBe('INV-X7');
    await expect.poll(() => bug.getByTestId('violation').textContent()).toContain('INV-X7');
    await settle(bug);
    await screenshot(bug, 'scene-violation');
    await bug.context().close();
  });
});

/**
 * The word over each server's term number, as drawn: its measured width within the circle's
 * chord a little above its baseline, or not drawn with the number centred. On a phone the servers
 * are about 33 px across, and "mandato" at the old fixed 9 px was 41 px wide, spilling over the
 * outline and the timer ring ("nandat" showed).
 */
async function captionFits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const g of document.querySelectorAll<SVGGElement>('g.rl-server')) {
      const body = g.querySelector<SVGCircleElement>('.rl-server-body');
      const caption = g.querySelector<SVGTextElement>('.rl-term-caption');
      const number = g.querySelector<SVGTextElement>('.rl-term-number');
      if (body === null || caption === null || number === null) continue;
      const r = body.r.baseVal.value;
      const name = g.getAttribute('data-server');
      if (getComputedStyle(caption).visibility === 'hidden') {
        const box = number.getBBox();
        const middle = box.y + box.height / 2;
        if (Math.abs(middle) > r * 0.2) problems.push(`S${name}: number off centre by ${middle}`);
        continue;
      }
      const box = caption.getBBox();
      const size = Number(caption.getAttribute('font-size'));
      const y = Number(caption.getAttribute('y')) - size * 0.3;
      const chord = 2 * Math.sqrt(Math.max(0, r * r - y * y));
      if (box.width > chord) {
        problems.push(
          `S${name}: "${caption.textContent}" ${box.width.toFixed(1)} px wide, room ${chord.toFixed(1)}`,
        );
      }
      if (size < 7) problems.push(`S${name}: caption at ${size} px`);
    }
    return problems;
  });
}

describe('the word over the term number', () => {
  const cases = [
    { lang: 'pt', width: 390, height: 844, servers: 5, drawn: false },
    { lang: 'es', width: 390, height: 844, servers: 9, drawn: false },
    { lang: 'en', width: 390, height: 844, servers: 5, drawn: true },
    { lang: 'pt', width: 1024, height: 768, servers: 9, drawn: true },
    { lang: 'es', width: 1440, height: 900, servers: 5, drawn: true },
  ] as const;
  for (const c of cases) {
    it(`fits inside the servers in ${c.lang} at ${c.width}×${c.height}, ${c.servers} servers`, async () => {
      const page = await openLab(
        browser,
        { viewport: { width: c.width, height: c.height } },
        `?lang=${c.lang}&servers=${c.servers}`,
      );
      await page.locator('.rl-term-caption').first().waitFor({ state: 'attached' });
      expect(await captionFits(page)).toEqual([]);
      const drawn = await page.evaluate(
        () =>
          [...document.querySelectorAll('.rl-term-caption')].filter(
            (t) => getComputedStyle(t).visibility !== 'hidden',
          ).length,
      );
      expect(drawn).toBe(c.drawn ? c.servers : 0);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }
});
