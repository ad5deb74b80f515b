/**
 * Why a link or a file could not be opened. An alert, so a screen reader says it at once; it stays
 * until dismissed or until a good link or file replaces it. The text may quote the input, and is
 * rendered as text only.
 */
import { useLab, useLabStore } from '../../store/context.tsx';
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import { noticeReady, noticeText } from '../../services/notice.ts';
import { useLaterWords } from '../useLaterWords.ts';
import './share.css';

export function OpenErrorBanner() {
  const t = useLabT();
  const lang = useLanguage();
  const store = useLabStore();
  const error = useLab((s) => s.openError);
  // A refusal is worded by the later words (laterWords.ts): the banner waits for them.
  const worded = useLaterWords(error !== null && !noticeReady(error));
  if (error === null || !(worded || noticeReady(error))) return null;
  return (
    <div className="rl-banner rl-banner-error" role="alert" data-testid="open-error">
      <span className="rl-banner-text">{noticeText(error, t, lang)}</span>
      <button
        type="button"
        className="rl-button rl-icon-button"
        aria-label={t('banner.dismissMessage')}
        onClick={() => store.getState().setOpenError(null)}
      >
        ✕
      </button>
    </div>
  );
}
