/**
 * Runs seeds on worker threads (`--jobs N`) or in this thread (`--jobs 1`). Seeds are handed out
 * one at a time to whichever worker is free, so a slow seed does not hold up the rest; the caller
 * gets each seed's report as it arrives and puts them back in seed order.
 */
import { Worker } from 'node:worker_threads';
import { runFuzzSeed } from '../scenarios/fuzzSeed.ts';
import { toSeedReport } from './fuzzReport.ts';
import type { SeedReport } from './fuzzReport.ts';
import type { WorkerSetup } from './fuzzWorker.ts';

export interface SeedSource {
  /** The next seed to run, or null when there is none (or the campaign stops early). */
  next(): number | null;
  done(report: SeedReport): void;
}

/** Runs in this thread, yielding to the event loop now and then so the output keeps flowing. */
async function runInThread(setup: WorkerSetup, source: SeedSource): Promise<void> {
  let sinceYield = 0;
  for (let seed = source.next(); seed !== null; seed = source.next()) {
    source.done(toSeedReport(runFuzzSeed(seed, setup.options), setup.report));
    if (++sinceYield >= 8) {
      sinceYield = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/**
 * The CLI runs TypeScript through tsx, and so does the worker: a two-line bootstrap registers
 * tsx's loader, then imports the worker module. (Node 20 ignores `--import` in a worker's
 * execArgv, so the loader is registered through tsx's API instead.)
 */
function startWorker(setup: WorkerSetup): Worker {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const worker = new URL('./fuzzWorker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: setup });
}

/** Feeds one worker until the source runs dry. */
function drive(worker: Worker, source: SeedSource): Promise<void> {
  return new Promise((resolve, reject) => {
    const feed = (): void => {
      const seed = source.next();
      if (seed === null) resolve();
      else worker.postMessage(seed);
    };
    worker.on('message', (report: SeedReport) => {
      source.done(report);
      feed();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`a fuzz worker exited (code ${code})`)));
    feed();
  });
}

export async function runSeeds(
  jobs: number,
  setup: WorkerSetup,
  source: SeedSource,
): Promise<void> {
  if (jobs <= 1) return runInThread(setup, source);
  const workers = Array.from({ length: jobs }, () => startWorker(setup));
  try {
    await Promise.all(workers.map((w) => drive(w, source)));
  } finally {
    await Promise.all(
      workers.map((w) => {
        w.removeAllListeners('exit');
        return w.terminate();
      }),
    );
  }
}
