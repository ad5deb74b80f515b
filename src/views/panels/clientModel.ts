/** Pure helpers of the client panel. */
import type { ClientId, ServerId, SimEvent } from '../../core/types.ts';

export type ClientNote = Extract<SimEvent, { type: 'clientRedirect' | 'clientSend' }>;

/**
 * The latest redirects and retries (sends after the first attempt) of each client, newest first,
 * at most `perClient` each. Scans backwards and stops once every client has enough, so a long run
 * costs only its recent tail.
 */
export function recentClientNotes(
  events: readonly SimEvent[],
  clients: readonly ClientId[],
  perClient: number,
): Map<ClientId, ClientNote[]> {
  const out = new Map<ClientId, ClientNote[]>(clients.map((c) => [c, []]));
  let missing = clients.length;
  for (let i = events.length - 1; i >= 0 && missing > 0; i--) {
    const e = events[i];
    if (e === undefined) continue;
    const note =
      e.type === 'clientRedirect' || (e.type === 'clientSend' && e.attempt > 1) ? e : null;
    const list = note === null ? undefined : out.get(note.client);
    if (note === null || list === undefined || list.length >= perClient) continue;
    list.push(note);
    if (list.length === perClient) missing -= 1;
  }
  return out;
}

/**
 * How a read was answered without the log: by the leader (C-4 ReadIndex, C-5 lease,
 * BUG-LOCALREAD local) or by a follower with a read index from the leader (C-4, `follower`).
 */
export interface ReadTag {
  mode: 'readIndex' | 'lease' | 'local' | 'follower';
  readIndex: number;
}

/** The key of a request's answer by one server: client, seq and the server that answered. */
export const readTagKey = (client: ClientId, seq: number, server: ServerId): string =>
  `${client}/${seq}/${server}`;

/**
 * Reads answered without the log, by client, seq and answering server (the latest answer wins:
 * a server answers a request once, a retry at another server is another key).
 */
export function readTags(events: readonly SimEvent[]): Map<string, ReadTag> {
  const out = new Map<string, ReadTag>();
  for (const e of events) {
    if (e.type !== 'read' || e.phase !== 'answered') continue;
    out.set(readTagKey(e.client, e.seq, e.server), { mode: e.mode, readIndex: e.readIndex });
  }
  return out;
}
