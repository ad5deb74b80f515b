import { memo, useEffect, useLayoutEffect, useRef, useState, type UIEvent } from 'react';
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import type { Language } from '../../i18n/index.ts';
import type { SimEvent } from '../../core/types.ts';
import type { Seq } from '../../store/eventList.ts';
import { describeEvent, formatTime } from '../format.ts';
import { currentLine, feedIndex, lineTone, type FeedIndex } from './feedModel.ts';
import type { DescribeContext } from '../format.ts';
import { useElementSize } from './useElementSize.ts';
import { feedLineRules } from '../rules/eventRules.ts';
import { RuleChip } from '../rules/RuleChip.tsx';
import { scrollToShow, virtualRange } from './virtual.ts';

export interface EventFeedProps {
  events: Seq<SimEvent>;
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
  // Lines are positions in the recorder's log: line `index` is event `index - start` of the list.
  const { lines, contexts, start } = fresh;
  const current = currentLine(events, lines, now, start);

  const scrollRef = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(scrollRef, { width: 320, height: 320 });
  const [rowPx, setRowPx] = useState(ROW_PX_DEFAULT);
  /** Where the list is scrolled, from its top; 'end' while it is pinned to the newest line. */
  const [scrollTop, setScrollTop] = useState<number | 'end'>(0);
  const [follow, setFollow] = useState(true);
  /** The scrollTop we set ourselves, to tell our scrolls from the reader's. */
  const ownScroll = useRef<number | null>(null);
  /** The list's scrollTop as last set or seen ('end': pinned), so following never reads layout. */
  const domTop = useRef<number | 'end'>(0);

  // Measure a real row once rows exist and when the width changes: the CSS (rem, media queries)
  // decides it. Not when only the height changes (the panels above grow), which happens while
  // lines arrive: a read here would force a layout in the middle of that frame.
  const hasRows = lines.length > 0;
  useEffect(() => {
    const row = scrollRef.current?.querySelector('.rl-feed-line');
    const h = row?.getBoundingClientRect().height ?? 0;
    if (h > 0 && Math.abs(h - rowPx) > 0.5) setRowPx(h);
  }, [rowPx, hasRows, width]);

  // Following the newest line costs nothing: the list is then pinned to its end (a bottom-anchored
  // scroller, `flex-direction: column-reverse`, whose scroll origin is its end), so the browser
  // keeps the newest line in view as lines arrive, with no scroll from script and so no layout
  // forced in the middle of a frame. The DOM stays in time order (screen readers read it so).
  const endTop = Math.max(0, lines.length * rowPx - height);
  const pinned = follow && current >= 0 && current === lines.length - 1;
  if (pinned && scrollTop !== 'end') setScrollTop('end');
  const top = scrollTop === 'end' ? endTop : scrollTop;
  // Following an older line (the view is rewound): scrolled only when that line leaves the view,
  // worked out here from what this component knows (no layout read).
  const followTop =
    follow && !pinned && current >= 0 ? scrollToShow(current, top, height, rowPx) : top;
  if (!pinned && followTop !== scrollTop) setScrollTop(followTop);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el === null) return;
    if (scrollTop === 'end') {
      // Just pinned: from now on the browser follows by itself.
      if (domTop.current === 'end') return;
      domTop.current = 'end';
      ownScroll.current = 0;
      el.scrollTop = 0;
      return;
    }
    // Just unpinned (the list left its bottom-anchored layout), or following an older line.
    const was = domTop.current;
    if (was !== 'end' && (!follow || Math.abs(scrollTop - was) < 1)) return;
    ownScroll.current = scrollTop;
    domTop.current = scrollTop;
    el.scrollTop = scrollTop;
  }, [follow, scrollTop]);

  const onScroll = (ev: UIEvent<HTMLDivElement>): void => {
    const el = ev.currentTarget;
    const seen = el.scrollTop;
    if (ownScroll.current !== null && Math.abs(seen - ownScroll.current) < 2) {
      ownScroll.current = null;
      return;
    }
    ownScroll.current = null;
    if (domTop.current === 'end') {
      // Pinned, the scroll origin is the end (scrollTop 0, negative above it): a reader who
      // scrolls up past the newest line stops following there.
      if (seen > -1) return;
      const from = Math.max(0, el.scrollHeight - el.clientHeight + seen);
      setScrollTop(from);
      setFollow(false);
      return;
    }
    domTop.current = seen;
    setScrollTop(seen);
    const rowTop = current * rowPx;
    setFollow(current < 0 || (rowTop >= seen - 1 && rowTop + rowPx <= seen + el.clientHeight + 1));
  };

  const range = virtualRange(pinned ? endTop : followTop, height, rowPx, lines.length);
  const rows = [];
  for (let k = range.start; k < range.end; k++) {
    const index = lines[k] ?? -1;
    const e = index < start ? undefined : events.at(index - start);
    if (e === undefined) continue;
    const state = k === current ? 'current' : e.time > now ? 'future' : 'past';
    rows.push(
      <FeedLine
        key={index}
        event={e}
        context={contexts.get(index)}
        lang={lang}
        state={state}
        onJump={onJump}
      />,
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
      <div
        className={`rl-feed-scroll${pinned ? ' is-pinned' : ''}`}
        ref={scrollRef}
        onScroll={onScroll}
      >
        <div className="rl-feed-body">
          {lines.length === 0 ? <p className="rl-muted">{t('feed.empty')}</p> : null}
          <ol className="rl-feed-list">
            <li aria-hidden="true" style={{ height: range.padTopPx }} />
            {rows}
            <li aria-hidden="true" style={{ height: range.padBottomPx }} />
          </ol>
        </div>
      </div>
    </section>
  );
}

interface FeedLineProps {
  event: SimEvent;
  context: DescribeContext | undefined;
  lang: Language;
  state: 'past' | 'current' | 'future';
  onJump: (time: number) => void;
}

/**
 * One line of the feed. Its event and context are shared between frames, so a frame that adds a
 * line or moves the current one renders only the lines whose state changed.
 */
const FeedLine = memo(function FeedLine({ event: e, context, lang, state, onJump }: FeedLineProps) {
  const { text, rules } = feedLineRules(e, describeEvent(e, context, lang) ?? '');
  const { glyph, tone } = lineTone(e);
  const cls = state === 'past' ? '' : ` is-${state}`;
  return (
    <li className={`rl-feed-item${cls}`} aria-current={state === 'current' ? 'true' : undefined}>
      <button
        type="button"
        className={`rl-feed-line rl-tone-${tone}${cls}`}
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
    </li>
  );
});
