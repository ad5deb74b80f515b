/**
 * Starts a new run from a seed and a cluster size. The same seed and size always give the same
 * run (the determinism contract), so the seed stays visible in the header: it is all a
 * viewer needs to reproduce what they see. The form itself (RunForm.tsx) opens as a small
 * popover; it is loaded the first time it opens, or ahead once the page is idle or the pointer
 * or the focus reaches the button.
 */
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab } from '../../store/context.tsx';
import { lazyPart, preloadWhenIdle } from '../lazy.tsx';

const Form = lazyPart(() => import('./RunForm.tsx').then((m) => m.RunForm));
preloadWhenIdle(Form.preload);

/** Fetches the form ahead (for tests that open it and look at once). */
export const preloadRunForm = Form.preload;

export function NewRunMenu() {
  const t = useLabT();
  const run = useLab((s) => s.run);
  const [open, setOpen] = useState(false);
  // Escape closes the popover and leaves the focus on its button (menu button pattern).
  const closeOnEscape = (e: KeyboardEvent<HTMLDetailsElement>): void => {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    setOpen(false);
    e.currentTarget.querySelector('summary')?.focus();
  };
  return (
    <details
      className="rl-popover rl-run-menu"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={closeOnEscape}
    >
      <summary
        className="rl-button"
        title={t('tip.newRun')}
        onPointerEnter={() => void Form.preload()}
        onFocus={() => void Form.preload()}
      >
        <span className="rl-field-label">{t('run.seed')}</span>{' '}
        <span data-testid="seed">{run.seed}</span> · {t('run.serverCount', { n: run.servers })}
      </summary>
      <div className="rl-popover-body">
        {open ? <Form.Component onDone={() => setOpen(false)} /> : null}
      </div>
    </details>
  );
}
