/**
 * Periodic checkpoints of a run for time travel (DESIGN.md "Time travel"). A seek restores the
 * nearest checkpoint before the target and re-runs forward, so it costs at most one interval of
 * simulation. Memory stays bounded: when the list is full every other checkpoint is dropped and
 * the interval doubles, so a long run keeps evenly spread checkpoints, never more than the cap.
 */

export interface Checkpoint<S> {
  /** Virtual time of the checkpoint. */
  readonly now: number;
  /** Queue items processed when it was taken. */
  readonly steps: number;
  /** The simulation state, or null for the start of the run (re-created from the setup). */
  readonly state: S | null;
}

export const CHECKPOINT_INTERVAL_MS = 500;
export const MAX_CHECKPOINTS = 48;

export class CheckpointList<S> {
  private items: Checkpoint<S>[] = [];
  private intervalMs = CHECKPOINT_INTERVAL_MS;

  constructor(
    private readonly maxCount = MAX_CHECKPOINTS,
    private readonly baseIntervalMs = CHECKPOINT_INTERVAL_MS,
  ) {
    this.reset();
  }

  /** Back to a single checkpoint: the start of the run. */
  reset(): void {
    this.items = [{ now: 0, steps: 0, state: null }];
    this.intervalMs = this.baseIntervalMs;
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

  add(cp: Checkpoint<S>): void {
    this.items.push(cp);
    if (this.items.length > this.maxCount) this.thin();
  }

  /** Keeps the start and every second checkpoint after it; the spacing doubles. */
  private thin(): void {
    this.items = this.items.filter((_, i) => i % 2 === 0);
    this.intervalMs *= 2;
  }

  /** The latest checkpoint at or before virtual time `t`. */
  atOrBeforeTime(t: number): Checkpoint<S> {
    return this.latest((cp) => cp.now <= t);
  }

  /** The latest checkpoint with at most `steps` queue items processed. */
  atOrBeforeSteps(steps: number): Checkpoint<S> {
    return this.latest((cp) => cp.steps <= steps);
  }

  private latest(ok: (cp: Checkpoint<S>) => boolean): Checkpoint<S> {
    for (let i = this.items.length - 1; i > 0; i--) {
      const cp = this.items[i] as Checkpoint<S>;
      if (ok(cp)) return cp;
    }
    return this.items[0] as Checkpoint<S>;
  }

  /** A fork at (now, steps) discards every checkpoint of the abandoned future. */
  dropAfter(now: number, steps: number): void {
    this.items = this.items.filter((cp, i) => i === 0 || (cp.now <= now && cp.steps <= steps));
  }

  /** The list as it stands, for a timeline set aside (a fork that Undo may bring back). */
  save(): { readonly items: readonly Checkpoint<S>[]; readonly intervalMs: number } {
    return { items: this.items.slice(), intervalMs: this.intervalMs };
  }

  /** Back to a list saved earlier. */
  load(saved: { readonly items: readonly Checkpoint<S>[]; readonly intervalMs: number }): void {
    this.items = saved.items.slice();
    this.intervalMs = saved.intervalMs;
  }

  /** For tests and diagnostics. */
  times(): number[] {
    return this.items.map((cp) => cp.now);
  }
}
