/** Pure facts for the message inspector: every field of every message type, with its rule. */
import type { Message, MessageBody } from '../../core/types.ts';
import { EN_T, type Language, type Translate } from '../../i18n/index.ts';
import { clientName, endpointName, formatDuration, formatTime, serverName } from '../names.ts';
import type { Fact } from './FactList.tsx';

/** The message type, telling heartbeats (empty AppendEntries, F2-L1) apart. */
export function messageLabel(body: MessageBody, t: Translate = EN_T): string {
  if (body.type === 'AppendEntries' && body.entries.length === 0) return t('msgf.heartbeat');
  return body.type;
}

/** How far along its trip a message is, from 0 (sent) to 1 (delivered). */
export function messageProgress(m: Pick<Message, 'sentMs' | 'deliverMs'>, now: number): number {
  const span = m.deliverMs - m.sentMs;
  if (span <= 0) return now >= m.deliverMs ? 1 : 0;
  return Math.min(1, Math.max(0, (now - m.sentMs) / span));
}

const yesNo = (b: boolean, t: Translate): string => t(b ? 'msgf.yes' : 'msgf.no');

/** Shown only for pre-votes, which change nobody's term or vote (PreVote, X-PV). */
function preVoteFact(preVote: boolean, t: Translate): Fact[] {
  if (!preVote) return [];
  return [{ label: 'preVote', value: t('msgf.yes'), rule: t('msgf.preVote') }];
}

/** The fields of the RPC itself, in the paper's order (Figure 2). */
export function bodyFacts(body: MessageBody, t: Translate = EN_T): Fact[] {
  switch (body.type) {
    case 'RequestVote':
      return [
        { label: 'term', value: String(body.term), rule: t('msgf.candidateTerm') },
        {
          label: 'candidateId',
          value: serverName(body.candidateId),
          rule: t('msgf.candidate'),
        },
        {
          label: 'lastLogIndex',
          value: String(body.lastLogIndex),
          rule: t('msgf.upToDate'),
        },
        {
          label: 'lastLogTerm',
          value: String(body.lastLogTerm),
          rule: t('msgf.upToDate'),
        },
        ...preVoteFact(body.preVote, t),
      ];
    case 'RequestVoteReply':
      return [
        {
          label: 'term',
          value: String(body.term),
          rule: t('msgf.candidateUpdate'),
        },
        { label: 'voteGranted', value: yesNo(body.voteGranted, t), rule: 'F2-RV2' },
        ...preVoteFact(body.preVote, t),
      ];
    case 'AppendEntries':
      return [
        { label: 'term', value: String(body.term), rule: t('msgf.leaderTermAE1') },
        {
          label: 'leaderId',
          value: serverName(body.leaderId),
          rule: t('msgf.redirect'),
        },
        {
          label: 'prevLogIndex',
          value: String(body.prevLogIndex),
          rule: t('msgf.consistency'),
        },
        {
          label: 'prevLogTerm',
          value: String(body.prevLogTerm),
          rule: t('msgf.consistency'),
        },
        {
          label: 'entries',
          value: String(body.entries.length),
          rule: t('msgf.entries'),
        },
        {
          label: 'leaderCommit',
          value: String(body.leaderCommit),
          rule: t('msgf.leaderCommit'),
        },
        {
          label: 'sentMs',
          value: `${body.sentMs} ms`,
          rule: t('msgf.readEcho'),
        },
      ];
    case 'AppendEntriesReply':
      return [
        {
          label: 'term',
          value: String(body.term),
          rule: t('msgf.leaderUpdate'),
        },
        {
          label: 'success',
          value: yesNo(body.success, t),
          rule: t('msgf.success'),
        },
        {
          label: 'matchIndex',
          value: String(body.matchIndex),
          rule: t('msgf.matchIndex'),
        },
        ...(body.success
          ? []
          : [
              {
                label: 'rejectedIndex',
                value: String(body.rejectedIndex),
                rule: t('msgf.refusedIndex'),
              },
            ]),
      ];
    case 'InstallSnapshot':
      return [
        {
          label: 'term',
          value: String(body.term),
          rule: t('msgf.leaderTermIS1'),
        },
        {
          label: 'leaderId',
          value: serverName(body.leaderId),
          rule: t('msgf.redirect'),
        },
        {
          label: 'lastIncludedIndex',
          value: String(body.lastIncludedIndex),
          rule: t('msgf.lastIncludedIndex'),
        },
        {
          label: 'lastIncludedTerm',
          value: String(body.lastIncludedTerm),
          rule: t('msgf.lastIncludedTerm'),
        },
        {
          label: 'offset',
          value: String(body.offset),
          rule: t('msgf.offset'),
        },
        {
          label: 'data',
          value: `${body.data.length} chars`,
          rule: t('msgf.data'),
        },
        {
          label: 'done',
          value: yesNo(body.done, t),
          rule: t('msgf.done'),
        },
        {
          label: 'chunk',
          value: `${body.chunk} of ${body.chunks}`,
          rule: t('msgf.chunk'),
        },
        {
          label: 'sentMs',
          value: `${body.sentMs} ms`,
          rule: t('msgf.snapEcho'),
        },
      ];
    case 'InstallSnapshotReply':
      return [
        {
          label: 'term',
          value: String(body.term),
          rule: t('msgf.leaderUpdate'),
        },
        {
          label: 'lastIncludedIndex',
          value: String(body.lastIncludedIndex),
          rule: t('msgf.snapAnswers'),
        },
        {
          label: 'offset',
          value: String(body.offset),
          rule: t('msgf.holds'),
        },
        {
          label: 'done',
          value: yesNo(body.done, t),
          rule: t('msgf.saved'),
        },
        {
          label: 'echoSentMs',
          value: `${body.echoSentMs} ms`,
          rule: t('msgf.sentMs'),
        },
      ];
    case 'ReadIndex':
      return [
        {
          label: 'term',
          value: String(body.term),
          rule: t('msgf.followerTerm'),
        },
        {
          label: 'client',
          value: clientName(body.client),
          rule: t('msgf.readClient'),
        },
        {
          label: 'seq',
          value: String(body.seq),
          rule: t('msgf.seqEcho'),
        },
      ];
    case 'ReadIndexReply':
      return [
        { label: 'term', value: String(body.term), rule: t('msgf.leaderTermA2') },
        { label: 'client', value: clientName(body.client), rule: t('msgf.readAnswersC4') },
        { label: 'seq', value: String(body.seq), rule: t('msgf.readAnswersC2') },
        {
          label: 'ok',
          value: body.ok ? t('msgf.yesLeader') : t('msgf.noLeader'),
          rule: t('msgf.readNo'),
        },
        ...(body.ok
          ? [
              {
                label: 'readIndex',
                value: String(body.readIndex),
                rule: t('msgf.readIndex'),
              },
            ]
          : []),
      ];
    case 'TimeoutNow':
      return [
        { label: 'term', value: String(body.term), rule: t('msgf.leaderTermLT') },
        {
          label: 'leaderId',
          value: serverName(body.leaderId),
          rule: t('msgf.timeoutNow'),
        },
      ];
    case 'ClientRequest':
      return [
        { label: 'client', value: clientName(body.client), rule: t('msgf.sessionKey') },
        { label: 'seq', value: String(body.seq), rule: t('msgf.seq') },
        {
          label: 'command',
          value: body.command,
          rule: t('msgf.commands'),
        },
      ];
    case 'ClientReply':
      return [
        { label: 'client', value: clientName(body.client), rule: 'C-2' },
        { label: 'seq', value: String(body.seq), rule: 'C-2' },
        { label: 'ok', value: body.ok ? t('msgf.yesAnswered') : t('msgf.noLeader'), rule: 'C-1' },
        { label: 'result', value: body.result, rule: t('msgf.result') },
        {
          label: 'leaderHint',
          value: body.leaderHint === null ? t('fact.unknown') : serverName(body.leaderHint),
          rule: t('msgf.retryWhere'),
        },
      ];
  }
}

/** The envelope: route, timing and what the network will do with it. */
export function envelopeFacts(
  m: Message,
  now: number,
  t: Translate = EN_T,
  lang: Language = 'en',
): Fact[] {
  const facts: Fact[] = [
    {
      label: t('msgf.labelRoute'),
      value: `${endpointName(m.from)} → ${endpointName(m.to)}`,
      rule: t('msgf.route'),
    },
    { label: t('msgf.labelSent'), value: formatTime(m.sentMs, lang), rule: t('msgf.virtualTime') },
    {
      label: t('msgf.labelArrives'),
      value: formatTime(m.deliverMs, lang),
      rule: t('msgf.latency', { time: formatDuration(m.deliverMs - m.sentMs, lang) }),
    },
    {
      label: t('msgf.labelProgress'),
      value: `${Math.round(messageProgress(m, now) * 100)}%`,
      rule: t('msgf.progress'),
    },
  ];
  if (m.lost)
    facts.push({
      label: t('msgf.labelFate'),
      value: t('msgf.willBeLost'),
      rule: t('msgf.dropsOnArrival'),
    });
  if (m.duplicateOf !== null) {
    facts.push({
      label: t('msgf.labelDuplicate'),
      value: `#${m.duplicateOf}`,
      rule: t('msgf.idempotent'),
    });
  }
  return facts;
}
