/**
 * The Rules panel and the rule chips rendered in Node: the feed's chips, the panel's groups in each
 * language, its search, the panel's store and the `?rule=` parameter with hostile values.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/core/types.ts';
import type { Language } from '../../src/i18n/index.ts';
import { PresenterProvider } from '../../src/services/presenter/context.tsx';
import { createPresenterStore } from '../../src/services/presenter/presenterStore.ts';
import { ruleFromSearch, rulesPanel } from '../../src/services/rulesPanel.ts';
import { shortcutFor } from '../../src/services/shortcuts.ts';
import { createLabStore } from '../../src/store/createLabStore.ts';
import { EventFeed } from '../../src/views/panels/index.ts';
import { foldText, ruleMatches, RulesDialog } from '../../src/views/rules/RulesDialog.tsx';
import { RulesPanel } from '../../src/views/rules/RulesPanel.tsx';
import { RULE_IDS } from '../../src/i18n/rules.ts';

function render(ui: ReactElement, lang: Language = 'en'): string {
  const shell = createPresenterStore(createLabStore({ clock: () => 0 }), { lang });
  return renderToStaticMarkup(<PresenterProvider store={shell}>{ui}</PresenterProvider>);
}

const count = (html: string, needle: string): number => html.split(needle).length - 1;

afterEach(() => rulesPanel.setState({ open: false, focus: null }));

describe('the feed’s rule chips', () => {
  const events: SimEvent[] = [
    { type: 'electionStart', time: 100, server: 3, term: 4, forced: false },
    { type: 'stepDown', time: 105, server: 1, term: 4, from: 'follower' },
    { type: 'action', time: 110, action: { at: 110, do: 'heal' } },
  ];

  it('shows each line’s rule as a button after the sentence, not as text in parentheses', () => {
    const html = render(<EventFeed events={events} now={200} onJump={() => {}} />);
    expect(html).toContain('data-rule="F2-F2"');
    expect(html).toContain('data-rule="F2-A2"');
    expect(html).toContain('S1 saw a newer term and moved to term 4</span>');
    expect(html).not.toContain('(F2-A2)');
    // The heal the user asked for has no rule: two chips for three lines.
    expect(count(html, 'class="rl-rule-chip"')).toBe(2);
    expect(html).toContain(
      'aria-label="F2-A2: A newer term wins. Opens the Rules panel at this rule."',
    );
    // The chip is beside the line's button, never inside it (no nested buttons).
    expect(html).not.toMatch(/<button[^>]*rl-feed-line[^>]*>(?:(?!<\/button>).)*<button/);
  });

  it('says the chip’s rule in the page’s language', () => {
    const html = render(<EventFeed events={events} now={200} onJump={() => {}} />, 'pt');
    expect(html).toContain('aria-label="F2-A2: O mandato mais novo vence. Abre o painel de regras');
    expect(html).toContain('S1 viu um mandato mais novo e passou para o mandato 4</span>');
  });
});

describe('the Rules panel', () => {
  it('renders nothing while closed', () => {
    expect(render(<RulesPanel />)).toBe('');
  });

  it('lists every rule, grouped, and highlights the one it was opened at', () => {
    const html = render(<RulesDialog focus="F2-AE4" nonce={1} />);
    expect(count(html, 'data-rule-entry=')).toBe(RULE_IDS.length);
    expect(html).toContain('Figure 2: AppendEntries');
    expect(html).toMatch(/data-rule-entry="F2-AE4"[^>]*class="rl-rule is-focused"/);
    expect(count(html, 'is-focused')).toBe(1);
    expect(html).toContain('Delete only on conflict');
    expect(html).toContain('Trace hash');
  });

  it('speaks Spanish and Portuguese', () => {
    const es = render(<RulesDialog focus="INV-LC" nonce={1} />, 'es');
    expect(es).toContain('Completitud del líder');
    expect(es).toContain('Invariantes de seguridad');
    const pt = render(<RulesDialog focus="INV-LC" nonce={1} />, 'pt');
    expect(pt).toContain('Completude do líder');
    expect(pt).toContain('Hash do rastro');
  });

  it('searches IDs and words, ignoring case and accents', () => {
    expect(foldText('Elección ÁÉ')).toBe('eleccion ae');
    expect(ruleMatches('F2-AE4', 'Delete only on conflict', '…', 'f2-ae4')).toBe(true);
    expect(ruleMatches('F2-AE4', 'Borrar solo si hay conflicto', '…', 'CONFLICTO borrar')).toBe(
      true,
    );
    expect(ruleMatches('INV-LC', 'Completitud del líder', '…', 'lider')).toBe(true);
    expect(ruleMatches('INV-LC', 'Leader Completeness', '…', 'vote')).toBe(false);
    expect(ruleMatches('INV-LC', 'Leader Completeness', '…', '   ')).toBe(true);
  });

  it('opens at its top for an unknown or hostile rule, and the shortcut toggles it', () => {
    for (const bad of ['__proto__', 'constructor', 'x'.repeat(10_000), 'F2-ZZ', 7]) {
      rulesPanel.getState().openAt(bad);
      expect(rulesPanel.getState()).toMatchObject({ open: true, focus: null });
      rulesPanel.getState().close();
    }
    const key = shortcutFor('g');
    expect(key?.description).toBe('shortcut.rules');
    const lab = createLabStore({ clock: () => 0 }).getState();
    key?.run(lab);
    expect(rulesPanel.getState().open).toBe(true);
    shortcutFor('Escape')?.run(lab);
    expect(rulesPanel.getState().open).toBe(false);
  });

  it('reads ?rule= from the page address', () => {
    expect(ruleFromSearch('?rule=F2-AE4')).toBe('F2-AE4');
    expect(ruleFromSearch('?lang=es&rule=inv-lc')).toBe('INV-LC');
    expect(ruleFromSearch('?rule=__proto__')).toBeNull();
    expect(ruleFromSearch(`?rule=${'A'.repeat(10_000)}`)).toBeNull();
    expect(ruleFromSearch('?rule=%E0%A4%A')).toBeNull();
    expect(ruleFromSearch('?present')).toBeUndefined();
    expect(ruleFromSearch('')).toBeUndefined();
  });
});
