import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_PATH,
  browserRuns,
  figuresOf,
  firstPaintScripts,
  formatLoads,
  formatRuns,
  intervals,
  parseBrowserBenchArgs,
  percentile,
  type CdpTimes,
  type TrialFigures,
} from '../../src/cli/benchBrowserReport.ts';
import { loadScript } from '../../src/cli/benchBrowser.ts';
import { runBench } from '../../src/cli/benchCommand.ts';
import { captureIo, tempDir } from './helpers.ts';

function options(argv: string[]) {
  const parsed = parseBrowserBenchArgs(argv);
  if (!parsed.ok) throw new Error(parsed.error);
  if (parsed.options === 'help') throw new Error('help');
  return parsed.options;
}

function error(argv: string[]): string {
  const parsed = parseBrowserBenchArgs(argv);
  if (parsed.ok) throw new Error(`accepted ${argv.join(' ')}`);
  return parsed.error;
}

describe('bench --browser options', () => {
  it('has defaults: build it, 3 s, 3 trials, 2 s warm-up, 5 loads, Debian Chromium', () => {
    expect(options([])).toEqual({
      dists: [],
      trialMs: 3000,
      trials: 3,
      warmupMs: 2000,
      loads: 5,
      long: false,
      paintOnly: false,
      chromium: CHROMIUM_PATH,
    });
  });

  it('takes every option, --dist repeated to compare builds', () => {
    expect(
      options([
        '--dist',
        'a',
        '--dist=b',
        '--seconds',
        '1',
        '--trials=2',
        '--warmup',
        '0',
        '--loads',
        '7',
        '--long',
        '--paint',
        '--chromium',
        '/opt/chrome',
      ]),
    ).toEqual({
      dists: ['a', 'b'],
      trialMs: 1000,
      trials: 2,
      warmupMs: 0,
      loads: 7,
      long: true,
      paintOnly: true,
      chromium: '/opt/chrome',
    });
    expect(parseBrowserBenchArgs(['--help'])).toEqual({ ok: true, options: 'help' });
  });

  it('refuses bad flags with a clear message', () => {
    expect(error(['--fast'])).toBe('unknown option "--fast" (see --help)');
    expect(error(['--seconds', '0'])).toMatch(/--seconds: must be .* from 1 to 600 \(got "0"\)/);
    expect(error(['--trials', 'x'])).toMatch(/--trials: must be a count/);
    expect(error(['--loads'])).toBe('--loads needs a value');
    expect(error(['--long=1'])).toBe('--long takes no value');
    expect(error(['--dist', 'a', '--dist', 'a'])).toBe('--dist: a folder given twice');
    expect(error(['--dist='])).toBe('--dist: empty folder name');
    expect(error(['--chromium', 'a', '--chromium', 'b'])).toBe('--chromium given twice');
    expect(error(['dist'])).toMatch(/takes no arguments \(got "dist"/);
  });

  it('lists the runs of the issue, the 60-minute one only with --long', () => {
    expect(browserRuns(false).map((r) => r.id)).toEqual([
      '5-1x',
      '9-1x',
      'st-1x',
      'idle',
      'paused',
      '100x-10min',
    ]);
    expect(browserRuns(false).find((r) => r.id === 'st-1x')).toMatchObject({
      keys: ['d'],
      waitFor: 'svg.rl-st-svg',
      everyWallMs: 100,
    });
    const long = browserRuns(true);
    expect(long.map((r) => r.id).at(-1)).toBe('100x-60min');
    expect(long.at(-1)).toMatchObject({ everyVirtualMs: 100, afterVirtualMs: 3_600_000 });
    expect(long.find((r) => r.id === '9-1x')).toMatchObject({
      query: '?servers=9&speed=1',
      everyWallMs: 100,
    });
  });

  it('loads by virtual time with one press per 100 virtual ms, by wall time with setInterval', () => {
    const [fast] = browserRuns(false).filter((r) => r.id === '100x-10min');
    const [slow] = browserRuns(false).filter((r) => r.id === '5-1x');
    expect(loadScript(fast!)).toContain('const virtual = 100;');
    expect(loadScript(fast!)).toContain('const wall = null;');
    expect(loadScript(slow!)).toContain('const wall = 100;');
    // Page script: it must parse as JavaScript.
    expect(() => new Function(loadScript(fast!))).not.toThrow();
  });

  it('refuses a missing Chromium and a folder that is not a build, with exit code 2', async () => {
    const a = captureIo();
    expect(await runBench(['--browser', '--chromium', '/no/such/chromium'], a.io)).toBe(2);
    expect(a.out.stderr).toBe(
      'bench --browser: Chromium is missing at /no/such/chromium: install it (apt-get install chromium) or pass --chromium PATH\n',
    );
    const b = captureIo();
    const empty = tempDir();
    expect(await runBench(['--browser', '--chromium', '/bin/sh', '--dist', empty], b.io)).toBe(2);
    expect(b.out.stderr).toContain(`has no index.html (is it a build? try npm run build)`);
    const c = captureIo();
    expect(await runBench(['--browser', '--seconds', '-1'], c.io)).toBe(2);
    expect(c.out.stderr).toMatch(/^bench --browser: /);
    const d = captureIo();
    expect(await runBench(['--browser', '--help'], d.io)).toBe(0);
    expect(d.out.stdout).toContain('--dist DIR');
  });
});

const cdp = (task: number, script: number, layout: number, style: number, process?: number) =>
  ({
    TaskDuration: task,
    ScriptDuration: script,
    LayoutDuration: layout,
    RecalcStyleDuration: style,
    ...(process === undefined ? {} : { ProcessTime: process }),
  }) satisfies CdpTimes;

describe('bench --browser statistics', () => {
  it('takes the p95 by nearest rank and the intervals between frames', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile(values, 100)).toBe(20);
    expect(percentile([3, 1, 2, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([5], 95)).toBe(5);
    expect(percentile([], 95)).toBeNaN();
    expect(intervals([0, 16, 33, 50, 100])).toEqual([16, 17, 17, 50]);
  });

  it('turns a window into frames/s, intervals, CPU cores and main-thread ms per second', () => {
    const frames = Array.from({ length: 121 }, (_, i) => i * 16.5);
    const f = figuresOf({
      wallMs: 2000,
      frames,
      before: cdp(1, 0.5, 0.1, 0.1, 10),
      after: cdp(1.8, 1.1, 0.2, 0.3, 11.5),
      virtualMs: 200,
    });
    expect(f.fps).toBeCloseTo(60.5);
    expect(f.intervalMedianMs).toBeCloseTo(16.5);
    expect(f.intervalP95Ms).toBeCloseTo(16.5);
    expect(f.cpuCores).toBeCloseTo(0.75);
    expect(f.cpuSource).toBe('process');
    expect(f.scriptMsPerS).toBeCloseTo(300);
    expect(f.styleLayoutMsPerS).toBeCloseTo(150);
    expect(f.virtualPerWall).toBeCloseTo(0.1);
  });

  it('uses main-thread task time when the process time is not reported; no frames, no interval', () => {
    const f = figuresOf({
      wallMs: 1000,
      frames: [],
      before: cdp(1, 0, 0, 0),
      after: cdp(1.25, 0, 0, 0),
      virtualMs: 0,
    });
    expect(f.cpuCores).toBeCloseTo(0.25);
    expect(f.cpuSource).toBe('main thread');
    expect(f.fps).toBe(0);
    expect(f.intervalMedianMs).toBeNull();
    expect(f.intervalP95Ms).toBeNull();
  });
});

function figures(fps: number, extra: Partial<TrialFigures> = {}): TrialFigures {
  return {
    fps,
    intervalMedianMs: 1000 / fps,
    intervalP95Ms: 2000 / fps,
    cpuCores: 0.5,
    cpuSource: 'process',
    scriptMsPerS: 200,
    styleLayoutMsPerS: 50,
    virtualPerWall: 1,
    ...extra,
  };
}

describe('bench --browser tables', () => {
  const [run5, , , , paused] = browserRuns(false);

  it('prints medians with the spread (lowest–highest), one row per run and build', () => {
    const text = formatRuns(
      [
        { run: run5!, build: 0, trials: [figures(50), figures(60), figures(40)] },
        { run: run5!, build: 1, trials: [figures(20), figures(20), figures(20)] },
        {
          run: paused!,
          build: 0,
          trials: [figures(0, { intervalMedianMs: null, intervalP95Ms: null, cpuCores: 0 })],
        },
      ],
      2,
    );
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^run +build +frames\/s +interval median ms +interval p95 ms/);
    expect(lines[0]).toMatch(
      /renderer CPU cores +script ms\/s +style\+layout ms\/s +virtual s\/s$/,
    );
    expect(lines[1]).toMatch(/^-+ +-+ +-+/);
    expect(lines[2]).toMatch(
      /^5 servers, 1x, request\/100 ms +#1 +50\.0 \(40\.0–60\.0\) +20\.0 \(16\.7–25\.0\)/,
    );
    // All trials alike: the one figure, no spread.
    expect(lines[3]).toMatch(/ #2 +20\.0 +50\.0 +100\.0 +0\.50 +200 +50 +1\.0$/);
    expect(lines[4]).toMatch(/^5 servers, paused +#1 +0\.0 +– +– +0\.00 /);
    expect(lines).toHaveLength(5);
  });

  it('names a single build "this" and prints first paint per build', () => {
    const text = formatLoads(
      [
        { build: 0, fcpMs: 300, drawnMs: 420, jsGzipBytes: 150 * 1024, jsFiles: 2 },
        { build: 0, fcpMs: 200, drawnMs: 400, jsGzipBytes: 150 * 1024, jsFiles: 2 },
        { build: 0, fcpMs: 250, drawnMs: 500, jsGzipBytes: 150 * 1024, jsFiles: 2 },
      ],
      1,
    );
    const lines = text.split('\n');
    expect(lines[0]).toMatch(
      /^first paint +build +first contentful paint ms +lab drawn ms +JS before it, KB gzipped +files$/,
    );
    expect(lines[2]).toMatch(/^3 cold loads +this +250 \(200–300\) +420 \(400–500\) +150\.0 +2$/);
  });

  it('shows no lab-drawn figure for a build that sets no mark (another app beside ours)', () => {
    const text = formatLoads(
      [
        { build: 0, fcpMs: 190, drawnMs: null, jsGzipBytes: 50 * 1024, jsFiles: 8 },
        { build: 1, fcpMs: 150, drawnMs: 450, jsGzipBytes: 169 * 1024, jsFiles: 5 },
      ],
      2,
    );
    const lines = text.split('\n');
    expect(lines[2]).toMatch(/^1 cold load +#1 +190 +– +50\.0 +8$/);
    expect(lines[3]).toMatch(/^1 cold load +#2 +150 +450 +169\.0 +5$/);
  });
});

describe('firstPaintScripts', () => {
  it('reads the module entry and its preloads from index.html, not other scripts', () => {
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="./assets/index-AB12.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/react-CD34.js">
      <link rel="stylesheet" crossorigin href="./assets/index-EF56.css">
      <link rel="modulepreload" href="https://cdn.example/x.js">
      <script src="legacy.js"></script>
    </head><body><div id="root"></div></body></html>`;
    expect(firstPaintScripts(html)).toEqual(['assets/index-AB12.js', 'assets/react-CD34.js']);
    expect(firstPaintScripts('<p>no scripts</p>')).toEqual([]);
  });
});
