/**
 * A broken invariant in words, from the violation's structured parts (invariant, servers,
 * indexes) through the catalogue (src/i18n/violations.ts), in the reader's language. The core's
 * English `message` is left for the command line.
 */
import type { Translate } from '../i18n/index.ts';
import type { Violation } from '../core/types.ts';

export function violationDetail(
  v: Pick<Violation, 'invariant' | 'servers' | 'indexes'>,
  t: Translate,
): string {
  // Server names as format.ts serverName writes them (imported there, so not imported here).
  const names = v.servers.map((id) => `S${id}`);
  const unknown = '?';
  return t(`viol.${v.invariant}`, {
    first: names[0] ?? unknown,
    second: names[1] ?? unknown,
    third: names[2] ?? unknown,
    servers: names.length > 0 ? names.join(', ') : unknown,
    index: v.indexes[0] ?? unknown,
    last: v.indexes[v.indexes.length - 1] ?? unknown,
    indexes: v.indexes.length > 0 ? v.indexes.join(', ') : unknown,
  });
}
