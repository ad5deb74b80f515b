/**
 * The search of the client history check (historySearch.ts), here at once: in Node (tests, the
 * CLI) and in the offline single file. The served browser build puts historyEngineLazy.ts in its
 * place (vite.config.ts), which loads the search after the first paint.
 */
import * as search from './historySearch.ts';

export type HistoryEngine = typeof search;

/** The search, or null while it is still loading (never, here). */
export function loadedHistoryEngine(): HistoryEngine | null {
  return search;
}

/** Loads the search (here it is loaded already). */
export function loadHistoryEngine(): Promise<void> {
  return Promise.resolve();
}

/** Calls `listener` once the search arrives (here it never has to). */
export function onHistoryEngine(listener: () => void): () => void {
  void listener;
  return () => undefined;
}
