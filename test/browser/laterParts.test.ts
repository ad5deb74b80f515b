/**
 * The parts that come right after the first paint (issue 11, fourth split): the event feed with
 * its sentences, and the later words (a message's fields, refusals, what a broken invariant did).
 * Their chunks are held back with a route: the feed's place shows the empty feed at time 0 and
 * says Loading once the run has events, then shows its lines; a refused link's banner waits for
 * its words and then shows them whole, never a key. Screenshots at 1440x900 (en), 1024x768 (es,
 * pt) and 390x844 (en, a phone).
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { labState, launch, screenshot, settle } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const WORDS = {
  en: { events: 'Events', empty: 'Nothing has happened yet.', loading: 'Loading…' },
  es: { events: 'Eventos', empty: 'Todavía no ha pasado nada.', loading: 'Cargando…' },
  pt: { events: 'Eventos', empty: 'Nada aconteceu ainda.', loading: 'Carregando…' },
} as const;
type Lang = keyof typeof WORDS;

interface Held {
  page: Page;
  context: BrowserContext;
  release: () => void;
  errors: string[];
  /** Every script the page asked for, by file name. */
  requested: string[];
}

/** Opens the lab with every chunk whose name starts with one of `chunks` held until release(). */
async function openHolding(
  chunks: readonly string[],
  viewport: { width: number; height: number },
  query: string,
): Promise<Held> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname.split('/').pop() ?? ''));
  let open!: () => void;
  const gate = new Promise<void>((ok) => (open = ok));
  await page.route(
    (url) => {
      const name = url.pathname.split('/').pop() ?? '';
      return chunks.some((c) => name.startsWith(`${c}-`));
    },
    async (route: Route) => {
      await gate;
      await route.continue();
    },
  );
  await page.goto(inject('labUrl') + query);
  await page.waitForFunction(() => window.raftLab !== undefined);
  return { page, context, release: open, errors, requested };
}

describe('the event feed', () => {
  const cases: [Lang, number, number][] = [
    ['en', 1440, 900],
    ['es', 1024, 768],
    ['pt', 1024, 768],
    ['en', 390, 844],
  ];
  for (const [lang, width, height] of cases) {
    it(`is empty at time 0, says it is loading once there are events, then shows them (${lang}, ${width}x${height})`, async () => {
      const held = await openHolding(['EventFeed'], { width, height }, `?paused&lang=${lang}`);
      const { page } = held;
      const feed = page.locator('section.rl-feed');
      await feed.waitFor();
      // Time 0, the feed's code held back: the empty feed, as the real one draws it.
      expect(await feed.locator('.rl-panel-title').textContent()).toBe(WORDS[lang].events);
      expect(await feed.locator('.rl-feed-body').textContent()).toBe(WORDS[lang].empty);
      // The run goes on: its events wait for the feed, which says so.
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => (window.raftLab?.state().time ?? 0) > 0);
      await page.keyboard.press('Space');
      await page.waitForFunction(() => (window.raftLab?.state().time ?? 0) > 400);
      await page.keyboard.press('Space');
      const loading = feed.locator('.rl-loading');
      await loading.waitFor();
      expect(await loading.textContent()).toBe(WORDS[lang].loading);
      expect(await feed.locator('.rl-feed-line').count()).toBe(0);
      await settle(page);
      await screenshot(page, `later-feed-loading-${lang}-${width}x${height}`);
      held.release();
      await feed.locator('.rl-feed-line').first().waitFor();
      expect(await feed.locator('.rl-loading').count()).toBe(0);
      const text = (await feed.locator('.rl-feed-list').textContent()) ?? '';
      expect(text.length).toBeGreaterThan(20);
      // Sentences, not keys (a key reads like "viol.line" or "lin.notFirst").
      expect(text).not.toMatch(/\b(feed|refusal|notice|viol|lin|msgf|tip|st)\.[a-zA-Z]/);
      expect((await labState(page)).playing).toBe(false);
      await settle(page);
      await screenshot(page, `later-feed-shown-${lang}-${width}x${height}`);
      expect(held.errors).toEqual([]);
      await held.context.close();
    });
  }
});

describe('the later words', () => {
  const cases: [Lang, number, number][] = [
    ['en', 1440, 900],
    ['es', 1024, 768],
    ['pt', 1024, 768],
    ['en', 390, 844],
  ];
  for (const [lang, width, height] of cases) {
    it(`a refused link's banner waits for its words, then shows them whole (${lang}, ${width}x${height})`, async () => {
      const held = await openHolding(
        ['laterMessages', 'refusalText'],
        { width, height },
        `?paused&lang=${lang}`,
      );
      const { page } = held;
      await page.locator('section.rl-feed').waitFor();
      // A link cut short on its way (a chat app): refused, with the reason worded.
      const reader = page.waitForResponse((r) => r.url().includes('/openScenario-'));
      await page.evaluate(() => (window.location.hash = '#v1.AAAA'));
      await reader;
      const banner = page.getByTestId('open-error');
      // Until the words arrive the banner waits (no key, no half sentence on screen).
      await expect
        .poll(() => held.requested.some((name) => name.startsWith('laterMessages-')))
        .toBe(true);
      // The link has been read and refused by now (two frames after its reader arrived).
      await page.evaluate(
        () =>
          new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))),
      );
      expect(await banner.count()).toBe(0);
      held.release();
      await banner.waitFor();
      const text = (await banner.textContent()) ?? '';
      expect(text.length).toBeGreaterThan(20);
      expect(text).not.toMatch(/refusal\.|notice\./);
      await settle(page);
      await screenshot(page, `later-refusal-${lang}-${width}x${height}`);
      expect(held.errors).toEqual([]);
      await held.context.close();
    });
  }
});
