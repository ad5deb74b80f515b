import { useMemo } from 'react';
import type { ClientState, SimEvent } from '../../core/types.ts';
import { clientName, formatDuration, formatTime, serverName } from '../format.ts';
import { recentClientNotes, type ClientNote } from './clientModel.ts';
import { CommandForm } from './CommandForm.tsx';

export interface ClientPanelProps {
  clients: readonly ClientState[];
  events: readonly SimEvent[];
  onRequest: (command: string) => void;
}

/** Answers and notes shown per client: the most recent few. */
const RECENT = 5;

/** The clients: what each is waiting for, what it got back, where it was sent on (C-1, C-2). */
export function ClientPanel({ clients, events, onRequest }: ClientPanelProps) {
  const ids = useMemo(() => clients.map((c) => c.id), [clients]);
  const notes = useMemo(() => recentClientNotes(events, ids, RECENT), [events, ids]);
  return (
    <section className="rl-panel rl-clients" aria-label="Clients">
      <header className="rl-panel-header">
        <h2 className="rl-panel-title">Clients</h2>
      </header>
      <CommandForm onRequest={onRequest} />
      {clients.length === 0 ? <p className="rl-muted">No client has sent anything yet.</p> : null}
      {clients.map((c) => (
        <ClientCard key={c.id} client={c} notes={notes.get(c.id) ?? []} />
      ))}
    </section>
  );
}

function ClientCard({ client, notes }: { client: ClientState; notes: readonly ClientNote[] }) {
  const p = client.pending;
  const done = client.done.slice(-RECENT).reverse();
  return (
    <article className="rl-client" aria-label={clientName(client.id)}>
      <h3 className="rl-subtitle">
        {clientName(client.id)}{' '}
        <span className="rl-muted">
          {client.leaderHint === null
            ? 'does not know the leader'
            : `thinks ${serverName(client.leaderHint)} leads`}
        </span>
      </h3>
      {client.suspect === null ? null : (
        <p
          className="rl-muted"
          title="It let a request time out; its redirects are ignored until it answers (C-1)"
        >
          Not trusting {serverName(client.suspect)} until it answers.
        </p>
      )}
      <p className="rl-client-pending">
        {p === null
          ? 'Idle.'
          : `Waiting: #${p.seq} "${p.command}" at ${serverName(p.server)}, attempt ${p.attempts}, since ${formatTime(p.firstSentMs)}`}
        {client.queue.length > 0 ? ` (${client.queue.length} more queued)` : ''}
      </p>
      {done.length === 0 ? null : (
        <div className="rl-table-scroll">
          <table className="rl-table rl-client-done">
            <caption className="rl-sr-only">Recent answers of {clientName(client.id)}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Command</th>
                <th scope="col">Answer</th>
                <th scope="col" title="Retries reuse the same seq, so the command runs once (C-2)">
                  Tries
                </th>
                <th scope="col">Took</th>
              </tr>
            </thead>
            <tbody>
              {done.map((r) => (
                <tr key={r.seq}>
                  <td className="rl-num">{r.seq}</td>
                  <td>{r.command}</td>
                  <td>{`${r.result} (${serverName(r.server)})`}</td>
                  <td className="rl-num">{r.attempts}</td>
                  <td>{formatDuration(r.answeredMs - r.sentMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {notes.length === 0 ? null : (
        <ul className="rl-client-notes">
          {notes.map((n) => (
            <li key={`${n.type}-${n.time}-${n.seq}-${n.server}`}>{noteText(n)}</li>
          ))}
        </ul>
      )}
    </article>
  );
}

function noteText(n: ClientNote): string {
  const at = formatTime(n.time);
  if (n.type === 'clientSend')
    return `${at}: retried #${n.seq} at ${serverName(n.server)} (attempt ${n.attempt})`;
  const to = n.leaderHint === null ? 'no leader known' : `sent on to ${serverName(n.leaderHint)}`;
  return `${at}: #${n.seq} turned away by ${serverName(n.server)}, ${to} (C-1)`;
}
