/**
 * A rule ID as a small button: its title on hover and in its accessible name, a click opens the
 * Rules panel at that rule. Used by the event feed, the violation banner and anywhere an ID is shown.
 */
import { memo, type MouseEvent } from 'react';
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import { rulesPanel } from '../../services/rulesPanel.ts';
import './rules.css';
import type { RuleId } from '../../i18n/rules.ts';
import { loadedRuleText } from '../../i18n/ruleTexts.ts';
import { useRuleTexts } from './useRuleTexts.ts';

/** Memoized: a feed line or banner that renders again re-renders its chips only for a new ID. */
export const RuleChip = memo(function RuleChip({ id }: { id: RuleId }) {
  const t = useLabT();
  const lang = useLanguage();
  useRuleTexts();
  // Until the rules' words arrive (just after the first paint) the label names the rule without its title.
  const title = loadedRuleText(id, lang)?.[0];
  const label =
    title === undefined ? t('rules.chipPending', { id }) : t('rules.chip', { id, title });
  const onClick = (e: MouseEvent<HTMLButtonElement>): void => {
    e.stopPropagation();
    rulesPanel.getState().openAt(id);
  };
  return (
    <button
      type="button"
      className="rl-rule-chip"
      data-rule={id}
      title={label}
      aria-label={label}
      onClick={onClick}
    >
      {id}
    </button>
  );
});

/** A rule ID where no panel can open (embed mode): an abbreviation whose title names the rule. */
export function RuleAbbr({ id }: { id: RuleId }) {
  const t = useLabT();
  const lang = useLanguage();
  useRuleTexts();
  const title = loadedRuleText(id, lang)?.[0] ?? t('rules.abbrPending', { id });
  return (
    <abbr className="rl-rule-abbr" title={title}>
      {id}
    </abbr>
  );
}
