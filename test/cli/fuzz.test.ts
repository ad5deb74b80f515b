import { describe, expect, it } from 'vitest';
import { parseFuzzArgs, runFuzz } from '../../src/cli/fuzzCommand.ts';
import { Progress } from '../../src/cli/fuzzProgress.ts';
import { rerunLine } from '../../src/cli/fuzzReport.ts';
import { runSim } from '../../src/cli/simCommand.ts';
import { captureIo } from './helpers.ts';

const env = { clockMs: () => 0, defaultJobs: 1 };

async function fuzz(argv: string[]) {
  const { io, out } = captureIo();
  const code = await runFuzz(argv, io, env);
  return { code, ...out };
}

describe('npm run fuzz', () => {
  it('passes a few seeds of the correct algorithm with a summary table, exit 0', async () => {
    const { code, stdout, stderr } = await fuzz([
      '--seeds',
      '3',
      '--start',
      '10',
      '--until',
      '6000',
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('fuzz: seeds 10..12, servers drawn 1..9, 6000 ms each');
    expect(lines.slice(1, -1).map((l) => l.trim().replace(/\s{2,}.*$/, ''))).toEqual([
      'seeds',
      'virtual seconds',
      'events',
      'elections',
      'commits',
      'violations',
      'liveness failures',
      'linearizability undecided',
      'storms',
      'divergences',
      'wall seconds',
      'seeds per wall second',
    ]);
    expect(stdout).toMatch(/^ {2}seeds +3$/m);
    expect(stdout).toMatch(/^ {2}virtual seconds +18\.0$/m);
    expect(stdout).toMatch(/^ {2}violations +0$/m);
    expect(stdout).toMatch(/^ {2}seeds per wall second +-$/m);
  });

  it('reports a teaching bug with its seed, switches, shrunk actions and a replay link, exit 1', async () => {
    const argv = ['--seeds', '20', '--bug', 'BUG-VOTEVOLATILE', '--servers', '3', '--stop'];
    const { code, stdout } = await fuzz(argv);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    const seed = /^FAIL seed (\d+): /.exec(lines[0] ?? '')?.[1];
    expect(lines[0]).toMatch(/^FAIL seed \d+: INV-\w+ at \d+ ms \(S\d(, S\d)*\): /);
    expect(lines[1]).toMatch(
      /^ {2}switches: servers 3( \(voters [\d,]+\))?, reads (log|readIndex|lease), preVote (on|off), /,
    );
    expect(lines[2]).toMatch(/^ {12}actions /);
    expect(lines[3]).toMatch(/^ {2}shrunk from \d+ to \d+ actions in \d+ runs:$/);
    expect(stdout).toContain(
      `  rerun: npm run fuzz -- --start ${seed} --seeds 1 --until 15000 --servers 3 --bug BUG-VOTEVOLATILE\n`,
    );
    expect(stdout).toMatch(/^ {2}violations +1$/m);
    const replay = lines.find((l) => l.startsWith('  replay: '));
    const match = /^ {2}replay: npm run sim -- '([^']+)' --until (\d+)$/.exec(replay ?? '');
    expect(match).not.toBeNull();

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

  it('prints the same reports in seed order with --jobs 1 and --jobs 2', async () => {
    const argv = ['--seeds', '6', '--until', '5000', '--bug', 'BUG-VOTERESET'];
    const one = await fuzz([...argv, '--jobs', '1']);
    const two = await fuzz([...argv, '--jobs', '2']);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
    const seeds = [...one.stdout.matchAll(/^FAIL seed (\d+)/gm)].map((m) => Number(m[1]));
    expect(seeds).toEqual([...seeds].sort((a, b) => a - b));
  }, 60_000);

  it('stops at the lowest failing seed with --stop, whatever --jobs', async () => {
    const argv = ['--seeds', '40', '--until', '5000', '--bug', 'BUG-VOTEVOLATILE', '--stop'];
    const one = await fuzz([...argv, '--jobs', '1']);
    const two = await fuzz([...argv, '--jobs', '2']);
    expect(one.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.match(/^FAIL seed/gm)).toHaveLength(1);
    expect(one.stdout).toContain('(stopped at the first failing seed)');
  }, 60_000);

  it('runs every seed twice with --twice and finds no divergence', async () => {
    const { code, stdout } = await fuzz(['--seeds', '2', '--until', '5000', '--twice']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/, each seed run twice\n/);
    expect(stdout).toMatch(/^ {2}divergences +0$/m);
  });

  it('prints its usage for --help', async () => {
    const { code, stdout } = await fuzz(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm run fuzz -- \[--seeds N\] \[--servers K\] \[--until MS\]/);
    expect(stdout).toContain('--jobs J');
  });

  const bad: [string[], string][] = [
    [['--servers', '10'], '--servers: must be a count from 1 to 9 (got "10")'],
    [['--seeds', '0'], '--seeds: must be a count from 1 to 1000000 (got "0")'],
    [['--jobs', '0'], '--jobs: must be a count from 1 to 256 (got "0")'],
    [
      ['--until', '100'],
      '--until: must be a whole number of milliseconds from 3000 to 3600000 (got "100")',
    ],
    [['--bug', 'BUG-NOPE'], '--bug: unknown bug "BUG-NOPE" (known: BUG-FIG8, '],
    [['--start', '4294967295', '--seeds', '2'], '--start + --seeds: seeds must stay below 2^32'],
    [['--twice=yes'], '--twice takes no value'],
    [['--every-feature=1'], '--every-feature takes no value'],
    [['extra'], 'unexpected argument "extra" (see --help)'],
  ];
  it.each(bad)('rejects %j with exit 2 and one line', async (argv, message) => {
    const parsed = parseFuzzArgs(argv);
    expect(parsed.ok ? '' : parsed.error).toContain(message);
    const { code, stdout, stderr } = await fuzz(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.startsWith(`fuzz: ${message}`)).toBe(true);
    expect(stderr.split('\n')).toHaveLength(2);
  });

  it('reads --every-feature, and the rerun line of a failure repeats it', () => {
    const parsed = parseFuzzArgs(['--every-feature']);
    expect(parsed.ok && parsed.args?.everyFeature).toBe(true);
    const plain = parseFuzzArgs([]);
    expect(plain.ok && plain.args?.everyFeature).toBe(false);
    expect(rerunLine(7, { untilMs: 15_000, bugs: [], twice: false, everyFeature: true })).toMatch(
      /--start 7 --seeds 1 --until 15000 --every-feature$/,
    );
  });

  it('uses one worker per core by default, never more than seeds', () => {
    const parsed = parseFuzzArgs(['--seeds', '3'], 8);
    expect(parsed.ok && parsed.args?.jobs).toBe(3);
    const pinned = parseFuzzArgs(['--seeds', '30', '--jobs', '2'], 8);
    expect(pinned.ok && pinned.args?.jobs).toBe(2);
  });
});

describe('fuzz progress', () => {
  function progress(mode: 'bar' | 'lines') {
    const { io, out } = captureIo();
    let now = 0;
    const p = new Progress(io, mode, 100, () => now);
    return { p, out, tick: (ms: number) => (now += ms) };
  }

  it('redraws a bar in place on a terminal and clears it at the end', () => {
    const { p, out, tick } = progress('bar');
    tick(1_000);
    p.update(10, 0);
    p.update(11, 0); // too soon: not redrawn
    tick(1_000);
    p.update(20, 1);
    p.finish();
    const frames = out.stderr.split('\r\u001b[2K');
    expect(frames).toEqual([
      '',
      '[##......................] 10/100 seeds, no failures, 10.0 seeds/s, ETA 9 s',
      '[#####...................] 20/100 seeds, 1 failing, 10.0 seeds/s, ETA 8 s',
      '',
    ]);
  });

  it('prints a plain line every half minute otherwise', () => {
    const { p, out, tick } = progress('lines');
    tick(10_000);
    p.update(5, 0);
    tick(25_000);
    p.update(50, 0);
    expect(out.stderr).toBe('fuzz: 50/100 seeds, no failures, 1.4 seeds/s, ETA 35 s\n');
  });
});
