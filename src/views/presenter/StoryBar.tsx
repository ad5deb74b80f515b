/**
 * The story in the normal lab: title, "Step 3 of 9", the caption, Previous / Next, the language
 * and a button into presenter mode. The lab's keys keep their meaning here; PageDown / PageUp
 * step the story.
 */
import { usePresenter, usePresenterStore, useT } from '../../services/presenter/context.tsx';
import { enterFullscreen } from '../../services/presenter/fullscreen.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Markup } from './Markup.tsx';
import { StoryNav } from './StoryNav.tsx';
import { useStoryView } from './useStoryView.ts';

export function StoryBar() {
  const shell = usePresenterStore();
  const diverged = usePresenter((s) => s.diverged);
  const view = useStoryView();
  const t = useT();
  if (!view) return null;
  const present = (): void => {
    shell.getState().setMode('present');
    enterFullscreen();
  };
  return (
    <section
      className="rl-story"
      aria-label={view.title}
      data-step={view.index}
      data-steps={view.count}
      data-animating={view.animating}
    >
      <div className="rl-story-head">
        <h2 className="rl-story-title">{view.title}</h2>
        <span className="rl-story-count">{view.counter}</span>
        {view.animating ? <span className="rl-story-playing">{t('story.playing')}</span> : null}
        <StoryNav view={view} />
        <LanguageSwitch />
        <button
          type="button"
          className="rl-button rl-story-present"
          title={t('story.presentTitle')}
          onClick={present}
        >
          {t('story.present')}
        </button>
        <button
          type="button"
          className="rl-button rl-story-close"
          aria-label={t('story.close')}
          title={t('story.close')}
          onClick={() => shell.getState().closeStory()}
        >
          ×
        </button>
      </div>
      <p className="rl-story-caption" aria-live="polite">
        <Markup text={view.caption} />
      </p>
      {diverged ? <p className="rl-story-left">{t('story.left')}</p> : null}
    </section>
  );
}
