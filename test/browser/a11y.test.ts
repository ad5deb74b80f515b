/**
 * Accessibility: axe-core over every view of the lab (issue 10). Each state must have no
 * violation of serious or critical impact; the lesser ones are printed, for the record.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, summarizeViolations } from './a11y.ts';
import {
  labState,
  leaderOf,
  openLab,
  pageErrors,
  screenshot,
  setSpeed,
  waitForState,
  useBrowser,
} from './harness.ts';
import { openAt, served, waitForStop } from './presenterHarness.ts';

const browser = useBrowser();

const DESKTOP: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };

/** Screenshot, then axe: fails on a serious or critical violation, prints the lesser ones. */
async function check(page: Page, where: string, shot: string): Promise<void> {
  await screenshot(page, `a11y-${shot}`);
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

  it('the space-time diagram in the lab, a past message in the inspector, and in presenter mode (1024x768, pt)', async () => {
    const page = await openLab(browser, DESKTOP, '?speed=1');
    await waitForState(page, (s) => leaderOf(s) !== null && s.time > 1500, 'a leader');
    await pause(page);
    await page.keyboard.press('d');
    await page.locator('.rl-st-view .rl-st-arrow[data-status="delivered"]').first().waitFor();
    await check(page, 'the space-time diagram', 'spacetime');
    // A message that has arrived, in the inspector (the click is the diagram's own handler).
    await page
      .locator('.rl-st-view .rl-st-arrow[data-status="delivered"]')
      .first()
      .dispatchEvent('click');
    await page.locator('.rl-message-past').waitFor();
    await check(page, 'a past message in the inspector', 'spacetime-past');
    await page.context().close();
    const show = await openAt(browser, served('?present&lang=pt#lib=figure-8'), {
      viewport: { width: 1024, height: 768 },
    });
    await show.keyboard.press('ArrowRight');
    await waitForStop(show, 1);
    await show.keyboard.press('d');
    await show.locator('svg.rl-st-svg').waitFor();
    await check(
      show,
      'the space-time diagram in presenter mode, pt, 1024x768',
      'spacetime-presenter',
    );
    await show.context().close();
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

  it('the lab with nine servers and the presenter at 1280x720 (pt) and 1024x768 (en)', async () => {
    // Boxes start or stop scrolling with the size of the screen, and so do axe's findings.
    for (const [width, height, lang] of [
      [1280, 720, 'pt'],
      [1024, 768, 'en'],
    ] as const) {
      const lab = await openLab(
        browser,
        { viewport: { width, height } },
        `?lang=${lang}&servers=9`,
      );
      await waitForState(lab, (s) => leaderOf(s) !== null, 'a leader');
      await check(
        lab,
        `the lab with nine servers at ${width}x${height} (${lang})`,
        `nine-${width}`,
      );
      await lab.context().close();
      const show = await openAt(browser, served(`?present&lang=${lang}#lib=figure-7`), {
        viewport: { width, height },
      });
      await show.keyboard.press('End');
      await check(show, `presenter mode, Figure 7, ${width}x${height} (${lang})`, `fig7-${width}`);
      await show.context().close();
    }
  });
});

/**
 * axe leaves text drawn in SVG aside, so the words on the servers are checked here: the term
 * caption and number against the circle's fill, for every server on screen (WCAG 1.4.3).
 */
async function serverTextContrast(page: Page): Promise<{ text: string; ratio: number }[]> {
  return page.evaluate(() => {
    const parse = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: string): number => {
      const [r = 0, g = 0, b = 0] = parse(c).map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const out: { text: string; ratio: number }[] = [];
    for (const g of document.querySelectorAll('g.rl-server')) {
      const body = g.querySelector('.rl-server-body');
      if (body === null) continue;
      const bg = getComputedStyle(body).fill;
      for (const text of g.querySelectorAll<SVGTextElement>('.rl-term-caption, .rl-term-number')) {
        const style = getComputedStyle(text);
        if (style.fillOpacity !== '1' || style.opacity !== '1') {
          out.push({ text: `${text.textContent} (translucent)`, ratio: 0 });
          continue;
        }
        const [a, b] = [lum(style.fill), lum(bg)];
        out.push({
          text: `${g.getAttribute('data-server')}: ${text.textContent}`,
          ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
        });
      }
    }
    return out;
  });
}

describe('contrast of the words drawn on the servers', () => {
  it('term caption and number reach 4.5:1 on every term colour, in the lab and the presenter', async () => {
    // Each restart of the leader starts a new term, painted in the next colour.
    const page = await openLab(browser, DESKTOP, '?speed=10');
    let st = await waitForState(page, (x) => leaderOf(x) !== null, 'a leader');
    const seen: { text: string; ratio: number }[] = [];
    const terms = new Set<number>();
    for (let round = 0; round < 4; round++) {
      const top = Math.max(...st.servers.map((x) => x.term));
      await page.keyboard.press('r');
      st = await waitForState(
        page,
        (x) => x.servers.some((v) => v.role === 'leader' && !v.crashed && v.term > top),
        'a leader of a new term',
      );
      await pause(page);
      for (const v of (await labState(page)).servers) terms.add(v.term);
      seen.push(...(await serverTextContrast(page)));
      await page.keyboard.press(' ');
    }
    expect(terms.size).toBeGreaterThanOrEqual(4);
    const low = seen.filter((x) => x.ratio < 4.5);
    expect(low, JSON.stringify(low)).toEqual([]);
    await page.context().close();
    const show = await openAt(browser, served('?present#lib=figure-8'));
    // Presenter mode loads on first use: measure once its servers are drawn.
    await show.locator('.rl-show-caption').waitFor();
    await show.locator('g[data-server] .rl-server-body').first().waitFor();
    const shown = await serverTextContrast(show);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((x) => x.ratio < 4.5)).toEqual([]);
    await show.context().close();
  });
});

describe('prefers-reduced-motion', () => {
  /** Distinct places each message took while sampled every frame for `ms` of wall time. */
  async function messagePlaces(page: Page, ms: number): Promise<number[]> {
    return page.evaluate(async (duration) => {
      const places = new Map<string, Set<string>>();
      const end = performance.now() + duration;
      const raf = (window as unknown as { __rawRaf: typeof requestAnimationFrame }).__rawRaf;
      while (performance.now() < end) {
        await new Promise((ok) => raf(() => ok(null)));
        // Where the page draws each message this frame (its box's animated transform).
        for (const m of document.querySelectorAll('.rl-msg-box')) {
          const id = m.querySelector('.rl-msg')?.getAttribute('data-message') ?? '';
          const set = places.get(id) ?? new Set<string>();
          set.add(getComputedStyle(m).transform);
          places.set(id, set);
        }
      }
      return [...places.values()].map((s) => s.size);
    }, ms);
  }

  it('turns transitions and animations off; messages hop in at most 3 places and the run goes on', async () => {
    const page = await openLab(browser, { ...DESKTOP, reducedMotion: 'reduce' });
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(
      true,
    );
    // Any transition or animation, present or added later by a view, lasts 0 s.
    const durations = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.className = 'rl-button';
      probe.style.transition = 'opacity 2s ease 1s';
      probe.style.animation = 'rl-probe 3s infinite';
      document.body.append(probe);
      const seen = new Set<string>();
      for (const el of document.querySelectorAll('*')) {
        const st = getComputedStyle(el);
        for (const v of [st.transitionDuration, st.animationDuration, st.transitionDelay])
          for (const part of v.split(',')) seen.add(part.trim());
      }
      probe.remove();
      return [...seen];
    });
    expect(durations).toEqual(['0s']);
    // Heartbeats once a leader is elected, then slowly (a flight takes about 300 ms of wall time).
    await waitForState(page, (x) => leaderOf(x) !== null, 'a leader');
    await setSpeed(page, '0.05');
    const before = await labState(page);
    const sizes = await messagePlaces(page, 2500);
    const after = await labState(page);
    expect(after.time).toBeGreaterThan(before.time);
    expect(sizes.length).toBeGreaterThan(0); // messages are on screen
    expect(Math.max(...sizes)).toBeLessThanOrEqual(3);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(2); // and they do move
    await screenshot(page, 'a11y-reduced-motion');
    await checkA11y(page, 'the lab with reduced motion');
    await page.context().close();

    // Without the setting the same messages glide: many places per flight.
    const moving = await openLab(browser, DESKTOP);
    await waitForState(moving, (x) => leaderOf(x) !== null, 'a leader');
    await setSpeed(moving, '0.05');
    const glide = await messagePlaces(moving, 2500);
    expect(Math.max(...glide)).toBeGreaterThan(3);
    await moving.context().close();
  });
});

describe('keyboard only', () => {
  interface Focused {
    name: string;
    tag: string;
    ring: boolean;
  }
  /** The focused element, its accessible name (roughly) and whether a focus ring shows. */
  async function focused(page: Page): Promise<Focused> {
    return page.evaluate(() => {
      const el = document.activeElement;
      if (el === null || el === document.body) return { name: '', tag: 'body', ring: false };
      const st = getComputedStyle(el);
      let ring =
        (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) > 0) || st.boxShadow !== 'none';
      // A server on the ring shows focus on its circle: the stroke turns the focus colour.
      const body = el.querySelector('.rl-server-body');
      if (body !== null) ring = parseFloat(getComputedStyle(body).strokeWidth) >= 4;
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
      return { name, tag: el.tagName.toLowerCase(), ring };
    });
  }

  /** Tabs until the focused element's name matches, checking every stop shows its focus. */
  async function tabTo(page: Page, name: RegExp, max = 40): Promise<Focused> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.ring, `no visible focus on ${f.tag} "${f.name}"`).toBe(true);
      if (name.test(f.name)) return f;
    }
    throw new Error(`Tab never reached ${name}`);
  }

  it('reaches and operates the header, the dialogs, the menus and a server, with visible focus', async () => {
    const page = await openLab(browser, DESKTOP);
    await waitForState(page, (s) => leaderOf(s) !== null, 'a leader');
    // Play / pause and step, from the header.
    await tabTo(page, /^Pause$/);
    await page.keyboard.press('Enter');
    await waitForState(page, (s) => !s.playing, 'paused by Enter');
    await tabTo(page, /^Step forward/);
    const t0 = (await labState(page)).time;
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await waitForState(page, (s) => s.time > t0, 'a step forward');
    await screenshot(page, 'a11y-keyboard-focus');
    // The Library popover: Enter opens it, Escape closes it and keeps the focus on its button.
    await tabTo(page, /^Library/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.rl-library-menu[open]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.rl-library-menu[open]').count()).toBe(0);
    expect((await focused(page)).name).toMatch(/^Library/);
    // The share dialog: focus goes in, Tab stays in, Escape closes and returns focus.
    await tabTo(page, /^Share$/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    expect((await focused(page)).name).toBe('Close');
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(
        true,
      );
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect((await focused(page)).name).toBe('Share');
    // The help: the same.
    await tabTo(page, /Help/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect((await focused(page)).name).toMatch(/Help/);
    // A server: Enter selects it, Shift+F10 opens its menu, arrows pick Crash, then Restart.
    const server = await tabTo(page, /^S1 term \d+/, 60);
    expect(server.tag).toBe('g');
    await page.keyboard.press('Enter');
    await page.locator('.rl-server-details').waitFor();
    expect(await page.locator('g[data-server="1"]').getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'a11y-keyboard-server');
    const pick = async (label: RegExp): Promise<void> => {
      await page.keyboard.press('Shift+F10');
      await page.getByRole('menu').waitFor();
      for (let i = 0; i < 8 && !label.test((await focused(page)).name); i++)
        await page.keyboard.press('ArrowDown');
      expect((await focused(page)).name).toMatch(label);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('menu').count()).toBe(0);
      // Focus is back on the server, ready for the next key.
      expect((await focused(page)).name).toMatch(/^S1 /);
    };
    await pick(/^Crash/);
    await waitForState(page, (s) => s.servers[0]?.crashed === true, 'S1 crashed');
    await pick(/^Restart/);
    await waitForState(page, (s) => s.servers[0]?.crashed === false, 'S1 restarted');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
