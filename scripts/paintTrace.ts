/**
 * Which regions an idle lab repaints: `npx tsx scripts/paintTrace.ts DIR [seconds]` serves a
 * `vite build` output on 127.0.0.1, opens the lab (5 servers, default speed) in headless Chromium,
 * waits for a leader and records a DevTools trace of the idle lab. Prints, per layer, the paints
 * per frame and the painted area, and the costliest timeline events per frame.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, serveFolder } from '../src/cli/staticSite.ts';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  args?: { data?: Record<string, unknown> };
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  const seconds = Number(process.argv[3] ?? 3);
  if (dir === undefined) throw new Error('usage: paintTrace.ts DIR [seconds]');
  const { server, url } = await serveFolder(dir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 } })
    ).newPage();
    await page.goto(`${url}?servers=5`);
    await page.waitForFunction(
      () => window.raftLab?.state().servers.some((s) => s.role === 'leader') === true,
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(1500);
    const cdp = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => {
      events.push(...(e.value as unknown as TraceEvent[]));
    });
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'disabled-by-default-devtools.timeline.invalidationTracking',
          'disabled-by-default-devtools.timeline.frame',
        ],
      },
    });
    await page.waitForTimeout(seconds * 1000);
    await cdp.send('Tracing.end');
    await done;
    const frames = events.filter(
      (e) => e.name === 'BeginMainThreadFrame' || e.name === 'BeginFrame',
    ).length;
    const main = events.filter((e) => e.name === 'FireAnimationFrame').length || 1;
    console.log(`animation frames: ${main} (BeginFrame-ish events ${frames})`);
    const byLayer = new Map<string, { n: number; area: number; ms: number; clips: Set<string> }>();
    for (const e of events) {
      if (e.name !== 'Paint' || e.ph !== 'X') continue;
      const d = e.args?.data ?? {};
      const clip = (d.clip as number[] | undefined) ?? [];
      const xs = clip.filter((_, i) => i % 2 === 0);
      const ys = clip.filter((_, i) => i % 2 === 1);
      const w = xs.length ? Math.max(...xs) - Math.min(...xs) : 0;
      const h = ys.length ? Math.max(...ys) - Math.min(...ys) : 0;
      const key = `layer ${String(d.layerId)} node ${String(d.nodeId)}`;
      const entry = byLayer.get(key) ?? { n: 0, area: 0, ms: 0, clips: new Set() };
      entry.n++;
      entry.area += w * h;
      entry.ms += (e.dur ?? 0) / 1000;
      entry.clips.add(`${Math.min(...xs)},${Math.min(...ys)} ${w}x${h}`);
      byLayer.set(key, entry);
    }
    for (const [k, v] of byLayer)
      console.log(
        `${k}: ${(v.n / main).toFixed(2)} paints/frame, ${(v.area / v.n).toFixed(0)} px² each, ${(v.ms / main).toFixed(2)} ms/frame; clips ${[...v.clips].slice(0, 4).join(' | ')}`,
      );
    const cost = new Map<string, number>();
    for (const e of events)
      if (e.ph === 'X' && e.dur) cost.set(e.name, (cost.get(e.name) ?? 0) + e.dur / 1000);
    console.log(
      [...cost]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 18)
        .map(([k, v]) => `${k} ${(v / main).toFixed(2)}`)
        .join('\n'),
    );
    const inval = new Map<string, number>();
    for (const e of events) {
      if (!e.name.includes('Invalidat')) continue;
      const d = e.args?.data ?? {};
      const k = `${e.name} ${String(d.nodeName ?? '')} ${String(d.reason ?? '')}`;
      inval.set(k, (inval.get(k) ?? 0) + 1);
    }
    console.log(
      [...inval]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 30)
        .map(([k, v]) => `${(v / main).toFixed(2)} ${k}`)
        .join('\n'),
    );
    // Paint nodes: name them via DOM.
  } finally {
    await browser.close();
    server.close();
  }
}

void main();
