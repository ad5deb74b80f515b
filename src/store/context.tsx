/**
 * React binding of the lab store: the store is injected through context (no module singleton),
 * and components read it through narrow selectors.
 */
import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { LabState, LabStore } from './types.ts';

const LabStoreContext = createContext<LabStore | null>(null);

export function LabStoreProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <LabStoreContext.Provider value={store}>{children}</LabStoreContext.Provider>;
}

/** The store itself, for event handlers that read state once (`getState()`) instead of subscribing. */
export function useLabStore(): LabStore {
  const store = useContext(LabStoreContext);
  if (!store) throw new Error('useLab* must be used inside <LabStoreProvider>.');
  return store;
}

/** Subscribes to one narrow piece of state; re-renders only when it changes (Object.is). */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStore(), selector);
}

/** For selectors that build a new array or object each time: compared shallowly. */
export function useLabShallow<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStore(), useShallow(selector));
}

/**
 * Like useLab, but keeps returning the previous value while `equal` says nothing that matters
 * changed (zustand's useStoreWithEqualityFn without its extra dependency). `select` and `equal`
 * must be stable: module-level functions.
 */
export function useLabStable<T>(
  select: (state: LabState) => T,
  equal: (previous: T, next: T) => boolean,
): T {
  const stableSelect = useMemo(() => {
    let cached: { value: T } | null = null;
    return (state: LabState): T => {
      const next = select(state);
      if (cached !== null && equal(cached.value, next)) return cached.value;
      cached = { value: next };
      return next;
    };
  }, [select, equal]);
  return useLab(stableSelect);
}
