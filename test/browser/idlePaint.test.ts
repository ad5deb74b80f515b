/**
 * The idle lab (5 servers, default speed) must not paint the timeline's marks again every frame:
 * its playhead and the band of the running term are composited layers moved or stretched by a
 * transform, so while the lab plays the marks' SVG stays as it was. Counted two ways over the same
 * frames: DOM changes inside the SVG (a MutationObserver), and the invalidations of its nodes that
 * Chromium records in a DevTools trace (what makes it restyle, re-lay out and repaint them).
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { leaderOf, openLab, screenshot, useBrowser, waitForState } from './harness.ts';

const browser = useBrowser();

interface TraceEvent {
  name: string;
  args?: { data?: { nodeId?: number } };
}

/** Backend ids of the timeline SVG and everything in it. */
async function svgNodes(cdp: CDPSession): Promise<Set<number>> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
    nodeId: root.nodeId,
    selector: '.rl-timeline-svg, .rl-timeline-svg *',
  });
  const ids = new Set<number>();
  for (const nodeId of nodeIds) {
    const { node } = await cdp.send('DOM.describeNode', { nodeId });
    ids.add(node.backendNodeId);
  }
  return ids;
}

/**
 * Frames run, frames in which the SVG changed, and the playhead's distinct positions, watched
 * for at least `ms` and until 30 frames ran (a loaded machine draws fewer a second), at most 15 s.
 */
function watch(page: Page, ms: number) {
  return page.evaluate(async (ms) => {
    const w = window as unknown as { __rawRaf: typeof requestAnimationFrame };
    const svg = document.querySelector('.rl-timeline-svg');
    const head = document.querySelector('.rl-tl-playhead');
    if (svg === null || head === null) throw new Error('no timeline');
    let changed = 0;
    const observer = new MutationObserver((list) => (changed += list.length));
    observer.observe(svg, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    let frames = 0;
    let framesChanged = 0;
    const positions = new Set<string>();
    let stop = false;
    const loop = (): void => {
      frames++;
      changed += observer.takeRecords().length;
      if (changed > 0) framesChanged++;
      changed = 0;
      positions.add(head.getBoundingClientRect().left.toFixed(2));
      if (!stop) w.__rawRaf(loop);
    };
    w.__rawRaf(loop);
    const start = performance.now();
    await new Promise((r) => setTimeout(r, ms));
    while (frames < 30 && performance.now() - start < 15_000) {
      await new Promise((r) => setTimeout(r, 250));
    }
    stop = true;
    observer.disconnect();
    return { frames, framesChanged, positions: positions.size };
  }, ms);
}

describe('idle lab paint', () => {
  it("does not touch the timeline's SVG while only the playhead and the open band move", async () => {
    const page = await openLab(browser, { viewport: { width: 1440, height: 900 } }, '?servers=5');
    await waitForState(page, (s) => leaderOf(s) !== null, 'a leader');
    // The first term's marks are in; what follows is heartbeats only.
    await page.waitForTimeout(1000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    const nodes = await svgNodes(cdp);
    expect(nodes.size).toBeGreaterThan(3);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => {
      events.push(...(e.value as unknown as TraceEvent[]));
    });
    const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline.invalidationTracking',
        ],
      },
    });
    const seen = await watch(page, 2500);
    await cdp.send('Tracing.end');
    await complete;
    const invalidations = events.filter(
      (e) =>
        e.name.endsWith('InvalidationTracking') &&
        e.args?.data?.nodeId !== undefined &&
        nodes.has(e.args.data.nodeId),
    ).length;
    await screenshot(page, 'idle-paint-1440');
    await page.context().close();
    console.log('idle paint', JSON.stringify({ ...seen, invalidations }));
    // The lab played and its playhead moved (a loaded machine still runs some frames).
    expect(seen.frames).toBeGreaterThanOrEqual(20);
    expect(seen.positions).toBeGreaterThanOrEqual(10);
    // The SVG changes only when a mark is added or the axis grows: at most a few frames.
    expect(seen.framesChanged).toBeLessThanOrEqual(Math.max(3, seen.frames / 10));
    expect(invalidations / seen.frames).toBeLessThan(0.2);
  });
});
