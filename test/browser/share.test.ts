/**
 * Share links and scenario files in Chromium (the design "Scenarios and links"): a link made from
 * the UI reopens the same frame in a fresh page (same time, same trace hash, and the hash Node
 * computes from src/core); files round-trip; hostile links and files are refused with a message,
 * leave the run as it was and run no script.
 */
import { readFile } from 'node:fs/promises';
import decodeQR from 'qr/decode.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/core/index.ts';
import { decodeLink } from '../../src/scenarios/link.ts';
import { parseScenarioText, toRunSetup } from '../../src/scenarios/schema.ts';
import { replayTo } from '../services/replay.ts';
import { labState, launch, pageErrors, screenshot, settle, waitForState } from './harness.ts';
import {
  goToTime,
  guardedLab,
  hostileTextScenario,
  openShare,
  pwned,
  qrPixels,
  shareUrl,
  suffixOf,
} from './shareKit.ts';
import { english } from '../scenarios/english.ts';

let browser: Browser;
/** A link made from the UI of a run with interventions, and what its sender saw. */
let made: { url: string; time: number; traceHash: string };

beforeAll(async () => {
  browser = await launch();
  made = await makeSharedRun();
});
afterAll(async () => {
  await browser?.close();
});

/** Interventions at several times (keys C, R, T), paused in the past, one event step further. */
async function makeSharedRun(): Promise<{ url: string; time: number; traceHash: string }> {
  const { page, foreign } = await guardedLab(browser, '?speed=1');
  for (const [at, key] of [
    [600, 'c'],
    [1200, 'c'],
    [1900, 'r'],
    [2600, 't'],
    [3300, 'c'],
  ] as const) {
    await waitForState(page, (s) => s.time >= at, `time ${at}`);
    await page.keyboard.press(key);
  }
  await waitForState(page, (s) => s.time >= 4500, 'time 4500');
  await page.keyboard.press(' ');
  await goToTime(page, 2750);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const sender = await labState(page);
  await openShare(page);
  const url = await shareUrl(page);
  expect(url.startsWith(`${new URL(page.url()).origin}/#s=v1.`)).toBe(true);
  expect(await page.getByTestId('share-length').textContent()).toBe(
    `${url.length.toLocaleString('en-US')} characters`,
  );
  expect(foreign).toEqual([]);
  await page.context().close();
  return { url, time: sender.time, traceHash: sender.traceHash };
}

describe('a share link from the UI', () => {
  it('opens the same frame in a fresh page, equal to what Node computes', async () => {
    const { page, foreign } = await guardedLab(browser, suffixOf(made.url));
    const s = await waitForState(page, (st) => st.traceHash === made.traceHash, 'the shared frame');
    expect(s.time).toBe(made.time);
    expect(s.playing).toBe(false);
    const decoded = decodeLink(made.url);
    if (!decoded.ok) throw new Error(english(decoded));
    expect(decoded.view?.timeMs).toBe(made.time);
    expect(decoded.scenario.actions.length).toBeGreaterThanOrEqual(5);
    expect(replayTo(decoded.scenario, decoded.view).traceHash).toBe(made.traceHash);
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toMatch(/^Opened “Raft Lab run: seed 20140520, 5 servers”, paused at /);
    expect(foreign).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('opens when pasted into an open lab (hashchange)', async () => {
    const { page } = await guardedLab(browser, '?paused');
    await page.evaluate(
      (hash) => (window.location.hash = hash),
      made.url.slice(made.url.indexOf('#')),
    );
    const s = await waitForState(page, (st) => st.traceHash === made.traceHash, 'the shared frame');
    expect(s.time).toBe(made.time);
    await page.context().close();
  });

  it('copies through the clipboard, or selects the link when copying is blocked', async () => {
    const { page } = await guardedLab(browser, suffixOf(made.url));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openShare(page);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect
      .poll(() => page.getByTestId('copy-status').textContent())
      .toBe('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(made.url);
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error('blocked'));
    });
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect
      .poll(() => page.getByTestId('copy-status').textContent())
      .toMatch(/blocked copying/);
    const selected = await page.evaluate(() => {
      const el = document.activeElement as HTMLTextAreaElement;
      return el.value.slice(el.selectionStart, el.selectionEnd);
    });
    expect(selected).toBe(made.url);
    await page.context().close();
  });
});

describe('the QR code', () => {
  it('is an SVG of modules that decodes back to the link, with a full-screen view', async () => {
    const { page } = await guardedLab(browser, suffixOf(made.url));
    const dialog = await openShare(page);
    const svg = dialog.getByRole('img', { name: 'QR code of the share link' });
    expect(Number(await svg.getAttribute('data-modules'))).toBeGreaterThanOrEqual(21);
    expect((await svg.locator('path').getAttribute('d'))?.length).toBeGreaterThan(100);
    expect(decodeQR(await qrPixels(page, '.rl-qr-code'))).toBe(made.url);
    await settle(page);
    await screenshot(page, 'share-dialog-1366x768');
    await dialog.getByRole('button', { name: 'Full screen QR' }).click();
    const full = page.getByTestId('qr-full');
    const box = await full.getByRole('img').boundingBox();
    expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThan(0.85 * 768 - 80);
    expect(decodeQR(await qrPixels(page, '.rl-qr-full-code'))).toBe(made.url);
    await screenshot(page, 'share-qr-full-1366x768');
    await page.keyboard.press('Escape');
    await full.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('says plainly when the link is too long for a QR code', async () => {
    const actions = Array.from({ length: 900 }, (_, i) => ({
      at: 100 + i * 37,
      do: 'request',
      command: `set k${(i * 7919) % 10_007} v${(i * 104_729) % 99_991}`,
    }));
    const text = JSON.stringify({ version: 1, title: 'Long', seed: 3, config: {}, actions });
    const { page } = await guardedLab(browser, '?paused');
    const dialog = await openShare(page);
    await page.getByTestId('open-file').setInputFiles({
      name: 'long.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await dialog.waitFor({ state: 'detached' });
    await openShare(page);
    await expect
      .poll(() => page.getByTestId('qr-too-long').textContent())
      .toMatch(
        /^This link is too long for a QR code \([\d,]+ characters; a QR code holds at most 2,953\)\. Copy the link instead/,
      );
    expect(await page.locator('.rl-qr-code').count()).toBe(0);
    expect((await shareUrl(page)).length).toBeGreaterThan(2953);
    await page.context().close();
  });
});

describe('scenario files', () => {
  it('export then import gives the same run', async () => {
    const { page } = await guardedLab(browser, suffixOf(made.url));
    await openShare(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download .json' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('raft-lab-run-seed-20140520-5-servers.json');
    const text = await readFile((await download.path()) ?? '', 'utf8');
    const parsed = parseScenarioText(text);
    if (!parsed.ok) throw new Error(english(parsed));
    const decoded = decodeLink(made.url);
    expect(decoded.ok && decoded.scenario).toEqual(parsed.scenario);
    await page.context().close();

    const fresh = await guardedLab(browser, '?speed=1');
    await openShare(fresh.page);
    await fresh.page
      .getByTestId('open-file')
      .setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const start = await waitForState(
      fresh.page,
      (s) => s.time === 0 && !s.playing,
      'the imported run',
    );
    expect(start.traceHash).toBe(runScenario(toRunSetup(parsed.scenario), 0).result.traceHash);
    await fresh.page.keyboard.press(' ');
    await waitForState(fresh.page, (s) => s.time >= 3000, 'time 3000');
    await fresh.page.keyboard.press(' ');
    const played = await labState(fresh.page);
    expect(played.traceHash).toBe(
      runScenario(toRunSetup(parsed.scenario), played.time).result.traceHash,
    );
    await fresh.page.context().close();
  });

  it('opens a file dropped on the page, with an overlay while dragging', async () => {
    const { page } = await guardedLab(browser, '?paused');
    const text = JSON.stringify(hostileTextScenario());
    await page.evaluate((json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
      window.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    }, text);
    await page.getByTestId('drop-overlay').waitFor();
    await screenshot(page, 'share-drop-overlay-1366x768');
    await page.evaluate((json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    }, text);
    await page.getByTestId('drop-overlay').waitFor({ state: 'detached' });
    // A scenario with steps opens as a story: its title shows in the story bar, as text.
    await expect
      .poll(() => page.locator('body').innerText())
      .toContain('<script>window.__pwned = "script"</script><img src=x');
    expect((await labState(page)).servers).toHaveLength(3);
    expect(await pwned(page)).toEqual({ sentinel: undefined, injected: 0 });
    await page.context().close();
  });
});
