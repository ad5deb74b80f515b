/**
 * Stop navigation, as pure functions. A story of N steps has N + 1 places: index 0 is the start
 * of the run (time 0), index k ≥ 1 is the stop of step k. "Next" plays from the current place to
 * the next one; pressed again while that plays, it jumps there at once. "Previous" jumps back
 * exactly to the place before (while a step plays: to the place it started from).
 */
import type { Stop } from '../../scenarios/steps.ts';
import type { Position } from '../../store/types.ts';

export type NavCommand = 'next' | 'previous' | 'restart' | 'end';

export interface NavState {
  /** The place shown (or being played toward), 0..count. */
  index: number;
  /** Number of steps. */
  count: number;
  /** True while a step plays toward `index`. */
  animating: boolean;
}

export type NavMove =
  { kind: 'play'; from: number; to: number } | { kind: 'jump'; to: number } | { kind: 'none' };

export function navigate(command: NavCommand, nav: NavState): NavMove {
  const { index, count, animating } = nav;
  switch (command) {
    case 'next':
      if (animating) return { kind: 'jump', to: index };
      return index < count ? { kind: 'play', from: index, to: index + 1 } : { kind: 'none' };
    case 'previous':
      return index > 0 ? { kind: 'jump', to: index - 1 } : { kind: 'none' };
    case 'restart':
      return { kind: 'jump', to: 0 };
    case 'end':
      return { kind: 'jump', to: count };
  }
}

/** The exact timeline position of place `index` (0: the start of the run). */
export function placePosition(stops: readonly Stop[], index: number): Position {
  if (index <= 0) return { steps: 0, timeMs: 0 };
  const stop = stops[Math.min(index, stops.length) - 1];
  return stop ? { steps: stop.simSteps, timeMs: stop.timeMs } : { steps: 0, timeMs: 0 };
}

/**
 * A step plays in about 3 s of wall time whatever its span: an election that takes 20 virtual ms
 * runs slowly enough to follow each message, a quiet second of heartbeats goes by quickly.
 */
export const STEP_WALL_MS = 3000;
export const STEP_SPEED_MIN = 0.005;
export const STEP_SPEED_MAX = 20;

/** Playback speed (virtual ms per wall ms) for a step from `from` to `to`. */
export function stepSpeed(from: Position, to: Position): number {
  const span = Math.max(0, to.timeMs - from.timeMs);
  return Math.min(STEP_SPEED_MAX, Math.max(STEP_SPEED_MIN, span / STEP_WALL_MS));
}
