/**
 * `npm run bench -- --recorder`: what recording a run for time travel costs, and whether that
 * cost grows with the run. The same workload (5 servers, a client request every 100 virtual ms,
 * invariants on) runs twice for each length: once on the bare core, once through the Recorder the
 * lab uses (checkpoints, the notable events, the clients' history, the space-time log), reading
 * after each request what the store publishes of the recorder (its events and space-time view, as
 * the lab does after an action and on every frame). Both runs must end on the same trace hash, or
 * the comparison is void. For each length it prints the
 * speed of both, the recorder's extra cost, the cost of its first and its last virtual minute,
 * the heap it holds, and seek latency (median and p95 over seeks to spread-out times). Speeds are
 * also given per CPU second of this process, steadier than wall time on a shared machine.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { Simulation, withDefaults } from '../core/index.ts';
import type { Action, RunSetup } from '../core/types.ts';
import { Recorder } from '../store/recorder.ts';

type Clock = () => number;

export interface RecorderRow {
  minutes: number;
  servers: number;
  coreVirtualPerWall: number;
  recorderVirtualPerWall: number;
  /** Recorder wall time over core wall time, minus one (0.2 = 20% more). */
  overhead: number;
  /** The same per CPU second of this process (user + system). */
  coreVirtualPerCpu: number;
  recorderVirtualPerCpu: number;
  overheadCpu: number;
  /**
   * The extra cost per CPU second over the last tenth of the run alone, the JIT long warm in both:
   * what recording costs once the run is long (the whole run's figure also counts the core's
   * warm-up, which makes the core's first minutes slower than its later ones).
   */
  overheadCpuLastTenth: number;
  /** The lowest and highest of that over the trials. */
  lastTenthSpread: readonly [number, number];
  /** Trials this row is the median of. */
  trials: number;
  /** Recorder wall ms for the first and for the last virtual minute. */
  firstMinuteMs: number;
  lastMinuteMs: number;
  /**
   * Memory the recorder holds at the end (after a full GC): JS heap plus array buffers, MB; null
   * when GC is not available.
   */
  heapMb: number | null;
  seekMedianMs: number;
  seekP95Ms: number;
  /** The same in CPU milliseconds of this process (steadier on a busy machine). */
  seekCpuMedianMs: number;
  seekCpuP95Ms: number;
  seeks: number;
  hashesMatch: boolean;
}

const EVERY_MS = 100;
/** Virtual minutes of each warm-up run. */
const WARMUP_MINUTES = 1;
const MINUTE_MS = 60_000;

function request(i: number, at: number): Action {
  const command = i % 4 === 3 ? `get k${i % 10}` : `set k${i % 10} ${i}`;
  return { at, do: 'request', command, client: (i % 3) + 1 } as Action;
}

function setup(servers: number): RunSetup {
  return { seed: 1, config: withDefaults({ servers }), actions: [] };
}

/** A full GC, if this process can ask for one (the flag is set at run time). */
function collector(): (() => void) | null {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

function heapMb(gc: (() => void) | null): number | null {
  if (gc === null) return null;
  gc();
  gc();
  // Typed arrays (the space-time log's columns) live outside the JS heap: count them too.
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1e6;
}

/** CPU milliseconds this process has used (user + system). */
export function cpuClock(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The request time from which the last tenth of a run is timed (a multiple of EVERY_MS). */
function lastTenthFrom(minutes: number): number {
  return Math.round((minutes * MINUTE_MS * 0.9) / EVERY_MS) * EVERY_MS;
}

function runCore(
  servers: number,
  minutes: number,
  clock: Clock,
  cpu: Clock,
  gc: (() => void) | null,
) {
  // From a collected heap, as the recorder's run starts (heapMb): the garbage of the run before
  // would otherwise fall on this one.
  heapMb(gc);
  const sim = Simulation.create(setup(servers));
  const cpuStarted = cpu();
  const started = clock();
  const tenthFrom = lastTenthFrom(minutes);
  let cpuTenth = cpuStarted;
  let i = 0;
  for (let t = EVERY_MS; t <= minutes * MINUTE_MS; t += EVERY_MS) {
    if (t === tenthFrom) cpuTenth = cpu();
    sim.runUntil(t);
    sim.addAction(request(i++, t));
  }
  sim.runUntil(minutes * MINUTE_MS + 1);
  const cpuEnd = cpu();
  return {
    wallMs: clock() - started,
    cpuMs: cpuEnd - cpuStarted,
    lastTenthCpuMs: cpuEnd - cpuTenth,
    hash: sim.traceHash,
  };
}

function runRecorder(
  servers: number,
  minutes: number,
  clock: Clock,
  cpu: Clock,
  gc: (() => void) | null,
) {
  const before = heapMb(gc);
  const rec = new Recorder(setup(servers));
  const cpuStarted = cpu();
  const started = clock();
  const perMinute: number[] = [];
  let minuteStart = started;
  const tenthFrom = lastTenthFrom(minutes);
  let cpuTenth = cpuStarted;
  let i = 0;
  let published = 0;
  for (let t = EVERY_MS; t <= minutes * MINUTE_MS; t += EVERY_MS) {
    if (t === tenthFrom) cpuTenth = cpu();
    while (rec.advanceTo(t, 1_000_000) === 'budget');
    rec.act(request(i++, t));
    // What publish() (src/store/slices/simulation.ts) reads of the recorder, the frame aside.
    published += rec.events.length + rec.spaceTimeView.emitted;
    if (t % MINUTE_MS === 0) {
      const now = clock();
      perMinute.push(now - minuteStart);
      minuteStart = now;
    }
  }
  while (rec.advanceTo(minutes * MINUTE_MS + 1, 1_000_000) === 'budget');
  const wallMs = clock() - started;
  const cpuEnd = cpu();
  const cpuMs = cpuEnd - cpuStarted;
  const lastTenthCpuMs = cpuEnd - cpuTenth;
  const hash = rec.sim.traceHash;
  const after = heapMb(gc);
  const seeks: number[] = [];
  const seeksCpu: number[] = [];
  const end = rec.endTime;
  // Spread-out targets (a fixed stride through the run), never the place we are at.
  for (let k = 0; k < 21; k++) {
    const target = Math.round(((k * 7919) % 21) * (end / 21) + 137);
    const c0 = cpu();
    const t0 = clock();
    rec.seek(target);
    seeks.push(clock() - t0);
    seeksCpu.push(cpu() - c0);
  }
  const median = (xs: number[]) => xs[Math.floor(xs.length / 2)] ?? 0;
  const p95 = (xs: number[]) => xs[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] ?? 0;
  seeks.sort((a, b) => a - b);
  seeksCpu.sort((a, b) => a - b);
  return {
    wallMs,
    cpuMs,
    lastTenthCpuMs,
    hash,
    perMinute,
    heapMb: before === null || after === null ? null : Math.max(0, after - before),
    seekMedianMs: median(seeks),
    seekP95Ms: p95(seeks),
    seekCpuMedianMs: median(seeksCpu),
    seekCpuP95Ms: p95(seeksCpu),
    seeks: seeks.length,
    keep: rec,
    published,
  };
}

/** The median of each figure of a length's trials (the hash matches only if it did in all). */
export function medianRow(trials: readonly RecorderRow[]): RecorderRow {
  const first = trials[0] as RecorderRow;
  const mid = (pick: (r: RecorderRow) => number): number => {
    const xs = trials.map(pick).sort((a, b) => a - b);
    const n = xs.length;
    return n % 2 === 1
      ? (xs[(n - 1) / 2] as number)
      : ((xs[n / 2 - 1] as number) + (xs[n / 2] as number)) / 2;
  };
  const heaps = trials.map((r) => r.heapMb);
  return {
    ...first,
    coreVirtualPerWall: mid((r) => r.coreVirtualPerWall),
    recorderVirtualPerWall: mid((r) => r.recorderVirtualPerWall),
    overhead: mid((r) => r.overhead),
    coreVirtualPerCpu: mid((r) => r.coreVirtualPerCpu),
    recorderVirtualPerCpu: mid((r) => r.recorderVirtualPerCpu),
    overheadCpu: mid((r) => r.overheadCpu),
    overheadCpuLastTenth: mid((r) => r.overheadCpuLastTenth),
    lastTenthSpread: [
      Math.min(...trials.map((r) => r.overheadCpuLastTenth)),
      Math.max(...trials.map((r) => r.overheadCpuLastTenth)),
    ],
    firstMinuteMs: mid((r) => r.firstMinuteMs),
    lastMinuteMs: mid((r) => r.lastMinuteMs),
    heapMb: heaps.some((h) => h === null) ? null : mid((r) => r.heapMb as number),
    seekMedianMs: mid((r) => r.seekMedianMs),
    seekP95Ms: mid((r) => r.seekP95Ms),
    seekCpuMedianMs: mid((r) => r.seekCpuMedianMs),
    seekCpuP95Ms: mid((r) => r.seekCpuP95Ms),
    trials: trials.length,
    hashesMatch: trials.every((r) => r.hashesMatch),
  };
}

/**
 * Each length `trials` times, the core and the recorder in turn (so a change in the machine's
 * load falls on both); each figure is the median of its trials, the extra cost over the last
 * tenth also with its lowest–highest.
 */
export function measureRecorder(
  minutesList: readonly number[],
  servers: number,
  clock: Clock,
  cpu: Clock = cpuClock,
  trials = 1,
): RecorderRow[] {
  const gc = collector();
  // Warm both paths up so the first length is not also the JIT's first: two virtual minutes each,
  // long enough to fill and pack event chunks and take checkpoints (a quarter of a minute left
  // the recorder's first measured minute three times as slow as its last).
  for (let k = 0; k < 2; k++) {
    runCore(servers, WARMUP_MINUTES, clock, cpu, gc);
    runRecorder(servers, WARMUP_MINUTES, clock, cpu, null);
  }
  return minutesList.map((minutes) =>
    medianRow(Array.from({ length: trials }, () => measureOnce(minutes, servers, clock, cpu, gc))),
  );
}

function measureOnce(
  minutes: number,
  servers: number,
  clock: Clock,
  cpu: Clock,
  gc: (() => void) | null,
): RecorderRow {
  const core = runCore(servers, minutes, clock, cpu, gc);
  const rec = runRecorder(servers, minutes, clock, cpu, gc);
  const virtualS = (minutes * MINUTE_MS) / 1000;
  const lastTenth = rec.lastTenthCpuMs / core.lastTenthCpuMs - 1;
  return {
    minutes,
    servers,
    coreVirtualPerWall: virtualS / (core.wallMs / 1000),
    recorderVirtualPerWall: virtualS / (rec.wallMs / 1000),
    overhead: rec.wallMs / core.wallMs - 1,
    coreVirtualPerCpu: virtualS / (core.cpuMs / 1000),
    recorderVirtualPerCpu: virtualS / (rec.cpuMs / 1000),
    overheadCpu: rec.cpuMs / core.cpuMs - 1,
    overheadCpuLastTenth: lastTenth,
    lastTenthSpread: [lastTenth, lastTenth],
    firstMinuteMs: rec.perMinute[0] ?? rec.wallMs,
    lastMinuteMs: rec.perMinute.at(-1) ?? rec.wallMs,
    heapMb: rec.heapMb,
    seekMedianMs: rec.seekMedianMs,
    seekP95Ms: rec.seekP95Ms,
    seekCpuMedianMs: rec.seekCpuMedianMs,
    seekCpuP95Ms: rec.seekCpuP95Ms,
    seeks: rec.seeks,
    trials: 1,
    hashesMatch: core.hash === rec.hash,
  };
}

export function formatRecorderTable(rows: readonly RecorderRow[]): string {
  const header = [
    'run (virtual min)',
    'core v s/s',
    'recorder v s/s',
    'extra cost',
    'per CPU s: core / recorder / extra',
    'last tenth: extra',
    '1st / last min (ms)',
    'heap MB (per min)',
    'seek median / p95 ms',
    'CPU ms',
    'same hash',
  ];
  const lines = rows.map((r) => [
    String(r.minutes),
    r.coreVirtualPerWall.toFixed(0),
    r.recorderVirtualPerWall.toFixed(0),
    `${Math.round(r.overhead * 100)}%`,
    `${r.coreVirtualPerCpu.toFixed(0)} / ${r.recorderVirtualPerCpu.toFixed(0)} / ${Math.round(r.overheadCpu * 100)}%`,
    r.trials > 1
      ? `${Math.round(r.overheadCpuLastTenth * 100)}% (${r.lastTenthSpread.map((x) => Math.round(x * 100)).join('–')}%)`
      : `${Math.round(r.overheadCpuLastTenth * 100)}%`,
    `${r.firstMinuteMs.toFixed(0)} / ${r.lastMinuteMs.toFixed(0)}`,
    r.heapMb === null ? 'n/a' : `${r.heapMb.toFixed(1)} (${(r.heapMb / r.minutes).toFixed(2)})`,
    `${r.seekMedianMs.toFixed(1)} / ${r.seekP95Ms.toFixed(1)}`,
    `${r.seekCpuMedianMs.toFixed(1)} / ${r.seekCpuP95Ms.toFixed(1)}`,
    r.hashesMatch ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: readonly string[]) =>
    cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  return [row(header), ...lines.map(row)].join('\n');
}

/** A CPU profile as V8's profiler gives it (the fields read here). */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  /** Microseconds before each sample. */
  readonly timeDeltas: readonly number[];
}

/** Self time of a profiled recorded run, in ms, by whose code ran. */
export interface ProfileSplit {
  /** The simulation (src/core), checkpoints' copying aside. */
  readonly coreMs: number;
  /** The recorder: src/store, and the core's copies for checkpoints (stateCopy, sharedList). */
  readonly recorderMs: number;
  /** The garbage collector. */
  readonly gcMs: number;
  /** Anything else (the profiler, the bench's own loop, Node). */
  readonly otherMs: number;
}

const RECORDER_FILE = /\/src\/store\/|\/src\/core\/(stateCopy|sharedList)\.ts/;
const CORE_FILE = /\/src\/core\//;

/**
 * Splits a profile's self time between the core and the recorder. A built-in without a file
 * (a structured clone, Object.freeze, JSON) counts for the code that called it: the nearest
 * caller with a file.
 */
export function splitProfile(profile: CpuProfile): ProfileSplit {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const owner = new Map<number, 'core' | 'recorder' | 'gc' | 'other'>();
  const ownerOf = (id: number): 'core' | 'recorder' | 'gc' | 'other' => {
    const known = owner.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    let result: 'core' | 'recorder' | 'gc' | 'other' = 'other';
    if (node !== undefined) {
      const { functionName, url } = node.callFrame;
      if (functionName === '(garbage collector)') result = 'gc';
      else if (url === '') {
        const up = parent.get(id);
        const root = functionName === '(root)' || functionName === '(program)';
        result = up === undefined || root || functionName === '(idle)' ? 'other' : ownerOf(up);
      } else if (RECORDER_FILE.test(url)) result = 'recorder';
      else if (CORE_FILE.test(url)) result = 'core';
    }
    owner.set(id, result);
    return result;
  };
  const ms = { core: 0, recorder: 0, gc: 0, other: 0 };
  profile.samples.forEach((id, i) => {
    ms[ownerOf(id)] += (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return { coreMs: ms.core, recorderMs: ms.recorder, gcMs: ms.gc, otherMs: ms.other };
}

/**
 * A recorded run of `minutes` under V8's CPU profiler (after a warm-up), split by whose code ran:
 * steadier than the extra cost in time, which moves with the machine's load and the collector's
 * mood (the bare core's speed alone varies by 20–30% from run to run on a shared machine).
 */
export async function profileRecorder(minutes: number, servers: number): Promise<ProfileSplit> {
  const { Session } = await import('node:inspector/promises');
  const clock = () => performance.now();
  for (let k = 0; k < 2; k++) runRecorder(servers, WARMUP_MINUTES, clock, cpuClock, null);
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    runRecorder(servers, minutes, clock, cpuClock, null);
    const { profile } = await session.post('Profiler.stop');
    return splitProfile(profile as unknown as CpuProfile);
  } finally {
    session.disconnect();
  }
}

export function formatProfileSplit(minutes: number, split: ProfileSplit): string {
  const pct = (x: number) => `${Math.round((100 * x) / Math.max(split.coreMs, 1e-9))}%`;
  const ms = (x: number) => Math.round(x).toLocaleString('en-US');
  return (
    `profile of a recorded ${minutes}-minute run: the recorder's own time is ${pct(split.recorderMs)} ` +
    `of the core's, the collector's ${pct(split.gcMs)} (ms: core ${ms(split.coreMs)}, recorder ` +
    `${ms(split.recorderMs)}, collector ${ms(split.gcMs)}, other ${ms(split.otherMs)})`
  );
}
