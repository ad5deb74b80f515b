/**
 * The search of the client history check in the served browser build (vite.config.ts puts this
 * module in place of historyEngine.ts): historySearch.ts and the core's linearizability checker
 * are a chunk of their own, which main.tsx asks for once the page has painted. Until it arrives
 * loadedHistoryEngine answers null and the check waits; each store then checks at once.
 */
import type { HistoryEngine } from './historyEngine.ts';

let engine: HistoryEngine | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

export function loadedHistoryEngine(): HistoryEngine | null {
  return engine;
}

export function loadHistoryEngine(): Promise<void> {
  loading ??= import('./historySearch.ts').then(
    (m) => {
      engine = m;
      const waiting = [...listeners];
      listeners.clear();
      for (const listener of waiting) listener();
    },
    (error: unknown) => {
      loading = null; // a later call tries again
      throw error;
    },
  );
  return loading;
}

export function onHistoryEngine(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
