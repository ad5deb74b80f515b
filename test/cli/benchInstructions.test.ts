/**
 * `npm run bench -- --instructions` (src/cli/benchInstructions.ts): its arguments, how it reads
 * Valgrind's count and turns two runs into a cost per virtual minute, its table, and the workload
 * it bundles, run here under plain Node (Valgrind is not installed where CI runs).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBench } from '../../src/cli/benchCommand.ts';
import {
  LONG_S,
  SHORT_S,
  bundleWorkload,
  formatInstructionRows,
  instructionsIn,
  parseInstructionArgs,
  perVirtualMinute,
  runInstructionBench,
  type InstructionRow,
} from '../../src/cli/benchInstructions.ts';
import { Simulation, withDefaults } from '../../src/core/index.ts';
import { captureIo } from './helpers.ts';

describe('bench --instructions: arguments', () => {
  it('measures 5 servers by default and takes several sizes, each once', () => {
    expect(parseInstructionArgs([])).toEqual({
      ok: true,
      options: { servers: [5], against: null },
    });
    expect(parseInstructionArgs(['--servers', '9', '--servers', '3', '--servers', '9'])).toEqual({
      ok: true,
      options: { servers: [9, 3], against: null },
    });
    expect(parseInstructionArgs(['--against', '/tmp/old'])).toEqual({
      ok: true,
      options: { servers: [5], against: '/tmp/old' },
    });
  });

  it.each([
    [['--servers', '0'], /from 1 to 9/],
    [['--servers', '10'], /from 1 to 9/],
    [['--servers', '5.5'], /from 1 to 9/],
    [['--servers', '__proto__'], /from 1 to 9/],
    [['--servers'], /needs a value/],
    [['--against', '--servers'], /needs a value/],
    [['--minutes', '3'], /unknown argument/],
  ])('refuses %j with a clear message', (argv, message) => {
    const parsed = parseInstructionArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('answers bad arguments and a checkout that is not one with exit code 2', async () => {
    const bad = captureIo();
    expect(await runBench(['--instructions', '--servers', 'x'], bad.io)).toBe(2);
    expect(bad.out.stderr).toMatch(/--servers must be a whole number/);
    const notCheckout = captureIo();
    expect(await runInstructionBench(['--against', tmpdir()], notCheckout.io)).toBe(2);
    expect(notCheckout.out.stderr).toMatch(/not a checkout of Raft Lab/);
    const help = captureIo();
    expect(await runBench(['--instructions', '--help'], help.io)).toBe(0);
    expect(help.out.stdout).toMatch(/valgrind/);
  });

  it('says it needs valgrind when there is none on the PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      const { io, out } = captureIo();
      expect(await runInstructionBench([], io)).toBe(2);
      expect(out.stderr).toMatch(/needs valgrind/);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('bench --instructions: figures', () => {
  it("reads Valgrind's instruction count", () => {
    const output =
      '==1== Cachegrind, a cache and branch-prediction profiler\n==1==\n==1== I   refs:      5,063,778,233\n';
    expect(instructionsIn(output)).toBe(5_063_778_233);
    expect(instructionsIn('==1== error: no such tool')).toBeNull();
  });

  it('takes the difference of the two runs per virtual minute between them', () => {
    const minutes = (LONG_S - SHORT_S) / 60;
    expect(minutes).toBeGreaterThan(0);
    // Start-up and warm-up (the same in both runs) cancel out.
    expect(perVirtualMinute(3e9 + 2 * 1e8, 3e9 + 5 * 1e8)).toBeCloseTo((3e8 / minutes) * 1, 0);
    expect(perVirtualMinute(1e9, 1e9 + minutes * 2.5e8)).toBeCloseTo(2.5e8, 0);
  });

  it('prints both versions and this one as ratios to the other, and flags a hash mismatch', () => {
    const row = (build: string, core: number, recorder: number, same = true): InstructionRow => ({
      build,
      servers: 5,
      core,
      recorder,
      extra: recorder / core - 1,
      hashesMatch: same,
    });
    const text = formatInstructionRows(
      [row('this', 200e6, 300e6, false)],
      [row('against', 250e6, 450e6)],
    );
    const lines = text.split('\n');
    expect(lines[1]).toMatch(/against\s+5\s+250\.0 M\s+450\.0 M\s+80%\s+yes/);
    expect(lines[2]).toMatch(/this\s+5\s+200\.0 M\s+300\.0 M\s+50%\s+NO/);
    expect(lines[3]).toMatch(/ratio\s+5\s+0\.800x\s+0\.667x/);
  });
});

describe('bench --instructions: the workload', () => {
  let dir = '';
  afterEach(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('bundles into one file that runs the core and the recorder to the same trace hash', async () => {
    dir = await mkdtemp(join(tmpdir(), 'raft-lab-workload-'));
    const root = join(import.meta.dirname, '../..');
    const file = await bundleWorkload(root, join(dir, 'out'));
    const run = (kind: string, seconds: number) =>
      execFileSync(process.execPath, [file, kind, '3', String(seconds)], {
        encoding: 'utf8',
      }).trim();
    const core = run('core', 4);
    expect(core).toMatch(/^[0-9a-f]{16}$/);
    expect(run('recorder', 4)).toBe(core);
    expect(run('core', 5)).not.toBe(core);
    // The same run as the core in this process: the bundle is this checkout's code.
    const sim = Simulation.create({ seed: 1, config: withDefaults({ servers: 3 }), actions: [] });
    let i = 0;
    for (let t = 100; t <= 4000; t += 100) {
      sim.runUntil(t);
      const command = i % 4 === 3 ? `get k${i % 10}` : `set k${i % 10} ${i}`;
      sim.addAction({ at: t, do: 'request', command, client: (i % 3) + 1 });
      i++;
    }
    sim.runUntil(4001);
    expect(core).toBe(sim.traceHash);
  }, 60_000);
});
