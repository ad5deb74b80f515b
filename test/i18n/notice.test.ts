/** Store notices: a code from the store, words from the catalogue in each language. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import { noticeText } from '../../src/services/notice.ts';
import { NOTICE_CODES, notice } from '../../src/store/notice.ts';
import { createLabStore } from '../../src/store/createLabStore.ts';

const PARAMS = {
  server: 'S3',
  gap: 21,
  reason: 'bad config.',
  title: 'Demo',
  time: '1.000 s',
  file: '“a.json”',
};

describe('noticeText', () => {
  it('words every code in en, es and pt, every placeholder filled', () => {
    for (const code of NOTICE_CODES) {
      const [en, es, pt] = (['en', 'es', 'pt'] as const).map((lang) =>
        noticeText(notice(code, PARAMS), translator(lang)),
      );
      for (const text of [en, es, pt]) expect(text, code).not.toMatch(/[{}]/);
      expect(es, code).not.toBe(en);
      expect(pt, code).not.toBe(en);
    }
  });

  it('fills the parameters and passes text a view already translated through', () => {
    expect(noticeText(notice('spreadAhead', { server: 'S2', gap: 41 }), translator('pt'))).toBe(
      'S2 vai esgotar o temporizador 41 ms antes dos outros.',
    );
    expect(noticeText('Ya traducido', translator('en'))).toBe('Ya traducido');
  });

  it('is what the store publishes for a shortcut with nothing to do', () => {
    const store = createLabStore({ seed: 7, servers: 3, clock: () => 0 });
    store.getState().restartAllCrashed();
    const n = store.getState().notice;
    expect(n).toEqual({ code: 'noneCrashed' });
    expect(noticeText(n ?? '', translator('es'))).toBe('Ningún servidor está caído.');
  });
});
