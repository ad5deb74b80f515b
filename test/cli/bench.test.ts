import { describe, expect, it } from 'vitest';
import { formatBench, measure, median, runBench } from '../../src/cli/benchCommand.ts';
import { captureIo } from './helpers.ts';

describe('bench', () => {
  it('takes medians', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('measures a run with a fake clock: every call advances 1 ms', () => {
    let now = 0;
    const row = measure(3, 2_000, 3, () => now++);
    // Each timed section reads the clock twice, so it lasts exactly 1 ms.
    expect(row.virtualPerWall).toBe(2_000);
    expect(row.checkpointMs).toBe(1);
    expect(row.seekMs).toBe(1);
    expect(row.eventsPerSecond).toBeGreaterThan(10_000);
    expect(row.checkpointKb).toBeGreaterThan(1);
  });

  it('prints the table and the ratios side by side', () => {
    const row = (servers: number, k: number) => ({
      servers,
      eventsPerSecond: 100_000 / k,
      virtualPerWall: 300 / k,
      checkpointMs: k,
      checkpointKb: 100 * k,
      seekMs: 10 * k,
    });
    const text = formatBench([row(3, 1), row(5, 2), row(9, 4)]);
    expect(text).toContain(
      'servers  events/s  virtual s/s  checkpoint ms  checkpoint KB  restore+seek 1 s ms',
    );
    expect(text).toMatch(/\n5 +50,000 +150\.0 +2\.00 +200\.0 +20\.00\n/);
    expect(text).toMatch(/\nratio +5 vs 3 +9 vs 5\n/);
    expect(text).toMatch(/\nevents\/s +0\.50x +0\.50x\n/);
    expect(text).toMatch(/\ncheckpoint KB +2\.00x +2\.00x\n/);
  });

  it('rejects unknown arguments with exit 2', async () => {
    const { io, out } = captureIo();
    expect(await runBench(['--fast'], io)).toBe(2);
    expect(out.stderr).toBe('bench: unknown option "--fast" (see --help)\n');
  });
});
