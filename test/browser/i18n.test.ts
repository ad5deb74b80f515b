/**
 * The lab in Spanish and Portuguese (and English for reference): a violation banner told from
 * its parts in the page's language, a coded store notice, the Share dialog and the playback
 * tooltips all come from the catalogues; no English sentence is left on the page. Screenshots at
 * 1440x900 (en), 1024x768 (es, pt) and 390x844 (es, a phone).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator, type Language } from '../../src/i18n/index.ts';
import { violationDetail } from '../../src/views/violationText.ts';
import { launch, openLab, pageErrors, screenshot, settle, waitForState } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** English sentences that were hard-coded in the views before they went through the catalogues. */
const OLD_ENGLISH = [
  'Share this run',
  'Copy link',
  'Full screen QR',
  'Download .json',
  'No server is crashed',
  'changed its vote in term',
  'Whoever opens the link',
];

const CASES: readonly [Language, number, number][] = [
  ['en', 1440, 900],
  ['es', 1024, 768],
  ['pt', 1024, 768],
  ['es', 390, 844],
];

describe('the lab in each language', () => {
  for (const [lang, width, height] of CASES) {
    it(`${lang} at ${width}x${height}: violation, notice, Share dialog and tooltips`, async () => {
      const t = translator(lang);
      const page = await openLab(
        browser,
        { viewport: { width, height } },
        `?lang=${lang}&speed=1&seed=1&bugs=BUG-VOTERESET`,
      );
      const st = await waitForState(
        page,
        (s) => s.violations.length > 0 && !s.playing,
        'a violation that pauses',
      );
      const v = st.violations[0];
      expect(v?.invariant).toBe('INV-X7');
      const detail = violationDetail(
        { invariant: 'INV-X7', servers: v?.servers ?? [], indexes: [] },
        t,
      );
      const banner = page.getByTestId('violation');
      await expect.poll(() => banner.textContent()).toContain(detail);
      if (lang !== 'en') expect(await banner.textContent()).not.toContain(v?.message ?? '');
      await settle(page);
      await screenshot(page, `i18n-violation-${lang}-${width}x${height}`);

      // A shortcut with nothing to do: the store says which, the page says it in words.
      await page.keyboard.press('b');
      await expect
        .poll(() => page.getByTestId('notice').textContent())
        .toContain(t('notice.noneCrashed'));

      // Playback tooltips.
      const play = page.locator('.rl-play');
      expect(await play.getAttribute('title')).toBe(t('tip.play'));

      // The Share dialog.
      await page.getByRole('button', { name: t('share.button'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: t('share.dialogTitle') });
      await dialog.waitFor();
      for (const label of ['share.copy', 'share.qrFull', 'share.download'] as const) {
        await dialog.getByRole('button', { name: t(label) }).waitFor();
      }
      expect(await dialog.getByTestId('share-url').getAttribute('aria-label')).toBe(
        t('share.linkLabel'),
      );
      await settle(page);
      await screenshot(page, `i18n-share-${lang}-${width}x${height}`);

      if (lang !== 'en') {
        const text = await page.locator('body').innerText();
        for (const english of OLD_ENGLISH) expect(text, english).not.toContain(english);
      }
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }
});
