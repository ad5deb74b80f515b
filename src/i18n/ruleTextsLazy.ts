/**
 * The rules' words in the served browser build (vite.config.ts puts this module in place of
 * ruleTexts.ts): the catalogue (ruleCatalogue.ts, every language) is a chunk of its own, fetched
 * the first time a view asks for a rule's words, or once the page is idle after its first paint.
 * Until it arrives loadedRuleText answers null and the views say the rule without its title.
 */
import type { RuleId, RuleText } from './rules.ts';
import type { Language } from '../scenarios/steps.ts';

type Lookup = (id: RuleId, lang: Language) => RuleText;

let lookup: Lookup | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

export function loadedRuleText(id: RuleId, lang: Language): RuleText | null {
  return lookup === null ? null : lookup(id, lang);
}

export function loadRuleTexts(): Promise<void> {
  loading ??= import('./ruleCatalogue.ts').then(
    (m) => {
      lookup = m.ruleText;
      for (const listener of [...listeners]) listener();
    },
    (error: unknown) => {
      loading = null; // a later view tries again
      throw error;
    },
  );
  return loading;
}

const NOTHING_TO_UNSUBSCRIBE = (): void => {};

/**
 * Calls `listener` when the catalogue arrives; returns the unsubscribe. Once it is here nothing
 * can change any more, so a view subscribing then (every rule chip a fast feed mounts) costs no
 * entry in the listeners' set.
 */
export function onRuleTexts(listener: () => void): () => void {
  if (lookup !== null) return NOTHING_TO_UNSUBSCRIBE;
  listeners.add(listener);
  return () => listeners.delete(listener);
}
