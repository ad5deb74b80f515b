/**
 * The search of the client history check in the served browser build (vite.config.ts puts this
 * module in place of historyEngine.ts): historySearch.ts and the core's linearizability checker
 * are a chunk of their own, which main.tsx asks for once the page has painted. Until it arrives
 * loadedHistoryEngine answers null and the check waits; each store then checks at once.
 */
import type { HistoryEngine } from './historyEngine.ts';
import { lazyCode } from './lazyCode.ts';

const search = lazyCode<HistoryEngine>(() => import('./historySearch.ts'));

export const loadedHistoryEngine = search.loaded;
export const loadHistoryEngine = search.load;
export const onHistoryEngine = search.onLoad;
