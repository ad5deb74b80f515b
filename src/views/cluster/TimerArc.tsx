/**
 * The election timer around a follower or candidate: the ring shrinks as the deadline nears
 * (F2-F2, the election timeout). It is the only part of a server that follows the fractional
 * display time, so it is its own component, and React renders it only when the deadline or the
 * timeout changes: between those, useLiveTime moves the ring's dash offset straight in the DOM
 * (a stroke change repaints the ring; a new path would lay the SVG out again).
 */
import { useRef } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import { setAttr, setText, useLiveTime } from '../useLiveTime.ts';
import { timerFraction, timerRing } from './geometry.ts';

export function TimerArc({ id, r }: { id: number; r: number }) {
  const t = useLabT();
  const store = useLabStore();
  const deadline = useLab((s) => s.frame.servers[id - 1]?.electionDeadlineMs ?? 0);
  const timeout = useLab((s) => s.frame.servers[id - 1]?.electionTimeoutMs ?? 0);
  const group = useRef<SVGGElement>(null);
  const ring = useRef<SVGCircleElement>(null);
  // An SVG <title>, typed as React types <title>.
  const title = useRef<HTMLTitleElement>(null);
  const geometry = timerRing(r);
  const titleAt = (now: number): string =>
    t('tip.timer', { left: Math.max(0, Math.round(deadline - now)), total: timeout });
  const look = (now: number) => {
    const fraction = timerFraction(deadline, timeout, now);
    return { offset: geometry.offset(fraction), due: fraction < 0.25 };
  };
  useLiveTime((now) => {
    const { offset, due } = look(now);
    setAttr(ring.current, 'stroke-dashoffset', offset);
    setAttr(group.current, 'class', `rl-timer${due ? ' is-due' : ''}`);
  });
  const now = store.getState().displayTime;
  const first = look(now);
  return (
    <g
      ref={group}
      className={`rl-timer${first.due ? ' is-due' : ''}`}
      // The tooltip's "ms left" is brought up to date when the pointer comes to show it.
      onPointerEnter={() => setText(title.current, titleAt(store.getState().displayTime))}
    >
      <title ref={title}>{titleAt(now)}</title>
      <circle className="rl-timer-track" r={r + 5} />
      <circle
        ref={ring}
        className="rl-timer-arc"
        r={geometry.radius}
        transform="rotate(-90)"
        strokeDasharray={geometry.dashArray}
        strokeDashoffset={first.offset}
      />
    </g>
  );
}
