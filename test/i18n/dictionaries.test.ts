import { describe, expect, it } from 'vitest';
import { DICTIONARIES, loadLanguage } from '../../src/i18n/dictionaries.ts';
import * as lazy from '../../src/i18n/dictionariesLazy.ts';
import { EN, MESSAGES } from '../../src/i18n/messages.ts';

describe('dictionaries', () => {
  it('in Node: every language at once, loading is a no-op', async () => {
    expect(DICTIONARIES).toBe(MESSAGES);
    await expect(loadLanguage('pt')).resolves.toBeUndefined();
  });

  it('in the browser: English at once, Spanish and Portuguese once one of them is loaded', async () => {
    expect(lazy.DICTIONARIES.en).toBe(EN);
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
