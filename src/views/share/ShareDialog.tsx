/**
 * The Share dialog: the current run as a link (with where the viewer is), a QR code and a file.
 * It opens with the run paused, so the link holds exactly the frame on screen.
 */
import { useId, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { defaultTitle } from '../../services/share/currentScenario.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import { formatCount } from '../../i18n/numbers.ts';
import { refusalText } from '../../i18n/refusalText.ts';
import { useLab } from '../../store/context.tsx';
import { VIEW_STEPS_MAX } from '../../scenarios/linkView.ts';
import { formatTime } from '../names.ts';
import { trapTab, useDialogFocus } from '../panels/useDialogFocus.ts';
import { FileSection } from './FileSection.tsx';
import { LinkSection } from './LinkSection.tsx';
import { QrSection } from './QrSection.tsx';
import { useShareLink } from './useShareLink.ts';
import './share.css';

function Summary({ openAt }: { openAt: number | null }) {
  const t = useLabT();
  const lang = useLanguage();
  const run = useLab((s) => s.run);
  const actions = useLab((s) => s.actionCount);
  const named = useLab((s) => s.scenarioInfo?.title ?? null);
  // A run shared from a seed reopens with the generated title: saying it again adds nothing.
  const title = named === defaultTitle(run.seed, run.servers) ? null : named;
  const where =
    openAt === null ? t('share.atStart') : t('share.pausedAt', { time: formatTime(openAt, lang) });
  const count = (n: number, one: MessageKey, many: MessageKey): string =>
    t(n === 1 ? one : many, { n: formatCount(n, lang) });
  return (
    <p className="rl-share-summary">
      {title !== null ? <strong className="rl-share-title">{title}</strong> : null}
      {t('share.summary', {
        seed: run.seed,
        servers: count(run.servers, 'share.server', 'share.servers'),
        actions: count(actions, 'share.action', 'share.actions'),
        where,
      })}
    </p>
  );
}

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const t = useLabT();
  const lang = useLanguage();
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const { scenario, link } = useShareLink();
  const steps = useLab((s) => s.frame.steps);
  useDialogFocus(true, closeRef);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    trapTab(e, e.currentTarget);
    // Keys stay in the dialog: the lab's shortcuts must not change the run being shared.
    e.stopPropagation();
    if (e.key === 'Escape') onClose();
  };
  return (
    <div className="rl-overlay" onClick={onClose}>
      <div
        className="rl-panel rl-dialog rl-share"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        onClick={(e) => e.stopPropagation()}
        data-testid="share-dialog"
      >
        <div className="rl-panel-header">
          <h2 id={titleId} className="rl-panel-title">
            {t('share.dialogTitle')}
          </h2>
          <button ref={closeRef} type="button" className="rl-button" onClick={onClose}>
            {t('share.close')}
          </button>
        </div>
        <Summary openAt={link.ok ? (link.view?.timeMs ?? null) : null} />
        {link.ok && link.note !== null ? (
          <p className="rl-share-warning">
            {t('share.tooFar', {
              n: formatCount(steps, lang),
              max: formatCount(VIEW_STEPS_MAX, lang),
            })}
          </p>
        ) : null}
        {link.ok ? (
          <>
            <LinkSection url={link.url} />
            <QrSection url={link.url} />
          </>
        ) : (
          <p className="rl-share-warning">
            {t('share.noLink', { error: refusalText(link.refusal, lang) })}
          </p>
        )}
        <FileSection scenario={scenario} onDone={onClose} />
      </div>
    </div>
  );
}
