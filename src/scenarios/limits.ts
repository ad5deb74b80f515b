/**
 * Every bound a scenario must respect. Scenarios arrive from links and files, so they are untrusted
 * input: "put a limit on everything" (our style notes), and say which limit was hit.
 */
export const LIMITS = {
  /** Characters of scenario text (JSON) accepted before parsing: 1 MB. */
  textChars: 1_048_576,
  titleChars: 200,
  descriptionChars: 5_000,
  actions: 10_000,
  steps: 500,
  /** Log entries per server in `initial`. */
  logEntries: 10_000,
  /** Any virtual time, in ms (about 11.5 virtual days). */
  timeMs: 1_000_000_000,
  /** Timeouts, heartbeat and latency bounds, in ms (10 virtual minutes). */
  durationMs: 600_000,
  ratioDenominator: 1_000_000,
  maxEntriesPerAppend: 1_000,
  snapshotEvery: 1_000,
  term: 1_000_000_000,
  messageId: Number.MAX_SAFE_INTEGER,
  commandChars: 200,
  seed: 0xffff_ffff,
} as const;
