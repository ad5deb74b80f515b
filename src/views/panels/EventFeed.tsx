import { useEffect, useLayoutEffect, useRef, useState, type UIEvent } from 'react';
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import type { SimEvent } from '../../core/types.ts';
import { describeEvent, formatTime } from '../format.ts';
import { currentLine, feedIndex, lineTone, type FeedIndex } from './feedModel.ts';
import { useElementSize } from './useElementSize.ts';
import { feedLineRules } from '../rules/eventRules.ts';
import { RuleChip } from '../rules/RuleChip.tsx';
import { scrollToShow, virtualRange } from './virtual.ts';

export interface EventFeedProps {
  events: readonly SimEvent[];
  now: number;
  onJump: (time: number) => void;
  /** Cluster size, so a win reads "with 3 of 5 votes". */
  servers?: number | undefined;
}

/** Fallback row height (2.25rem at 16px) until a row is measured. */
const ROW_PX_DEFAULT = 36;

/**
 * The run in plain language, one line per interesting event, windowed so 100k events scroll
 * smoothly. It follows the playhead until the reader scrolls the current line out of view, and
 * follows again once they bring it back (or press "Follow").
 */
export function EventFeed({ events, now, onJump, servers }: EventFeedProps) {
  const t = useLabT();
  const lang = useLanguage();
  // Grown as events arrive instead of rebuilt: a frame costs what it adds, not the run's length.
  const [index, setIndex] = useState<FeedIndex>(() => feedIndex(null, events, servers));
  const fresh = feedIndex(index, events, servers);
  if (fresh !== index) setIndex(fresh);
  const { lines, contexts } = fresh;
  const current = currentLine(events, lines, now);

  const scrollRef = useRef<HTMLDivElement>(null);
  const { height } = useElementSize(scrollRef, { width: 320, height: 320 });
  const [rowPx, setRowPx] = useState(ROW_PX_DEFAULT);
  const [scrollTop, setScrollTop] = useState(0);
  const [follow, setFollow] = useState(true);
  /** The scrollTop we set ourselves, to tell our scrolls from the reader's. */
  const ownScroll = useRef<number | null>(null);
  /** The list's scrollTop as last set or seen, so following never reads layout. */
  const domTop = useRef(0);

  // Measure a real row once rows exist and on resize: the CSS (rem, media queries) decides it.
  const hasRows = lines.length > 0;
  useEffect(() => {
    const row = scrollRef.current?.querySelector('.rl-feed-line');
    const h = row?.getBoundingClientRect().height ?? 0;
    if (h > 0 && Math.abs(h - rowPx) > 0.5) setRowPx(h);
  }, [rowPx, hasRows, height]);

  // Following: the window is worked out here, from what this component knows (no layout read),
  // and the list is scrolled to it in the same commit, so a new line costs one render.
  const followTop =
    follow && current >= 0 ? scrollToShow(current, scrollTop, height, rowPx) : scrollTop;
  if (followTop !== scrollTop) setScrollTop(followTop);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!follow || el === null || Math.abs(scrollTop - domTop.current) < 1) return;
    ownScroll.current = scrollTop;
    domTop.current = scrollTop;
    el.scrollTop = scrollTop;
  }, [follow, scrollTop]);

  const onScroll = (ev: UIEvent<HTMLDivElement>): void => {
    const el = ev.currentTarget;
    domTop.current = el.scrollTop;
    if (ownScroll.current !== null && Math.abs(el.scrollTop - ownScroll.current) < 2) {
      ownScroll.current = null;
      return;
    }
    ownScroll.current = null;
    setScrollTop(el.scrollTop);
    const top = current * rowPx;
    setFollow(
      current < 0 || (top >= el.scrollTop - 1 && top + rowPx <= el.scrollTop + el.clientHeight + 1),
    );
  };

  const range = virtualRange(scrollTop, height, rowPx, lines.length);
  const rows = [];
  for (let k = range.start; k < range.end; k++) {
    const index = lines[k] ?? -1;
    const e = events[index];
    if (e === undefined) continue;
    const { text, rules } = feedLineRules(e, describeEvent(e, contexts.get(index), lang) ?? '');
    const { glyph, tone } = lineTone(e);
    const state = k === current ? ' is-current' : e.time > now ? ' is-future' : '';
    rows.push(
      <li
        key={index}
        className={`rl-feed-item${state}`}
        aria-current={k === current ? 'true' : undefined}
      >
        <button
          type="button"
          className={`rl-feed-line rl-tone-${tone}${state}`}
          title={text}
          onClick={() => onJump(e.time)}
        >
          <span className="rl-feed-glyph" aria-hidden="true">
            {glyph}
          </span>
          <time className="rl-feed-time">{formatTime(e.time, lang)}</time>
          <span className="rl-feed-text">{text}</span>
        </button>
        {rules.length > 0 ? (
          <span className="rl-feed-rules">
            {rules.map((id) => (
              <RuleChip key={id} id={id} />
            ))}
          </span>
        ) : null}
      </li>,
    );
  }

  return (
    <section className="rl-panel rl-feed" aria-label={t('lab.events')}>
      <header className="rl-panel-header">
        <h2 className="rl-panel-title">{t('lab.events')}</h2>
        <span className="rl-muted">{t('feed.lines', { n: lines.length })}</span>
        {follow ? null : (
          <button type="button" className="rl-button" onClick={() => setFollow(true)}>
            {t('feed.follow')}
          </button>
        )}
      </header>
      <div className="rl-feed-scroll" ref={scrollRef} onScroll={onScroll}>
        {lines.length === 0 ? <p className="rl-muted">{t('feed.empty')}</p> : null}
        <ol className="rl-feed-list">
          <li aria-hidden="true" style={{ height: range.padTopPx }} />
          {rows}
          <li aria-hidden="true" style={{ height: range.padBottomPx }} />
        </ol>
      </div>
    </section>
  );
}
