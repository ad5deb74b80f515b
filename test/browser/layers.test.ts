/**
 * While the lab plays, messages in flight glide as Web Animations of their transform. The
 * browser cannot know where an animated part will be, so unless a clip bounds it, it assumes the
 * part may cover anything painted after it and gives each such thing (the details, the feed, the
 * logs, the stage's tools) a composited layer of its own, only while some message is animated.
 * Messages come and go several times a second, so large layers were made, rastered and merged
 * back again and again: at the default speed about a dozen layers over 100,000 px² a second. The
 * motion layers are clipped to the cluster's box (app.css, `.rl-cluster-motion`), as the SVG
 * under them is, and the layers stay put. Watched through the DevTools layer tree; the code
 * before made 40 to 60 such layers in this window.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { requestLoadScript } from '../../src/cli/staticSite.ts';
import {
  leaderOf,
  openLab,
  pageErrors,
  recordMeasurements,
  screenshot,
  useBrowser,
  waitForState,
} from './harness.ts';

const browser = useBrowser();
const figures = recordMeasurements('layers', 'composited layers');

interface CdpLayer {
  layerId: string;
  width: number;
  height: number;
  drawsContent: boolean;
}

const BIG_PX2 = 100_000;

/** Large layers (ids) that appear in the layer tree over `ms` after the first tree seen. */
async function bigLayersMade(
  page: Page,
  ms: number,
): Promise<{ made: number; trees: number; flights: number }> {
  const cdp = await page.context().newCDPSession(page);
  let trees = 0;
  let first: Set<string> | null = null;
  const fresh = new Set<string>();
  cdp.on('LayerTree.layerTreeDidChange', (e: { layers?: CdpLayer[] }) => {
    if (e.layers === undefined) return;
    trees++;
    const big = e.layers.filter((l) => l.drawsContent && l.width * l.height >= BIG_PX2);
    if (first === null) first = new Set(big.map((l) => l.layerId));
    for (const l of big) if (!first.has(l.layerId)) fresh.add(l.layerId);
  });
  await cdp.send('LayerTree.enable');
  // Messages must actually fly in the window, or the test would prove nothing.
  const flights = await page.evaluate(async (ms) => {
    const ids = new Set<string>();
    const end = performance.now() + ms;
    while (performance.now() < end) {
      for (const m of document.querySelectorAll('.rl-msg-box'))
        ids.add(m.querySelector('.rl-msg')?.getAttribute('data-message') ?? '?');
      await new Promise((r) => setTimeout(r, 20));
    }
    return ids.size;
  }, ms);
  await cdp.send('LayerTree.disable');
  await cdp.detach();
  return { made: fresh.size, trees, flights };
}

const REQUESTS = requestLoadScript(100);

describe('composited layers while the lab plays', () => {
  it('does not make and drop large layers as messages come and go', async () => {
    const page = await openLab(browser, { viewport: { width: 1440, height: 900 } }, '?servers=5');
    await waitForState(page, (s) => leaderOf(s) !== null, 'a leader');
    await page.waitForTimeout(1000);
    const seen = await bigLayersMade(page, 4000);
    await screenshot(page, 'layers-idle-1440');
    figures.idle = seen;
    expect(seen.flights).toBeGreaterThanOrEqual(5);
    expect(seen.trees).toBeGreaterThanOrEqual(5);
    // The root, the cluster's SVG and the motion layers are there from the start; a new large
    // layer now and then (a popover, a resize) is fine, one per message is not.
    expect(seen.made).toBeLessThanOrEqual(8);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it.each([
    [1440, 900],
    [1024, 768],
  ])('keeps the panels in their layers at 1x under requests (%ix%i)', async (width, height) => {
    const page = await openLab(browser, { viewport: { width, height } }, '?servers=5&speed=1');
    await waitForState(page, (s) => leaderOf(s) !== null, 'a leader');
    await page.evaluate(REQUESTS);
    await waitForState(page, (s) => s.servers.some((v) => v.log.length >= 5), 'some entries');
    const seen = await bigLayersMade(page, 4000);
    await screenshot(page, `layers-1x-${width}`);
    figures[`requests${width}`] = seen;
    expect(seen.flights).toBeGreaterThanOrEqual(20);
    // The code before merged the logs (1440x900), or the details and the feed (1024x768), into
    // another layer and took them out again: 18 to 37, and about 90, large layers made here.
    expect(seen.made).toBeLessThanOrEqual(8);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
