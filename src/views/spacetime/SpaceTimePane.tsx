/**
 * The space-time diagram wired to the store: the window follows the playhead unless the user
 * scrolls, drags or zooms it away (then "Follow" brings it back); clicking an arrow or a lane
 * selects the message or the server, as the cluster does; "Export SVG" saves the window shown.
 * Only the messages and marks of the window (and of the settle step before it, which the lab's
 * layered drawing keeps until its next step) are asked of the log (binary search), and nothing is
 * recomputed while the run, the window and the selection stay the same.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import { downloadText } from '../../services/share/download.ts';
import { useLab, useLabPaced, useLabStore } from '../../store/context.tsx';
import { LANE_LOGS } from '../../store/types.ts';
import { standaloneSvg, type LegendItem } from '../export/standaloneSvg.ts';
import { serializeSvg } from '../export/domExport.ts';
import { formatTime } from '../names.ts';
import { useElementSize } from '../panels/useElementSize.ts';
import { useScrollFocusable } from '../panels/ScrollBox.tsx';
import type { Translate } from '../../i18n/index.ts';
import type { MessageType } from '../../core/types.ts';
import type { LaneMarkKind, SpaceTimeLog } from '../../store/spaceTime.ts';
import type { SpaceTimeView as PublishedSpaceTime } from '../../store/recorder.ts';
import {
  DEFAULT_SPAN_MS,
  LAB_SCALE,
  clampSpan,
  stepSpan,
  exportFileName,
  followWindow,
  laneLayout,
  minHeight,
  panWindow,
  plotOf,
  drawnFromMs,
  timeAtX,
  zoomWindow,
  type DiagramScale,
  type TimeWindow,
} from './geometry.ts';
import {
  SpaceTimeDiagram,
  SpaceTimeView,
  type SpaceTimeDiagramProps,
} from './SpaceTimeDiagram.tsx';
import { DROP_COLOR, FONT_FAMILY, LEGEND_TYPES, MESSAGE_STYLES } from './styles.ts';
import './spacetime.css';

/**
 * The diagram drawn as one SVG (SpaceTimeDiagram) and serialized: rendered for the moment in a
 * detached element, so the file holds the very markup the Node tests read.
 */
function flatSvg(props: SpaceTimeDiagramProps): string {
  const host = document.createElement('div');
  const root = createRoot(host);
  try {
    flushSync(() => root.render(<SpaceTimeDiagram {...props} />));
    const el = host.querySelector('svg');
    if (el === null) throw new Error('the diagram drew nothing');
    return serializeSvg(el);
  } finally {
    root.unmount();
  }
}

/**
 * The legend's items: one per message family (request solid, answer dashed), then the marks.
 * With `only`, just what the window draws (presenter mode: a short legend in large type).
 */
export function legendItems(t: Translate, only?: LegendFilter): LegendItem[] {
  const items: (LegendItem & { show: boolean })[] = [
    ...LEGEND_TYPES.map((type) => ({
      show: only === undefined || only.types.has(type),
      label: t(MESSAGE_STYLES[type].label),
      kind: 'line' as const,
      color: MESSAGE_STYLES[type].color,
      dash: MESSAGE_STYLES[type].dash,
    })),
    {
      show: only === undefined || only.dropped,
      label: t('st.legendDrop'),
      kind: 'cross',
      color: DROP_COLOR,
    },
    {
      show: only === undefined || only.marks.has('candidate'),
      label: t('st.legendCandidate'),
      kind: 'dot',
      color: '#4e79a7',
    },
    {
      show: only === undefined || only.marks.has('leader'),
      label: t('st.legendLeader'),
      kind: 'diamond',
      color: '#4e79a7',
    },
    {
      show: only === undefined || only.marks.has('commit'),
      label: t('st.legendCommit'),
      kind: 'bar',
      color: '#15803d',
    },
  ];
  return items.filter((i) => i.show).map(({ show: _show, ...item }) => item);
}

/** What a window draws, for a legend of just that. */
export interface LegendFilter {
  readonly types: ReadonlySet<MessageType>;
  readonly dropped: boolean;
  readonly marks: ReadonlySet<LaneMarkKind>;
}

function Legend({ t, only }: { t: Translate; only?: LegendFilter | undefined }) {
  const items = useMemo(() => legendItems(t, only), [t, only]);
  // It scrolls when the window is narrow: then keyboard users can focus and scroll it too.
  const scrollable = useScrollFocusable();
  return (
    <ul className="rl-st-legend" aria-label={t('st.region')} ref={scrollable}>
      {items.map((item) => (
        <li key={item.label}>
          <svg width="20" height="10" aria-hidden="true">
            {item.kind === 'line' ? (
              <line
                x1="1"
                y1="5"
                x2="19"
                y2="5"
                stroke={item.color}
                strokeWidth="2"
                strokeDasharray={item.dash || undefined}
              />
            ) : item.kind === 'cross' ? (
              <path d="M6,1 L14,9 M14,1 L6,9" stroke={item.color} strokeWidth="2" />
            ) : item.kind === 'dot' ? (
              <circle cx="10" cy="5" r="3.5" fill="#fff" stroke={item.color} strokeWidth="2" />
            ) : item.kind === 'diamond' ? (
              <path d="M10,0 L15,5 L10,10 L5,5 Z" fill={item.color} />
            ) : (
              <rect x="8.5" y="0" width="3" height="10" fill={item.color} />
            )}
          </svg>
          {item.label}
        </li>
      ))}
      {only === undefined ? <li className="rl-st-legend-note">{t('st.legendLane')}</li> : null}
    </ul>
  );
}

export interface SpaceTimePaneProps {
  /**
   * Presenter mode: this scale (type of 16 px or more), a legend of only what is drawn, no
   * export; and the window follows the playhead again whenever `syncKey` (the story's step)
   * changes, so every step shows its own messages.
   */
  presenter?: { scale: DiagramScale; syncKey: unknown; step?: TimeWindow | null };
}

/** From this speed on the diagram takes turns with the other panels (see above). */
const DIAGRAM_PACED_SPEED = 10;

/** A published space-time view whose log has arrived (see SpaceTimePane). */
function withLog(view: PublishedSpaceTime): PublishedSpaceTime & { log: SpaceTimeLog } {
  if (view.log === null) throw new Error('The space-time log drew before its code had arrived.');
  return view as PublishedSpaceTime & { log: SpaceTimeLog };
}

export function SpaceTimePane({ presenter }: SpaceTimePaneProps = {}) {
  const scale = presenter?.scale ?? LAB_SCALE;
  const t = useLabT();
  const lang = useLanguage();
  const store = useLabStore();
  // From 10x on a frame moves the window by most of its width (all of it at 100x), so every
  // arrow is new in every frame: the diagram then takes its turn with the logs, whose place it
  // takes (useLabPaced). Slower, it follows every frame and the window glides.
  const lane = useLab((s) => ((s.goal?.speed ?? s.speed) >= DIAGRAM_PACED_SPEED ? LANE_LOGS : -1));
  const published = useLabPaced((s) => s.spaceTime, lane);
  // Its loaders (LogsArea.tsx, PresenterView.tsx) wait for the log's code, and the store has the
  // log the moment the code arrives (createLabStore.ts), so it is there whenever this draws.
  const spaceTime = withLog(published);
  const nowMs = useLabPaced((s) => s.frame.time, lane);
  const playheadMs = useLabPaced((s) => s.displayTime, lane);
  const servers = useLab((s) => s.frame.servers.length);
  const selection = useLab((s) => s.selection);
  const seed = useLab((s) => s.run.seed);
  const box = useRef<HTMLDivElement>(null);
  const size = useElementSize(box, { width: 600, height: 220 });
  const [follow, setFollow] = useState(true);
  const [span, setSpan] = useState(DEFAULT_SPAN_MS);
  const [manual, setManual] = useState<TimeWindow>({ fromMs: 0, toMs: DEFAULT_SPAN_MS });

  const window: TimeWindow = follow ? followWindow(playheadMs, span) : manual;
  const { fromMs, toMs } = window;
  const position = useMemo(
    () => ({ timeMs: nowMs, emitted: spaceTime.emitted }),
    [nowMs, spaceTime.emitted],
  );
  const clients = useMemo(() => spaceTime.log.clients(position), [spaceTime, position]);
  const height = Math.max(size.height, minHeight(servers + clients.length, scale));
  const plot = useMemo(
    () => plotOf(size.width, height, { fromMs, toMs }, scale.labelPx),
    [size.width, height, fromMs, toMs, scale.labelPx],
  );
  const lanes = useMemo(
    () => laneLayout(servers, clients, height, scale),
    [servers, clients, height, scale],
  );
  // What the window shows (its count, the presenter's legend, the exported file)...
  const messages = useMemo(
    () => spaceTime.log.messagesIn(fromMs, toMs, position),
    [spaceTime, fromMs, toMs, position],
  );
  const marks = useMemo(
    () => spaceTime.log.marksIn(fromMs, toMs, position),
    [spaceTime, fromMs, toMs, position],
  );
  // ...and what is drawn: everything from the settle step the window starts in (SpaceTimeView),
  // not from its left edge, so a window that slides removes arrows and moves the lanes' starts
  // only at a settle step; what lies before the window is clipped away.
  const drawnFrom = drawnFromMs(fromMs, toMs - fromMs, nowMs);
  const drawnMessages = useMemo(
    () => spaceTime.log.messagesIn(drawnFrom, toMs, position),
    [spaceTime, drawnFrom, toMs, position],
  );
  const drawnMarks = useMemo(
    () => spaceTime.log.marksIn(drawnFrom, toMs, position),
    [spaceTime, drawnFrom, toMs, position],
  );
  const segments = useMemo(
    () =>
      Array.from({ length: servers }, (_v, i) =>
        spaceTime.log.laneSegments(i + 1, drawnFrom, toMs, position),
      ),
    [spaceTime, servers, drawnFrom, toMs, position],
  );

  // The window the user moves to, leaving follow mode where the diagram is now.
  const current = useRef(window);
  current.current = window;
  const labelPx = useRef(scale.labelPx);
  labelPx.current = scale.labelPx;
  // A story's step (presenter mode): back to following the playhead, which the step moved.
  // The window spans the step (from the previous stop to this one), so its messages spread out.
  const syncKey = presenter?.syncKey;
  const stepMs = presenter?.step ? presenter.step.toMs - presenter.step.fromMs : 0;
  useEffect(() => {
    setFollow(true);
    if (stepMs > 0) setSpan(stepSpan(stepMs));
  }, [syncKey, stepMs]);
  const legendFilter = useMemo<LegendFilter | undefined>(
    () =>
      presenter === undefined
        ? undefined
        : {
            types: new Set(messages.map((v) => v.record.type)),
            dropped: messages.some((v) => v.status === 'dropped'),
            marks: new Set(marks.map((m) => m.kind)),
          },
    [presenter, messages, marks],
  );
  const moveTo = useCallback(
    (next: TimeWindow) => {
      setFollow(false);
      setManual(next);
      setSpan(next.toMs - next.fromMs);
    },
    [setFollow],
  );

  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const onWheel = (e: WheelEvent): void => {
      const w = current.current;
      const spanMs = w.toMs - w.fromMs;
      e.preventDefault();
      if (e.ctrlKey || e.metaKey) {
        const rect = el.getBoundingClientRect();
        const p = plotOf(rect.width, rect.height, w, labelPx.current);
        moveTo(zoomWindow(w, e.deltaY > 0 ? 1.25 : 0.8, timeAtX(p, e.clientX - rect.left)));
      } else {
        const delta = Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : e.deltaY;
        moveTo(panWindow(w, (delta / Math.max(1, el.clientWidth)) * spanMs));
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [moveTo]);

  const drag = useRef<{ x: number; window: TimeWindow; moved: boolean } | null>(null);
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0 || (e.target as Element).closest('.rl-st-arrow, .rl-st-lane-label')) return;
    drag.current = { x: e.clientX, window, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>): void => {
    const d = drag.current;
    if (d === null) return;
    const dx = e.clientX - d.x;
    if (!d.moved && Math.abs(dx) < 4) return;
    d.moved = true;
    const w = d.window;
    const msPerPx = (w.toMs - w.fromMs) / Math.max(1, plot.x1 - plot.x0);
    moveTo(panWindow(w, -dx * msPerPx));
  };
  const onPointerUp = (): void => {
    drag.current = null;
  };

  const zoom = (factor: number): void => {
    if (follow) setSpan((s) => clampSpan(s * factor));
    else moveTo(zoomWindow(window, factor, (window.fromMs + window.toMs) / 2));
  };
  const pan = (share: number): void => moveTo(panWindow(window, share * (toMs - fromMs)));

  const selectedMessage = selection?.kind === 'message' ? selection.id : null;
  const selectedServer = selection?.kind === 'server' ? selection.id : null;
  const onSelectMessage = useCallback(
    (id: number) => store.getState().select({ kind: 'message', id }),
    [store],
  );
  const onSelectServer = useCallback(
    (id: number) => store.getState().select({ kind: 'server', id }),
    [store],
  );

  const diagram: SpaceTimeDiagramProps = {
    plot,
    lanes,
    segments,
    messages,
    marks,
    playheadMs,
    nowMs,
    selectedMessage,
    selectedServer,
    t,
    lang,
    onSelectMessage,
    onSelectServer,
    scale,
  };

  const onExport = (): void => {
    const from = formatTime(fromMs, lang);
    const to = formatTime(toMs, lang);
    try {
      // The file is the diagram drawn as one picture (what the lab shows in layers), with each
      // lane's segments from the window's start.
      const flat = flatSvg({
        ...diagram,
        segments: segments.map((_s, i) =>
          spaceTime.log.laneSegments(i + 1, fromMs, toMs, position),
        ),
      });
      const text = standaloneSvg({
        svg: flat,
        width: plot.width,
        height: plot.height,
        heading: t('st.exportHeading', { seed, from, to }),
        legend: legendItems(t),
        fontFamily: FONT_FAMILY,
      });
      downloadText(text, exportFileName(seed, window, 'svg'), 'image/svg+xml');
    } catch (error) {
      store.getState().showNotice(t('st.exportFailed', { reason: String(error) }));
    }
  };

  const trimmed = spaceTime.log.earliestMs;
  return (
    <section
      className={`rl-panel rl-st${presenter ? ' rl-st-presenter' : ''}`}
      aria-label={t('st.region')}
    >
      <div className="rl-st-toolbar">
        <button
          type="button"
          className={`rl-button rl-st-follow${follow ? ' is-on' : ''}`}
          aria-pressed={follow}
          title={t('st.followTitle')}
          onClick={() => setFollow(true)}
        >
          {t('st.follow')}
        </button>
        <span className="rl-st-group">
          <button
            type="button"
            className="rl-button"
            title={t('st.earlier')}
            aria-label={t('st.earlier')}
            onClick={() => pan(-0.5)}
          >
            ◀
          </button>
          <button
            type="button"
            className="rl-button"
            title={t('st.later')}
            aria-label={t('st.later')}
            onClick={() => pan(0.5)}
          >
            ▶
          </button>
          <button
            type="button"
            className="rl-button"
            title={t('st.zoomOut')}
            aria-label={t('st.zoomOut')}
            onClick={() => zoom(1.5)}
          >
            −
          </button>
          <button
            type="button"
            className="rl-button"
            title={t('st.zoomIn')}
            aria-label={t('st.zoomIn')}
            onClick={() => zoom(1 / 1.5)}
          >
            +
          </button>
        </span>
        <span className="rl-st-range" title={t('st.hint')}>
          {t('st.window', { from: formatTime(fromMs, lang), to: formatTime(toMs, lang) })}
        </span>
        {presenter === undefined ? (
          <button
            type="button"
            className="rl-button rl-st-export"
            title={t('st.exportTitle')}
            onClick={onExport}
          >
            {t('st.export')}
          </button>
        ) : null}
      </div>
      {trimmed > fromMs ? (
        <p className="rl-muted rl-st-trimmed">
          {t('st.trimmed', { at: formatTime(trimmed, lang) })}
        </p>
      ) : null}
      <div
        ref={box}
        className="rl-st-plot"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <SpaceTimeView
          {...diagram}
          messages={drawnMessages}
          marks={drawnMarks}
          windowMessages={messages.length}
        />
      </div>
      <Legend t={t} only={legendFilter} />
    </section>
  );
}
