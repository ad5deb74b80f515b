/**
 * The space-time log's code (spaceTime.ts), here at once: in Node (tests, the CLI) and in the
 * offline single file. The served browser build puts spaceTimeCodeLazy.ts in its place
 * (vite.config.ts), which loads it after the first paint; until then each recorder queues what the
 * log would have been told (spaceTimeQueue.ts) and hands it over when the code arrives.
 */
import { SpaceTimeLog } from './spaceTime.ts';

/** Where a recorder gets the space-time log's class, and hears that it has arrived. */
export interface SpaceTimeSource {
  /** The class, or null while its code is still loading. */
  loaded(): typeof SpaceTimeLog | null;
  /** Calls `listener` once, when the code arrives, if it is still loading. */
  onLoad(listener: () => void): () => void;
}

export const spaceTimeSource: SpaceTimeSource = {
  loaded: () => SpaceTimeLog,
  onLoad: () => () => undefined,
};

/** Loads the space-time log's code (here it is loaded already). */
export function loadSpaceTime(): Promise<void> {
  return Promise.resolve();
}
