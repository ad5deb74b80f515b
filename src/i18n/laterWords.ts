/**
 * The words the first frame never shows (EN_LATER in messages.ts: a message's fields, the clear
 * messages for bad input, what a broken invariant did) and the wording of refusals. Here (Node,
 * the offline single file) they are always there; in the served browser build vite.config.ts puts
 * laterWordsLazy.ts in place of this module, which fetches them right after the first paint.
 */
import type { CoreRefusal } from '../core/refusal.ts';
import type { Refusal } from '../scenarios/refusal.ts';
import type { Language } from './index.ts';
import { coreRefusalText, refusalText, type RefusalOptions } from './refusalText.ts';

export function laterWordsLoaded(): boolean {
  return true;
}

/** Resolves once the later words are in the dictionaries (at once here). */
export function loadLaterWords(): Promise<void> {
  return Promise.resolve();
}

/** Calls `listener` when the later words arrive (never here); returns the unsubscribe. */
export function onLaterWords(listener: () => void): () => void {
  void listener;
  return () => {};
}

/** A refusal in words (refusalText.ts); in the browser, only once laterWordsLoaded(). */
export function refusalWords(refusal: Refusal, lang: Language, options?: RefusalOptions): string {
  return refusalText(refusal, lang, options);
}

/** A core refusal in words (refusalText.ts); in the browser, only once laterWordsLoaded(). */
export function coreRefusalWords(refusal: CoreRefusal | null, lang: Language): string {
  return coreRefusalText(refusal, lang);
}
