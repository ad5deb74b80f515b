/**
 * `npm run fuzz -- [--seeds N] [--servers K] [--until MS] [--start S] [--bug ID]... [--jobs J]
 * [--twice] [--stop]` (our design notes ("The command line")): one swarm-drawn run per seed (switches and
 * fault schedule, src/scenarios/fuzz.ts), every invariant and the fuzzer's own checks after every
 * step, liveness after the heal, storms caught by a budget. Every failure is printed with its seed,
 * its switches, a shrunk action list and a link that replays it; reports come in seed order
 * whatever the number of worker threads, then a summary table.
 */
import { availableParallelism } from 'node:os';
import { BUG_IDS } from '../core/index.ts';
import type { BugId } from '../core/index.ts';
import { parseOptions, shown } from './args.ts';
import { runSeeds } from './fuzzPool.ts';
import { addReport, emptyTotals, failingCount, summaryTable } from './fuzzReport.ts';
import type { SeedReport, Totals } from './fuzzReport.ts';
import { Progress } from './fuzzProgress.ts';
import type { ProgressMode } from './fuzzProgress.ts';
import type { CliIo } from './io.ts';

export const FUZZ_USAGE = `usage: npm run fuzz -- [--seeds N] [--servers K] [--until MS] [--start S] [--bug ID]...
                      [--jobs J] [--twice] [--stop] [--every-feature]

Runs one random run per seed, swarm style: each seed draws its cluster size, initial voters,
PreVote, CheckQuorum, the disruption guard, the no-op, the read mode, batch size and timing, which
kinds of actions it uses and how often (crashes, restarts, partitions, cut links, dropped messages,
latency spikes, loss and duplication up to 50%, forced and pinned timeouts, client requests of
every command, leadership transfers, membership changes), heals every fault at 2/3 of the run, and
checks every invariant after every step, the state machines and acknowledged writes, the clients'
history for linearizability (INV-C2) at the end, and liveness (a leader, the committed logs of the
members of its configuration equal) after the heal. A message storm is a finding, never a hang.

  --seeds N     how many seeds (default 100)
  --start S     first seed (default 1)
  --servers K   pin the cluster size, 1 to 9 (default: drawn per seed)
  --until MS    virtual length of each run, ms (default 15000)
  --bug ID      switch on a teaching bug, to see the fuzzer catch it (repeatable): ${BUG_IDS.join(', ')}
  --jobs J      worker threads (default: one per core)
  --twice       run every seed twice and report the first event where the runs differ
  --stop        stop at the first failing seed (the lowest, whatever --jobs)
  --every-feature  every seed uses log compaction, reads without the log (followers serving
                reads too), leadership transfers and membership changes
  --help        show this help

Exit status: 0 no failure, 1 a violation, liveness failure, storm or divergence, 2 bad arguments.
`;

export interface FuzzArgs {
  seeds: number;
  start: number;
  servers: number | undefined;
  untilMs: number;
  bugs: BugId[];
  jobs: number;
  twice: boolean;
  stop: boolean;
  everyFeature: boolean;
}

type Parsed = { ok: true; args: FuzzArgs | null } | { ok: false; error: string };

export function parseFuzzArgs(argv: readonly string[], defaultJobs = 1): Parsed {
  const parsed = parseOptions(argv, {
    help: { kind: 'flag' },
    twice: { kind: 'flag' },
    stop: { kind: 'flag' },
    'every-feature': { kind: 'flag' },
    seeds: { kind: 'int', min: 1, max: 1_000_000, what: 'a count' },
    start: { kind: 'int', min: 0, max: 0xffff_ffff, what: 'a seed' },
    servers: { kind: 'int', min: 1, max: 9, what: 'a count' },
    until: { kind: 'int', min: 3_000, max: 3_600_000, what: 'a whole number of milliseconds' },
    jobs: { kind: 'int', min: 1, max: 256, what: 'a count' },
    bug: { kind: 'list', what: 'a teaching bug' },
  });
  if (!parsed.ok) return parsed;
  const { positionals, flags, ints, lists } = parsed.options;
  if (flags.has('help')) return { ok: true, args: null };
  if (positionals[0] !== undefined)
    return { ok: false, error: `unexpected argument ${shown(positionals[0])} (see --help)` };
  const bugs = lists.get('bug') ?? [];
  const unknown = bugs.find((b) => !(BUG_IDS as readonly string[]).includes(b));
  if (unknown !== undefined)
    return {
      ok: false,
      error: `--bug: unknown bug ${shown(unknown)} (known: ${BUG_IDS.join(', ')})`,
    };
  const seeds = ints.get('seeds') ?? 100;
  const start = ints.get('start') ?? 1;
  if (start + seeds - 1 > 0xffff_ffff)
    return { ok: false, error: '--start + --seeds: seeds must stay below 2^32' };
  return {
    ok: true,
    args: {
      seeds,
      start,
      servers: ints.get('servers'),
      untilMs: ints.get('until') ?? 15_000,
      bugs: [...new Set(bugs)] as BugId[],
      jobs: Math.min(ints.get('jobs') ?? defaultJobs, seeds),
      twice: flags.has('twice'),
      stop: flags.has('stop'),
      everyFeature: flags.has('every-feature'),
    },
  };
}

function heading(args: FuzzArgs, totals: Totals): string {
  const last = args.start + totals.seeds - 1;
  const servers = args.servers === undefined ? 'servers drawn 1..9' : `${args.servers} servers`;
  const bugs = args.bugs.length > 0 ? `, bugs ${args.bugs.join(' ')}` : '';
  const twice = args.twice ? ', each seed run twice' : '';
  const every = args.everyFeature ? ', every feature on' : '';
  const stopped = totals.seeds < args.seeds ? ` (stopped at the first failing seed)` : '';
  return `fuzz: seeds ${args.start}..${last}${stopped}, ${servers}, ${args.untilMs} ms each${bugs}${twice}${every}`;
}

/**
 * Hands out seeds in order and prints the reports in seed order as they complete. With --stop, no
 * seed above the lowest failing one is started, and none above it is printed or counted.
 */
class Campaign {
  readonly totals = emptyTotals();
  private nextSeed: number;
  private nextToPrint: number;
  private readonly waiting = new Map<number, SeedReport>();
  private lowestFailing = Number.POSITIVE_INFINITY;
  private failingSeen = 0;

  constructor(
    private readonly args: FuzzArgs,
    private readonly io: CliIo,
    private readonly progress: Progress,
  ) {
    this.nextSeed = args.start;
    this.nextToPrint = args.start;
  }

  private get end(): number {
    const last = this.args.start + this.args.seeds - 1;
    return Math.min(last, this.lowestFailing);
  }

  next = (): number | null => (this.nextSeed <= this.end ? this.nextSeed++ : null);

  done = (report: SeedReport): void => {
    if (report.finding !== null) {
      this.failingSeen += 1;
      if (this.args.stop) this.lowestFailing = Math.min(this.lowestFailing, report.seed);
    }
    this.waiting.set(report.seed, report);
    for (let r = this.waiting.get(this.nextToPrint); r !== undefined && r.seed <= this.end;) {
      this.waiting.delete(r.seed);
      if (r.text !== '') this.io.stdout(r.text);
      addReport(this.totals, r);
      this.nextToPrint += 1;
      r = this.waiting.get(this.nextToPrint);
    }
    this.progress.update(this.totals.seeds, this.failingSeen);
  };
}

export interface FuzzEnv {
  clockMs?: () => number;
  progress?: ProgressMode;
  defaultJobs?: number;
}

export async function runFuzz(
  argv: readonly string[],
  io: CliIo,
  env: FuzzEnv = {},
): Promise<number> {
  const clockMs = env.clockMs ?? (() => performance.now());
  const parsed = parseFuzzArgs(argv, env.defaultJobs ?? availableParallelism());
  if (!parsed.ok) {
    io.stderr(`fuzz: ${parsed.error}\n`);
    return 2;
  }
  const args = parsed.args;
  if (args === null) {
    io.stdout(FUZZ_USAGE);
    return 0;
  }
  const started = clockMs();
  const progress = new Progress(io, env.progress ?? 'none', args.seeds, clockMs);
  const campaign = new Campaign(args, io, progress);
  const { servers, untilMs, bugs, twice, everyFeature } = args;
  await runSeeds(
    args.jobs,
    {
      options: { servers, untilMs, bugs, twice, everyFeature },
      report: { servers, untilMs, bugs, twice, everyFeature },
    },
    campaign,
  );
  progress.finish();
  const totals = campaign.totals;
  const wallSeconds = (clockMs() - started) / 1000;
  io.stdout(summaryTable(totals, heading(args, totals), wallSeconds));
  return failingCount(totals) > 0 ? 1 : 0;
}
