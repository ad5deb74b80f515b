/** Pure facts for the message inspector: every field of every message type, with its rule. */
import type { Message, MessageBody } from '../../core/types.ts';
import { clientName, endpointName, formatDuration, formatTime, serverName } from '../format.ts';
import type { Fact } from './FactList.tsx';

/** The message type, telling heartbeats (empty AppendEntries, F2-L1) apart. */
export function messageLabel(body: MessageBody): string {
  if (body.type === 'AppendEntries' && body.entries.length === 0)
    return 'AppendEntries (heartbeat)';
  return body.type;
}

/** How far along its trip a message is, from 0 (sent) to 1 (delivered). */
export function messageProgress(m: Pick<Message, 'sentMs' | 'deliverMs'>, now: number): number {
  const span = m.deliverMs - m.sentMs;
  if (span <= 0) return now >= m.deliverMs ? 1 : 0;
  return Math.min(1, Math.max(0, (now - m.sentMs) / span));
}

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/** Shown only for pre-votes, which change nobody's term or vote (PreVote, X-PV). */
function preVoteFact(preVote: boolean): Fact[] {
  if (!preVote) return [];
  return [{ label: 'preVote', value: 'yes', rule: 'Asks “would you vote for me?” (X-PV)' }];
}

/** The fields of the RPC itself, in the paper's order (Figure 2). */
export function bodyFacts(body: MessageBody): Fact[] {
  switch (body.type) {
    case 'RequestVote':
      return [
        { label: 'term', value: String(body.term), rule: 'Candidate’s term (F2-A2)' },
        {
          label: 'candidateId',
          value: serverName(body.candidateId),
          rule: 'Who asks for the vote',
        },
        {
          label: 'lastLogIndex',
          value: String(body.lastLogIndex),
          rule: 'Up-to-date check (F2-RV2)',
        },
        {
          label: 'lastLogTerm',
          value: String(body.lastLogTerm),
          rule: 'Up-to-date check (F2-RV2)',
        },
        ...preVoteFact(body.preVote),
      ];
    case 'RequestVoteReply':
      return [
        {
          label: 'term',
          value: String(body.term),
          rule: 'For the candidate to update itself (F2-A2)',
        },
        { label: 'voteGranted', value: yesNo(body.voteGranted), rule: 'F2-RV2' },
        ...preVoteFact(body.preVote),
      ];
    case 'AppendEntries':
      return [
        { label: 'term', value: String(body.term), rule: 'Leader’s term (F2-AE1)' },
        {
          label: 'leaderId',
          value: serverName(body.leaderId),
          rule: 'So followers can redirect clients (C-1)',
        },
        {
          label: 'prevLogIndex',
          value: String(body.prevLogIndex),
          rule: 'Consistency check (F2-AE3)',
        },
        {
          label: 'prevLogTerm',
          value: String(body.prevLogTerm),
          rule: 'Consistency check (F2-AE3)',
        },
        {
          label: 'entries',
          value: String(body.entries.length),
          rule: 'Empty for a heartbeat (F2-L1)',
        },
        {
          label: 'leaderCommit',
          value: String(body.leaderCommit),
          rule: 'Follower commits up to min(this, last new entry) (F2-AE6)',
        },
        {
          label: 'sentMs',
          value: `${body.sentMs} ms`,
          rule: 'Echoed in the reply: a quorum of echoes confirms leadership for reads (C-4, C-5)',
        },
      ];
    case 'AppendEntriesReply':
      return [
        {
          label: 'term',
          value: String(body.term),
          rule: 'For the leader to update itself (F2-A2)',
        },
        {
          label: 'success',
          value: yesNo(body.success),
          rule: 'false: prevLog did not match (F2-AE3, F2-L4)',
        },
        {
          label: 'matchIndex',
          value: String(body.matchIndex),
          rule: 'prevLogIndex + entries of the request (F2-AE8)',
        },
        ...(body.success
          ? []
          : [
              {
                label: 'rejectedIndex',
                value: String(body.rejectedIndex),
                rule: 'The prevLogIndex refused: a stale or duplicated rejection is ignored (F2-L4)',
              },
            ]),
      ];
    case 'InstallSnapshot':
      return [
        {
          label: 'term',
          value: String(body.term),
          rule: 'Leader’s term; an older one is refused at once (F2-IS1)',
        },
        {
          label: 'leaderId',
          value: serverName(body.leaderId),
          rule: 'So followers can redirect clients (C-1)',
        },
        {
          label: 'lastIncludedIndex',
          value: String(body.lastIncludedIndex),
          rule: 'The snapshot replaces every entry up to here (F2-IS6)',
        },
        {
          label: 'lastIncludedTerm',
          value: String(body.lastIncludedTerm),
          rule: 'Term of that entry: a follower holding it keeps what follows (F2-IS4)',
        },
        {
          label: 'offset',
          value: String(body.offset),
          rule: 'Where this chunk goes in the snapshot (F2-IS2)',
        },
        {
          label: 'data',
          value: `${body.data.length} chars`,
          rule: 'A slice of the serialized state: keys, client sessions, configuration (F2-IS6)',
        },
        {
          label: 'done',
          value: yesNo(body.done),
          rule: 'The last chunk: the follower saves the snapshot (F2-IS3)',
        },
        {
          label: 'chunk',
          value: `${body.chunk} of ${body.chunks}`,
          rule: 'Which chunk this is; each one is a sign of life from the leader (F2-IS7)',
        },
        {
          label: 'sentMs',
          value: `${body.sentMs} ms`,
          rule: 'Echoed in the reply, so only its answer moves the transfer on',
        },
      ];
    case 'InstallSnapshotReply':
      return [
        {
          label: 'term',
          value: String(body.term),
          rule: 'For the leader to update itself (F2-A2)',
        },
        {
          label: 'lastIncludedIndex',
          value: String(body.lastIncludedIndex),
          rule: 'Which snapshot this answers',
        },
        {
          label: 'offset',
          value: String(body.offset),
          rule: 'How much the follower holds: the next chunk starts here (F2-IS2)',
        },
        {
          label: 'done',
          value: yesNo(body.done),
          rule: 'Saved: the leader goes on with AppendEntries after it (F2-IS3)',
        },
        {
          label: 'echoSentMs',
          value: `${body.echoSentMs} ms`,
          rule: 'The sentMs of the chunk answered',
        },
      ];
    case 'ReadIndex':
      return [
        {
          label: 'term',
          value: String(body.term),
          rule: 'The follower’s term: a leader of another term answers no (C-4)',
        },
        {
          label: 'client',
          value: clientName(body.client),
          rule: 'Whose get the follower serves (follower read, C-4)',
        },
        {
          label: 'seq',
          value: String(body.seq),
          rule: 'Echoed in the answer, so the follower matches it to the read (C-2)',
        },
      ];
    case 'ReadIndexReply':
      return [
        { label: 'term', value: String(body.term), rule: 'The leader’s term (F2-A2)' },
        { label: 'client', value: clientName(body.client), rule: 'The read this answers (C-4)' },
        { label: 'seq', value: String(body.seq), rule: 'The read this answers (C-2)' },
        {
          label: 'ok',
          value: body.ok ? 'yes: leadership confirmed' : 'no: not the leader',
          rule: 'no: the follower sends the client on (C-1)',
        },
        ...(body.ok
          ? [
              {
                label: 'readIndex',
                value: String(body.readIndex),
                rule: 'The leader’s commit index when it took the request: the follower answers once it has applied up to it (C-4)',
              },
            ]
          : []),
      ];
    case 'TimeoutNow':
      return [
        { label: 'term', value: String(body.term), rule: 'The leader’s term (X-LT)' },
        {
          label: 'leaderId',
          value: serverName(body.leaderId),
          rule: 'Leadership transfer: start an election now, without waiting (X-LT)',
        },
      ];
    case 'ClientRequest':
      return [
        { label: 'client', value: clientName(body.client), rule: 'Session key (C-2)' },
        { label: 'seq', value: String(body.seq), rule: 'A retry reuses it, so it runs once (C-2)' },
        {
          label: 'command',
          value: body.command,
          rule: 'set K V, get K, del K, incr K, cas K OLD NEW',
        },
      ];
    case 'ClientReply':
      return [
        { label: 'client', value: clientName(body.client), rule: 'C-2' },
        { label: 'seq', value: String(body.seq), rule: 'C-2' },
        { label: 'ok', value: body.ok ? 'yes: answered' : 'no: not the leader', rule: 'C-1' },
        { label: 'result', value: body.result, rule: 'Sent once the entry is applied (F2-L2)' },
        {
          label: 'leaderHint',
          value: body.leaderHint === null ? 'unknown' : serverName(body.leaderHint),
          rule: 'Where to retry (C-1)',
        },
      ];
  }
}

/** The envelope: route, timing and what the network will do with it. */
export function envelopeFacts(m: Message, now: number): Fact[] {
  const facts: Fact[] = [
    {
      label: 'Route',
      value: `${endpointName(m.from)} → ${endpointName(m.to)}`,
      rule: 'Sender and receiver',
    },
    { label: 'Sent', value: formatTime(m.sentMs), rule: 'Virtual time' },
    {
      label: 'Arrives',
      value: formatTime(m.deliverMs),
      rule: `Latency ${formatDuration(m.deliverMs - m.sentMs)}`,
    },
    {
      label: 'Progress',
      value: `${Math.round(messageProgress(m, now) * 100)}%`,
      rule: 'Of the trip so far',
    },
  ];
  if (m.lost)
    facts.push({
      label: 'Fate',
      value: 'will be lost',
      rule: 'The network drops it on arrival (F2-T3)',
    });
  if (m.duplicateOf !== null) {
    facts.push({
      label: 'Duplicate of',
      value: `#${m.duplicateOf}`,
      rule: 'RPCs must be idempotent (F2-T3)',
    });
  }
  return facts;
}
