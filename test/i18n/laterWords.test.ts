/**
 * The later words in the browser (src/i18n/laterWordsLazy.ts over dictionariesLazy.ts, as
 * vite.config.ts puts them): until they are fetched, a refusal has no wording and the banners that
 * need them wait (noticeReady); once fetched, English has every key and refusals read as in Node.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/i18n/dictionaries.ts', () => import('../../src/i18n/dictionariesLazy.ts'));
vi.mock('../../src/i18n/laterWords.ts', () => import('../../src/i18n/laterWordsLazy.ts'));

const { translate } = await import('../../src/i18n/index.ts');
const later = await import('../../src/i18n/laterWords.ts');
const { noticeReady, noticeText } = await import('../../src/services/notice.ts');
const { EN, EN_LATER } = await import('../../src/i18n/messages.ts');
const { refusalText } = await import('../../src/i18n/refusalText.ts');
const { translator } = await import('../../src/i18n/index.ts');

describe('the later words in the browser', () => {
  const bad = { code: 'linkRefused', refusal: { code: 'notALink' } } as const;

  it('are missing before the first paint: a refused link waits, a plain notice does not', () => {
    expect(later.laterWordsLoaded()).toBe(false);
    expect(translate('en', 'refusal.json.expectedValue')).toBe('refusal.json.expectedValue');
    expect(noticeReady(bad)).toBe(false);
    expect(noticeReady({ code: 'oneGroup' })).toBe(true);
    expect(noticeReady('plain text')).toBe(true);
    expect(later.refusalWords({ code: 'notALink' }, 'en')).toBe('');
  });

  it('arrive in one fetch, then English is whole and refusals read as in Node', async () => {
    const listener = vi.fn();
    later.onLaterWords(listener);
    await later.loadLaterWords();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(later.laterWordsLoaded()).toBe(true);
    for (const key of Object.keys(EN_LATER) as (keyof typeof EN)[]) {
      expect(translate('en', key)).toBe(EN[key]); // placeholders stay when no parameter is given
    }
    expect(noticeReady(bad)).toBe(true);
    const words = later.refusalWords({ code: 'notALink' }, 'en');
    expect(words).toBe(refusalText({ code: 'notALink' }, 'en'));
    expect(words.length).toBeGreaterThan(0);
    expect(noticeText(bad, translator('en'), 'en')).toContain(words);
    expect(later.loadLaterWords()).toBe(later.loadLaterWords());
  });
});
