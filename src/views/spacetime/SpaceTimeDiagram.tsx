/**
 * The space-time diagram as an SVG, props only: lanes, the messages of the window as arrows, the
 * lane marks, the playhead. Every colour is an attribute (no stylesheet), so the very same
 * markup is what "Export SVG" saves.
 */
import { forwardRef, memo, useId, type Ref } from 'react';
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
  tickLabelX,
  timeTicks,
  xAt,
  LAB_SCALE,
  type DiagramScale,
  type Lane,
  type Plot,
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
      <title>{arrowTitle(t, lang, v, endpointLabel)}</title>
      {selected ? (
        <line
          x1={a.x1}
          y1={a.y1}
          x2={a.x2}
          y2={a.y2}
          stroke={SELECT_COLOR}
          strokeWidth={7 * k}
          strokeLinecap="round"
          opacity={0.7}
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
          opacity={0.5}
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
        opacity={v.status === 'delivered' && !selected ? 0.8 : 1}
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
      {/* A wide transparent line: easy to click on a thin arrow. */}
      <line
        x1={a.x1}
        y1={a.y1}
        x2={a.x2}
        y2={a.y2}
        stroke="#000000"
        strokeOpacity={0}
        strokeWidth={10 * k}
      />
    </g>
  );
}, sameArrowMark);

function SpaceTimeDiagramInner(props: SpaceTimeDiagramProps, ref: Ref<SVGSVGElement>) {
  const { plot, lanes, segments, messages, marks, playheadMs, nowMs, t } = props;
  const lang = props.lang ?? 'en';
  const decimal = decimalSeparator(lang);
  const { selectedMessage, selectedServer, onSelectMessage, onSelectServer } = props;
  const scale = props.scale ?? LAB_SCALE;
  const k = scale.stroke;
  const clip = `rl-st-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const laneY = new Map<Endpoint, number>(lanes.map((l) => [l.endpoint, l.y]));
  const ticks = timeTicks(plot, Math.max(70, scale.tickFont * 5));
  const plotTop = scale.axisPx - 4;
  const plotBottom = plot.height - 2;
  const playX = xAt(plot, playheadMs);
  const clientEnd = xAt(plot, Math.min(nowMs, plot.window.toMs));
  // Labels are drawn only where they have room on their lane: above it a term (a leader's wins
  // over a candidate's), below it a commit index (each server commits every index).
  // The arrows and marks are drawn against a time origin that stays put while the window follows the
  // playhead (a whole number of spans), and the group is moved by a transform: between two such
  // steps an arrow or a mark keeps its coordinates, so React leaves it alone (ArrowMark, Mark).
  const spanMs = plot.window.toMs - plot.window.fromMs || 1;
  const originMs = Math.floor(plot.window.fromMs / spanMs) * spanMs;
  const arrowPlot: Plot =
    originMs === plot.window.fromMs
      ? plot
      : { ...plot, window: { fromMs: originMs, toMs: originMs + spanMs } };
  const arrowShift = xAt(plot, originMs) - plot.x0;
  const shifted = arrowShift === 0 ? undefined : `translate(${arrowShift},0)`;
  const placed = marks.map((m) => ({ m, y: laneY.get(m.server), x: xAt(arrowPlot, m.time) }));
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
  return (
    <svg
      ref={ref}
      className="rl-st-svg"
      xmlns="http://www.w3.org/2000/svg"
      width={plot.width}
      height={plot.height}
      viewBox={`0 0 ${plot.width} ${plot.height}`}
      fontFamily={FONT_FAMILY}
      fontSize={11}
      role="group"
      aria-label={t('st.svgLabel', {
        from: formatTime(plot.window.fromMs, lang),
        to: formatTime(plot.window.toMs, lang),
        count: messages.length,
      })}
      data-from-ms={plot.window.fromMs}
      data-to-ms={plot.window.toMs}
      data-playhead-ms={playheadMs}
    >
      <defs>
        <clipPath id={clip}>
          <rect x={plot.x0} y={0} width={Math.max(0, plot.x1 - plot.x0)} height={plot.height} />
        </clipPath>
      </defs>
      <rect x={0} y={0} width={plot.width} height={plot.height} fill="#ffffff" />
      <g className="rl-st-axis">
        {ticks.map((tick) => (
          <g key={tick.t}>
            <line x1={tick.x} y1={plotTop} x2={tick.x} y2={plotBottom} stroke={GRID_COLOR} />
            <text
              x={tickLabelX(tick.x, tick.label, scale.tickFont, plot.width)}
              y={scale.axisPx - 7}
              textAnchor="middle"
              fontSize={scale.tickFont}
              fill="#4b5563"
            >
              {tick.label.replace('.', decimal)}
            </text>
          </g>
        ))}
      </g>
      {lanes.map((lane) => {
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
      })}
      <g clipPath={`url(#${clip})`}>
        {lanes.map((lane) =>
          lane.client ? (
            <line
              key={lane.endpoint}
              className="rl-st-lane"
              x1={plot.x0}
              y1={lane.y}
              x2={clientEnd}
              y2={lane.y}
              stroke="#cbd5e1"
              strokeWidth={1.5 * k}
            />
          ) : (
            <g key={lane.endpoint} className="rl-st-lane" data-server={lane.endpoint}>
              {lane.endpoint === selectedServer ? (
                <line
                  x1={plot.x0}
                  y1={lane.y}
                  x2={plot.x1}
                  y2={lane.y}
                  stroke={SELECT_COLOR}
                  strokeWidth={10 * k}
                  opacity={0.3}
                />
              ) : null}
              {(segments[lane.endpoint - 1] ?? []).map((s, i) => (
                <line
                  key={i}
                  x1={xAt(plot, s.from)}
                  y1={lane.y}
                  x2={Math.max(xAt(plot, s.to), xAt(plot, s.from) + 0.5)}
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
        )}
        <g className="rl-st-messages" transform={shifted}>
          {messages.map((v) => {
            const a = arrowOf(v, laneY, arrowPlot, playheadMs);
            if (a === null) return null;
            return (
              <ArrowMark
                key={v.record.id}
                v={v}
                a={a}
                selected={v.record.id === selectedMessage}
                k={k}
                t={t}
                lang={lang}
                onSelectMessage={onSelectMessage}
              />
            );
          })}
        </g>
        <g className="rl-st-marks" transform={shifted}>
          {placed.map((p) => {
            const { m, x, y } = p;
            if (y === undefined) return null;
            return (
              <Mark
                key={`${m.ordinal}-${m.server}-${m.kind}`}
                m={m}
                x={x}
                y={y}
                t={t}
                lang={lang}
                showLabel={labelled.has(p)}
                scale={scale}
              />
            );
          })}
        </g>
        {playX >= plot.x0 && playX <= plot.x1 ? (
          <line
            className="rl-st-playhead"
            x1={playX}
            y1={plotTop}
            x2={playX}
            y2={plotBottom}
            stroke={PLAYHEAD_COLOR}
            strokeWidth={1.5 * k}
          />
        ) : null}
      </g>
    </svg>
  );
}

export const SpaceTimeDiagram = forwardRef(SpaceTimeDiagramInner);
