/**
 * Periodic checkpoints of a run for time travel (our design notes ("Time travel")). A seek restores the
 * nearest checkpoint before the target and re-runs forward, so it costs at most one interval of
 * simulation. The interval is fixed, so a seek costs the same in a long run as in a short one;
 * the list grows with the run, which is affordable because a checkpoint shares the long lists
 * (logs, actions, the checker's records) with the one before it (src/core/sharedList.ts) and
 * holds little of its own. Searches are binary.
 */

export interface Checkpoint<S> {
  /** Virtual time of the checkpoint. */
  readonly now: number;
  /** Queue items processed when it was taken. */
  readonly steps: number;
  /** The simulation state, or null for the start of the run (re-created from the setup). */
  readonly state: S | null;
}

/** Virtual time between two checkpoints: the most a seek has to re-run. */
export const CHECKPOINT_INTERVAL_MS = 2_000;

export class CheckpointList<S> {
  private items: Checkpoint<S>[] = [];

  constructor(private readonly intervalMs = CHECKPOINT_INTERVAL_MS) {
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

  get interval(): number {
    return this.intervalMs;
  }

  /** Whether a checkpoint is due at `now` (one interval after the last one). */
  due(now: number): boolean {
    const last = this.items.at(-1);
    return last === undefined || now >= last.now + this.intervalMs;
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
}
