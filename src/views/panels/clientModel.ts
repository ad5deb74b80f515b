/** Pure helpers of the client panel. */
import type { ClientId, SimEvent } from '../../core/types.ts';

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
