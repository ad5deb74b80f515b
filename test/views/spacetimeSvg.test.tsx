/**
 * The space-time diagram's SVG export, in Node: the diagram component rendered to markup, wrapped
 * by standaloneSvg as "Export SVG" does, then read by a strict XML reader (test/views/xmlCheck.ts).
 * The file must be well-formed, sized by its viewBox, hold one arrow per message of the window
 * (ending where the geometry says), keep hostile words (`<script>`, `__proto__`, quotes, `&`) as
 * plain text, and refer to nothing outside itself.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EN_T, type Translate } from '../../src/i18n/index.ts';
import type { SpaceTimeLog, SpaceTimePosition } from '../../src/store/spaceTime.ts';
import { spaceTimeRun as run } from './spacetimeFixtures.ts';
import { SVG_NS, standaloneSvg } from '../../src/views/export/standaloneSvg.ts';
import { arrowOf, laneLayout, plotOf, type Lane } from '../../src/views/spacetime/geometry.ts';
import { SpaceTimeDiagram } from '../../src/views/spacetime/SpaceTimeDiagram.tsx';
import { legendItems } from '../../src/views/spacetime/SpaceTimePane.tsx';
import { FONT_FAMILY } from '../../src/views/spacetime/styles.ts';
import { allElements, deepText, parseXml, type XmlElement } from './xmlCheck.ts';

const HOSTILE = ['<script>alert(1)</script>', '__proto__', `"q'uote" & <b>]]>`, 'constructor'];

interface Rendered {
  text: string;
  doc: XmlElement;
  lanes: Lane[];
  plot: ReturnType<typeof plotOf>;
  log: SpaceTimeLog;
  position: SpaceTimePosition;
}

/** What "Export SVG" writes, for the window 0–300 ms of run(), with the given words. */
function exported(
  opts: { t?: Translate; labels?: readonly string[]; heading?: string } = {},
): Rendered {
  const t = opts.t ?? EN_T;
  const { log, position } = run();
  const plot = plotOf(640, 200, { fromMs: 0, toMs: 300 });
  const lanes = laneLayout(3, log.clients(position), 200).map((l, i) => ({
    ...l,
    label: opts.labels?.[i] ?? l.label,
  }));
  const messages = log.messagesIn(0, 300, position);
  const markup = renderToStaticMarkup(
    <SpaceTimeDiagram
      plot={plot}
      lanes={lanes}
      segments={[1, 2, 3].map((s) => log.laneSegments(s, 0, 300, position))}
      messages={messages}
      marks={log.marksIn(0, 300, position)}
      playheadMs={200}
      nowMs={200}
      selectedMessage={2}
      selectedServer={1}
      t={t}
    />,
  );
  const text = standaloneSvg({
    svg: markup,
    width: plot.width,
    height: plot.height,
    heading: opts.heading ?? t('st.exportHeading', { seed: 42, from: '0 s', to: '0.3 s' }),
    legend: legendItems(t),
    fontFamily: FONT_FAMILY,
  });
  return { text, doc: parseXml(text), lanes, plot, log, position };
}

const classed = (doc: XmlElement, cls: string): XmlElement[] =>
  allElements(doc).filter((e) => (e.attrs.class ?? '').split(/\s+/).includes(cls));

/** Every reference a file could make to something outside itself. */
function externalRefs(doc: XmlElement): string[] {
  const ids = new Set(allElements(doc).map((e) => e.attrs.id));
  const out: string[] = [];
  for (const el of allElements(doc)) {
    if (['script', 'foreignObject', 'image', 'use', 'a', 'iframe'].includes(el.name))
      out.push(`<${el.name}>`);
    if (el.name === 'style' && /@import|url\(/i.test(el.text)) out.push('a style that loads');
    for (const [name, value] of Object.entries(el.attrs)) {
      if (/^on/i.test(name)) out.push(`${name}=`);
      if (/href$/i.test(name)) out.push(`${name}=${value}`);
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      for (const m of value.matchAll(/url\(\s*['"]?([^'")]*)/g)) {
        const target = m[1] ?? '';
        if (!target.startsWith('#') || !ids.has(target.slice(1))) out.push(`url(${target})`);
      }
      if (/(?:https?:|javascript:|data:)/i.test(value)) out.push(`${name}=${value}`);
    }
  }
  return out;
}

describe('the exported space-time SVG', () => {
  it('is one well-formed SVG document, sized by its viewBox, the diagram nested inside', () => {
    const { text, doc, plot } = exported();
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(doc.name).toBe('svg');
    expect(doc.attrs.xmlns).toBe(SVG_NS);
    const [x, y, w, h] = (doc.attrs.viewBox ?? '').split(' ').map(Number);
    expect([x, y, w]).toEqual([0, 0, plot.width]);
    // The heading above, the legend below: taller than the diagram.
    expect(h).toBeGreaterThan(plot.height);
    expect([Number(doc.attrs.width), Number(doc.attrs.height)]).toEqual([w, h]);
    const inner = allElements(doc).filter((e) => e.name === 'svg' && e !== doc);
    expect(inner).toHaveLength(1);
    expect(inner[0]?.attrs.viewBox).toBe(`0 0 ${plot.width} ${plot.height}`);
    expect(doc.children[0]?.name).toBe('title');
    expect(doc.children[0]?.text).toBe('Raft Lab · seed 42 · 0 s – 0.3 s');
    expect(text).not.toContain('var(');
  });

  it('holds one arrow per message of the window, ending where the geometry puts it', () => {
    const { doc, lanes, plot, log, position } = exported();
    const arrows = classed(doc, 'rl-st-arrow');
    const expected = log.messagesIn(0, 300, position);
    expect(arrows.map((a) => [Number(a.attrs['data-id']), a.attrs['data-status']])).toEqual([
      [1, 'delivered'],
      [2, 'dropped'],
      [3, 'delivered'],
      [4, 'flight'],
      [5, 'dropped'],
    ]);
    const laneY = new Map(lanes.map((l) => [l.endpoint, l.y]));
    for (const v of expected) {
      const el = arrows.find((a) => a.attrs['data-id'] === String(v.record.id)) as XmlElement;
      const a = arrowOf(v, laneY, plot, 200);
      if (a === null) throw new Error(`no arrow for ${v.record.id}`);
      // The drawn line (the one with the type's colour, after the selection halo and the faint
      // rest of a message in flight) runs from the send to the end the geometry gives.
      const lines = el.children.filter((c) => c.name === 'line');
      const main = lines.find(
        (l) =>
          Number(l.attrs.x1) === a.x1 &&
          Number(l.attrs.y1) === a.y1 &&
          Number(l.attrs.x2) === a.x2 &&
          Number(l.attrs.y2) === a.y2 &&
          l.attrs.class !== 'rl-st-hit',
      );
      expect(main, `the line of message ${v.record.id}`).toBeDefined();
      const cross = el.children.filter((c) => c.attrs.class === 'rl-st-drop');
      const head = el.children.filter((c) => c.name === 'polygon');
      if (v.status === 'dropped') {
        expect([cross.length, head.length]).toEqual([1, 0]);
        // The cross is centred on the drop: "M x−4,y−4 …".
        expect(cross[0]?.attrs.d?.startsWith(`M${a.x2 - 4},${a.y2 - 4} `)).toBe(true);
      } else {
        expect([cross.length, head.length]).toEqual([0, 1]);
        expect(head[0]?.attrs.points?.startsWith(`${a.x2},${a.y2} `)).toBe(true);
      }
      if (v.status === 'flight') {
        // The faint rest runs on to where it will arrive; the playhead cuts it at 200 ms.
        expect(a.x2).toBeCloseTo(plot.x0 + (200 / 300) * (plot.x1 - plot.x0), 9);
        expect(
          lines.some(
            (l) =>
              Number(l.attrs.x1) === a.x2 &&
              Number(l.attrs.x2) === a.xEnd &&
              l.attrs['stroke-opacity'] === '0.5',
          ),
        ).toBe(true);
      }
      // Each arrow says what it is, in words, as its tooltip.
      expect(el.children[0]?.name).toBe('title');
    }
    expect(classed(doc, 'rl-st-arrow')[1]?.attrs.class).toContain('is-selected');
    expect(classed(doc, 'rl-st-playhead')).toHaveLength(1);
    // The lanes S1–S3 and the client C1, the legend, the leader's mark.
    expect(
      classed(doc, 'rl-st-lane-label').map((g) => deepText(g).replace(/^.*?(?=[SC]\d)/, '')),
    ).toEqual(['S1', 'S2', 'S3', 'C1'].map((l) => expect.stringContaining(l)));
    expect(classed(doc, 'rl-st-mark').map((m) => m.attrs['data-kind'])).toEqual(['leader']);
    expect(deepText(doc)).toContain('dropped (loss, partition, crashed receiver or by hand)');
  });

  it('draws each arrow with plain strokes: no group opacity, a hit line never drawn', () => {
    const { doc } = exported();
    const arrows = classed(doc, 'rl-st-arrow');
    expect(arrows).toHaveLength(5);
    for (const arrow of arrows) {
      // Opacity on an element makes the browser paint it apart and blend it: an arrow fades
      // with the alpha of its stroke instead (the same look for a single line).
      for (const part of allElements(arrow)) expect(part.attrs.opacity, part.name).toBeUndefined();
      const hits = arrow.children.filter((c) => c.attrs.class === 'rl-st-hit');
      expect(hits).toHaveLength(1);
      expect(hits[0]?.attrs.visibility).toBe('hidden');
      expect(hits[0]?.attrs['pointer-events']).toBe('stroke');
    }
    // A delivered arrow is drawn a little fainter than one in flight.
    const main = (id: string) =>
      arrows
        .find((a) => a.attrs['data-id'] === id)
        ?.children.filter((c) => c.name === 'line' && c.attrs.class !== 'rl-st-hit')
        .at(-1);
    expect(main('1')?.attrs['stroke-opacity']).toBe('0.8');
    expect(main('4')?.attrs['stroke-opacity']).toBeUndefined();
  });

  it('refers to nothing outside itself (only its own clip path)', () => {
    const { doc } = exported();
    expect(externalRefs(doc)).toEqual([]);
    expect(allElements(doc).some((e) => e.name === 'clipPath' && e.attrs.id)).toBe(true);
  });

  it('keeps hostile lane names, words and headings as plain, escaped text', () => {
    // A catalogue gone wrong: every word is markup; lanes named like prototype keys.
    const hostileT: Translate = (key, params) =>
      `${HOSTILE[key.length % HOSTILE.length] as string} ${EN_T(key, params)}`;
    const heading = `${HOSTILE.join(' ')} seed 42`;
    const { text, doc } = exported({ t: hostileT, labels: HOSTILE, heading });
    expect(externalRefs(doc)).toEqual([]);
    expect(allElements(doc).filter((e) => e.name === 'script')).toEqual([]);
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('<b>');
    // The words come back exactly, as text.
    expect(doc.children[0]?.text).toBe(heading);
    const labels = classed(doc, 'rl-st-lane-label').map(
      (g) => g.children.find((c) => c.name === 'text')?.text,
    );
    expect(labels).toEqual(HOSTILE);
    const titles = allElements(doc)
      .filter((e) => e.name === 'title')
      .map((e) => e.text);
    for (const word of HOSTILE) expect(titles.some((x) => x.includes(word))).toBe(true);
    // The aria-label (an attribute) keeps quotes and angle brackets escaped too.
    const inner = allElements(doc).find((e) => e.name === 'svg' && e !== doc);
    expect(HOSTILE.some((w) => inner?.attrs['aria-label']?.startsWith(w))).toBe(true);
    // A prototype-named lane did not turn into anything but a name.
    expect(Object.getPrototypeOf(doc.attrs)).toBeNull();
  });

  it('the reader it relies on refuses what is not well-formed', () => {
    expect(() => parseXml('<svg><g></svg>')).toThrow(/closes/);
    expect(() => parseXml('<svg><text>a < b</text></svg>')).toThrow(/tag name/);
    expect(() => parseXml('<svg t="a<b"/>')).toThrow(/"<"/);
    expect(() => parseXml('<svg><text>a & b</text></svg>')).toThrow(/"&"/);
    expect(() => parseXml('<svg a="1" a="2"/>')).toThrow(/twice/);
    expect(() => parseXml('<svg a=1/>')).toThrow(/malformed/);
    expect(() => parseXml('<svg/><svg/>')).toThrow(/second root/);
    expect(() => parseXml('<svg>')).toThrow(/never closed/);
    expect(parseXml('<svg t="&lt;&#39;&quot;">x &amp; y</svg>').attrs.t).toBe(`<'"`);
    expect(externalRefs(parseXml('<svg><image href="http://x/y.png"/></svg>'))).not.toEqual([]);
    expect(externalRefs(parseXml('<svg><g clip-path="url(#nope)"/></svg>'))).toEqual([
      'url(#nope)',
    ]);
    expect(externalRefs(parseXml('<svg><g onclick="x()"/></svg>'))).toEqual(['onclick=']);
  });
});
