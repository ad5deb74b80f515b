/**
 * The Rules panel in Chromium: a rule chip in the event feed opens the panel at that rule,
 * highlighted and in view; the panel speaks the page's language; Escape and a click outside close
 * it; `?rule=` opens it at a rule and a hostile value only opens it; the trace hash says what it
 * is. Screenshots at 1440x900 (en), 1024x768 (es, pt) and 390x844 (phone).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { labState, openLab, pageErrors, screenshot, waitForState, useBrowser } from './harness.ts';

const browser = useBrowser();

/** Waits for a leader and a few feed lines, then pauses with Space so the feed holds still. */
async function pausedWithFeed(page: Page): Promise<void> {
  await waitForState(page, (s) => s.servers.some((x) => x.role === 'leader'), 'a leader');
  await page.locator('.rl-feed .rl-rule-chip').first().waitFor();
  await page.locator('body').press(' ');
  await waitForState(page, (s) => !s.playing, 'the run paused');
}

/** Is the element fully inside the visible part of the panel's scrolling body? */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const item = document.querySelector(sel);
    const body = document.querySelector('.rl-rules-body');
    if (item === null || body === null) return false;
    const a = item.getBoundingClientRect();
    const b = body.getBoundingClientRect();
    return a.height > 0 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
  }, selector);
}

const panel = (page: Page) => page.getByTestId('rules-panel');

describe('the Rules panel', () => {
  it('opens at the rule of a feed chip, highlighted and in view; Escape closes it', async () => {
    const page = await openLab(browser, { viewport: { width: 1440, height: 900 } });
    await pausedWithFeed(page);
    // The last chip in the feed: most often a rule far down the panel, so scrolling matters.
    const chip = page.locator('.rl-feed .rl-rule-chip').last();
    const id = await chip.getAttribute('data-rule');
    expect(id).toMatch(/^[A-Z0-9-]+$/);
    await expect(chip.getAttribute('aria-label')).resolves.toContain('Opens the Rules panel');
    // The rules' words come after the first paint, unasked: the chip then names its rule's title.
    await page.waitForFunction(
      (sel) =>
        /^[A-Z0-9-]+: \S/.test(document.querySelector(sel)?.getAttribute('aria-label') ?? ''),
      '.rl-feed .rl-rule-chip',
    );
    await chip.click();
    await panel(page).waitFor();
    const entry = `[data-rule-entry="${id}"]`;
    await expect(page.locator(entry).getAttribute('class')).resolves.toContain('is-focused');
    await page.waitForFunction((sel) => document.activeElement?.matches(sel) === true, entry);
    expect(await inView(page, entry)).toBe(true);
    await expect(panel(page).locator('h2').textContent()).resolves.toBe('Rules');
    await screenshot(page, `rules-chip-${id}-1440x900`);

    // Another chip (the first line in view): the panel moves to that rule.
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'detached' });
    const other = page.locator('.rl-feed .rl-rule-chip').first();
    const otherId = await other.getAttribute('data-rule');
    await other.click();
    const otherEntry = `[data-rule-entry="${otherId}"]`;
    await expect(page.locator(otherEntry).getAttribute('class')).resolves.toContain('is-focused');
    expect(await inView(page, otherEntry)).toBe(true);

    // A click outside the dialog closes it too; the run was not touched.
    const before = (await labState(page)).traceHash;
    await page.mouse.click(5, 890);
    await panel(page).waitFor({ state: 'detached' });
    expect((await labState(page)).traceHash).toBe(before);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('searches, opens from the header and the G key, and speaks Spanish and Portuguese', async () => {
    const es = await openLab(browser, { viewport: { width: 1024, height: 768 } }, '?lang=es');
    await es.getByTestId('rules-button').click();
    await panel(es).waitFor();
    await expect(panel(es).locator('h2').textContent()).resolves.toBe('Reglas');
    await expect(panel(es).textContent()).resolves.toContain('Borrar solo si hay conflicto');
    await panel(es).getByRole('searchbox').fill('conflicto');
    await expect(panel(es).locator('[data-rule-entry="F2-AE4"]').count()).resolves.toBe(1);
    await expect(panel(es).locator('[data-rule-entry="INV-ES"]').count()).resolves.toBe(0);
    await screenshot(es, 'rules-search-es-1024x768');
    await es.keyboard.press('Escape');
    await panel(es).waitFor({ state: 'detached' });
    await es.locator('body').press('g');
    await panel(es).waitFor();
    await es.locator('body').press('Escape');
    await panel(es).waitFor({ state: 'detached' });
    expect(pageErrors(es)).toEqual([]);
    await es.context().close();

    const pt = await openLab(
      browser,
      { viewport: { width: 1024, height: 768 } },
      '?lang=pt&rule=INV-LC',
    );
    await panel(pt).waitFor();
    await expect(panel(pt).locator('h2').textContent()).resolves.toBe('Regras');
    const entry = '[data-rule-entry="INV-LC"]';
    await expect(pt.locator(entry).textContent()).resolves.toContain('Completude do líder');
    await expect(pt.locator(entry).getAttribute('class')).resolves.toContain('is-focused');
    expect(await inView(pt, entry)).toBe(true);
    await screenshot(pt, 'rules-deeplink-pt-1024x768');
    expect(pageErrors(pt)).toEqual([]);
    await pt.context().close();
  });

  it('the trace hash says what it is and opens its entry', async () => {
    const page = await openLab(browser, { viewport: { width: 1440, height: 900 } });
    const hash = page.getByTestId('trace-hash');
    await expect(hash.getAttribute('aria-label')).resolves.toMatch(
      /^Trace hash [0-9a-f]+\. Trace hash: a digest of every event so far/,
    );
    await expect(hash.getAttribute('title')).resolves.toContain('share link replays');
    await hash.click();
    await expect(
      page.locator('[data-rule-entry="TRACE-HASH"]').getAttribute('class'),
    ).resolves.toContain('is-focused');
    expect(await inView(page, '[data-rule-entry="TRACE-HASH"]')).toBe(true);
    await page.context().close();
  });

  it('a hostile ?rule= only opens the panel; on a phone it fills the screen', async () => {
    for (const bad of ['__proto__', 'constructor', 'A'.repeat(10_000), '%E0%A4%A']) {
      const page = await openLab(
        browser,
        { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
        `?rule=${bad}`,
      );
      await panel(page).waitFor();
      await expect(page.locator('.rl-rule.is-focused').count()).resolves.toBe(0);
      const box = await panel(page).boundingBox();
      expect(box?.width).toBeGreaterThan(370);
      expect(box?.height).toBeGreaterThan(800);
      // Nothing sticks out sideways on a phone.
      const overflow = await page.evaluate(() => {
        const body = document.querySelector('.rl-rules-body');
        return body === null ? -1 : body.scrollWidth - body.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
      if (bad === '__proto__') await screenshot(page, 'rules-phone-390x844');
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    }
  });
  it('a rule cited in a story caption is a chip, in presenter mode at 1024x768 (es), that opens it', async () => {
    const page = await openLab(
      browser,
      { viewport: { width: 1024, height: 768 } },
      '?present&lang=es#lib=figure-7',
    );
    await page.locator('.rl-show-caption').waitFor();
    await page.keyboard.press('End');
    const chip = page.locator('.rl-show-caption .rl-rule-chip').first();
    await chip.waitFor();
    const id = await chip.getAttribute('data-rule');
    expect(id).toMatch(/^[A-Z0-9-]+$/);
    // Readable from the back of the room, and the caption still reads as a sentence around it.
    const px = await chip.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(px).toBeGreaterThanOrEqual(16);
    await expect(page.locator('.rl-show-caption').textContent()).resolves.toContain(`${id}`);
    await screenshot(page, 'rules-caption-chip-1024x768-es');
    const before = (await labState(page)).traceHash;
    await chip.click();
    await panel(page).waitFor();
    const entry = `[data-rule-entry="${id}"]`;
    await expect(page.locator(entry).getAttribute('class')).resolves.toContain('is-focused');
    await expect(panel(page).locator('h2').textContent()).resolves.toBe('Reglas');
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'detached' });
    // The story did not move: the click opened the rule, nothing else.
    expect((await labState(page)).traceHash).toBe(before);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
