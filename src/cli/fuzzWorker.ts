/**
 * A worker thread of `npm run fuzz -- --jobs N`: it receives seed numbers, runs each seed
 * (src/scenarios/fuzzSeed.ts) and answers with the seed's report, already formatted.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runFuzzSeed } from '../scenarios/fuzzSeed.ts';
import type { FuzzSeedOptions } from '../scenarios/fuzzSeed.ts';
import { toSeedReport } from './fuzzReport.ts';
import type { ReportArgs } from './fuzzReport.ts';

export interface WorkerSetup {
  options: FuzzSeedOptions;
  report: ReportArgs;
}

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port === null) throw new Error('fuzzWorker.ts runs as a worker thread only');
port.on('message', (seed: number) => {
  port.postMessage(toSeedReport(runFuzzSeed(seed, setup.options), setup.report));
});
