/**
 * Test hook for the panel error boundaries: a panel armed here throws on its next render, as a
 * view with a bug would. Browser tests reach it through `window.raftLab.faults` on a page opened
 * with `?testFaults` (automation.ts); nothing else arms it, and an unarmed panel pays one Map
 * lookup per render of its boundary.
 */
import { useSyncExternalStore } from 'react';

const armed = new Map<string, string>();
const listeners = new Set<() => void>();

/** Makes `panel` throw `message` until disarmed (message null). */
export function armPanelFault(panel: string, message: string | null): void {
  if (message === null) armed.delete(panel);
  else armed.set(panel, message);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Throws the fault armed for `panel`, if any (rendered first inside its boundary). */
export function FaultPoint({ panel }: { panel: string }): null {
  const message = useSyncExternalStore(
    subscribe,
    () => armed.get(panel),
    () => undefined,
  );
  if (message !== undefined) throw new Error(message);
  return null;
}
