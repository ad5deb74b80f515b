/**
 * Plays a lab store with a frozen wall clock (no budget cut-off) in 16 ms frames until virtual
 * time `t`, then pauses: the store tests' way to move a run forward as the page would.
 */
import type { LabStore } from '../../src/store/types.ts';

export function playUntil(store: LabStore, t: number): void {
  store.getState().play();
  for (let i = 0; i < 100_000 && store.getState().frame.time < t; i++) {
    const s = store.getState();
    s.tick(Math.min(16, (t - s.displayTime) / s.speed));
  }
  store.getState().pause();
}
