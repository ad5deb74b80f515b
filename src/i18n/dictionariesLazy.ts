/**
 * The browser's dictionaries (vite.config.ts puts this module in place of dictionaries.ts):
 * English is part of the first paint; Spanish and Portuguese come in one chunk fetched when one
 * of them is chosen (at start, from the address or the browser's languages, before the first
 * render; later, from the language switch, before switching). Until then a key reads English.
 */
import type { Language } from '../scenarios/steps.ts';
import { EN_FIRST, type Messages } from './messages.ts';

// English starts with what the first frame shows; laterWordsLazy.ts adds EN_LATER after it paints.
const loaded: Record<Language, Messages> = { en: { ...EN_FIRST }, es: {}, pt: {} };

export const DICTIONARIES: Readonly<Record<Language, Messages>> = loaded;

let others: Promise<void> | null = null;

export function loadLanguage(language: Language): Promise<void> {
  if (language === 'en') return Promise.resolve();
  others ??= import('./allMessages.ts').then(
    ({ MESSAGES }) => {
      Object.assign(loaded.es, MESSAGES.es);
      Object.assign(loaded.pt, MESSAGES.pt);
    },
    (error: unknown) => {
      others = null; // a later choice tries again
      throw error;
    },
  );
  return others;
}
