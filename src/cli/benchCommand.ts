/**
 * `npm run bench`: how fast the core runs (our design notes ("The command line")). For each cluster size
 * under a steady load (a client request every 100 ms, invariants checked after every event, as
 * always): virtual seconds and events per wall second, the cost and size of a checkpoint, and the
 * cost of a seek (restore a checkpoint, run 1 s forward).
 *
 * A figure from a run of a fraction of a second swings several times over from one invocation to
 * the next (JIT, garbage collection, a busy machine). So each figure is measured over at least
 * `--seconds` of wall time (simulations of `--run` virtual seconds, repeated) after a warm-up,
 * in `--trials` trials taken in turn for every cluster size, and printed as the median with its
 * spread (lowest–highest). Ratios between cluster sizes are taken trial by trial, side by side.
 */
import { Simulation } from '../core/index.ts';
import type { RunSetup, SimState } from '../core/index.ts';
import { toRunSetup } from '../scenarios/schema.ts';
import { steadyWorkload } from '../scenarios/workload.ts';
import { parseOptions, shown } from './args.ts';
import {
  formatProfileSplit,
  formatRecorderTable,
  measureRecorder,
  profileRecorder,
} from './benchRecorder.ts';
import type { CliIo } from './io.ts';
import { runBrowserBench } from './benchBrowser.ts';
import { runInstructionBench } from './benchInstructions.ts';

export const BENCH_USAGE = `usage: npm run bench -- [--seconds S] [--trials N] [--warmup S] [--run V] [--servers K]...

  --seconds S   wall seconds each figure is measured over, per trial (default 3)
  --trials N    trials per figure, taken in turn for every cluster size; the median and the
                spread (lowest–highest) are printed (default 5)
  --warmup S    wall seconds of warm-up per cluster size before the first trial (default 2)
  --run V       virtual seconds per simulation; simulations repeat until --seconds is reached
                (default 60)
  --servers K   a cluster size to measure, from 1 to 9; repeat for several (default 5 and 9)
  --recorder    measure recording for time travel instead: the same run on the bare core and
                through the lab's recorder, its extra cost, the cost of its first and last
                virtual minute, its heap and seek latency (median, p95), on the first --servers
  --minutes M   a run length for --recorder, in virtual minutes; repeat (default 1, 10 and 60);
                with --recorder, --trials runs each length that many times, the core and the
                recorder in turn, and prints medians (default 1)
  --split       with --recorder, also profiles one recorded run of each length and prints the
                recorder's own CPU time as a share of the core's (steadier than the extra cost)
  --browser     measure the built app in headless Chromium instead (frame rate, CPU, first
                paint): see npm run bench -- --browser --help
  --instructions  count the instructions of the core and the recorder under Valgrind instead
                (steady on a busy machine): see npm run bench -- --instructions --help
`;

export const DEFAULT_SERVERS = [5, 9] as const;
const SEEK_MS = 1_000;
const CHECKPOINT_REPS = 20;
const SEEK_REPS = 5;

type Clock = () => number;

/**
 * Milliseconds of CPU time this process has used (user and system). Unlike wall time, the time
 * other processes take on a busy machine does not count.
 */
export function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Run lengths of `--recorder`, in virtual minutes. */
export const RECORDER_MINUTES = [1, 10, 60] as const;

export interface BenchOptions {
  /** `--recorder`: measure recording at these run lengths (virtual minutes) instead; null: no. */
  recorder: readonly number[] | null;
  /** `--recorder`'s trials per length (its own default: 1, as each 60-minute run is long). */
  recorderTrials: number;
  /** `--split`: with `--recorder`, also profile one recorded run per length. */
  recorderSplit?: boolean;
  servers: readonly number[];
  /** Wall milliseconds each trial runs simulations for (at least). */
  trialMs: number;
  trials: number;
  /** Wall milliseconds of warm-up per cluster size. */
  warmupMs: number;
  /** Virtual milliseconds per simulation. */
  runMs: number;
}

/** One trial for one cluster size: simulations repeated until the wall time is reached. */
export interface Trial {
  servers: number;
  runs: number;
  virtualMs: number;
  wallMs: number;
  /** CPU time of this process while running them. */
  cpuMs: number;
  events: number;
  checkpointMs: number;
  checkpointKb: number;
  seekMs: number;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface BenchRow {
  servers: number;
  trials: number;
  /** Simulations per trial (median) and wall seconds per trial (median). */
  runs: number;
  wallSeconds: number;
  virtualPerWall: Spread;
  virtualPerCpu: Spread;
  eventsPerSecond: Spread;
  checkpointMs: Spread;
  checkpointKb: number;
  seekMs: Spread;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function spread(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

function timed(clock: Clock, work: () => void): number {
  const start = clock();
  work();
  return clock() - start;
}

/** The bench's workload for a cluster size, `runMs` long. */
export function benchSetup(servers: number, runMs: number): RunSetup {
  return toRunSetup(steadyWorkload(servers, runMs));
}

/**
 * Runs fresh simulations of `runMs` virtual ms until `minWallMs` of wall time went into running
 * them (only `runUntil` is timed, not building the simulation), then times a checkpoint of the last
 * one and a seek from it.
 */
export function measureTrial(
  setup: RunSetup,
  runMs: number,
  minWallMs: number,
  clock: Clock,
  cpuClock: Clock = processCpuMs,
): Trial {
  let runs = 0;
  let wallMs = 0;
  let cpuMs = 0;
  let events = 0;
  let sim: Simulation;
  do {
    sim = Simulation.create(setup);
    const before = sim.state.trace.events;
    const run = sim;
    const cpuStart = cpuClock();
    wallMs += timed(clock, () => run.runUntil(runMs));
    cpuMs += cpuClock() - cpuStart;
    events += sim.state.trace.events - before;
    runs += 1;
  } while (wallMs < minWallMs);
  let state: SimState = sim.checkpoint();
  const checkpoints = Array.from({ length: CHECKPOINT_REPS }, () =>
    timed(clock, () => (state = sim.checkpoint())),
  );
  const seeks = Array.from({ length: SEEK_REPS }, () =>
    timed(clock, () => Simulation.fromState(state).runUntil(state.now + SEEK_MS)),
  );
  return {
    servers: setup.config.servers,
    runs,
    virtualMs: runs * runMs,
    wallMs,
    cpuMs,
    events,
    checkpointMs: median(checkpoints),
    checkpointKb: JSON.stringify(state).length / 1024,
    seekMs: median(seeks),
  };
}

export const virtualPerWall = (t: Trial): number => t.virtualMs / t.wallMs;
export const virtualPerCpu = (t: Trial): number => t.virtualMs / t.cpuMs;
export const eventsPerSecond = (t: Trial): number => (t.events * 1000) / t.wallMs;

export function summarize(trials: readonly Trial[]): BenchRow {
  const first = trials[0];
  if (first === undefined) throw new RangeError('no trials');
  return {
    servers: first.servers,
    trials: trials.length,
    runs: median(trials.map((t) => t.runs)),
    wallSeconds: median(trials.map((t) => t.wallMs / 1000)),
    virtualPerWall: spread(trials.map(virtualPerWall)),
    virtualPerCpu: spread(trials.map(virtualPerCpu)),
    eventsPerSecond: spread(trials.map(eventsPerSecond)),
    checkpointMs: spread(trials.map((t) => t.checkpointMs)),
    checkpointKb: median(trials.map((t) => t.checkpointKb)),
    seekMs: spread(trials.map((t) => t.seekMs)),
  };
}

/**
 * Every trial of every cluster size: the warm-up first (one unrecorded trial per size), then
 * trial 1 of each size, trial 2 of each size, … so a change in the machine's load falls on every
 * size alike. `progress` hears each finished round.
 */
export function measureAll(
  options: BenchOptions,
  clock: Clock,
  progress: (round: number, trials: readonly Trial[]) => void = () => {},
  cpuClock: Clock = processCpuMs,
): Trial[][] {
  const setups = options.servers.map((n) => benchSetup(n, options.runMs));
  const trial = (setup: RunSetup, ms: number) =>
    measureTrial(setup, options.runMs, ms, clock, cpuClock);
  for (const setup of setups) trial(setup, options.warmupMs);
  const bySize: Trial[][] = setups.map(() => []);
  for (let round = 1; round <= options.trials; round++) {
    const done = setups.map((setup) => trial(setup, options.trialMs));
    done.forEach((t, i) => bySize[i]?.push(t));
    progress(round, done);
  }
  return bySize;
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const ms = (n: number): string => n.toFixed(2);

function withSpread(s: Spread, show: (n: number) => string): string {
  return `${show(s.median)} (${show(s.min)}–${show(s.max)})`;
}

/** How far apart the trials are: (highest − lowest) / median. */
function spreadPercent(s: Spread): string {
  return `${Math.round(((s.max - s.min) / s.median) * 100)}%`;
}

const COLUMNS: [string, (r: BenchRow) => string][] = [
  ['servers', (r) => String(r.servers)],
  ['virtual s/s', (r) => withSpread(r.virtualPerWall, int)],
  ['spread', (r) => spreadPercent(r.virtualPerWall)],
  ['virtual s/CPU s', (r) => withSpread(r.virtualPerCpu, int)],
  ['spread ', (r) => spreadPercent(r.virtualPerCpu)],
  ['events/s', (r) => withSpread(r.eventsPerSecond, int)],
  ['checkpoint ms', (r) => withSpread(r.checkpointMs, ms)],
  ['checkpoint KB', (r) => r.checkpointKb.toFixed(1)],
  [`restore+seek ${SEEK_MS / 1000} s ms`, (r) => withSpread(r.seekMs, ms)],
];

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (c: string, i: number) =>
    i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0);
  const line = (cells: string[]) => cells.map(pad).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function ratioOf(values: readonly number[]): string {
  const s = spread(values);
  const x = (n: number) => `${n.toFixed(2)}x`;
  return `${x(s.median)} (${x(s.min)}–${x(s.max)})`;
}

/**
 * The main table (medians, lowest–highest in brackets), then each metric of one cluster size
 * against the previous one, as the median of the trial-by-trial ratios.
 */
export function formatBench(bySize: readonly (readonly Trial[])[]): string {
  const rows = bySize.map(summarize);
  const main = table(
    COLUMNS.map(([h]) => h),
    rows.map((r) => COLUMNS.map(([, cell]) => cell(r))),
  );
  if (bySize.length < 2) return `${main}\n`;
  const pairs = bySize.slice(1).map((b, i) => [b, bySize[i] as readonly Trial[]] as const);
  const metrics: [string, (t: Trial) => number][] = [
    ['virtual s/s', virtualPerWall],
    ['virtual s/CPU s', virtualPerCpu],
    ['events/s', eventsPerSecond],
    ['checkpoint ms', (t) => t.checkpointMs],
    ['checkpoint KB', (t) => t.checkpointKb],
    ['restore+seek ms', (t) => t.seekMs],
  ];
  const ratios = table(
    [
      'ratio, trial by trial',
      ...pairs.map(([b, a]) => `${b[0]?.servers ?? '?'} vs ${a[0]?.servers ?? '?'}`),
    ],
    metrics.map(([name, get]) => [
      name,
      ...pairs.map(([b, a]) =>
        ratioOf(b.map((t, k) => get(t) / get(a[k] as Trial)).filter(Number.isFinite)),
      ),
    ]),
  );
  return `${main}\n\n${ratios}\n`;
}

function listed(values: readonly number[]): string {
  const last = values[values.length - 1];
  return values.length < 2 ? String(last) : `${values.slice(0, -1).join(', ')} and ${last}`;
}

function describe(options: BenchOptions): string {
  const secs = (n: number) => `${n / 1000} s`;
  return (
    `bench: ${listed(options.servers)} servers, a client request every 100 ms, invariants ` +
    `checked after every event. Each trial repeats ${secs(options.runMs)} (virtual) simulations ` +
    `for at least ${secs(options.trialMs)} of wall time, after ${secs(options.warmupMs)} of ` +
    `warm-up per size; ${options.trials} trials taken in turn for every size. Figures: median ` +
    `(lowest–highest); spread = (highest − lowest) / median. Virtual s per wall s is what a ` +
    `user waits; virtual s per CPU s (this process's CPU time) moves less when other ` +
    `processes share the machine.\n\n`
  );
}

type Parsed = { ok: true; options: BenchOptions | 'help' } | { ok: false; error: string };

export function parseBenchArgs(argv: readonly string[]): Parsed {
  const parsed = parseOptions(argv, {
    help: { kind: 'flag' },
    seconds: { kind: 'int', min: 1, max: 600, what: 'a whole number of wall seconds' },
    trials: { kind: 'int', min: 1, max: 100, what: 'a count' },
    warmup: { kind: 'int', min: 0, max: 600, what: 'a whole number of wall seconds' },
    run: { kind: 'int', min: 1, max: 1_000, what: 'a whole number of virtual seconds' },
    servers: { kind: 'list', what: 'a cluster size' },
    recorder: { kind: 'flag' },
    minutes: { kind: 'list', what: 'a run length in virtual minutes' },
    split: { kind: 'flag' },
  });
  if (!parsed.ok) return parsed;
  const { positionals, flags, ints, lists } = parsed.options;
  if (positionals.length > 0) return { ok: false, error: 'takes no arguments (see --help)' };
  if (flags.has('help')) return { ok: true, options: 'help' };
  const servers: number[] = [];
  for (const raw of lists.get('servers') ?? DEFAULT_SERVERS.map(String)) {
    const n = Number(raw);
    if (!/^[0-9]$/.test(raw) || n < 1) {
      return {
        ok: false,
        error: `--servers: must be a cluster size from 1 to 9 (got ${shown(raw)})`,
      };
    }
    if (servers.includes(n)) return { ok: false, error: `--servers: ${n} given twice` };
    servers.push(n);
  }
  const minutes: number[] = [];
  for (const raw of lists.get('minutes') ?? RECORDER_MINUTES.map(String)) {
    const n = Number(raw);
    if (!/^[0-9]+$/.test(raw) || n < 1 || n > 240) {
      return {
        ok: false,
        error: `--minutes: must be from 1 to 240 virtual minutes (got ${shown(raw)})`,
      };
    }
    minutes.push(n);
  }
  if (lists.has('minutes') && !flags.has('recorder')) {
    return { ok: false, error: '--minutes is for --recorder' };
  }
  if (flags.has('split') && !flags.has('recorder')) {
    return { ok: false, error: '--split is for --recorder' };
  }
  return {
    ok: true,
    options: {
      recorder: flags.has('recorder') ? minutes : null,
      recorderTrials: ints.get('trials') ?? 1,
      ...(flags.has('split') ? { recorderSplit: true } : {}),
      servers,
      trialMs: (ints.get('seconds') ?? 3) * 1000,
      trials: ints.get('trials') ?? 5,
      warmupMs: (ints.get('warmup') ?? 2) * 1000,
      runMs: (ints.get('run') ?? 60) * 1000,
    },
  };
}

export async function runBench(
  argv: readonly string[],
  io: CliIo,
  clock: Clock = () => performance.now(),
  cpuClock: Clock = processCpuMs,
): Promise<number> {
  if (argv.includes('--instructions')) {
    return runInstructionBench(
      argv.filter((a) => a !== '--instructions'),
      io,
    );
  }
  if (argv.includes('--browser')) {
    return runBrowserBench(
      argv.filter((a) => a !== '--browser'),
      io,
    );
  }
  const parsed = parseBenchArgs(argv);
  if (!parsed.ok) {
    io.stderr(`bench: ${parsed.error}\n`);
    return 2;
  }
  if (parsed.options === 'help') {
    io.stdout(BENCH_USAGE);
    return 0;
  }
  const options = parsed.options;
  if (options.recorder !== null) {
    const servers = options.servers[0] ?? 5;
    io.stdout(
      `Recording for time travel: ${servers} servers, a client request every 100 virtual ms, invariants on; the same run on the bare core and through the lab's recorder, for each length.\n\n`,
    );
    const trials = options.recorderTrials;
    io.stdout(
      `${formatRecorderTable(measureRecorder(options.recorder, servers, clock, undefined, trials))}\n`,
    );
    if (options.recorderSplit === true) {
      io.stdout('\n');
      for (const minutes of options.recorder) {
        io.stdout(`${formatProfileSplit(minutes, await profileRecorder(minutes, servers))}\n`);
      }
    }
    return 0;
  }
  io.stdout(describe(options));
  const report = (round: number, done: readonly Trial[]) => {
    const figures = done.map((t) => `${t.servers} servers ${int(virtualPerWall(t))}`);
    io.stderr(`trial ${round}/${options.trials}: virtual s/s ${figures.join(', ')}\n`);
  };
  const bySize = measureAll(options, clock, report, cpuClock);
  io.stdout(formatBench(bySize));
  return 0;
}
