/**
 * Derives the timeline's props from the event stream, so whoever wires the Timeline passes
 * `timelineMarks(events)` and `termBands(events, endMs)` instead of re-deriving them.
 */
import type { SimEvent } from '../../core/types.ts';
import { followsOn, timeAt, type Seq } from '../../store/eventList.ts';
import type { TermBand, TimelineMark } from './timelineGeometry.ts';

/**
 * The timeline's marks and term bands of an event list, kept up to date as the list grows
 * (timelineIndex): `marks` and `closed` keep their identity until a mark (resp. a band) is added,
 * so the timeline re-clusters and re-renders only when something new appears on it.
 */
export interface TimelineIndex {
  readonly events: Seq<SimEvent>;
  readonly marks: readonly TimelineMark[];
  /** The highest committed index seen so far (the cluster-wide commit point). */
  readonly committed: number;
  /** Bands a higher term has ended. */
  readonly closed: readonly TermBand[];
  /** The band of the highest term so far, still open at its right end. */
  readonly open: { readonly from: number; readonly term: number } | null;
}

const EMPTY_INDEX: TimelineIndex = { events: [], marks: [], committed: 0, closed: [], open: null };

/**
 * One mark per election won, crash, restart, violation and action, and one per advance of the
 * cluster-wide commit point: every server emits its own `commit` event, and a restarted server
 * re-commits from 0 (F2-S5), so only a new highest committed index is news. Term bands follow the
 * highest term any server has reached. When `events` only adds events at the end of prev's list
 * (the usual case while the run plays) only the new events are read. When its oldest events were
 * dropped (followsOn: 'trimmed', the recorder's cap) the marks before its first event go, and
 * the bands that ended before it, without reading the others again (the recorder keeps them
 * packed); anything else (a rewind, a fork, a new run) starts over. `prev` is never changed.
 */
export function timelineIndex(prev: TimelineIndex | null, events: Seq<SimEvent>): TimelineIndex {
  const follows = prev === null ? null : followsOn(prev.events, events);
  if (prev !== null && follows?.kind === 'same') return prev;
  let base = prev !== null && follows?.kind !== 'other' ? prev : EMPTY_INDEX;
  let from = base.events.length;
  if (base === prev && follows?.kind === 'trimmed') {
    const first = timeAt(events, 0) ?? 0;
    let m = 0;
    while (m < prev.marks.length && (prev.marks[m] as TimelineMark).time < first) m++;
    let b = 0;
    while (b < prev.closed.length && (prev.closed[b] as TermBand).to <= first) b++;
    base = {
      ...prev,
      marks: m === 0 ? prev.marks : prev.marks.slice(m),
      closed: b === 0 ? prev.closed : prev.closed.slice(b),
    };
    from -= follows.dropped;
  }
  const marks: TimelineMark[] = [];
  const closed: TermBand[] = [];
  let { committed, open } = base;
  for (let i = from; i < events.length; i++) {
    const e = events.at(i) as SimEvent;
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
    if (e.type !== 'electionStart' && e.type !== 'becomeLeader' && e.type !== 'stepDown') continue;
    if (e.term <= (open?.term ?? 0)) continue;
    if (open !== null && e.time > open.from)
      closed.push({ from: open.from, to: e.time, term: open.term });
    open = { from: e.time, term: e.term };
  }
  return {
    events,
    marks: marks.length === 0 ? base.marks : base.marks.concat(marks),
    committed,
    closed: closed.length === 0 ? base.closed : base.closed.concat(closed),
    open,
  };
}

/** Bands over [0, endMs] from an index's closed bands and open one (ending at endMs). */
export function indexBands(
  closed: TimelineIndex['closed'],
  open: TimelineIndex['open'],
  endMs: number,
): TermBand[] {
  const bands = closed.slice();
  if (open !== null && endMs > open.from)
    bands.push({ from: open.from, to: endMs, term: open.term });
  return bands;
}

/** The marks of a whole event list (see timelineIndex). */
export function timelineMarks(events: readonly SimEvent[]): TimelineMark[] {
  return timelineIndex(null, events).marks.slice();
}

/** The highest term any server has reached, as bands over [0, endMs]; none before term 1. */
export function termBands(events: readonly SimEvent[], endMs: number): TermBand[] {
  const { closed, open } = timelineIndex(null, events);
  return indexBands(closed, open, endMs);
}
