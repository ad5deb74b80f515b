/**
 * The space-time log's code in the served browser build (vite.config.ts puts this module in place
 * of spaceTimeCode.ts): spaceTime.ts and its columns are a chunk of their own, which main.tsx asks
 * for once the page has painted, and the diagram's pane before it draws. Until it arrives each
 * recorder queues the log's calls (spaceTimeQueue.ts); on arrival every recorder waiting for it
 * replays its queue into a real log, then the promise resolves.
 */
import type { SpaceTimeSource } from './spaceTimeCode.ts';
import { lazyCode } from './lazyCode.ts';

const code = lazyCode(() => import('./spaceTime.ts').then((m) => m.SpaceTimeLog));

export const spaceTimeSource: SpaceTimeSource = { loaded: code.loaded, onLoad: code.onLoad };

/** Loads the log's code (a failed download is tried again by the next call: the diagram's pane). */
export const loadSpaceTime = code.load;
