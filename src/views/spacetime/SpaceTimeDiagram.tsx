/**
 * The space-time diagram, props only: lanes, the messages of the window as arrows, the lane marks,
 * the playhead. Every colour is an attribute (no stylesheet). Two drawings share the parts:
 * - SpaceTimeDiagram, one SVG with everything in it: what "Export SVG" saves;
 * - SpaceTimeView, what the lab shows: the same parts in stacked layers, so that a window that
 *   follows the playhead is moved by the compositor and only what changed is painted again.
 */
import { memo, useId } from 'react';
import type { Endpoint } from '../../core/types.ts';
import type { Language, Translate } from '../../i18n/index.ts';
import { decimalSeparator } from '../../i18n/numbers.ts';
import type { LaneMark, LaneSegment, VisibleMessage } from '../../store/spaceTime.ts';
import { termColor } from '../colors.ts';
import { formatTime } from '../names.ts';
import {
  arrowOf,
  type Arrow,
  labelsWithRoom,
  drawnFromMs,
  originOf,
  settleFloor,
  tickLabelX,
  timeTicks,
  xAt,
  LAB_SCALE,
  type DiagramScale,
  type Lane,
  type Plot,
  type Tick,
} from './geometry.ts';
import {
  DROP_COLOR,
  FONT_FAMILY,
  GRID_COLOR,
  LANE_DOWN_COLOR,
  MESSAGE_STYLES,
  PLAYHEAD_COLOR,
  SELECT_COLOR,
  TEXT_COLOR,
} from './styles.ts';

export interface SpaceTimeDiagramProps {
  plot: Plot;
  lanes: readonly Lane[];
  /** Segments of each server lane (index id − 1). */
  segments: readonly (readonly LaneSegment[])[];
  messages: readonly VisibleMessage[];
  marks: readonly LaneMark[];
  playheadMs: number;
  /** Where the client lanes end (the current time). */
  nowMs: number;
  selectedMessage: number | null;
  selectedServer: number | null;
  t: Translate;
  /** The reader's language, for numbers (default English). */
  lang?: Language;
  onSelectMessage?: (id: number) => void;
  onSelectServer?: (id: number) => void;
  /** Type and line sizes: the lab's by default, presenter mode's larger ones. */
  scale?: DiagramScale;
  /**
   * How many messages the window shows, for its label, when `messages` holds more (SpaceTimeView
   * is given everything from the window's time origin); default: all of `messages`.
   */
  windowMessages?: number;
}

const NO_TERM_COLOR = '#94a3b8';
const laneColor = (term: number): string => (term > 0 ? termColor(term) : NO_TERM_COLOR);

function headPoints(x1: number, y1: number, x2: number, y2: number, size = 6): string {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.sqrt(dx * dx + dy * dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const bx = x2 - ux * size;
  const by = y2 - uy * size;
  const px = -uy * size * 0.45;
  const py = ux * size * 0.45;
  return `${x2},${y2} ${bx + px},${by + py} ${bx - px},${by - py}`;
}

function arrowTitle(
  t: Translate,
  lang: Language,
  v: VisibleMessage,
  name: (ep: Endpoint) => string,
): string {
  const r = v.record;
  const head = t('st.arrowTitle', {
    type: r.preVote ? t('st.preVoteType', { type: r.type }) : r.type,
    id: r.id,
    from: name(r.from),
    to: name(r.to),
    term: r.term === null ? '' : t('st.arrowTerm', { term: r.term }),
    sent: formatTime(r.sentMs, lang),
  });
  const tail =
    v.status === 'delivered'
      ? t('st.arrowDelivered', { at: formatTime(r.endMs ?? r.deliverMs, lang) })
      : v.status === 'dropped'
        ? t('st.arrowDropped', {
            at: formatTime(r.endMs ?? r.deliverMs, lang),
            reason: t(`st.reason.${r.dropReason ?? 'loss'}`),
          })
        : t('st.arrowFlight', { at: formatTime(r.deliverMs, lang) });
  return `${head}; ${tail}`;
}

const endpointLabel = (ep: Endpoint): string => (ep > 0 ? `S${ep}` : `C${-ep}`);

function markTitle(t: Translate, lang: Language, m: LaneMark): string {
  const params = {
    server: `S${m.server}`,
    term: m.term,
    index: m.index,
    at: formatTime(m.time, lang),
  };
  switch (m.kind) {
    case 'candidate':
      return t('st.markCandidate', params);
    case 'leader':
      return t('st.markLeader', params);
    case 'commit':
      return t('st.markCommit', params);
    case 'crash':
      return t('st.markCrash', params);
    case 'restart':
      return t('st.markRestart', params);
  }
}

/** The short text drawn at a mark ('' for marks drawn without one). */
function markLabel(t: Translate, m: LaneMark): string {
  switch (m.kind) {
    case 'candidate':
      return t('tip.termShort', { term: m.term });
    case 'leader':
      return t('tip.leaderShort', { term: m.term });
    case 'commit':
      return String(m.index);
    default:
      return '';
  }
}

interface MarkProps {
  m: LaneMark;
  x: number;
  y: number;
  t: Translate;
  lang: Language;
  /** False where the label would overlap another on the lane (the mark and its tooltip stay). */
  showLabel: boolean;
  scale: DiagramScale;
}

/** The same mark in the same place (its lane's marks are drawn against a steady origin). */
function sameMark(p: MarkProps, n: MarkProps): boolean {
  const a = p.m;
  const b = n.m;
  return (
    (a === b ||
      (a.kind === b.kind &&
        a.server === b.server &&
        a.time === b.time &&
        a.ordinal === b.ordinal &&
        a.term === b.term &&
        a.index === b.index)) &&
    p.x === n.x &&
    p.y === n.y &&
    p.t === n.t &&
    p.lang === n.lang &&
    p.showLabel === n.showLabel &&
    p.scale === n.scale
  );
}

const Mark = memo(function Mark({ m, x, y, t, lang, showLabel, scale }: MarkProps) {
  const title = <title>{markTitle(t, lang, m)}</title>;
  const k = scale.stroke;
  switch (m.kind) {
    case 'candidate':
      return (
        <g className="rl-st-mark" data-kind="candidate">
          {title}
          <circle
            cx={x}
            cy={y}
            r={4.5 * k}
            fill="#ffffff"
            stroke={laneColor(m.term)}
            strokeWidth={2 * k}
          />
          {showLabel ? (
            <text
              x={x}
              y={y - 7 * k}
              textAnchor="middle"
              fontSize={scale.markFont}
              fill={TEXT_COLOR}
            >
              {markLabel(t, m)}
            </text>
          ) : null}
        </g>
      );
    case 'leader':
      return (
        <g className="rl-st-mark" data-kind="leader">
          {title}
          <path
            d={`M${x},${y - 6 * k} L${x + 6 * k},${y} L${x},${y + 6 * k} L${x - 6 * k},${y} Z`}
            fill={laneColor(m.term)}
            stroke="#ffffff"
            strokeWidth={1}
          />
          {showLabel ? (
            <text
              x={x}
              y={y - 8 * k}
              textAnchor="middle"
              fontSize={scale.markFont}
              fontWeight={700}
              fill={TEXT_COLOR}
            >
              {markLabel(t, m)}
            </text>
          ) : null}
        </g>
      );
    case 'commit':
      return (
        <g className="rl-st-mark" data-kind="commit">
          {title}
          <rect x={x - 1.5 * k} y={y - 5 * k} width={3 * k} height={10 * k} fill="#15803d" />
          {showLabel ? (
            <text
              x={x}
              y={y + 5 * k + scale.indexFont}
              textAnchor="middle"
              fontSize={scale.indexFont}
              fill="#15803d"
            >
              {markLabel(t, m)}
            </text>
          ) : null}
        </g>
      );
    case 'crash':
      return (
        <g className="rl-st-mark" data-kind="crash">
          {title}
          <path
            d={`M${x - 5 * k},${y - 5 * k} L${x + 5 * k},${y + 5 * k} M${x + 5 * k},${y - 5 * k} L${x - 5 * k},${y + 5 * k}`}
            stroke="#111827"
            strokeWidth={2.5 * k}
          />
        </g>
      );
    case 'restart':
      return (
        <g className="rl-st-mark" data-kind="restart">
          {title}
          <path
            d={`M${x - 3 * k},${y - 6 * k} L${x + 6 * k},${y} L${x - 3 * k},${y + 6 * k} Z`}
            fill="#15803d"
          />
        </g>
      );
  }
}, sameMark);

/**
 * An arrow's tooltip, worked out again only when its message or state changes: an arrow in flight
 * is drawn again every frame as it grows, its words are not.
 */
const ArrowTitle = memo(
  function ArrowTitle({ v, t, lang }: { v: VisibleMessage; t: Translate; lang: Language }) {
    return <title>{arrowTitle(t, lang, v, endpointLabel)}</title>;
  },
  (p, n) =>
    p.v.record === n.v.record && p.v.status === n.v.status && p.t === n.t && p.lang === n.lang,
);

interface ArrowMarkProps {
  v: VisibleMessage;
  a: Arrow;
  selected: boolean;
  k: number;
  t: Translate;
  lang: Language;
  onSelectMessage: ((id: number) => void) | undefined;
}

/** The same message (a fork may give its id to another one) in the same place and state. */
function sameArrowMark(p: ArrowMarkProps, n: ArrowMarkProps): boolean {
  const r = p.v.record;
  const q = n.v.record;
  const sameRecord =
    r === q ||
    (r.id === q.id &&
      r.from === q.from &&
      r.to === q.to &&
      r.type === q.type &&
      r.term === q.term &&
      r.preVote === q.preVote &&
      r.entries === q.entries &&
      r.duplicate === q.duplicate &&
      r.sentMs === q.sentMs &&
      r.deliverMs === q.deliverMs &&
      r.endMs === q.endMs &&
      r.dropReason === q.dropReason);
  return (
    sameRecord &&
    p.v.status === n.v.status &&
    p.selected === n.selected &&
    p.k === n.k &&
    p.t === n.t &&
    p.lang === n.lang &&
    p.onSelectMessage === n.onSelectMessage &&
    p.a.x1 === n.a.x1 &&
    p.a.y1 === n.a.y1 &&
    p.a.x2 === n.a.x2 &&
    p.a.y2 === n.a.y2 &&
    p.a.xEnd === n.a.xEnd &&
    p.a.yEnd === n.a.yEnd
  );
}

/**
 * One message's arrow. Memoized on its facts and coordinates: arrows are placed against a time
 * origin that stays put while the window follows the playhead (SpaceTimeDiagramInner), so a
 * frame redraws only the arrows in flight and the new ones, and works out their tooltips only.
 */
const ArrowMark = memo(function ArrowMark({
  v,
  a,
  selected,
  k,
  t,
  lang,
  onSelectMessage,
}: ArrowMarkProps) {
  const style = MESSAGE_STYLES[v.record.type];
  const onClick = onSelectMessage
    ? (e: { stopPropagation: () => void }) => {
        e.stopPropagation();
        onSelectMessage(v.record.id);
      }
    : undefined;
  return (
    <g
      className={`rl-st-arrow${selected ? ' is-selected' : ''}`}
      data-id={v.record.id}
      data-status={v.status}
      data-type={v.record.type}
      onClick={onClick}
      style={onClick ? { cursor: 'pointer' } : undefined}
    >
      <ArrowTitle v={v} t={t} lang={lang} />
      {selected ? (
        <line
          x1={a.x1}
          y1={a.y1}
          x2={a.x2}
          y2={a.y2}
          stroke={SELECT_COLOR}
          strokeWidth={7 * k}
          strokeLinecap="round"
          strokeOpacity={0.7}
        />
      ) : null}
      {v.status === 'flight' ? (
        <line
          x1={a.x2}
          y1={a.y2}
          x2={a.xEnd}
          y2={a.yEnd}
          stroke={style.color}
          strokeWidth={k}
          strokeDasharray="1 4"
          strokeOpacity={0.5}
        />
      ) : null}
      <line
        x1={a.x1}
        y1={a.y1}
        x2={a.x2}
        y2={a.y2}
        stroke={style.color}
        strokeWidth={k * (v.status === 'flight' || selected ? 2 : 1.3)}
        strokeDasharray={style.dash || undefined}
        strokeOpacity={v.status === 'delivered' && !selected ? 0.8 : undefined}
      />
      {v.status === 'dropped' ? (
        <path
          className="rl-st-drop"
          d={`M${a.x2 - 4 * k},${a.y2 - 4 * k} L${a.x2 + 4 * k},${a.y2 + 4 * k} M${a.x2 + 4 * k},${a.y2 - 4 * k} L${a.x2 - 4 * k},${a.y2 + 4 * k}`}
          stroke={DROP_COLOR}
          strokeWidth={2.2 * k}
        />
      ) : (
        <polygon points={headPoints(a.x1, a.y1, a.x2, a.y2, 6 * k)} fill={style.color} />
      )}
      {/* A wide line, never drawn, that takes the pointer: easy to click on a thin arrow. */}
      <line
        className="rl-st-hit"
        x1={a.x1}
        y1={a.y1}
        x2={a.x2}
        y2={a.y2}
        stroke="#000000"
        strokeWidth={10 * k}
        visibility="hidden"
        pointerEvents="stroke"
      />
    </g>
  );
}, sameArrowMark);

/** What both drawings of the diagram (flat and layered) work out from their props. */
function diagramModel(props: SpaceTimeDiagramProps, clip: string) {
  const { plot, lanes, marks, playheadMs, nowMs, t } = props;
  const lang = props.lang ?? 'en';
  const scale = props.scale ?? LAB_SCALE;
  const laneY = new Map<Endpoint, number>(lanes.map((l) => [l.endpoint, l.y]));
  const tickPx = Math.max(70, scale.tickFont * 5);
  // The arrows and marks are drawn against a time origin that stays put while the window follows the
  // playhead (a whole number of spans), and moved by a translation: between two such steps an
  // arrow or a mark keeps its coordinates, so React leaves it alone (ArrowMark, Mark).
  const spanMs = plot.window.toMs - plot.window.fromMs || 1;
  const originMs = originOf(plot.window.fromMs, spanMs);
  const arrowPlot: Plot =
    originMs === plot.window.fromMs
      ? plot
      : { ...plot, window: { fromMs: originMs, toMs: originMs + spanMs } };
  const placed = marks.map((m) => ({ m, y: laneY.get(m.server), x: xAt(arrowPlot, m.time) }));
  // Labels are drawn only where they have room on their lane: above it a term (a leader's wins
  // over a candidate's), below it a commit index (each server commits every index).
  const drawn = placed.filter((p) => p.y !== undefined);
  const above = drawn.filter((p) => p.m.kind === 'candidate' || p.m.kind === 'leader');
  const below = drawn.filter((p) => p.m.kind === 'commit');
  const labelled = new Set<(typeof placed)[number]>();
  const keep = (row: typeof placed, fontPx: number): void => {
    const shown = labelsWithRoom(
      row.map((p) => ({
        lane: p.m.server,
        x: p.x,
        text: markLabel(t, p.m),
        priority: p.m.kind === 'leader' ? 2 : 1,
      })),
      fontPx,
    );
    row.forEach((p, i) => {
      if (shown[i]) labelled.add(p);
    });
  };
  keep(above, scale.markFont);
  keep(below, scale.indexFont);
  return {
    props,
    clip,
    lang,
    decimal: decimalSeparator(lang),
    scale,
    k: scale.stroke,
    laneY,
    tickPx,
    ticks: timeTicks(plot, tickPx),
    plotTop: scale.axisPx - 4,
    plotBottom: plot.height - 2,
    playX: xAt(plot, playheadMs),
    clientEnd: xAt(plot, Math.min(nowMs, plot.window.toMs)),
    spanMs,
    originMs,
    arrowPlot,
    /** Where the origin's window sits on screen against the window shown (≤ 0). */
    arrowShift: xAt(plot, originMs) - plot.x0,
    placed,
    labelled,
  };
}

type Model = ReturnType<typeof diagramModel>;

/** The svg element's attributes both drawings share: the one a reader (or a test) asks about. */
function svgAttributes(m: Model) {
  const { plot, messages, playheadMs, t } = m.props;
  return {
    className: 'rl-st-svg',
    xmlns: 'http://www.w3.org/2000/svg',
    width: plot.width,
    height: plot.height,
    viewBox: `0 0 ${plot.width} ${plot.height}`,
    fontFamily: FONT_FAMILY,
    fontSize: 11,
    role: 'group',
    'aria-label': t('st.svgLabel', {
      from: formatTime(plot.window.fromMs, m.lang),
      to: formatTime(plot.window.toMs, m.lang),
      count: m.props.windowMessages ?? messages.length,
    }),
    'data-from-ms': plot.window.fromMs,
    'data-to-ms': plot.window.toMs,
    'data-playhead-ms': playheadMs,
  } as const;
}

function gridLine(m: Model, tick: Tick) {
  return <line x1={tick.x} y1={m.plotTop} x2={tick.x} y2={m.plotBottom} stroke={GRID_COLOR} />;
}

function tickLabel(m: Model, tick: Tick) {
  const { scale } = m;
  return (
    <text
      x={tickLabelX(tick.x, tick.label, scale.tickFont, m.props.plot.width)}
      y={scale.axisPx - 7}
      textAnchor="middle"
      fontSize={scale.tickFont}
      fill="#4b5563"
    >
      {tick.label.replace('.', m.decimal)}
    </text>
  );
}

function laneLabels(m: Model) {
  const { lanes, plot, selectedServer, onSelectServer, t } = m.props;
  const { scale } = m;
  return lanes.map((lane) => {
    const server = lane.client ? null : lane.endpoint;
    const selected = server !== null && server === selectedServer;
    return (
      <g
        key={lane.endpoint}
        className={`rl-st-lane-label${selected ? ' is-selected' : ''}`}
        data-lane={lane.label}
        onClick={server !== null ? () => onSelectServer?.(server) : undefined}
        style={server !== null && onSelectServer ? { cursor: 'pointer' } : undefined}
      >
        {server !== null ? <title>{t('st.laneTitle', { server: lane.label })}</title> : null}
        {selected ? (
          <rect
            x={1}
            y={lane.y - scale.laneFont * 0.75}
            width={plot.x0 - 4}
            height={scale.laneFont * 1.5}
            rx={4}
            fill={SELECT_COLOR}
            opacity={0.35}
          />
        ) : null}
        <text
          x={5}
          y={lane.y + scale.laneFont / 3}
          fontSize={scale.laneFont}
          fontWeight={lane.client ? 400 : 700}
          fill={lane.client ? '#4b5563' : TEXT_COLOR}
        >
          {lane.label}
        </text>
      </g>
    );
  });
}

/** The band that marks the selected server's lane across the plot (none: null). */
function selectedLaneBand(m: Model) {
  const { lanes, plot, selectedServer } = m.props;
  const lane = lanes.find((l) => !l.client && l.endpoint === selectedServer);
  if (lane === undefined) return null;
  return (
    <line
      className="rl-st-lane-band"
      x1={plot.x0}
      y1={lane.y}
      x2={plot.x1}
      y2={lane.y}
      stroke={SELECT_COLOR}
      strokeWidth={10 * m.k}
      opacity={0.3}
    />
  );
}

/**
 * The lanes' lines in `at`'s coordinates: a client's runs from `fromX` to `clientEnd`, a server's
 * is its segments (term colour, role width, crashed dashed).
 */
function laneLines(
  m: Model,
  at: Plot,
  fromX: number,
  clientEnd: number,
  segments: readonly (readonly LaneSegment[])[] = m.props.segments,
) {
  const { lanes } = m.props;
  const { k } = m;
  return lanes.map((lane) =>
    lane.client ? (
      <line
        key={lane.endpoint}
        className="rl-st-lane"
        x1={fromX}
        y1={lane.y}
        x2={clientEnd}
        y2={lane.y}
        stroke="#cbd5e1"
        strokeWidth={1.5 * k}
      />
    ) : (
      <g key={lane.endpoint} className="rl-st-lane" data-server={lane.endpoint}>
        {(segments[lane.endpoint - 1] ?? []).map((s, i) => (
          <line
            key={i}
            x1={xAt(at, s.from)}
            y1={lane.y}
            x2={Math.max(xAt(at, s.to), xAt(at, s.from) + 0.5)}
            y2={lane.y}
            stroke={s.crashed ? LANE_DOWN_COLOR : laneColor(s.term)}
            strokeWidth={
              k * (s.crashed ? 2 : s.role === 'leader' ? 5 : s.role === 'candidate' ? 3.5 : 2)
            }
            strokeDasharray={s.crashed ? '3 4' : undefined}
            data-term={s.term}
            data-role={s.crashed ? 'crashed' : s.role}
          />
        ))}
      </g>
    ),
  );
}

function arrows(m: Model, messages: readonly VisibleMessage[] = m.props.messages) {
  const { playheadMs, selectedMessage, onSelectMessage, t } = m.props;
  return messages.map((v) => {
    const a = arrowOf(v, m.laneY, m.arrowPlot, playheadMs);
    if (a === null) return null;
    return (
      <ArrowMark
        key={v.record.id}
        v={v}
        a={a}
        selected={v.record.id === selectedMessage}
        k={m.k}
        t={t}
        lang={m.lang}
        onSelectMessage={onSelectMessage}
      />
    );
  });
}

function laneMarks(m: Model, placed: Model['placed'] = m.placed) {
  return placed.map((p) => {
    const { m: mark, x, y } = p;
    if (y === undefined) return null;
    return (
      <Mark
        key={`${mark.ordinal}-${mark.server}-${mark.kind}`}
        m={mark}
        x={x}
        y={y}
        t={m.props.t}
        lang={m.lang}
        showLabel={m.labelled.has(p)}
        scale={m.scale}
      />
    );
  });
}

function playhead(m: Model) {
  const { plot } = m.props;
  const x = m.playX;
  if (x < plot.x0 || x > plot.x1) return null;
  return (
    <line
      className="rl-st-playhead"
      x1={x}
      y1={m.plotTop}
      x2={x}
      y2={m.plotBottom}
      stroke={PLAYHEAD_COLOR}
      strokeWidth={1.5 * m.k}
    />
  );
}

/**
 * The diagram as one SVG, everything in it: what "Export SVG" saves (SpaceTimePane renders it
 * for the file only) and what the Node tests read.
 */
export function SpaceTimeDiagram(props: SpaceTimeDiagramProps) {
  const clip = `rl-st-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const m = diagramModel(props, clip);
  const { plot } = props;
  const shifted = m.arrowShift === 0 ? undefined : `translate(${m.arrowShift},0)`;
  return (
    <svg {...svgAttributes(m)}>
      <defs>
        <clipPath id={clip}>
          <rect x={plot.x0} y={0} width={Math.max(0, plot.x1 - plot.x0)} height={plot.height} />
        </clipPath>
      </defs>
      <rect x={0} y={0} width={plot.width} height={plot.height} fill="#ffffff" />
      <g className="rl-st-axis">
        {m.ticks.map((tick) => (
          <g key={tick.t}>
            {gridLine(m, tick)}
            {tickLabel(m, tick)}
          </g>
        ))}
      </g>
      {laneLabels(m)}
      <g clipPath={`url(#${clip})`}>
        {selectedLaneBand(m)}
        {laneLines(m, plot, plot.x0, m.clientEnd)}
        <g className="rl-st-messages" transform={shifted}>
          {arrows(m)}
        </g>
        <g className="rl-st-marks" transform={shifted}>
          {laneMarks(m)}
        </g>
        {playhead(m)}
      </g>
    </svg>
  );
}

/**
 * The diagram as the lab shows it: the same drawing in three stacked parts, so that a window
 * following the playhead costs the browser what changed, not the whole picture.
 * - Below, `svg.rl-st-svg`: the background, the lane names, the selected lane's band and the
 *   time labels (a narrow strip redrawn as the window moves).
 * - In the middle, the plot's contents (grid, lanes, arrows, marks) in an SVG of their own, two
 *   spans wide from the time origin (a whole number of spans), inside a box that clips it to the
 *   plot. The window's slide is a CSS translation of that SVG, a composited layer: the compositor
 *   moves it and nothing is painted again but new or changed arrows. Drawn as one picture (the
 *   export), the whole plot was rastered again every frame (issue 11: 35 frames a second at 1x
 *   under requests, 550 ms of raster a second against 160 without the diagram).
 * - Above, the playhead in a transparent SVG.
 */
/** What one of the view's moving layers draws. */
interface LayerParts {
  messages: readonly VisibleMessage[];
  placed: Model['placed'];
  segments: readonly (readonly LaneSegment[])[];
}

/**
 * Splits what the moving layers draw at `settledMs`: the arrows that ended by then, the marks up
 * to it and each lane up to it are settled; the rest (in flight, newer, each lane from there on)
 * is live. Every message and mark lands in exactly one part, and each lane's two parts meet at
 * `settledMs` (the live one holds a lane's last segment even when it is a point).
 */
export function settleAt(
  settledMs: number,
  messages: readonly VisibleMessage[],
  placed: Model['placed'],
  segments: readonly (readonly LaneSegment[])[],
): { settled: LayerParts; live: LayerParts } {
  const ended = (v: VisibleMessage): boolean =>
    v.status !== 'flight' && (v.record.endMs ?? v.record.deliverMs) <= settledMs;
  const cut = (lane: readonly LaneSegment[], settled: boolean): LaneSegment[] => {
    const out: LaneSegment[] = [];
    lane.forEach((s, i) => {
      const from = settled ? s.from : Math.max(s.from, settledMs);
      const to = settled ? Math.min(s.to, settledMs) : s.to;
      const last = i === lane.length - 1;
      if (to > from || (to === from && last && (settled ? s.to <= settledMs : s.to >= settledMs)))
        out.push(from === s.from && to === s.to ? s : { ...s, from, to });
    });
    return out;
  };
  return {
    settled: {
      messages: messages.filter(ended),
      placed: placed.filter((p) => p.m.time <= settledMs),
      segments: segments.map((lane) => cut(lane, true)),
    },
    live: {
      messages: messages.filter((v) => !ended(v)),
      placed: placed.filter((p) => p.m.time > settledMs),
      segments: segments.map((lane) => cut(lane, false)),
    },
  };
}

export interface MovingLayerProps {
  className: string;
  model: Model;
  parts: LayerParts;
  /** The client lanes run from here to `clientTo` (x in the layer). */
  clientFrom: number;
  clientTo: number;
  grid: readonly Tick[];
  plotPx: number;
  /** Whether it draws arrows in flight, which end at the playhead (the live layer). */
  followsPlayhead: boolean;
}

/** Two lists of the same items in the same states (item by item, by identity of their facts). */
function sameParts(a: LayerParts, b: LayerParts): boolean {
  if (a === b) return true;
  const ma = a.messages;
  const mb = b.messages;
  if (ma.length !== mb.length || a.placed.length !== b.placed.length) return false;
  for (let i = 0; i < ma.length; i++) {
    const x = ma[i] as VisibleMessage;
    const y = mb[i] as VisibleMessage;
    if (x.record !== y.record || x.status !== y.status) return false;
  }
  for (let i = 0; i < a.placed.length; i++) {
    const x = a.placed[i] as Model['placed'][number];
    const y = b.placed[i] as Model['placed'][number];
    if (x.m !== y.m && (x.m.ordinal !== y.m.ordinal || x.m.kind !== y.m.kind)) return false;
    if (x.x !== y.x || x.y !== y.y) return false;
  }
  if (a.segments.length !== b.segments.length) return false;
  for (let i = 0; i < a.segments.length; i++) {
    const x = a.segments[i] as readonly LaneSegment[];
    const y = b.segments[i] as readonly LaneSegment[];
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) {
      const p = x[j] as LaneSegment;
      const q = y[j] as LaneSegment;
      if (
        p.from !== q.from ||
        p.to !== q.to ||
        p.term !== q.term ||
        p.role !== q.role ||
        p.crashed !== q.crashed
      )
        return false;
    }
  }
  return true;
}

/**
 * A layer's drawing changes only with what it draws and how: not with the window's slide (its
 * translation is the layer's style, set by SpaceTimeView) nor with the playhead, which the settled
 * layer never draws. So a frame that settles nothing skips the settled layer whole.
 */
export function sameLayer(p: MovingLayerProps, n: MovingLayerProps): boolean {
  const a = p.model;
  const b = n.model;
  return (
    p.className === n.className &&
    p.clientFrom === n.clientFrom &&
    p.clientTo === n.clientTo &&
    p.plotPx === n.plotPx &&
    p.followsPlayhead === n.followsPlayhead &&
    sameTicks(p.grid, n.grid) &&
    a.originMs === b.originMs &&
    a.spanMs === b.spanMs &&
    a.k === b.k &&
    a.lang === b.lang &&
    a.scale === b.scale &&
    a.props.t === b.props.t &&
    a.props.lanes === b.props.lanes &&
    a.props.plot.x0 === b.props.plot.x0 &&
    a.props.plot.x1 === b.props.plot.x1 &&
    a.props.plot.height === b.props.plot.height &&
    (!n.followsPlayhead || a.props.playheadMs === b.props.playheadMs) &&
    a.props.selectedMessage === b.props.selectedMessage &&
    a.props.onSelectMessage === b.props.onSelectMessage &&
    sameParts(p.parts, n.parts) &&
    // Labels shown: the same marks may lose or gain room as neighbours come and go.
    p.parts.placed.every(
      (x, i) => a.labelled.has(x) === b.labelled.has(n.parts.placed[i] as Model['placed'][number]),
    )
  );
}

function sameTicks(a: readonly Tick[], b: readonly Tick[]): boolean {
  return a.length === b.length && a.every((x, i) => x.t === b[i]?.t && x.x === b[i]?.x);
}

/** One of SpaceTimeView's moving layers: an SVG two spans wide, in the origin's coordinates. */
export const MovingLayer = memo(function MovingLayer(props: MovingLayerProps) {
  const { model: m, parts, plotPx } = props;
  const { plot } = m.props;
  return (
    <svg
      className={`rl-st-moving ${props.className}`}
      width={2 * plotPx}
      height={plot.height}
      viewBox={`${plot.x0} 0 ${2 * plotPx} ${plot.height}`}
      fontFamily={FONT_FAMILY}
      fontSize={11}
    >
      {props.grid.length > 0 ? (
        <g className="rl-st-axis">
          {props.grid.map((tick) => (
            <g key={tick.t}>{gridLine(m, tick)}</g>
          ))}
        </g>
      ) : null}
      {laneLines(m, m.arrowPlot, props.clientFrom, props.clientTo, parts.segments)}
      {arrows(m, parts.messages)}
      {laneMarks(m, parts.placed)}
    </svg>
  );
}, sameLayer);

/**
 * The diagram as the lab shows it: the same drawing in stacked parts, so that a window following
 * the playhead costs the browser what changed, not the whole picture. Drawn as one SVG (what the
 * export saves), the whole plot was painted and rastered again every frame (issue 11: about 36
 * frames a second at 1x under requests, and 550 ms of raster a second against 160 without the
 * diagram).
 * - Below, `svg.rl-st-svg`: the background, the lane names, the selected lane's band and the
 *   time labels (a narrow strip drawn again as the window moves).
 * - In the middle, the plot's contents in two layers, SVGs two spans wide in the coordinates of
 *   the window's time origin, clipped to the plot. The window's slide is a CSS translation of
 *   both, composited layers, so the compositor moves them and nothing is painted for it.
 *   - The settled layer holds the grid, the arrows that ended, the marks and the lanes up to the
 *     last settle step (SETTLE_STEPS a span): it is drawn again only at a settle step.
 *   - The live layer holds the rest: arrows in flight or newer, the lanes' last stretch. It is
 *     drawn every frame, but it holds a few arrows, cheap to raster.
 * - Above, the playhead in a transparent SVG.
 * Arrows are drawn from the settle step the window starts in, so one that leaves the window on
 * the left is removed at a settle step too; the clip hides what lies before the window.
 */
/**
 * What SpaceTimeView draws for its props: the model, where it draws from and what is settled, and
 * the props of its two moving layers.
 */
export function viewLayers(props: SpaceTimeDiagramProps) {
  const m = diagramModel(props, '');
  const { plot } = props;
  const plotPx = Math.max(0, plot.x1 - plot.x0);
  // The origin's two spans: the window shown lies within them until the origin moves on.
  const wide: Plot = {
    ...m.arrowPlot,
    x1: plot.x0 + 2 * plotPx,
    window: { fromMs: m.originMs, toMs: m.originMs + 2 * m.spanMs },
  };
  const drawnFrom = drawnFromMs(plot.window.fromMs, m.spanMs, props.nowMs);
  const clientEnd = xAt(m.arrowPlot, Math.min(props.nowMs, plot.window.toMs));
  const settledMs = Math.max(drawnFrom, settleFloor(props.nowMs, m.spanMs));
  const settledX = Math.min(clientEnd, xAt(m.arrowPlot, settledMs));
  const parts = settleAt(settledMs, props.messages, m.placed, props.segments);
  const settled: MovingLayerProps = {
    className: 'is-settled',
    model: m,
    parts: parts.settled,
    clientFrom: plot.x0,
    clientTo: settledX,
    grid: timeTicks(wide, m.tickPx),
    plotPx,
    followsPlayhead: false,
  };
  const live: MovingLayerProps = {
    className: 'is-live',
    model: m,
    parts: parts.live,
    clientFrom: settledX,
    clientTo: clientEnd,
    grid: NO_TICKS,
    plotPx,
    followsPlayhead: true,
  };
  return { m, plotPx, drawnFrom, settledMs, settled, live };
}

export function SpaceTimeView(props: SpaceTimeDiagramProps) {
  const { m, plotPx, drawnFrom, settledMs, settled, live } = viewLayers(props);
  const { plot } = props;
  const slide = { transform: `translateX(${m.arrowShift}px)` };
  return (
    <div className="rl-st-view" style={{ width: plot.width, height: plot.height }}>
      <svg {...svgAttributes(m)} data-drawn-from-ms={drawnFrom} data-settled-ms={settledMs}>
        <rect x={0} y={0} width={plot.width} height={plot.height} fill="#ffffff" />
        <g className="rl-st-axis">
          {m.ticks.map((tick) => (
            <g key={tick.t}>{tickLabel(m, tick)}</g>
          ))}
        </g>
        {laneLabels(m)}
        {selectedLaneBand(m)}
      </svg>
      <div className="rl-st-window" style={{ left: plot.x0, width: plotPx, height: plot.height }}>
        <div className="rl-st-slide is-settled" style={slide}>
          <MovingLayer {...settled} />
        </div>
        <div className="rl-st-slide is-live" style={slide}>
          <MovingLayer {...live} />
        </div>
      </div>
      <svg
        className="rl-st-overlay"
        width={plot.width}
        height={plot.height}
        viewBox={`0 0 ${plot.width} ${plot.height}`}
        aria-hidden="true"
      >
        {playhead(m)}
      </svg>
    </div>
  );
}

const NO_TICKS: readonly Tick[] = [];
