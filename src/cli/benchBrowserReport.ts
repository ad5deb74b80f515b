/**
 * The pure half of `npm run bench -- --browser` (benchBrowser.ts drives Chromium): its options,
 * the runs it measures, the statistics of one measurement window and the printed tables. Tested
 * without a browser (test/cli/benchBrowser.test.ts).
 */
import { parseOptions, shown } from './args.ts';
import { median, spread, type Spread } from './benchCommand.ts';

export { CHROMIUM_PATH } from './staticSite.ts';
import { CHROMIUM_PATH } from './staticSite.ts';

export const BROWSER_BENCH_USAGE = `usage: npm run bench -- --browser [--dist DIR]... [--seconds S] [--trials N] [--warmup S]
                                 [--loads N] [--long] [--paint] [--chromium PATH]

  Builds the app (or uses --dist), serves it on 127.0.0.1 and drives headless Chromium: frame
  rate, frame intervals, renderer CPU and main-thread time for each run, then first contentful
  paint over cold loads and the gzipped JavaScript loaded before it.

  --dist DIR      an existing build (a vite build's output folder) instead of building; repeat to
                  compare builds: their trials are taken in turn, in one batch
  --seconds S     wall seconds each figure is measured over, per trial (default 3)
  --trials N      trials per run and build, taken in turn; median and spread printed (default 3)
  --warmup S      wall seconds between the page being ready and the measurement (default 2)
  --loads N       cold page loads per build for first contentful paint (default 5)
  --long          also measure 100x after 60 virtual minutes (about 40 s more per trial)
  --paint         only the cold loads (first contentful paint), no runs
  --chromium PATH the browser to drive (default ${CHROMIUM_PATH})
`;

export interface BrowserBenchOptions {
  /** Builds to measure; empty: build the app into a temporary folder first. */
  dists: string[];
  trialMs: number;
  trials: number;
  warmupMs: number;
  loads: number;
  long: boolean;
  /** Only the cold loads, no runs. */
  paintOnly: boolean;
  chromium: string;
}

/** A run: what the page is opened with and what load it gets before and while measured. */
export interface RunSpec {
  id: string;
  label: string;
  query: string;
  /** A client request (the C key) every this many wall ms. */
  everyWallMs?: number;
  /** A client request every this many virtual ms (sent as virtual time passes, frame by frame). */
  everyVirtualMs?: number;
  /** Paused (Space) before the measurement. */
  paused?: boolean;
  /** Virtual ms the run must reach (under its load) before the warm-up. */
  afterVirtualMs?: number;
  /** Keys pressed once a leader is there (D: the space-time diagram in place of the logs). */
  keys?: readonly string[];
  /** A selector the page must show after those keys, before the load starts. */
  waitFor?: string;
}

const MINUTE = 60_000;

export function browserRuns(long: boolean): RunSpec[] {
  const after = (minutes: number): RunSpec => ({
    id: `100x-${minutes}min`,
    label: `5 servers, 100x, request/100 virtual ms, after ${minutes} virtual min`,
    query: '?servers=5&speed=100',
    everyVirtualMs: 100,
    afterVirtualMs: minutes * MINUTE,
  });
  return [
    {
      id: '5-1x',
      label: '5 servers, 1x, request/100 ms',
      query: '?servers=5&speed=1',
      everyWallMs: 100,
    },
    {
      id: '9-1x',
      label: '9 servers, 1x, request/100 ms',
      query: '?servers=9&speed=1',
      everyWallMs: 100,
    },
    {
      id: 'st-1x',
      label: '5 servers, 1x, request/100 ms, space-time diagram',
      query: '?servers=5&speed=1',
      everyWallMs: 100,
      keys: ['d'],
      waitFor: 'svg.rl-st-svg',
    },
    { id: 'idle', label: '5 servers, idle, default speed', query: '' },
    { id: 'paused', label: '5 servers, paused', query: '', paused: true },
    after(10),
    ...(long ? [after(60)] : []),
  ];
}

type Parsed = { ok: true; options: BrowserBenchOptions | 'help' } | { ok: false; error: string };

/** The options after `--browser` (which the caller removed). */
export function parseBrowserBenchArgs(argv: readonly string[]): Parsed {
  const parsed = parseOptions(argv, {
    help: { kind: 'flag' },
    dist: { kind: 'list', what: 'a folder' },
    seconds: { kind: 'int', min: 1, max: 600, what: 'a whole number of wall seconds' },
    trials: { kind: 'int', min: 1, max: 50, what: 'a count' },
    warmup: { kind: 'int', min: 0, max: 600, what: 'a whole number of wall seconds' },
    loads: { kind: 'int', min: 1, max: 50, what: 'a count' },
    long: { kind: 'flag' },
    paint: { kind: 'flag' },
    chromium: { kind: 'list', what: 'a path' },
  });
  if (!parsed.ok) return parsed;
  const { positionals, flags, ints, lists } = parsed.options;
  if (positionals.length > 0) {
    return {
      ok: false,
      error: `takes no arguments (got ${shown(positionals[0] ?? '')}; see --help)`,
    };
  }
  if (flags.has('help')) return { ok: true, options: 'help' };
  const dists = lists.get('dist') ?? [];
  for (const d of dists)
    if (d.trim() === '') return { ok: false, error: '--dist: empty folder name' };
  if (new Set(dists).size !== dists.length)
    return { ok: false, error: '--dist: a folder given twice' };
  const chromium = lists.get('chromium') ?? [CHROMIUM_PATH];
  if (chromium.length > 1) return { ok: false, error: '--chromium given twice' };
  if ((chromium[0] ?? '') === '') return { ok: false, error: '--chromium: empty path' };
  return {
    ok: true,
    options: {
      dists,
      trialMs: (ints.get('seconds') ?? 3) * 1000,
      trials: ints.get('trials') ?? 3,
      warmupMs: (ints.get('warmup') ?? 2) * 1000,
      loads: ints.get('loads') ?? 5,
      long: flags.has('long'),
      paintOnly: flags.has('paint'),
      chromium: chromium[0] ?? CHROMIUM_PATH,
    },
  };
}

/** The CDP Performance metrics the bench reads (seconds, cumulative since the page opened). */
export interface CdpTimes {
  TaskDuration: number;
  ScriptDuration: number;
  LayoutDuration: number;
  RecalcStyleDuration: number;
  /** CPU time of the renderer process, when Chromium reports it. */
  ProcessTime?: number;
}

/** What one measurement window saw, raw. */
export interface Window {
  wallMs: number;
  /** Timestamps (ms) of the frames in which the app ran an animation-frame callback. */
  frames: number[];
  before: CdpTimes;
  after: CdpTimes;
  virtualMs: number;
}

/** One trial's figures. Interval figures are null when fewer than two frames ran. */
export interface TrialFigures {
  fps: number;
  intervalMedianMs: number | null;
  intervalP95Ms: number | null;
  /** Renderer CPU in cores: process CPU time when reported, else main-thread task time. */
  cpuCores: number;
  cpuSource: 'process' | 'main thread';
  scriptMsPerS: number;
  styleLayoutMsPerS: number;
  virtualPerWall: number;
}

/** The p-th percentile (0–100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function intervals(frames: readonly number[]): number[] {
  return frames.slice(1).map((t, i) => t - (frames[i] as number));
}

export function figuresOf(w: Window): TrialFigures {
  const seconds = w.wallMs / 1000;
  const gaps = intervals(w.frames);
  const delta = (k: keyof CdpTimes): number => ((w.after[k] ?? 0) - (w.before[k] ?? 0)) * 1000;
  const hasProcess = w.before.ProcessTime !== undefined && w.after.ProcessTime !== undefined;
  const cpuMs = hasProcess ? delta('ProcessTime') : delta('TaskDuration');
  return {
    fps: w.frames.length / seconds,
    intervalMedianMs: gaps.length > 0 ? median(gaps) : null,
    intervalP95Ms: gaps.length > 0 ? percentile(gaps, 95) : null,
    cpuCores: cpuMs / w.wallMs,
    cpuSource: hasProcess ? 'process' : 'main thread',
    scriptMsPerS: delta('ScriptDuration') / seconds,
    styleLayoutMsPerS: (delta('RecalcStyleDuration') + delta('LayoutDuration')) / seconds,
    virtualPerWall: w.virtualMs / w.wallMs,
  };
}

/** A spread over the trials that have the figure; null when none has it. */
function spreadOf(values: readonly (number | null)[]): Spread | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return known.length === 0 ? null : spread(known);
}

function withSpread(s: Spread | null, digits: number): string {
  if (s === null) return '–';
  const f = (n: number) => n.toFixed(digits);
  return s.min === s.max ? `${f(s.median)}` : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (c: string, i: number) =>
    i <= 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0);
  const line = (cells: readonly string[]) => cells.map(pad).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const RUN_COLUMNS = [
  'run',
  'build',
  'frames/s',
  'interval median ms',
  'interval p95 ms',
  'renderer CPU cores',
  'script ms/s',
  'style+layout ms/s',
  'virtual s/s',
] as const;

export interface RunResult {
  run: RunSpec;
  /** Index into the builds. */
  build: number;
  trials: TrialFigures[];
}

/** The build's short name in the tables: its number when several are compared. */
export function buildName(index: number, builds: number): string {
  return builds > 1 ? `#${index + 1}` : 'this';
}

export function formatRuns(results: readonly RunResult[], builds: number): string {
  const rows = results.map((r) => {
    const get = (f: (t: TrialFigures) => number | null) => spreadOf(r.trials.map(f));
    return [
      r.run.label,
      buildName(r.build, builds),
      withSpread(
        get((t) => t.fps),
        1,
      ),
      withSpread(
        get((t) => t.intervalMedianMs),
        1,
      ),
      withSpread(
        get((t) => t.intervalP95Ms),
        1,
      ),
      withSpread(
        get((t) => t.cpuCores),
        2,
      ),
      withSpread(
        get((t) => t.scriptMsPerS),
        0,
      ),
      withSpread(
        get((t) => t.styleLayoutMsPerS),
        0,
      ),
      withSpread(
        get((t) => t.virtualPerWall),
        1,
      ),
    ];
  });
  return table(RUN_COLUMNS, rows);
}

/** One cold load: its first contentful paint and the scripts fetched before it. */
export interface LoadResult {
  build: number;
  fcpMs: number;
  /** When the lab's first frame was painted (the app's mark); null for a build without it. */
  drawnMs: number | null;
  /** Gzipped bytes of the JavaScript fetched before first contentful paint. */
  jsGzipBytes: number;
  jsFiles: number;
}

export const LOAD_COLUMNS = [
  'first paint',
  'build',
  'first contentful paint ms',
  'lab drawn ms',
  'JS before it, KB gzipped',
  'files',
] as const;

/** The lab-drawn figure of a build's loads: '–' where the build sets no mark (another app). */
function drawnCell(loads: readonly LoadResult[]): string {
  const drawn = loads.flatMap((l) => (l.drawnMs === null ? [] : [l.drawnMs]));
  return drawn.length === 0 ? '–' : withSpread(spreadOf(drawn), 0);
}

export function formatLoads(loads: readonly LoadResult[], builds: number): string {
  const rows: string[][] = [];
  for (let b = 0; b < builds; b++) {
    const mine = loads.filter((l) => l.build === b);
    if (mine.length === 0) continue;
    rows.push([
      `${mine.length} cold load${mine.length === 1 ? '' : 's'}`,
      buildName(b, builds),
      withSpread(spreadOf(mine.map((l) => l.fcpMs)), 0),
      drawnCell(mine),
      withSpread(spreadOf(mine.map((l) => l.jsGzipBytes / 1024)), 1),
      withSpread(spreadOf(mine.map((l) => l.jsFiles)), 0),
    ]);
  }
  return table(LOAD_COLUMNS, rows);
}

/**
 * The scripts an index.html loads before anything runs: its module entry and the chunks it
 * preloads (the entry's static imports), as paths relative to the build folder.
 */
export function firstPaintScripts(html: string): string[] {
  const found: string[] = [];
  const tag = /<(script|link)\b[^>]*>/gi;
  for (const [whole, name] of html.matchAll(tag)) {
    const attr = (a: string) => new RegExp(`\\s${a}\\s*=\\s*"([^"]*)"`, 'i').exec(whole)?.[1];
    const isScript = name?.toLowerCase() === 'script' && attr('type') === 'module';
    const isPreload = name?.toLowerCase() === 'link' && attr('rel') === 'modulepreload';
    const url = isScript ? attr('src') : isPreload ? attr('href') : undefined;
    if (url !== undefined && !/^[a-z]+:/i.test(url)) found.push(url.replace(/^\.?\//, ''));
  }
  return [...new Set(found)];
}
