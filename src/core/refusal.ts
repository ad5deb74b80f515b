/**
 * Why the simulator refused a setup or an action, as data: the app words it in the reader's
 * language (src/i18n/refusalText.ts). The error's own message stays plain English for logs and
 * the CLI.
 */
export type CoreRefusal =
  | { code: 'servers'; max: number }
  | { code: 'electionTimeout' | 'latency' | 'timers' | 'snapshotEvery' }
  | { code: 'members'; servers: number }
  | { code: 'leaseNeedsCheckQuorum' | 'followerReadsNeedReadIndex' }
  | { code: 'initialCount'; servers: number }
  | { code: 'actionInPast'; at: number; now: number };

/** A RangeError (the core refusing an input, not failing) that says why as data. */
export class CoreRefusalError extends RangeError {
  constructor(
    readonly refusal: CoreRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'RangeError';
  }
}

/** The refusal an error carries, or null for any other error. */
export function coreRefusalOf(error: unknown): CoreRefusal | null {
  return error instanceof CoreRefusalError ? error.refusal : null;
}
