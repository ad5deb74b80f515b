/** The app's own strings: English fallback, placeholders, and complete es/pt dictionaries. */
import { describe, expect, it } from 'vitest';
import { interpolate, parseLanguage, preferredLanguage, translate } from '../../src/i18n/index.ts';
import { EN, MESSAGES } from '../../src/i18n/messages.ts';

describe('translate', () => {
  it('uses the language asked for', () => {
    expect(translate('es', 'story.next')).toBe('Siguiente');
    expect(translate('pt', 'story.next')).toBe('Próximo');
    expect(translate('en', 'story.next')).toBe('Next');
  });

  it('falls back to English for a missing string', () => {
    const partial = { en: EN, es: {}, pt: { 'story.next': 'Próximo' } };
    expect(translate('es', 'story.next', undefined, partial)).toBe('Next');
    expect(translate('pt', 'story.previous', undefined, partial)).toBe('Previous');
    expect(translate('pt', 'story.next', undefined, partial)).toBe('Próximo');
  });

  it('fills placeholders, leaving unknown ones as they are', () => {
    expect(translate('en', 'story.step', { n: 3, total: 9 })).toBe('Step 3 of 9');
    expect(translate('es', 'story.step', { n: 3, total: 9 })).toBe('Paso 3 de 9');
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(interpolate('{constructor}', {})).toBe('{constructor}');
  });

  it('has every string in Spanish and Portuguese, with the same placeholders', () => {
    const holes = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
    for (const lang of ['es', 'pt'] as const) {
      for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
        const text = MESSAGES[lang][key];
        expect(text, `${lang} ${key}`).toBeTypeOf('string');
        expect(holes(text ?? '').sort(), `${lang} ${key}`).toEqual(holes(EN[key]).sort());
      }
    }
  });
});

describe('the catalogues are complete', () => {
  /** Keys missing or empty in a language, and keys it has that English lacks. */
  function gaps(
    en: Readonly<Record<string, string>>,
    other: Readonly<Record<string, string | undefined>>,
  ): { missing: string[]; extra: string[] } {
    return {
      missing: Object.keys(en).filter((k) => (other[k] ?? '').trim() === ''),
      extra: Object.keys(other).filter((k) => !Object.hasOwn(en, k)),
    };
  }

  it('has every English key, non-empty, in Spanish and Portuguese, and no key English lacks', () => {
    expect(Object.values(EN).every((text) => text.trim() !== '')).toBe(true);
    for (const lang of ['es', 'pt'] as const) {
      expect(gaps(EN, MESSAGES[lang]), lang).toEqual({ missing: [], extra: [] });
    }
  });

  it('names what is missing, empty or extra', () => {
    const en = { a: 'A', b: 'B', c: 'C' };
    expect(gaps(en, { a: 'á', b: '  ', d: 'D' })).toEqual({ missing: ['b', 'c'], extra: ['d'] });
  });
});

describe('languages', () => {
  it('reads language codes from a URL or the browser', () => {
    expect(parseLanguage('es')).toBe('es');
    expect(parseLanguage('pt-BR')).toBe('pt');
    expect(parseLanguage('EN')).toBe('en');
    expect(parseLanguage('fr')).toBeNull();
    expect(parseLanguage('')).toBeNull();
    expect(parseLanguage(null)).toBeNull();
    expect(parseLanguage('<script>')).toBeNull();
  });

  it('picks the first preferred language the app speaks, else English', () => {
    expect(preferredLanguage(['fr-FR', 'pt-BR', 'en'])).toBe('pt');
    expect(preferredLanguage(['de'])).toBe('en');
    expect(preferredLanguage([])).toBe('en');
  });
});
