// @vitest-environment happy-dom
/**
 * The space-time diagram as the lab draws it (SpaceTimeView, issue 11): the plot's contents in two
 * sliding layers. Drawn as one SVG, the whole plot was painted and rastered again on every frame
 * of a window that follows the playhead (about 36 frames a second at 1x under requests). Here:
 * every message of the drawn range is drawn once, in the right layer; a window that slides and a
 * playhead that moves within a settle step leave the settled layer's elements alone and only
 * move the layers; a settle step hands what ended over; and settleAt's split loses nothing.
 */
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { useDomRoot } from './domRoot.ts';
import type { LaneSegment, VisibleMessage } from '../../src/store/spaceTime.ts';
import {
  arrowOf,
  drawnFromMs,
  originOf,
  plotOf,
  settleFloor,
  xAt,
} from '../../src/views/spacetime/geometry.ts';
import {
  MovingLayer,
  SpaceTimeView,
  sameLayer,
  settleAt,
  viewLayers,
  type SpaceTimeDiagramProps,
} from '../../src/views/spacetime/SpaceTimeDiagram.tsx';
import { record, spaceTimeScene, tooltipCounter } from './spacetimeFixtures.ts';

const dom = useDomRoot();

const SPAN = 300;
const { log, position, lanes } = spaceTimeScene();
const noop = (): void => {};

const tooltips = tooltipCounter();
const countingT = tooltips.t;

/** The view's props with its window at [fromMs, fromMs + SPAN] and the run at `nowMs`. */
function viewProps(
  fromMs: number,
  nowMs: number,
  selectedMessage: number | null = null,
  playheadMs = nowMs,
) {
  const toMs = fromMs + SPAN;
  const plot = plotOf(640, 200, { fromMs, toMs });
  const drawnFrom = drawnFromMs(fromMs, SPAN, nowMs);
  const props: SpaceTimeDiagramProps = {
    plot,
    lanes,
    segments: [1, 2, 3].map((s) => log.laneSegments(s, drawnFrom, toMs, position)),
    // Asked again for each frame, as the pane does: new lists and objects every time.
    messages: log.messagesIn(drawnFrom, toMs, position),
    marks: log.marksIn(drawnFrom, toMs, position),
    playheadMs,
    nowMs,
    selectedMessage,
    selectedServer: null,
    t: countingT,
    onSelectMessage: noop,
    windowMessages: log.messagesIn(fromMs, toMs, position).length,
  };
  return { props, plot, drawnFrom };
}

/** The view drawn as viewProps gives it, as the pane draws it. */
function draw(fromMs: number, nowMs: number) {
  const { props, plot, drawnFrom } = viewProps(fromMs, nowMs);
  act(() => dom.root.render(<SpaceTimeView {...props} />));
  return { plot, drawnFrom };
}

const ids = (layer: string): number[] =>
  [...dom.host.querySelectorAll(`.rl-st-moving.${layer} .rl-st-arrow`)].map((e) =>
    Number(e.getAttribute('data-id')),
  );

const slideOf = (layer: string): string =>
  (dom.host.querySelector(`.rl-st-slide.${layer}`) as HTMLElement).style.transform;

/** Records every change under the settled layer's SVG (not the slide's style, outside it). */
function watchSettled(): () => string[] {
  const changed: string[] = [];
  const watch = new MutationObserver((list) => {
    for (const m of list) changed.push(`${m.type} ${m.attributeName ?? ''}`);
  });
  watch.observe(dom.host.querySelector('.rl-st-moving.is-settled') as Element, {
    subtree: true,
    attributes: true,
    childList: true,
    characterData: true,
  });
  return () => {
    changed.push(...watch.takeRecords().map((m) => `${m.type} ${m.attributeName ?? ''}`));
    watch.disconnect();
    return changed;
  };
}

describe('the space-time view in layers', () => {
  it('draws each message of the drawn range once: ended ones settled, the rest live', () => {
    const { plot } = draw(0, 200);
    // Settled at 187.5 (five steps of 37.5 ms): 1 (delivered at 140), 2 (dropped at 150) and
    // 3 (delivered at 160); 4 is in flight and 5 was dropped at 190, after the step.
    expect(settleFloor(200, SPAN)).toBe(187.5);
    expect(ids('is-settled')).toEqual([1, 2, 3]);
    expect(ids('is-live')).toEqual([4, 5]);
    const svg = dom.host.querySelector('svg.rl-st-svg') as SVGSVGElement;
    expect(svg.getAttribute('data-settled-ms')).toBe('187.5');
    expect(svg.getAttribute('role')).toBe('group');
    expect(svg.getAttribute('aria-label')).toContain('5 messages');
    // In the origin's coordinates (the origin is the window's start here): where the geometry
    // puts them, and the layers not moved.
    const laneY = new Map(lanes.map((l) => [l.endpoint, l.y]));
    for (const v of log.messagesIn(0, SPAN, position)) {
      const a = arrowOf(v, laneY, plot, 200);
      const line = dom.host.querySelector(
        `.rl-st-arrow[data-id="${v.record.id}"] line:last-of-type`,
      );
      expect(Number(line?.getAttribute('x1'))).toBeCloseTo(a?.x1 ?? NaN, 9);
    }
    expect(slideOf('is-settled')).toBe('translateX(0px)');
    // The playhead is drawn once, above both layers; the leader's mark is settled.
    expect(dom.host.querySelectorAll('.rl-st-playhead')).toHaveLength(1);
    expect(dom.host.querySelector('.rl-st-overlay .rl-st-playhead')).not.toBeNull();
    expect(dom.host.querySelectorAll('.rl-st-moving.is-settled .rl-st-mark')).toHaveLength(1);
  });

  it('a window that slides within a settle step rewrites nothing settled and moves both layers', () => {
    draw(0, 200);
    const arrows = [...dom.host.querySelectorAll('.rl-st-moving.is-settled .rl-st-arrow')];
    const stop = watchSettled();
    tooltips.count = 0;
    for (const from of [4, 11, 20, 33]) {
      const { plot } = draw(from, 200);
      const shift = xAt(plot, originOf(from, SPAN)) - plot.x0;
      expect(slideOf('is-settled')).toBe(`translateX(${shift}px)`);
      expect(slideOf('is-live')).toBe(`translateX(${shift}px)`);
      expect(shift).toBeLessThan(0);
    }
    expect(stop()).toEqual([]);
    expect([...dom.host.querySelectorAll('.rl-st-moving.is-settled .rl-st-arrow')]).toEqual(arrows);
    // Nor were the settled arrows' tooltips worked out again: React skipped the layer.
    expect(tooltips.count).toBe(0);
  });

  it('a playhead that moves within a settle step leaves the settled layer alone', () => {
    draw(0, 190);
    const stop = watchSettled();
    // 190 to 224 lie in the step that starts at 187.5: the client's lane grows in the live layer.
    const clientLane = (layer: string) =>
      Number(dom.host.querySelector(`.rl-st-moving.${layer} line.rl-st-lane`)?.getAttribute('x2'));
    const ends: number[] = [];
    for (const now of [195, 205, 215, 224]) {
      const { plot } = draw(0, now);
      ends.push(clientLane('is-live'));
      expect(clientLane('is-live')).toBeCloseTo(xAt(plot, now), 9);
      expect(clientLane('is-settled')).toBeCloseTo(xAt(plot, 187.5), 9);
    }
    expect(stop()).toEqual([]);
    expect(new Set(ends).size).toBe(4);
  });

  it('a settle step hands what ended over to the settled layer', () => {
    draw(0, 180);
    // Settled at 150: 3 (delivered at 160) is still live.
    expect(ids('is-settled')).toEqual([1, 2]);
    expect(ids('is-live')).toEqual([3, 4, 5]);
    const stop = watchSettled();
    draw(0, 200);
    expect(stop().length).toBeGreaterThan(0);
    expect(ids('is-settled')).toEqual([1, 2, 3]);
    expect(ids('is-live')).toEqual([4, 5]);
  });

  it('draws from the settle step the window starts in; what lies before it is clipped away', () => {
    // The run at 400 ms (its last events at 200): settled at 375, seven steps behind is 112.5.
    const { plot, drawnFrom } = draw(140, 400);
    expect(drawnFrom).toBe(112.5);
    const svg = dom.host.querySelector('svg.rl-st-svg') as SVGSVGElement;
    expect(svg.getAttribute('data-drawn-from-ms')).toBe('112.5');
    expect(svg.getAttribute('data-from-ms')).toBe('140');
    // Message 1 ended at 140 (on the window's edge): drawn; the box clips to the plot.
    expect([...ids('is-settled'), ...ids('is-live')].sort()).toEqual(
      log
        .messagesIn(112.5, 440, position)
        .map((v) => v.record.id)
        .sort(),
    );
    const box = dom.host.querySelector('.rl-st-window') as HTMLElement;
    expect(box.style.left).toBe(`${plot.x0}px`);
    expect(box.style.width).toBe(`${plot.x1 - plot.x0}px`);
  });
});

describe('an arrow in flight', () => {
  const titleOf = (id: number) =>
    dom.host.querySelector(`.rl-st-arrow[data-id="${id}"] title`)?.textContent ?? '';

  it('grows with the playhead without working its tooltip out again, until its state changes', () => {
    const at = (playhead: number, status?: VisibleMessage['status']) => {
      const { props } = viewProps(0, 200, null, playhead);
      const messages = props.messages.map((v) =>
        v.record.id === 4 && status !== undefined ? { ...v, status } : v,
      );
      act(() => dom.root.render(<SpaceTimeView {...props} messages={messages} />));
      return Number(
        dom.host.querySelector('.rl-st-arrow[data-id="4"] line.rl-st-hit')?.getAttribute('x2'),
      );
    };
    const x0 = at(199.25);
    const title = titleOf(4);
    expect(title).toContain('in flight');
    tooltips.count = 0;
    const x1 = at(199.75);
    expect(x1).toBeGreaterThan(x0);
    expect(tooltips.count).toBe(0);
    expect(titleOf(4)).toBe(title);
    // Its state changes (delivered at its planned time): the words follow.
    at(199.75, 'delivered');
    expect(tooltips.count).toBeGreaterThan(0);
    expect(titleOf(4)).not.toBe(title);
    expect(titleOf(4)).toContain('delivered');
  });
});

describe('settleAt', () => {
  const v = (id: number, status: VisibleMessage['status'], endMs: number | null) => ({
    record: record({ id, sentMs: 0, deliverMs: 100, endMs }),
    status,
  });
  const lane = (...cuts: number[]): LaneSegment[] =>
    cuts.slice(1).map((to, i) => ({
      from: cuts[i] as number,
      to,
      term: i + 1,
      role: 'follower' as const,
      crashed: false,
    }));

  it('puts every message and mark in exactly one part', () => {
    const messages = [v(1, 'delivered', 40), v(2, 'dropped', 50), v(3, 'delivered', 51)];
    const flight = v(4, 'flight', null);
    const placed = [10, 50, 50.5].map((time, i) => ({
      m: { kind: 'commit' as const, server: 1, time, ordinal: i, term: 1, index: i },
      x: time,
      y: 10 as number | undefined,
    }));
    const parts = settleAt(50, [...messages, flight], placed, []);
    expect(parts.settled.messages.map((m) => m.record.id)).toEqual([1, 2]);
    expect(parts.live.messages.map((m) => m.record.id)).toEqual([3, 4]);
    expect(parts.settled.placed.map((p) => p.m.time)).toEqual([10, 50]);
    expect(parts.live.placed.map((p) => p.m.time)).toEqual([50.5]);
    // A message in flight is live whatever its planned delivery.
    const early = { ...flight, record: record({ id: 5, sentMs: 0, deliverMs: 10, endMs: null }) };
    expect(settleAt(50, [early], [], []).live.messages).toHaveLength(1);
  });

  it('cuts each lane at the step: the two parts meet there and cover it', () => {
    const lanes = [lane(0, 30, 80), lane(0, 50), lane(60, 90), lane(0, 20)];
    const { settled, live } = settleAt(50, [], [], lanes);
    expect(settled.segments.map((l) => l.map((s) => [s.from, s.to]))).toEqual([
      [
        [0, 30],
        [30, 50],
      ],
      [[0, 50]],
      [],
      [[0, 20]],
    ]);
    expect(live.segments.map((l) => l.map((s) => [s.from, s.to]))).toEqual([
      [[50, 80]],
      [[50, 50]],
      [[60, 90]],
      [],
    ]);
    // Terms and roles stay with their stretch; a segment not cut is the very same object.
    expect(live.segments[0]?.[0]?.term).toBe(2);
    expect(settled.segments[3]?.[0]).toBe(lanes[3]?.[0]);
  });
});

describe('the moving layers are drawn again only when what they draw changes', () => {
  const layers = (fromMs: number, nowMs: number, selected: number | null = null) =>
    viewLayers(viewProps(fromMs, nowMs, selected).props);

  it('is what MovingLayer is memoized by', () => {
    expect((MovingLayer as unknown as { compare: unknown }).compare).toBe(sameLayer);
  });

  it('holds the settled layer over a slide and a playhead within its step, not the live one', () => {
    const a = layers(0, 190);
    for (const [from, now] of [
      [4, 190],
      [33, 190],
      [33, 224],
    ] as const) {
      const b = layers(from, now);
      expect(sameLayer(a.settled, b.settled), `settled at ${from}, ${now}`).toBe(true);
    }
    // The live layer draws the flight of message 4 up to the playhead (the display time, which
    // runs between the run's whole milliseconds): the same run, another playhead.
    const at = (playhead: number) => viewLayers(viewProps(0, 200, null, playhead).props);
    expect(sameLayer(at(199.25).live, at(199.75).live)).toBe(false);
    expect(sameLayer(at(199.25).settled, at(199.75).settled)).toBe(true);
    expect(sameLayer(a.live, layers(0, 190).live)).toBe(true);
  });

  it('draws the settled layer again at a settle step, on a selection and at a new origin', () => {
    const a = layers(0, 180);
    expect(sameLayer(a.settled, layers(0, 200).settled)).toBe(false);
    expect(sameLayer(a.settled, layers(0, 180, 1).settled)).toBe(false);
    // Past a whole span the origin moves on: everything has new coordinates.
    expect(sameLayer(layers(290, 400).settled, layers(310, 400).settled)).toBe(false);
  });

  it('tells a message that changed state from one that did not', () => {
    const a = layers(0, 200);
    const first = a.settled.parts.messages[0] as VisibleMessage;
    const changed = {
      ...a.settled,
      parts: {
        ...a.settled.parts,
        messages: [{ ...first, status: 'dropped' as const }, ...a.settled.parts.messages.slice(1)],
      },
    };
    expect(first.status).toBe('delivered');
    expect(sameLayer(a.settled, changed)).toBe(false);
    const moved = {
      ...a.settled,
      parts: { ...a.settled.parts, segments: a.settled.parts.segments.map((l) => l.slice(1)) },
    };
    expect(sameLayer(a.settled, moved)).toBe(false);
  });
});
