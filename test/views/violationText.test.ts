/** Violations told from their parts, in every language, rather than the core's English message. */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/core/index.ts';
import type { InvariantId, Violation } from '../../src/core/types.ts';
import { translator } from '../../src/i18n/index.ts';
import { findLibraryEntry } from '../../src/scenarios/library/index.ts';
import { compileStory } from '../../src/scenarios/steps.ts';
import { INVARIANT_NAMES, violationLine } from '../../src/views/format.ts';
import { violationDetail } from '../../src/views/violationText.ts';

const IDS = Object.keys(INVARIANT_NAMES) as InvariantId[];
const LANGS = ['en', 'es', 'pt'] as const;

function sample(invariant: InvariantId): Violation {
  return { invariant, time: 120, servers: [2, 4, 5], indexes: [3, 6], message: 'core text' };
}

describe('violationDetail', () => {
  it('has a sentence for every invariant in every language, with every placeholder filled', () => {
    for (const id of IDS) {
      const texts = LANGS.map((lang) => violationDetail(sample(id), translator(lang)));
      for (const text of texts) {
        expect(text, id).not.toMatch(/[{}]|undefined|NaN|\?/);
        // INV-C2 is about the clients' history as a whole, not one server.
        if (id !== 'INV-C2') expect(text, id).toMatch(/S2|S4|S5/);
        expect(text, id).not.toContain('core text');
      }
      // Spanish and Portuguese are real translations, not English copies.
      expect(texts[1], id).not.toBe(texts[0]);
      expect(texts[2], id).not.toBe(texts[0]);
      expect(texts[2], id).not.toBe(texts[1]);
    }
  });

  it('names the servers and indexes in their roles', () => {
    const en = translator('en');
    const es = translator('es');
    const twoLeaders: Violation = { ...sample('INV-ES'), servers: [1, 3], indexes: [] };
    expect(violationDetail(twoLeaders, en)).toMatch(/^S1 and S3 were both elected leader/);
    expect(violationDetail(twoLeaders, es)).toMatch(/^S1 y S3 fueron elegidos líderes/);
    const logs: Violation = { ...sample('INV-LM'), servers: [2, 5], indexes: [2, 7] };
    expect(violationDetail(logs, en)).toBe(
      'S2 and S5 hold an entry of the same term at index 7, yet their logs differ at index 2: equal entries must mean equal logs up to there.',
    );
    const votes: Violation = { ...sample('INV-X8'), servers: [4, 1, 2] };
    expect(violationDetail(votes, en)).toMatch(/^S4 voted twice in one term, for S1 and for S2/);
  });

  it('says "?" rather than leaving a placeholder when a part is missing', () => {
    const bare: Violation = { ...sample('INV-X4'), servers: [], indexes: [] };
    expect(violationDetail(bare, translator('pt'))).toBe(
      'O commitIndex de ? (?) passa da última entrada do seu log.',
    );
  });
});

describe('a real violation (the Figure 8 teaching bug)', () => {
  const entry = findLibraryEntry('figure-8-bug');
  if (entry === undefined) throw new Error('no figure-8-bug story');
  const story = compileStory(entry.scenario, entry.scenario.steps);
  const sim = Simulation.create({
    seed: entry.scenario.seed,
    config: entry.scenario.config,
    actions: story.actions,
  });
  sim.runUntil((story.stops.at(-1)?.timeMs ?? 0) + 100);
  const violations = sim.violations;

  it('is told in each language with the core’s servers and indexes', () => {
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) {
      for (const lang of LANGS) {
        const line = violationLine(v, lang);
        expect(line).toContain(v.invariant);
        expect(line).not.toMatch(/[{}]|undefined/);
        for (const s of v.servers) expect(line).toContain(`S${s}`);
        if (lang !== 'en') expect(line).not.toContain(v.message);
      }
    }
  });
});
