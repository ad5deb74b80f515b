/**
 * Share links that carry a view position (linkView.ts): the position rides inside the compressed,
 * checksummed JSON; links without one still open; a bad one is refused with one clear line.
 */
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fnv1a32Bytes, hex8, toBase64Url } from '../../src/scenarios/bytes.ts';
import { decodeLink, encodeLink, hasLinkPayload } from '../../src/scenarios/link.ts';
import { parseView, VIEW_STEPS_MAX, viewFits } from '../../src/scenarios/linkView.ts';
import { canonicalScenario, parseScenario } from '../../src/scenarios/schema.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { fullScenario } from './fixtures.ts';
import { english } from './english.ts';

function scenarioOf(input: unknown): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(english(result));
  return result.scenario;
}

function linkOfJson(value: unknown): string {
  const packed = deflateSync(new TextEncoder().encode(JSON.stringify(value)));
  return `#s=v1.${toBase64Url(packed)}.${hex8(fnv1a32Bytes(packed))}`;
}

function errorOf(link: string): string {
  const result = decodeLink(link);
  if (result.ok) throw new Error('expected the link to be rejected');
  return english(result);
}

const scenario = scenarioOf(fullScenario());
const withView = (view: unknown) => linkOfJson({ ...canonicalScenario(scenario), view });

describe('a link with a view position', () => {
  it('round-trips the scenario and the position', () => {
    const link = encodeLink(scenario, 'https://lab.invalid/', { timeMs: 3250, steps: 1234 });
    expect(decodeLink(link)).toEqual({ ok: true, scenario, view: { timeMs: 3250, steps: 1234 } });
  });

  it('is read without a position when it has none (older links, the CLI)', () => {
    const decoded = decodeLink(encodeLink(scenario));
    expect(decoded.ok).toBe(true);
    expect(decoded.ok && 'view' in decoded).toBe(false);
  });

  it('covers the position with the checksum: a changed time is damage', () => {
    const link = encodeLink(scenario, 'https://lab.invalid/', { timeMs: 3250, steps: 1234 });
    const other = encodeLink(scenario, 'https://lab.invalid/', { timeMs: 3251, steps: 1234 });
    const forged = `${other.slice(0, other.lastIndexOf('.'))}${link.slice(link.lastIndexOf('.'))}`;
    expect(errorOf(forged)).toBe('damaged: checksum mismatch');
  });

  it('refuses a bad position with one line naming the field', () => {
    const cases: [unknown, string][] = [
      [{ timeMs: -5, steps: 0 }, 'view.timeMs: must be at least 0 (got -5)'],
      [{ timeMs: 1.5, steps: 0 }, 'view.timeMs: must be a whole number (got 1.5)'],
      [{ timeMs: 1e12, steps: 0 }, 'view.timeMs: must be at most 1000000000 (got 1000000000000)'],
      [{ timeMs: 10, steps: -1 }, 'view.steps: must be at least 0 (got -1)'],
      [{ timeMs: 10 }, 'view.steps: is required'],
      [{ timeMs: 10, steps: 1, extra: '<script>' }, 'view.extra: is not a known field'],
      ['<script>alert(1)</script>', 'view: must be an object (got "<script>alert(1)</script>")'],
      [null, 'view: must be an object (got null)'],
      [
        { timeMs: 10, steps: VIEW_STEPS_MAX + 1 },
        `view.steps: the position is too far into the run to replay (${VIEW_STEPS_MAX + 1} events; a link holds at most ${VIEW_STEPS_MAX})`,
      ],
    ];
    for (const [view, message] of cases) expect(errorOf(withView(view)), message).toBe(message);
  });

  it('reports a bad scenario before a bad position', () => {
    const json = { ...canonicalScenario(scenario), title: '', view: { timeMs: -1, steps: 0 } };
    expect(errorOf(linkOfJson(json))).toBe('title: must have at least 1 characters (got 0)');
  });

  it('keeps hostile text in a titled link as plain data', () => {
    const hostile = scenarioOf({
      ...fullScenario(),
      title: '<img src=x onerror="window.__pwned=1">',
      description: 'javascript:alert(1)',
    });
    const decoded = decodeLink(
      encodeLink(hostile, 'https://lab.invalid/', { timeMs: 0, steps: 0 }),
    );
    expect(decoded.ok && decoded.scenario.title).toBe('<img src=x onerror="window.__pwned=1">');
    expect(decoded.ok && decoded.scenario.description).toBe('javascript:alert(1)');
  });
});

describe('parseView, viewFits and hasLinkPayload', () => {
  it('accept exactly the positions a link may carry', () => {
    expect(parseView({ timeMs: 0, steps: 0 })).toEqual({ ok: true, view: { timeMs: 0, steps: 0 } });
    expect(viewFits({ timeMs: 5, steps: VIEW_STEPS_MAX })).toBe(true);
    expect(viewFits({ timeMs: 5, steps: VIEW_STEPS_MAX + 1 })).toBe(false);
  });

  it('tell a share link from other fragments', () => {
    expect(hasLinkPayload('#s=v1.abc.00000000')).toBe(true);
    expect(hasLinkPayload('#step=3&s=v1.abc.00000000')).toBe(true);
    expect(hasLinkPayload('#s=')).toBe(true);
    expect(hasLinkPayload('#lib=figure-8')).toBe(false);
    expect(hasLinkPayload('#present')).toBe(false);
    expect(hasLinkPayload('')).toBe(false);
  });
});
