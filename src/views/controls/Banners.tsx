/**
 * Messages across the top of the lab: an invariant violation (the run is paused on it), an
 * internal error of the recorder (paused on the last good frame), the partition mode's
 * instructions, and short notices (a shortcut that had nothing to do).
 */
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import { latestViolation } from '../../store/historyCheck.ts';
import { formatTime, serverName } from '../names.ts';
import { draftToGroups } from '../../store/slices/ui.ts';
import { Shown, lazyPart, preloadWhenIdle } from '../lazy.tsx';
import { noticeReady, noticeText } from '../../services/notice.ts';
import { useLaterWords } from '../useLaterWords.ts';

// Its words and the wording of every invariant's break come after the first paint (ViolationBody.tsx).
const Body = lazyPart(() => import('./ViolationBody.tsx').then((m) => m.ViolationBody));
preloadWhenIdle(Body.preload);

/** The latest broken invariant, once its words have arrived (nothing is shown before). */
export function ViolationBanner() {
  return <Shown part={Body} when={useLab((s) => latestViolation(s) !== undefined)} />;
}

/** The recorder hit an internal error: the run is paused and kept (store afterInternalError). */
export function RunErrorBanner() {
  const t = useLabT();
  const lang = useLanguage();
  const store = useLabStore();
  const error = useLab((s) => s.runError);
  if (error === null) return null;
  return (
    <div className="rl-banner rl-banner-violation" role="alert" data-testid="run-error">
      <span className="rl-banner-text">
        {t('fault.run', { message: error.message, time: formatTime(error.timeMs, lang) })}
      </span>
      <button
        type="button"
        className="rl-button rl-icon-button"
        aria-label={t('banner.dismiss')}
        onClick={() => store.getState().dismissRunError()}
      >
        ✕
      </button>
    </div>
  );
}

export function PartitionBar() {
  const t = useLabT();
  const store = useLabStore();
  const draft = useLab((s) => s.partitionDraft);
  if (!draft) return null;
  const groups = draftToGroups(draft);
  const summary = groups.map((g) => `{${g.map(serverName).join(', ')}}`).join('  ');
  return (
    <div className="rl-banner rl-banner-partition" role="status">
      <span>
        <strong>{t('banner.partition')}</strong> {t('banner.partitionHint', { groups: summary })}
      </span>
      <span className="rl-button-row">
        <button
          type="button"
          className="rl-button rl-button-primary"
          onClick={() => store.getState().applyPartition()}
        >
          {t('banner.apply')}
        </button>
        <button
          type="button"
          className="rl-button"
          onClick={() => store.getState().cancelPartition()}
        >
          {t('banner.cancel')}
        </button>
      </span>
    </div>
  );
}

export function NoticeBar() {
  const t = useLabT();
  const lang = useLanguage();
  const store = useLabStore();
  const notice = useLab((s) => s.notice);
  const worded = useLaterWords(notice !== null && !noticeReady(notice));
  if (notice === null || !(worded || noticeReady(notice))) return null;
  return (
    <div className="rl-banner rl-banner-notice" role="status" data-testid="notice">
      <span>{noticeText(notice, t, lang)}</span>
      <button
        type="button"
        className="rl-button rl-icon-button"
        aria-label={t('banner.dismiss')}
        onClick={() => store.getState().dismissNotice()}
      >
        ✕
      </button>
    </div>
  );
}
