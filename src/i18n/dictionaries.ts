/**
 * The dictionaries translate() reads, every language at once: what Node (the CLI, the tests)
 * uses. The browser build replaces this module by dictionariesLazy.ts (see vite.config.ts), where
 * Spanish and Portuguese are fetched when chosen instead of before the first paint.
 */
import type { Language } from '../scenarios/steps.ts';
import { MESSAGES, type Messages } from './messages.ts';

export const DICTIONARIES: Readonly<Record<Language, Messages>> = MESSAGES;

/** Resolves once `language`'s strings are in DICTIONARIES (here: at once, they always are). */
export function loadLanguage(language: Language): Promise<void> {
  void language;
  return Promise.resolve();
}
