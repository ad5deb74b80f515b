/**
 * A rule ID as a small button: its title on hover and in its accessible name, a click opens the
 * Rules panel at that rule. Used by the event feed, the violation banner and anywhere an ID is shown.
 */
import type { MouseEvent } from 'react';
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import { rulesPanel } from '../../services/rulesPanel.ts';
import './rules.css';
import { ruleText, type RuleId } from '../../i18n/rules.ts';

export function RuleChip({ id }: { id: RuleId }) {
  const t = useLabT();
  const lang = useLanguage();
  const [title] = ruleText(id, lang);
  const label = t('rules.chip', { id, title });
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
}
