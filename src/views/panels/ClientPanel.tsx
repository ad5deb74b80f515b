import { Fragment, useMemo } from 'react';
import type { Language, Translate } from '../../i18n/index.ts';
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import type { ClientState, SimEvent } from '../../core/types.ts';
import { clientName, describeResult, formatDuration, formatTime, serverName } from '../names.ts';
import {
  readTagKey,
  readTags,
  recentClientNotes,
  type ClientNote,
  type ReadTag,
} from './clientModel.ts';
import { CommandForm } from './CommandForm.tsx';
import { ScrollBox } from './ScrollBox.tsx';
import { splitRuleIds } from '../rules/splitRuleIds.ts';
import { RuleChip } from '../rules/RuleChip.tsx';

export interface ClientPanelProps {
  clients: readonly ClientState[];
  events: readonly SimEvent[];
  onRequest: (command: string) => void;
}

/** Answers and notes shown per client: the most recent few. */
const RECENT = 5;

/** The clients: what each is waiting for, what it got back, where it was sent on (C-1, C-2). */
export function ClientPanel({ clients, events, onRequest }: ClientPanelProps) {
  const t = useLabT();
  const ids = useMemo(() => clients.map((c) => c.id), [clients]);
  const notes = useMemo(() => recentClientNotes(events, ids, RECENT), [events, ids]);
  const tags = useMemo(() => readTags(events), [events]);
  return (
    <section className="rl-panel rl-clients" aria-label={t('clients.title')}>
      <header className="rl-panel-header">
        <h2 className="rl-panel-title">{t('clients.title')}</h2>
      </header>
      <CommandForm onRequest={onRequest} />
      {clients.length === 0 ? <p className="rl-muted">{t('clients.empty')}</p> : null}
      {clients.map((c) => (
        <ClientCard key={c.id} client={c} notes={notes.get(c.id) ?? []} tags={tags} />
      ))}
    </section>
  );
}

/** "ReadIndex", "lease" or "local (unsafe)" after an answer given without the log. */
function ReadTagMark({ tag }: { tag: ReadTag }) {
  const t = useLabT();
  return (
    <span
      className={`rl-read-tag rl-read-tag-${tag.mode}`}
      data-read-mode={tag.mode}
      title={t(`read.title.${tag.mode}`, { index: tag.readIndex })}
    >
      {t(`read.tag.${tag.mode}`)}
    </span>
  );
}

function ClientCard({
  client,
  notes,
  tags,
}: {
  client: ClientState;
  notes: readonly ClientNote[];
  tags: ReadonlyMap<string, ReadTag>;
}) {
  const t = useLabT();
  const lang = useLanguage();
  const p = client.pending;
  const done = client.done.slice(-RECENT).reverse();
  return (
    <article className="rl-client" aria-label={clientName(client.id)}>
      <h3 className="rl-subtitle">
        {clientName(client.id)}{' '}
        <span className="rl-muted">
          {client.leaderHint === null
            ? t('clients.noLeader')
            : t('clients.thinks', { server: serverName(client.leaderHint) })}
        </span>
      </h3>
      {client.suspect === null ? null : (
        <p className="rl-muted" title={t('tip.suspect')}>
          {t('clients.suspect', { server: serverName(client.suspect) })}
        </p>
      )}
      <p className="rl-client-pending">
        {p === null
          ? t('clients.idle')
          : t('clients.waiting', {
              seq: p.seq,
              command: p.command,
              server: serverName(p.server),
              attempts: p.attempts,
              time: formatTime(p.firstSentMs, lang),
            })}
        {client.queue.length > 0 ? t('clients.queued', { n: client.queue.length }) : ''}
      </p>
      {done.length === 0 ? null : (
        <ScrollBox className="rl-table-scroll" label={t('a11y.clientDoneTable')}>
          <table className="rl-table rl-client-done">
            <caption className="rl-sr-only">
              {t('clients.recent', { client: clientName(client.id) })}
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('table.command')}</th>
                <th scope="col">{t('table.answer')}</th>
                <th scope="col" title={t('tip.tries')}>
                  {t('clients.tries')}
                </th>
                <th scope="col">{t('clients.took')}</th>
              </tr>
            </thead>
            <tbody>
              {done.map((r) => {
                const tag = tags.get(readTagKey(client.id, r.seq, r.server));
                return (
                  <tr key={r.seq}>
                    <td className="rl-num">{r.seq}</td>
                    <td>{r.command}</td>
                    <td>
                      {`${describeResult(r.result, lang)} (${serverName(r.server)})`}
                      {tag === undefined ? null : <ReadTagMark tag={tag} />}
                    </td>
                    <td className="rl-num">{r.attempts}</td>
                    <td className="rl-num">{formatDuration(r.answeredMs - r.sentMs, lang)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {notes.length === 0 ? null : (
        <ul className="rl-client-notes">
          {notes.map((n) => (
            <ClientNoteLine
              key={`${n.type}-${n.time}-${n.seq}-${n.server}`}
              text={noteText(n, t, lang)}
            />
          ))}
        </ul>
      )}
    </article>
  );
}

/** A note's words, then the rules it cites as chips that open their explanation (never bare). */
function ClientNoteLine({ text }: { text: string }) {
  const { text: words, rules } = splitRuleIds(text);
  return (
    <li>
      {words}
      {/* A space before each chip: "no leader known C-1", not "knownC-1" (on screen and read). */}
      {rules.map((id) => (
        <Fragment key={id}>
          {' '}
          <RuleChip id={id} />
        </Fragment>
      ))}
    </li>
  );
}

function noteText(n: ClientNote, t: Translate, lang: Language): string {
  const time = formatTime(n.time, lang);
  const server = serverName(n.server);
  if (n.type === 'clientSend')
    return t('clients.retried', { time, seq: n.seq, server, attempt: n.attempt });
  const to =
    n.leaderHint === null
      ? t('clients.noLeaderKnown')
      : t('clients.sentOn', { server: serverName(n.leaderHint) });
  return t('clients.turnedAway', { time, seq: n.seq, server, to });
}
