/**
 * The first paint's words (issue 11): the English that only parts loaded after the first paint
 * show (each catalogue's *_LATER_EN, EN_LATER in src/i18n/messages.ts) comes in a chunk of its
 * own. Every word the lab draws without those parts must be in the first chunk, or a reader sees a
 * key ("st.tabLogs") until the later words arrive. So the later words are held back here while the
 * lab is used as a newcomer would, from its own code only: the cluster plays, a leader is elected,
 * a client request is sent, a server is selected (its inspector, a part loaded after the first
 * paint, says Loading until the later words come), its quick menu asked for, the legend and the
 * partition tool opened; at each step no text, title or label on the page may hold a message key.
 * Then the later words arrive and the parts that waited for them (the inspector, the quick menu,
 * the key help) are drawn and looked at too. A key moved to the later words by mistake fails here.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EN } from '../../src/i18n/messages.ts';
import { openHolding } from './holdChunks.ts';
import {
  labState,
  launch,
  leaderOf,
  screenshot,
  serverBody,
  settle,
  waitForState,
} from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const KEYS = Object.keys(EN);
const LOADING = { en: 'Loading…', es: 'Cargando…' } as const;

/** Every text node, title, label and placeholder on the page (SVG titles too). */
function pageStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      if (text) out.push(text);
    }
    for (const el of document.querySelectorAll('*')) {
      for (const name of ['title', 'aria-label', 'aria-description', 'placeholder', 'alt']) {
        const v = el.getAttribute(name);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** The message keys shown on the page, with the string each was found in. */
async function keysShown(page: Page): Promise<string[]> {
  const strings = await pageStrings(page);
  const found: string[] = [];
  for (const s of strings) {
    for (const key of KEYS) if (s.includes(key)) found.push(`${key} in "${s.slice(0, 80)}"`);
  }
  return found;
}

describe('the first paint without the later words', () => {
  for (const [lang, width, height] of [
    ['en', 1440, 900],
    ['es', 1024, 768],
  ] as const) {
    it(`shows every word it draws, never a key (${lang}, ${width}x${height})`, async () => {
      const held = await openHolding(
        browser,
        ['laterMessages'],
        { width, height },
        `?lang=${lang}`,
      );
      const { page } = held;
      const steps: [string, string[]][] = [];
      const look = async (step: string) => steps.push([step, await keysShown(page)]);
      await page.locator('section.rl-feed').waitFor();
      await look('first frame');
      // The page asked for the later words (after its first frame) and is still waiting for them.
      await expect
        .poll(() => held.scripts.some((name) => name.startsWith('laterMessages-')))
        .toBe(true);
      const s = await waitForState(page, (x) => leaderOf(x) !== null, 'a leader');
      await look('a leader elected');
      const leader = leaderOf(s) as number;
      await page.locator('.rl-command-form input').fill('set x 1');
      await page.locator('.rl-command-form button[type="submit"]').click();
      await waitForState(page, (x) => x.time > s.time + 300, 'the request on its way');
      await look('a client request');
      // A server selected: its inspector is a part of its own, which waits for the later words
      // (lazy.tsx) and says so meanwhile.
      await serverBody(page, leader).click();
      const inspector = page.locator('.rl-details .rl-loading');
      await inspector.waitFor();
      expect(await inspector.textContent()).toBe(LOADING[lang]);
      await look('a server selected');
      // Its quick menu likewise opens once its code and words are there: not yet.
      await serverBody(page, leader).click({ button: 'right' });
      await look('its quick menu asked for');
      expect(await page.getByRole('menu').count()).toBe(0);
      await page.keyboard.press('Escape');
      await page.locator('.rl-cluster-legend summary').click();
      await look('the cluster legend');
      await page.locator('.rl-cluster-legend summary').click();
      await page.keyboard.press('p');
      await look('a partition being drawn');
      await page.keyboard.press('Escape');
      await settle(page);
      await screenshot(page, `first-words-${lang}-${width}x${height}`);
      // Still held: all of the above was drawn from the first chunks' words alone.
      expect((await labState(page)).time).toBeGreaterThan(0);
      expect(held.scripts.filter((n) => n.startsWith('laterMessages-'))).toHaveLength(1);
      expect(held.errors).toEqual([]);
      // The later words arrive: the parts that waited for them draw, every word in place.
      held.release();
      await page.locator('.rl-details .rl-panel-title').first().waitFor();
      await look('the inspector, once the words are in');
      await serverBody(page, leader).click({ button: 'right' });
      await page.getByRole('menu').waitFor();
      await look('the quick menu, once the words are in');
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      await page.getByRole('dialog').waitFor();
      await look('the key help, once the words are in');
      for (const [step, keys] of steps) expect({ step, keys }).toEqual({ step, keys: [] });
      expect(held.errors).toEqual([]);
      await held.context.close();
    });
  }
});
