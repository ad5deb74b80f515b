/**
 * The rules' words, as the views read them. Here (Node, the offline single file) the catalogue is
 * part of the module and always there; in the served browser build, vite.config.ts puts
 * ruleTextsLazy.ts in place of this module, which fetches the catalogue after the first paint.
 */
import { ruleText } from './ruleCatalogue.ts';
import type { RuleId, RuleText } from './rules.ts';
import type { Language } from '../scenarios/steps.ts';

/** A rule's title and explanation in `lang`, or null while the catalogue is still on its way. */
export function loadedRuleText(id: RuleId, lang: Language): RuleText | null {
  return ruleText(id, lang);
}

/** Resolves once loadedRuleText answers (at once here). */
export function loadRuleTexts(): Promise<void> {
  return Promise.resolve();
}

/** Calls `listener` when the catalogue arrives (never here: it is always there); returns the unsubscribe. */
export function onRuleTexts(listener: () => void): () => void {
  void listener;
  return () => {};
}
