/**
 * Messages in flight, each drawn where (now − sent) / (deliver − sent) puts it on its link. Shape
 * tells the RPC (circle RequestVote, square AppendEntries, small hollow square heartbeat, pill
 * InstallSnapshot with its chunk "k/n", hexagon ReadIndex with the read index in its answer,
 * diamond client), fill tells request from reply, an arrowhead the direction, and a doomed
 * message fades out with a red cross. Colour (the term) is only a second cue.
 *
 * They are drawn over the cluster's SVG, each in a small SVG of its own inside an HTML box: while
 * the lab plays, the box glides along the link as a Web Animation of its transform (and its
 * fading) placed on the document timeline (glide.ts), so the compositor moves it and the page's
 * main thread does nothing per frame. Paused, the box stands still at the display time.
 */
import { memo, useEffect, useLayoutEffect, useRef } from 'react';
import type { Message } from '../../core/types.ts';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import type { FrameNetwork } from '../../store/frame.ts';
import { termFill } from '../colors.ts';
import { registerLiveParts } from '../export/liveParts.ts';
import type { LivePart } from '../export/liveParts.ts';
import { glideAnimation, useGlide } from '../glide.ts';
import { MESSAGE_STEPS, steppedMessageTime, useReducedMotion } from '../motion.ts';
import { setAttr, setText, useLiveTime } from '../useLiveTime.ts';
import type { RingLayout } from './geometry.ts';
import { lostMessageOpacity, messagePosition } from './geometry.ts';
import { hexagonPath, isDoomed, markHalfWidth, messageLook, messageTitle } from './marks.ts';
import type { MessageShape } from './marks.ts';

const SIZE_PX: Readonly<Record<MessageShape, number>> = {
  circle: 7,
  square: 7,
  smallSquare: 4.5,
  diamond: 7,
  pill: 6.5,
  hexagon: 6.5,
};

function Shape({ shape, s, hw }: { shape: MessageShape; s: number; hw: number }) {
  if (shape === 'circle') return <circle className="rl-msg-shape" r={s} />;
  if (shape === 'hexagon') return <path className="rl-msg-shape" d={hexagonPath(hw, s)} />;
  if (shape === 'pill') {
    return <rect className="rl-msg-shape" x={-hw} y={-s} width={2 * hw} height={2 * s} rx={s} />;
  }
  if (shape === 'diamond') {
    return (
      <path
        className="rl-msg-shape"
        d={`M0,${-s * 1.2}L${s * 1.2},0L0,${s * 1.2}L${-s * 1.2},0Z`}
      />
    );
  }
  return <rect className="rl-msg-shape" x={-s} y={-s} width={2 * s} height={2 * s} rx={1.5} />;
}

/** Marks grow with the servers (a projector) and shrink for a crowded 9-server ring. */
function markScale(layout: RingLayout): number {
  return Math.min(1.6, Math.max(0.8, layout.nodeRadius / 30));
}

interface MarkProps {
  message: Message;
  layout: RingLayout;
  network: FrameNetwork;
  selected: boolean;
  /** Reduced motion: drawn in steps along its link instead of gliding (motion.ts). */
  stepped: boolean;
}

/** What of a mark moves with the display time: its place, its fading and, doomed, its cross. */
function markMotion(
  message: Message,
  now: number,
  layout: RingLayout,
  doomed: boolean,
  stepped: boolean,
): { x: number; y: number; opacity: string; crossed: boolean } {
  const pos = messagePosition(message, stepped ? steppedMessageTime(message, now) : now, layout);
  return {
    x: pos.x,
    y: pos.y,
    opacity: String(doomed ? lostMessageOpacity(pos.progress) : 1),
    crossed: doomed && pos.progress > 0.35,
  };
}

/** A CSS transform to a point of the ring (the layer is in the SVG's coordinates). */
function cssAt(x: number, y: number): string {
  return `translate(${x.toFixed(2)}px, ${y.toFixed(2)}px)`;
}

/** Progress 0.6: a doomed message starts to fade (lostMessageOpacity). */
const FADE_FROM = 0.6;

/**
 * The keyframes of a mark's journey, offsets over [sent, deliver]: a straight line at constant
 * speed, fading from FADE_FROM when doomed; with reduced motion, held in the middle of each of
 * the MESSAGE_STEPS stretches (steppedMessageTime) and hopping between them.
 */
export function journeyKeyframes(
  message: Message,
  layout: RingLayout,
  doomed: boolean,
  stepped: boolean,
): Keyframe[] {
  const span = message.deliverMs - message.sentMs;
  const at = (progress: number) => {
    const pos = messagePosition(message, message.sentMs + progress * span, layout);
    return {
      transform: cssAt(pos.x, pos.y),
      opacity: doomed ? lostMessageOpacity(pos.progress) : 1,
    };
  };
  if (stepped) {
    const frames: Keyframe[] = [];
    for (let k = 0; k < MESSAGE_STEPS; k++) {
      frames.push({
        offset: k / MESSAGE_STEPS,
        easing: 'steps(1, end)',
        ...at((k + 0.5) / MESSAGE_STEPS),
      });
    }
    frames.push({ offset: 1, ...at((MESSAGE_STEPS - 0.5) / MESSAGE_STEPS) });
    return frames;
  }
  if (!doomed)
    return [
      { offset: 0, ...at(0) },
      { offset: 1, ...at(1) },
    ];
  return [
    { offset: 0, ...at(0) },
    { offset: FADE_FROM, ...at(FADE_FROM) },
    { offset: 1, ...at(1) },
  ];
}

/**
 * Wall ms a glide holds a message at its end past its delivery (glideAnimation): the driver wakes
 * for the delivery within a frame or two and removes it, with its animation still running.
 */
export const DELIVERY_HOLD_WALL_MS = 500;

/** A flight that lasts less wall time than this is placed from script, frame by frame. */
export const BRIEF_FLIGHT_WALL_MS = 50;

/**
 * React renders a mark when it appears, when its message, the network or the selection changes.
 * While the lab plays it glides as an animation planned again only when the glide changes; paused,
 * useLiveTime places it at the display time. The cross of a doomed message is written when the
 * driver wakes (a tenth of a second at the most).
 */
const MessageMark = memo(function MessageMark({
  message,
  layout,
  network,
  selected,
  stepped,
}: MarkProps) {
  const t = useLabT();
  const store = useLabStore();
  const glide = useGlide();
  const box = useRef<HTMLDivElement>(null);
  const cross = useRef<SVGPathElement>(null);
  // An SVG <title>, typed as React types <title>.
  const title = useRef<HTMLTitleElement>(null);
  const look = messageLook(message);
  const doomed = isDoomed(message, network);
  // A flight shorter than a few frames (10-20 virtual ms at 1x) is not worth an animation: made
  // for each of some 150 messages a second, they cost the main thread more than they save. Such a
  // mark asks the driver for every frame while it flies and is placed from script.
  const brief =
    glide !== null && (message.deliverMs - message.sentMs) / glide.speed < BRIEF_FLIGHT_WALL_MS;
  const animated = glide !== null && !brief;
  useLiveTime((now) => {
    const motion = markMotion(message, now, layout, doomed, stepped);
    const el = box.current;
    if (!animated && el !== null) {
      const transform = cssAt(motion.x, motion.y);
      if (el.style.transform !== transform) el.style.transform = transform;
      const opacity = motion.opacity === '1' ? '' : motion.opacity;
      if (el.style.opacity !== opacity) el.style.opacity = opacity;
    }
    setAttr(cross.current, 'display', motion.crossed ? 'inline' : 'none');
  }, brief);
  useLayoutEffect(() => {
    const el = box.current;
    if (!animated || glide === null || el === null) return;
    const keyframes = journeyKeyframes(message, layout, doomed, stepped);
    // Held past the delivery, so that the frame delivering it removes a running animation.
    const animation = glideAnimation(
      el,
      keyframes,
      message.sentMs,
      message.deliverMs,
      glide,
      DELIVERY_HOLD_WALL_MS,
    );
    return () => animation?.cancel();
  }, [animated, glide, message, layout, doomed, stepped]);
  const now = store.getState().displayTime;
  const first = markMotion(message, now, layout, doomed, stepped);
  const s = SIZE_PX[look.shape] * markScale(layout);
  const wide = look.shape === 'pill' || look.shape === 'hexagon';
  const fontSize = wide ? Math.max(8.5, s * 1.3) : Math.max(9, s * 1.45);
  // The arrowhead sits past the mark's edge, wider for a pill or a long read index.
  const hw = markHalfWidth(look.shape, look.glyph, s, fontSize);
  // The small SVG's half size: room for the hit circle, the halo, the arrow and the cross.
  const half = Math.ceil(Math.max(hw + 8, s + 5));
  const angle = messagePosition(message, message.sentMs, layout).angleDeg;
  const color = look.term === null ? 'var(--rl-client, #3b4250)' : termFill(look.term);
  const classes = [
    'rl-msg',
    `rl-msg-${message.body.type}`,
    look.filled ? 'is-request' : 'is-reply',
    doomed ? 'is-doomed' : '',
    selected ? 'is-selected' : '',
  ].join(' ');
  return (
    <div ref={box} className="rl-msg-box">
      <svg
        className="rl-msg-svg"
        width={2 * half}
        height={2 * half}
        viewBox={`${-half} ${-half} ${2 * half} ${2 * half}`}
        style={{ left: -half, top: -half }}
      >
        <g
          className={classes}
          data-message={message.id}
          style={{ color }}
          onClick={(e) => {
            e.stopPropagation();
            store.getState().select({ kind: 'message', id: message.id });
          }}
          // The tooltip's "arrives in … ms" is brought up to date when the pointer comes to show it.
          onPointerEnter={() =>
            setText(title.current, messageTitle(message, store.getState().displayTime, network, t))
          }
        >
          <title ref={title}>{messageTitle(message, now, network, t)}</title>
          <circle className="rl-msg-hit" r={hw + 6} />
          {selected ? <circle className="rl-msg-halo" r={hw + 5} /> : null}
          <path
            className="rl-msg-arrow"
            transform={`rotate(${angle.toFixed(1)})`}
            d={`M${hw + 2},-3.5L${hw + 7},0L${hw + 2},3.5Z`}
          />
          <Shape shape={look.shape} s={s} hw={hw} />
          {look.glyph ? (
            <text className="rl-msg-glyph" textAnchor="middle" dy="0.36em" fontSize={fontSize}>
              {look.glyph}
            </text>
          ) : null}
          {doomed ? (
            <path
              ref={cross}
              className="rl-msg-lost"
              display={first.crossed ? 'inline' : 'none'}
              d={`M${-s - 3},${-s - 3}L${s + 3},${s + 3}M${s + 3},${-s - 3}L${-s - 3},${s + 3}`}
            />
          ) : null}
        </g>
      </svg>
    </div>
  );
});

/**
 * The messages' layer over the cluster's SVG, in its coordinates (`width` × `height`, magnified
 * by `scale` as the SVG's view box is). It registers what it draws for the SVG and PNG export,
 * placed from the state at the display time.
 */
export function MessageLayer({
  layout,
  width,
  height,
  scale,
}: {
  layout: RingLayout;
  width: number;
  height: number;
  scale: number;
}) {
  const store = useLabStore();
  const inFlight = useLab((s) => s.frame.inFlight);
  const network = useLab((s) => s.frame.network);
  const selectedId = useLab((s) => (s.selection?.kind === 'message' ? s.selection.id : null));
  const stepped = useReducedMotion();
  const layer = useRef<HTMLDivElement>(null);
  const drawn = useRef({ layout, stepped });
  drawn.current = { layout, stepped };
  useEffect(
    () =>
      registerLiveParts({
        over: () => layer.current?.parentElement ?? null,
        parts: () => {
          const s = store.getState();
          const out: LivePart[] = [];
          for (const m of s.frame.inFlight) {
            const source = layer.current?.querySelector(`.rl-msg[data-message="${m.id}"]`);
            if (source === null || source === undefined) continue;
            const doomed = isDoomed(m, s.frame.network);
            const { layout: at, stepped: hops } = drawn.current;
            const motion = markMotion(m, s.displayTime, at, doomed, hops);
            out.push({
              source,
              transform: `translate(${motion.x.toFixed(2)},${motion.y.toFixed(2)})`,
              opacity: motion.opacity === '1' ? undefined : motion.opacity,
              attributes: undefined,
            });
          }
          return out;
        },
      }),
    [store],
  );
  return (
    <div
      ref={layer}
      className="rl-cluster-motion rl-messages"
      style={{ width, height, transform: scale === 1 ? undefined : `scale(${scale})` }}
    >
      {inFlight.map((m) => (
        <MessageMark
          key={m.id}
          message={m}
          layout={layout}
          network={network}
          selected={m.id === selectedId}
          stepped={stepped}
        />
      ))}
    </div>
  );
}
