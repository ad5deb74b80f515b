/**
 * The election timer around a follower or candidate: the ring shrinks as the deadline nears
 * (F2-F2, the election timeout). The grey track stays in the cluster's SVG; the ring itself is
 * drawn over it in an HTML layer (ringLayer.ts) with transforms only, so the compositor can
 * drain it: two half rings, each turning inside a box that shows one half of the circle. While
 * the right half stays full, the left one turns away (the remaining arc ends on the left side);
 * then the right one turns away too. While the lab plays the turns are Web Animations placed on
 * the document timeline (glide.ts); paused, they are written at the display time. React renders
 * it only when the deadline, the timeout or the place changes; `is-due` (the last quarter) is
 * written when the driver wakes (at most a tenth of a second late).
 */
import { useContext, useEffect, useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import { registerLiveParts } from '../export/liveParts.ts';
import { glideAnimation, useGlide } from '../glide.ts';
import { setText, useLiveTime } from '../useLiveTime.ts';
import { timerFraction } from './geometry.ts';
import { RingLayerContext } from './ringLayer.ts';

/**
 * Turns of the right and left half rings, in degrees (counter-clockwise), for a fraction left;
 * the left one is hidden once it has turned away (its overlap would show at the top).
 */
export function halfTurns(fraction: number): { right: number; left: number; leftShown: boolean } {
  const f = Math.min(1, Math.max(0, fraction));
  return f >= 0.5
    ? { right: 0, left: -(1 - f) * 360, leftShown: true }
    : { right: -(0.5 - f) * 360, left: -180, leftShown: false };
}

/**
 * The half boxes overlap by this much (CSS px) across the centre line, and each half ring runs
 * that far past its half: where the line falls inside a device pixel, the two halves would each
 * cover part of it and leave a faint seam at the top and the bottom.
 */
const OVERLAP_PX = 1;

/** A half ring, clockwise from `fromDeg` (0 = top), a little longer than 180° (OVERLAP_PX). */
function halfRingPath(fromDeg: number, radius: number): string {
  const extra = (1.5 * OVERLAP_PX) / radius;
  const a0 = (fromDeg * Math.PI) / 180 - extra;
  const a1 = ((fromDeg + 180) * Math.PI) / 180 + extra;
  const at = (a: number) =>
    `${(radius * Math.sin(a)).toFixed(3)},${(-radius * Math.cos(a)).toFixed(3)}`;
  return `M${at(a0)}A${radius},${radius} 0 1 1 ${at(a1)}`;
}

/** The ring's remaining arc as one SVG path (for the export), clockwise from the top. */
export function remainingArc(fraction: number, radius: number): string {
  const f = Math.min(1, Math.max(0, fraction));
  if (f <= 0) return 'M0,0';
  if (f >= 1)
    return `M0,${-radius}A${radius},${radius} 0 1 1 0,${radius}A${radius},${radius} 0 1 1 0,${-radius}`;
  const a = f * 2 * Math.PI;
  const x = (radius * Math.sin(a)).toFixed(2);
  const y = (-radius * Math.cos(a)).toFixed(2);
  return `M0,${-radius}A${radius},${radius} 0 ${f > 0.5 ? 1 : 0} 1 ${x},${y}`;
}

const turn = (deg: number): string => `rotate(${deg.toFixed(2)}deg)`;

/** What a ring turned from script last wrote, and to which elements (null: nothing yet). */
interface WrittenTurns {
  right: HTMLDivElement | null;
  left: HTMLDivElement | null;
  rightTurn: string | null;
  leftTurn: string | null;
  opacity: string | null;
}

/** A ring whose whole timeout lasts less wall time than this is turned from script. */
export const BRIEF_RING_WALL_MS = 1000;

export function TimerArc({ id, r, x, y }: { id: number; r: number; x: number; y: number }) {
  const t = useLabT();
  const store = useLabStore();
  const layer = useContext(RingLayerContext);
  const glide = useGlide();
  const deadline = useLab((s) => s.frame.servers[id - 1]?.electionDeadlineMs ?? 0);
  const timeout = useLab((s) => s.frame.servers[id - 1]?.electionTimeoutMs ?? 0);
  const ring = useRef<HTMLDivElement>(null);
  const right = useRef<HTMLDivElement>(null);
  const left = useRef<HTMLDivElement>(null);
  const rightPath = useRef<SVGPathElement>(null);
  // An SVG <title>, typed as React types <title>.
  const title = useRef<HTMLTitleElement>(null);
  const lastWritten = useRef<WrittenTurns>({
    right: null,
    left: null,
    rightTurn: null,
    leftTurn: null,
    opacity: null,
  });
  const radius = r + 5;
  const half = r + 8;
  // A ring that drains in under a second of wall time (at 1x) is reset by heartbeats every few
  // frames: it is turned from script, frame by frame, rather than by two animations per reset.
  const brief = glide !== null && timeout / glide.speed < BRIEF_RING_WALL_MS;
  const animated = glide !== null && !brief;
  const titleAt = (now: number): string =>
    t('tip.timer', { left: Math.max(0, Math.round(deadline - now)), total: timeout });
  useLiveTime((now) => {
    const fraction = timerFraction(deadline, timeout, now);
    const box = ring.current;
    if (box === null) return;
    const due = fraction < 0.25;
    if (box.classList.contains('is-due') !== due) box.classList.toggle('is-due', due);
    if (animated) return;
    const turns = halfTurns(fraction);
    // Compared with what was last written, not read back from the style (a CSSOM read
    // serializes the value): at 1x nine rings are turned here every frame.
    const written = lastWritten.current;
    const rightTurn = turn(turns.right);
    const leftTurn = turn(turns.left);
    const opacity = turns.leftShown ? '' : '0';
    if (right.current !== null && right.current !== written.right) {
      written.right = right.current;
      written.rightTurn = null;
    }
    if (left.current !== null && left.current !== written.left) {
      written.left = left.current;
      written.leftTurn = null;
      written.opacity = null;
    }
    if (right.current !== null && written.rightTurn !== rightTurn) {
      right.current.style.transform = rightTurn;
      written.rightTurn = rightTurn;
    }
    if (left.current !== null && written.leftTurn !== leftTurn) {
      left.current.style.transform = leftTurn;
      written.leftTurn = leftTurn;
    }
    if (left.current !== null && written.opacity !== opacity) {
      left.current.style.opacity = opacity;
      written.opacity = opacity;
    }
  }, brief);
  useLayoutEffect(() => {
    if (!animated || glide === null || right.current === null || left.current === null) return;
    const from = deadline - timeout;
    const animations = [
      glideAnimation(
        right.current,
        [
          { offset: 0, transform: turn(0) },
          { offset: 0.5, transform: turn(0) },
          { offset: 1, transform: turn(-180) },
        ],
        from,
        deadline,
        glide,
      ),
      glideAnimation(
        left.current,
        [
          { offset: 0, transform: turn(0), opacity: 1 },
          // Hidden at once past the half (a step at the start of the second half).
          { offset: 0.5, transform: turn(-180), opacity: 1, easing: 'steps(1, start)' },
          { offset: 1, transform: turn(-180), opacity: 0 },
        ],
        from,
        deadline,
        glide,
      ),
    ];
    return () => animations.forEach((a) => a?.cancel());
  }, [animated, glide, deadline, timeout, layer]);
  // For the SVG and PNG export: the remaining arc at the display time, from the state.
  useEffect(
    () =>
      registerLiveParts({
        over: () => ring.current?.parentElement?.parentElement ?? null,
        parts: () => {
          const source = rightPath.current;
          if (source === null) return [];
          const now = store.getState().displayTime;
          const d = remainingArc(timerFraction(deadline, timeout, now), radius);
          return [{ source, transform: `translate(${x},${y})`, attributes: { d } }];
        },
      }),
    [store, deadline, timeout, radius, x, y],
  );
  const box = { left: -half, top: -half, width: 2 * half, height: 2 * half };
  const spin = { width: 2 * half, height: 2 * half };
  const halfRing = (side: 'right' | 'left') => (
    <svg
      className="rl-ring-svg"
      width={2 * half}
      height={2 * half}
      viewBox={`${-half} ${-half} ${2 * half} ${2 * half}`}
    >
      <path
        ref={side === 'right' ? rightPath : undefined}
        className="rl-ring-arc"
        d={halfRingPath(side === 'right' ? 0 : 180, radius)}
      />
    </svg>
  );
  return (
    <g
      className="rl-timer"
      // The tooltip's "ms left" is brought up to date when the pointer comes to show it.
      onPointerEnter={() => setText(title.current, titleAt(store.getState().displayTime))}
    >
      <title ref={title}>{titleAt(store.getState().displayTime)}</title>
      <circle className="rl-timer-track" r={r + 5} />
      {layer === null
        ? null
        : createPortal(
            <div
              ref={ring}
              className="rl-ring"
              data-timer={id}
              style={{ left: x + box.left, top: y + box.top, width: box.width, height: box.height }}
            >
              <div
                className="rl-ring-half is-right"
                style={{ left: half - OVERLAP_PX, width: half + OVERLAP_PX }}
              >
                <div
                  ref={right}
                  className="rl-ring-spin"
                  style={{ left: OVERLAP_PX - half, ...spin }}
                >
                  {halfRing('right')}
                </div>
              </div>
              <div className="rl-ring-half is-left" style={{ left: 0, width: half + OVERLAP_PX }}>
                <div ref={left} className="rl-ring-spin" style={{ left: 0, ...spin }}>
                  {halfRing('left')}
                </div>
              </div>
            </div>,
            layer,
          )}
    </g>
  );
}
