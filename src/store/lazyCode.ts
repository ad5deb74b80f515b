/**
 * Code the served build loads after the first paint, with the places waiting for it: the client
 * history check's search (historyEngineLazy.ts), the space-time log (spaceTimeCodeLazy.ts) and
 * what the simulation runs when it steps (engineLazy.ts). `load` fetches it once; the listeners
 * run when it arrives, before the promise resolves; a failed download is tried again by the next
 * call.
 */
export interface LazyCode<T> {
  /** The code, or null while it is still loading. */
  loaded(): T | null;
  /** Calls `listener` once, when the code arrives, if it is still loading. */
  onLoad(listener: () => void): () => void;
  load(): Promise<void>;
}

export function lazyCode<T>(fetch: () => Promise<T>): LazyCode<T> {
  let code: T | null = null;
  let loading: Promise<void> | null = null;
  const listeners = new Set<() => void>();
  return {
    loaded: () => code,
    onLoad(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load() {
      loading ??= fetch().then(
        (arrived) => {
          code = arrived;
          const waiting = [...listeners];
          listeners.clear();
          for (const listener of waiting) listener();
        },
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
  };
}
