/** Hand-built space-time records for the diagram's and the inspector's tests. */
import { EN_T, type Translate } from '../../src/i18n/index.ts';
import { laneLayout } from '../../src/views/spacetime/geometry.ts';
import type { MessageBody, SimEvent } from '../../src/core/types.ts';
import {
  SpaceTimeLog,
  type MessageRecord,
  type SpaceTimePosition,
} from '../../src/store/spaceTime.ts';

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

const ae = (term: number): MessageBody => ({
  type: 'AppendEntries',
  term,
  leaderId: 1,
  prevLogIndex: 0,
  prevLogTerm: 0,
  entries: [],
  leaderCommit: 0,
  sentMs: 0,
});

/**
 * A 3-server run with a client: two delivered, one dropped on arrival, one in flight, one
 * dropped by hand on its way.
 */
export function spaceTimeRun(): { log: SpaceTimeLog; position: SpaceTimePosition } {
  const log = new SpaceTimeLog(
    Array.from({ length: 3 }, () => ({ term: 1, role: 'follower' as const, crashed: false })),
  );
  const send = (id: number, time: number, from: number, to: number, due: number): SimEvent => ({
    type: 'send',
    time,
    id,
    from,
    to,
    msg: from < 0 ? 'ClientRequest' : 'AppendEntries',
    deliverMs: due,
    duplicate: false,
  });
  const events: [SimEvent, MessageBody | undefined][] = [
    [{ type: 'becomeLeader', time: 50, server: 1, term: 1 }, undefined],
    [send(1, 100, 1, 2, 140), ae(1)],
    [send(2, 100, 1, 3, 150), ae(1)],
    [
      send(3, 120, -1, 1, 160),
      {
        type: 'ClientRequest',
        client: 1,
        seq: 1,
        command: 'put <script>alert(1)</script> "__proto__"',
      },
    ],
    [{ type: 'deliver', time: 140, id: 1, from: 1, to: 2, msg: 'AppendEntries' }, undefined],
    [
      {
        type: 'drop',
        time: 150,
        id: 2,
        from: 1,
        to: 3,
        msg: 'AppendEntries',
        reason: 'partition',
      },
      undefined,
    ],
    [{ type: 'deliver', time: 160, id: 3, from: -1, to: 1, msg: 'ClientRequest' }, undefined],
    [send(4, 170, 1, 2, 230), ae(1)],
    [send(5, 170, 1, 3, 250), ae(1)],
    // Dropped by hand a quarter of the way: the cross sits short of the receiver's lane.
    [
      { type: 'drop', time: 190, id: 5, from: 1, to: 3, msg: 'AppendEntries', reason: 'manual' },
      undefined,
    ],
  ];
  events.forEach(([e, body], i) => log.observe(e, i + 1, body));
  return { log, position: { timeMs: 200, emitted: events.length } };
}

/**
 * The lab's words, counting the tooltips of arrows and marks worked out (st.arrow…, st.mark…):
 * how a test tells that React rendered them.
 */
export function tooltipCounter(): { t: Translate; count: number } {
  const counter = {
    count: 0,
    t: ((key, params) => {
      if (key.startsWith('st.arrow') || key.startsWith('st.mark')) counter.count++;
      return EN_T(key, params);
    }) as Translate,
  };
  return counter;
}

/** spaceTimeRun with its lanes laid out 200 px high, as the diagram's tests draw it. */
export function spaceTimeScene() {
  const { log, position } = spaceTimeRun();
  return { log, position, lanes: laneLayout(3, log.clients(position), 200) };
}
