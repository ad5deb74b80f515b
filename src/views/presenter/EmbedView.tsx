/**
 * Embed mode (`?embed`), for an <iframe> in slides: the cluster and the caption, sized to the
 * frame, nothing else. A click anywhere (or a clicker key) plays the next step; without a story a
 * click plays or pauses the run.
 */
import type { MouseEvent } from 'react';
import { usePresenterStore, useT } from '../../services/presenter/context.tsx';
import { useLabStore } from '../../store/context.tsx';
import { ClusterView } from '../cluster/ClusterView.tsx';
import { ScrollBox } from '../panels/ScrollBox.tsx';
import { BlankScreen } from './BlankScreen.tsx';
import { PresenterHelp } from './PresenterHelp.tsx';
import { StoryCaption } from './StoryCaption.tsx';
import { useStoryView } from './useStoryView.ts';

export function EmbedView() {
  const lab = useLabStore();
  const shell = usePresenterStore();
  const view = useStoryView();
  const t = useT();
  const advance = (e: MouseEvent): void => {
    // The help and the blank screen take their own clicks.
    if (lab.getState().helpOpen || shell.getState().blank) return;
    // A click is "next" wherever it lands: it selects no server and opens nothing.
    e.stopPropagation();
    if (shell.getState().story) shell.getState().go('next');
    else lab.getState().toggle();
  };
  return (
    <main
      className="rl-embed-root"
      data-step={view?.index}
      data-steps={view?.count}
      data-animating={view?.animating}
      title={view ? t('embed.hint') : undefined}
      onClickCapture={advance}
    >
      {/* For screen readers only: the frame's page needs a top heading. */}
      <h1 className="rl-sr-only">{view ? `Raft Lab: ${view.title}` : 'Raft Lab'}</h1>
      <section className="rl-embed-stage" aria-label={t('lab.cluster')}>
        <ClusterView />
      </section>
      {view ? (
        <ScrollBox className="rl-embed-caption" label={t('a11y.caption')}>
          <span className="rl-embed-count">
            {view.index}/{view.count}
          </span>
          <StoryCaption view={view} className="rl-embed-text" rules="title" />
        </ScrollBox>
      ) : null}
      <BlankScreen />
      <PresenterHelp />
    </main>
  );
}
