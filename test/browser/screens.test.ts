/**
 * Presenter mode on real screens (issue 10): every library story at 1024×768 and the widest ones
 * at 1280×720, in English, Spanish and Portuguese, at the step with the most log entries. Nothing
 * is wider than the screen, no title or button is cut or ellipsized, Exit is on screen, every
 * server's log row and every entry of it is on screen and not covered, the type is large enough
 * for the back of the room, and a violation banner moves no log row. Then the phone (390×844).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/core/sim.ts';
import { LIBRARY } from '../../src/scenarios/library/index.ts';
import { labState, leaderOf, screenshot, settle, useBrowser } from './harness.ts';
import {
  libraryStory,
  openAt,
  served,
  stepWithKeys,
  storyPlace,
  waitForStop,
} from './presenterHarness.ts';

const browser = useBrowser();

type Lang = 'en' | 'es' | 'pt';
const LANGS: readonly Lang[] = ['en', 'es', 'pt'];

/** The step (1-based) whose stop holds the longest log, computed in Node from the story. */
function busiestStep(id: string): number {
  const story = libraryStory(id);
  const sim = Simulation.create(story.setup);
  let best = { step: story.stops.length, length: -1 };
  story.stops.forEach((stop, i) => {
    sim.runUntil(stop.timeMs);
    const longest = Math.max(...sim.state.servers.map((s) => s.log.length));
    if (longest > best.length) best = { step: i + 1, length: longest };
  });
  return best.step;
}

/** The stories with the longest logs and titles: checked in every language and at both sizes. */
const WIDEST = ['figure-7', 'add-server', 'etcd-kubernetes', 'snapshot', 'single-server-fix'];

/** Goes to a story's step: End, then back one exact step at a time. */
async function goToStep(page: Page, step: number): Promise<void> {
  const { steps } = await storyPlace(page);
  await page.keyboard.press('End');
  await waitForStop(page, steps);
  for (let at = steps; at > step; at--) {
    await page.keyboard.press('ArrowLeft');
    await waitForStop(page, at - 1);
  }
}

async function openStory(page: Page, id: string, lang: Lang): Promise<void> {
  await page.goto(served(`?present&lang=${lang}#lib=${id}`));
  await page.waitForFunction(() => window.raftLab !== undefined);
  await page.locator('.rl-show').waitFor();
  await goToStep(page, busiestStep(id));
  await settle(page);
  // The cell size follows a ResizeObserver: wait until the panel has laid out its window.
  await page.waitForFunction(() => document.querySelector('.rl-log-fit') !== null);
  await page.evaluate(
    () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(null)))),
  );
}

/**
 * Every layout problem of the presenter page, as sentences (empty when all is well). Runs in the
 * page; `minFont` is the smallest font size allowed for log text and server labels (0: none).
 */
function presenterProblems(page: Page, minFont: number, longest: number): Promise<string[]> {
  return page.evaluate(
    ({ minFont, longest }) => {
      const problems: string[] = [];
      const vw = document.documentElement.clientWidth;
      const vh = document.documentElement.clientHeight;
      const name = (e: Element): string =>
        `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
      if (document.documentElement.scrollWidth > vw)
        problems.push(`page is ${document.documentElement.scrollWidth}px wide in ${vw}px`);
      const inside = (e: Element, box: DOMRect | null = null): boolean => {
        const r = e.getBoundingClientRect();
        const b = box ?? new DOMRect(0, 0, vw, vh);
        return (
          r.left >= b.left - 0.5 &&
          r.top >= b.top - 0.5 &&
          r.right <= b.right + 0.5 &&
          r.bottom <= b.bottom + 0.5
        );
      };
      /** The element is what the user sees at its centre (not covered, not hidden). */
      const seen = (e: Element): boolean => {
        const r = e.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== null && (hit === e || e.contains(hit));
      };
      // The bar: title, step counter and every button, whole and on screen.
      const bar = document.querySelector('.rl-show-bar');
      if (!bar) return ['no presenter bar'];
      for (const e of bar.querySelectorAll(
        '.rl-show-title, .rl-show-count, .rl-button, summary, .rl-lang-button',
      )) {
        if (!e.checkVisibility()) continue;
        if (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
          problems.push(
            `${name(e)} is cut (${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight})`,
          );
        const style = getComputedStyle(e);
        if (style.textOverflow === 'ellipsis' && style.overflow !== 'visible')
          problems.push(`${name(e)} may be ellipsized`);
        if (!inside(e)) problems.push(`${name(e)} is off screen`);
      }
      const exit = bar.querySelector('.rl-show-exit');
      if (!exit || !exit.checkVisibility() || !inside(exit) || !seen(exit))
        problems.push('Exit is not on screen');
      // The logs: one row per server, every slot from 1 to the longest log plus one.
      const logs = document.querySelector('.rl-show-logs');
      if (!logs) return [...problems, 'no logs'];
      const area = logs.getBoundingClientRect();
      const indexes = [...logs.querySelectorAll('.rl-log-index')].map((e) => Number(e.textContent));
      if (indexes[0] !== 1 || indexes.at(-1) !== longest + 1)
        problems.push(`log window ${indexes[0]}–${indexes.at(-1)}, want 1–${longest + 1}`);
      const rows = [...logs.querySelectorAll('.rl-log-row:not(.rl-log-index-row)')];
      for (const row of rows) {
        const label = row.querySelector('.rl-log-name');
        const who = label?.textContent ?? '?';
        if (!label || !inside(label, area) || !inside(label) || !seen(label))
          problems.push(`${who}'s label is hidden`);
        const cells = [...row.querySelectorAll('.rl-log-cells > .rl-cell')];
        let columns = 0;
        for (const cell of cells) {
          columns += Math.max(
            1,
            Math.round(
              cell.getBoundingClientRect().width /
                cells[cells.length - 1]!.getBoundingClientRect().width,
            ),
          );
          if (!inside(cell, area) || !inside(cell) || !seen(cell))
            problems.push(`${who} entry ${name(cell)} is hidden`);
        }
        if (cells.length === 0 || columns < indexes.length - 1)
          problems.push(`${who} shows ${columns} of ${indexes.length} slots`);
        if (minFont > 0) {
          const size = (e: Element): number => parseFloat(getComputedStyle(e).fontSize);
          if (label && size(label) < minFont) problems.push(`${who}'s label is ${size(label)}px`);
          const term = row.querySelector('.rl-cell-term, .rl-snap-label');
          if (term && size(term) < minFont) problems.push(`${who}'s log text is ${size(term)}px`);
        }
      }
      if (minFont > 0)
        for (const e of logs.querySelectorAll('.rl-log-index'))
          if (parseFloat(getComputedStyle(e).fontSize) < minFont)
            problems.push(`log index ${e.textContent} is ${getComputedStyle(e).fontSize}`);
      // The caption: larger than the logs.
      const caption = document.querySelector('.rl-caption-text');
      if (!caption || parseFloat(getComputedStyle(caption).fontSize) <= Math.max(minFont, 16))
        problems.push('the caption is not larger than the logs');
      return problems;
    },
    { minFont, longest },
  );
}

async function checkStory(page: Page, id: string, lang: Lang, minFont: number): Promise<void> {
  await openStory(page, id, lang);
  const state = await labState(page);
  const longest = Math.max(...state.servers.map((s) => (s.snapshot?.index ?? 0) + s.log.length));
  const problems = await presenterProblems(page, minFont, longest);
  expect(await page.locator('.rl-show-logs .rl-log-row:not(.rl-log-index-row)').count()).toBe(
    state.servers.length,
  );
  expect(problems, `${id} in ${lang}`).toEqual([]);
}

describe('presenter mode at 1024×768', () => {
  // Every story in one language (taking turns), the widest ones in all three.
  for (const [k, lang] of LANGS.entries()) {
    const ids = LIBRARY.filter((_, i) => i % 3 === k).map((e) => e.id);
    for (const id of WIDEST) if (!ids.includes(id)) ids.push(id);
    it(`shows ${ids.length} stories whole in ${lang}`, { timeout: 180_000 }, async () => {
      const page = await openAt(browser, served('?present'), {
        viewport: { width: 1024, height: 768 },
      });
      for (const id of ids) await checkStory(page, id, lang, 16);
      if (lang === 'es') {
        await checkStory(page, 'figure-7', 'es', 16);
        await screenshot(page, 'screens-figure-7-1024-es');
      }
      if (lang === 'pt') await screenshot(page, 'screens-last-1024-pt');
      expect(page.errors).toEqual([]);
      await page.context().close();
    });
  }
});

describe('a caption that cites rules', () => {
  it('keeps each chip on the line of the punctuation around it', async () => {
    // Figure 7's second step in Portuguese at 1024×768 wraps right at "atualizados (F2-RV2)."
    const page = await openAt(browser, served('?present&lang=pt#lib=figure-7'), {
      viewport: { width: 1024, height: 768 },
    });
    await page.locator('.rl-show').waitFor();
    await stepWithKeys(page, 2);
    await settle(page);
    const split = await page.evaluate(() =>
      [...document.querySelectorAll('.rl-caption-text .rl-rule-glue')].map((e) => ({
        text: e.textContent ?? '',
        lines: new Set([...e.getClientRects()].map((r) => Math.round(r.top))).size,
      })),
    );
    expect(split.map((g) => g.text)).toEqual(['(F2-RV2).', '(F2-S7,', 'F2-L7).']);
    expect(split.filter((g) => g.lines !== 1)).toEqual([]);
    await page.context().close();
  });
});

describe('presenter mode at 1280×720', () => {
  it('shows the widest stories whole in every language', { timeout: 180_000 }, async () => {
    const page = await openAt(browser, served('?present'), {
      viewport: { width: 1280, height: 720 },
    });
    for (const id of ['figure-7', 'add-server', 'single-server-fix'])
      for (const lang of LANGS) await checkStory(page, id, lang, 16);
    await checkStory(page, 'figure-7', 'pt', 16);
    await screenshot(page, 'screens-figure-7-1280-pt');
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});

describe('a violation banner', () => {
  it('takes a band under the ring: the log rows stay where they were', async () => {
    const page = await openAt(browser, served('?present'), {
      viewport: { width: 1024, height: 768 },
    });
    await openStory(page, 'figure-8-bug', 'es');
    const banner = page.locator('.rl-show [data-testid="violation"]');
    await banner.waitFor();
    const boxes = (): Promise<number[][]> =>
      page.evaluate(() =>
        // The ring shrinks for the banner (screensRoom.test.ts checks it covers no server).
        [...document.querySelectorAll('.rl-show-logs .rl-log-row')].map((e) => {
          const r = e.getBoundingClientRect();
          return [r.left, r.top, r.width, r.height];
        }),
      );
    const withBanner = await boxes();
    const bannerBox = await banner.boundingBox();
    await screenshot(page, 'screens-violation-1024-es');
    await page.addStyleTag({ content: '.rl-show-banners { display: none !important; }' });
    expect(await boxes()).toEqual(withBanner);
    // On screen, and over no log row.
    expect(bannerBox).not.toBeNull();
    const b = bannerBox!;
    expect(b.y + b.height).toBeLessThanOrEqual(768);
    const logs = await page.locator('.rl-show-logs').boundingBox();
    expect(b.x + b.width).toBeLessThanOrEqual(logs!.x);
    await page.context().close();
  });
});

describe('presenter mode on a phone (390×844)', () => {
  it('fits the bar, gives Next a finger-sized target, and keeps the servers apart', async () => {
    const page = await openAt(browser, served('?present&lang=pt#lib=figure-7'), {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await page.locator('.rl-show').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    const tools = await page.locator('.rl-show-bar .rl-button, .rl-show-bar summary').all();
    for (const tool of tools) {
      if (!(await tool.isVisible())) continue;
      const box = (await tool.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    const next = page.locator('.rl-show-bar .rl-story-next');
    const box = (await next.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await next.tap();
    await waitForStop(page, 1);
    const circles = await page.evaluate(() =>
      [...document.querySelectorAll('g[data-server] .rl-server-body')].map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, r: r.width / 2 };
      }),
    );
    expect(circles).toHaveLength(7);
    for (const [i, a] of circles.entries())
      for (const c of circles.slice(i + 1))
        expect(Math.hypot(a.x - c.x, a.y - c.y)).toBeGreaterThan(a.r + c.r);
    await screenshot(page, 'screens-phone-presenter-pt');
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});

const MENUS = ['.rl-library-menu', '.rl-run-menu', '.rl-cluster-legend', '.rl-network-menu'];

/** Whether the open menu's body lies inside the viewport. */
async function bodyInside(page: Page, menu: string): Promise<string> {
  return page.evaluate((sel) => {
    const body = document.querySelector(`${sel} > .rl-popover-body`);
    if (!body) return `${sel}: no body`;
    const r = body.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const ok = r.left >= 0 && r.top >= 0 && r.right <= vw && r.bottom <= vh && r.width > 0;
    return ok ? '' : `${sel} at ${r.left},${r.top}–${r.right},${r.bottom} in ${vw}×${vh}`;
  }, menu);
}

describe('menu buttons on a phone', () => {
  for (const lang of ['en', 'es', 'pt'] as const)
    it(`keep each label on one line in ${lang} (the grid is three buttons wide)`, async () => {
      const page = await openAt(browser, served(`?lang=${lang}&paused`), {
        viewport: { width: 390, height: 844 },
      });
      const lines = await page.evaluate((menus) => {
        const out: Record<string, number> = {};
        for (const sel of menus) {
          const summary = document.querySelector(`${sel} > summary`);
          if (summary === null) continue;
          const range = document.createRange();
          range.selectNodeContents(summary);
          const tops = [...range.getClientRects()]
            .filter((r) => r.width > 0)
            .map((r) => Math.round(r.top));
          out[sel] = new Set(tops).size;
        }
        return out;
      }, MENUS);
      // "Rede: 10–20 ms ▾" in one cell of the grid put its arrow on a line of its own.
      expect(lines['.rl-network-menu']).toBe(1);
      for (const [menu, count] of Object.entries(lines)) expect(count, menu).toBe(1);
      expect(page.errors).toEqual([]);
      await page.context().close();
    });
});

describe('menus of the lab', () => {
  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 390, height: 844 },
  ])
    it(`close on Escape and on a click outside, and stay on screen at ${viewport.width}×${viewport.height}`, async () => {
      const page = await openAt(browser, served('?lang=es&paused'), { viewport });
      const isOpen = (menu: string): Promise<boolean> =>
        page.locator(menu).evaluate((d) => (d as HTMLDetailsElement).open);
      for (const menu of MENUS) {
        const summary = page.locator(`${menu} > summary`);
        await summary.scrollIntoViewIfNeeded();
        await summary.click();
        expect(await isOpen(menu), `${menu} opens`).toBe(true);
        // The menu is fitted on its toggle event, which the browser fires in a task of its own.
        await expect.poll(() => bodyInside(page, menu), { timeout: 5_000 }).toBe('');
        await page.keyboard.press('Escape');
        expect(await isOpen(menu), `${menu} closes on Escape`).toBe(false);
        await summary.click();
        expect(await isOpen(menu)).toBe(true);
        await page.locator('.rl-title').click();
        expect(await isOpen(menu), `${menu} closes on a click outside`).toBe(false);
      }
      // One menu at a time: opening the next closes the first.
      await page.locator('.rl-library-menu > summary').click();
      await page.locator('.rl-run-menu > summary').click();
      expect(await isOpen('.rl-library-menu')).toBe(false);
      expect(await isOpen('.rl-run-menu')).toBe(true);
      await page.locator('.rl-run-menu > summary').scrollIntoViewIfNeeded();
      await screenshot(page, `screens-menu-${viewport.width}`);
      expect(page.errors).toEqual([]);
      await page.context().close();
    });

  it('the presenter’s Library menu stays on screen on a phone and closes on Escape', async () => {
    const page = await openAt(browser, served('?present&lang=pt#lib=figure-7'), {
      viewport: { width: 390, height: 844 },
    });
    await page.locator('.rl-show .rl-library-menu > summary').click();
    await expect
      .poll(() => bodyInside(page, '.rl-show .rl-library-menu'), { timeout: 5_000 })
      .toBe('');
    await page.keyboard.press('Escape');
    expect(
      await page
        .locator('.rl-show .rl-library-menu')
        .evaluate((d) => (d as HTMLDetailsElement).open),
    ).toBe(false);
    await page.context().close();
  });
});

describe('banners of the lab', () => {
  it('float over the page: partition mode and a notice move neither the cluster nor the logs', async () => {
    const page = await openAt(browser, served('?lang=pt&paused'), {
      viewport: { width: 1280, height: 720 },
    });
    const boxes = (): Promise<number[][]> =>
      page.evaluate(() =>
        [...document.querySelectorAll('.rl-stage svg, .rl-logs, .rl-log-row')].map((e) => {
          const r = e.getBoundingClientRect();
          return [r.left, r.top, r.width, r.height];
        }),
      );
    await settle(page);
    // The page settles first (fonts, the log rows' density): then nothing may move.
    let before = await boxes();
    for (let tries = 0; tries < 40; tries++) {
      await page.evaluate(
        () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 50))),
      );
      const now = await boxes();
      if (JSON.stringify(now) === JSON.stringify(before)) break;
      before = now;
    }
    await page.keyboard.press('p');
    await page.locator('.rl-banner-partition').waitFor();
    expect(await boxes()).toEqual(before);
    // Inside the window and off the ring, whose servers partition mode asks to click.
    const banner = (await page.locator('.rl-banner-partition').boundingBox())!;
    const stage = (await page.locator('.rl-stage').boundingBox())!;
    expect(banner.y + banner.height).toBeLessThanOrEqual(720);
    expect(banner.y).toBeGreaterThanOrEqual(stage.y + stage.height);
    await screenshot(page, 'screens-lab-banner-1280-pt');
    await page.keyboard.press('Escape');
    await page.locator('.rl-banner-partition').waitFor({ state: 'detached' });
    expect(await boxes()).toEqual(before);
    // Every server's log row is inside the logs area at 1280×720 (five servers).
    const rows = await page.evaluate(() => {
      const area = document.querySelector('.rl-logs')!.getBoundingClientRect();
      return [...document.querySelectorAll('.rl-logs .rl-log-row:not(.rl-log-index-row)')].map(
        (e) => e.getBoundingClientRect().bottom <= area.bottom + 0.5,
      );
    });
    expect(rows).toEqual([true, true, true, true, true]);
    await page.context().close();
  });
});

type Box = { x: number; y: number; w: number; h: number; what: string };
const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

describe('nine servers', () => {
  it('keep crowns, labels and circles apart, and spread the marks of a broadcast', async () => {
    // Paused and stepped event by event: the same frames on any machine, however loaded.
    const page = await openAt(browser, served('?servers=9&lang=es&seed=7&paused'), {
      viewport: { width: 1440, height: 900 },
    });
    await settle(page);
    for (let i = 0; i < 3000 && leaderOf(await labState(page)) === null; i++)
      await page.keyboard.press('ArrowRight');
    const boxes = (): Promise<{ parts: Box[]; marks: Box[]; leader: Box | null }> =>
      page.evaluate(() => {
        const box = (e: Element, what: string) => {
          const r = e.getBoundingClientRect();
          return { x: r.left, y: r.top, w: r.width, h: r.height, what };
        };
        const parts = [
          ...[...document.querySelectorAll('g[data-server]')].flatMap((g) => [
            box(g.querySelector('.rl-server-body')!, `circle ${g.getAttribute('data-server')}`),
            box(g.querySelector('.rl-server-label')!, `label ${g.getAttribute('data-server')}`),
          ]),
          ...[...document.querySelectorAll('.rl-crown')].map((e) => box(e, 'crown')),
        ];
        const marks = [...document.querySelectorAll('.rl-msg .rl-msg-shape')].map((e) =>
          box(e, e.closest('.rl-msg')?.getAttribute('data-message') ?? '?'),
        );
        const lead = document.querySelector('g[data-role="leader"] .rl-server-body');
        return { parts, marks, leader: lead ? box(lead, 'leader') : null };
      });
    const { parts, leader } = await boxes();
    expect(leader).not.toBeNull();
    const leaderBox = leader!;
    const centre = { x: leaderBox.x + leaderBox.w / 2, y: leaderBox.y + leaderBox.h / 2 };
    expect(parts.filter((p) => p.what === 'crown')).toHaveLength(1);
    for (const [i, a] of parts.entries())
      for (const b of parts.slice(i + 1)) {
        // A circle's box is its square: compare circles by their distance instead.
        if (a.what.startsWith('circle') && b.what.startsWith('circle')) {
          const d = Math.hypot(a.x + a.w / 2 - b.x - b.w / 2, a.y + a.h / 2 - b.y - b.h / 2);
          expect(d, `${a.what} and ${b.what}`).toBeGreaterThan(a.w / 2 + b.w / 2);
        } else if (a.what.startsWith('circle') || b.what.startsWith('circle')) {
          const [c, other] = a.what.startsWith('circle') ? [a, b] : [b, a];
          if (other.what === 'crown' && leader && c.x === leader.x && c.y === leader.y) continue;
          // Distance from the circle's centre to the other part's box.
          const cx = c.x + c.w / 2;
          const cy = c.y + c.h / 2;
          const dx = Math.max(other.x - cx, 0, cx - other.x - other.w);
          const dy = Math.max(other.y - cy, 0, cy - other.y - other.h);
          expect(Math.hypot(dx, dy), `${other.what} on ${c.what}`).toBeGreaterThan(c.w / 2 - 0.5);
        } else if (a.what === 'crown' || b.what === 'crown') {
          const [crown, other] = a.what === 'crown' ? [a, b] : [b, a];
          expect(overlap(crown, other), `crown on ${other.what}`).toBe(false);
        } else expect(overlap(a, b), `${a.what} on ${b.what}`).toBe(false);
      }
    // Step event by event until a broadcast (one sender, one send time) has several marks in
    // flight, then check that no two of its marks cover each other.
    let checked = 0;
    for (let i = 0; i < 300 && checked < 3; i++) {
      await page.keyboard.press('ArrowRight');
      const { marks } = await boxes();
      const sends = await page.evaluate(() => {
        const lab = window.raftLab!;
        const flying = new Set(lab.inFlightIds());
        return lab
          .messages(0, lab.state().time)
          .filter((m) => flying.has(m.id) && m.from > 0)
          .map((m) => [String(m.id), [`${m.from}@${m.sentMs}`, m.to]] as const);
      });
      const group = new Map(sends);
      // One mark per receiver: two messages sent at once on the same link (a vote answer and a
      // heartbeat) share its lane, which is not what this checks.
      const batches = new Map<string, Box[]>();
      const seen = new Set<string>();
      for (const m of marks) {
        const send = group.get(m.what);
        if (send === undefined || seen.has(`${send[0]}>${send[1]}`)) continue;
        seen.add(`${send[0]}>${send[1]}`);
        batches.set(send[0], [...(batches.get(send[0]) ?? []), m]);
      }
      // The marks still at the sender's edge (within two radii of its centre): there they used
      // to stack. Further on, marks of different latencies may brush past each other.
      const edge = (m: Box): boolean =>
        Math.hypot(m.x + m.w / 2 - centre.x, m.y + m.h / 2 - centre.y) < leaderBox.w;
      const batch = [...batches.values()].map((b) => b.filter(edge)).find((b) => b.length >= 4);
      if (!batch) continue;
      checked++;
      for (const [k, a] of batch.entries())
        for (const b of batch.slice(k + 1)) {
          // Unreadable: a mark more than a tenth under another.
          const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
          const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
          expect(ix * iy, `message ${a.what} on ${b.what}`).toBeLessThan((a.w * a.h) / 10);
        }
      if (checked === 1) await screenshot(page, 'screens-nine-servers-1440-es');
    }
    expect(checked).toBeGreaterThan(0);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});

describe('the lab at 1024×768 with a story open', () => {
  it('keeps the ring inside its stage and every log row inside the logs (the page scrolls)', async () => {
    const page = await openAt(browser, served('?lang=es#lib=figure-7'), {
      viewport: { width: 1024, height: 768 },
    });
    await page.locator('.rl-story').waitFor();
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      const vw = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth > vw) out.push('page wider than the window');
      const stage = document.querySelector('.rl-stage')!.getBoundingClientRect();
      for (const c of document.querySelectorAll('g[data-server] .rl-server-body')) {
        const r = c.getBoundingClientRect();
        if (
          r.top < stage.top ||
          r.bottom > stage.bottom ||
          r.left < stage.left ||
          r.right > stage.right
        )
          out.push(
            `S${c.closest('g[data-server]')?.getAttribute('data-server')} outside the stage`,
          );
      }
      const logs = document.querySelector('.rl-logs')!.getBoundingClientRect();
      const rows = document.querySelectorAll('.rl-logs .rl-log-row:not(.rl-log-index-row)');
      if (rows.length !== 7) out.push(`${rows.length} log rows`);
      for (const row of rows)
        if (row.getBoundingClientRect().bottom > logs.bottom + 0.5)
          out.push(`${row.querySelector('.rl-log-name')?.textContent} below the logs`);
      return out;
    });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
