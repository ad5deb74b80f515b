/**
 * Accessibility: axe-core over every view of the lab (issue 10). Each state must have no
 * violation of serious or critical impact; the lesser ones are printed, for the record.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, checkA11y, formatViolations, summarizeViolations } from './a11y.ts';
import { labState, launch, leaderOf, openLab, screenshot, waitForState } from './harness.ts';
import { openAt, served, waitForStop } from './presenterHarness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };
const SOFT = process.env['A11Y_SOFT'] === '1';

async function check(page: Page, where: string, shot: string): Promise<void> {
  await screenshot(page, `a11y-${shot}`);
  if (SOFT) {
    const all = await axeViolations(page);
    console.log(`=== ${where}\n${formatViolations(all, 3)}`);
    return;
  }
  const found = await checkA11y(page, where);
  console.log(`${where}: ${summarizeViolations(found).join(', ') || 'no violations'}`);
}

async function pause(page: Page): Promise<void> {
  if ((await labState(page)).playing) await page.keyboard.press(' ');
  await waitForState(page, (s) => !s.playing, 'paused');
}

describe('axe over the lab', () => {
  it('the lab at 1440x900, running and paused', async () => {
    const page = await openLab(browser, DESKTOP, '?speed=1');
    await waitForState(page, (s) => leaderOf(s) !== null && s.time > 1000, 'a leader');
    await check(page, 'the lab running', 'running');
    await pause(page);
    const s = await labState(page);
    await page.locator(`g[data-server="${leaderOf(s) ?? 1}"] .rl-server-body`).click();
    await page.locator('.rl-server-details').waitFor();
    await check(page, 'the lab paused, the leader in the inspector', 'paused');
    // Rewound: the feed shows events still to come (they must stay readable).
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.locator('.rl-feed-line.is-future').first().waitFor();
    await check(page, 'the lab rewound', 'rewound');
    await page.context().close();
  });

  it('a story from the Library menu, stepped', async () => {
    const page = await openLab(browser, DESKTOP);
    await page.getByText('Library', { exact: false }).first().click();
    await check(page, 'the Library menu open', 'library-menu');
    await page.locator('a.rl-library-item[href="#lib=figure-8"]').click();
    await waitForStop(page, 0);
    await page.keyboard.press('PageDown');
    await waitForStop(page, 1);
    await check(page, 'a story at its first stop', 'story');
    await page.context().close();
  });

  it('the share dialog, the help and the new-run form', async () => {
    const page = await openLab(browser, DESKTOP);
    await waitForState(page, (s) => leaderOf(s) !== null, 'a leader');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('dialog').waitFor();
    await check(page, 'the share dialog', 'share');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Help/ }).click();
    await page.getByRole('dialog').waitFor();
    await check(page, 'the help overlay', 'help');
    await page.keyboard.press('Escape');
    await page.locator('.rl-run-menu > summary').click();
    await page.getByRole('form', { name: 'New run' }).waitFor();
    await check(page, 'the new-run form', 'new-run');
    await page.context().close();
  });

  it('presenter mode and embed mode', async () => {
    const page = await openAt(browser, served('?present#lib=figure-8'));
    await page.keyboard.press('ArrowRight');
    await waitForStop(page, 1);
    await check(page, 'presenter mode', 'presenter');
    await page.context().close();
    const embed = await openAt(browser, served('?embed#lib=normal-election'), {
      viewport: { width: 960, height: 540 },
    });
    await check(embed, 'embed mode', 'embed');
    await embed.context().close();
  });

  it('the phone layout (390x844) and 1024x768 in Spanish', async () => {
    const phone = await openLab(
      browser,
      {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      },
      '?speed=1',
    );
    await waitForState(phone, (s) => leaderOf(s) !== null, 'a leader');
    await check(phone, 'the phone layout', 'phone');
    await phone.context().close();
    const es = await openLab(browser, { viewport: { width: 1024, height: 768 } }, '?lang=es');
    await waitForState(es, (s) => leaderOf(s) !== null, 'a leader');
    await check(es, 'the lab at 1024x768 in Spanish', 'es-1024');
    expect(await es.locator('html').getAttribute('lang')).toBe('es');
    await es.context().close();
  });
});
