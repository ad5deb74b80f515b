import { describe, expect, it } from 'vitest';
import { parseFuzzArgs, runFuzz } from '../../src/cli/fuzzCommand.ts';
import { runSim } from '../../src/cli/simCommand.ts';
import { captureIo } from './helpers.ts';

const clock = () => 0;

describe('npm run fuzz', () => {
  it('passes a few seeds of the correct algorithm with a summary line, exit 0', async () => {
    const { io, out } = captureIo();
    const code = await runFuzz(['--seeds', '3', '--servers', '3', '--start', '10'], io, clock);
    expect(code).toBe(0);
    expect(out.stdout).toBe(
      'fuzz: 3 seeds (10..12), 3 servers, 15000 ms each: 0 with violations, 0 liveness failures, 0 over the step budget (0.0 s)\n',
    );
  });

  it('reports a teaching bug with its seed, shrunk actions and a link that replays it, exit 1', async () => {
    const { io, out } = captureIo();
    const code = await runFuzz(['--seeds', '1', '--bug', 'BUG-VOTEVOLATILE'], io, clock);
    expect(code).toBe(1);
    const lines = out.stdout.split('\n');
    expect(lines[0]).toMatch(/^FAIL seed 1: INV-\w+ at \d+ ms \(S\d(, S\d)*\): /);
    expect(lines[1]).toMatch(/^ {2}shrunk from \d+ to \d+ actions in \d+ runs:$/);
    const replay = lines.find((l) => l.startsWith('  replay: '));
    const match = /^ {2}replay: npm run sim -- '([^']+)' --until (\d+)$/.exec(replay ?? '');
    expect(match).not.toBeNull();
    expect(lines.at(-2)).toMatch(
      /: 1 with violations, 0 liveness failures, 0 over the step budget/,
    );

    // The link replays the failure through `npm run sim`.
    const invariant = /INV-\w+/.exec(lines[0] ?? '')?.[0];
    const replayed = captureIo();
    const simCode = await runSim(
      [match?.[1] ?? '', '--until', match?.[2] ?? '', '--json'],
      replayed.io,
    );
    expect(simCode).toBe(1);
    const result = JSON.parse(replayed.out.stdout) as { violations: { invariant: string }[] };
    expect(result.violations[0]?.invariant).toBe(invariant);
  });

  it('prints its usage for --help', async () => {
    const { io, out } = captureIo();
    expect(await runFuzz(['--help'], io, clock)).toBe(0);
    expect(out.stdout).toMatch(
      /^usage: npm run fuzz -- \[--seeds N\] \[--servers K\] \[--until MS\]/,
    );
  });

  const bad: [string[], string][] = [
    [['--servers', '10'], '--servers: must be a count from 1 to 9 (got "10")'],
    [['--seeds', '0'], '--seeds: must be a count from 1 to 1000000 (got "0")'],
    [
      ['--until', '100'],
      '--until: must be a whole number of milliseconds from 3000 to 3600000 (got "100")',
    ],
    [['--bug', 'BUG-NOPE'], '--bug: unknown bug "BUG-NOPE" (known: BUG-FIG8, '],
    [['--start', '4294967295', '--seeds', '2'], '--start + --seeds: seeds must stay below 2^32'],
    [['extra'], 'unexpected argument "extra" (see --help)'],
  ];
  it.each(bad)('rejects %j with exit 2', async (argv, message) => {
    const parsed = parseFuzzArgs(argv);
    expect(parsed.ok ? '' : parsed.error).toContain(message);
    const { io, out } = captureIo();
    expect(await runFuzz(argv, io, clock)).toBe(2);
    expect(out.stderr.startsWith(`fuzz: ${message}`)).toBe(true);
  });
});
