/**
 * The text of `npm run fuzz`: one report per failing seed (what failed, the seed's switches, the
 * shrunk actions, how to replay and rerun it), the summary table, and the progress line. Plain
 * data in, text out, so a worker thread formats its own seed and the main thread only prints.
 */
import { describeSwitches } from '../scenarios/fuzzSwitches.ts';
import type { FuzzFailure, FuzzRunStats, ShrunkFailure } from '../scenarios/fuzzCheck.ts';
import type { FuzzSeedOutcome } from '../scenarios/fuzzSeed.ts';
import { encodeLink } from '../scenarios/link.ts';
import type { BugId } from '../core/index.ts';

export type FindingKind = 'violation' | 'liveness' | 'storm' | 'divergence';

/** What a worker sends back for one seed: plain data, printed in seed order. */
export interface SeedReport {
  seed: number;
  stats: FuzzRunStats;
  finding: FindingKind | null;
  /** The report text (empty for a seed without findings). */
  text: string;
}

export interface ReportArgs {
  servers?: number | undefined;
  untilMs: number;
  bugs: readonly BugId[];
  twice: boolean;
  everyFeature?: boolean;
}

export function describeFailure(failure: FuzzFailure): string {
  switch (failure.kind) {
    case 'liveness':
      return `liveness at ${failure.timeMs} ms: ${failure.message}`;
    case 'storm':
      return `storm at ${failure.timeMs} ms: ${failure.message}`;
    case 'violation':
    case 'check': {
      const servers = failure.servers.map((id) => `S${id}`).join(', ');
      const name = failure.kind === 'violation' ? failure.invariant : failure.check;
      return `${name} at ${failure.timeMs} ms (${servers}): ${failure.message}`;
    }
  }
}

function replayLine(shrunk: ShrunkFailure, untilMs: number): string {
  const failure = shrunk.failure;
  // INV-C2 is judged on the whole history: a shorter run may leave the answers that contradict
  // each other pending, which explains them.
  const whole =
    failure.kind === 'liveness' || (failure.kind === 'violation' && failure.invariant === 'INV-C2');
  const until = whole ? untilMs : failure.timeMs;
  const scenario = { ...shrunk.scenario, title: `${shrunk.scenario.title} (shrunk)` };
  try {
    return `  replay: npm run sim -- '${encodeLink(scenario)}' --until ${until}`;
  } catch (error) {
    return `  replay: (no link: ${error instanceof Error ? error.message : String(error)})`;
  }
}

export function rerunLine(seed: number, args: ReportArgs): string {
  const servers = args.servers === undefined ? '' : ` --servers ${args.servers}`;
  const bugs = args.bugs.map((b) => ` --bug ${b}`).join('');
  const twice = args.twice ? ' --twice' : '';
  const every = args.everyFeature === true ? ' --every-feature' : '';
  return `  rerun: npm run fuzz -- --start ${seed} --seeds 1 --until ${args.untilMs}${servers}${bugs}${twice}${every}`;
}

function switchLines(outcome: FuzzSeedOutcome): string[] {
  const [first = '', ...rest] = describeSwitches(outcome.spec.switches);
  return [`  switches: ${first}`, ...rest.map((line) => `            ${line}`)];
}

/** The report of one seed, or '' when it found nothing. */
export function seedReportText(outcome: FuzzSeedOutcome, args: ReportArgs): string {
  const lines: string[] = [];
  const { divergence, failure, shrunk, seed } = outcome;
  if (divergence !== null) {
    const where =
      divergence.eventIndex >= 0 ? `event #${divergence.eventIndex}` : 'the outcome (same events)';
    lines.push(
      `DIVERGE seed ${seed}: two runs differ at ${where}; trace ${divergence.traceHashes.join(' vs ')}`,
      `  first:  ${divergence.first}`,
      `  second: ${divergence.second}`,
      ...switchLines(outcome),
      rerunLine(seed, args),
      '',
    );
  }
  if (failure !== null) {
    const shown = shrunk ?? { scenario: outcome.spec.scenario, failure, attempts: 0 };
    const actions = shown.scenario.actions.map((a) => `    ${JSON.stringify(a)}`);
    lines.push(
      `FAIL seed ${seed}: ${describeFailure(shown.failure)}`,
      ...switchLines(outcome),
      shrunk === null
        ? `  ${actions.length} actions (not shrunk):`
        : `  shrunk from ${outcome.spec.scenario.actions.length} to ${actions.length} actions in ${shrunk.attempts} runs:`,
      ...actions,
      replayLine(shown, outcome.spec.plan.untilMs),
      rerunLine(seed, args),
      '',
    );
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

export function findingOf(outcome: FuzzSeedOutcome): FindingKind | null {
  if (outcome.divergence !== null) return 'divergence';
  const kind = outcome.failure?.kind;
  if (kind === undefined) return null;
  return kind === 'check' ? 'violation' : kind;
}

export function toSeedReport(outcome: FuzzSeedOutcome, args: ReportArgs): SeedReport {
  return {
    seed: outcome.seed,
    stats: outcome.stats,
    finding: findingOf(outcome),
    text: seedReportText(outcome, args),
  };
}

export interface Totals {
  seeds: number;
  virtualMs: number;
  events: number;
  elections: number;
  commits: number;
  livenessChecked: number;
  /** Seeds whose history the linearizability check judged, and those it could not decide. */
  linearizabilityChecked: number;
  linearizabilityInconclusive: number;
  findings: Record<FindingKind, number>;
}

export function emptyTotals(): Totals {
  return {
    seeds: 0,
    virtualMs: 0,
    events: 0,
    elections: 0,
    commits: 0,
    livenessChecked: 0,
    linearizabilityChecked: 0,
    linearizabilityInconclusive: 0,
    findings: { violation: 0, liveness: 0, storm: 0, divergence: 0 },
  };
}

export function addReport(totals: Totals, report: SeedReport): void {
  totals.seeds += 1;
  totals.virtualMs += report.stats.virtualMs;
  totals.events += report.stats.events;
  totals.elections += report.stats.elections;
  totals.commits += report.stats.commits;
  if (report.stats.livenessChecked) totals.livenessChecked += 1;
  if (report.stats.linearizability !== 'unchecked') totals.linearizabilityChecked += 1;
  if (report.stats.linearizability === 'inconclusive') totals.linearizabilityInconclusive += 1;
  if (report.finding !== null) totals.findings[report.finding] += 1;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** The summary table; `wallSeconds` null leaves out the timing rows (deterministic output). */
export function summaryTable(totals: Totals, heading: string, wallSeconds: number | null): string {
  const rows: [string, string, string?][] = [
    ['seeds', count(totals.seeds)],
    ['virtual seconds', (totals.virtualMs / 1000).toFixed(1)],
    ['events', count(totals.events)],
    ['elections', count(totals.elections)],
    ['commits', count(totals.commits)],
    ['violations', count(totals.findings.violation)],
    [
      'liveness failures',
      count(totals.findings.liveness),
      `liveness checked on ${count(totals.livenessChecked)} seeds`,
    ],
    [
      'linearizability undecided',
      count(totals.linearizabilityInconclusive),
      `histories checked on ${count(totals.linearizabilityChecked)} seeds; not a failure`,
    ],
    ['storms', count(totals.findings.storm)],
    ['divergences', count(totals.findings.divergence)],
  ];
  if (wallSeconds !== null) {
    const rate = wallSeconds > 0 ? (totals.seeds / wallSeconds).toFixed(1) : '-';
    rows.push(['wall seconds', wallSeconds.toFixed(1)], ['seeds per wall second', rate]);
  }
  const lines = rows.map(
    ([name, value, note]) =>
      `  ${name.padEnd(26)}${value.padStart(12)}${note === undefined ? '' : `  (${note})`}`,
  );
  return `${heading}\n${lines.join('\n')}\n`;
}

export function failingCount(totals: Totals): number {
  const f = totals.findings;
  return f.violation + f.liveness + f.storm + f.divergence;
}
