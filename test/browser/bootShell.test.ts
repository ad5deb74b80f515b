/**
 * The boot shell (index.html): while the scripts load and start, the page shows the lab's header
 * rather than nothing, and the lab replaces it on its first render. Issue 11 asked for a first
 * contentful paint no slower than RaftScope's; before the shell the first paint waited for the
 * whole first render of the lab (about 400 ms on loopback here, against RaftScope's 170–250).
 */
import { describe, expect, inject, it } from 'vitest';
import { LAB_DRAWN_MARK } from '../../src/services/marks.ts';
import { openLab, pageErrors, useBrowser } from './harness.ts';

const browser = useBrowser();

describe('the boot shell', () => {
  it('shows the header before any script runs', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    // No script at all: what the browser paints from index.html and the style sheet alone.
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(inject('labUrl'));
    await page.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint').length > 0,
    );
    const shell = await page.evaluate(() => {
      const title = document.querySelector('[data-boot-shell] h1');
      const box = title?.getBoundingClientRect();
      const header = document.querySelector('[data-boot-shell] .rl-header');
      return {
        title: title?.textContent,
        visible: box !== undefined && box.width > 0 && box.height > 0,
        // Styled by the lab's own sheet: the header's band has its panel colour and height.
        headerHeight: header?.getBoundingClientRect().height ?? 0,
        headerBackground: header === null ? '' : getComputedStyle(header).backgroundColor,
      };
    });
    await context.close();
    expect(shell.title).toBe('Raft Lab');
    expect(shell.visible).toBe(true);
    expect(shell.headerHeight).toBeGreaterThanOrEqual(40);
    expect(shell.headerBackground).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^transparent$/);
  });

  it('is replaced by the lab, which marks its first frame after the first contentful paint', async () => {
    const page = await openLab(browser, { viewport: { width: 1440, height: 900 } });
    await page.waitForFunction(
      (mark) => performance.getEntriesByName(mark).length > 0,
      LAB_DRAWN_MARK,
    );
    const seen = await page.evaluate((mark) => {
      return {
        shells: document.querySelectorAll('[data-boot-shell]').length,
        titles: document.querySelectorAll('h1').length,
        headers: document.querySelectorAll('.rl-header').length,
        cluster: document.querySelector('.rl-cluster-svg') !== null,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
        drawn: performance.getEntriesByName(mark)[0]?.startTime ?? -1,
      };
    }, LAB_DRAWN_MARK);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
    expect(seen).toMatchObject({ shells: 0, titles: 1, headers: 1, cluster: true });
    expect(seen.fcp).toBeGreaterThan(0);
    expect(seen.drawn).toBeGreaterThanOrEqual(seen.fcp);
  });

  it('leaves the embedded view without a header, even before its scripts run', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 500 } });
    const page = await context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${inject('labUrl')}?embed`);
    const before = await page.evaluate(() => document.getElementById('root')?.innerHTML);
    await page.unroute('**/*.js');
    await page.goto(`${inject('labUrl')}?embed&lang=es`);
    await page.waitForSelector('.rl-cluster-svg');
    const after = await page.evaluate(() => ({
      shells: document.querySelectorAll('[data-boot-shell]').length,
      headers: document.querySelectorAll('.rl-header').length,
    }));
    await context.close();
    expect(before).toBe('');
    expect(after).toEqual({ shells: 0, headers: 0 });
  });
});
