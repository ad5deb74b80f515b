/**
 * The parts that come right after the first paint (issue 11, fourth split): the event feed with
 * its sentences, and the later words (a message's fields, refusals, what a broken invariant did).
 * Their chunks are held back with a route: the feed's place shows the empty feed at time 0 and
 * says Loading once the run has events, then shows its lines; a refused link's banner waits for
 * its words and then shows them whole, never a key. Screenshots at 1440x900 (en), 1024x768 (es,
 * pt) and 390x844 (en, a phone).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOADING_SCREENS, openHolding } from './holdChunks.ts';
import { labState, launch, openLab, pageErrors, screenshot, settle } from './harness.ts';

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

describe('the event feed', () => {
  for (const [lang, width, height] of LOADING_SCREENS) {
    it(`is empty at time 0, says it is loading once there are events, then shows them (${lang}, ${width}x${height})`, async () => {
      const held = await openHolding(
        browser,
        ['EventFeed'],
        { width, height },
        `?paused&lang=${lang}`,
      );
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
  for (const [lang, width, height] of LOADING_SCREENS) {
    it(`a refused link's banner waits for its words, then shows them whole (${lang}, ${width}x${height})`, async () => {
      const held = await openHolding(
        browser,
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
        .poll(() => held.scripts.some((name) => name.startsWith('laterMessages-')))
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

describe('the space-time record', () => {
  /** Steps, a client request, steps back and the leader restarted there (a fork), steps again. */
  async function act(page: Page): Promise<void> {
    const press = async (key: string, times: number) => {
      for (let i = 0; i < times; i++) await page.keyboard.press(key);
    };
    await press('ArrowRight', 60);
    await press('c', 1);
    await press('ArrowRight', 40);
    await press('ArrowLeft', 15);
    await press('r', 1); // behind the head: the future after here is set aside
    await press('ArrowRight', 30);
  }
  const messages = (page: Page) =>
    page.evaluate(() => {
      const lab = window.raftLab!;
      try {
        return lab.messages(0, lab.state().time);
      } catch (error) {
        return String(error);
      }
    });

  it('is queued while its code is held back, then the diagram shows every message from the first', async () => {
    const held = await openHolding(browser, ['spaceTime'], { width: 1440, height: 900 }, '?paused');
    const { page } = held;
    await act(page);
    // The request behind the head replaced the future after it (the bar offers Undo).
    await page.locator('[data-testid="replaced"]').waitFor();
    expect(await messages(page)).toMatch(/still loading/);
    // The diagram's pane waits for the record's code, and says so.
    await page.keyboard.press('d');
    const loading = page.locator('#rl-logs-tabpanel .rl-loading');
    await loading.waitFor();
    held.release();
    await page.locator('svg.rl-st-svg').waitFor();
    const late = await messages(page);
    expect(Array.isArray(late) && late.length).toBeGreaterThan(40);
    // The same steps on a page that had the record's code from the start: the same messages.
    const plain = await openLab(browser, { viewport: { width: 1440, height: 900 } }, '?paused');
    await plain.locator('.rl-st-tabs').waitFor();
    await act(plain);
    const other = await messages(plain);
    expect(late).toEqual(other);
    expect(held.errors).toEqual([]);
    expect(pageErrors(plain)).toEqual([]);
    await plain.context().close();
    await held.context.close();
  });
});

describe('the simulation’s stepping code', () => {
  it('held back: the lab draws time 0 and moves nothing; released: a request made meanwhile runs, and the run is the usual one', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    await page.route(
      (url) => (url.pathname.split('/').pop() ?? '').startsWith('stepping-'),
      async (route) => {
        await gate;
        await route.continue();
      },
    );
    await page.goto(inject('labUrl') + '?paused');
    // The first frame needs none of it: five servers at time 0.
    await page.locator('.rl-cluster-svg').waitFor();
    const time = page.getByTestId('time');
    const hash = page.getByTestId('trace-hash');
    const start = await hash.textContent();
    const zero = await time.textContent();
    // Step and request: nothing moves yet (the automation handle waits for the code too).
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('c');
    await page.waitForTimeout(300);
    expect(await time.textContent()).toBe(zero);
    expect(await hash.textContent()).toBe(start);
    expect(await page.evaluate(() => window.raftLab === undefined)).toBe(true);
    await settle(page);
    await screenshot(page, 'later-stepping-held-en-1440x900');
    release();
    await page.waitForFunction(() => window.raftLab !== undefined);
    // The request ran on arrival, at time 0, as on a page that had the code from the start.
    const plain = await openLab(browser, { viewport: { width: 1440, height: 900 } }, '?paused');
    await plain.keyboard.press('c');
    const held = await labState(page);
    expect(held.time).toBe(0);
    expect(await hash.textContent()).not.toBe(start);
    expect(held.traceHash).toBe((await labState(plain)).traceHash);
    // And it steps on as that page does.
    for (const p of [page, plain])
      for (let i = 0; i < 40; i++) await p.keyboard.press('ArrowRight');
    const [a, b] = [await labState(page), await labState(plain)];
    expect(a.time).toBeGreaterThan(0);
    expect(a.time).toBe(b.time);
    expect(a.traceHash).toBe(b.traceHash);
    expect(errors).toEqual([]);
    expect(pageErrors(plain)).toEqual([]);
    await plain.context().close();
    await context.close();
  });

  it('fails to arrive once: the lab says so, tries again, and then runs (es, 1024x768)', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    let refused = 0;
    await page.route(
      (url) => (url.pathname.split('/').pop() ?? '').startsWith('stepping-'),
      async (route) => {
        if (refused++ === 0) await route.abort('connectionreset');
        else await route.continue();
      },
    );
    await page.goto(inject('labUrl') + '?paused&lang=es');
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/El código del simulador no se cargó.*2 s/);
    await settle(page);
    await screenshot(page, 'later-stepping-failed-es-1024x768');
    // The second try (2 s later) brings it: the notice goes, the lab steps.
    await page.waitForFunction(() => window.raftLab !== undefined, null, { timeout: 10_000 });
    await notice.waitFor({ state: 'detached' });
    expect(refused).toBe(2);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => (window.raftLab?.state().time ?? 0) > 0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
