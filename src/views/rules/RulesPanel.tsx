/**
 * The Rules panel: every rule the lab cites by ID, grouped (Figure 2, the safety invariants, the
 * client and membership rules, the extensions, the teaching bugs, the scripted scenarios, the trace
 * hash), each with its title and a few plain sentences, in the page's language. A search box
 * filters by ID or words. Opened at a rule, it scrolls to it and highlights it. Escape, the Close
 * button or a click outside closes it; focus returns where it was. The panel itself
 * (RulesDialog.tsx) comes after the first paint, with the rules' words (it says Loading until both
 * are there).
 */
import { useEffect } from 'react';
import { rulesPanel, ruleFromSearch, useRulesPanel } from '../../services/rulesPanel.ts';
import { Loading, lazyPart, preloadWhenIdle, useArrived } from '../lazy.tsx';
import { useRuleTexts } from './useRuleTexts.ts';
import './rules.css';

const Dialog = lazyPart(() => import('./RulesDialog.tsx').then((m) => m.RulesDialog));
preloadWhenIdle(Dialog.preload);

/** Opens the panel once if the page address asks for it (`?rule=F2-AE4`). */
function useRuleFromAddress(): void {
  useEffect(() => {
    const rule = ruleFromSearch(window.location.search);
    if (rule !== undefined) rulesPanel.getState().openAt(rule);
  }, []);
}

export function RulesPanel() {
  useRuleFromAddress();
  const open = useRulesPanel((s) => s.open);
  const focus = useRulesPanel((s) => s.focus);
  const nonce = useRulesPanel((s) => s.nonce);
  const ready = useRuleTexts();
  const Arrived = useArrived(Dialog, open);
  if (!open) return null;
  const loading = (
    <div className="rl-overlay rl-rules-overlay" onClick={() => rulesPanel.getState().close()}>
      <Loading className="rl-panel rl-rules" />
    </div>
  );
  if (!ready || Arrived === null) return loading;
  return <Arrived focus={focus} nonce={nonce} />;
}
