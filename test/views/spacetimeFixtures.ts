/** Hand-built space-time records for the diagram's and the inspector's tests. */
import type { MessageRecord } from '../../src/store/spaceTime.ts';

/** A message record with the fields the geometry reads; the rest plain defaults. */
export function record(p: Partial<MessageRecord> & Pick<MessageRecord, 'id'>): MessageRecord {
  return {
    from: 1,
    to: 2,
    type: 'AppendEntries',
    term: 1,
    preVote: false,
    entries: 0,
    duplicate: false,
    sentMs: 0,
    deliverMs: 10,
    sendOrdinal: 1,
    endMs: null,
    endOrdinal: null,
    dropReason: null,
    body: null,
    ...p,
  };
}
