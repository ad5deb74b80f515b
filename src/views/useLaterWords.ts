/**
 * Whether the later words (src/i18n/laterWords.ts: a message's fields, refusals, what a broken
 * invariant did) are in. A view that is about to show them calls this with `needed` true: the
 * words are fetched at once if they are not yet, and the view renders again when they arrive, so
 * it waits (draws nothing) instead of showing a key.
 */
import { useEffect, useState } from 'react';
import { laterWordsLoaded, loadLaterWords, onLaterWords } from '../i18n/laterWords.ts';

export function useLaterWords(needed: boolean): boolean {
  const [ready, setReady] = useState(laterWordsLoaded);
  useEffect(() => {
    if (ready || !needed) return;
    if (laterWordsLoaded()) {
      setReady(true);
      return;
    }
    const off = onLaterWords(() => setReady(true));
    loadLaterWords().catch((error: unknown) =>
      console.error('Raft Lab: the words for this message could not load.', error),
    );
    return off;
  }, [ready, needed]);
  return ready || laterWordsLoaded();
}
