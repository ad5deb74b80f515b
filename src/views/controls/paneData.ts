/**
 * Narrow, stable inputs for the panels, so a panel re-renders when what it shows changes and not
 * on every animation frame. Pure functions: selectors and equality tests used with useLabPaced.
 */
import type { SimEvent } from '../../core/types.ts';
import { followsOn, startOf, timeAt, type Seq } from '../../store/eventList.ts';
import type { ServerView } from '../../store/frameLog.ts';
import type { LabState } from '../../store/types.ts';

/** Whether two servers look the same in the log panel (timers and RPC deadlines do not show). */
function sameForLog(a: ServerView, b: ServerView): boolean {
  return (
    a === b ||
    (a.log === b.log &&
      // The compacted block shows the snapshot's index and term (F2-IS6).
      a.snapshot === b.snapshot &&
      a.role === b.role &&
      a.crashed === b.crashed &&
      a.term === b.term &&
      a.commitIndex === b.commitIndex &&
      a.lastApplied === b.lastApplied &&
      a.peers.length === b.peers.length &&
      a.peers.every(
        (p, i) => p.nextIndex === b.peers[i]?.nextIndex && p.matchIndex === b.peers[i]?.matchIndex,
      ))
  );
}

export const selectServers = (s: LabState): readonly ServerView[] => s.frame.servers;

export function sameLogs(a: readonly ServerView[], b: readonly ServerView[]): boolean {
  return a.length === b.length && a.every((s, i) => sameForLog(s, b[i] as ServerView));
}

/** The last index i with events[i].time ≤ t, or −1 (events are in time order). */
export function lastEventAtOrBefore(events: Seq<SimEvent>, t: number): number {
  let lo = 0;
  let hi = events.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((timeAt(events, mid) as number) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The feed only needs "now" to find its current line: the time of the latest event at or
 * before the frame changes only when the playhead crosses an event.
 */
export const selectFeedNow = (s: LabState): number => {
  const i = lastEventAtOrBefore(s.events, s.frame.time);
  return i < 0 ? 0 : (timeAt(s.events, i) as number);
};

/** Redirects and retries, and reads answered without the log (their tags, C-4/C-5). */
const isClientNote = (e: SimEvent): boolean =>
  e.type === 'clientRedirect' ||
  e.type === 'clientSend' ||
  (e.type === 'read' && e.phase === 'answered');

let clientNotes: {
  events: Seq<SimEvent>;
  notes: readonly SimEvent[];
  /** Each note's position in the events' log (startOf + index). */
  at: readonly number[];
} | null = null;

/**
 * The client notes of the events list. Selectors run on every store change (every frame while
 * playing): the list of a long run (20,000 events) is filtered once per new list, not per call.
 * When the list's oldest events were dropped (the recorder's cap) their notes go and the others
 * are kept, so the kept events are not read again (the recorder keeps them packed).
 */
export const selectClientEvents = (s: LabState): readonly SimEvent[] => {
  const events = s.events;
  const prev = clientNotes;
  if (prev?.events === events) return prev.notes;
  const start = startOf(events);
  const follows = prev === null || prev.events.length === 0 ? null : followsOn(prev.events, events);
  if (prev === null || follows === null || follows.kind === 'other') {
    const notes: SimEvent[] = [];
    const at: number[] = [];
    let i = start;
    for (const e of events) {
      if (isClientNote(e)) {
        notes.push(e);
        at.push(i);
      }
      i++;
    }
    clientNotes = { events, notes, at };
    return notes;
  }
  // The run played on: only the new events are looked at (after the dropped ones' notes go).
  let { notes, at } = prev;
  if (follows.kind === 'trimmed') {
    let k = 0;
    while (k < at.length && (at[k] as number) < start) k++;
    if (k > 0) {
      notes = notes.slice(k);
      at = at.slice(k);
    }
  }
  const added: SimEvent[] = [];
  const addedAt: number[] = [];
  for (let i = startOf(prev.events) + prev.events.length - start; i < events.length; i++) {
    const e = events.at(i) as SimEvent;
    if (isClientNote(e)) {
      added.push(e);
      addedAt.push(start + i);
    }
  }
  clientNotes =
    added.length === 0
      ? { events, notes, at }
      : { events, notes: notes.concat(added), at: at.concat(addedAt) };
  return clientNotes.notes;
};

export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.at(-1) === b.at(-1) && a[0] === b[0];
}

/**
 * The timeline's axis end: the recorded end rounded up to a 1-2-5 step, so the scale (and every
 * mark on it) moves a few times a minute instead of on every frame while the run grows.
 */
export function axisEnd(endMs: number): number {
  const target = Math.max(1000, endMs * 1.05);
  const magnitude = 10 ** Math.floor(Math.log10(target));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= target) return step * magnitude;
  return 10 * magnitude;
}

/** The playhead time rounded to 1/2000 of the axis: finer than a pixel on any screen. */
export function quantize(t: number, axisMs: number): number {
  const q = axisMs / 2000;
  return Math.round(t / q) * q;
}
