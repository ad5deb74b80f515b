/**
 * The served browser build's stand-in for what the simulation runs only when it steps
 * (src/core/stepping.ts: what servers do, in raftSteps.ts, and the invariant checker) and for
 * engine.ts: vite.config.ts resolves the core's imports of raftSteps.ts and invariants.ts, and the
 * store's of engine.ts, to this module, so the core and the recorder share it. The real code
 * (elections, AppendEntries on both sides, snapshots, transfers, commits, every invariant) is a
 * chunk of its own that main.tsx asks for once the page has painted; a link, a story or a file
 * waits for it before it opens.
 *
 * Until it arrives the recorder steps nothing (Recorder.advanceTo and the rest wait, the clock
 * stays where it is) and a user's action waits in the queue. The one call a simulation makes
 * before stepping, the check of its initial state when it is created, finds nothing here; on
 * arrival the recorder creates its simulation again, checked (the run has not moved), runs what
 * is due and the store publishes it. Called for anything else before then, each entry point below
 * throws: an internal error, never a step taken without the rules or the checker.
 */
import type * as Steps from '../core/stepping.ts';
import type { EngineSource } from './engine.ts';
import { lazyCode } from './lazyCode.ts';

const stepping = lazyCode(() => import('../core/stepping.ts'));

function code(): typeof Steps {
  const steps = stepping.loaded();
  if (steps === null) throw new Error('The simulation stepped before its code had arrived.');
  return steps;
}

export const receive: typeof Steps.receive = (s, msg, ctx) => code().receive(s, msg, ctx);
export const tick: typeof Steps.tick = (s, ctx) => code().tick(s, ctx);
export const restart: typeof Steps.restart = (s, ctx) => code().restart(s, ctx);
export const electionTimeout: typeof Steps.electionTimeout = (...args) =>
  code().electionTimeout(...args);
export const startElection: typeof Steps.startElection = (...args) => code().startElection(...args);
export const startPreVote: typeof Steps.startPreVote = (...args) => code().startPreVote(...args);
export const startTransfer: typeof Steps.startTransfer = (...args) => code().startTransfer(...args);

/**
 * The checker after an item. Before its code arrives the only call is a new simulation's check of
 * its initial state (no events, every server changed): nothing is found here, and the recorder
 * creates that simulation again once the checker is there (Recorder.adoptEngine).
 */
export const checkStep: typeof Steps.checkStep = (c, servers, events, now, changed) => {
  if (stepping.loaded() === null && events.length === 0 && changed === 'all') return [];
  return code().checkStep(c, servers, events, now, changed);
};

export const engineSource: EngineSource = {
  loaded: () => stepping.loaded() !== null,
  onLoad: stepping.onLoad,
};

/** Loads the stepping code (a failed download is tried again by the next call). */
export const loadEngine = stepping.load;
