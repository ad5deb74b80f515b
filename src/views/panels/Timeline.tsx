import {
  memo,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import type { Language, MessageKey, Translate } from '../../i18n/index.ts';
import { formatCount } from '../../i18n/numbers.ts';

import { termFill } from '../colors.ts';
import { formatTime } from '../names.ts';
import {
  MARK_KINDS,
  bandRects,
  clusterMarks,
  keyStep,
  markPath,
  tickLabel,
  timeAtX,
  timelineScale,
  type BandRect,
  type MarkCluster,
  type MarkKind,
  type TermBand,
  type TimelineMark,
  type TimeScale,
} from './timelineGeometry.ts';
import { setAttr } from '../useLiveTime.ts';
import { glideAnimation, type Glide } from '../glide.ts';
import { useElementSize } from './useElementSize.ts';

/**
 * Where the playhead is and where the recording ends. Both change every frame while the lab
 * plays; the timeline reads them when it renders and again on each change it is told of, and
 * moves its playhead and stretches the open band straight in the DOM, so React renders it only
 * when a mark, a band or the axis changes.
 */
export interface TimelineLive {
  read(): { now: number; endMs: number };
  /** Calls `onChange` whenever `read()` may give something new; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
  /**
   * While the lab plays, how the position moves on (glide.ts): the playhead and the open band
   * then glide as Web Animations the compositor runs, and `subscribe` need only come now and
   * then (for the slider's value). Without it, or null, they are written on every change.
   */
  glide?: { get(): Glide | null; subscribe(onChange: () => void): () => void } | undefined;
}

const noGlide = { get: (): Glide | null => null, subscribe: () => () => {} };

export interface TimelineProps {
  /** The axis's end. */
  endMs: number;
  live: TimelineLive;
  marks: readonly TimelineMark[];
  termBand: readonly TermBand[];
  /**
   * The term still running, from its start to the recorded end. It grows while the lab plays, so
   * it is drawn apart from the other bands: a composited strip scaled by a transform.
   */
  open?: { readonly from: number; readonly term: number } | null | undefined;
  onSeek: (t: number) => void;
  onScrubStart?: (() => void) | undefined;
  onScrubEnd?: (() => void) | undefined;
}

/** Vertical layout in px: one lane per mark kind, then the term band, then the axis. */
const LANE_PX = 12;
const TOP_PX = 4;
const BAND_Y = TOP_PX + MARK_KINDS.length * LANE_PX + 4;
const BAND_PX = 10;
const AXIS_Y = BAND_Y + BAND_PX + 12;
const HEIGHT_PX = AXIS_Y + 4;
/** The open band's strip is this wide before its transform stretches it. */
const OPEN_BASE_PX = 100;
/** Half the playhead's box: its triangle is 12 px wide. */
const PLAYHEAD_HALF_PX = 7;
const laneY = (kind: MarkKind): number => TOP_PX + MARK_KINDS.indexOf(kind) * LANE_PX + LANE_PX / 2;

/** The catalogue's words for one mark and for several, per kind. */
const KIND_KEYS: Readonly<Record<MarkKind, readonly [MessageKey, MessageKey]>> = {
  election: ['tlMark.election', 'tlMark.elections'],
  commit: ['tlMark.commit', 'tlMark.commits'],
  crash: ['tlMark.crash', 'tlMark.crashes'],
  restart: ['tlMark.restart', 'tlMark.restarts'],
  violation: ['tlMark.violation', 'tlMark.violations'],
  action: ['tlMark.action', 'tlMark.actions'],
};

/** A mark's tooltip: "commit at 1.200 s", or "3 commits, 1.200 s – 1.450 s", in `lang`. */
export function clusterTitle(c: MarkCluster, t: Translate, lang: Language): string {
  const [one, many] = KIND_KEYS[c.kind];
  return c.count === 1
    ? t('tlMark.one', { what: t(one), time: formatTime(c.fromMs, lang) })
    : t('tlMark.many', {
        n: formatCount(c.count, lang),
        what: t(many),
        from: formatTime(c.fromMs, lang),
        to: formatTime(c.toMs, lang),
      });
}

/**
 * One mark or cluster. Drawn again only when it changes: a new commit adds a mark, and every
 * other mark's shape and tooltip (two formatted times each) stay as they were.
 */
const TimelineMark = memo(function TimelineMark(
  props: MarkCluster & { t: Translate; lang: Language },
) {
  const { t, lang, ...c } = props;
  return (
    <path
      className={`rl-tl-mark rl-tl-${c.kind}${c.count > 1 ? ' is-cluster' : ''}`}
      d={markPath(c.kind, c.x, laneY(c.kind), c.count > 1 ? 5 : 4)}
    >
      <title>{clusterTitle(c, t, lang)}</title>
    </path>
  );
});

const TimelineMarks = memo(function TimelineMarks(props: {
  bands: readonly BandRect[];
  clusters: readonly MarkCluster[];
  scale: TimeScale;
  width: number;
}) {
  const { bands, clusters, scale, width } = props;
  const t = useLabT();
  const lang = useLanguage();
  return (
    <>
      <g className="rl-tl-band">
        {bands.map((b, i) => (
          <rect
            key={i}
            x={b.x}
            y={BAND_Y}
            width={b.width}
            height={BAND_PX}
            style={{ fill: termFill(b.term) }}
          >
            <title>{t('timeline.term', { term: b.term })}</title>
          </rect>
        ))}
      </g>
      <g className="rl-tl-axis">
        {scale.ticks(Math.max(2, Math.floor(width / 100))).map((t) => (
          <text key={t} x={scale(t)} y={AXIS_Y} textAnchor="middle">
            {tickLabel(t, lang)}
          </text>
        ))}
      </g>
      <g className="rl-tl-marks">
        {clusters.map((c) => (
          <TimelineMark
            key={`${c.kind}-${c.fromMs}`}
            kind={c.kind}
            x={c.x}
            count={c.count}
            fromMs={c.fromMs}
            toMs={c.toMs}
            t={t}
            lang={lang}
          />
        ))}
      </g>
    </>
  );
});

/**
 * A scrubber over virtual time: drag or click to seek, arrow keys to step (WAI-ARIA slider).
 * Marks sit in one lane per kind with a distinct shape each; marks closer than 2 px merge.
 */
export function Timeline(props: TimelineProps) {
  const { endMs, live, marks, termBand, open, onSeek, onScrubStart, onScrubEnd } = props;
  const t = useLabT();
  const lang = useLanguage();
  const ref = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(ref, { width: 640, height: HEIGHT_PX });
  const scale = useMemo(() => timelineScale(endMs, width), [endMs, width]);
  const clusters = useMemo(() => clusterMarks(marks, scale), [marks, scale]);
  const bands = useMemo(() => bandRects(termBand, scale), [termBand, scale]);
  const scrubbing = useRef(false);

  const seekTo = (clientX: number): void => {
    const left = ref.current?.getBoundingClientRect().left ?? 0;
    onSeek(timeAtX(scale, clientX - left, endMs));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    scrubbing.current = true;
    onScrubStart?.();
    seekTo(e.clientX);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    if (scrubbing.current) seekTo(e.clientX);
  };
  const endScrub = (e: PointerEvent<HTMLDivElement>): void => {
    if (!scrubbing.current) return;
    scrubbing.current = false;
    if (e.currentTarget.hasPointerCapture(e.pointerId))
      e.currentTarget.releasePointerCapture(e.pointerId);
    onScrubEnd?.();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const t = keyStep(e.key, live.read().now, endMs, e.shiftKey);
    if (t === null) return;
    e.preventDefault();
    onSeek(t);
  };

  const playhead = useRef<SVGSVGElement>(null);
  const openStrip = useRef<HTMLDivElement>(null);
  // What moves: the playhead, the open band's right end, and the slider's value for assistive
  // technology. React renders them as they are when it renders; after every render and on every
  // change of the live position they are written straight into the DOM.
  const moving = () => {
    const { now, endMs: recorded } = live.read();
    const rect =
      open === null || open === undefined
        ? undefined
        : bandRects([{ from: open.from, to: recorded, term: open.term }], scale)[0];
    return {
      now: String(now),
      text: t('timeline.value', { now: formatTime(now, lang), end: formatTime(endMs, lang) }),
      head: `translateX(${scale(now) - PLAYHEAD_HALF_PX}px)`,
      strip: rect === undefined ? null : `scaleX(${rect.width / OPEN_BASE_PX})`,
    };
  };
  const glideSource = live.glide ?? noGlide;
  const glide = useSyncExternalStore(glideSource.subscribe, glideSource.get, glideSource.get);
  // At the recording's end the open band grows with the playhead; behind it, it stands still.
  const [growing, setGrowing] = useState(true);
  const apply = (): void => {
    const m = moving();
    const read = live.read();
    const atEnd = read.now >= read.endMs;
    if (atEnd !== growing) setGrowing(atEnd);
    const gliding = glide !== null;
    if (playhead.current !== null && !gliding) setTransform(playhead.current, m.head);
    const strip = openStrip.current;
    if (strip !== null) {
      const visibility = m.strip === null ? 'hidden' : '';
      if (strip.style.visibility !== visibility) strip.style.visibility = visibility;
      if (m.strip !== null && !(gliding && atEnd)) setTransform(strip, m.strip);
    }
    setAttr(ref.current, 'aria-valuenow', m.now);
    setAttr(ref.current, 'aria-valuetext', m.text);
  };
  const latest = useRef(apply);
  useLayoutEffect(() => {
    latest.current = apply;
    apply();
  });
  useLayoutEffect(() => live.subscribe(() => latest.current()), [live]);
  // While playing: the playhead runs to the axis's end, and at the recording's end the open band
  // stretches with it, as animations planned again only when the glide, the axis or a band changes.
  const openFrom = open?.from ?? null;
  useLayoutEffect(() => {
    if (glide === null) return;
    const animations: (Animation | null)[] = [];
    const from = glide.time;
    const to = Math.max(endMs, from + 1);
    if (playhead.current !== null) {
      const head = (t: number) => ({ transform: `translateX(${scale(t) - PLAYHEAD_HALF_PX}px)` });
      animations.push(glideAnimation(playhead.current, [head(from), head(to)], from, to, glide));
    }
    if (openStrip.current !== null && openFrom !== null && growing) {
      const x0 = scale(openFrom);
      const strip = (t: number) => ({
        transform: `scaleX(${Math.max(0, scale(t) - x0) / OPEN_BASE_PX})`,
      });
      animations.push(glideAnimation(openStrip.current, [strip(from), strip(to)], from, to, glide));
    }
    return () => animations.forEach((a) => a?.cancel());
  }, [glide, scale, endMs, openFrom, growing]);

  const openX = open === null || open === undefined ? null : scale(open.from);
  const first = moving();
  return (
    <div
      ref={ref}
      className="rl-timeline"
      role="slider"
      tabIndex={0}
      aria-label={t('timeline.label')}
      aria-valuemin={0}
      aria-valuemax={endMs}
      aria-valuenow={Number(first.now)}
      aria-valuetext={first.text}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endScrub}
      onPointerCancel={endScrub}
      onKeyDown={onKeyDown}
    >
      <svg className="rl-timeline-svg" width={width} height={HEIGHT_PX} aria-hidden="true">
        {/* Memoized: while playing only the playhead and the open band move, not every mark. */}
        <TimelineMarks bands={bands} clusters={clusters} scale={scale} width={width} />
      </svg>
      {/* What moves each frame is composited and moved or stretched by a transform, so the
          marks' SVG above is not painted again while the lab plays. */}
      {open !== undefined && open !== null && openX !== null && (
        <div
          ref={openStrip}
          className="rl-tl-open"
          title={t('timeline.term', { term: open.term })}
          style={{
            left: openX,
            top: BAND_Y,
            height: BAND_PX,
            background: termFill(open.term),
            transform: first.strip ?? undefined,
            visibility: first.strip === null ? 'hidden' : undefined,
          }}
        />
      )}
      <svg
        ref={playhead}
        className="rl-tl-playhead"
        width={PLAYHEAD_HALF_PX * 2}
        height={BAND_Y + BAND_PX + 1}
        viewBox={`${-PLAYHEAD_HALF_PX} 0 ${PLAYHEAD_HALF_PX * 2} ${BAND_Y + BAND_PX + 1}`}
        style={{ transform: first.head }}
        aria-hidden="true"
      >
        <line x1={0} x2={0} y1={0} y2={BAND_Y + BAND_PX} />
        <path d={`M-6,${BAND_Y + BAND_PX + 1}h12l-6,-7Z`} />
      </svg>
    </div>
  );
}

/** Writes a transform only when it changes (the same value written again still restyles). */
function setTransform(el: HTMLElement | SVGElement, value: string): void {
  if (el.style.transform !== value) el.style.transform = value;
}
