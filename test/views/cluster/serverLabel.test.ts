/**
 * The accessible name of a server on the ring starts with the words drawn on it, in drawing
 * order (WCAG 2.5.3 Label in Name, axe's label-content-name-mismatch), in every language.
 */
import { describe, expect, it } from 'vitest';
import { translator, type Language } from '../../../src/i18n/index.ts';
import {
  serverAccessibleName,
  serverVisibleTexts,
  type ServerLabelParts,
} from '../../../src/views/cluster/serverLabel.ts';

/** Words as axe compares them: lower case, letters and digits only. */
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');

function containsContiguously(name: string, visible: string): boolean {
  const hay = words(name);
  const needle = words(visible);
  for (let i = 0; i + needle.length <= hay.length; i++)
    if (needle.every((w, j) => hay[i + j] === w)) return true;
  return false;
}

function parts(lang: Language, extra: Partial<ServerLabelParts> = {}): ServerLabelParts {
  const t = translator(lang);
  return {
    name: 'S2',
    termCaption: t('ring.termCaption'),
    term: 3,
    badges: [],
    states: [t('status.leader')],
    ...extra,
  };
}

describe('serverAccessibleName', () => {
  it('says the drawn words first, then the role: "S2 term 3, leader"', () => {
    expect(serverAccessibleName(parts('en'))).toBe('S2 term 3, leader');
    expect(serverAccessibleName(parts('es'))).toBe('S2 mandato 3, líder');
    expect(serverAccessibleName(parts('pt'))).toBe('S2 mandato 3, líder');
  });

  for (const lang of ['en', 'es', 'pt'] as const) {
    it(`keeps every drawn word, badges and pills included, in order (${lang})`, () => {
      const t = translator(lang);
      const p = parts(lang, {
        badges: [
          'G1',
          t('transfer.badge', { target: 'S3' }),
          t('mem.learner'),
          t('mem.catchingUp'),
        ],
        states: [t('status.crashed'), t('mem.outsideRow')],
      });
      const name = serverAccessibleName(p);
      expect(containsContiguously(name, serverVisibleTexts(p).join(' '))).toBe(true);
      expect(name).toContain(t('status.crashed'));
      expect(name).toContain(t('mem.outsideRow'));
    });
  }

  it('the check used here fails a name that puts the role between the drawn words', () => {
    // The name the ring used before: "S2, leader, term 3" splits "S2" from "term 3".
    expect(containsContiguously('S2, leader, term 3', 'S2 term 3')).toBe(false);
  });
});
