/**
 * Messages in flight, each drawn where (now − sent) / (deliver − sent) puts it on its link. Shape
 * tells the RPC (circle RequestVote, square AppendEntries, small hollow square heartbeat, pill
 * InstallSnapshot with its chunk "k/n", hexagon ReadIndex with the read index in its answer,
 * diamond client), fill tells request from reply, an arrowhead the direction, and a doomed
 * message fades out with a red cross. Colour (the term) is only a second cue.
 */
import { memo, useRef } from 'react';
import type { Message } from '../../core/types.ts';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import type { FrameNetwork } from '../../store/frame.ts';
import { termFill } from '../colors.ts';
import { steppedMessageTime, useReducedMotion } from '../motion.ts';
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
): { transform: string; arrow: string; opacity: string; crossed: boolean } {
  const pos = messagePosition(message, stepped ? steppedMessageTime(message, now) : now, layout);
  return {
    transform: `translate(${pos.x.toFixed(2)},${pos.y.toFixed(2)})`,
    arrow: `rotate(${pos.angleDeg.toFixed(1)})`,
    opacity: String(doomed ? lostMessageOpacity(pos.progress) : 1),
    crossed: doomed && pos.progress > 0.35,
  };
}

/**
 * React renders a mark when it appears, when its message, the network or the selection changes;
 * between those, useLiveTime moves it along its link (its transform, its fading) in the DOM.
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
  const mark = useRef<SVGGElement>(null);
  const cross = useRef<SVGPathElement>(null);
  // An SVG <title>, typed as React types <title>.
  const title = useRef<HTMLTitleElement>(null);
  const look = messageLook(message);
  const doomed = isDoomed(message, network);
  useLiveTime((now) => {
    const motion = markMotion(message, now, layout, doomed, stepped);
    setAttr(mark.current, 'transform', motion.transform);
    setAttr(mark.current, 'opacity', motion.opacity);
    setAttr(cross.current, 'display', motion.crossed ? 'inline' : 'none');
  });
  const now = store.getState().displayTime;
  const first = markMotion(message, now, layout, doomed, stepped);
  const s = SIZE_PX[look.shape] * markScale(layout);
  const wide = look.shape === 'pill' || look.shape === 'hexagon';
  const fontSize = wide ? Math.max(8.5, s * 1.3) : Math.max(9, s * 1.45);
  // The arrowhead sits past the mark's edge, wider for a pill or a long read index.
  const hw = markHalfWidth(look.shape, look.glyph, s, fontSize);
  const color = look.term === null ? 'var(--rl-client, #3b4250)' : termFill(look.term);
  const classes = [
    'rl-msg',
    `rl-msg-${message.body.type}`,
    look.filled ? 'is-request' : 'is-reply',
    doomed ? 'is-doomed' : '',
    selected ? 'is-selected' : '',
  ].join(' ');
  return (
    <g
      ref={mark}
      className={classes}
      data-message={message.id}
      transform={first.transform}
      opacity={first.opacity}
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
        transform={first.arrow}
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
  );
});

export function MessageLayer({ layout }: { layout: RingLayout }) {
  const inFlight = useLab((s) => s.frame.inFlight);
  const network = useLab((s) => s.frame.network);
  const selectedId = useLab((s) => (s.selection?.kind === 'message' ? s.selection.id : null));
  const stepped = useReducedMotion();
  return (
    <g className="rl-messages">
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
    </g>
  );
}
