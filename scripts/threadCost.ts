/**
 * Where the renderer's CPU goes, per thread, for built labs side by side:
 * `npx tsx scripts/threadCost.ts old=/tmp/dist-a new=dist [--query=?servers=5] [--seconds=8]
 * [--trials=3] [--requests] [--viewport=1440x900]`. Linux only: it reads each thread's CPU time from /proc for the
 * Chromium processes this script started (its own process tree, so other browsers on the machine
 * do not count), before and after a window of wall time, and prints ms of CPU per wall second for
 * the renderer's main thread, its compositor thread, its raster workers and the GPU process's
 * display compositor (which composites every frame in software under --disable-gpu; CDP's
 * ProcessTime and `bench --browser` count the renderer only). Trials are taken in turn for every
 * build; medians with lowest–highest. `--requests` sends a client request every 100 virtual ms
 * (the C key, from an animation-frame loop), as the benches' "under requests" runs do.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  requestLoadScript,
  serveFolder,
} from '../src/cli/staticSite.ts';

interface Args {
  builds: { name: string; dir: string }[];
  query: string;
  seconds: number;
  trials: number;
  requests: boolean;
  viewport: { width: number; height: number };
}

function parseArgs(argv: readonly string[]): Args {
  const out: Args = {
    builds: [],
    query: '?servers=5',
    seconds: 8,
    trials: 3,
    requests: false,
    viewport: { width: 1440, height: 900 },
  };
  for (const a of argv) {
    const [k, v] = a.split(/=(.*)/s, 2) as [string, string | undefined];
    if (k === '--query' && v !== undefined) out.query = v.startsWith('?') ? v : `?${v}`;
    else if (k === '--seconds' && v !== undefined && Number(v) > 0) out.seconds = Number(v);
    else if (k === '--trials' && v !== undefined && Number.isInteger(Number(v)) && Number(v) > 0)
      out.trials = Number(v);
    else if (k === '--requests' && v === undefined) out.requests = true;
    else if (k === '--viewport' && v !== undefined && /^\d{3,4}x\d{3,4}$/.test(v)) {
      const [w, h] = v.split('x').map(Number) as [number, number];
      out.viewport = { width: w, height: h };
    } else if (!k.startsWith('--') && v !== undefined && v !== '')
      out.builds.push({ name: k, dir: v });
    else throw new Error(`threadCost: unknown argument ${JSON.stringify(a)}`);
  }
  if (out.builds.length === 0)
    throw new Error('usage: threadCost.ts NAME=DIST [NAME=DIST…] [--query=?…] [--seconds=S]');
  return out;
}

/** Clock ticks per second of /proc's utime and stime (USER_HZ). */
const HZ = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

interface Proc {
  pid: number;
  ppid: number;
  args: string;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const args = readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ');
      out.push({ pid: Number(d), ppid, args });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** The Chromium processes under this script, by kind (renderer, gpu-process, utility, …). */
function ourChromium(): { pid: number; kind: string }[] {
  const all = processes();
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
  }
  return all
    .filter((p) => mine.has(p.pid) && p.args.includes('--type='))
    .map((p) => ({ pid: p.pid, kind: /--type=(\S+)/.exec(p.args)?.[1] ?? '?' }));
}

/** CPU ticks per "kind:thread name" (thread names without their trailing numbers). */
function threadTicks(): Map<string, number> {
  const out = new Map<string, number>();
  for (const { pid, kind } of ourChromium()) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const key = `${kind}:${name}`;
        out.set(key, (out.get(key) ?? 0) + Number(fields[11]) + Number(fields[12]));
      } catch {
        // thread gone meanwhile
      }
    }
  }
  return out;
}

/** The threads reported, by the name Chromium gives them (the main thread is the process's). */
const ROWS: [string, (key: string) => boolean][] = [
  ['renderer main', (k) => k === 'renderer:chromium' || k === 'renderer:CrRendererMain'],
  ['renderer compositor', (k) => k === 'renderer:Compositor'],
  ['renderer raster', (k) => k.startsWith('renderer:') && /ThreadPool|Raster/.test(k)],
  ['renderer other', (k) => k.startsWith('renderer:')],
  ['gpu display compositor', (k) => k === 'gpu-process:VizCompositorTh'],
];

const REQUESTS = requestLoadScript(100);

async function trial(dir: string, args: Args): Promise<Map<string, number>> {
  const { server, url } = await serveFolder(dir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const page = await (await browser.newContext({ viewport: args.viewport })).newPage();
    await page.goto(url + args.query);
    await page.waitForFunction(
      () => window.raftLab?.state().servers.some((s) => s.role === 'leader') === true,
      undefined,
      { timeout: 60_000 },
    );
    if (args.requests) await page.evaluate(REQUESTS);
    await page.waitForTimeout(2000);
    const before = threadTicks();
    await page.waitForTimeout(args.seconds * 1000);
    const after = threadTicks();
    const perRow = new Map<string, number>();
    const taken = new Set<string>();
    for (const [row, match] of ROWS) {
      let ticks = 0;
      for (const [k, v] of after)
        if (!taken.has(k) && match(k)) {
          taken.add(k);
          ticks += v - (before.get(k) ?? 0);
        }
      perRow.set(row, ((ticks / HZ) * 1000) / args.seconds);
    }
    return perRow;
  } finally {
    await browser.close();
    server.close();
  }
}

const median = (v: readonly number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 === 1
    ? s[(s.length - 1) / 2]!
    : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const results = new Map<string, Map<string, number>[]>();
  for (let i = 0; i < args.trials; i++)
    for (const b of args.builds) {
      const r = await trial(b.dir, args);
      results.set(b.name, [...(results.get(b.name) ?? []), r]);
      process.stderr.write(`trial ${i + 1} ${b.name} done\n`);
    }
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(
    `threadCost ${args.viewport.width}x${args.viewport.height} ${args.query}${args.requests ? ', a request every 100 virtual ms' : ''}: CPU ms per wall second over ${args.seconds} s, median (lowest–highest) of ${args.trials}; load average now ${load}`,
  );
  for (const [row] of [...ROWS, ['renderer total', () => false] as const]) {
    const cells = args.builds.map((b) => {
      const v = (results.get(b.name) ?? []).map((r) =>
        row === 'renderer total'
          ? [...r].filter(([k]) => k.startsWith('renderer')).reduce((s, [, x]) => s + x, 0)
          : (r.get(row) ?? 0),
      );
      return `${b.name} ${median(v).toFixed(0)} (${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)})`;
    });
    console.log(`${row.padEnd(24)} ${cells.join('   ')}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
