/**
 * The reconfigure form inside the "Membership…" dialog (MembershipMenu.tsx): pick the new voting
 * members with checkboxes, then joint consensus (M-4) or one server at a time (M-2). A chunk of
 * its own, fetched once the page is idle after its first paint or when the dialog first opens.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLabStore } from '../../store/context.tsx';
import { serverName } from '../names.ts';
import { configWords, interventionCommand, reconfigurePlan } from '../membership.ts';
import type { ClusterMembership } from '../membership.ts';

export function ReconfigureForm({
  membership,
  servers,
  onDone,
}: {
  membership: ClusterMembership;
  servers: number;
  onDone: () => void;
}) {
  const t = useLabT();
  const store = useLabStore();
  const current = membership.reference;
  const [chosen, setChosen] = useState<number[]>(() => [...(current?.voters ?? [])]);
  const [mode, setMode] = useState<'joint' | 'single'>('joint');
  const plan = reconfigurePlan(current, chosen, mode);
  const commands = plan.map((a) => `"${interventionCommand(a)}"`).join(', ');
  const problem =
    chosen.length === 0 ? t('mem.dialog.empty') : plan.length === 0 ? t('mem.dialog.same') : null;
  const toggle = (id: number, on: boolean): void =>
    setChosen((list) => (on ? [...list, id] : list.filter((x) => x !== id)).sort((a, b) => a - b));
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (problem !== null) return;
    const st = store.getState();
    for (const action of plan) st.act(action);
    st.showNotice(t('mem.sent', { commands }));
    onDone();
  };
  return (
    <form className="rl-reconfigure" onSubmit={submit} aria-label={t('mem.dialog.title')}>
      <p className="rl-muted">
        {membership.referenceFrom === null || current === null
          ? t('mem.dialog.noLeader')
          : t('mem.dialog.current', { config: configWords(current, t) })}
      </p>
      <fieldset className="rl-reconfigure-members">
        <legend>{t('mem.dialog.members')}</legend>
        {Array.from({ length: servers }, (_, i) => i + 1).map((id) => (
          <label key={id} className="rl-check">
            <input
              type="checkbox"
              name={`member-${id}`}
              checked={chosen.includes(id)}
              onChange={(e) => toggle(id, e.target.checked)}
            />
            {serverName(id)}
          </label>
        ))}
      </fieldset>
      <fieldset className="rl-reconfigure-mode">
        <label className="rl-check" title={t('mem.dialog.jointTitle')}>
          <input
            type="radio"
            name="mode"
            value="joint"
            checked={mode === 'joint'}
            onChange={() => setMode('joint')}
          />
          {t('mem.dialog.joint')}
        </label>
        <label className="rl-check" title={t('mem.dialog.singleTitle')}>
          <input
            type="radio"
            name="mode"
            value="single"
            checked={mode === 'single'}
            onChange={() => setMode('single')}
          />
          {t('mem.dialog.single')}
        </label>
      </fieldset>
      <p className="rl-reconfigure-plan" aria-live="polite">
        {problem ?? t('mem.dialog.plan', { commands })}
      </p>
      <div className="rl-button-row">
        <button type="submit" className="rl-button rl-button-primary" disabled={problem !== null}>
          {t('mem.dialog.send')}
        </button>
        <button type="button" className="rl-button" onClick={onDone}>
          {t('mem.dialog.cancel')}
        </button>
      </div>
    </form>
  );
}
