/**
 * `npm run bench -- --browser` end to end in its smallest mode (one 1 s trial per run, one cold
 * load) on the build the suite serves: every run and the first-paint line are printed, with
 * figures of the right kind. The figures themselves depend on the machine and are not asserted.
 */
import { describe, expect, inject, it } from 'vitest';
import { RUN_COLUMNS, browserRuns } from '../../src/cli/benchBrowserReport.ts';
import { runBench } from '../../src/cli/benchCommand.ts';
import { captureIo } from '../cli/helpers.ts';

const NUMBER = String.raw`\d+(\.\d+)?( \(\d+(\.\d+)?–\d+(\.\d+)?\))?`;

describe('bench --browser', () => {
  it(
    'prints one row per run and the first paint, in a tiny mode',
    { timeout: 400_000 },
    async () => {
      const { io, out } = captureIo();
      const argv = ['--browser', '--dist', inject('distDir'), '--seconds', '1', '--trials', '1'];
      const code = await runBench([...argv, '--warmup', '0', '--loads', '1'], io);
      expect(out.stderr).not.toMatch(/internal error/);
      expect(code).toBe(0);
      const lines = out.stdout.split('\n');
      const header = lines.findIndex((l) => l.startsWith('run '));
      expect(header).toBeGreaterThan(0);
      for (const column of RUN_COLUMNS) expect(lines[header]).toContain(column);
      const runs = browserRuns(false);
      runs.forEach((run, i) => {
        const row = lines[header + 2 + i] ?? '';
        expect(row.startsWith(run.label), row).toBe(true);
        // build, frames/s, then 7 figures (an interval is – when no frame ran: paused).
        const cells = row.slice(run.label.length).trim().split(/ {2,}/);
        expect(cells, row).toHaveLength(RUN_COLUMNS.length - 1);
        expect(cells[0]).toBe('this');
        for (const cell of cells.slice(1)) expect(cell).toMatch(new RegExp(`^(${NUMBER}|–)$`));
        if (run.paused) expect(cells[1]).toBe('0.0');
        else expect(Number(cells[1])).toBeGreaterThan(0);
      });
      const paint = lines.find((l) => l.startsWith('1 cold load'));
      // First contentful paint, the lab drawn (this build sets the mark), JS KB, files.
      expect(paint).toMatch(
        new RegExp(`^1 cold load +this +${NUMBER} +${NUMBER} +${NUMBER} +\\d+$`),
      );
    },
  );
});
