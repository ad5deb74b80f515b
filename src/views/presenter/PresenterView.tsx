/**
 * Presenter mode: the cluster and the logs large, the caption under them in big type, a slim bar
 * with the step counter, and nothing else. The high-contrast theme comes from <html class=
 * "rl-contrast">, the keys from usePresenterKeys (clicker keys first).
 */
import { usePresenter, usePresenterStore, useT } from '../../services/presenter/context.tsx';
import { exitFullscreen, toggleFullscreen } from '../../services/presenter/fullscreen.ts';
import { useMemo } from 'react';
import { useLab, useLabStore } from '../../store/context.tsx';
import { ClusterView } from '../cluster/ClusterView.tsx';
import { NoticeBar, ViolationBanner } from '../controls/Banners.tsx';
import { LogsPane } from '../controls/Panes.tsx';
import { presenterScale } from '../spacetime/geometry.ts';
import { loadSpaceTime } from '../../store/spaceTimeCode.ts';
import { lazyPart } from '../lazy.tsx';
import type { SpaceTimePaneProps } from '../spacetime/SpaceTimePane.tsx';
import { RulesPanel } from '../rules/RulesPanel.tsx';
import { BlankScreen } from './BlankScreen.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { LibraryMenu } from './LibraryMenu.tsx';
import { PresenterHelp } from './PresenterHelp.tsx';
import { StoryCaption } from './StoryCaption.tsx';
import { StoryChangedBar } from './StoryChangedBar.tsx';
import { StoryNav } from './StoryNav.tsx';
import { useRemScale } from './useRemScale.ts';
import { useStoryView, type StoryView } from './useStoryView.ts';

function ShowBar({ view }: { view: StoryView | null }) {
  const lab = useLabStore();
  const shell = usePresenterStore();
  const fullscreen = usePresenter((s) => s.fullscreen);
  const t = useT();
  const logsView = useLab((s) => s.logsView);
  const exit = (): void => {
    exitFullscreen();
    shell.getState().setMode('normal');
  };
  return (
    <header className="rl-show-bar">
      <h1 className="rl-show-title">{view ? view.title : 'Raft Lab'}</h1>
      {view ? <span className="rl-show-count">{view.counter}</span> : null}
      {view?.animating ? <span className="rl-story-playing">{t('story.playing')}</span> : null}
      <div className="rl-show-tools">
        {view ? <StoryNav view={view} /> : null}
        {/* The logs or the space-time diagram beside the ring (the lab's key D does the same). */}
        <button
          type="button"
          className="rl-button rl-show-spacetime"
          aria-pressed={logsView === 'spacetime'}
          title={t('shortcut.spaceTime')}
          onClick={() =>
            lab.getState().setLogsView(logsView === 'spacetime' ? 'logs' : 'spacetime')
          }
        >
          {t('st.tabDiagram')} <kbd className="rl-kbd">D</kbd>
        </button>
        <LibraryMenu />
        <LanguageSwitch />
        <button
          type="button"
          className="rl-button rl-fullscreen-button"
          aria-pressed={fullscreen}
          onClick={() => toggleFullscreen()}
        >
          {t('present.fullscreen')} <kbd className="rl-kbd">F</kbd>
        </button>
        <button
          type="button"
          className="rl-button rl-show-keys"
          onClick={() => lab.getState().setHelpOpen(true)}
        >
          {t('present.help')} <kbd className="rl-kbd">?</kbd>
        </button>
        <button
          type="button"
          className="rl-button rl-show-exit"
          title={t('present.exitTitle')}
          onClick={exit}
        >
          {t('present.exit')}
        </button>
      </div>
    </header>
  );
}

// The space-time diagram loads when first shown (D or the bar's button), as in the lab.
const Diagram = lazyPart<SpaceTimePaneProps>(() =>
  Promise.all([import('../spacetime/SpaceTimePane.tsx'), loadSpaceTime()]).then(
    ([m]) => m.SpaceTimePane,
  ),
);

/** Beyond this many slots a log no longer fits beside the ring: the logs go under it, full width. */
const WIDE_LOG_SLOTS = 14;

export function PresenterView() {
  const view = useStoryView();
  const scale = useRemScale();
  const t = useT();
  const wide = useLab((s) => s.frame.servers.some((x) => x.log.length + 1 > WIDE_LOG_SLOTS));
  const logsView = useLab((s) => s.logsView);
  // The diagram's words at the presenter's type size (16 px at least), for the back of the room.
  // The story's step, from the previous stop to this one: the diagram's window spans it.
  const stops = usePresenter((s) => s.story?.stops);
  const index = view?.index ?? 0;
  const stepFrom = index >= 2 ? (stops?.[index - 2]?.timeMs ?? 0) : 0;
  const stepTo = index >= 1 ? (stops?.[index - 1]?.timeMs ?? 0) : 0;
  const diagram = useMemo(
    () => ({
      scale: presenterScale(16 * scale),
      syncKey: index,
      step: stepTo > stepFrom ? { fromMs: stepFrom, toMs: stepTo } : null,
    }),
    [scale, index, stepFrom, stepTo],
  );
  return (
    <div
      className={wide ? 'rl-show rl-show-wide-logs' : 'rl-show'}
      data-step={view?.index}
      data-steps={view?.count}
      data-animating={view?.animating}
    >
      <ShowBar view={view} />
      <main className="rl-show-main">
        <section className="rl-show-stage" aria-label={t('lab.cluster')}>
          <ClusterView scale={scale} />
          {/* Under the ring, in a band of its own (the ring shrinks): never over a server. */}
          <div className="rl-banners rl-show-banners">
            <ViolationBanner />
            <NoticeBar />
            <StoryChangedBar />
          </div>
        </section>
        {/* The log panel inside names itself: one landmark per name. */}
        <section className="rl-show-logs">
          {logsView === 'spacetime' ? <Diagram.Component presenter={diagram} /> : <LogsPane fit />}
        </section>
      </main>
      <StoryCaption view={view} className="rl-show-caption" />
      <BlankScreen />
      <PresenterHelp />
      {/* G and the violation banner's rule chip open it here too (the lab's key, shortcuts.ts). */}
      <RulesPanel />
    </div>
  );
}
