// @vitest-environment happy-dom
/**
 * What a frame rewrites in the space-time diagram while its window follows the playhead (issue
 * 11: the diagram drew 29–31 frames a second at 1x under requests, against 59 for the logs).
 * Arrows and lane marks are drawn against a time origin that stays put (a whole number of spans)
 * and their groups are moved by a transform, so a window that slides by a few ms leaves every
 * arrow's and mark's elements as they were; on screen each still sits where the window puts it.
 */
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { useDomRoot } from './domRoot.ts';
import { arrowOf, plotOf, xAt } from '../../src/views/spacetime/geometry.ts';
import { SpaceTimeDiagram } from '../../src/views/spacetime/SpaceTimeDiagram.tsx';
import { spaceTimeScene, tooltipCounter } from './spacetimeFixtures.ts';

const dom = useDomRoot();

const SPAN = 300;
const { log, position, lanes } = spaceTimeScene();
const noop = (): void => {};

const tooltips = tooltipCounter();
const countingT = tooltips.t;

/** The diagram with its window at [fromMs, fromMs + span], as the pane draws it following. */
function draw(fromMs: number, span = SPAN): ReturnType<typeof plotOf> {
  const toMs = fromMs + span;
  const plot = plotOf(640, 200, { fromMs, toMs });
  act(() =>
    dom.root.render(
      <SpaceTimeDiagram
        plot={plot}
        lanes={lanes}
        segments={[1, 2, 3].map((s) => log.laneSegments(s, fromMs, toMs, position))}
        // Asked again for each frame, as the pane does when its window moves: new objects.
        messages={log.messagesIn(fromMs, toMs, position)}
        marks={log.marksIn(fromMs, toMs, position)}
        playheadMs={200}
        nowMs={200}
        selectedMessage={null}
        selectedServer={null}
        t={countingT}
        onSelectMessage={noop}
      />,
    ),
  );
  return plot;
}

/** translate(x,0) of a group, 0 without one. */
function shiftOf(selector: string): number {
  const m = /translate\(([-\d.e]+),0\)/.exec(
    dom.host.querySelector(selector)?.getAttribute('transform') ?? '',
  );
  return m ? Number(m[1]) : 0;
}

describe('space-time frames', () => {
  it('a window that slides leaves the arrows and marks alone, and moves their groups', () => {
    draw(10);
    const arrows = dom.host.querySelectorAll('.rl-st-arrow');
    const marks = dom.host.querySelectorAll('.rl-st-mark');
    expect(arrows.length).toBe(5);
    expect(marks.length).toBeGreaterThan(0);
    const changed: string[] = [];
    const watch = new MutationObserver((list) => {
      for (const m of list) {
        const el = m.target instanceof Element ? m.target : m.target.parentElement;
        if (el?.closest('.rl-st-arrow, .rl-st-mark')) changed.push(`${m.type} ${m.attributeName}`);
      }
    });
    const messages = dom.host.querySelector('.rl-st-messages') as Element;
    watch.observe(messages, {
      subtree: true,
      attributes: true,
      childList: true,
      characterData: true,
    });
    watch.observe(dom.host.querySelector('.rl-st-marks') as Element, {
      subtree: true,
      attributes: true,
      childList: true,
      characterData: true,
    });
    const before = shiftOf('.rl-st-messages');
    tooltips.count = 0;
    for (const from of [14, 20, 33, 47]) {
      const plot = draw(from);
      // The same elements, none of them rewritten...
      expect(dom.host.querySelectorAll('.rl-st-arrow')).toHaveLength(5);
      expect([...dom.host.querySelectorAll('.rl-st-arrow')].every((a, i) => a === arrows[i])).toBe(
        true,
      );
      // ...and the groups moved so that each arrow starts where this window puts its send.
      const shift = shiftOf('.rl-st-messages');
      expect(shift).toBeLessThan(before);
      expect(shiftOf('.rl-st-marks')).toBe(shift);
      const laneY = new Map(lanes.map((l) => [l.endpoint, l.y]));
      for (const v of log.messagesIn(from, from + SPAN, position)) {
        const a = arrowOf(v, laneY, plot, 200);
        const el = dom.host.querySelector(
          `.rl-st-arrow[data-id="${v.record.id}"] line:last-of-type`,
        );
        const x1 = Number(el?.getAttribute('x1')) + shift;
        expect(Math.abs(x1 - (a?.x1 ?? NaN))).toBeLessThan(1e-6);
        expect(Math.abs(x1 - xAt(plot, v.record.sentMs))).toBeLessThan(1e-6);
      }
    }
    watch.takeRecords();
    watch.disconnect();
    expect(changed).toEqual([]);
    // Nor were their tooltips worked out again: React did not render them.
    expect(tooltips.count).toBe(0);
  });

  it('past a whole span it redraws against the next origin, still in place on screen', () => {
    const span = 120;
    draw(10, span);
    const plot = draw(130, span);
    // The origin moved from 0 to 120: the window starts 10 ms after it.
    const shift = shiftOf('.rl-st-messages');
    expect(Math.abs(shift - (xAt(plot, span) - plot.x0))).toBeLessThan(1e-9);
    const laneY = new Map(lanes.map((l) => [l.endpoint, l.y]));
    const shown = log.messagesIn(130, 130 + span, position);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const v of shown) {
      const a = arrowOf(v, laneY, plot, 200);
      const el = dom.host.querySelector(`.rl-st-arrow[data-id="${v.record.id}"] line:last-of-type`);
      expect(Math.abs(Number(el?.getAttribute('x1')) + shift - (a?.x1 ?? NaN))).toBeLessThan(1e-6);
    }
  });
});
