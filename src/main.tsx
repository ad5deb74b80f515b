/**
 * Entry point: one store per page, the playback driver, the keyboard shortcuts and the read-only
 * automation handle. The lab starts playing a 5-server cluster with a fixed seed, so every first
 * visit (and every test) sees the same run.
 */
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createAutomation } from './services/automation.ts';
import { loadLanguage, translate } from './i18n/index.ts';
import { loadLaterWords } from './i18n/laterWords.ts';
import { labOptionsFromQuery, reportQueryRefusal } from './services/urlParams.ts';
import { useShortcuts } from './services/useShortcuts.ts';
import { loadLinkOpener, useShareLinks } from './services/share/useShareLinks.ts';
import { hasLinkPayload } from './scenarios/linkPayload.ts';
import { startShell } from './services/presenter/boot.ts';
import { PresenterProvider } from './services/presenter/context.tsx';
import type { PresenterStore } from './services/presenter/presenterStore.ts';
import { usePresenterKeys } from './services/presenter/usePresenterKeys.ts';
import { createLabStore } from './store/createLabStore.ts';
import { LabStoreProvider } from './store/context.tsx';
import { startDriver } from './store/driver.ts';
import type { LabStore } from './store/types.ts';
import { App } from './views/App.tsx';
import { Shell } from './views/presenter/Shell.tsx';
import { afterFirstPaint, startIdlePreload } from './views/lazy.tsx';
import { loadHistoryEngine } from './store/historyEngine.ts';
import { loadSpaceTime } from './store/spaceTimeCode.ts';
import { engineSource, loadEngine } from './store/engine.ts';
import { LAB_DRAWN_MARK } from './services/marks.ts';

function Root({ store, shell }: { store: LabStore; shell: PresenterStore }) {
  useShortcuts(store);
  useShareLinks(store);
  usePresenterKeys(store, shell);
  // The automation handle appears once the lab is on screen, takes keys, and has opened a link
  // in its address (the effects above run first): a test or a page that waits for it may act.
  useEffect(() => {
    // (Once the simulation can step: its stepping code comes right after the first paint.)
    const expose = (): void => void (window.raftLab = automation);
    if (engineSource.loaded()) expose();
    else engineSource.onLoad(expose);
    // The frame that first paints the lab (the boot shell of index.html came before it): a mark
    // for the performance timeline, which `npm run bench -- --browser` reads.
    requestAnimationFrame(() => performance.mark(LAB_DRAWN_MARK));
  }, []);
  return <Shell lab={<App />} />;
}

const store = createLabStore(labOptionsFromQuery(window.location.search));
const driver = startDriver(store);
const automation = createAutomation(store, driver, {
  faults: new URLSearchParams(window.location.search).has('testFaults'),
});
// Presenter, embed and library links (#lib=ID); see src/services/presenter/url.ts.
const shell = startShell(store);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const root = createRoot(container);
// Spanish or Portuguese strings are fetched (once) before the first render in that language;
// should that fail, the lab shows English rather than nothing.
const render = () =>
  root.render(
    <StrictMode>
      <LabStoreProvider store={store}>
        <PresenterProvider store={shell}>
          <Root store={store} shell={shell} />
        </PresenterProvider>
      </LabStoreProvider>
    </StrictMode>,
  );
const start = (): void => {
  // A link's option that cannot apply (follower reads with reads through the log) is left out
  // and said, in the page's language; the rest of the link is used.
  reportQueryRefusal(store, window.location.search, shell.getState().lang);
  render();
};
// A share link in the address likewise has its decoder loaded first, so it opens on the first render.
// So are the later words (refusals, what a broken invariant did), which such a run may show at once.
const link = hasLinkPayload(window.location.hash)
  ? Promise.all([loadLinkOpener(), loadLaterWords()])
  : null;
void Promise.allSettled([loadLanguage(shell.getState().lang), link]).then(start);
// The parts left out of the first paint (views/lazy.tsx) download once the page is idle.
startIdlePreload();
// The later words (a message's fields, refusals, violations' details) come right after it paints.
void afterFirstPaint()
  .then(loadLaterWords)
  .catch((error: unknown) => console.error('Raft Lab: some words could not load.', error));
// So does what servers do when the simulation steps (until then nothing moves: engine.ts). Should
// it fail to load (a dropped connection), the lab says so and tries again, waiting longer each
// time; its arrival clears the notice (the store's first publish after it).
const ENGINE_RETRY_MS = [2_000, 5_000, 15_000, 30_000] as const;
const loadStepping = (attempt: number): void => {
  loadEngine().catch((error: unknown) => {
    console.error('Raft Lab: the simulation could not load.', error);
    const wait = ENGINE_RETRY_MS[Math.min(attempt, ENGINE_RETRY_MS.length - 1)] ?? 30_000;
    const seconds = wait / 1000;
    store
      .getState()
      .showNotice(translate(shell.getState().lang, 'notice.engineFailed', { seconds }));
    window.setTimeout(() => loadStepping(attempt + 1), wait);
  });
};
void afterFirstPaint().then(() => loadStepping(0));
// And the space-time log's code (the recorder queues what it would record until then).
void afterFirstPaint()
  .then(loadSpaceTime)
  .catch((error: unknown) =>
    console.error('Raft Lab: the space-time record could not load.', error),
  );
// The client history check's search comes right after the first paint (the check waits for it).
void afterFirstPaint()
  .then(loadHistoryEngine)
  .catch((error: unknown) =>
    console.error('Raft Lab: the client history check could not load.', error),
  );
