/**
 * How the checker reads a server's log once part of it was compacted into a snapshot (F2-IS6):
 * the discarded slots stand for the committed entries there. That a snapshot holds only committed
 * entries is itself checked (invariants.ts checkSnapshot), so the reading hides nothing.
 */
import type { CheckerState } from './checkerState.ts';
import type { ServerState } from './types.ts';

/**
 * The id of a server's entry at index i. An index its snapshot covers has no entry any more: a
 * snapshot holds only committed entries (F2-IS6, checked by invariants.ts checkSnapshot), so it stands for the
 * entry counted committed there.
 */
export function idAt(c: CheckerState, s: ServerState, i: number): string | undefined {
  const entry = s.log[i - 1];
  if (entry !== undefined) return entry.id;
  return s.snapshot !== null && i <= s.snapshot.index ? c.committedIds[i - 1] : undefined;
}

/** The term of a server's entry at index i, read as idAt does (0 at index 0). */
export function termOf(c: CheckerState, s: ServerState, i: number): number | undefined {
  if (i === 0) return 0;
  const entry = s.log[i - 1];
  if (entry !== undefined) return entry.term;
  if (s.snapshot === null || i > s.snapshot.index) return undefined;
  return i === s.snapshot.index ? s.snapshot.term : c.committedTerms[i - 1];
}
