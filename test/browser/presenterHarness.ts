/**
 * Helpers of the presenter, library and offline browser tests: open the lab at any address
 * (served or file://), read the story's place from the page, and step it with the keys.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { inject } from 'vitest';
import { storyFromEntry, type LoadedStory } from '../../src/services/presenter/story.ts';
import { findLibraryEntry } from '../../src/scenarios/library/index.ts';
import { labState } from './harness.ts';

/** Counts fullscreen requests instead of making them (headless Chromium may refuse them). */
const STUB_FULLSCREEN = `
  window.__fullscreenRequests = 0;
  Element.prototype.requestFullscreen = function () {
    window.__fullscreenRequests++;
    return Promise.resolve();
  };
`;

export interface OpenedPage extends Page {
  errors: string[];
}

export async function openAt(
  browser: Browser,
  address: string,
  options: BrowserContextOptions = { viewport: { width: 1920, height: 1080 } },
): Promise<OpenedPage> {
  const context = await browser.newContext(options);
  const page = (await context.newPage()) as OpenedPage;
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(m.text());
  });
  await page.addInitScript(STUB_FULLSCREEN);
  await page.goto(address);
  await page.waitForFunction(() => window.raftLab !== undefined);
  // Presenter and embed modes load their code on first use: a key pressed before they are on
  // screen would reach the lab instead (CI once pressed → into a lab still loading Figure 8).
  const url = new URL(address);
  const mode = url.searchParams.has('present')
    ? '.rl-show'
    : url.searchParams.has('embed')
      ? '[data-steps]'
      : null;
  if (mode !== null) {
    await page.locator(mode).first().waitFor({ timeout: 30_000 });
    if (url.hash.startsWith('#lib=')) {
      await page.locator('[data-steps]').first().waitFor({ timeout: 30_000 });
    }
  }
  return page;
}

/** The lab served by the test server, at `?query#fragment`. */
export function served(tail: string): string {
  return inject('labUrl') + tail;
}

export function libraryStory(id: string): LoadedStory {
  const entry = findLibraryEntry(id);
  if (!entry) throw new Error(`no library entry ${id}`);
  return storyFromEntry(entry);
}

export interface StoryPlace {
  step: number;
  steps: number;
  animating: boolean;
}

/** The story's place, from the data attributes of the story bar, presenter or embed root. */
export async function storyPlace(page: Page): Promise<StoryPlace> {
  const root = page.locator('[data-steps]').first();
  await root.waitFor();
  const [step, steps, animating] = await Promise.all([
    root.getAttribute('data-step'),
    root.getAttribute('data-steps'),
    root.getAttribute('data-animating'),
  ]);
  return { step: Number(step), steps: Number(steps), animating: animating === 'true' };
}

export async function waitForStop(page: Page, step: number, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const root = document.querySelector('[data-steps]');
      return (
        root?.getAttribute('data-step') === String(n) &&
        root.getAttribute('data-animating') === 'false'
      );
    },
    step,
    { timeout: timeoutMs },
  );
}

/** Presses → until the story rests at `target` (a press during a step completes it). */
export async function stepWithKeys(page: Page, target: number, key = 'ArrowRight'): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const place = await storyPlace(page);
    if (place.step === target && !place.animating) return;
    await page.keyboard.press(key);
  }
  throw new Error(`never reached step ${target}`);
}

export async function traceHash(page: Page): Promise<string> {
  return (await labState(page)).traceHash;
}
