/**
 * What servers do when the simulation steps (src/core/raftSteps.ts), here at once: in Node (tests,
 * the CLI) and in the offline single file. The served browser build puts engineLazy.ts in its
 * place (vite.config.ts), which loads it after the first paint: the first frame is drawn from a
 * simulation that has not stepped yet, and the recorder steps nothing until the code is there.
 */

/** Where a recorder learns whether the simulation may step yet, and hears when it may. */
export interface EngineSource {
  /** True once the code that steps servers is there. */
  loaded(): boolean;
  /** Calls `listener` once, when the code arrives, if it is still loading. */
  onLoad(listener: () => void): () => void;
}

export const engineSource: EngineSource = {
  loaded: () => true,
  onLoad: () => () => undefined,
};

/** Loads the stepping code (here it is loaded already). */
export function loadEngine(): Promise<void> {
  return Promise.resolve();
}
