/**
 * Frame cost of built labs, side by side: `npx tsx scripts/frameCost.ts old=/tmp/dist-a new=dist`.
 * Each dist directory (a `vite build` output) is served on 127.0.0.1 and measured in headless
 * Chromium (the browser tests' flags) in the same batch, one page at a time:
 *
 * - 100× with a client request every 100 virtual ms, on a fresh run and on a long one (a link
 *   opened at 1,000 virtual s, 10,000 entries per log, then played on);
 * - 1× with a request every 100 ms, 5 and 9 servers; idle at the default speed; paused.
 *
 * For each: frames per second, the 95th percentile of the interval between frames, and the
 * renderer's CPU in cores (CDP SystemInfo.getProcessInfo). Requests are the C key, sent from an
 * animation-frame loop at one per 100 ms of virtual time the lab advanced.
 * `--long-minutes=N` also plays the long run on to N virtual minutes and measures there.
 */
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, serveFolder } from '../src/cli/staticSite.ts';
import { Simulation } from '../src/core/sim.ts';
import { encodeLink } from '../src/scenarios/link.ts';
import { toRunSetup } from '../src/scenarios/schema.ts';
import { steadyWorkload } from '../src/scenarios/workload.ts';

interface Figures {
  taskMsPerFrame: number;
  scriptMsPerFrame: number;
  layoutMsPerFrame: number;
  styleMsPerFrame: number;
  layoutsPerFrame: number;
  domNodes: number;
  fps: number;
  p95FrameMs: number;
  cores: number;
  virtualSPerS: number;
  logLength: number;
}

// tsx names the functions it compiles with a `__name` helper the page lacks: a no-op one.
const COUNT = `
  window.__name = (f) => f;
  window.__rawRaf = window.requestAnimationFrame.bind(window);
`;

/** Renderer CPU seconds so far (every renderer process: one page is open at a time). */
async function rendererCpu(cdp: CDPSession): Promise<number> {
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; cpuTime: number }[];
  };
  return info.processInfo.filter((p) => p.type === 'renderer').reduce((a, p) => a + p.cpuTime, 0);
}

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** The functions with the most samples (self time), as "share% name file:line". */
function topSelf(profile: { nodes: ProfileNode[]; samples?: number[] }, n: number): string[] {
  const byNode = new Map<number, number>();
  for (const id of profile.samples ?? []) byNode.set(id, (byNode.get(id) ?? 0) + 1);
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = byNode.get(node.id) ?? 0;
    total += hits;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').at(-1) ?? ''}:${f.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
  }
  return [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((100 * v) / Math.max(1, total)).toFixed(1)}% ${k}`);
}

/** Inclusive samples per function (each counted once per stack), as "share% name file:line". */
function topInclusive(profile: { nodes: ProfileNode[]; samples?: number[] }, n: number): string[] {
  const hits = new Map<number, number>();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const inclusive = new Map<string, number>();
  const total = profile.samples?.length ?? 1;
  const keyOf = (node: ProfileNode): string => {
    const f = node.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').at(-1) ?? ''}:${f.lineNumber + 1}`;
  };
  const walk = (id: number, onStack: Set<string>): number => {
    const node = nodes.get(id);
    if (node === undefined) return 0;
    const key = keyOf(node);
    const fresh = !onStack.has(key);
    if (fresh) onStack.add(key);
    let sum = hits.get(id) ?? 0;
    for (const child of node.children ?? []) sum += walk(child, onStack);
    if (fresh) {
      onStack.delete(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + sum);
    }
    return sum;
  };
  const root = profile.nodes[0];
  if (root !== undefined) walk(root.id, new Set());
  return [...inclusive]
    .filter(([k]) => k.includes('.js:'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${((100 * v) / Math.max(1, total)).toFixed(1)}% ${k}`);
}

let profiling = false;
/** `--only=a,b`: the cases to run (short, long, 1x, idle); all without it. */
let only: string[] | null = null;
const wanted = (name: string): boolean => only === null || only.includes(name);

async function pageMetrics(session: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await session.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

async function measure(
  page: Page,
  cdp: CDPSession,
  ms: number,
  requestEveryVirtualMs: number | null,
): Promise<Figures> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const before = await pageMetrics(session);
  if (profiling) {
    await session.send('Profiler.enable');
    await session.send('Profiler.start');
  }
  const cpu0 = await rendererCpu(cdp);
  const t0 = Date.now();
  const inPage = await page.evaluate(
    async ([ms, every]) => {
      const w = window as unknown as { __rawRaf: typeof requestAnimationFrame };
      const lab = window.raftLab;
      if (!lab) throw new Error('no lab');
      const intervals: number[] = [];
      let last: number | null = null;
      let owed = 0;
      let lastVirtual = lab.displayTime();
      let stop = false;
      const v0 = lab.displayTime();
      const loop = (t: number): void => {
        if (last !== null) intervals.push(t - last);
        last = t;
        if (every !== null) {
          const v = lab.displayTime();
          owed += Math.max(0, v - lastVirtual);
          lastVirtual = v;
          // At most 100 a frame: a stalled page must not queue thousands of requests.
          for (let k = 0; owed >= every && k < 100; k++) {
            owed -= every;
            window.dispatchEvent(new KeyboardEvent('keydown', { key: 'c' }));
          }
        }
        if (!stop) w.__rawRaf(loop);
      };
      w.__rawRaf(loop);
      const start = performance.now();
      await new Promise((r) => setTimeout(r, ms));
      stop = true;
      const seconds = (performance.now() - start) / 1000;
      intervals.sort((a, b) => a - b);
      const state = lab.state();
      return {
        frames: intervals.length,
        seconds,
        p95: intervals[Math.floor(intervals.length * 0.95)] ?? 0,
        virtual: (lab.displayTime() - v0) / 1000 / seconds,
        log: state.servers[0]?.log.length ?? 0,
        driverFrames: lab.driverFrames(),
      };
    },
    [ms, requestEveryVirtualMs] as const,
  );
  const cpu1 = await rendererCpu(cdp);
  const wall = (Date.now() - t0) / 1000;
  const after = await pageMetrics(session);
  const perFrame = (key: string): number =>
    Math.round(
      (((after[key] ?? 0) - (before[key] ?? 0)) * 1000 * 100) / Math.max(1, inPage.frames),
    ) / 100;
  const breakdown = {
    taskMsPerFrame: perFrame('TaskDuration'),
    scriptMsPerFrame: perFrame('ScriptDuration'),
    layoutMsPerFrame: perFrame('LayoutDuration'),
    styleMsPerFrame: perFrame('RecalcStyleDuration'),
    layoutsPerFrame:
      Math.round(
        (((after['LayoutCount'] ?? 0) - (before['LayoutCount'] ?? 0)) * 100) /
          Math.max(1, inPage.frames),
      ) / 100,
    domNodes: after['Nodes'] ?? 0,
  };
  if (profiling) {
    const { profile } = (await session.send('Profiler.stop')) as {
      profile: { nodes: ProfileNode[]; samples?: number[] };
    };
    console.log('self:\n' + topSelf(profile, 25).join('\n'));
    console.log('inclusive:\n' + topInclusive(profile, 60).join('\n'));
  }
  await session.detach();
  return {
    ...breakdown,
    fps: Math.round((inPage.frames / inPage.seconds) * 10) / 10,
    p95FrameMs: Math.round(inPage.p95 * 10) / 10,
    cores: Math.round(((cpu1 - cpu0) / wall) * 100) / 100,
    virtualSPerS: Math.round(inPage.virtual * 10) / 10,
    logLength: inPage.log,
  };
}

/** Driver frames and renderer CPU while paused (no measuring loop of our own). */
async function measurePaused(page: Page, cdp: CDPSession, ms: number) {
  const f0 = await page.evaluate(() => window.raftLab?.driverFrames() ?? 0);
  const cpu0 = await rendererCpu(cdp);
  const t0 = Date.now();
  await page.waitForTimeout(ms);
  const cpu1 = await rendererCpu(cdp);
  const f1 = await page.evaluate(() => window.raftLab?.driverFrames() ?? 0);
  return {
    driverFrames: f1 - f0,
    cores: Math.round(((cpu1 - cpu0) / ((Date.now() - t0) / 1000)) * 1000) / 1000,
  };
}

async function open(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', String(e)));
  await page.addInitScript(COUNT);
  await page.goto(url);
  await page.waitForFunction(() => window.raftLab !== undefined, undefined, { timeout: 180_000 });
  return page;
}

async function waitLeader(page: Page): Promise<void> {
  await page.waitForFunction(
    () => window.raftLab?.state().servers.some((s) => s.role === 'leader') === true,
    undefined,
    { timeout: 30_000 },
  );
}

const LONG_MS = 1_000_000;

function longLink(base: string, speed = 100): string {
  const scenario = steadyWorkload(5, LONG_MS, 100);
  const sim = Simulation.create(toRunSetup(scenario));
  sim.runUntil(LONG_MS);
  return encodeLink(scenario, `${base}?speed=${speed}`, {
    timeMs: LONG_MS,
    steps: sim.state.steps,
  });
}

async function runAll(browser: Browser, cdp: CDPSession, base: string, longMinutes: number) {
  const out: Record<string, unknown> = {};
  const close = (p: Page) => p.context().close();

  let page: Page;
  if (wanted('short')) {
    page = await open(browser, `${base}?servers=5&speed=100`);
    await waitLeader(page);
    await page.waitForTimeout(1000);
    out['100x short, 5 servers'] = await measure(page, cdp, 5000, 100);
    await close(page);
  }

  if (wanted('long')) {
    page = await open(browser, longLink(base));
    await page.waitForFunction(() => (window.raftLab?.displayTime() ?? 0) >= 1_000_000, undefined, {
      timeout: 60_000,
      polling: 200,
    });
    await page.keyboard.press(' ');
    await page.waitForTimeout(1000);
    out['100x long (from 1,000 s), 5 servers'] = await measure(page, cdp, 5000, 100);
    if (longMinutes > 0) {
      const target = longMinutes * 60_000;
      const deadline = Date.now() + 180_000;
      while ((await page.evaluate(() => window.raftLab?.displayTime() ?? 0)) < target) {
        if (Date.now() > deadline) break;
        await measure(page, cdp, 2000, 100);
      }
      out[`100x long (at ${longMinutes} min), 5 servers`] = await measure(page, cdp, 5000, 100);
    }
    await close(page);
  }

  for (const servers of wanted('1x') ? [5, 9] : []) {
    page = await open(browser, `${base}?servers=${servers}&speed=1`);
    await waitLeader(page);
    await page.waitForTimeout(1000);
    out[`1x, ${servers} servers, request / 100 ms`] = await measure(page, cdp, 5000, 100);
    await close(page);
  }

  if (wanted('long1x')) {
    page = await open(browser, longLink(base, 1));
    await page.waitForFunction(() => (window.raftLab?.displayTime() ?? 0) >= 1_000_000, undefined, {
      timeout: 60_000,
      polling: 200,
    });
    await page.keyboard.press(' ');
    await page.waitForTimeout(1000);
    out['1x long (from 1,000 s), 5 servers, request / 100 ms'] = await measure(
      page,
      cdp,
      5000,
      100,
    );
    await close(page);
  }

  if (!wanted('idle')) return out;
  page = await open(browser, `${base}?servers=5`);
  await waitLeader(page);
  await page.waitForTimeout(1000);
  out['idle, default speed'] = await measure(page, cdp, 5000, null);
  await page.keyboard.press(' ');
  await page.waitForTimeout(500);
  out['paused'] = await measurePaused(page, cdp, 3000);
  await close(page);
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const longMinutes = Number(
    args.find((a) => a.startsWith('--long-minutes='))?.split('=')[1] ?? '0',
  );
  profiling = args.includes('--profile');
  const onlyArg = args.find((a) => a.startsWith('--only='));
  if (onlyArg !== undefined) only = onlyArg.slice('--only='.length).split(',');
  const dists = args.filter((a) => !a.startsWith('--')).map((a) => a.split('='));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const cdp = await browser.newBrowserCDPSession();
  const results: Record<string, unknown> = {};
  try {
    for (const [label, dir] of dists) {
      if (label === undefined || dir === undefined) throw new Error(`bad argument: ${label}`);
      const { server, url } = await serveFolder(dir);
      try {
        results[label] = await runAll(browser, cdp, url, longMinutes);
        console.log(label, JSON.stringify(results[label], null, 1));
      } finally {
        server.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(results));
}

await main();
