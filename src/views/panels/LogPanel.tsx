import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { ServerView } from '../../store/frameLog.ts';
import { useLabT } from '../../services/presenter/context.tsx';
import { lazyPart, preloadWhenIdle } from '../lazy.tsx';
import { LogRow } from './LogRow.tsx';
import {
  cellsThatFitDensity,
  DENSITY_MARGIN_REM,
  fitCellFontPx,
  fitLogCells,
  logDensity,
  logSlots,
  logWindow,
  pageAnchor,
  PHONE_MIN_CELL_PX,
  type LogDensity,
} from './logGeometry.ts';
import { remPx } from './remPx.ts';
import { useElementSize } from './useElementSize.ts';

export interface LogHighlight {
  servers: readonly number[];
  /** Empty: every entry of the named servers. */
  indexes: readonly number[];
}

export interface LogPanelProps {
  servers: readonly ServerView[];
  leaderId: number | null;
  highlight?: LogHighlight | undefined;
  onSelectEntry?: ((server: number, index: number) => void) | undefined;
  /**
   * Presenter mode: size the cells so every row and every slot is on screen at once (no paging
   * unless even the smallest readable cells are too many for the width).
   */
  fit?: boolean | undefined;
}

const NO_INDEXES: ReadonlySet<number> = new Set();

// What the marks mean comes after the first paint (LogLegend.tsx), fetched once the page is idle.
const LogLegend = lazyPart(() => import('./LogLegend.tsx').then((m) => m.LogLegend));
preloadWhenIdle(LogLegend.preload);

let narrowQuery: MediaQueryList | null | undefined;

/** At most 760 px wide: the phone layouts of app.css and presenter.css (one query, kept). */
function narrowScreen(): boolean {
  if (narrowQuery === undefined) {
    narrowQuery =
      typeof window !== 'undefined' && typeof window.matchMedia === 'function'
        ? window.matchMedia('(max-width: 760px)')
        : null;
  }
  return narrowQuery?.matches ?? false;
}

/**
 * The logs of every server side by side, one row each, windowed to the columns that fit so a
 * 10,000-entry log renders as fast as a 10-entry one. The window follows the tail unless the
 * reader pages back, and jumps to highlighted entries (e.g. a violation) when they change.
 */
export function LogPanel({ servers, leaderId, highlight, onSelectEntry, fit }: LogPanelProps) {
  const t = useLabT();
  const [legendOpen, setLegendOpen] = useState(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(bodyRef, { width: 800, height: 200 });
  // The lab's logs area (the panel's parent, which scrolls): how much room the rows have.
  const sectionRef = useRef<HTMLElement>(null);
  const roomRef = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    roomRef.current = sectionRef.current?.parentElement ?? null;
  }, []);
  const room = useElementSize(roomRef, { width: 0, height: 0 });
  const leader =
    servers.find((s) => s.id === leaderId && s.role === 'leader' && !s.crashed) ?? null;
  const slots = logSlots(servers, leader);
  const longest = Math.max(0, slots - 1);
  // Re-read the root font size only on resize: getComputedStyle can force a style recalc.
  const rem = useMemo(() => (width > 0 ? remPx() : 16), [width]);
  // The layouts' breakpoint (app.css, presenter.css): a phone, or a laptop's short logs area.
  const phone = useMemo(() => width > 0 && narrowScreen(), [width]);
  const fitted =
    fit === true
      ? fitLogCells(
          width,
          height,
          servers.length,
          slots,
          rem,
          phone ? PHONE_MIN_CELL_PX : undefined,
        )
      : null;
  // The lab packs its rows tighter when the logs area is too short for them: the rows' room is
  // the area under the panel's header (the legend and the panel's foot below may scroll). Not on
  // a phone, where the page scrolls, nor in presenter mode, which sizes its cells itself. The
  // header is taller with roomy rows (its page buttons have words): each tier's header height is
  // remembered from when it was shown, so the choice settles instead of flipping back and forth.
  const [density, setDensity] = useState<LogDensity>('normal');
  const headerTops = useRef<{ normal: number | null; tight: number | null }>({
    normal: null,
    tight: null,
  });
  useLayoutEffect(() => {
    const section = sectionRef.current;
    const body = bodyRef.current;
    let next: LogDensity = 'normal';
    if (fit !== true && !phone && section !== null && body !== null && room.height > 0) {
      const top = body.getBoundingClientRect().top - section.getBoundingClientRect().top;
      const tops = headerTops.current;
      if (density === 'normal') tops.normal = top;
      else tops.tight = top;
      const normalTop = tops.normal ?? top + DENSITY_MARGIN_REM * rem;
      const tightTop = tops.tight ?? top;
      next = logDensity(room.height - normalTop, room.height - tightTop, servers.length, rem);
    }
    if (next !== density) setDensity(next);
  }, [fit, phone, room.height, density, rem, servers.length, width]);
  const cells = fitted === null ? cellsThatFitDensity(width, rem, density) : fitted.cells;
  const style =
    fitted === null
      ? undefined
      : ({
          '--rl-cell-size': `${fitted.cellPx}px`,
          '--rl-cell-font': `${fitCellFontPx(fitted.cellPx, rem)}px`,
        } as CSSProperties);
  const compact = density !== 'normal';

  // Paging is remembered per highlight, so a new highlight wins over an old page position.
  const hlKey = highlight === undefined ? '' : JSON.stringify(highlight);
  const [nav, setNav] = useState<{ key: string; anchor: number | null }>({ key: '', anchor: null });
  const hlMax =
    highlight !== undefined && highlight.indexes.length > 0 ? Math.max(...highlight.indexes) : null;
  const anchor = nav.key === hlKey ? nav.anchor : (hlMax ?? nav.anchor);
  const win = logWindow(slots, cells, anchor);
  const go = (next: number | null): void => setNav({ key: hlKey, anchor: next });

  const rowHighlights = useMemo(() => {
    const map = new Map<number, ReadonlySet<number>>();
    if (highlight === undefined) return map;
    for (const id of highlight.servers) map.set(id, new Set(highlight.indexes));
    return map;
  }, [highlight]);

  const peerOf = (id: number) =>
    leader === null || leader.id === id ? undefined : leader.peers.find((p) => p.id === id);

  return (
    <section
      ref={sectionRef}
      className={
        fitted !== null
          ? 'rl-panel rl-log rl-log-fit'
          : compact
            ? `rl-panel rl-log rl-log-lab rl-log-${density}`
            : 'rl-panel rl-log rl-log-lab'
      }
      aria-label={t('lab.logs')}
      style={style}
    >
      <header className="rl-panel-header">
        <h2 className="rl-panel-title">{t('lab.logs')}</h2>
        <span className="rl-log-range" aria-live="polite">
          {longest === 0
            ? t('logs.none')
            : t('logs.range', {
                first: win.first,
                last: Math.min(win.last, longest),
                total: longest,
              })}
        </span>
        {/* Fit mode shows the whole log: paging only when it does not fit. */}
        {fitted !== null && win.first <= 1 && win.last >= slots ? null : (
          <span className="rl-button-row">
            <button
              type="button"
              className="rl-button"
              aria-label={compact ? t('logs.earlier') : undefined}
              title={compact ? t('logs.earlier') : undefined}
              disabled={win.first <= 1}
              onClick={() => go(pageAnchor(win, -1, slots))}
            >
              {compact ? '◀' : t('logs.earlier')}
            </button>
            <button
              type="button"
              className="rl-button"
              aria-label={compact ? t('logs.later') : undefined}
              title={compact ? t('logs.later') : undefined}
              disabled={win.last >= slots}
              onClick={() => go(pageAnchor(win, 1, slots))}
            >
              {compact ? '▶' : t('logs.later')}
            </button>
            <button
              type="button"
              className="rl-button"
              aria-label={compact ? t('logs.latest') : undefined}
              title={compact ? t('logs.latest') : undefined}
              disabled={anchor === null || win.last >= slots}
              onClick={() => go(null)}
            >
              {compact ? '⇥' : t('logs.latest')}
            </button>
          </span>
        )}
      </header>
      <div className="rl-log-body" ref={bodyRef}>
        <div className="rl-log-row rl-log-index-row" aria-hidden="true">
          <div className="rl-log-label">{t('logs.index')}</div>
          <div className="rl-log-cells">
            {Array.from({ length: Math.max(0, win.last - win.first + 1) }, (_, k) => (
              <span key={win.first + k} className="rl-log-index">
                {win.first + k}
              </span>
            ))}
          </div>
        </div>
        {servers.map((s) => (
          <LogRow
            key={s.id}
            server={s}
            first={win.first}
            last={win.last}
            leaderLog={leader === null || leader.id === s.id ? null : leader.log}
            leaderSnapshot={leader === null || leader.id === s.id ? null : leader.snapshot}
            nextIndex={peerOf(s.id)?.nextIndex ?? null}
            matchIndex={peerOf(s.id)?.matchIndex ?? null}
            highlight={rowHighlights.get(s.id) ?? NO_INDEXES}
            wholeRow={rowHighlights.has(s.id) && highlight?.indexes.length === 0}
            onSelectEntry={onSelectEntry}
          />
        ))}
      </div>
      <details className="rl-legend-details" onToggle={(e) => setLegendOpen(e.currentTarget.open)}>
        <summary
          className="rl-button"
          onPointerEnter={() => void LogLegend.preload()}
          onFocus={() => void LogLegend.preload()}
        >
          {t('logs.legend')}
        </summary>
        {legendOpen ? <LogLegend.Component /> : null}
      </details>
    </section>
  );
}
