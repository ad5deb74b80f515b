#!/usr/bin/env node
/**
 * `npm test`: every check, in order, with one summary line at the end.
 * Type check, lint, format check, unit and simulation tests, a fuzz smoke run, the production
 * build and the browser tests. Each vitest test counts once; each other check counts as one test.
 * Ends with `N passed, N failed` (the line CI reads). Exit code 1 if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const reports = join('node_modules', '.cache', 'raft-lab-check');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  console.log(`=== ${label}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
  return ok;
}

function step(label, command, args) {
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

/** Runs vitest with a JSON report and counts its tests one by one. */
function vitest(label, configArgs) {
  const out = join(reports, `${label.replace(/\W+/g, '-')}.json`);
  const ok = run(label, bin('vitest'), [
    'run',
    ...configArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  if (!existsSync(out)) {
    failed += 1;
    failures.push(`${label} (no report: the runner did not start)`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const total = report.numTotalTests ?? 0;
  passed += report.numPassedTests ?? 0;
  failed +=
    (report.numFailedTests ?? 0) + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if ((report.numFailedTests ?? 0) > 0) failures.push(`${label}: ${report.numFailedTests} failed`);
  if ((report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) > 0) {
    failures.push(`${label}: skipped tests count as failures`);
  }
  if (total === 0 || (!ok && (report.numFailedTests ?? 0) === 0)) {
    failed += 1;
    failures.push(`${label}: suite error (${total} tests reported)`);
  }
}

step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('lint', bin('eslint'), ['--max-warnings', '0', '.']);
step('format', bin('prettier'), ['--check', '.']);
vitest('unit and simulation tests', []);
// Swarm-drawn seeds, each run twice: any divergence breaks the determinism contract.
step('fuzz smoke', bin('tsx'), ['src/cli/fuzz.ts', '--seeds', '40', '--until', '20000', '--twice']);
step('build', bin('vite'), ['build', '--logLevel', 'warn']);
step('build: offline single file', bin('vite'), [
  'build',
  '--mode',
  'single',
  '--logLevel',
  'warn',
]);
vitest('browser tests', ['--config', 'vitest.browser.config.ts']);

console.log('');
if (failures.length > 0) console.log(`Failed: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
