/**
 * What the story views show, in the chosen language: the title, "Step 3 of 9", the caption, and
 * whether a step is playing. Index 0 (the start) shows the scenario's summary.
 */
import { useLab } from '../../store/context.tsx';
import { usePresenter, useT } from '../../services/presenter/context.tsx';
import { captionIn } from '../../scenarios/steps.ts';

export interface StoryView {
  title: string;
  counter: string;
  caption: string;
  index: number;
  count: number;
  animating: boolean;
  atEnd: boolean;
}

export function useStoryView(): StoryView | null {
  const story = usePresenter((s) => s.story);
  const index = usePresenter((s) => s.index);
  const lang = usePresenter((s) => s.lang);
  const animating = useLab((s) => s.goal !== null);
  const t = useT();
  if (!story) return null;
  const count = story.stops.length;
  const stop = index > 0 ? story.stops[index - 1] : undefined;
  const caption = stop
    ? captionIn(stop.caption, lang)
    : `${story.summary ? captionIn(story.summary, lang) : ''}\n${t('story.begin')}`.trim();
  return {
    title: captionIn(story.title, lang),
    counter:
      index === 0
        ? t('story.start', { total: count })
        : t('story.step', { n: index, total: count }),
    caption,
    index,
    count,
    animating,
    atEnd: index >= count && !animating,
  };
}
