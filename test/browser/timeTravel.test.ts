/**
 * Time travel that never loses work silently (issue 10), driven from the UI: acting while rewound
 * says what it replaced and Undo brings it back exactly (same trace hash); a time typed past the
 * recorded end runs forward to it; in presenter mode a lab key marks the story as changed, with a
 * way back to the story's own run at the same step.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  labState,
  leaderOf,
  openLab,
  pageErrors,
  screenshot,
  settle,
  waitForState,
  useBrowser,
} from './harness.ts';
import { libraryStory, openAt, served, traceHash, waitForStop } from './presenterHarness.ts';

const browser = useBrowser();

/** Types `ms` into the exact-time field of the playback bar. */
async function goTo(page: Page, ms: number): Promise<void> {
  await page.locator('.rl-time-readout').click();
  await page.locator('.rl-time-form input').fill(String(ms));
  await page.keyboard.press('Enter');
}

describe('acting in the past', () => {
  it('says what it replaced, Undo restores that future exactly, Redo swaps back', async () => {
    const page = await openLab(browser, { viewport: { width: 1440, height: 900 } }, '?speed=1');
    await waitForState(page, (st) => leaderOf(st) !== null, 'a leader');
    await page.keyboard.press('c');
    await waitForState(page, (st) => st.time > 1500, 'time after the first request');
    await page.keyboard.press('c');
    await waitForState(page, (st) => st.time > 2500, 'some history');
    await page.keyboard.press(' ');
    await waitForState(page, (st) => !st.playing, 'paused');
    const head = await labState(page);

    // Rewind to 1 s, before both requests, and send one there.
    await goTo(page, 1000);
    expect((await labState(page)).time).toBe(1000);
    await expect.poll(() => page.locator('[data-testid=replaced]').count()).toBe(0);
    await page.keyboard.press('c');
    const banner = page.locator('[data-testid=replaced]');
    await banner.waitFor();
    const text = await banner.innerText();
    expect(text).toContain('1.000 s');
    expect(text).toContain(`${(head.time / 1000).toFixed(3)} s`);
    expect(text).toMatch(/with its (1 action|\d+ actions)/);
    const forked = await labState(page);
    expect(forked.traceHash).not.toBe(head.traceHash);
    await settle(page);
    await screenshot(page, 'replaced-1440x900');

    // Undo: back at the fork in the old timeline; its end replays to the same hash.
    await page.locator('[data-testid=replaced-undo]').click();
    await expect.poll(async () => (await labState(page)).time).toBe(1000);
    expect(await page.locator('[data-testid=replaced-undo]').innerText()).toBe('Redo');
    await page.keyboard.press('End');
    const restored = await labState(page);
    expect(restored.time).toBe(head.time);
    expect(restored.traceHash).toBe(head.traceHash);
    expect(restored.servers).toEqual(head.servers);

    // Redo: the timeline made at 1.000 s is back, exactly.
    await page.locator('[data-testid=replaced-undo]').click();
    await expect.poll(async () => (await labState(page)).time).toBe(1000);
    await page.keyboard.press('End');
    expect((await labState(page)).traceHash).toBe(forked.traceHash);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('a time typed past the recorded end runs forward to it and pauses there', async () => {
    const page = await openLab(
      browser,
      { viewport: { width: 1024, height: 768 } },
      '?lang=es&paused',
    );
    expect((await labState(page)).time).toBe(0);
    await goTo(page, 4321);
    const s = await waitForState(
      page,
      (st) => !st.playing && st.time === 4321,
      'paused at 4.321 s',
    );
    expect(leaderOf(s)).not.toBeNull();
    // Nothing was replaced: there was no future to replace.
    expect(await page.locator('[data-testid=replaced]').count()).toBe(0);
    // The same run as going there step by step from a fresh page.
    const again = await openLab(
      browser,
      { viewport: { width: 1024, height: 768 } },
      '?lang=es&paused',
    );
    await goTo(again, 2000);
    await waitForState(again, (st) => !st.playing && st.time === 2000, 'paused at 2 s');
    await goTo(again, 4321);
    const t = await waitForState(
      again,
      (st) => !st.playing && st.time === 4321,
      'paused at 4.321 s',
    );
    expect(t.traceHash).toBe(s.traceHash);
    expect(pageErrors(page)).toEqual([]);
    await again.context().close();
    await page.context().close();
  });
});

describe('presenter mode', () => {
  it('a lab key marks the story as changed; Back to the story returns to the same step', async () => {
    const story = libraryStory('normal-election');
    const page = await openAt(browser, served('?present#lib=normal-election'), {
      viewport: { width: 1024, height: 768 },
    });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await waitForStop(page, 1);
    expect(await traceHash(page)).toBe(story.stops[0]?.traceHash);
    const changed = page.locator('[data-testid=story-changed]');
    expect(await changed.count()).toBe(0);
    // C sends a client request: the run is no longer the story's.
    await page.keyboard.press('c');
    await changed.waitFor();
    expect(await traceHash(page)).not.toBe(story.stops[0]?.traceHash);
    await settle(page);
    await screenshot(page, 'story-changed-1024x768');
    await changed.getByRole('button').click();
    await expect.poll(() => changed.count()).toBe(0);
    await waitForStop(page, 1);
    expect(await traceHash(page)).toBe(story.stops[0]?.traceHash);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});
