/**
 * The logs area with a switch: the servers' logs, or the space-time diagram (key D). Only the one
 * shown is mounted, so the diagram costs nothing while the logs are on screen.
 */
import { useEffect, useRef } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import type { LogsView } from '../../store/types.ts';
import { LogsPane } from '../controls/Panes.tsx';
import { loadSpaceTime } from '../../store/spaceTimeCode.ts';
import { lazyPart, preloadWhenIdle } from '../lazy.tsx';
// The tabs' styles are here too: they are drawn in the first frame, the diagram is not.
import './spacetime.css';

// The diagram loads when first shown (the D key or its tab).
// The pane draws the space-time log, whose code comes after the first paint too.
const Diagram = lazyPart(() =>
  Promise.all([import('./SpaceTimePane.tsx'), loadSpaceTime()]).then(([m]) => m.SpaceTimePane),
);
preloadWhenIdle(Diagram.preload);

export function LogsArea() {
  const t = useLabT();
  const store = useLabStore();
  const view = useLab((s) => s.logsView);
  const area = useRef<HTMLDivElement>(null);
  const shown = useRef(view);
  // On a short screen the area may lie below the fold: switching (D or a tab) brings it into view.
  useEffect(() => {
    if (shown.current === view) return;
    shown.current = view;
    area.current?.scrollIntoView?.({ block: 'nearest' });
  }, [view]);
  const tab = (id: LogsView, label: string, title?: string) => (
    <button
      type="button"
      role="tab"
      id={`rl-tab-${id}`}
      aria-selected={view === id}
      aria-controls="rl-logs-tabpanel"
      className={`rl-st-tab${view === id ? ' is-active' : ''}`}
      title={title}
      onClick={() => store.getState().setLogsView(id)}
    >
      {label}
    </button>
  );
  return (
    <div className="rl-logs-area" ref={area}>
      <div className="rl-st-tabs" role="tablist" aria-label={t('st.tabs')}>
        {tab('logs', t('st.tabLogs'))}
        {tab('spacetime', t('st.tabDiagram'), t('st.tabDiagramTitle'))}
      </div>
      <div
        id="rl-logs-tabpanel"
        role="tabpanel"
        aria-labelledby={`rl-tab-${view}`}
        className="rl-logs-tabpanel"
      >
        {view === 'spacetime' ? <Diagram.Component /> : <LogsPane />}
      </div>
    </div>
  );
}
