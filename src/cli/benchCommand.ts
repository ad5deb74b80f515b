/**
 * `npm run bench`: how fast the core runs (DESIGN.md "The command line"). For 3, 5 and 9 servers
 * under a steady load (a client request every 100 ms, invariants checked after every event, as
 * always): events and virtual seconds per wall second, the cost and size of a checkpoint, and the
 * cost of a seek (restore a checkpoint, run 1 s forward). Medians of several repetitions.
 */
import { Simulation } from '../core/index.ts';
import type { SimState } from '../core/index.ts';
import { toRunSetup } from '../scenarios/schema.ts';
import { steadyWorkload } from '../scenarios/workload.ts';
import { parseOptions } from './args.ts';
import type { CliIo } from './io.ts';

export const BENCH_USAGE = `usage: npm run bench -- [--reps N] [--seconds S]

  --reps N      repetitions per measurement; medians are printed (default 5)
  --seconds S   virtual seconds per run (default 60)
`;

const SERVER_COUNTS = [3, 5, 9] as const;
const SEEK_MS = 1_000;
const CHECKPOINT_REPS = 20;
const WARM_UP_MS = 10_000;

export interface BenchRow {
  servers: number;
  eventsPerSecond: number;
  virtualPerWall: number;
  checkpointMs: number;
  checkpointKb: number;
  seekMs: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

type Clock = () => number;

function timed(clock: Clock, work: () => void): number {
  const start = clock();
  work();
  return clock() - start;
}

function runOnce(servers: number, durationMs: number, clock: Clock) {
  const sim = Simulation.create(toRunSetup(steadyWorkload(servers, durationMs)));
  let events = 0;
  sim.onEvent = () => {
    events += 1;
  };
  const wallMs = timed(clock, () => sim.runUntil(durationMs));
  sim.onEvent = null;
  return { sim, events, wallMs };
}

function measureCheckpoint(sim: Simulation, clock: Clock): { ms: number; state: SimState } {
  let state = sim.checkpoint();
  const times = Array.from({ length: CHECKPOINT_REPS }, () =>
    timed(clock, () => (state = sim.checkpoint())),
  );
  return { ms: median(times), state };
}

export function measure(servers: number, durationMs: number, reps: number, clock: Clock): BenchRow {
  const runs = Array.from({ length: reps }, () => runOnce(servers, durationMs, clock));
  const last = runs[runs.length - 1];
  if (last === undefined) throw new RangeError('reps must be at least 1');
  const checkpoint = measureCheckpoint(last.sim, clock);
  const seeks = Array.from({ length: reps }, () =>
    timed(clock, () =>
      Simulation.fromState(checkpoint.state).runUntil(checkpoint.state.now + SEEK_MS),
    ),
  );
  return {
    servers,
    eventsPerSecond: median(runs.map((r) => (r.events * 1000) / r.wallMs)),
    virtualPerWall: median(runs.map((r) => durationMs / r.wallMs)),
    checkpointMs: checkpoint.ms,
    checkpointKb: JSON.stringify(checkpoint.state).length / 1024,
    seekMs: median(seeks),
  };
}

const COLUMNS: [string, (r: BenchRow) => string][] = [
  ['servers', (r) => String(r.servers)],
  ['events/s', (r) => Math.round(r.eventsPerSecond).toLocaleString('en-US')],
  ['virtual s/s', (r) => r.virtualPerWall.toFixed(1)],
  ['checkpoint ms', (r) => r.checkpointMs.toFixed(2)],
  ['checkpoint KB', (r) => r.checkpointKb.toFixed(1)],
  [`restore+seek ${SEEK_MS / 1000} s ms`, (r) => r.seekMs.toFixed(2)],
];

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (c: string, i: number) =>
    i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0);
  const line = (cells: string[]) => cells.map(pad).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}x`;
}

/** The main table, then each metric of 5 vs 3 and 9 vs 5 servers side by side. */
export function formatBench(rows: readonly BenchRow[]): string {
  const main = table(
    COLUMNS.map(([h]) => h),
    rows.map((r) => COLUMNS.map(([, cell]) => cell(r))),
  );
  const pairs = rows.slice(1).map((r, i) => [r, rows[i] as BenchRow] as const);
  const metrics: [string, (r: BenchRow) => number][] = [
    ['events/s', (r) => r.eventsPerSecond],
    ['virtual s/s', (r) => r.virtualPerWall],
    ['checkpoint ms', (r) => r.checkpointMs],
    ['checkpoint KB', (r) => r.checkpointKb],
    ['restore+seek ms', (r) => r.seekMs],
  ];
  const ratios = table(
    ['ratio', ...pairs.map(([a, b]) => `${a.servers} vs ${b.servers}`)],
    metrics.map(([name, get]) => [name, ...pairs.map(([a, b]) => ratio(get(a), get(b)))]),
  );
  return `${main}\n\n${ratios}\n`;
}

export async function runBench(
  argv: readonly string[],
  io: CliIo,
  clock: Clock = () => performance.now(),
): Promise<number> {
  const parsed = parseOptions(argv, {
    help: { kind: 'flag' },
    reps: { kind: 'int', min: 1, max: 100, what: 'a count' },
    seconds: { kind: 'int', min: 1, max: 3_600, what: 'a whole number of seconds' },
  });
  if (!parsed.ok || parsed.options.positionals.length > 0) {
    io.stderr(`bench: ${parsed.ok ? 'takes no arguments (see --help)' : parsed.error}\n`);
    return 2;
  }
  if (parsed.options.flags.has('help')) {
    io.stdout(BENCH_USAGE);
    return 0;
  }
  const reps = parsed.options.ints.get('reps') ?? 5;
  const durationMs = (parsed.options.ints.get('seconds') ?? 60) * 1000;
  io.stdout(
    `bench: ${durationMs / 1000} virtual s per run, a client request every 100 ms, invariants on, ` +
      `medians of ${reps} runs; checkpoint taken at the end of a run\n\n`,
  );
  // Warm the JIT first, or the first row measures compilation too.
  for (const servers of SERVER_COUNTS) runOnce(servers, WARM_UP_MS, clock);
  const rows = SERVER_COUNTS.map((servers) => measure(servers, durationMs, reps, clock));
  io.stdout(formatBench(rows));
  return 0;
}
