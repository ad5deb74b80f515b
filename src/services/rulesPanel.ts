/**
 * Whether the Rules panel is open and at which rule: a small store of its own, so the header, the
 * feed's rule chips, the violation banner, the keyboard shortcut and a `?rule=` link can all open
 * it. Any value from outside goes through parseRuleId: an unknown or hostile one opens the panel
 * at its top.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { parseRuleId, type RuleId } from '../i18n/rules.ts';

export interface RulesPanelState {
  open: boolean;
  /** The rule to scroll to and highlight, or null for the top of the panel. */
  focus: RuleId | null;
  /** Bumped on every openAt, so opening the same rule again scrolls to it again. */
  nonce: number;
  openAt: (id?: unknown) => void;
  close: () => void;
  toggle: () => void;
}

export const rulesPanel = createStore<RulesPanelState>()((set, get) => ({
  open: false,
  focus: null,
  nonce: 0,
  openAt: (id) => set({ open: true, focus: parseRuleId(id), nonce: get().nonce + 1 }),
  close: () => set({ open: false }),
  toggle: () => (get().open ? get().close() : get().openAt(null)),
}));

export function useRulesPanel<T>(pick: (s: RulesPanelState) => T): T {
  return useStore(rulesPanel, pick);
}

/**
 * `?rule=F2-AE4` in a page address: the rule to open the panel at (null: a `rule` parameter that
 * names no rule, which opens the panel at its top), or undefined when there is no such parameter.
 */
export function ruleFromSearch(search: string): RuleId | null | undefined {
  if (typeof search !== 'string' || search.length > 100_000) return undefined;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return undefined;
  }
  if (!params.has('rule')) return undefined;
  return parseRuleId(params.get('rule'));
}
