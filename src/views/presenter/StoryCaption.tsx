/** The caption block of presenter and embed modes: big, and announced to screen readers. */
import { useT } from '../../services/presenter/context.tsx';
import { useScrollFocusable } from '../panels/ScrollBox.tsx';
import { Markup, type RuleLinks } from './Markup.tsx';
import type { StoryView } from './useStoryView.ts';

export function StoryCaption({
  view,
  className,
  rules = 'panel',
}: {
  view: StoryView | null;
  className: string;
  /** How cited rule IDs show: embed mode has no Rules panel, so there they are titled. */
  rules?: RuleLinks;
}) {
  const t = useT();
  // A long caption scrolls in presenter mode: the keyboard can then reach and scroll it.
  const scrollable = useScrollFocusable();
  return (
    <section ref={scrollable} className={className} aria-live="polite" aria-label={view?.counter}>
      <p className="rl-caption-text">
        <Markup text={view ? view.caption : t('present.noStory')} rules={rules} />
      </p>
    </section>
  );
}
