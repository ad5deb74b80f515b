/**
 * React binding of the lab store: the store is injected through context (no module singleton),
 * and components read it through narrow selectors.
 */
import { createContext, useCallback, useContext, useRef } from 'react';
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
 * Like useLab, for a text panel in turn `lane` (0..PANEL_LANES-1): while the lab plays at
 * PACED_SPEED or faster, a frame of another turn leaves the panel as it was (no render), so the
 * panels share out the frames instead of all drawing every one (PlaybackSlice.lane). Paused, on a
 * render its parent asks for, in slow motion, and for a negative `lane` (a part that takes turns
 * only at some speeds), it reads the state as useLab does. `equal` keeps the previous value while
 * nothing that matters changed (for a selector that builds a new list each time).
 */
export function useLabPaced<T>(
  select: (state: LabState) => T,
  lane: number,
  equal: (previous: T, next: T) => boolean = Object.is,
): T {
  const cached = useRef<{ value: T; select: (state: LabState) => T } | null>(null);
  const paced = useCallback(
    (state: LabState): T => {
      const last = cached.current;
      // A new selector (its props changed: another server, say) reads now, whatever the turn.
      if (last !== null && last.select === select) {
        if (lane >= 0 && state.playing && state.lane >= 0 && state.lane !== lane) return last.value;
        const next = select(state);
        if (equal(last.value, next)) return last.value;
        cached.current = { value: next, select };
        return next;
      }
      const next = select(state);
      cached.current = { value: next, select };
      return next;
    },
    [select, lane, equal],
  );
  return useLab(paced);
}
