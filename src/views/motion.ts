/**
 * Reduced motion (WCAG 2.3.3): with the system's "reduce motion" setting, nothing on the page
 * glides for decoration (app.css turns transitions and animations off). Messages in flight are
 * the simulation itself, so they stay, but they hop instead of gliding: each one is drawn in
 * one of MESSAGE_STEPS places along its link (the middle of each stretch of its journey), which
 * still tells how far it has got without a continuous sweep across the screen.
 */
import { useSyncExternalStore } from 'react';
import type { Message } from '../core/types.ts';

export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

/** Stretches of a message's journey with reduced motion: start, middle, near the end. */
export const MESSAGE_STEPS = 3;

/**
 * The virtual time at which to draw a message so it sits in the middle of the stretch of its
 * journey it is in at `now` (progress 0.2 of 3 stretches → drawn at 1/6).
 */
export function steppedMessageTime(
  msg: Pick<Message, 'sentMs' | 'deliverMs'>,
  now: number,
  steps: number = MESSAGE_STEPS,
): number {
  const span = msg.deliverMs - msg.sentMs;
  if (span <= 0 || steps < 1) return now;
  const progress = Math.min(1, Math.max(0, (now - msg.sentMs) / span));
  const stretch = Math.min(steps - 1, Math.floor(progress * steps));
  return msg.sentMs + ((stretch + 0.5) / steps) * span;
}

let reducedMotion: MediaQueryList | null | undefined;

/** The query, asked for once (its `matches` follows the setting); null without matchMedia. */
function reducedMotionQuery(): MediaQueryList | null {
  if (reducedMotion === undefined) {
    reducedMotion =
      typeof window === 'undefined' || typeof window.matchMedia !== 'function'
        ? null
        : window.matchMedia(REDUCED_MOTION_QUERY);
  }
  return reducedMotion;
}

function subscribe(onChange: () => void): () => void {
  const query = reducedMotionQuery();
  if (query === null) return () => {};
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Read on every render of the parts that move (useSyncExternalStore): no new query each time. */
function current(): boolean {
  return reducedMotionQuery()?.matches ?? false;
}

/** Whether the user asked for reduced motion; follows the setting when it changes. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, current, () => false);
}

/** 'auto' (a jump) with reduced motion, else 'smooth': for scrollIntoView and scrollTo. */
export function scrollBehavior(): ScrollBehavior {
  return current() ? 'auto' : 'smooth';
}
