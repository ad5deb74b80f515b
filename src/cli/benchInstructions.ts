/**
 * `npm run bench -- --instructions`: the core's and the recorder's cost in machine instructions
 * per virtual minute, counted by Valgrind, so that two versions of the code compare on a busy or
 * throttled machine. Timed figures (`npm run bench`, `--recorder`) swing by tens of percent from
 * one trial to the next on a shared machine (the recorder's extra cost measured 15% to 158% in
 * eleven trials of one batch); an instruction count does not depend on the machine's load.
 *
 * How: the workload of `--recorder` (a client request every 100 virtual ms, invariants on: the
 * bare core, or the same run through the lab's recorder, reading what the store publishes after
 * each request) is bundled into one file with Vite and run under `valgrind --tool=cachegrind`
 * with V8 single-threaded and predictable (no background compiler or collector threads, whose
 * timing would change the count). Each measured process runs two warm-up minutes, then the
 * measured run; a run of SHORT and one of LONG virtual seconds are counted and the difference,
 * divided by the minutes between them, is the cost of a warm virual minute: Node's start, the
 * bundle's loading and the warm-up cancel out. Both runs of a pair must end on the trace hash
 * the other kind ends on, or the figure is void.
 *
 * What it is not: a time. JIT code under Valgrind runs the same instructions but not at the same
 * speed, and memory stalls are not counted; the figures are for comparing versions side by side
 * (`--against DIR`, a checkout of another commit, e.g. made by `git worktree add`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CliIo } from './io.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export const INSTRUCTIONS_USAGE = `usage: npm run bench -- --instructions [--servers K]... [--against DIR]

  Counts, under Valgrind, the machine instructions of a warm virtual minute of the bare core and
  of the same run through the lab's recorder (a client request every 100 virtual ms, invariants
  on), and the recorder's extra cost; the same on every run. Needs valgrind (Debian: apt-get
  install valgrind); takes about a minute per cluster size and version.

  --servers K   a cluster size, from 1 to 9; repeat for several (default 5)
  --against DIR also count the checkout in DIR (another commit, e.g. from git worktree add) and
                print this one's figures as ratios to it
`;

/** Virtual seconds of the short and the long measured run. */
export const SHORT_S = 120;
export const LONG_S = 300;

export type WorkloadKind = 'core' | 'recorder';

export interface InstructionOptions {
  servers: readonly number[];
  against: string | null;
}

export function parseInstructionArgs(
  argv: readonly string[],
): { ok: true; options: InstructionOptions | 'help' } | { ok: false; error: string } {
  const servers: number[] = [];
  let against: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--help' || a === '-h') return { ok: true, options: 'help' };
    if (a === '--servers' || a === '--against') {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return { ok: false, error: `${a} needs a value` };
      i++;
      if (a === '--against') {
        against = v;
        continue;
      }
      const k = Number(v);
      if (!/^\d+$/.test(v) || k < 1 || k > 9) {
        return {
          ok: false,
          error: `--servers must be a whole number from 1 to 9, not ${JSON.stringify(v)}`,
        };
      }
      if (!servers.includes(k)) servers.push(k);
      continue;
    }
    return {
      ok: false,
      error: `unknown argument ${JSON.stringify(a)} (see --instructions --help)`,
    };
  }
  return { ok: true, options: { servers: servers.length > 0 ? servers : [5], against } };
}

/** Valgrind's count of instructions executed ("I refs"), from what it wrote; null if absent. */
export function instructionsIn(valgrindOutput: string): number | null {
  const m = /I\s+refs:\s+([\d,]+)/.exec(valgrindOutput);
  return m === null ? null : Number((m[1] as string).replaceAll(',', ''));
}

/** Instructions per virtual minute from the counts of a short and a long run. */
export function perVirtualMinute(shortCount: number, longCount: number): number {
  return (longCount - shortCount) / ((LONG_S - SHORT_S) / 60);
}

/**
 * The measured process: `node FILE KIND SERVERS SECONDS` runs two warm-up minutes of the kind,
 * then SECONDS of it, and prints the measured run's trace hash. Written into the checkout it
 * measures (so it imports that checkout's code), bundled, then deleted.
 */
export function workloadSource(): string {
  return `import { Simulation, withDefaults } from './src/core/index.ts';
import { Recorder } from './src/store/recorder.ts';

const [kind, serversText, secondsText] = process.argv.slice(2);
const servers = Number(serversText);
const seconds = Number(secondsText);
function request(i, at) {
  const command = i % 4 === 3 ? \`get k\${i % 10}\` : \`set k\${i % 10} \${i}\`;
  return { at, do: 'request', command, client: (i % 3) + 1 };
}
const setup = () => ({ seed: 1, config: withDefaults({ servers }), actions: [] });
function core(ms) {
  const sim = Simulation.create(setup());
  let i = 0;
  for (let t = 100; t <= ms; t += 100) { sim.runUntil(t); sim.addAction(request(i++, t)); }
  sim.runUntil(ms + 1);
  return sim.traceHash;
}
function recorder(ms) {
  const rec = new Recorder(setup());
  let i = 0;
  let published = 0;
  for (let t = 100; t <= ms; t += 100) {
    while (rec.advanceTo(t, 1_000_000) === 'budget');
    rec.act(request(i++, t));
    published += rec.events.length + rec.spaceTimeView.emitted;
  }
  while (rec.advanceTo(ms + 1, 1_000_000) === 'budget');
  if (published < 0) throw new Error('unreachable');
  return rec.sim.traceHash;
}
const run = kind === 'core' ? core : recorder;
run(60_000);
run(60_000);
console.log(run(seconds * 1000));
`;
}

/** Bundles the workload of the checkout at `root` into one file; returns its path. */
export async function bundleWorkload(root: string, outDir: string): Promise<string> {
  const { build } = await import('vite');
  const entry = join(root, `.bench-instructions-${process.pid}.ts`);
  await writeFile(entry, workloadSource());
  try {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      build: {
        ssr: entry,
        outDir,
        emptyOutDir: true,
        minify: false,
        rollupOptions: { output: { entryFileNames: 'workload.mjs', format: 'es' } },
      },
    });
  } finally {
    await rm(entry, { force: true });
  }
  return join(outDir, 'workload.mjs');
}

const VALGRIND_ARGS = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null'];
const NODE_ARGS = ['--single-threaded', '--predictable'];

export function hasValgrind(): boolean {
  const r = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

interface Count {
  instructions: number;
  hash: string;
}

/** One measured process under Valgrind. */
function countRun(
  file: string,
  kind: WorkloadKind,
  servers: number,
  seconds: number,
): Promise<Count> {
  return new Promise((done, fail) => {
    const child = spawn(
      'valgrind',
      [
        ...VALGRIND_ARGS,
        process.execPath,
        ...NODE_ARGS,
        file,
        kind,
        String(servers),
        String(seconds),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const instructions = instructionsIn(err);
      const hash = out.trim();
      if (code !== 0 || instructions === null || !/^[0-9a-f]{16}$/.test(hash)) {
        fail(new Error(`the workload under valgrind failed (exit ${code}): ${err.slice(-400)}`));
      } else done({ instructions, hash });
    });
  });
}

/** Runs tasks with at most `limit` at once, results in order. */
async function pooled<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const k = next++;
      results[k] = await (tasks[k] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

export interface InstructionRow {
  build: string;
  servers: number;
  /** Instructions per warm virtual minute. */
  core: number;
  recorder: number;
  /** recorder / core − 1. */
  extra: number;
  hashesMatch: boolean;
}

async function measureBuild(
  name: string,
  file: string,
  servers: readonly number[],
): Promise<InstructionRow[]> {
  const specs = servers.flatMap((k) =>
    (['core', 'recorder'] as const).flatMap((kind) =>
      [SHORT_S, LONG_S].map((seconds) => ({ k, kind, seconds })),
    ),
  );
  const counts = await pooled(
    specs.map((s) => () => countRun(file, s.kind, s.k, s.seconds)),
    Math.max(1, Math.min(4, availableParallelism())),
  );
  return servers.map((k, n) => {
    const [cs, cl, rs, rl] = counts.slice(n * 4, n * 4 + 4) as [Count, Count, Count, Count];
    const core = perVirtualMinute(cs.instructions, cl.instructions);
    const recorder = perVirtualMinute(rs.instructions, rl.instructions);
    return {
      build: name,
      servers: k,
      core,
      recorder,
      extra: recorder / core - 1,
      hashesMatch: cs.hash === rs.hash && cl.hash === rl.hash,
    };
  });
}

const millions = (n: number): string => `${(n / 1e6).toFixed(1)} M`;
const percent = (x: number): string => `${Math.round(x * 100)}%`;

export function formatInstructionRows(
  rows: readonly InstructionRow[],
  against: readonly InstructionRow[] | null,
): string {
  const header = [
    'version',
    'servers',
    'core / virtual min',
    'recorder / virtual min',
    'extra cost',
    'same hash',
  ];
  const lines = [...(against ?? []), ...rows].map((r) => [
    r.build,
    String(r.servers),
    millions(r.core),
    millions(r.recorder),
    percent(r.extra),
    r.hashesMatch ? 'yes' : 'NO',
  ]);
  if (against !== null) {
    for (const r of rows) {
      const o = against.find((a) => a.servers === r.servers);
      if (o === undefined) continue;
      lines.push([
        'ratio',
        String(r.servers),
        `${(r.core / o.core).toFixed(3)}x`,
        `${(r.recorder / o.recorder).toFixed(3)}x`,
        '',
        '',
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const row = (cells: readonly string[]) =>
    cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  return [row(header), ...lines.map(row)].join('\n');
}

export async function runInstructionBench(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseInstructionArgs(argv);
  if (!parsed.ok) {
    io.stderr(`bench: ${parsed.error}\n`);
    return 2;
  }
  if (parsed.options === 'help') {
    io.stdout(INSTRUCTIONS_USAGE);
    return 0;
  }
  const { servers, against } = parsed.options;
  if (against !== null && !existsSync(join(against, 'src/core/index.ts'))) {
    io.stderr(
      `bench: --against ${JSON.stringify(against)} is not a checkout of Raft Lab (no src/core/index.ts)\n`,
    );
    return 2;
  }
  if (!hasValgrind()) {
    io.stderr(
      'bench: --instructions needs valgrind on the PATH (Debian: apt-get install valgrind)\n',
    );
    return 2;
  }
  const dir = await mkdtemp(join(tmpdir(), 'raft-lab-instructions-'));
  try {
    io.stdout(
      `Instructions per warm virtual minute (Valgrind), a client request every 100 virtual ms, invariants on: the bare core and the lab's recorder; runs of ${SHORT_S} and ${LONG_S} virtual s, the difference per minute.\n\n`,
    );
    const here = await bundleWorkload(ROOT, join(dir, 'this'));
    const other =
      against === null ? null : await bundleWorkload(resolve(against), join(dir, 'against'));
    const againstRows = other === null ? null : await measureBuild('against', other, servers);
    const rows = await measureBuild('this', here, servers);
    io.stdout(`${formatInstructionRows(rows, againstRows)}\n`);
    return [...rows, ...(againstRows ?? [])].every((r) => r.hashesMatch) ? 0 : 1;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
