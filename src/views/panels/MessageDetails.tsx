import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import type { Translate } from '../../i18n/index.ts';
import type { AppendEntries, Message, MessageBody } from '../../core/types.ts';
import { termFill } from '../colors.ts';
import { clientName, endpointName } from '../names.ts';
import { bodyFacts, envelopeFacts, messageLabel, messageProgress } from './messageModel.ts';
import { FactList } from './FactList.tsx';
import { ScrollBox } from './ScrollBox.tsx';

export interface MessageDetailsProps {
  message: Message;
  now: number;
  onDrop: (id: number) => void;
}

/** At most this many entries are listed; the count says how many more there are. */
const MAX_LISTED_ENTRIES = 50;

/** The inspector for one message in flight: every field, timing, fate, and a Drop button. */
export function MessageDetails({ message, now, onDrop }: MessageDetailsProps) {
  const t = useLabT();
  const lang = useLanguage();
  const body = message.body;
  // A message listed in flight is there until its delivery runs: one due this very millisecond,
  // whose turn comes later in the same instant (stepping one event at a time shows it so), can
  // still be dropped. Only a time past its delivery means it has gone.
  const arrived = now > message.deliverMs;
  const canDrop = !message.lost && !arrived;
  return (
    <section
      className="rl-panel rl-message-details"
      aria-label={t('message.region', { id: message.id })}
    >
      <header className="rl-panel-header">
        <h2 className="rl-panel-title">
          #{message.id} {messageLabel(body, t)}
        </h2>
        {message.lost ? <span className="rl-badge rl-badge-lost">{t('message.lost')}</span> : null}
        {message.duplicateOf === null ? null : (
          <span className="rl-badge">{t('message.duplicate')}</span>
        )}
      </header>
      <progress
        className="rl-progress"
        max={1}
        value={messageProgress(message, now)}
        aria-label={t('message.progress')}
      />
      <FactList facts={envelopeFacts(message, now, t, lang)} />
      <h3 className="rl-subtitle">{t('message.fields')}</h3>
      <FactList facts={bodyFacts(body, t)} />
      {snapshotProgress(body, t)}
      {readIndexNote(message, t)}
      {body.type === 'AppendEntries' && body.entries.length > 0 ? <EntryList body={body} /> : null}
      <div className="rl-button-row">
        <button
          type="button"
          className="rl-button rl-action-drop"
          disabled={!canDrop}
          title={
            canDrop
              ? t('tip.drop')
              : message.lost
                ? t('tip.alreadyLost')
                : t('tip.alreadyDelivered')
          }
          onClick={() => onDrop(message.id)}
        >
          {t('message.drop')}
        </button>
      </div>
    </section>
  );
}

/** Where a snapshot chunk or its answer stands in the whole transfer (F2-IS2, F2-IS3). */
function snapshotProgress(body: MessageBody, t: Translate) {
  if (body.type === 'InstallSnapshot') {
    const chunk = t('snap.chunkOf', {
      k: body.chunk,
      n: body.chunks,
      from: body.offset,
      to: body.offset + body.data.length,
    });
    return (
      <p className="rl-snap-progress">
        <progress className="rl-progress" max={body.chunks} value={body.chunk} aria-label={chunk} />{' '}
        {chunk}
        {body.done ? ` · ${t('snap.chunkDone')}` : ''}
      </p>
    );
  }
  if (body.type === 'InstallSnapshotReply') {
    return (
      <p className="rl-snap-progress">
        {body.done ? t('snap.replyDone') : t('snap.replyOffset', { offset: body.offset })}
      </p>
    );
  }
  return null;
}

/** What the follower does with the leader's answer to its ReadIndex (C-4, follower reads). */
function readIndexNote(message: Message, t: Translate) {
  const body = message.body;
  if (body.type !== 'ReadIndexReply') return null;
  const follower = endpointName(message.to);
  return (
    <p className="rl-read-index-note">
      {body.ok
        ? t('fread.replyOk', { follower, index: body.readIndex })
        : t('fread.replyNo', { follower })}
    </p>
  );
}

/** The entries carried, with the index each will take in the follower's log. */
export function EntryList({ body }: { body: AppendEntries }) {
  const t = useLabT();
  const shown = body.entries.slice(0, MAX_LISTED_ENTRIES);
  return (
    <ScrollBox className="rl-table-scroll" label={t('a11y.entriesTable')}>
      <table className="rl-table rl-entries">
        <thead>
          <tr>
            <th scope="col">{t('table.index')}</th>
            <th scope="col">{t('table.term')}</th>
            <th scope="col">{t('table.command')}</th>
            <th scope="col">{t('table.client')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e, k) => (
            <tr key={e.id}>
              <td className="rl-num">{body.prevLogIndex + k + 1}</td>
              <td>
                <span className="rl-term-chip" style={{ backgroundColor: termFill(e.term) }}>
                  {e.term}
                </span>
              </td>
              <td>{e.command}</td>
              <td>
                {e.client === undefined ? '—' : `${clientName(e.client.client)} #${e.client.seq}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {body.entries.length > shown.length ? (
        <p className="rl-muted">{t('message.more', { n: body.entries.length - shown.length })}</p>
      ) : null}
    </ScrollBox>
  );
}
