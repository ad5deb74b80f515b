/** The human summary of `npm run sim` (without --json): a few lines, aligned, no colour. */
import type { RunResult, ServerSummary } from '../core/index.ts';
import type { Scenario } from '../scenarios/schema.ts';

const KV_SHOWN = 6;

/** Untrusted text on a terminal: no control characters, bounded length. */
export function plain(text: string, max = 80): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

function leaders(servers: readonly ServerSummary[]): string {
  const live = servers.filter((s) => !s.crashed && s.role === 'leader');
  if (live.length === 0) return 'no leader';
  const names = live.map((s) => `S${s.id} (term ${s.term})`);
  return `${live.length === 1 ? 'leader' : 'leaders'} ${names.join(', ')}`;
}

function kvText(kv: Record<string, string>): string {
  const entries = Object.entries(kv).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return '(empty)';
  const shown = entries.slice(0, KV_SHOWN).map(([k, v]) => `${k}=${v}`);
  return entries.length > KV_SHOWN
    ? `${shown.join(' ')} …+${entries.length - KV_SHOWN}`
    : shown.join(' ');
}

function serverLine(s: ServerSummary): string {
  const role = s.crashed ? 'crashed' : s.role;
  const vote = s.votedFor === null ? '-' : `S${s.votedFor}`;
  return [
    `  S${s.id}`.padEnd(6),
    role.padEnd(10),
    `term ${s.term}`.padEnd(10),
    `vote ${vote}`.padEnd(9),
    // The last index: the snapshot's entries are no longer listed in `log`.
    `log ${(s.snapshot?.index ?? 0) + s.log.length}`.padEnd(9),
    s.snapshot === null ? '' : `snapshot ${s.snapshot.index}`.padEnd(13),
    `commit ${s.commitIndex}`.padEnd(12),
    `applied ${s.lastApplied}`.padEnd(13),
    `kv ${kvText(s.kv)}`,
  ].join('');
}

function violationLines(result: RunResult): string[] {
  const count = result.violations.length;
  if (count === 0) return ['no violations'];
  const lines = result.violations.map((v) => {
    const servers = v.servers.map((id) => `S${id}`).join(', ');
    return `  ${v.invariant} at ${v.time} ms (${servers}): ${v.message}`;
  });
  return [`${count} violation${count === 1 ? '' : 's'}:`, ...lines];
}

export function formatSummary(scenario: Scenario, result: RunResult): string {
  const n = scenario.config.servers;
  const lines = [
    `${plain(scenario.title)}: ${n} server${n === 1 ? '' : 's'}, seed ${scenario.seed}, ${scenario.actions.length} actions`,
    `time ${result.time} ms  trace ${result.traceHash}  ${leaders(result.servers)}`,
    ...result.servers.map(serverLine),
    ...violationLines(result),
  ];
  return `${lines.join('\n')}\n`;
}
