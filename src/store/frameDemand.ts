/**
 * Which moving parts of the page still need the driver every animation frame. A part that draws
 * itself from the display time in script (a value written into the DOM on each change of the
 * time) registers while it is on screen; a part the compositor moves on its own (a Web Animation
 * of a transform or an opacity) does not. While no part needs frames, the playback driver sleeps
 * between the simulation's events instead of running 60 times a second (driver.ts).
 */

type Listener = () => void;

export class FrameDemand {
  /**
   * The wall time (the animation frames' clock) the driver last ticked the store with, set just
   * before the tick: what the display time it publishes corresponds to (glide.ts). Null before
   * the first tick.
   */
  tickWall: number | null = null;
  private count = 0;
  private readonly listeners = new Set<Listener>();

  /** Whether some part on screen needs a frame each time the display time moves. */
  get needed(): boolean {
    return this.count > 0;
  }

  /** Registers one part that needs every frame; returns its release (idempotent). */
  need(): () => void {
    this.count++;
    if (this.count === 1) this.emit();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.count--;
      if (this.count === 0) this.emit();
    };
  }

  private readonly clocks = new Set<(time: number) => void>();

  /**
   * Between two ticks of a sleeping driver, the display time the parts that change in steps
   * should show now (the clock's digits); the store's display time stays at the last tick's.
   */
  onShowTime(listener: (time: number) => void): () => void {
    this.clocks.add(listener);
    return () => this.clocks.delete(listener);
  }

  showTime(time: number): void {
    for (const listener of [...this.clocks]) listener(time);
  }

  /** Subscribes to changes of `needed`; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

const demands = new WeakMap<object, FrameDemand>();

/** The frame demand of one lab store (created on first use). */
export function frameDemandOf(store: object): FrameDemand {
  let demand = demands.get(store);
  if (demand === undefined) {
    demand = new FrameDemand();
    demands.set(store, demand);
  }
  return demand;
}
