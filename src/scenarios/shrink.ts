/**
 * Greedy delta debugging of an action list: drop chunks of actions (halves, quarters, ... down to
 * single actions, then single actions again until nothing more goes) as long as the failure still
 * happens. Bounded by a number of attempts, since each attempt is a whole simulation run.
 */

export interface ShrinkOptions<T> {
  /** Runs the candidate; true when it still fails the same way. */
  stillFails: (candidate: T[]) => boolean;
  maxAttempts: number;
  /** Items that must stay (for example the healing actions of a liveness check). */
  keep?: (item: T) => boolean;
}

export interface Shrunk<T> {
  items: T[];
  attempts: number;
}

export function shrinkList<T>(items: readonly T[], options: ShrinkOptions<T>): Shrunk<T> {
  const keep = options.keep ?? (() => false);
  let current = [...items];
  let attempts = 0;
  /** One pass removing `chunk` items at a time, left to right. */
  const pass = (chunk: number): void => {
    let start = 0;
    while (start < current.length && attempts < options.maxAttempts) {
      const candidate = current.filter((item, i) => i < start || i >= start + chunk || keep(item));
      if (candidate.length === current.length) {
        start += chunk;
        continue;
      }
      attempts += 1;
      if (options.stillFails(candidate)) current = candidate;
      else start += chunk;
    }
  };
  let chunk = Math.max(1, Math.ceil(current.length / 2));
  while (attempts < options.maxAttempts) {
    const before = current.length;
    pass(chunk);
    if (chunk > 1) chunk = Math.ceil(chunk / 2);
    else if (current.length === before) break;
  }
  return { items: current, attempts };
}
