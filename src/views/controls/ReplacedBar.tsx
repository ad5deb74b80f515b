/**
 * Time travel that never loses work silently: the moment an action taken in the past replaces
 * the recorded future, this banner says what went (up to when, how many actions) and offers
 * Undo, which swaps that future back; after an undo it offers Redo. Nothing is ever dropped for
 * good until the next action in the past (store: `replaced`, `undoReplace`).
 */
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import { formatTime } from '../names.ts';

export function ReplacedBar() {
  const t = useLabT();
  const lang = useLanguage();
  const store = useLabStore();
  const replaced = useLab((s) => s.replaced);
  if (replaced === null) return null;
  const params = {
    at: formatTime(replaced.atMs, lang),
    until: formatTime(replaced.untilMs, lang),
    n: replaced.actions,
  };
  const text = replaced.undone
    ? t('replaced.undone', params)
    : replaced.actions === 0
      ? t('replaced.textNone', params)
      : replaced.actions === 1
        ? t('replaced.textOne', params)
        : t('replaced.text', params);
  return (
    <div className="rl-banner rl-banner-notice" role="status" data-testid="replaced">
      <span>{text}</span>{' '}
      <button
        type="button"
        className="rl-button"
        data-testid="replaced-undo"
        title={t(replaced.undone ? 'replaced.redoTitle' : 'replaced.undoTitle', params)}
        onClick={() => store.getState().undoReplace()}
      >
        {t(replaced.undone ? 'replaced.redo' : 'replaced.undo')}
      </button>
      <button
        type="button"
        className="rl-button rl-icon-button"
        aria-label={t('banner.dismiss')}
        onClick={() => store.getState().dismissReplaced()}
      >
        ✕
      </button>
    </div>
  );
}
