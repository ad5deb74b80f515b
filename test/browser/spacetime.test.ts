/**
 * The space-time diagram (issue 10) in Chromium: opened with its tab and with D, it draws one
 * arrow per message of its window (the count the automation hook reports, the ones in flight
 * exactly the frame's), its playhead follows the run and a seek, a click on an arrow selects the
 * message in the inspector (one that has arrived or was dropped too, with when and why), a
 * partitioned server's messages end in crosses, and the exports give
 * a parseable SVG of the window and of the cluster, and a PNG with pixels in it.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatTime } from '../../src/views/format.ts';
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

const browser = useBrowser();

interface Window {
  fromMs: number;
  toMs: number;
  playheadMs: number;
  /** Arrows are drawn from here (a settle step at or before fromMs); the plot clips the rest. */
  drawnFromMs: number;
}

async function diagramWindow(page: Page): Promise<Window> {
  const svg = page.locator('svg.rl-st-svg');
  const num = async (name: string): Promise<number> => Number(await svg.getAttribute(name));
  return {
    fromMs: await num('data-from-ms'),
    toMs: await num('data-to-ms'),
    playheadMs: await num('data-playhead-ms'),
    drawnFromMs: await num('data-drawn-from-ms'),
  };
}

/** The range the diagram draws arrows for: its window and the settle step before it. */
const drawnRange = (w: Window): Window => ({ ...w, fromMs: w.drawnFromMs });

async function reported(page: Page, w: Window) {
  return page.evaluate(
    ([from, to]) => window.raftLab?.messages(from as number, to as number) ?? [],
    [w.fromMs, w.toMs],
  );
}

async function arrowIds(page: Page, status?: string): Promise<number[]> {
  const selector = status ? `.rl-st-arrow[data-status="${status}"]` : '.rl-st-arrow';
  const ids = await page
    .locator(selector)
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))));
  return ids.sort((a, b) => a - b);
}

/** A lab with a leader, paused, the diagram open. */
async function pausedWithDiagram(
  width: number,
  height: number,
  lang: string,
): Promise<{ page: Page; leader: number }> {
  const page = await openLab(browser, { viewport: { width, height } }, `?lang=${lang}`);
  await page.locator('.rl-speed select').selectOption('1');
  const s = await waitForState(page, (st) => st.playing && leaderOf(st) !== null, 'a leader');
  await page.keyboard.press('c');
  await page.keyboard.press(' ');
  await waitForState(page, (st) => !st.playing, 'the pause');
  const tab = { en: 'Space-time', es: 'Espacio-tiempo', pt: 'Espaço-tempo' }[lang] ?? 'Space-time';
  await page.getByRole('tab', { name: tab }).click();
  await page.locator('svg.rl-st-svg').waitFor();
  // Opening the tab scrolls the diagram into view on a short screen; start from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  return { page, leader: leaderOf(s) as number };
}

/**
 * Clicks an arrow as a user aims: at a point along it where it is the topmost thing drawn, the
 * longest arrows first; returns the id it selected, or null when none of the candidates took.
 */
async function clickArrow(page: Page, selector: string, tries = 12): Promise<number | null> {
  // On a short screen the diagram lies below the ring: bring it into view first, as a user would.
  await page.locator('svg.rl-st-svg').scrollIntoViewIfNeeded();
  const targets = await page.locator(selector).evaluateAll((els) =>
    els
      .map((e) => {
        const lines = e.querySelectorAll('line');
        const hit = lines[lines.length - 1] as SVGLineElement;
        const box = hit.getBoundingClientRect();
        const [x1, y1, x2, y2] = [hit.x1, hit.y1, hit.x2, hit.y2].map((a) => a.baseVal.value);
        const ctm = hit.getScreenCTM();
        let point: { x: number; y: number } | null = null;
        // From the middle outwards, in 40ths: the ends touch the lanes, where other arrows start,
        // and where arrows cross each other densely only a sliver of one may be on top.
        const order: number[] = [20];
        for (let d = 1; d < 19; d++) order.push(20 - d, 20 + d);
        for (const k of order) {
          if (ctm === null || point !== null) break;
          const p = new DOMPoint(
            (x1 as number) + (((x2 as number) - (x1 as number)) * k) / 40,
            (y1 as number) + (((y2 as number) - (y1 as number)) * k) / 40,
          ).matrixTransform(ctm);
          if (e.contains(document.elementFromPoint(p.x, p.y))) point = { x: p.x, y: p.y };
        }
        return { id: Number(e.getAttribute('data-id')), size: box.width + box.height, point };
      })
      .filter((a) => a.point !== null)
      .sort((x, y) => y.size - x.size),
  );
  for (const { id, point } of targets.slice(0, tries)) {
    if (point === null) continue;
    await page.mouse.click(point.x, point.y);
    const now = await page
      .locator(`.rl-st-arrow.is-selected[data-id="${id}"]`)
      .getAttribute('data-id', { timeout: 5_000 })
      .catch(() => null);
    if (now === String(id)) return id;
  }
  // Say why, for a run that fails: how many arrows matched, how many had a point on top.
  const all = await page.locator(selector).count();
  console.log(`clickArrow ${selector}: ${all} arrows, ${targets.length} with a point on top`);
  return null;
}

/** The inspector's facts as label → value. */
async function inspectorFacts(page: Page): Promise<Record<string, string>> {
  return page.locator('.rl-message-past').evaluate((el) => {
    const out: Record<string, string> = {};
    for (const row of el.querySelectorAll('.rl-fact'))
      out[row.querySelector('dt')?.textContent ?? ''] = row.querySelector('dd')?.textContent ?? '';
    return out;
  });
}

async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return d;
}

describe('the space-time diagram', () => {
  it('draws every message of its window, follows the playhead, selects on click (1440x900)', async () => {
    const { page } = await pausedWithDiagram(1440, 900, 'en');
    // One arrow per message the automation hook reports for the range drawn (the window and
    // the settle step before it), none more or less; every message of the window among them.
    const w = await diagramWindow(page);
    expect(w.drawnFromMs).toBeLessThanOrEqual(w.fromMs);
    // At most a settle step (an eighth of the span) and a fifth before the window's start.
    expect(w.fromMs - w.drawnFromMs).toBeLessThanOrEqual(((w.toMs - w.fromMs) / 8) * 1.2 + 1e-6);
    const messages = await reported(page, drawnRange(w));
    const shown = (await reported(page, w)).map((m) => m.id);
    expect(shown.length).toBeGreaterThan(5);
    expect(await arrowIds(page)).toEqual(messages.map((m) => m.id).sort((a, b) => a - b));
    expect(messages.map((m) => m.id)).toEqual(expect.arrayContaining(shown));
    // An arrow drawn for a message the window does not show lies left of the plot, clipped away.
    const hidden = messages.filter((m) => !shown.includes(m.id)).map((m) => m.id);
    const plotLeft = (await page.locator('.rl-st-window').boundingBox())?.x ?? NaN;
    for (const id of hidden) {
      const box = await page.locator(`.rl-st-arrow[data-id="${id}"]`).boundingBox();
      expect(box === null || box.x + box.width <= plotLeft + 1, `arrow ${id}`).toBe(true);
    }
    // Arrows in flight are in the live layer; the settled one holds only arrows that ended.
    expect(
      await page.locator('.rl-st-moving.is-settled .rl-st-arrow[data-status="flight"]').count(),
    ).toBe(0);
    // The arrows drawn in flight are exactly the frame's messages in flight.
    const inFlight = await page.evaluate(() => window.raftLab?.inFlightIds() ?? []);
    expect(await arrowIds(page, 'flight')).toEqual([...inFlight].sort((a, b) => a - b));
    // The playhead is the paused time, inside the window (follow mode).
    const st = await labState(page);
    expect(w.playheadMs).toBe(st.time);
    expect(w.fromMs).toBeLessThanOrEqual(st.time);
    expect(w.toMs).toBeGreaterThan(st.time);
    // Lanes S1..S5 and the client that sent the request.
    const lanes = await page.locator('.rl-st-lane-label text').allTextContents();
    expect(lanes).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'C1']);

    // A click on an arrow in flight selects that message: the inspector shows it. The longest
    // arrows first (a message sent this instant is a dot), as a user would aim.
    // A user aims at a part of an arrow that nothing else covers: find, for the longest arrows in
    // flight, a point along the arrow where it is the topmost thing drawn. Step on until such an
    // arrow is in flight (at some instants every message in flight was sent that very instant).
    const findTargets = () =>
      page.locator('.rl-st-arrow[data-status="flight"]').evaluateAll((els) =>
        els
          .map((e) => {
            const lines = e.querySelectorAll('line');
            const hit = lines[lines.length - 1] as SVGLineElement;
            const box = hit.getBoundingClientRect();
            const x1 = hit.x1.baseVal.value;
            const y1 = hit.y1.baseVal.value;
            const x2 = hit.x2.baseVal.value;
            const y2 = hit.y2.baseVal.value;
            const ctm = hit.getScreenCTM();
            let point: { x: number; y: number } | null = null;
            for (let k = 1; k < 20 && ctm !== null && point === null; k++) {
              const p = new DOMPoint(
                x1 + ((x2 - x1) * k) / 20,
                y1 + ((y2 - y1) * k) / 20,
              ).matrixTransform(ctm);
              if (e.contains(document.elementFromPoint(p.x, p.y))) point = { x: p.x, y: p.y };
            }
            return { id: Number(e.getAttribute('data-id')), size: box.width + box.height, point };
          })
          .filter((a) => a.point !== null)
          .sort((x, y) => y.size - x.size),
      );
    let targets = await findTargets();
    for (let step = 0; step < 40 && (step === 0 || targets.length === 0); step++) {
      await page.keyboard.press('ArrowRight');
      targets = await findTargets();
    }
    expect(targets.length).toBeGreaterThan(0);
    let selected: number | null = null;
    for (const { id, point } of targets.slice(0, 8)) {
      if (point === null) continue;
      await page.mouse.click(point.x, point.y);
      const now = await page
        .locator('.rl-st-arrow.is-selected')
        .getAttribute('data-id', { timeout: 2_000 })
        .catch(() => null);
      if (now === String(id)) {
        selected = id;
        break;
      }
    }
    expect(selected).not.toBeNull();
    await expect.poll(() => page.locator('.rl-message-details').count()).toBe(1);
    expect(await page.locator('.rl-message-details').getAttribute('aria-label')).toBe(
      `Message ${selected}`,
    );

    // Seeking from the timeline moves the playhead; Follow keeps it in the window.
    await page.keyboard.press('Home');
    await expect.poll(async () => (await diagramWindow(page)).playheadMs).toBe(0);
    expect((await diagramWindow(page)).fromMs).toBe(0);
    await page.keyboard.press('End');
    const end = (await labState(page)).time;
    await expect.poll(async () => (await diagramWindow(page)).playheadMs).toBe(end);

    // Playing moves the playhead with the run.
    await page.keyboard.press(' ');
    await waitForState(page, (x) => x.time > end + 200, 'the run to go on');
    await page.keyboard.press(' ');
    const paused = await waitForState(page, (x) => !x.playing, 'the pause');
    await expect.poll(async () => (await diagramWindow(page)).playheadMs).toBe(paused.time);

    // Scrolling the diagram leaves follow mode; Follow comes back to the playhead.
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.locator('.rl-st-plot').hover();
    await page.mouse.wheel(0, -600);
    await expect.poll(async () => (await diagramWindow(page)).toMs).toBeLessThan(paused.time);
    await expect(
      page.getByRole('button', { name: 'Follow', exact: true }).getAttribute('aria-pressed'),
    ).resolves.toBe('false');
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect.poll(async () => (await diagramWindow(page)).toMs).toBeGreaterThan(paused.time);
    await settle(page);
    await screenshot(page, 'spacetime-1440x900-en');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('marks the drops of a partitioned server with crosses; D switches views (1024x768, es)', async () => {
    const { page, leader } = await pausedWithDiagram(1024, 768, 'es');
    void leader;
    // Partition mode, then a line dragged across the ring just under its middle: S1, S2 and S5
    // above it, S3 and S4 below; P applies it.
    await page.keyboard.press('p');
    const box = await page.locator('.rl-cluster-svg').boundingBox();
    if (!box) throw new Error('no cluster');
    const y = box.y + box.height * 0.58;
    await page.mouse.move(box.x + 5, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, y, { steps: 5 });
    await page.mouse.move(box.x + box.width - 5, y, { steps: 5 });
    await page.mouse.up();
    expect(await page.locator('.rl-group-badge').allTextContents()).toEqual([
      'G1',
      'G1',
      'G2',
      'G2',
      'G1',
    ]);
    await page.keyboard.press('p');
    await expect.poll(() => page.locator('.rl-link-partition').count()).toBe(6);
    const side = (ep: number): number => (ep === 3 || ep === 4 ? 2 : 1);
    await page.keyboard.press(' ');
    const st0 = await labState(page);
    await waitForState(page, (x) => x.time > st0.time + 150, 'messages to be dropped');
    await page.keyboard.press(' ');
    await waitForState(page, (x) => !x.playing, 'the pause');
    const w = await diagramWindow(page);
    const dropped = (await reported(page, drawnRange(w))).filter((m) => m.status === 'dropped');
    expect(dropped.length).toBeGreaterThan(0);
    // Only messages across the cut are dropped (clients, negative, sit with no group).
    expect(dropped.every((m) => m.from < 0 || m.to < 0 || side(m.from) !== side(m.to))).toBe(true);
    expect(dropped.some((m) => m.dropReason === 'partition')).toBe(true);
    expect(await arrowIds(page, 'dropped')).toEqual(dropped.map((m) => m.id).sort((a, b) => a - b));
    expect(await page.locator('.rl-st-arrow[data-status="dropped"] .rl-st-drop').count()).toBe(
      dropped.length,
    );
    // A dropped arrow opens the inspector with when and why it was dropped, in Spanish.
    const droppedId = await clickArrow(page, '.rl-st-arrow[data-status="dropped"]');
    expect(droppedId).not.toBeNull();
    const d = dropped.find((m) => m.id === droppedId);
    if (d === undefined || d.endMs === null) throw new Error(`message ${droppedId} not reported`);
    await page.locator('.rl-message-past[data-status="dropped"]').waitFor();
    const facts = await inspectorFacts(page);
    expect(facts.Descartado).toBe(formatTime(d.endMs, 'es'));
    expect(facts.Enviado).toBe(formatTime(d.sentMs, 'es'));
    const why: Record<string, string> = {
      partition: 'partición o enlace cortado',
      loss: 'perdido por la red',
      crashed: 'el receptor estaba caído',
    };
    expect(facts.Motivo).toBe(why[d.dropReason ?? '']);
    expect(await page.locator('.rl-message-past .rl-badge').first().textContent()).toBe(
      '✕ descartado',
    );
    expect(await page.locator('.rl-message-past').getAttribute('aria-label')).toBe(
      `Mensaje ${droppedId}`,
    );
    await settle(page);
    await screenshot(page, 'spacetime-1024x768-es');

    // D goes back to the logs and again to the diagram.
    await page.keyboard.press('d');
    await expect.poll(() => page.locator('svg.rl-st-svg').count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('d');
    await expect.poll(() => page.locator('svg.rl-st-svg').count()).toBe(1);
    // On this short screen the diagram lies below the ring: D scrolls it into view.
    await expect
      .poll(async () => {
        const box = await page.locator('svg.rl-st-svg').boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height / 2 <= 768;
      })
      .toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('inspects a message that has arrived: type, route, term, fields, send and delivery (1440x900)', async () => {
    const { page } = await pausedWithDiagram(1440, 900, 'en');
    const w = await diagramWindow(page);
    const messages = await reported(page, w);
    expect(messages.filter((m) => m.status === 'delivered').length).toBeGreaterThan(2);
    const id = await clickArrow(page, '.rl-st-arrow[data-status="delivered"]');
    expect(id).not.toBeNull();
    const m = messages.find((x) => x.id === id);
    if (m === undefined || m.endMs === null) throw new Error(`message ${id} not reported`);
    // The same inspector as a message in flight, with what became of it.
    const panel = page.locator('.rl-message-past');
    await panel.waitFor();
    expect(await panel.getAttribute('aria-label')).toBe(`Message ${id}`);
    expect(await panel.getAttribute('data-status')).toBe('delivered');
    const name = (ep: number): string => (ep > 0 ? `S${ep}` : `C${-ep}`);
    const facts = await inspectorFacts(page);
    expect(facts.Route).toBe(`${name(m.from)} → ${name(m.to)}`);
    expect(facts.Term).toBe(m.term === null ? 'none' : String(m.term));
    expect(facts.Sent).toBe(formatTime(m.sentMs));
    expect(facts.Delivered).toBe(formatTime(m.endMs));
    expect(facts.Why).toBeUndefined();
    const title = await panel.locator('.rl-panel-title').textContent();
    expect(title).toMatch(new RegExp(`^#${id} `));
    if (m.type !== 'AppendEntries') expect(title).toContain(m.type);
    expect(await panel.locator('.rl-badge').first().textContent()).toBe('✓ delivered');
    // Its own fields: every message but a client's carries its term first.
    if (m.term !== null) expect(facts.term).toBe(String(m.term));
    expect(Object.keys(facts).length).toBeGreaterThan(5);
    // Nothing to drop: it is history.
    expect(await panel.locator('.rl-action-drop').count()).toBe(0);
    await settle(page);
    await screenshot(page, 'spacetime-past-1440x900-en');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('exports the window as SVG and the cluster as SVG and PNG', async () => {
    const { page } = await pausedWithDiagram(1440, 900, 'en');
    const w = await diagramWindow(page);
    const svgDownload = await download(page, () =>
      page.getByRole('button', { name: 'Export SVG' }).click(),
    );
    const name = svgDownload.suggestedFilename();
    const seed = /seed(\d+)-/.exec(name)?.[1];
    expect(name).toBe(
      `raft-lab-seed${seed}-${(w.fromMs / 1000).toFixed(3)}-${(w.toMs / 1000).toFixed(3)}s.svg`,
    );
    const text = await readFile((await svgDownload.path()) as string, 'utf8');
    expect(text).not.toContain('var(');
    // Parsed by the browser as a standalone XML document: no parser error, arrows and a title.
    const parsed = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        root: doc.documentElement.nodeName,
        title: doc.querySelector('title')?.textContent ?? '',
        arrows: doc.querySelectorAll('.rl-st-arrow').length,
      };
    }, text);
    expect(parsed.error).toBe(false);
    expect(parsed.root).toBe('svg');
    expect(parsed.title).toContain(`seed ${seed}`);
    expect(parsed.arrows).toBe((await reported(page, w)).length);

    const clusterSvg = await download(page, () =>
      page.getByRole('button', { name: 'SVG', exact: true }).click(),
    );
    expect(clusterSvg.suggestedFilename()).toMatch(
      /^raft-lab-seed\d+-\d+\.\d{3}-\d+\.\d{3}s\.svg$/,
    );
    const clusterText = await readFile((await clusterSvg.path()) as string, 'utf8');
    const clusterOk = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return doc.querySelector('parsererror') === null && doc.querySelectorAll('circle').length;
    }, clusterText);
    expect(clusterOk).toBeGreaterThanOrEqual(5);

    const png = await download(page, () =>
      page.getByRole('button', { name: 'PNG', exact: true }).click(),
    );
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = await readFile((await png.path()) as string);
    expect(bytes.length).toBeGreaterThan(1000);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // Twice the cluster's size: the PNG header holds the width at bytes 16–19.
    const box = await page.locator('.rl-cluster-svg').boundingBox();
    expect(bytes.readUInt32BE(16)).toBe(Math.round(box?.width ?? 0) * 2);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('fits a phone (390x844, pt)', async () => {
    const { page } = await pausedWithDiagram(390, 844, 'pt');
    const svgBox = await page.locator('svg.rl-st-svg').boundingBox();
    expect(svgBox?.width ?? 0).toBeGreaterThan(300);
    expect(svgBox?.width ?? 999).toBeLessThanOrEqual(390);
    await page.locator('svg.rl-st-svg').scrollIntoViewIfNeeded();
    await settle(page);
    await screenshot(page, 'spacetime-390x844-pt');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
