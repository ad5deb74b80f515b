/**
 * The lab's layout: controls on top, the cluster and its inspector side by side, the logs and the
 * event feed under them, the timeline at the bottom. On a narrow screen everything stacks.
 */
import { useLabT, usePresenter } from '../services/presenter/context.tsx';
import { useLab, useLabStore } from '../store/context.tsx';
import { SHORTCUTS } from '../services/shortcuts.ts';
import { ClusterView } from './cluster/ClusterView.tsx';
import { NoticeBar, PartitionBar, RunErrorBanner, ViolationBanner } from './controls/Banners.tsx';
import { NetworkControls } from './controls/NetworkControls.tsx';
import { NewRunMenu } from './controls/NewRunForm.tsx';
import { DetailsPane, FeedPane, TimelinePane } from './controls/Panes.tsx';
import { ClusterExport } from './spacetime/ClusterExport.tsx';
import { LogsArea } from './spacetime/LogsArea.tsx';
import { PlaybackControls } from './controls/PlaybackControls.tsx';
import { PresenterKeys } from './controls/PresenterKeys.tsx';
import { Shown, lazyPart, preloadWhenIdle } from './lazy.tsx';
import { PanelBoundary } from './PanelBoundary.tsx';
import { LibraryMenu } from './presenter/LibraryMenu.tsx';
import { FileDrop } from './share/FileDrop.tsx';
import { OpenErrorBanner } from './share/OpenErrorBanner.tsx';
import { ShareButton } from './share/ShareButton.tsx';
import { RulesPanel } from './rules/RulesPanel.tsx';
import { rulesPanel } from '../services/rulesPanel.ts';
import './panels/panels.css';
import './app.css';

// The key help (?) comes after the first paint, fetched once the page is idle.
const HelpOverlay = lazyPart(() => import('./panels/HelpOverlay.tsx').then((m) => m.HelpOverlay));
preloadWhenIdle(HelpOverlay.preload);

// The story bar (a story from the library or a link), the phone's bar of a selected server's
// actions and the replaced future's bar are drawn only when there is one: their code comes after
// the first paint.
const StoryBarPart = lazyPart(() => import('./presenter/StoryBar.tsx').then((m) => m.StoryBar));
const SelectionBarPart = lazyPart(() =>
  import('./cluster/SelectionBar.tsx').then((m) => m.SelectionBar),
);

const ReplacedBarPart = lazyPart(() =>
  import('./controls/ReplacedBar.tsx').then((m) => m.ReplacedBar),
);
preloadWhenIdle(StoryBarPart.preload, SelectionBarPart.preload, ReplacedBarPart.preload);

function StoryBar() {
  return <Shown part={StoryBarPart} when={usePresenter((s) => s.story !== null)} />;
}

function SelectionBar() {
  return <Shown part={SelectionBarPart} when={useLab((s) => s.selection?.kind === 'server')} />;
}

/** After acting in the past: the future that was replaced, with Undo. */
function ReplacedBar() {
  return <Shown part={ReplacedBarPart} when={useLab((s) => s.replaced !== null)} />;
}

function Help() {
  const t = useLabT();
  const store = useLabStore();
  const open = useLab((s) => s.helpOpen);
  // Closed, it draws nothing: no shortcut is translated for it.
  if (!open) return null;
  const shortcuts = [
    ...SHORTCUTS.map(({ keys, description }) => ({ keys, description: t(description) })),
    { keys: ['PageDown', 'PageUp'], separator: '/', description: t('shortcut.story') },
  ];
  return (
    <HelpOverlay.Component
      open={open}
      shortcuts={shortcuts}
      onClose={() => store.getState().setHelpOpen(false)}
    />
  );
}

export function App() {
  const t = useLabT();
  const store = useLabStore();
  return (
    <div className="rl-app">
      <header className="rl-header">
        <h1 className="rl-title">
          Raft <span>Lab</span>
        </h1>
        <PanelBoundary name="controls">
          <PlaybackControls />
          <NewRunMenu />
          <LibraryMenu />
          <ShareButton />
        </PanelBoundary>
        <button
          type="button"
          className="rl-button rl-rules-button"
          title={t('rules.buttonTitle')}
          data-testid="rules-button"
          onClick={() => rulesPanel.getState().openAt(null)}
        >
          {t('rules.button')}
        </button>
        <button
          type="button"
          className="rl-button rl-help-button"
          title={t('lab.helpTitle')}
          onClick={() => store.getState().setHelpOpen(true)}
        >
          {t('lab.help')}
        </button>
      </header>
      <PanelBoundary name="story">
        <StoryBar />
      </PanelBoundary>
      {/* Banners float over the foot of the window: showing or closing one moves nothing. */}
      <div className="rl-banners-anchor">
        <div className="rl-banners">
          <RunErrorBanner />
          <PanelBoundary name="banners">
            <OpenErrorBanner />
            <ViolationBanner />
            <PartitionBar />
            <NoticeBar />
            <ReplacedBar />
          </PanelBoundary>
        </div>
      </div>
      <main className="rl-main">
        <section className="rl-stage" aria-label={t('lab.cluster')}>
          <PanelBoundary name="cluster">
            <ClusterView />
            <SelectionBar />
          </PanelBoundary>
        </section>
        <div className="rl-stage-tools">
          <PanelBoundary name="network">
            <PresenterKeys />
            <NetworkControls />
            <ClusterExport />
          </PanelBoundary>
        </div>
        <aside className="rl-side">
          <section className="rl-details-area" aria-label={t('lab.inspector')}>
            <PanelBoundary name="inspector">
              <DetailsPane />
            </PanelBoundary>
          </section>
          {/* No label here: the panel inside names itself (one landmark per name). */}
          <section className="rl-feed-area">
            <PanelBoundary name="events">
              <FeedPane />
            </PanelBoundary>
          </section>
        </aside>
        <section className="rl-logs">
          <PanelBoundary name="logs">
            <LogsArea />
          </PanelBoundary>
        </section>
        <section className="rl-timeline-area" aria-label={t('lab.timeline')}>
          <PanelBoundary name="timeline">
            <TimelinePane />
          </PanelBoundary>
        </section>
      </main>
      <Help />
      <RulesPanel />
      <FileDrop />
    </div>
  );
}
