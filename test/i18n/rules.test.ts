/**
 * The rules catalogue: an entry in every language for every rule ID the app can show (the feed's
 * sentences of a real run, the invariants, the teaching bugs, every ID cited in the views, the
 * services, the catalogues and the stories), and hostile or unknown IDs turned away.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUG_IDS } from '../../src/core/types.ts';
import { LANGUAGES } from '../../src/i18n/index.ts';
import { parseRuleId, RULE_GROUPS, RULE_IDS, ruleGroup } from '../../src/i18n/rules.ts';
import { RULES, ruleText } from '../../src/i18n/ruleCatalogue.ts';
import { describeEvent, INVARIANT_NAMES } from '../../src/views/format.ts';
import { eventRules, feedLineRules } from '../../src/views/rules/eventRules.ts';
import { recordRun } from '../views/fixtures.ts';

/** Anything shaped like a rule ID, whether or not the catalogue knows it. */
const ID_LIKE = /\b(?:F2-[A-Z]+\d+|INV-[A-Z]+\d*|C-\d+|M-\d+|X-[A-Z]{2}|SC-\d+|BUG-[A-Z0-9]+)\b/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The IDs cited in a source file; SVG path data (`d="M-6,-6L6,6"`) is not prose. */
export function citedIds(source: string): string[] {
  const prose = source.replace(/\bd="[^"]*"/g, '');
  return [...prose.matchAll(ID_LIKE)].map((m) => m[0]);
}

describe('the rules catalogue', () => {
  it('has a title and an explanation for every rule in every language, translated', () => {
    expect(RULE_IDS.length).toBeGreaterThan(100);
    for (const lang of LANGUAGES) {
      for (const id of RULE_IDS) {
        const [title, text] = RULES[lang][id];
        expect(title.trim(), `${lang} ${id} title`).not.toBe('');
        expect(text.trim().length, `${lang} ${id} text`).toBeGreaterThan(20);
      }
      expect(Object.keys(RULES[lang]).sort(), lang).toEqual([...RULE_IDS].sort());
    }
    for (const id of RULE_IDS) {
      expect(RULES.es[id][1], `es ${id}`).not.toBe(RULES.en[id][1]);
      expect(RULES.pt[id][1], `pt ${id}`).not.toBe(RULES.en[id][1]);
    }
  });

  it('lists each rule in exactly one group', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    expect(ruleGroup('F2-AE4')).toBe('append');
    expect(ruleGroup('INV-LC')).toBe('safety');
    expect(ruleGroup('TRACE-HASH')).toBe('lab');
    expect(RULE_GROUPS.map((g) => g.id)).toContain('bugs');
  });

  it('explains every invariant the checker reports and every teaching bug', () => {
    for (const id of [...Object.keys(INVARIANT_NAMES), ...BUG_IDS]) {
      expect(parseRuleId(id), id).toBe(id);
    }
  });

  it('explains every rule ID cited in the views, the services, the catalogues and the stories', () => {
    const missing = new Set<string>();
    for (const dir of ['src/views', 'src/services', 'src/i18n', 'src/scenarios/library']) {
      for (const file of sourceFiles(dir)) {
        for (const id of citedIds(readFileSync(file, 'utf8'))) {
          if (parseRuleId(id) !== id) missing.add(`${id} (${file})`);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('the scan finds IDs in prose and skips SVG path data', () => {
    expect(citedIds('a (F2-A2) b, C-4 and INV-X11; <path d="M-6,-6L6,6M-9,-9" />')).toEqual([
      'F2-A2',
      'C-4',
      'INV-X11',
    ]);
  });

  it('turns away unknown and hostile IDs', () => {
    expect(parseRuleId('F2-AE4')).toBe('F2-AE4');
    expect(parseRuleId(' f2-ae4 ')).toBe('F2-AE4');
    for (const bad of ['__proto__', 'constructor', 'toString', 'F2-ZZ9', '', 'x'.repeat(10_000)]) {
      expect(parseRuleId(bad), bad.slice(0, 20)).toBeNull();
    }
    expect(parseRuleId(null)).toBeNull();
    expect(parseRuleId(42)).toBeNull();
    expect(ruleText('F2-AE4', 'es')[0]).toBe('Borrar solo si hay conflicto');
  });
});

describe('the feed names its rules', () => {
  const { events } = recordRun(
    [
      { at: 400, do: 'request', command: 'set x 1' },
      { at: 600, do: 'crash', server: 1 },
      { at: 700, do: 'request', command: 'get x' },
      { at: 1500, do: 'restart', server: 1 },
    ],
    3000,
  );

  it('gives every Raft event of a real run a known rule, in every language, with no ID left in parentheses', () => {
    let lines = 0;
    for (const e of events) {
      for (const lang of LANGUAGES) {
        const sentence = describeEvent(e, {}, lang);
        if (sentence === null) continue;
        lines++;
        const { text, rules } = feedLineRules(e, sentence);
        if (e.type !== 'action') expect(rules.length, `${e.type} ${lang}`).toBeGreaterThan(0);
        for (const id of rules) expect(parseRuleId(id)).toBe(id);
        expect(text, text).not.toMatch(/\((?:[^()]*, )?(?:F2-|INV-|C-\d|M-\d|X-)[^()]*\)/);
        expect(text).toBe(text.trim());
      }
    }
    expect(lines).toBeGreaterThan(30);
  });

  it('moves inline IDs to chips and keeps the other words', () => {
    const e = { type: 'stepDown', time: 1, server: 2, term: 3, from: 'follower' } as const;
    const en = feedLineRules(e, describeEvent(e) ?? '');
    expect(en.text).toBe('S2 saw a newer term and moved to term 3');
    expect(en.rules).toEqual(['F2-A2']);
    const es = feedLineRules(e, describeEvent(e, {}, 'es') ?? '');
    expect(es.text).toBe('S2 vio un mandato más reciente y pasó al mandato 3');
    const read = feedLineRules(
      { type: 'electionStart', time: 1, server: 1, term: 2, forced: false },
      'S2 asks leader S1 for a read index for C1’s get x (follower read, C-4)',
    );
    expect(read.text).toBe('S2 asks leader S1 for a read index for C1’s get x (follower read)');
    expect(read.rules).toEqual(['F2-F2', 'C-4']);
  });

  it('never takes a command for a rule', () => {
    const e = {
      type: 'append',
      time: 1,
      server: 1,
      index: 2,
      term: 1,
      command: 'set C-1 (M-2)',
    } as const;
    const { text, rules } = feedLineRules(e, 'S1 appended entry 2 (term 1): set C-1 x');
    expect(text).toBe('S1 appended entry 2 (term 1): set C-1 x');
    expect(rules).toEqual(['F2-L2']);
  });

  it('names the invariant of a violation, and no rule for an action taken by hand', () => {
    expect(
      eventRules({
        type: 'violation',
        time: 5,
        violation: { invariant: 'INV-LC', time: 5, servers: [1], indexes: [2], message: 'x' },
      }),
    ).toEqual(['INV-LC']);
    expect(eventRules({ type: 'action', time: 5, action: { at: 5, do: 'heal' } })).toEqual([]);
  });
});
