/**
 * Keys are data in scenarios and links (issue 7): a scenario whose commands use every
 * Object.prototype name as a key goes through a share link unchanged and replays to the same
 * store, and JSON that smuggles `__proto__`, `constructor` or `toString` as a field anywhere
 * (config, actions, initial, steps, captions, the link's view) is refused, naming the field.
 */
import { describe, expect, it } from 'vitest';
import { LIBRARY, findLibraryEntry } from '../../src/scenarios/library/index.ts';
import { decodeLink, encodeLink } from '../../src/scenarios/link.ts';
import { canonicalScenario, parseScenarioText } from '../../src/scenarios/schema.ts';
import { captionIn } from '../../src/scenarios/steps.ts';
import { linkOfText } from '../browser/shareKit.ts';
import {
  END_MS,
  PROTOTYPE_NAMES,
  expectedKv,
  prototypeKeyScenario,
  resultAt,
  rowsOf,
} from './prototypeKeys.ts';
import { english } from './english.ts';

const BASE = {
  version: 1,
  title: 't',
  seed: 1,
  config: { servers: 3 },
  actions: [{ at: 5, do: 'heal' }],
};
const base = JSON.stringify(BASE);

/** `"NAME": 1` inserted as the first field of the object whose JSON starts at `anchor`. */
function smuggle(text: string, anchor: string, name: string): string {
  const at = text.indexOf(anchor);
  if (at === -1) throw new Error(`no ${anchor} in ${text}`);
  const open = at + anchor.length;
  return `${text.slice(0, open)}"${name}":1,${text.slice(open)}`;
}

const withSteps = JSON.stringify({
  ...BASE,
  initial: [
    { term: 1, votedFor: null, log: [[1, 'set x 1']] },
    ...Array(2).fill({ term: 0, votedFor: null, log: [] }),
  ],
  steps: [{ until: { afterMs: 10 }, caption: { en: 'hi' } }],
});

const PLACES: [string, string, string, string][] = [
  ['the top level', base, '{', ''],
  ['config', base, '"config":{', 'config.'],
  ['an action', base, '"actions":[{', 'actions[0].'],
  ['initial', withSteps, '"initial":[{', 'initial[0].'],
  ['a step', withSteps, '"steps":[{', 'steps[0].'],
  ['a step’s until', withSteps, '"until":{', 'steps[0].until.'],
  ['a caption', withSteps, '"caption":{', 'steps[0].caption.'],
];

describe('scenario JSON with Object.prototype names as fields', () => {
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
    it.each(PLACES)(`refuses "${name}" in %s`, (_place, text, anchor, path) => {
      const json = smuggle(text, anchor, name);
      expect(JSON.parse(json)).toBeTypeOf('object');
      const parsed = parseScenarioText(json);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(english(parsed)).toBe(`${path}${name}: is not a known field`);
      // The same through a link.
      const linked = decodeLink(linkOfText(json));
      expect(linked.ok).toBe(false);
    });
  }

  it('refuses "__proto__" in the link’s view', () => {
    const json = JSON.stringify({ ...BASE, view: { timeMs: 0, steps: 0 } }).replace(
      '"view":{',
      '"view":{"__proto__":{"timeMs":5},',
    );
    const linked = decodeLink(linkOfText(json));
    expect(linked).toMatchObject({ ok: false });
  });

  it('leaves Object.prototype untouched', () => {
    for (const [, text, anchor] of PLACES) parseScenarioText(smuggle(text, anchor, '__proto__'));
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>)['timeMs']).toBeUndefined();
  });
});

describe('a scenario whose keys are Object.prototype names', () => {
  const scenario = prototypeKeyScenario();

  it('survives a share link unchanged and replays to the same store', () => {
    const decoded = decodeLink(encodeLink(scenario));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(canonicalScenario(decoded.scenario)).toEqual(canonicalScenario(scenario));
    expect(decoded.scenario.actions.map((a) => (a.do === 'request' ? a.command : a.do))).toContain(
      'get constructor',
    );
    const again = resultAt(decoded.scenario, END_MS);
    const first = resultAt(scenario, END_MS);
    expect(again.traceHash).toBe(first.traceHash);
    for (const s of again.servers) expect(rowsOf(s.kv)).toEqual(rowsOf(expectedKv()));
  });
});

describe('library and captions looked up by a name from a URL', () => {
  it.each(PROTOTYPE_NAMES)('no library entry is called “%s”', (name) => {
    expect(findLibraryEntry(name)).toBeUndefined();
    expect(LIBRARY.some((e) => e.id === name)).toBe(false);
  });

  it('a caption never answers an inherited member', () => {
    const caption = JSON.parse('{"en":"hello"}') as { en: string };
    for (const lang of ['en', 'es', 'pt'] as const) expect(captionIn(caption, lang)).toBe('hello');
  });
});
