/**
 * The reconfigure dialog (the rule catalogue (src/i18n/rules.ts)): pick the new voting members with checkboxes, then either
 * joint consensus (one `reconfigure`, M-4) or one server at a time (addServer / promote /
 * removeServer, M-2). Either way the changes are actions in the log, sent by an admin client that
 * finds the leader itself and queues its commands, one in flight at a time. The form
 * (ReconfigureForm.tsx) is loaded the first time the dialog opens, or ahead once the page is idle.
 */
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab } from '../../store/context.tsx';
import { clusterMembershipKey } from '../membership.ts';
import type { ClusterMembership } from '../membership.ts';
import { lazyPart, preloadWhenIdle } from '../lazy.tsx';

const Form = lazyPart(() => import('./ReconfigureForm.tsx').then((m) => m.ReconfigureForm));
preloadWhenIdle(Form.preload);

/**
 * The "Membership…" button and its dialog. The dialog is a portal to <body>, centred: the panels
 * are containment boxes (app.css) that would cover or clip a popover.
 */
export function MembershipMenu() {
  const t = useLabT();
  const [open, setOpen] = useState(false);
  const servers = useLab((s) => s.frame.servers.length);
  const key = useLab((s) => clusterMembershipKey(s.frame.servers));
  const membership = useMemo(() => JSON.parse(key) as ClusterMembership, [key]);
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <>
      <button
        type="button"
        className="rl-button rl-membership-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        title={t('mem.reconfigureTitle')}
        onPointerEnter={() => void Form.preload()}
        onFocus={() => void Form.preload()}
        onClick={() => setOpen((o) => !o)}
      >
        {t('mem.reconfigure')}
      </button>
      {open
        ? createPortal(
            <div className="rl-modal-backdrop" onClick={() => setOpen(false)}>
              <div
                className="rl-modal"
                role="dialog"
                aria-label={t('mem.dialog.title')}
                onClick={(e) => e.stopPropagation()}
              >
                <h2 className="rl-modal-title">{t('mem.dialog.title')}</h2>
                <Form.Component
                  membership={membership}
                  servers={servers}
                  onDone={() => setOpen(false)}
                />
              </div>
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
