/**
 * Presenter mode in Chromium: the clicker keys (next, previous exactly, Home, End, B, F, ?), the
 * language switch, the story bar of the normal lab, the library menu, and embed mode. Positions
 * are checked against the stops that Node's compileStory computed for the same scenario.
 */
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/views/presenter/markup.ts';
import { captionIn } from '../../src/scenarios/steps.ts';
import { labState, screenshot, settle, useBrowser } from './harness.ts';
import {
  libraryStory,
  openAt,
  served,
  stepWithKeys,
  storyPlace,
  traceHash,
  waitForStop,
} from './presenterHarness.ts';

const browser = useBrowser();

const FIG8 = libraryStory('figure-8');
const hashAt = (step: number): string => FIG8.stops[step - 1]?.traceHash ?? '';

describe('presenter keys', () => {
  it('→ plays a step at a watchable speed and pauses exactly at its stop', async () => {
    const page = await openAt(browser, served('?present#lib=figure-8'));
    expect(await storyPlace(page)).toEqual({ step: 0, steps: FIG8.stops.length, animating: false });
    expect((await labState(page)).time).toBe(0);
    await page.keyboard.press('ArrowRight');
    const during = await storyPlace(page);
    expect(during).toMatchObject({ step: 1, animating: true });
    await waitForStop(page, 1);
    const s = await labState(page);
    expect(s.playing).toBe(false);
    expect(s.time).toBe(FIG8.stops[0]?.timeMs);
    expect(s.traceHash).toBe(hashAt(1));
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('G opens the Rules panel over the presentation, in its language, and leaves the story', async () => {
    const page = await openAt(browser, served('?present&lang=es#lib=figure-8'));
    await stepWithKeys(page, 1);
    const before = await labState(page);
    const panel = page.getByTestId('rules-panel');
    expect(await panel.count()).toBe(0);
    await page.keyboard.press('g');
    await panel.waitFor();
    expect(await panel.getByRole('heading').first().innerText()).toBe('Reglas');
    await screenshot(page, 'presenter-rules-es');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    // The panel only explains: the story is where it was, the run untouched.
    expect((await storyPlace(page)).step).toBe(1);
    expect((await labState(page)).traceHash).toBe(before.traceHash);
    // The presenter's key list names G.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog');
    await help.waitFor();
    expect(await help.innerText()).toContain('Abrir o cerrar el panel de reglas');
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('PageDown and Space go on; ← and PageUp rewind exactly to the previous stops', async () => {
    const page = await openAt(browser, served('?present#lib=figure-8'));
    const states = [await labState(page)];
    for (const [step, key] of [
      [1, 'PageDown'],
      [2, ' '],
      [3, 'ArrowRight'],
    ] as const) {
      await stepWithKeys(page, step, key);
      states.push(await labState(page));
      expect(states[step]?.traceHash).toBe(hashAt(step));
    }
    await page.keyboard.press('ArrowLeft');
    await waitForStop(page, 2);
    expect(await labState(page)).toEqual(states[2]);
    await page.keyboard.press('PageUp');
    await waitForStop(page, 1);
    expect(await labState(page)).toEqual(states[1]);
    // Previous while a step plays: back to where it started.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await waitForStop(page, 1);
    expect(await labState(page)).toEqual(states[1]);
    await page.keyboard.press('End');
    await waitForStop(page, FIG8.stops.length);
    expect(await traceHash(page)).toBe(hashAt(FIG8.stops.length));
    await page.keyboard.press('Home');
    await waitForStop(page, 0);
    expect(await labState(page)).toEqual(states[0]);
    await page.context().close();
  });

  it('B (or .) blanks the screen, F asks for full screen, ? lists the keys', async () => {
    const page = await openAt(browser, served('?present#lib=figure-8'));
    await page.keyboard.press('b');
    await expect.poll(() => page.locator('.rl-blank').isVisible()).toBe(true);
    await screenshot(page, 'presenter-blank');
    // Any presenter key brings the screen back and does nothing else.
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.rl-blank').count()).toBe(0);
    expect((await storyPlace(page)).step).toBe(0);
    await page.keyboard.press('.');
    expect(await page.locator('.rl-blank').count()).toBe(1);
    await page.keyboard.press('.');
    expect(await page.locator('.rl-blank').count()).toBe(0);

    await page.keyboard.press('f');
    expect(
      await page.evaluate(
        () => (window as never as { __fullscreenRequests: number }).__fullscreenRequests,
      ),
    ).toBe(1);

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const text = await dialog.innerText();
    for (const key of ['→', 'Space', 'PageDown', '←', 'PageUp', 'Home', 'End', 'B', 'F', '?']) {
      expect(text).toContain(key);
    }
    // While the help is open, → does nothing behind it; Escape closes it.
    await page.keyboard.press('ArrowRight');
    expect((await storyPlace(page)).step).toBe(0);
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  for (const [width, height] of [
    [1920, 1080],
    [1280, 720],
  ] as const) {
    it(`screenshot: presenter mode at ${width}×${height}`, async () => {
      const page = await openAt(browser, served('?present#lib=figure-8'), {
        viewport: { width, height },
      });
      await stepWithKeys(page, 8);
      await settle(page);
      // The caption is on screen, whole, and large enough to read from the back of a room.
      const caption = page.locator('.rl-show-caption');
      const box = await caption.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(height + 1);
      const fontPx = await caption.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontPx / height).toBeGreaterThan(0.04);
      expect(await caption.innerText()).toBe(
        plainText(captionIn(FIG8.stops[7]?.caption ?? '', 'en')),
      );
      await screenshot(page, `presenter-${width}x${height}`);
      await page.context().close();
    });
  }
});

describe('language', () => {
  it('lang= picks the caption language; the switch changes it and keeps it in the URL', async () => {
    const page = await openAt(browser, served('?present&lang=es#lib=figure-8'));
    await stepWithKeys(page, 1);
    const caption = page.locator('.rl-show-caption');
    const stop = FIG8.stops[0]?.caption ?? '';
    expect(await caption.innerText()).toBe(plainText(captionIn(stop, 'es')));
    expect(await page.locator('.rl-show-count').innerText()).toBe(`Paso 1 de ${FIG8.stops.length}`);
    await page.getByRole('button', { name: 'PT', exact: true }).click();
    expect(await caption.innerText()).toBe(plainText(captionIn(stop, 'pt')));
    expect(new URL(page.url()).searchParams.get('lang')).toBe('pt');
    expect(await page.locator('html').getAttribute('lang')).toBe('pt');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    expect(await caption.innerText()).toBe(plainText(captionIn(stop, 'en')));
    await page.context().close();
  });
});

describe('normal lab', () => {
  it('the library menu opens a story with its short link; the lab keys keep their meaning', async () => {
    const page = await openAt(browser, served('?paused'), {
      viewport: { width: 1366, height: 768 },
    });
    await page.locator('.rl-library-menu > summary').click();
    await page.locator('.rl-library-item[href="#lib=normal-election"]').click();
    // The story opens first (its code may still be loading), then the address follows.
    await page.locator('.rl-story').waitFor();
    await expect.poll(() => new URL(page.url()).hash).toBe('#lib=normal-election');
    expect(await storyPlace(page)).toMatchObject({ step: 0, animating: false });
    // → is still "next event" here, not "next step".
    const before = await labState(page);
    await page.keyboard.press('ArrowRight');
    expect(await labState(page)).not.toEqual(before);
    expect((await storyPlace(page)).step).toBe(0);
    // PageDown steps the story (from its start, exactly).
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await waitForStop(page, 1);
    expect(await traceHash(page)).toBe(libraryStory('normal-election').stops[0]?.traceHash);
    await settle(page);
    await screenshot(page, 'story-bar-1366x768');
    await page.context().close();
  });

  it('an unknown library id leaves the run alone and says so', async () => {
    const page = await openAt(browser, served('?paused#lib=no-such-story'), {
      viewport: { width: 1366, height: 768 },
    });
    await expect
      .poll(() => page.locator('.rl-banner-notice').innerText())
      .toContain('no-such-story');
    expect(await page.locator('.rl-story').count()).toBe(0);
    await page.context().close();
  });
});

describe('embed mode', () => {
  it('shows the cluster and the caption only; a click or a clicker key plays the next step', async () => {
    const page = await openAt(browser, served('?embed#lib=normal-election'), {
      viewport: { width: 960, height: 540 },
    });
    for (const chrome of [
      '.rl-header',
      '.rl-timeline-area',
      '.rl-logs',
      '.rl-side',
      '.rl-show-bar',
    ]) {
      expect(await page.locator(chrome).count(), chrome).toBe(0);
    }
    // A click on a server is "next" too: it selects nothing in embed mode.
    await page.locator('g[data-server="1"] .rl-server-body').click();
    await waitForStop(page, 1);
    expect(await page.locator('.rl-selection-halo').count()).toBe(0);
    const story = libraryStory('normal-election');
    expect(await traceHash(page)).toBe(story.stops[0]?.traceHash);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    await waitForStop(page, 2);
    // Sized to its frame: nothing scrolls, the caption sits inside.
    const size = await page.evaluate(() => ({
      w: document.documentElement.scrollWidth,
      h: document.documentElement.scrollHeight,
    }));
    expect(size).toEqual({ w: 960, h: 540 });
    await settle(page);
    await screenshot(page, 'embed-960x540');
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});
