import { describe, expect, it } from 'vitest';
import {
  benchSetup,
  formatBench,
  measureAll,
  measureTrial,
  median,
  parseBenchArgs,
  runBench,
  spread,
  type Trial,
} from '../../src/cli/benchCommand.ts';
import {
  formatProfileSplit,
  formatRecorderTable,
  measureRecorder,
  medianRow,
  profileRecorder,
  splitProfile,
  type CpuProfile,
  type RecorderRow,
} from '../../src/cli/benchRecorder.ts';
import { captureIo } from './helpers.ts';

/** A clock that moves `step` ms every time it is read. */
function fakeClock(step = 1): () => number {
  let now = 0;
  return () => (now += step);
}

function trial(servers: number, virtualPerWall: number, extra: Partial<Trial> = {}): Trial {
  return {
    servers,
    runs: 10,
    virtualMs: virtualPerWall * 3_000,
    wallMs: 3_000,
    cpuMs: 1_500, // half the wall time: the machine is shared
    events: virtualPerWall * 3_000 * 0.6, // 600 events per virtual second
    checkpointMs: 2,
    checkpointKb: 100 * servers,
    seekMs: 10,
    ...extra,
  };
}

describe('bench', () => {
  it('takes medians and spreads', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(spread([7, 1, 3, 9, 5])).toEqual({ median: 5, min: 1, max: 9 });
  });

  it('repeats simulations until the trial has run for its wall time', () => {
    // Each timed section reads the clock twice, so it lasts exactly 1 ms.
    // The CPU clock moves 2 ms per reading, read twice per run: 2 ms of CPU per run.
    const t = measureTrial(benchSetup(3, 2_000), 2_000, 3, fakeClock(), fakeClock(2));
    expect(t.runs).toBe(3);
    expect(t.virtualMs).toBe(6_000);
    expect(t.wallMs).toBe(3);
    expect(t.cpuMs).toBe(6);
    expect(t.events).toBeGreaterThan(3 * 500);
    expect(t.checkpointMs).toBe(1);
    expect(t.seekMs).toBe(1);
    expect(t.checkpointKb).toBeGreaterThan(1);
  });

  it('runs at least one simulation even with no wall time asked for', () => {
    const t = measureTrial(benchSetup(1, 1_000), 1_000, 0, fakeClock(), fakeClock());
    expect(t.runs).toBe(1);
    expect(t.servers).toBe(1);
  });

  it('warms up, then takes the trials in turn for every cluster size', () => {
    const rounds: number[][] = [];
    const bySize = measureAll(
      {
        recorder: null,
        recorderTrials: 1,
        servers: [3, 1],
        trialMs: 2,
        trials: 3,
        warmupMs: 1,
        runMs: 1_000,
      },
      fakeClock(),
      (round, done) => rounds.push([round, ...done.map((t) => t.servers)]),
      fakeClock(),
    );
    expect(rounds).toEqual([
      [1, 3, 1],
      [2, 3, 1],
      [3, 3, 1],
    ]);
    expect(bySize.map((trials) => trials.map((t) => [t.servers, t.runs]))).toEqual([
      [
        [3, 2],
        [3, 2],
        [3, 2],
      ],
      [
        [1, 2],
        [1, 2],
        [1, 2],
      ],
    ]);
  });

  it('prints medians with their spread, and ratios taken trial by trial', () => {
    const fives = [trial(5, 900), trial(5, 1_000), trial(5, 1_200, { seekMs: 12 })];
    const nines = [trial(9, 450), trial(9, 600), trial(9, 480)];
    const text = formatBench([fives, nines]);
    expect(text).toMatch(
      /^servers +virtual s\/s +spread +virtual s\/CPU s +spread +events\/s +checkpoint ms/,
    );
    expect(text).toMatch(
      /\n5 +1,000 \(900–1,200\) +30% +2,000 \(1,800–2,400\) +30% +600,000 \(540,000–720,000\) +2\.00 \(2\.00–2\.00\) +500\.0 +10\.00 \(10\.00–12\.00\)\n/,
    );
    expect(text).toMatch(/\n9 +480 \(450–600\) +31% +960 \(900–1,200\) +31% /);
    expect(text).toMatch(/\nratio, trial by trial +9 vs 5\n/);
    // Per trial: 450/900, 600/1000, 480/1200.
    expect(text).toMatch(/\nvirtual s\/s +0\.50x \(0\.40x–0\.60x\)\n/);
    expect(text).toMatch(/\nvirtual s\/CPU s +0\.50x \(0\.40x–0\.60x\)\n/);
    expect(text).toMatch(/\ncheckpoint KB +1\.80x \(1\.80x–1\.80x\)\n/);
  });

  it('prints no ratios for a single cluster size', () => {
    const text = formatBench([[trial(5, 1_000)]]);
    expect(text).not.toContain('ratio');
    expect(text).toMatch(/\n5 +1,000 \(1,000–1,000\) +0% /);
  });

  it('reads its options, with defaults', () => {
    expect(parseBenchArgs([])).toEqual({
      ok: true,
      options: {
        recorder: null,
        recorderTrials: 1,
        servers: [5, 9],
        trialMs: 3_000,
        trials: 5,
        warmupMs: 2_000,
        runMs: 60_000,
      },
    });
    expect(
      parseBenchArgs([
        '--servers',
        '3',
        '--servers=9',
        '--seconds',
        '4',
        '--trials=7',
        '--warmup',
        '0',
        '--run',
        '30',
      ]),
    ).toEqual({
      ok: true,
      options: {
        recorder: null,
        recorderTrials: 7,
        servers: [3, 9],
        trialMs: 4_000,
        trials: 7,
        warmupMs: 0,
        runMs: 30_000,
      },
    });
    expect(parseBenchArgs(['--help'])).toEqual({ ok: true, options: 'help' });
    expect(parseBenchArgs(['--recorder'])).toMatchObject({ options: { recorder: [1, 10, 60] } });
    expect(parseBenchArgs(['--recorder', '--minutes', '2', '--minutes=5'])).toMatchObject({
      options: { recorder: [2, 5], recorderTrials: 1 },
    });
    expect(parseBenchArgs(['--recorder', '--trials', '3'])).toMatchObject({
      options: { recorderTrials: 3 },
    });
    expect(parseBenchArgs(['--recorder', '--split'])).toMatchObject({
      options: { recorderSplit: true },
    });
    expect(parseBenchArgs(['--split'])).toEqual({ ok: false, error: '--split is for --recorder' });
  });

  it('measures recording against the bare core on the same run (same trace hash)', () => {
    const rows = measureRecorder([0.1, 0.2], 3, () => performance.now());
    expect(rows.map((r) => [r.minutes, r.servers, r.hashesMatch, r.seeks])).toEqual([
      [0.1, 3, true, 21],
      [0.2, 3, true, 21],
    ]);
    for (const r of rows) {
      expect(r.recorderVirtualPerWall).toBeGreaterThan(0);
      expect(r.seekP95Ms).toBeGreaterThanOrEqual(r.seekMedianMs);
      // The last tenth's extra cost is a ratio of two CPU times measured over it.
      expect(Number.isFinite(r.overheadCpuLastTenth)).toBe(true);
      expect(r.overheadCpuLastTenth).toBeGreaterThan(-1);
    }
    const table = formatRecorderTable([
      ...rows,
      { ...(rows[0] as RecorderRow), hashesMatch: false },
    ]);
    expect(table.split('\n')).toHaveLength(4);
    expect(table).toMatch(/ yes\n.* yes\n.* NO$/);
  });

  it('takes trials in turn and prints the median of each figure, the last tenth with its spread', () => {
    const [row] = measureRecorder([0.1], 3, () => performance.now(), undefined, 3);
    if (row === undefined) throw new Error('no row');
    expect(row.trials).toBe(3);
    expect(row.hashesMatch).toBe(true);
    const [low, high] = row.lastTenthSpread;
    expect(low).toBeLessThanOrEqual(row.overheadCpuLastTenth);
    expect(high).toBeGreaterThanOrEqual(row.overheadCpuLastTenth);
    const text = formatRecorderTable([
      { ...row, overheadCpuLastTenth: 0.3, lastTenthSpread: [0.1, 0.9] },
    ]);
    expect(text).toMatch(/ 30% \(10–90%\) /);
    // The median of each figure, not the first trial's; one trial without a hash match spoils all.
    const at = (x: number, hashesMatch = true): RecorderRow => ({
      ...row,
      overhead: x,
      overheadCpuLastTenth: x,
      seekP95Ms: 10 * x,
      hashesMatch,
    });
    const m = medianRow([at(0.5), at(0.1), at(0.3)]);
    expect([m.overhead, m.overheadCpuLastTenth, m.seekP95Ms, m.trials]).toEqual([0.3, 0.3, 3, 3]);
    expect(m.lastTenthSpread).toEqual([0.1, 0.5]);
    expect(medianRow([at(0.5), at(0.1, false), at(0.3)]).hashesMatch).toBe(false);
  });

  it.each([
    [['--fast'], 'bench: unknown option "--fast" (see --help)\n'],
    [['--servers', '10'], 'bench: --servers: must be a cluster size from 1 to 9 (got "10")\n'],
    [['--servers', '0'], 'bench: --servers: must be a cluster size from 1 to 9 (got "0")\n'],
    [['--servers', 'five'], 'bench: --servers: must be a cluster size from 1 to 9 (got "five")\n'],
    [['--servers', '5', '--servers', '5'], 'bench: --servers: 5 given twice\n'],
    [
      ['--seconds', '0'],
      'bench: --seconds: must be a whole number of wall seconds from 1 to 600 (got "0")\n',
    ],
    [['--trials', '2.5'], 'bench: --trials: must be a count from 1 to 100 (got "2.5")\n'],
    [['fast'], 'bench: takes no arguments (see --help)\n'],
    [
      ['--recorder', '--minutes', '0'],
      'bench: --minutes: must be from 1 to 240 virtual minutes (got "0")\n',
    ],
    [['--minutes', '5'], 'bench: --minutes is for --recorder\n'],
  ])('rejects %j with exit 2 and says why', async (argv, message) => {
    const { io, out } = captureIo();
    expect(await runBench(argv, io)).toBe(2);
    expect(out.stderr).toBe(message);
    expect(out.stdout).toBe('');
  });

  it('prints its usage', async () => {
    const { io, out } = captureIo();
    expect(await runBench(['--help'], io)).toBe(0);
    expect(out.stdout).toContain('--seconds S');
    expect(out.stdout).toContain('--trials N');
  });

  it('runs end to end: the description, progress on stderr, the table', async () => {
    const { io, out } = captureIo();
    const argv = ['--servers', '1', '--servers', '3', '--seconds', '1', '--trials', '2'];
    const run = runBench(
      [...argv, '--warmup', '0', '--run', '1'],
      io,
      fakeClock(250),
      fakeClock(50),
    );
    expect(await run).toBe(0);
    expect(out.stdout).toMatch(/^bench: 1 and 3 servers, a client request every 100 ms/);
    expect(out.stdout).toContain('for at least 1 s of wall time, after 0 s of warm-up');
    // 4 runs of 1 virtual s in 1 s of "wall" and 0.2 s of CPU.
    expect(out.stdout).toMatch(/\n1 +4 \(4–4\) +0% +20 \(20–20\) +0% /);
    expect(out.stdout).toMatch(/\nvirtual s\/s +1\.00x \(1\.00x–1\.00x\)\n/);
    expect(out.stderr).toBe(
      'trial 1/2: virtual s/s 1 servers 4, 3 servers 4\ntrial 2/2: virtual s/s 1 servers 4, 3 servers 4\n',
    );
  });
});

describe("the recorder's profile split", () => {
  /** A profile whose nodes sit under a root; each sample lasts `us` microseconds. */
  function profile(
    nodes: { id: number; name: string; url: string; children?: number[] }[],
    samples: number[],
    us = 1000,
  ): CpuProfile {
    return {
      nodes: nodes.map((n) => ({
        id: n.id,
        callFrame: { functionName: n.name, url: n.url },
        ...(n.children === undefined ? {} : { children: n.children }),
      })),
      samples,
      timeDeltas: samples.map(() => us),
    };
  }

  it("counts the store and the checkpoints' copies as the recorder, a built-in as its caller", () => {
    const p = profile(
      [
        { id: 1, name: '(root)', url: '', children: [2, 3, 6, 8] },
        { id: 2, name: 'step', url: 'file:///x/src/core/sim.ts', children: [4] },
        { id: 3, name: 'onEvent', url: 'file:///x/src/store/recorder.ts', children: [5] },
        { id: 4, name: 'hashSend', url: 'file:///x/src/core/traceHash.ts' },
        // A structured clone called by the recorder is the recorder's.
        { id: 5, name: 'structuredClone', url: '', children: [7] },
        { id: 6, name: '(garbage collector)', url: '' },
        { id: 7, name: 'packState', url: 'file:///x/src/core/stateCopy.ts' },
        { id: 8, name: '(program)', url: '' },
      ],
      [2, 2, 4, 3, 5, 5, 7, 6, 8, 1],
    );
    expect(splitProfile(p)).toEqual({ coreMs: 3, recorderMs: 4, gcMs: 1, otherMs: 2 });
    expect(formatProfileSplit(10, splitProfile(p))).toBe(
      "profile of a recorded 10-minute run: the recorder's own time is 133% of the core's, the collector's 33% (ms: core 3, recorder 4, collector 1, other 2)",
    );
  });

  it('finds both the core and the recorder in a profiled recorded run', async () => {
    const split = await profileRecorder(0.2, 3);
    expect(split.coreMs).toBeGreaterThan(0);
    expect(split.recorderMs).toBeGreaterThan(0);
    expect(split.recorderMs).toBeLessThan(split.coreMs * 5);
  });
});
