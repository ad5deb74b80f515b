/**
 * The space-time log's code in the served browser build (vite.config.ts puts this module in place
 * of spaceTimeCode.ts): spaceTime.ts and its columns are a chunk of their own, which main.tsx asks
 * for once the page has painted, and the diagram's pane before it draws. Until it arrives each
 * recorder queues the log's calls (spaceTimeQueue.ts); on arrival every recorder waiting for it
 * replays its queue into a real log, then the promise resolves.
 */
import type { SpaceTimeLog } from './spaceTime.ts';
import type { SpaceTimeSource } from './spaceTimeCode.ts';

let code: typeof SpaceTimeLog | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

export const spaceTimeSource: SpaceTimeSource = {
  loaded: () => code,
  onLoad(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function loadSpaceTime(): Promise<void> {
  loading ??= import('./spaceTime.ts').then(
    (m) => {
      code = m.SpaceTimeLog;
      const waiting = [...listeners];
      listeners.clear();
      for (const listener of waiting) listener();
    },
    (error: unknown) => {
      loading = null; // a later call (the diagram's pane) tries again
      throw error;
    },
  );
  return loading;
}
