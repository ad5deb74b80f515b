/**
 * Are the rules' words here (ruleTexts.ts)? A view that shows a rule's title or explanation asks
 * this hook: it re-renders the view when the catalogue arrives and, the first time it is asked,
 * starts the download (in the served browser build the catalogue comes after the first paint).
 */
import { useEffect, useSyncExternalStore } from 'react';
import { loadedRuleText, loadRuleTexts, onRuleTexts } from '../../i18n/ruleTexts.ts';
import { afterFirstPaint, preloadWhenIdle } from '../lazy.tsx';

const ready = (): boolean => loadedRuleText('F2-S1', 'en') !== null;

/** Starts the catalogue's download (once; a failed one is tried again on the next call). */
export function preloadRuleTexts(): Promise<unknown> {
  return loadRuleTexts().catch(() => undefined);
}
// The feed's first rule chips come soon after the start: the words are fetched first when idle.
preloadWhenIdle(preloadRuleTexts);

export function useRuleTexts(): boolean {
  const here = useSyncExternalStore(onRuleTexts, ready, ready);
  useEffect(() => {
    // Not before the first paint: the feed's chips read well enough until the words arrive.
    if (!here) void afterFirstPaint().then(preloadRuleTexts);
  }, [here]);
  return here;
}
