/**
 * The clients' history check in the lab (the rule catalogue INV-C2): the linearizability checker of the core
 * (`npm run sim` runs it after a run) over the history of the current position, so a stale read
 * shows like any invariant violation, naming the operations that cannot be ordered.
 *
 * It only reads the recorder (the client events it logged), never the simulation, so the run and
 * its trace hash are the same with or without it. It is throttled so that it never costs a frame
 * while playing: it runs again only when the history changed (a client event was reached or undone)
 * and, while playing, at most once per HISTORY_CHECK_INTERVAL_MS of wall time (less often after a
 * slow check: SLOW_CHECK_BACKOFF); when paused (after a seek, a step, an action), at once.
 *
 * The history is kept from one check to the next (IncrementalHistory, historySearch.ts): a check
 * appends only the client events reached since the last one, and searches only what may have
 * changed, each key from its last cut; a seek back or a fork rebuilds it from the log. So a check
 * costs about what the new events bring, not the length of the run, and the lab keeps checking on
 * long runs. The search is loaded after the first paint in the served build (historyEngine.ts);
 * until it arrives the check does nothing, and `whenSearchArrives` tells the store to check.
 */
import type { InitialServerState, SimEvent, Violation } from '../core/types.ts';
import { loadedHistoryEngine, onHistoryEngine } from './historyEngine.ts';
import type { IncrementalHistory } from './historySearch.ts';
import type { Recorder } from './recorder.ts';
import type { LabState } from './types.ts';

/** Wall time between two checks while playing. */
export const HISTORY_CHECK_INTERVAL_MS = 300;

/** While playing, a check that took longer than this (wall ms, a frame's slack) slows the next. */
export const PLAYING_CHECK_MAX_MS = 6;

/**
 * While playing, after a check that took longer than PLAYING_CHECK_MAX_MS, the next one waits at
 * least this many times as long (wall time, counted from the slow check's start): checking then
 * takes at most about 2% of the time, and a slow check (a rebuild after a seek, a busy machine)
 * spaces the next ones out rather than stopping them for good.
 */
export const SLOW_CHECK_BACKOFF = 50;

const NONE: readonly Violation[] = Object.freeze([]);

export class HistoryCheck {
  private key = '';
  private lastWallMs = Number.NEGATIVE_INFINITY;
  private current: readonly Violation[] = NONE;
  /** Wall time the last check took. */
  private lastCostMs = 0;
  /** The history kept from one check to the next (created with the search, once it is loaded). */
  private history: IncrementalHistory | null = null;

  constructor(
    private readonly rec: Recorder,
    private readonly clock: () => number,
  ) {}

  /**
   * Calls `listener` once, when the search arrives, if it is still loading (historyEngineLazy.ts);
   * never where it is there from the start.
   */
  whenSearchArrives(listener: () => void): void {
    if (loadedHistoryEngine() === null) onHistoryEngine(listener);
  }

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
    // In the served build the search arrives after the first paint: until then nothing is
    // checked (and nothing remembered), and the store checks at once when it arrives.
    const engine = loadedHistoryEngine();
    if (engine === null) return null;
    const key = this.rec.historyKey;
    if (key === this.key) return null;
    const wall = this.clock();
    const slow = this.lastCostMs > PLAYING_CHECK_MAX_MS ? this.lastCostMs * SLOW_CHECK_BACKOFF : 0;
    if (!now && wall - this.lastWallMs < Math.max(HISTORY_CHECK_INTERVAL_MS, slow)) return null;
    this.key = key;
    this.lastWallMs = wall;
    let next: readonly Violation[] = NONE;
    try {
      this.history ??= new engine.IncrementalHistory();
      const found = engine.historyViolations(this.history, this.rec);
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

/** What the history check needs of the recorder (recorder.ts). */
export interface ClientLogSource {
  readonly clientLog: { readonly version: number; readonly count: number };
  clientEventAt(i: number): SimEvent;
  readonly initialServers: readonly InitialServerState[] | undefined;
}
