/**
 * The guard against English left in a translated refusal: the words of the old English reasons,
 * taken from the English catalogue, that a Spanish or Portuguese message must not hold.
 */
import { REFUSALS_EN, REFUSALS_ES, REFUSALS_PT } from '../../src/i18n/refusals.ts';
import { ACTION_KINDS } from '../../src/scenarios/actionShape.ts';

/**
 * English words of the old reasons: every word of four letters or more in the English catalogue
 * that no Spanish or Portuguese string uses (those are names: "lease", "config", "base64url"),
 * nor an action kind.
 */
function englishWords(): string[] {
  const words = (values: object): Set<string> =>
    new Set(
      Object.values(values)
        .join(' ')
        .toLowerCase()
        .match(/[a-z]{4,}/g),
    );
  // Action kinds are names in the file format ("network", "request"), quoted as they are.
  const names = ACTION_KINDS.map((kind) => kind.toLowerCase());
  const shared = new Set([...words(REFUSALS_ES), ...words(REFUSALS_PT), ...names]);
  // The frame of the open error too ("… could not be opened: … Your run is unchanged.").
  const frame = ['could', 'opened', 'your', 'unchanged'];
  return [...words(REFUSALS_EN), ...frame].filter((w) => !shared.has(w));
}

export const ENGLISH = englishWords();

/**
 * The English words of the old reasons that `text` still holds, outside the names it quotes:
 * field paths (`actions[0].command`) and quoted input (`"fly"`).
 */
export function englishIn(text: string): string[] {
  const words = text
    .replace(/"[^"]*"/g, ' ')
    .replace(/\w+(?:\[\d+\]|\.\w+)+/g, ' ')
    .toLowerCase();
  const found = new Set(words.match(/[a-z]{4,}/g));
  return ENGLISH.filter((w) => found.has(w));
}
