/**
 * `npm run sim -- FILE_OR_LINK [--until MS] [--json]` (our design notes ("The command line"), contract):
 * runs a scenario headless on the core, exactly as the app does, and prints where it ended; then
 * checks the clients' history for linearizability (INV-C2, linearizability.ts).
 * Exit 0 when fine, 1 when an invariant was violated, 2 on bad input (one line naming what is
 * wrong and where, never a stack trace).
 */
import { Simulation, defaultUntil } from '../core/index.ts';
import type { RunResult } from '../core/index.ts';
import {
  HistoryRecorder,
  checkLinearizable,
  linearizabilityViolations,
  type LinearizabilityResult,
} from '../core/linearizability.ts';
import { LIMITS } from '../scenarios/limits.ts';
import { decodeLink } from '../scenarios/link.ts';
import { parseScenarioText, toRunSetup } from '../scenarios/schema.ts';
import type { ParseResult, Scenario } from '../scenarios/schema.ts';
import { refusalText } from '../i18n/refusalText.ts';
import { parseOptions, shown } from './args.ts';
import type { CliIo } from './io.ts';
import { formatSummary, plain } from './summary.ts';

export const EXIT = { ok: 0, violation: 1, badInput: 2, internal: 3 } as const;

export const SIM_USAGE = `usage: npm run sim -- FILE_OR_LINK [--until MS] [--json]

Runs a Raft Lab scenario headless and prints where it ended.

  FILE_OR_LINK  a scenario file (JSON), a share link (http(s)://...#s=...), or - for standard input
  --until MS    run up to this virtual time in ms, inclusive (default: 10000 after the last action)
  --json        print one JSON object: { time, traceHash, violations, servers }
  --help        show this help

After the run, the clients' answers are checked for linearizability, key by key (INV-C2).

Exit status: 0 ok, 1 an invariant was violated, 2 bad input.
`;

export type SimArgs =
  { help: true } | { help: false; source: string; untilMs: number | null; json: boolean };

export function parseSimArgs(
  argv: readonly string[],
): { ok: true; args: SimArgs } | { ok: false; error: string } {
  const parsed = parseOptions(argv, {
    help: { kind: 'flag' },
    json: { kind: 'flag' },
    until: { kind: 'int', min: 0, max: LIMITS.timeMs, what: 'a whole number of milliseconds' },
  });
  if (!parsed.ok) return parsed;
  const { positionals, flags, ints } = parsed.options;
  if (flags.has('help')) return { ok: true, args: { help: true } };
  const [source, extra] = positionals;
  if (source === undefined || source === '') {
    return {
      ok: false,
      error: 'missing FILE_OR_LINK: a scenario file, a share link or - (see --help)',
    };
  }
  if (extra !== undefined)
    return { ok: false, error: `one scenario at a time (also got ${shown(extra)})` };
  const untilMs = ints.get('until') ?? null;
  return { ok: true, args: { help: false, source, untilMs, json: flags.has('json') } };
}

export function isLink(source: string): boolean {
  return /^https?:\/\//i.test(source) || source.includes('#s=');
}

/** Where the scenario came from, for error messages: a path, "link" or "standard input". */
export function sourceName(source: string): string {
  if (source === '-') return 'standard input';
  if (isLink(source)) return 'link';
  return /^[\w./@+,:~ -]+$/.test(source) ? source : shown(source);
}

/** A scenario, or one English line saying why there is none. */
export type Loaded = { ok: true; scenario: Scenario } | { ok: false; error: string };

/** A refusal in the CLI's English, numbers as plain digits (the same words as the app's English). */
export function englishReason(result: ParseResult): string {
  return result.ok ? '' : refusalText(result.refusal, 'en', { plainNumbers: true });
}

async function readScenario(source: string, io: CliIo): Promise<Loaded> {
  if (isLink(source)) return loaded(decodeLink(source));
  const read =
    source === '-'
      ? await io.readStdin(LIMITS.textChars)
      : await io.readFile(source, LIMITS.textChars);
  return read.ok ? loaded(parseScenarioText(read.text)) : read;
}

function loaded(result: ParseResult): Loaded {
  return result.ok ? result : { ok: false, error: englishReason(result) };
}

/** The scenario named on the command line, or an error line naming the source. */
export async function loadScenario(source: string, io: CliIo): Promise<Loaded> {
  const result = await readScenario(source, io);
  return result.ok ? result : { ok: false, error: `${sourceName(source)}: ${result.error}` };
}

export type Headless =
  | { ok: true; result: RunResult; complete: boolean; linearizability: LinearizabilityResult }
  | { ok: false; error: string };

/**
 * Runs the scenario to `untilMs`. `complete` is false if the core's step limit stopped it first;
 * an error if the core refuses the setup (the schema should have caught it already). The clients'
 * history is then checked for linearizability: a key that fails is an INV-C2 violation, merged
 * into the run's violations in time order.
 */
export function runHeadless(scenario: Scenario, untilMs: number): Headless {
  const setup = toRunSetup(scenario);
  let sim: Simulation;
  try {
    sim = Simulation.create(setup);
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, error: error.message };
    throw error;
  }
  const recorder = new HistoryRecorder(setup.initial);
  sim.onEvent = (e) => recorder.observe(e);
  const complete = sim.runUntil(untilMs);
  const linearizability = checkLinearizable(recorder.history());
  const result = sim.result();
  const violations = [...result.violations, ...linearizabilityViolations(linearizability)];
  result.violations = violations.sort((a, b) => a.time - b.time);
  return { ok: true, result, complete, linearizability };
}

/** Keys whose history the checker could not decide: said on stderr, not a violation. */
function undecidedLines(check: LinearizabilityResult): string {
  return check.inconclusive
    .map(
      (k) =>
        `sim: linearizability of key ${plain(k.key)} (${k.operations} operations) not decided: ${k.reason}\n`,
    )
    .join('');
}

export async function runSim(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseSimArgs(argv);
  if (!parsed.ok) {
    io.stderr(`sim: ${parsed.error}\n`);
    return EXIT.badInput;
  }
  const args = parsed.args;
  if (args.help) {
    io.stdout(SIM_USAGE);
    return EXIT.ok;
  }
  const loaded = await loadScenario(args.source, io);
  if (!loaded.ok) {
    io.stderr(`sim: ${loaded.error}\n`);
    return EXIT.badInput;
  }
  const untilMs = args.untilMs ?? defaultUntil(loaded.scenario.actions);
  const run = runHeadless(loaded.scenario, untilMs);
  if (!run.ok) {
    io.stderr(`sim: ${sourceName(args.source)}: the core refused the scenario: ${run.error}\n`);
    return EXIT.badInput;
  }
  const result = run.result;
  if (!run.complete) {
    io.stderr(`sim: stopped at ${result.time} ms by the core's step limit, before ${untilMs} ms\n`);
  }
  const undecided = undecidedLines(run.linearizability);
  if (undecided !== '') io.stderr(undecided);
  io.stdout(args.json ? `${JSON.stringify(result)}\n` : formatSummary(loaded.scenario, result));
  return result.violations.length > 0 ? EXIT.violation : EXIT.ok;
}
