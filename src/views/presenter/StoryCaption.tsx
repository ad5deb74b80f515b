/** The caption block of presenter and embed modes: big, and announced to screen readers. */
import { useT } from '../../services/presenter/context.tsx';
import { Markup } from './Markup.tsx';
import type { StoryView } from './useStoryView.ts';

export function StoryCaption({ view, className }: { view: StoryView | null; className: string }) {
  const t = useT();
  return (
    <section className={className} aria-live="polite" aria-label={view?.counter}>
      <p className="rl-caption-text">
        <Markup text={view ? view.caption : t('present.noStory')} />
      </p>
    </section>
  );
}
