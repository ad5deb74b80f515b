/**
 * `npm run fuzz -- [--seeds N] [--servers K] [--until MS] [--start S] [--bug ID]...`
 * (DESIGN.md "The command line"): one random fault schedule per seed, invariants checked after
 * every event and liveness after the heal; every failure is printed with its seed, a shrunk action
 * list and a link that replays it. The generator and the checks live in src/scenarios/fuzz.ts.
 */
import { BUG_IDS } from '../core/index.ts';
import type { BugId } from '../core/index.ts';
import { checkFuzzRun, fuzzPlan, generateFuzzScenario, shrinkFailure } from '../scenarios/fuzz.ts';
import type { FuzzFailure, FuzzOptions, ShrunkFailure } from '../scenarios/fuzz.ts';
import { encodeLink } from '../scenarios/link.ts';
import { parseOptions, shown } from './args.ts';
import type { CliIo } from './io.ts';

export const FUZZ_USAGE = `usage: npm run fuzz -- [--seeds N] [--servers K] [--until MS] [--start S] [--bug ID]...

Runs one random scenario per seed (crashes, restarts, partitions, cut links, loss, duplication,
forced timeouts, client requests), heals every fault at 2/3 of the run, and checks every
invariant after every event and liveness (a leader, all committed logs equal) after the heal.

  --seeds N     how many seeds (default 100)
  --start S     first seed (default 1)
  --servers K   servers per cluster, 1 to 9 (default 5)
  --until MS    virtual length of each run, ms (default 15000)
  --bug ID      switch on a teaching bug, to see the fuzzer catch it (repeatable): ${BUG_IDS.join(', ')}
  --help        show this help

Exit status: 0 no failure, 1 a violation or liveness failure, 2 bad arguments.
`;

export interface FuzzArgs extends FuzzOptions {
  seeds: number;
  start: number;
  bugs: BugId[];
}

export function parseFuzzArgs(
  argv: readonly string[],
): { ok: true; args: FuzzArgs | null } | { ok: false; error: string } {
  const parsed = parseOptions(argv, {
    help: { kind: 'flag' },
    seeds: { kind: 'int', min: 1, max: 1_000_000, what: 'a count' },
    start: { kind: 'int', min: 0, max: 0xffff_ffff, what: 'a seed' },
    servers: { kind: 'int', min: 1, max: 9, what: 'a count' },
    until: { kind: 'int', min: 3_000, max: 3_600_000, what: 'a whole number of milliseconds' },
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
      servers: ints.get('servers') ?? 5,
      untilMs: ints.get('until') ?? 15_000,
      bugs: bugs as BugId[],
    },
  };
}

export function describeFailure(failure: FuzzFailure): string {
  if (failure.kind === 'liveness') return `liveness at ${failure.timeMs} ms: ${failure.message}`;
  if (failure.kind === 'steps') return `step budget at ${failure.timeMs} ms: ${failure.message}`;
  const servers = failure.servers.map((id) => `S${id}`).join(', ');
  return `${failure.invariant} at ${failure.timeMs} ms (${servers}): ${failure.message}`;
}

function replayLine(shrunk: ShrunkFailure, untilMs: number): string {
  const until = shrunk.failure.kind === 'violation' ? shrunk.failure.timeMs : untilMs;
  const scenario = { ...shrunk.scenario, title: `${shrunk.scenario.title} (shrunk)` };
  try {
    return `  replay: npm run sim -- '${encodeLink(scenario)}' --until ${until}`;
  } catch (error) {
    return `  replay: (no link: ${error instanceof Error ? error.message : String(error)})`;
  }
}

/** The report of one failed seed: what failed, the shrunk actions, how to replay it. */
export function failureReport(
  seed: number,
  originalActions: number,
  shrunk: ShrunkFailure,
  args: FuzzArgs,
): string {
  const actions = shrunk.scenario.actions.map((a) => `    ${JSON.stringify(a)}`);
  const bugs = args.bugs.map((b) => ` --bug ${b}`).join('');
  return [
    `FAIL seed ${seed}: ${describeFailure(shrunk.failure)}`,
    `  shrunk from ${originalActions} to ${actions.length} actions in ${shrunk.attempts} runs:`,
    ...actions,
    replayLine(shrunk, args.untilMs),
    `  rerun: npm run fuzz -- --start ${seed} --seeds 1 --servers ${args.servers} --until ${args.untilMs}${bugs}`,
    '',
  ].join('\n');
}

export async function runFuzz(
  argv: readonly string[],
  io: CliIo,
  clockMs: () => number = () => performance.now(),
): Promise<number> {
  const parsed = parseFuzzArgs(argv);
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
  const plan = fuzzPlan(args.untilMs);
  const counts = { violation: 0, liveness: 0, steps: 0 };
  for (let seed = args.start; seed < args.start + args.seeds; seed++) {
    const scenario = generateFuzzScenario(seed, args);
    const failure = checkFuzzRun(scenario, plan);
    if (failure === null) continue;
    counts[failure.kind] += 1;
    io.stdout(
      failureReport(seed, scenario.actions.length, shrinkFailure(scenario, failure, plan), args),
    );
  }
  const seconds = ((clockMs() - started) / 1000).toFixed(1);
  const last = args.start + args.seeds - 1;
  io.stdout(
    `fuzz: ${args.seeds} seeds (${args.start}..${last}), ${args.servers} server${args.servers === 1 ? '' : 's'}, ${args.untilMs} ms each` +
      `${args.bugs.length > 0 ? `, bugs ${args.bugs.join(' ')}` : ''}: ` +
      `${counts.violation} with violations, ${counts.liveness} liveness failures, ${counts.steps} over the step budget (${seconds} s)\n`,
  );
  return counts.violation + counts.liveness + counts.steps > 0 ? 1 : 0;
}
