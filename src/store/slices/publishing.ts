/**
 * Coalesced publishing: while the lab plays, every animation frame publishes a fresh frame anyway
 * (playback.ts), so an action taken between two frames need not publish its own. It marks the
 * frame owed instead, and the coming frame publishes once for every action since the last one
 * (a burst of C presses costs one frame build and one React render, not one each). Paused, or
 * with no frame on its way (a hidden page, a store without the driver), actions publish at once.
 */
export class Publishing {
  /** Whether the driver has an animation frame on its way (set by the driver). */
  private frameComing: (() => boolean) | null = null;
  /** An action's publish is left to the coming frame. */
  owed = false;

  /** Brings a sleeping driver's run up to the wall clock (set by the driver). */
  private catchUpHook: (() => void) | null = null;

  setCatchUp(catchUp: (() => void) | null): void {
    this.catchUpHook = catchUp;
  }

  /** Before a pause or an action: the run catches up with the time shown. */
  catchUp(): void {
    this.catchUpHook?.();
  }

  setFrameComing(frameComing: (() => boolean) | null): void {
    this.frameComing = frameComing;
  }

  /** Whether an action taken now, while playing, may leave its publish to the coming frame. */
  canDefer(playing: boolean): boolean {
    return playing && this.frameComing !== null && this.frameComing();
  }
}
