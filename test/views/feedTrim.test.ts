/**
 * The views that derive from the recorder's event list (the feed's lines and contexts, the
 * timeline's marks and bands, the clients' notes) follow a list whose oldest events were dropped
 * by position: they drop what came from those events and read only the new ones, never the kept
 * ones again (the recorder keeps them packed, so a reread would decode them), and end up with
 * what they would hold had the list never been trimmed, cut at its first event.
 */
import { describe, expect, it, vi } from 'vitest';
import { Simulation } from '../../src/core/sim.ts';
import type { SimEvent } from '../../src/core/types.ts';
import { generateFuzzRun } from '../../src/scenarios/fuzz.ts';
import { toRunSetup } from '../../src/scenarios/schema.ts';
import { EVENT_CHUNK, EventList, EventLog, eventPacker } from '../../src/store/eventList.ts';
import { isNotable, keepEvent } from '../../src/store/recorder.ts';
import type { LabState } from '../../src/store/types.ts';
import { lastEventAtOrBefore, selectClientEvents } from '../../src/views/controls/paneData.ts';
import {
  currentLine,
  feedIndex,
  feedLines,
  type FeedIndex,
} from '../../src/views/panels/feedModel.ts';
import { timelineIndex, type TimelineIndex } from '../../src/views/panels/timelineData.ts';

function notableEvents(seed: number, untilMs: number): SimEvent[] {
  const spec = generateFuzzRun(seed, { untilMs, everyFeature: true });
  const sim = Simulation.create(toRunSetup(spec.scenario));
  const out: SimEvent[] = [];
  sim.onEvent = (e) => {
    if (isNotable(e)) out.push(keepEvent(e));
  };
  sim.runUntil(untilMs);
  return out;
}

describe('views over a list whose front is dropped', () => {
  it.each([4, 7])('fuzz seed %i: extend by position, read only new events', (seed) => {
    const all = notableEvents(seed, 30_000);
    expect(all.length).toBeGreaterThan(3 * EVENT_CHUNK);
    const log = new EventLog<SimEvent>(
      eventPacker<SimEvent>((e) => e.type !== 'action' && e.type !== 'violation'),
    );
    const reads = vi.spyOn(EventList.prototype, 'at');
    let feed: FeedIndex | null = null;
    let timeline: TimelineIndex | null = null;
    let wholeTimeline: TimelineIndex | null = null;
    let trims = 0;
    let pushed = 0;
    for (let batch = 0; pushed < all.length; batch++) {
      const size = 1 + ((batch * 7919) % 900);
      for (let k = 0; k < size && pushed < all.length; k++) log.push(all[pushed++] as SimEvent);
      while (log.length > 2 * EVENT_CHUNK) {
        log.dropFirstChunk();
        trims++;
      }
      const list = log.list();
      const shown = all.slice(list.start, pushed);
      reads.mockClear();
      feed = feedIndex(feed, list, 5);
      timeline = timelineIndex(timeline, list);
      const notes = selectClientEvents({ events: list } as unknown as LabState);
      // Each view read the events added since the last batch, and no others.
      if (batch > 0) expect(reads.mock.calls.length).toBeLessThanOrEqual(3 * size);
      // The feed: a line per event that gets one, keyed by position in the log.
      expect(feed.start).toBe(list.start);
      expect(feed.lines).toEqual(feedLines(shown).map((i) => i + list.start));
      for (const key of feed.contexts.keys()) expect(key).toBeGreaterThanOrEqual(list.start);
      // The timeline: the never-trimmed index's marks and bands from the first kept event on.
      wholeTimeline = timelineIndex(wholeTimeline, all.slice(0, pushed));
      const first = (shown[0] as SimEvent).time;
      expect(timeline.marks).toEqual(wholeTimeline.marks.filter((m) => m.time >= first));
      expect(timeline.closed).toEqual(wholeTimeline.closed.filter((b) => b.to > first));
      expect(timeline.open).toEqual(wholeTimeline.open);
      // The clients' notes: those of the kept events.
      expect(notes).toEqual(
        shown.filter(
          (e) =>
            e.type === 'clientRedirect' ||
            e.type === 'clientSend' ||
            (e.type === 'read' && e.phase === 'answered'),
        ),
      );
      // The feed's current line and the playhead's event, found by time without decoding.
      const now = (shown[Math.floor(shown.length / 2)] as SimEvent).time;
      const line = currentLine(list, feed.lines, now, feed.start);
      expect(line).toBeGreaterThanOrEqual(0);
      const at = (feed.lines[line] as number) - list.start;
      expect((shown[at] as SimEvent).time).toBeLessThanOrEqual(now);
      const last = lastEventAtOrBefore(list, now);
      expect((shown[last] as SimEvent).time).toBeLessThanOrEqual(now);
      expect((shown[last + 1] as SimEvent | undefined)?.time ?? Infinity).toBeGreaterThan(now);
    }
    reads.mockRestore();
    expect(trims).toBeGreaterThan(1);
  });
});
