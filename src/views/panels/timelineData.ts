/**
 * Derives the timeline's props from the event stream, so whoever wires the Timeline passes
 * `timelineMarks(events)` and `termBands(events, endMs)` instead of re-deriving them.
 */
import type { SimEvent } from '../../core/types.ts';
import type { TermBand, TimelineMark } from './timelineGeometry.ts';

/**
 * One mark per election won, crash, restart, violation and action, and one per advance of the
 * cluster-wide commit point: every server emits its own `commit` event, and a restarted server
 * re-commits from 0 (F2-S5), so only a new highest committed index is news.
 */
export function timelineMarks(events: readonly SimEvent[]): TimelineMark[] {
  const marks: TimelineMark[] = [];
  let committed = 0;
  for (const e of events) {
    switch (e.type) {
      case 'becomeLeader':
        marks.push({ time: e.time, kind: 'election' });
        break;
      case 'commit':
        if (e.index > committed) {
          committed = e.index;
          marks.push({ time: e.time, kind: 'commit' });
        }
        break;
      case 'crash':
      case 'restart':
      case 'violation':
      case 'action':
        marks.push({ time: e.time, kind: e.type });
        break;
      default:
        break;
    }
  }
  return marks;
}

/** The highest term any server has reached, as bands over [0, endMs]; none before term 1. */
export function termBands(events: readonly SimEvent[], endMs: number): TermBand[] {
  const bands: TermBand[] = [];
  let open: TermBand | null = null;
  for (const e of events) {
    if (e.type !== 'electionStart' && e.type !== 'becomeLeader' && e.type !== 'stepDown') continue;
    if (e.term <= (open?.term ?? 0)) continue;
    if (open !== null) {
      open.to = e.time;
      if (open.to > open.from) bands.push(open);
    }
    open = { from: e.time, to: endMs, term: e.term };
  }
  if (open !== null && endMs > open.from) bands.push({ ...open, to: endMs });
  return bands;
}
