/**
 * Shared helpers of the browser tests: launch Debian's Chromium through playwright-core (failing
 * loudly when it is missing: a skipped browser test hides a broken lab), open the lab, read the
 * automation handle, and click the cluster.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import type { LabAutomationState } from '../../src/services/automation.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/cli/staticSite.ts';

export const CHROMIUM = CHROMIUM_PATH;
export const SCREENSHOTS = resolve(import.meta.dirname, 'screenshots');

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install it (apt-get install chromium); browser tests never skip.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      // Partial raster repaints only the changed part of a tile, so the anti-aliasing at its edges
      // depends on what was painted before: two identical frames could differ in a few pixels.
      '--disable-partial-raster',
    ],
  });
}

/**
 * One Chromium for a test file: launched before its tests, closed after them. The value stands
 * for the browser (a forwarding handle), so tests write `openLab(browser, …)` as before.
 */
export function useBrowser(): Browser {
  let real: Browser | undefined;
  beforeAll(async () => {
    real = await launch();
  });
  afterAll(async () => {
    await real?.close();
  });
  return new Proxy({} as Browser, {
    get(_target, property) {
      if (real === undefined) throw new Error('the browser is used before beforeAll launched it');
      const value = Reflect.get(real, property, real) as unknown;
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(real)
        : value;
    },
  });
}

/**
 * The figures a test file measures, as an object its tests fill in: written to
 * `screenshots/NAME.json` and printed on one line (LABEL and the JSON) after the file's tests.
 */
export function recordMeasurements(name: string, label: string): Record<string, unknown> {
  const results: Record<string, unknown> = {};
  afterAll(async () => {
    await writeFile(join(SCREENSHOTS, `${name}.json`), JSON.stringify(results, null, 2));
    console.log(label, JSON.stringify(results));
  });
  return results;
}

/**
 * Counts every requestAnimationFrame callback the page runs (installed before the app loads);
 * `__rawRaf` is the unwrapped function, for the tests' own frame watchers.
 */
const COUNT_FRAMES = `
  window.__rafCallbacks = 0;
  const raf = window.requestAnimationFrame.bind(window);
  window.__rawRaf = raf;
  window.requestAnimationFrame = (cb) => raf((t) => { window.__rafCallbacks++; cb(t); });
`;

export async function openLab(
  browser: Browser,
  options: BrowserContextOptions = { viewport: { width: 1366, height: 768 } },
  query = '',
): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript(COUNT_FRAMES);
  await page.goto(inject('labUrl') + query);
  await page.waitForFunction(() => window.raftLab !== undefined);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

/**
 * The lab's state, carried out of the page as JSON text: Playwright's own serialization rebuilds
 * objects by assignment and so drops a key named `__proto__` (a key-value store key, issue 7).
 */
export async function labState(page: Page): Promise<LabAutomationState> {
  const text = await page.evaluate(() => {
    const lab = window.raftLab;
    if (!lab) throw new Error('window.raftLab is missing');
    return JSON.stringify(lab.state());
  });
  return JSON.parse(text) as LabAutomationState;
}

/** Polls the lab until `ok` holds for its state (virtual time keeps running meanwhile). */
export async function waitForState(
  page: Page,
  ok: (s: LabAutomationState) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<LabAutomationState> {
  const deadline = Date.now() + timeoutMs;
  let last = await labState(page);
  while (!ok(last)) {
    if (Date.now() > deadline)
      throw new Error(
        `Timed out waiting for ${what}; last state: ${JSON.stringify(last).slice(0, 600)}`,
      );
    await page.waitForTimeout(100);
    last = await labState(page);
  }
  return last;
}

export function leaderOf(s: LabAutomationState): number | null {
  const leaders = s.servers.filter((x) => x.role === 'leader' && !x.crashed);
  leaders.sort((a, b) => b.term - a.term);
  return leaders[0]?.id ?? null;
}

export async function setSpeed(page: Page, value: string): Promise<void> {
  await page.getByLabel('Speed').selectOption(value);
}

export function serverBody(page: Page, id: number) {
  return page.locator(`g[data-server="${id}"] .rl-server-body`);
}

/** Takes focus and the pointer away from every control, so screenshots compare like for like. */
export async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

export async function screenshot(page: Page, name: string): Promise<Buffer> {
  await mkdir(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Every line of the event feed, read by scrolling its virtual list from top to bottom (only the
 * lines in view are in the page at a time, so a line long past is not in `textContent`).
 */
export async function allFeedText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const scroll = document.querySelector<HTMLElement>('.rl-feed-scroll');
    if (scroll === null) return '';
    const seen = new Set<string>();
    const step = Math.max(40, Math.floor(scroll.clientHeight / 2));
    const frame = (): Promise<void> =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    // Following the newest line, the feed is anchored at its end (scrollTop 0 there, negative
    // above): scrolling up past the top leaves that mode, as a reader's scroll does.
    scroll.scrollTop = -scroll.scrollHeight;
    scroll.dispatchEvent(new Event('scroll'));
    await frame();
    for (let top = 0; top <= scroll.scrollHeight; top += step) {
      scroll.scrollTop = top;
      scroll.dispatchEvent(new Event('scroll'));
      await frame();
      for (const line of scroll.querySelectorAll('.rl-feed-line')) seen.add(line.textContent ?? '');
    }
    return [...seen].join('\n');
  });
}
