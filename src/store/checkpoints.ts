/**
 * Periodic checkpoints of a run for time travel (our design notes ("Time travel")). A seek restores the
 * nearest checkpoint before the target and re-runs forward, so it costs at most one interval of
 * simulation. The interval is counted in queue items processed (the work a seek re-runs), with a
 * cap in virtual time, so a seek costs the same in a long run as in a short one, in a busy run as
 * in a quiet one; the list grows with the run, which is affordable because a checkpoint shares the
 * long lists (logs, actions, the checker's records) with the one before it
 * (src/core/sharedList.ts) and holds little of its own. Searches are binary.
 *
 * Why this spacing: a checkpoint costs about what 300 items cost to simulate (it packs the state
 * without its long lists, about 10 KB at 5 servers, whatever the run's length). Taken every 2
 * virtual seconds (500 items of a run with a request every 100 ms), they cost a fifth of the core's
 * own time in a CPU profile of that run; every 2,000 items (8 virtual seconds of it, 11 of an idle
 * cluster, 4.5 at 9 servers) about 5%, and a seek in a 60-minute run takes 5–7 ms median on the
 * 2-core machine (issue 11 allows 50).
 */

export interface Checkpoint<S> {
  /** Virtual time of the checkpoint. */
  readonly now: number;
  /** Queue items processed when it was taken. */
  readonly steps: number;
  /** The simulation state, or null for the start of the run (re-created from the setup). */
  readonly state: S | null;
}

/** Queue items between two checkpoints: about the most a seek has to re-run. */
export const CHECKPOINT_STEPS = 2_000;
/** Virtual time between two checkpoints at most, however few items a quiet run processes. */
export const CHECKPOINT_MAX_MS = 30_000;

/** How far apart checkpoints are: `steps` queue items, or `ms` of virtual time if sooner. */
export interface CheckpointSpacing {
  readonly steps: number;
  readonly ms: number;
}

export const CHECKPOINT_SPACING: CheckpointSpacing = {
  steps: CHECKPOINT_STEPS,
  ms: CHECKPOINT_MAX_MS,
};

export class CheckpointList<S> {
  private items: Checkpoint<S>[] = [];

  constructor(private readonly spacing: CheckpointSpacing = CHECKPOINT_SPACING) {
    this.reset();
  }

  /** Back to a single checkpoint: the start of the run. */
  reset(): void {
    this.items = [{ now: 0, steps: 0, state: null }];
  }

  get count(): number {
    return this.items.length;
  }

  /** The start of the run. */
  get first(): Checkpoint<S> {
    return this.items[0] as Checkpoint<S>;
  }

  /**
   * Whether a checkpoint is due at virtual time `now` with `steps` queue items processed: one
   * interval (of items, or of time if sooner) after the last one.
   */
  due(now: number, steps: number): boolean {
    const last = this.items.at(-1);
    return (
      last === undefined ||
      steps >= last.steps + this.spacing.steps ||
      now >= last.now + this.spacing.ms
    );
  }

  /** Adds a checkpoint after (in time and steps) every one in the list. */
  add(cp: Checkpoint<S>): void {
    this.items.push(cp);
  }

  /** The latest checkpoint at or before virtual time `t`. */
  atOrBeforeTime(t: number): Checkpoint<S> {
    return this.latest((cp) => cp.now <= t);
  }

  /** The latest checkpoint with at most `steps` queue items processed. */
  atOrBeforeSteps(steps: number): Checkpoint<S> {
    return this.latest((cp) => cp.steps <= steps);
  }

  /**
   * The last checkpoint for which `ok` holds, or the start. `ok` must hold for a prefix of the
   * list (checkpoints are in order of time and of steps), so a binary search finds it.
   */
  private latest(ok: (cp: Checkpoint<S>) => boolean): Checkpoint<S> {
    let lo = 0;
    let hi = this.items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ok(this.items[mid] as Checkpoint<S>)) lo = mid;
      else hi = mid - 1;
    }
    return this.items[lo] as Checkpoint<S>;
  }

  /** A fork at (now, steps) discards every checkpoint of the abandoned future. */
  dropAfter(now: number, steps: number): void {
    this.items = this.items.filter((cp, i) => i === 0 || (cp.now <= now && cp.steps <= steps));
  }

  /** The list as it stands, for a timeline set aside (a fork that Undo may bring back). */
  save(): { readonly items: readonly Checkpoint<S>[] } {
    return { items: this.items.slice() };
  }

  /** Back to a list saved earlier. */
  load(saved: { readonly items: readonly Checkpoint<S>[] }): void {
    this.items = saved.items.slice();
  }

  /** For tests and diagnostics. */
  times(): number[] {
    return this.items.map((cp) => cp.now);
  }

  /** Each checkpoint's queue items processed (for tests and diagnostics). */
  steps(): number[] {
    return this.items.map((cp) => cp.steps);
  }
}
