/**
 * Pure facts for the inspector of a message that is no longer in flight (delivered or dropped),
 * from the space-time record (src/store/spaceTime.ts): route, term, send time, delivery or drop
 * time and why it was dropped. The message's own fields come from bodyFacts (messageModel.ts).
 */
import { EN_T, type Language, type Translate } from '../../i18n/index.ts';
import type { MessageRecord } from '../../store/spaceTime.ts';
import { endpointName, formatDuration, formatTime } from '../names.ts';
import type { Fact } from './FactList.tsx';

export type PastStatus = 'delivered' | 'dropped';

export function pastMessageFacts(
  r: MessageRecord,
  status: PastStatus,
  t: Translate = EN_T,
  lang: Language = 'en',
): Fact[] {
  const endMs = r.endMs ?? r.deliverMs;
  const facts: Fact[] = [
    {
      label: t('msgf.labelRoute'),
      value: `${endpointName(r.from)} → ${endpointName(r.to)}`,
      rule: t('msgf.route'),
    },
    r.term === null
      ? { label: t('st.past.labelTerm'), value: t('st.past.noTerm'), rule: t('st.past.noTermRule') }
      : { label: t('st.past.labelTerm'), value: String(r.term), rule: t('st.past.termRule') },
    { label: t('msgf.labelSent'), value: formatTime(r.sentMs, lang), rule: t('msgf.virtualTime') },
  ];
  if (status === 'delivered') {
    facts.push({
      label: t('st.past.labelDelivered'),
      value: formatTime(endMs, lang),
      rule: t('st.past.deliveredRule', { time: formatDuration(endMs - r.sentMs, lang) }),
    });
  } else {
    facts.push(
      {
        label: t('st.past.labelDropped'),
        value: formatTime(endMs, lang),
        rule: t('st.past.droppedRule', { time: formatDuration(endMs - r.sentMs, lang) }),
      },
      {
        label: t('st.past.labelReason'),
        value: t(`st.reason.${r.dropReason ?? 'loss'}`),
        rule: t('st.legendDrop'),
      },
    );
    // A drop by hand ends it before its arrival: say when it was due.
    if (endMs < r.deliverMs)
      facts.push({
        label: t('st.past.labelDue'),
        value: formatTime(r.deliverMs, lang),
        rule: t('st.past.dueRule'),
      });
  }
  return facts;
}
