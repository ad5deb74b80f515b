/**
 * Presenter mode: a lab key (crash, partition, a request...) changed the run, so what is on screen
 * is no longer the story. Says so over the foot of the ring (moving nothing) and offers the way back
 * to the story's own run at the step the speaker was on.
 */
import { usePresenter, usePresenterStore, useT } from '../../services/presenter/context.tsx';

export function StoryChangedBar() {
  const t = useT();
  const shell = usePresenterStore();
  const diverged = usePresenter((s) => s.diverged && s.story !== null);
  if (!diverged) return null;
  return (
    <div className="rl-banner rl-banner-notice" role="status" data-testid="story-changed">
      <span>{t('story.changed')}</span>{' '}
      <button
        type="button"
        className="rl-button"
        title={t('story.rejoinTitle')}
        onClick={() => shell.getState().rejoin()}
      >
        {t('story.rejoin')}
      </button>
    </div>
  );
}
