/**
 * Plain-data dictionaries keyed by user text (key-value store keys, session ids, link keys).
 * Keys are data: a key named like an `Object.prototype` member (`__proto__`, `constructor`,
 * `toString`) must behave like any other key. Reading through `obj[key]` would find inherited
 * members and writing `obj['__proto__'] = v` would not create a key at all, so every access goes
 * through these helpers, which only ever see own properties. The objects stay plain JSON-shaped
 * data (structuredClone and JSON keep own `__proto__` properties), so checkpoints, links and the
 * `--json` output are unchanged.
 */

/** The value stored under `key`, or undefined: never an inherited member. */
export function getOwn<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stores `value` under `key` as an own, enumerable property, whatever the key's name. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  // Plain assignment makes an own, enumerable, writable property for every key but __proto__,
  // the one accessor plain objects inherit (records are plain data, never frozen).
  if (key !== '__proto__') {
    record[key] = value;
    return;
  }
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Removes `key`; returns whether it was there. */
export function deleteOwn<T>(record: Record<string, T>, key: string): boolean {
  if (!Object.hasOwn(record, key)) return false;
  return delete record[key];
}

/** A copy with the same own keys in sorted order (a stable display and digest order). */
export function sortedCopy<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) setOwn(out, key, record[key] as T);
  return out;
}
