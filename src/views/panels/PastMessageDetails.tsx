import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import type { MessageRecord } from '../../store/spaceTime.ts';
import { FactList } from './FactList.tsx';
import { EntryList } from './MessageDetails.tsx';
import { bodyFacts, messageLabel } from './messageModel.ts';
import { pastMessageFacts, type PastStatus } from './pastMessage.ts';

export interface PastMessageDetailsProps {
  record: MessageRecord;
  status: PastStatus;
}

/**
 * The inspector for a message that has arrived or was dropped (clicked in the space-time
 * diagram, or selected in flight and since arrived): what it was, when it went and what became
 * of it, and every field it carried. Nothing to act on: it is history.
 */
export function PastMessageDetails({ record, status }: PastMessageDetailsProps) {
  const t = useLabT();
  const lang = useLanguage();
  const body = record.body;
  return (
    <section
      className="rl-panel rl-message-details rl-message-past"
      aria-label={t('message.region', { id: record.id })}
      data-status={status}
    >
      <header className="rl-panel-header">
        <h2 className="rl-panel-title">
          #{record.id} {body === null ? record.type : messageLabel(body, t)}
        </h2>
        <span className={`rl-badge${status === 'dropped' ? ' rl-badge-lost' : ''}`}>
          {t(status === 'dropped' ? 'st.past.dropped' : 'st.past.delivered')}
        </span>
        {record.duplicate ? <span className="rl-badge">{t('message.duplicate')}</span> : null}
      </header>
      <p className="rl-muted rl-message-past-note">
        {t(status === 'dropped' ? 'st.past.note.dropped' : 'st.past.note.delivered')}
      </p>
      <FactList facts={pastMessageFacts(record, status, t, lang)} />
      <h3 className="rl-subtitle">{t('message.fields')}</h3>
      {body === null ? (
        <p className="rl-muted">{t('st.past.noBody')}</p>
      ) : (
        <FactList facts={bodyFacts(body, t)} />
      )}
      {body?.type === 'AppendEntries' && body.entries.length > 0 ? <EntryList body={body} /> : null}
    </section>
  );
}
