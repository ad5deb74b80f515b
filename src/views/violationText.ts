/**
 * A broken invariant in words, from the violation's structured parts (invariant, servers,
 * indexes) through the catalogue (src/i18n/violations.ts), in the reader's language. The core's
 * English `message` is left for the command line; an INV-C2 explanation is told from its parts too.
 */
import type { Language, Translate } from '../i18n/index.ts';
import type { Violation } from '../core/types.ts';
import { explanationText } from './linearizabilityText.ts';

export function violationDetail(
  v: Pick<Violation, 'invariant' | 'servers' | 'indexes' | 'explanation'>,
  t: Translate,
  lang: Language = 'en',
): string {
  // Server names as format.ts serverName writes them (imported there, so not imported here).
  const names = v.servers.map((id) => `S${id}`);
  const unknown = '?';
  const sentence = t(`viol.${v.invariant}`, {
    first: names[0] ?? unknown,
    second: names[1] ?? unknown,
    third: names[2] ?? unknown,
    servers: names.length > 0 ? names.join(', ') : unknown,
    index: v.indexes[0] ?? unknown,
    last: v.indexes[v.indexes.length - 1] ?? unknown,
    indexes: v.indexes.length > 0 ? v.indexes.join(', ') : unknown,
  });
  // INV-C2 from the history check says which answers clash, told in the same language.
  return v.explanation === undefined
    ? sentence
    : `${sentence} ${explanationText(v.explanation, t, lang)}`;
}
