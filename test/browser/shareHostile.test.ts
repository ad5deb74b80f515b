/**
 * Untrusted input in Chromium (the design: validated, bounded, never rendered as HTML): every
 * hostile link and file is refused with an alert naming the problem, the run on screen keeps its
 * time and trace hash, and nothing the input carried runs (no sentinel, no dialog, no element).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { withDefaults } from '../../src/core/index.ts';
import { encodeLink } from '../../src/scenarios/link.ts';
import { labState, launch, screenshot, settle, waitForState } from './harness.ts';
import { englishIn } from '../i18n/englishWords.ts';
import type { LabAutomationState } from '../../src/services/automation.ts';
import {
  guardedLab,
  hostileJson,
  hostileLinks,
  hostileTextScenario,
  linkOfText,
  openShare,
  pwned,
  type Guarded,
} from './shareKit.ts';

let browser: Browser;
let links: [string, string, RegExp][];
beforeAll(async () => {
  browser = await launch();
  const good = encodeLink(
    {
      version: 1,
      title: 'Good',
      seed: 8,
      config: withDefaults({ servers: 5 }),
      actions: [{ at: 900, do: 'crash', server: 2 }],
    },
    inject('labUrl'),
    { timeMs: 1500, steps: 300 },
  );
  links = hostileLinks(good);
});
afterAll(async () => {
  await browser?.close();
});

const alertOf = (page: Page) => page.getByRole('alert').filter({ hasText: 'could not be opened' });

/** A lab with a run of its own (a crash, a request), paused at 2.5 s. */
async function labWithRun(viewport = { width: 1366, height: 768 }): Promise<Guarded> {
  const guarded = await guardedLab(browser, '?speed=1', viewport);
  const { page } = guarded;
  await waitForState(page, (s) => s.time >= 800, 'time 800');
  await page.keyboard.press('c');
  await waitForState(page, (s) => s.time >= 2500, 'time 2500');
  await page.keyboard.press(' ');
  await waitForState(page, (s) => !s.playing, 'paused');
  return guarded;
}

function frameOf(s: LabAutomationState) {
  return { time: s.time, traceHash: s.traceHash, playing: s.playing, servers: s.servers.length };
}

async function expectRefused(
  g: Guarded,
  before: LabAutomationState,
  message: RegExp,
  name: string,
) {
  const alert = alertOf(g.page);
  await alert.waitFor();
  expect(await alert.textContent(), name).toMatch(message);
  expect(await alert.textContent(), name).toMatch(/Your run is unchanged\./);
  expect(frameOf(await labState(g.page)), name).toEqual(frameOf(before));
  expect(await pwned(g.page), name).toEqual({ sentinel: undefined, injected: 0 });
  expect(g.dialogs, name).toEqual([]);
  expect(g.foreign, name).toEqual([]);
}

describe('hostile links', () => {
  it('opened in a fresh page: an alert, the starting run untouched', async () => {
    const clean = await guardedLab(browser, '?paused');
    const before = await labState(clean.page);
    await clean.page.context().close();
    for (const [name, link, message] of links) {
      const g = await guardedLab(browser, `?paused${link}`);
      await expectRefused(g, before, message, name);
      await g.page.context().close();
    }
  });

  it('pasted into a lab with a run: an alert, same time and trace hash; dismissible', async () => {
    const g = await labWithRun();
    const before = await labState(g.page);
    for (const [name, link, message] of links) {
      await g.page.evaluate((hash) => (window.location.hash = hash), link);
      await expectRefused(g, before, message, name);
      if (name === 'bit-flipped') {
        await settle(g.page);
        await screenshot(g.page, 'share-error-banner-1366x768');
      }
      await alertOf(g.page).getByRole('button', { name: 'Dismiss this message' }).click();
      await alertOf(g.page).waitFor({ state: 'detached' });
    }
    await g.page.context().close();
  });

  it('shows hostile titles and captions as text, running nothing', async () => {
    const g = await guardedLab(
      browser,
      `?paused${linkOfText(JSON.stringify(hostileTextScenario()))}`,
    );
    const s = await waitForState(g.page, (st) => st.servers.length === 3, 'the hostile-text run');
    expect(s.playing).toBe(false);
    await expect
      .poll(() => g.page.locator('body').innerText())
      .toContain('<script>window.__pwned = "script"</script><img src=x onerror=');
    const dialog = await openShare(g.page);
    expect(await dialog.locator('.rl-share-title').textContent()).toContain('<script>');
    await g.page.keyboard.press('Escape');
    // Markup with a javascript: link (the description, the first caption) shows as text.
    await g.page.keyboard.press('PageDown');
    await expect
      .poll(() => g.page.locator('body').innerText())
      .toContain('<a href="javascript:window.__pwned=\'link\'">click</a>');
    expect(await pwned(g.page)).toEqual({ sentinel: undefined, injected: 0 });
    expect(g.dialogs).toEqual([]);
    await g.page.context().close();
  });
});

describe('hostile files', () => {
  it('picked with the file dialog: an alert naming the file and the problem, run untouched', async () => {
    const g = await labWithRun();
    const before = await labState(g.page);
    const files: [string, Buffer, RegExp][] = [
      ...hostileJson().map(([name, text, message]): [string, Buffer, RegExp] => [
        name,
        Buffer.from(text),
        message,
      ]),
      [
        'a 12 MB file',
        Buffer.alloc(12 * 1_048_576, 0x20),
        /too large \(12\.0 MB; a scenario is at most 1 MB\)/,
      ],
      ['a binary file', Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x7d]), /not UTF-8 text/],
    ];
    for (const [name, buffer, message] of files) {
      await openShare(g.page);
      await g.page
        .getByTestId('open-file')
        .setInputFiles({ name: `${name}<img src=x>.json`, mimeType: 'application/json', buffer });
      await expectRefused(g, before, message, name);
      expect(await alertOf(g.page).textContent(), name).toContain(
        `“${name}<img src=x>.json”`.slice(0, 40),
      );
      await alertOf(g.page).getByRole('button', { name: 'Dismiss this message' }).click();
    }
    await g.page.context().close();
  });

  it('dropped on the page: the same refusal', async () => {
    const g = await labWithRun();
    const before = await labState(g.page);
    const [, text, message] = hostileJson()[0] ?? ['', '', /./];
    await g.page.evaluate((json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], 'servers.json', { type: 'application/json' }));
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    }, text);
    await expectRefused(g, before, message, 'dropped');
    await g.page.context().close();
  });
});

describe('phone layout', () => {
  it('shows the share dialog and the error banner at 390×844', async () => {
    const phone = { width: 390, height: 844 };
    const g = await labWithRun(phone);
    await g.page.evaluate((hash) => (window.location.hash = hash), links[1]?.[1] ?? '#s=x');
    await alertOf(g.page).waitFor();
    await settle(g.page);
    await screenshot(g.page, 'share-error-banner-390x844');
    const dialog = await openShare(g.page);
    const box = await dialog.boundingBox();
    expect(box?.width ?? 999).toBeLessThanOrEqual(390);
    await settle(g.page);
    await screenshot(g.page, 'share-dialog-390x844');
    await g.page.context().close();
  });
});

describe('refusals in Spanish and Portuguese', () => {
  const FRAME = {
    es: { link: 'No se pudo abrir el enlace: ', unchanged: 'Tu ejecución no ha cambiado.' },
    pt: { link: 'Não foi possível abrir o link: ', unchanged: 'Sua execução não mudou.' },
  } as const;
  const SHOTS: Record<'es' | 'pt', [number, number, string][]> = {
    es: [
      [1440, 900, 'bit-flipped'],
      [1024, 768, 'a newer version'],
    ],
    pt: [
      [1024, 768, 'bit-flipped'],
      [1440, 900, 'a <script> field'],
    ],
  };

  for (const lang of ['es', 'pt'] as const) {
    it(`words every hostile link's refusal fully in ${lang}, the run untouched`, async () => {
      const g = await guardedLab(browser, `?paused&lang=${lang}`, { width: 1440, height: 900 });
      const before = await labState(g.page);
      const alert = g.page.getByTestId('open-error');
      const shots = new Map(SHOTS[lang].map(([w, h, name]) => [name, { width: w, height: h }]));
      for (const [name, link] of links) {
        await g.page.evaluate((hash) => (window.location.hash = hash), link);
        await alert.waitFor();
        const text = (await alert.locator('.rl-banner-text').textContent()) ?? '';
        expect(text.startsWith(FRAME[lang].link), `${name}: ${text}`).toBe(true);
        expect(text.endsWith(FRAME[lang].unchanged), `${name}: ${text}`).toBe(true);
        // No word of the old English reasons is left in the sentence.
        expect(englishIn(text), `${name}: ${text}`).toEqual([]);
        expect(frameOf(await labState(g.page)), name).toEqual(frameOf(before));
        const viewport = shots.get(name);
        if (viewport !== undefined) {
          await g.page.setViewportSize(viewport);
          await settle(g.page);
          await screenshot(g.page, `share-error-${lang}-${viewport.width}x${viewport.height}`);
          await g.page.setViewportSize({ width: 1440, height: 900 });
        }
        await alert.getByRole('button').click();
        await alert.waitFor({ state: 'detached' });
      }
      expect(await pwned(g.page)).toEqual({ sentinel: undefined, injected: 0 });
      await g.page.context().close();
    });
  }

  it('words a refused file in pt and a damaged link on a phone in es', async () => {
    const g = await guardedLab(browser, '?paused&lang=pt', { width: 1024, height: 768 });
    const before = await labState(g.page);
    await g.page.getByRole('button', { name: 'Compartilhar', exact: true }).click();
    await g.page.getByRole('dialog', { name: 'Compartilhar esta execução' }).waitFor();
    await g.page.getByTestId('open-file').setInputFiles({
      name: 'grande.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(2 * 1_048_576 + 1024, 0x20),
    });
    const alert = g.page.getByTestId('open-error');
    await alert.waitFor();
    expect(await alert.locator('.rl-banner-text').textContent()).toBe(
      'Não foi possível abrir “grande.json”: grande demais (2,0 MB; um cenário ocupa no máximo 1 MB). Sua execução não mudou.',
    );
    expect(frameOf(await labState(g.page))).toEqual(frameOf(before));
    await settle(g.page);
    await screenshot(g.page, 'share-error-file-pt-1024x768');
    await g.page.context().close();

    const phone = await guardedLab(browser, '?paused&lang=es', { width: 390, height: 844 });
    const flipped = links.find(([name]) => name === 'bit-flipped')?.[1] ?? '#s=x';
    await phone.page.evaluate((hash) => (window.location.hash = hash), flipped);
    const banner = phone.page.getByTestId('open-error');
    await banner.waitFor();
    expect(await banner.locator('.rl-banner-text').textContent()).toBe(
      'No se pudo abrir el enlace: dañado: la suma de comprobación no coincide. ¿Se copió el enlace entero? Tu ejecución no ha cambiado.',
    );
    await settle(phone.page);
    await screenshot(phone.page, 'share-error-es-390x844');
    await phone.page.context().close();
  });
});
