/**
 * The Rules panel's dialog (RulesPanel.tsx opens it): the rules in their groups, each with its
 * title and words, a search box, the rule asked for scrolled to and highlighted. A chunk of its
 * own, fetched once the page is idle after its first paint or when the panel first opens.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import { rulesPanel } from '../../services/rulesPanel.ts';
import { RULE_GROUPS, type RuleId } from '../../i18n/rules.ts';
import { loadedRuleText } from '../../i18n/ruleTexts.ts';
import type { MessageKey } from '../../i18n/index.ts';

/** Lower case without accents, so "regla" finds "Regla" and "mas" finds "más". */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Does a rule match the search (every word of it, in its ID, title or text)? */
export function ruleMatches(id: RuleId, title: string, text: string, query: string): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldText(`${id} ${title} ${text}`);
  return words.every((w) => haystack.includes(w));
}

export interface RulesDialogProps {
  /** The rule to scroll to and highlight; null: the top, with the search box focused. */
  focus: RuleId | null;
  /** Changes on every opening, so opening at the same rule scrolls to it again. */
  nonce: number;
}

export function RulesDialog({ focus, nonce }: RulesDialogProps) {
  const t = useLabT();
  const lang = useLanguage();
  const [query, setQuery] = useState('');
  const titleId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  // Opening at a rule clears the search, so the rule is listed; focus goes back on close.
  useEffect(() => {
    setQuery('');
  }, [nonce]);
  useEffect(() => {
    const before = document.activeElement;
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  useEffect(() => {
    const item =
      focus === null
        ? null
        : listRef.current?.querySelector<HTMLElement>(`[data-rule-entry="${focus}"]`);
    if (item) {
      item.scrollIntoView({ block: 'center' });
      item.focus({ preventScroll: true });
    } else {
      searchRef.current?.focus();
    }
  }, [focus, nonce]);

  const groups = useMemo(
    () =>
      RULE_GROUPS.map((g) => ({
        id: g.id,
        rules: (g.ids as readonly RuleId[])
          .map((id) => ({ id, text: loadedRuleText(id, lang) ?? ([id, ''] as const) }))
          .filter((r) => ruleMatches(r.id, r.text[0], r.text[1], query)),
      })).filter((g) => g.rules.length > 0),
    [lang, query],
  );
  const count = groups.reduce((n, g) => n + g.rules.length, 0);
  const close = (): void => rulesPanel.getState().close();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      e.preventDefault();
      close();
    }
  };

  return (
    <div className="rl-overlay rl-rules-overlay" onClick={close}>
      <div
        className="rl-panel rl-dialog rl-rules"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="rules-panel"
        onKeyDown={onKeyDown}
        onClick={(e) => e.stopPropagation()}
      >
        <header className="rl-panel-header rl-rules-header">
          <h2 id={titleId} className="rl-panel-title">
            {t('rules.title')}
          </h2>
          <input
            ref={searchRef}
            type="search"
            className="rl-rules-search"
            aria-label={t('rules.search')}
            placeholder={t('rules.searchPlaceholder')}
            value={query}
            maxLength={200}
            onChange={(e) => setQuery(e.target.value)}
          />
          <span className="rl-muted rl-rules-count" aria-live="polite">
            {t('rules.count', { n: count })}
          </span>
          <button type="button" className="rl-button" onClick={close}>
            {t('lab.close')}
          </button>
        </header>
        <div className="rl-rules-body" ref={listRef}>
          <p className="rl-muted rl-rules-intro">{t('rules.intro')}</p>
          {count === 0 ? <p>{t('rules.none', { query })}</p> : null}
          {groups.map((g) => (
            <section
              key={g.id}
              className="rl-rules-group"
              aria-label={t(`rules.group.${g.id}` as MessageKey)}
            >
              <h3 className="rl-rules-group-title">{t(`rules.group.${g.id}` as MessageKey)}</h3>
              <dl className="rl-rules-list">
                {g.rules.map(({ id, text: [title, text] }) => (
                  <div
                    key={id}
                    id={`rule-${id}`}
                    data-rule-entry={id}
                    tabIndex={-1}
                    className={`rl-rule${id === focus ? ' is-focused' : ''}`}
                    aria-current={id === focus ? 'true' : undefined}
                  >
                    <dt>
                      <code className="rl-rule-id">{id}</code> <strong>{title}</strong>
                    </dt>
                    <dd>{text}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
