/**
 * The later words in the served browser build (vite.config.ts puts this module in place of
 * laterWords.ts): EN_LATER's English (laterMessages.ts) and refusalText.ts come in one fetch, right
 * after the first paint, or earlier when a part needs them (a lazy part, a notice that carries a
 * refusal, a violation's banner, a link in the address). Until then laterWordsLoaded() is false
 * and the views that need them wait (they draw nothing, or Loading) instead of showing keys.
 */
import type { CoreRefusal } from '../core/refusal.ts';
import type { Refusal } from '../scenarios/refusal.ts';
import type { Language } from './index.ts';
import { DICTIONARIES } from './dictionaries.ts';
import type { Messages } from './messages.ts';
import type { RefusalOptions, coreRefusalText, refusalText } from './refusalText.ts';

interface Wording {
  refusalText: typeof refusalText;
  coreRefusalText: typeof coreRefusalText;
}

let wording: Wording | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

export function laterWordsLoaded(): boolean {
  return wording !== null;
}

export function loadLaterWords(): Promise<void> {
  loading ??= Promise.all([import('./laterMessages.ts'), import('./refusalText.ts')]).then(
    ([{ EN_LATER }, refusals]) => {
      // English is the fallback of every language, so the later words join it in place.
      Object.assign(DICTIONARIES.en as Messages, EN_LATER);
      wording = refusals;
      for (const listener of [...listeners]) listener();
    },
    (error: unknown) => {
      loading = null; // a later need tries again
      throw error;
    },
  );
  return loading;
}

export function onLaterWords(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// The views ask only once laterWordsLoaded() (noticeReady, useLaterWords); before, an empty reason.
export function refusalWords(refusal: Refusal, lang: Language, options?: RefusalOptions): string {
  return wording === null ? '' : wording.refusalText(refusal, lang, options);
}

export function coreRefusalWords(refusal: CoreRefusal | null, lang: Language): string {
  return wording === null ? '' : wording.coreRefusalText(refusal, lang);
}
