/**
 * The clients' history check in the lab (the rule catalogue INV-C2): the linearizability checker of the core
 * (`npm run sim` runs it after a run) over the history of the current position, so a stale read
 * shows like any invariant violation, naming the operations that cannot be ordered.
 *
 * It only reads the recorder (the client events it logged), never the simulation, so the run and
 * its trace hash are the same with or without it. It is throttled so that it never costs a frame
 * while playing: it runs again only when the history changed (a client event was reached or undone)
 * and, while playing, at most once per HISTORY_CHECK_INTERVAL_MS of wall time; when paused (after
 * a seek, a step, an action), at once.
 */
import { checkLinearizable, linearizabilityViolations } from '../core/linearizability.ts';
import type { Violation } from '../core/types.ts';
import type { Recorder } from './recorder.ts';
import type { LabState } from './types.ts';

/** Wall time between two checks while playing. */
export const HISTORY_CHECK_INTERVAL_MS = 300;

/** While playing, no check once the last one took longer than this (wall ms): a frame's slack. */
export const PLAYING_CHECK_MAX_MS = 6;

/**
 * Search budgets for the lab, below the CLI's: a key the search cannot decide within them is left
 * undecided (never reported), so a pathological history costs at most a few milliseconds.
 */
export const HISTORY_CHECK_BUDGET = { steps: 200_000, stepsPerKey: 100_000 } as const;

const NONE: readonly Violation[] = Object.freeze([]);

export class HistoryCheck {
  private key = '';
  private lastWallMs = Number.NEGATIVE_INFINITY;
  private current: readonly Violation[] = NONE;
  /** Wall time the last check took. */
  private lastCostMs = 0;

  constructor(
    private readonly rec: Recorder,
    private readonly clock: () => number,
  ) {}

  /** The violations of the last check (frozen; the same array until they change). */
  get violations(): readonly Violation[] {
    return this.current;
  }

  /**
   * Checks the history of the current position if it changed since the last check and, unless
   * `now` is set, at least HISTORY_CHECK_INTERVAL_MS of wall time went by. Returns the new
   * violations when they differ from the last ones, else null (nothing to publish).
   */
  run(now: boolean): readonly Violation[] | null {
    const key = this.rec.historyKey;
    if (key === this.key) return null;
    const wall = this.clock();
    if (!now && wall - this.lastWallMs < HISTORY_CHECK_INTERVAL_MS) return null;
    if (!now && this.lastCostMs > PLAYING_CHECK_MAX_MS) return null;
    this.key = key;
    this.lastWallMs = wall;
    let next: readonly Violation[] = NONE;
    try {
      const result = checkLinearizable(this.rec.historyAt(), HISTORY_CHECK_BUDGET);
      // The parts of each explanation go along, so the lab can tell it in the reader's language.
      const found: Violation[] = linearizabilityViolations(result).map((v, i) => {
        const parts = result.violations[i]?.parts;
        return parts === undefined
          ? { ...v, indexes: [] }
          : { ...v, indexes: [], explanation: parts };
      });
      if (found.length > 0) next = deepFreezeList(found);
    } catch (error) {
      // A checker failure must not take the lab down: the run goes on unchecked.
      console.error('Raft Lab: the client history check failed.', error);
    }
    this.lastCostMs = this.clock() - wall;
    if (JSON.stringify(next) === JSON.stringify(this.current)) return null;
    this.current = next;
    return next;
  }
}

function deepFreezeList(list: Violation[]): readonly Violation[] {
  for (const v of list) {
    Object.freeze(v.servers);
    Object.freeze(v.indexes);
    Object.freeze(v);
  }
  return Object.freeze(list);
}

/**
 * The violation the views show: the latest of the core's (frame.violations, found step by step)
 * and of the history check; the core's on a tie. Undefined when there is none.
 */
export function latestViolation(s: LabState): Violation | undefined {
  const core = s.frame.violations.at(-1);
  const history = s.historyViolations.at(-1);
  if (history === undefined) return core;
  return core === undefined || history.time > core.time ? history : core;
}

/** How many violations the views count (the core's and the history check's). */
export const violationCount = (s: LabState): number =>
  s.frame.violations.length + s.historyViolations.length;
