/**
 * `npm run bench -- --browser`: how the built app runs in headless Chromium. Builds the app (or
 * takes `--dist` folders), serves each build on 127.0.0.1 with node:http, and for every run of
 * browserRuns() opens a fresh page at 1440x900, lets it settle, then measures over `--seconds`:
 * the frames in which the app ran an animation-frame callback, their intervals, and the CDP
 * Performance metrics (renderer CPU, main-thread script and style+layout time). Trials are taken
 * in turn (trial 1 of every run and build, then trial 2, …) so a change in the machine's load
 * falls on all alike. Then cold loads for first contentful paint and the gzipped JavaScript
 * fetched before it. The pure half (options, statistics, tables) is benchBrowserReport.ts.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import {
  BROWSER_BENCH_USAGE,
  browserRuns,
  buildName,
  figuresOf,
  firstPaintScripts,
  formatLoads,
  formatRuns,
  parseBrowserBenchArgs,
  type BrowserBenchOptions,
  type CdpTimes,
  type LoadResult,
  type RunResult,
  type RunSpec,
  type TrialFigures,
} from './benchBrowserReport.ts';
import type { CliIo } from './io.ts';
import { CHROMIUM_ARGS, serveFolder } from './staticSite.ts';
import { LAB_DRAWN_MARK } from '../services/marks.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** Gzipped size (level 9, as a static server would send it) of a file of a build. */
export async function gzippedBytes(dist: string, path: string): Promise<number> {
  return gzipSync(await readFile(join(dist, path)), { level: 9 }).length;
}

/** Serves a build folder on 127.0.0.1 (a free port); nothing outside the folder. */
export const serve = serveFolder;

/** The production build into a fresh temporary folder, as `npm run build` makes dist/. */
async function buildApp(io: CliIo): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'raft-lab-bench-'));
  io.stderr(`building the app into ${out} …\n`);
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    const { build } = await import('vite');
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'error',
      mode: 'production',
      build: { outDir: out, emptyOutDir: true },
    });
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
  return out;
}

/** Counts the frames in which the app runs an animation-frame callback (before the app loads). */
const FRAME_RECORDER = `
  window.__benchFrames = [];
  window.__benchRecording = false;
  const raf = window.requestAnimationFrame.bind(window);
  window.__benchRaf = raf;
  let last = -1;
  window.requestAnimationFrame = (cb) => raf((t) => {
    if (window.__benchRecording && t !== last) window.__benchFrames.push(t);
    last = t;
    cb(t);
  });
`;

async function cdpTimes(cdp: CDPSession): Promise<CdpTimes> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value;
  const process = get('ProcessTime');
  return {
    TaskDuration: get('TaskDuration') ?? 0,
    ScriptDuration: get('ScriptDuration') ?? 0,
    LayoutDuration: get('LayoutDuration') ?? 0,
    RecalcStyleDuration: get('RecalcStyleDuration') ?? 0,
    ...(process === undefined ? {} : { ProcessTime: process }),
  };
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function until(page: Page, test: string, what: string, timeoutMs: number): Promise<void> {
  try {
    await page.waitForFunction(test, undefined, { timeout: timeoutMs, polling: 100 });
  } catch {
    throw new Error(`the page did not reach ${what} within ${Math.round(timeoutMs / 1000)} s`);
  }
}

/**
 * The run's client load, as page script: the C key by wall time, or one press per `virtual` ms
 * of virtual time, sent in the frame that reaches it. (Text, not a function: tsx would add
 * helpers to a function that do not exist in the page.)
 */
export function loadScript(run: RunSpec): string {
  const wall = run.everyWallMs ?? null;
  const virtual = run.everyVirtualMs ?? null;
  return `(() => {
    const press = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'c' }));
    const wall = ${JSON.stringify(wall)};
    const virtual = ${JSON.stringify(virtual)};
    if (wall !== null) setInterval(press, wall);
    if (virtual === null) return;
    const lab = window.raftLab;
    let owed = lab.displayTime();
    let last = -1;
    const tick = () => {
      const now = lab.displayTime();
      for (let n = 0; owed + virtual <= now && n < 200; n++) {
        owed += virtual;
        press();
      }
      if (owed + virtual <= now) owed = now;
      // Paused (time stands still): look again later instead of asking for frames.
      if (now === last) setTimeout(tick, 100);
      else window.__benchRaf(tick);
      last = now;
    };
    window.__benchRaf(tick);
  })()`;
}

interface Prepared {
  page: Page;
  context: BrowserContext;
  cdp: CDPSession;
  errors: string[];
  /** Wall seconds it took to reach the run's virtual minutes, if it has any. */
  prepareSeconds: number | null;
}

/**
 * A page of the run, settled: a leader, paused if the run is, its load started and, for a long
 * run, played under that load to its virtual minutes.
 */
async function prepare(browser: Browser, url: string, run: RunSpec): Promise<Prepared> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(FRAME_RECORDER);
  await page.goto(url + run.query);
  await until(page, 'window.raftLab !== undefined', 'the lab', 30_000);
  await until(
    page,
    `window.raftLab.state().servers.some((s) => s.role === 'leader')`,
    'a leader',
    60_000,
  );
  for (const key of run.keys ?? []) await page.keyboard.press(key);
  if (run.waitFor !== undefined) await page.locator(run.waitFor).waitFor({ timeout: 30_000 });
  if (run.paused) {
    await page.keyboard.press(' ');
    await until(page, '!window.raftLab.state().playing', 'a pause', 10_000);
  }
  await page.evaluate(loadScript(run));
  let prepareSeconds: number | null = null;
  if (run.afterVirtualMs !== undefined) {
    const t0 = performance.now();
    // A busy machine may play far slower than asked: allow half a wall second per virtual one.
    await until(
      page,
      `window.raftLab.displayTime() >= ${run.afterVirtualMs}`,
      `${run.afterVirtualMs / 60_000} virtual minutes`,
      run.afterVirtualMs / 2 + 60_000,
    );
    prepareSeconds = (performance.now() - t0) / 1000;
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, context, cdp, errors, prepareSeconds };
}

/** Measures a prepared page over the trial's wall time, after the warm-up. */
async function measure(p: Prepared, options: BrowserBenchOptions): Promise<TrialFigures> {
  await sleep(options.warmupMs);
  const v0 = await p.page.evaluate<number>(
    'window.__benchFrames = []; window.__benchRecording = true; window.raftLab.displayTime()',
  );
  const before = await cdpTimes(p.cdp);
  const t0 = performance.now();
  await sleep(options.trialMs);
  const after = await cdpTimes(p.cdp);
  const wallMs = performance.now() - t0;
  const { frames, v1 } = await p.page.evaluate<{ frames: number[]; v1: number }>(
    '(window.__benchRecording = false, ({ frames: window.__benchFrames, v1: window.raftLab.displayTime() }))',
  );
  if (p.errors.length > 0) throw new Error(`the page failed: ${p.errors[0]}`);
  return figuresOf({ wallMs, frames, before, after, virtualMs: v1 - v0 });
}

/**
 * One trial of one run on one build. A short run gets a fresh page each trial; a long one (its
 * virtual minutes take a while to reach) keeps its page, paused between trials: a paused lab
 * runs no frame, so it does not weigh on the other runs' measurements.
 */
async function measureRun(
  browser: Browser,
  url: string,
  run: RunSpec,
  options: BrowserBenchOptions,
  kept: Map<string, Prepared>,
  io: CliIo,
): Promise<TrialFigures> {
  const key = `${url} ${run.id}`;
  if (run.afterVirtualMs === undefined) {
    const p = await prepare(browser, url, run);
    try {
      return await measure(p, options);
    } finally {
      await p.context.close();
    }
  }
  let p = kept.get(key);
  if (p === undefined) {
    p = await prepare(browser, url, run);
    kept.set(key, p);
    io.stderr(`${run.id}: reached in ${p.prepareSeconds?.toFixed(0) ?? '?'} s of wall time\n`);
  } else {
    await p.page.keyboard.press(' ');
    await until(p.page, 'window.raftLab.state().playing', 'playing again', 10_000);
  }
  try {
    return await measure(p, options);
  } finally {
    await p.page.keyboard.press(' ');
    await until(p.page, '!window.raftLab.state().playing', 'a pause', 10_000);
  }
}

const drawnMarkSet = `performance.getEntriesByName(${JSON.stringify(LAB_DRAWN_MARK)}).length > 0`;

/** Whether a build's first scripts set the lab-drawn mark (another app's build does not). */
export async function setsDrawnMark(dist: string): Promise<boolean> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  for (const path of firstPaintScripts(html)) {
    const text = await readFile(join(dist, path), 'utf8').catch(() => '');
    if (text.includes(LAB_DRAWN_MARK)) return true;
  }
  return false;
}

/**
 * One cold load (a fresh context: empty cache): first contentful paint, the lab's first frame
 * (`marks`: the build sets the mark), and the JS fetched before the first contentful paint.
 */
async function coldLoad(
  browser: Browser,
  url: string,
  dist: string,
  build: number,
  marks: boolean,
) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await until(
      page,
      `performance.getEntriesByName('first-contentful-paint').length > 0`,
      'a first contentful paint',
      30_000,
    );
    // The lab's own first frame, after the boot shell (a build that sets no mark: none).
    if (marks) await until(page, drawnMarkSet, 'the lab drawn', 30_000);
    // Every script whose fetch began before the first contentful paint.
    const seen = await page.evaluate<{
      fcp: number;
      drawn: number | null;
      scripts: string[];
    }>(`(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0].startTime;
      const mark = performance.getEntriesByName(${JSON.stringify(LAB_DRAWN_MARK)})[0];
      const drawn = mark === undefined ? null : mark.startTime;
      const scripts = performance
        .getEntriesByType('resource')
        .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime }))
        .filter((e) => e.path.endsWith('.js') && e.start <= fcp)
        .map((e) => e.path.replace(/^\\//, ''));
      return { fcp, drawn, scripts };
    })()`);
    let bytes = 0;
    for (const path of seen.scripts) bytes += await gzippedBytes(dist, path);
    const result: LoadResult = {
      build,
      fcpMs: seen.fcp,
      drawnMs: seen.drawn,
      jsGzipBytes: bytes,
      jsFiles: seen.scripts.length,
    };
    return result;
  } finally {
    await context.close();
  }
}

function checkDist(dist: string): string | null {
  if (!existsSync(dist) || !statSync(dist).isDirectory()) return `--dist: no such folder ${dist}`;
  if (!existsSync(join(dist, 'index.html'))) {
    return `--dist: ${dist} has no index.html (is it a build? try npm run build)`;
  }
  return null;
}

function describe(options: BrowserBenchOptions, dists: readonly string[], cpu: string): string {
  const lines = [
    `bench --browser: headless Chromium at 1440x900; each trial opens a fresh page, waits for a ` +
      `leader, ${options.warmupMs / 1000} s of warm-up, then measures over ` +
      `${options.trialMs / 1000} s (a run after virtual minutes plays to them under its load ` +
      `once, and its page is kept, paused between trials); ${options.trials} trials taken in ` +
      `turn for every run and build. Figures: median (lowest–highest).`,
    `frames/s counts frames in which the app ran an animation-frame callback; renderer CPU is ` +
      `the renderer's ${cpu} time per wall second; script and style+layout are main-thread ms ` +
      `per wall second (CDP Performance metrics).`,
    ...dists.map((d, i) => `build ${buildName(i, dists.length)}: ${d}`),
  ];
  return `${lines.join('\n')}\n\n`;
}

export async function runBrowserBench(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseBrowserBenchArgs(argv);
  if (!parsed.ok) {
    io.stderr(`bench --browser: ${parsed.error}\n`);
    return 2;
  }
  if (parsed.options === 'help') {
    io.stdout(BROWSER_BENCH_USAGE);
    return 0;
  }
  const options = parsed.options;
  if (!existsSync(options.chromium)) {
    io.stderr(
      `bench --browser: Chromium is missing at ${options.chromium}: install it ` +
        `(apt-get install chromium) or pass --chromium PATH\n`,
    );
    return 2;
  }
  for (const d of options.dists) {
    const error = checkDist(d);
    if (error !== null) {
      io.stderr(`bench --browser: ${error}\n`);
      return 2;
    }
  }
  const dists =
    options.dists.length > 0 ? options.dists.map((d) => resolve(d)) : [await buildApp(io)];
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: options.chromium,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const servers = await Promise.all(dists.map(serve));
  const kept = new Map<string, Prepared>();
  try {
    const runs = options.paintOnly ? [] : browserRuns(options.long);
    const results: RunResult[] = runs.flatMap((run) =>
      dists.map((_, build) => ({ run, build, trials: [] })),
    );
    let cpu = 'main-thread task';
    const failures: string[] = [];
    for (let trial = 1; trial <= options.trials; trial++) {
      for (const result of results) {
        const url = servers[result.build]?.url ?? '';
        const name = `${result.run.id} ${buildName(result.build, dists.length)}`;
        let figures: TrialFigures;
        try {
          figures = await measureRun(browser, url, result.run, options, kept, io);
        } catch (error) {
          const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
          failures.push(`trial ${trial} of ${name} failed: ${reason}`);
          io.stderr(`trial ${trial}/${options.trials} ${name}: failed: ${reason}\n`);
          continue;
        }
        if (figures.cpuSource === 'process') cpu = 'process CPU';
        result.trials.push(figures);
        io.stderr(
          `trial ${trial}/${options.trials} ${name}: ` +
            `${figures.fps.toFixed(1)} frames/s, ${figures.cpuCores.toFixed(2)} cores\n`,
        );
      }
    }
    const loads: LoadResult[] = [];
    const marks = await Promise.all(dists.map((d) => setsDrawnMark(d)));
    for (let n = 0; n < options.loads; n++) {
      for (let b = 0; b < dists.length; b++) {
        const url = servers[b]?.url ?? '';
        loads.push(await coldLoad(browser, url, dists[b] ?? '', b, marks[b] === true));
      }
    }
    io.stdout(describe(options, dists, cpu));
    const runTable = runs.length > 0 ? `${formatRuns(results, dists.length)}\n\n` : '';
    io.stdout(`${runTable}${formatLoads(loads, dists.length)}\n`);
    if (failures.length > 0) {
      io.stdout(`\n${failures.map((f) => `${f}\n`).join('')}`);
      return 1;
    }
    return 0;
  } finally {
    for (const p of kept.values()) await p.context.close().catch(() => {});
    await browser.close();
    await Promise.all(servers.map(({ server }) => new Promise((ok) => server.close(ok))));
  }
}

export { BROWSER_BENCH_USAGE };
