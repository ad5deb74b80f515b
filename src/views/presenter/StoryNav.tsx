/** Previous / Next (and Restart) buttons of a story, shared by the story bar and presenter mode. */
import type { ReactNode } from 'react';
import { usePresenterStore, useT } from '../../services/presenter/context.tsx';
import type { NavCommand } from '../../services/presenter/stops.ts';
import type { StoryView } from './useStoryView.ts';

export function StoryNav({ view, extra }: { view: StoryView; extra?: ReactNode }) {
  const shell = usePresenterStore();
  const t = useT();
  const button = (command: NavCommand, label: string, disabled: boolean, primary = false) => (
    <button
      type="button"
      className={`rl-button rl-story-${command}${primary ? ' rl-button-primary' : ''}`}
      disabled={disabled}
      onClick={(e) => {
        e.stopPropagation();
        shell.getState().go(command);
      }}
    >
      {label}
    </button>
  );
  return (
    <div className="rl-button-row rl-story-nav">
      {button('restart', t('story.restart'), view.index === 0 && !view.animating)}
      {button('previous', `◀ ${t('story.previous')}`, view.index === 0)}
      {button('next', `${t('story.next')} ▶`, view.atEnd, true)}
      {extra}
    </div>
  );
}
