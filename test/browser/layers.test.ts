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
import { describe, expect, it } from 'vitest';
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

describe('composited layers while the lab plays', () => {
  it('does not make and drop large layers as messages come and go', async () => {
    const page = await openLab(browser, { viewport: { width: 1440, height: 900 } }, '?servers=5');
    await waitForState(page, (s) => leaderOf(s) !== null, 'a leader');
    await page.waitForTimeout(1000);
    const cdp = await page.context().newCDPSession(page);
    const seen = new Set<string>();
    let trees = 0;
    let first: Set<string> | null = null;
    const fresh = new Set<string>();
    cdp.on('LayerTree.layerTreeDidChange', (e: { layers?: CdpLayer[] }) => {
      if (e.layers === undefined) return;
      trees++;
      const big = e.layers.filter((l) => l.drawsContent && l.width * l.height >= BIG_PX2);
      if (first === null) first = new Set(big.map((l) => l.layerId));
      for (const l of big) {
        if (!first.has(l.layerId)) fresh.add(l.layerId);
        seen.add(l.layerId);
      }
    });
    await cdp.send('LayerTree.enable');
    // Messages must actually fly in the window, or the test would prove nothing.
    const flights = await page.evaluate(async () => {
      const ids = new Set<string>();
      const end = performance.now() + 4000;
      while (performance.now() < end) {
        for (const m of document.querySelectorAll('.rl-msg-box')) {
          if (m.getAnimations().length > 0)
            ids.add(m.querySelector('.rl-msg')?.getAttribute('data-message') ?? '?');
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      return ids.size;
    });
    await cdp.send('LayerTree.disable');
    await screenshot(page, 'layers-idle-1440');
    figures.flights = flights;
    figures.layerTrees = trees;
    figures.bigLayersMade = fresh.size;
    expect(flights).toBeGreaterThanOrEqual(5);
    expect(trees).toBeGreaterThanOrEqual(5);
    // The root, the cluster's SVG and the motion layers are there from the start; a new large
    // layer now and then (a popover, a resize) is fine, one per message is not.
    expect(fresh.size).toBeLessThanOrEqual(8);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
