/**
 * Keys are data, through a share link in Chromium (issue 7): a scenario whose requests send
 * set/get/incr/cas/del for every Object.prototype name opens from its link, plays to the end and
 * time travels (seek back to the middle and forward, step back and forward) with no error on the
 * page, the lab's state equal to what Node computes (same trace hash, same stores), and the
 * server details listing the `__proto__` and `constructor` rows. Before the core fix `get
 * constructor` put a function in the session table, so checkpoints (structuredClone) threw and
 * playback died; before the frame fix the `__proto__` row never showed.
 *
 * Internal errors (PanelBoundary, afterInternalError): on a page opened with `?testFaults`, a
 * fault injected into the recorder pauses the run on its last good frame with an alert, and a
 * panel that throws shows its message and a Retry button while the rest of the lab goes on.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it, inject } from 'vitest';
import { Simulation } from '../../src/core/index.ts';
import { encodeLink } from '../../src/scenarios/link.ts';
import { DEFAULT_SEED, DEFAULT_SERVERS } from '../../src/store/createLabStore.ts';
import { defaultSetup } from '../../src/store/slices/simulation.ts';
import {
  END_MS,
  expectedKv,
  prototypeKeyScenario,
  resultAt,
  rowsOf,
} from '../scenarios/prototypeKeys.ts';
import {
  labState,
  pageErrors,
  screenshot,
  serverBody,
  settle,
  waitForState,
  useBrowser,
} from './harness.ts';
import { goToTime, guardedLab, pwned } from './shareKit.ts';

const browser = useBrowser();

const scenario = prototypeKeyScenario();

/** The lab at exactly `ms` equals Node's run of the same scenario at `ms`. */
async function expectSameAsNode(page: Page, ms: number): Promise<void> {
  const s = await waitForState(page, (st) => st.time === ms && !st.playing, `time ${ms}`);
  const node = resultAt(scenario, ms);
  expect(s.traceHash, `trace hash at ${ms}`).toBe(node.traceHash);
  expect(
    s.servers.map((x) => rowsOf(x.kv)),
    `stores at ${ms}`,
  ).toEqual(node.servers.map((x) => rowsOf(x.kv)));
}

async function expectHealthy(page: Page): Promise<void> {
  expect(await page.getByTestId('run-error').count()).toBe(0);
  expect(await page.getByTestId('panel-fault').count()).toBe(0);
  expect(await page.getByTestId('open-error').count()).toBe(0);
  expect(pageErrors(page)).toEqual([]);
}

describe('a share link whose keys are Object.prototype names', () => {
  it('plays to the end and time travels, matching Node, with __proto__ in the KV table', async () => {
    const link = encodeLink(scenario, inject('labUrl'));
    const g = await guardedLab(browser, `?paused&speed=100${link.slice(link.indexOf('#'))}`);
    const { page } = g;
    await waitForState(page, (s) => s.servers.length === 3 && s.time === 0, 'the linked run');
    await settle(page);
    await page.keyboard.press(' ');
    await waitForState(page, (s) => s.time >= END_MS, `time ${END_MS}`, 60_000);
    await page.keyboard.press(' ');
    await waitForState(page, (s) => !s.playing, 'paused');
    await goToTime(page, END_MS);
    await expectSameAsNode(page, END_MS);
    const final = await labState(page);
    for (const s of final.servers) expect(rowsOf(s.kv)).toEqual(rowsOf(expectedKv()));

    const middle = Math.round(END_MS / 2);
    await goToTime(page, middle);
    await expectSameAsNode(page, middle);
    await goToTime(page, END_MS);
    await expectSameAsNode(page, END_MS);

    await settle(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const back = await labState(page);
    expect(back.time).toBeLessThanOrEqual(END_MS);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await goToTime(page, END_MS);
    await expectSameAsNode(page, END_MS);

    // The server details: a row per key, __proto__ and constructor with their own values.
    await serverBody(page, 1).click();
    const table = page.getByRole('region', { name: 'Server S1' }).locator('table.rl-kv');
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('th')?.textContent ?? '',
          tr.querySelector('td')?.textContent ?? '',
        ]),
      );
    expect(rows).toContainEqual(['__proto__', 'v-4']);
    expect(rows).toContainEqual(['constructor', 'v-5']);
    expect(rows).toContainEqual(['/registry/pods/default/web-1', 'node-2']);
    expect(rows).toHaveLength(13);
    await expectHealthy(page);
    expect(await pwned(page)).toEqual({ sentinel: undefined, injected: 0 });
    await table.scrollIntoViewIfNeeded();
    await settle(page);
    await screenshot(page, 'kv-prototype-keys-1366x768');
    await page.context().close();
  });
});

/** The default run (no link) at `ms`, as Node computes it. */
function defaultRunAt(ms: number): string {
  const sim = Simulation.create(defaultSetup(DEFAULT_SEED, DEFAULT_SERVERS));
  sim.runUntil(ms);
  return sim.traceHash;
}

describe('internal errors (?testFaults)', () => {
  it('a recorder fault pauses on the last good frame; the run goes on afterwards', async () => {
    const { page } = await guardedLab(browser, '?testFaults&speed=1');
    await waitForState(page, (s) => s.time >= 1_500, 'time 1500');
    await page.evaluate(() => window.raftLab?.faults?.recorder('injected recorder fault'));
    const alert = page.getByTestId('run-error');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /^The simulation hit an internal error: injected recorder fault\. Playback is paused at [\d.,]+ ?m?s; the run and its actions are kept\./,
    );
    const paused = await labState(page);
    expect(paused.playing).toBe(false);
    expect(paused.traceHash).toBe(defaultRunAt(paused.time));
    // The page is alive: playing on reaches the same run Node computes.
    await settle(page);
    await page.keyboard.press(' ');
    await waitForState(page, (s) => s.time >= paused.time + 1_000, 'playing on');
    await page.keyboard.press(' ');
    const after = await waitForState(page, (s) => !s.playing, 'paused again');
    expect(after.traceHash).toBe(defaultRunAt(after.time));
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'detached' });
    expect(pageErrors(page).every((e) => e.includes('injected recorder fault'))).toBe(true);
    await page.context().close();
  });

  it('a panel that throws shows its message and Retry; the rest of the lab goes on', async () => {
    const { page } = await guardedLab(browser, '?testFaults&speed=1');
    await waitForState(page, (s) => s.time >= 800, 'time 800');
    await page.evaluate(() => window.raftLab?.faults?.panel('logs', 'injected view fault'));
    const fault = page.locator('[data-testid="panel-fault"][data-panel="logs"]');
    await fault.waitFor();
    expect(await fault.locator('span').textContent()).toBe(
      'This panel hit an internal error: injected view fault. The run is kept.',
    );
    expect(await page.getByTestId('panel-fault').count()).toBe(1);
    expect(await page.locator('.rl-logs section.rl-log').count()).toBe(0);
    const before = await labState(page);
    const later = await waitForState(page, (s) => s.time >= before.time + 300, 'still playing');
    expect(later.playing).toBe(true);
    expect(await serverBody(page, 1).count()).toBe(1);
    await settle(page);
    await screenshot(page, 'panel-fault-1366x768');
    await page.evaluate(() => window.raftLab?.faults?.panel('logs', null));
    await fault.getByRole('button', { name: 'Retry' }).click();
    await fault.waitFor({ state: 'detached' });
    // The logs panel is back in its place.
    expect(await page.locator('.rl-logs section.rl-log').count()).toBe(1);
    await page.context().close();
  });

  it('has no fault hooks without ?testFaults', async () => {
    const { page } = await guardedLab(browser, '?paused');
    expect(await page.evaluate(() => window.raftLab?.faults === undefined)).toBe(true);
    await page.context().close();
  });
});
