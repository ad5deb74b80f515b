import { describe, expect, it } from 'vitest';
import { DICTIONARIES, loadLanguage } from '../../src/i18n/dictionaries.ts';
import * as lazy from '../../src/i18n/dictionariesLazy.ts';
import { EN, EN_FIRST, EN_LATER, MESSAGES } from '../../src/i18n/messages.ts';

describe('dictionaries', () => {
  it('in Node: every language at once, loading is a no-op', async () => {
    expect(DICTIONARIES).toBe(MESSAGES);
    await expect(loadLanguage('pt')).resolves.toBeUndefined();
  });

  it('English is what the first frame shows and what it never shows, every key once', () => {
    expect({ ...EN_FIRST, ...EN_LATER }).toEqual(EN);
    const first = Object.keys(EN_FIRST);
    expect(Object.keys(EN_LATER).filter((key) => first.includes(key))).toEqual([]);
    expect(Object.keys(EN_LATER).length).toBeGreaterThan(100);
  });

  it("in the browser: the first frame's English at once, Spanish and Portuguese once one of them is loaded", async () => {
    // The rest of English joins it after the first paint (laterWords.test.ts).
    expect(lazy.DICTIONARIES.en).toEqual(EN_FIRST);
    expect(lazy.DICTIONARIES.en['refusal.json.expectedValue']).toBeUndefined();
    expect(Object.keys(lazy.DICTIONARIES.es)).toHaveLength(0);
    expect(Object.keys(lazy.DICTIONARIES.pt)).toHaveLength(0);
    await lazy.loadLanguage('en');
    expect(Object.keys(lazy.DICTIONARIES.es)).toHaveLength(0);
    await lazy.loadLanguage('es');
    expect(lazy.DICTIONARIES.es).toEqual(MESSAGES.es);
    expect(lazy.DICTIONARIES.pt).toEqual(MESSAGES.pt);
    expect(lazy.DICTIONARIES.es['lazy.loading']).toBe('Cargando…');
    // Once: the same promise for every later choice.
    expect(lazy.loadLanguage('pt')).toBe(lazy.loadLanguage('es'));
  });
});
