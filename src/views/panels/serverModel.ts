/** Pure facts for the server inspector, so what it says is tested in Node. */
import type { LabState } from '../../store/types.ts';
import { EN_T, type Language, type Translate } from '../../i18n/index.ts';
import { isVoter } from '../../core/index.ts';
import type { PeerState, SimConfig } from '../../core/types.ts';
import { configOf, termAt, type ServerView } from '../../store/frameLog.ts';
import { clientName, formatDue, serverName } from '../names.ts';
import { configWords } from '../membership.ts';
import type { Fact } from './FactList.tsx';
import { logCountText } from './logGeometry.ts';

export type ServerActionKind = 'crash' | 'restart' | 'timeout' | 'request' | 'transfer';

export interface ServerAction {
  kind: ServerActionKind;
  label: string;
  enabled: boolean;
  /** Why it is on or off, for the tooltip. */
  why: string;
}

/**
 * The live leader of the highest term, or null: the one a `transfer` action reaches (and the one
 * the cluster view draws the configuration of).
 */
export function liveLeader(servers: readonly ServerView[]): ServerView | null {
  let best: ServerView | null = null;
  for (const s of servers)
    if (!s.crashed && s.role === 'leader' && (best === null || s.term > best.term)) best = s;
  return best;
}

/**
 * "Make this server the leader" (leadership transfer, X-LT): enabled for a running voter of the
 * leader's configuration that is not the leader, while a leader exists and hands over to no one.
 */
export function transferAction(
  s: ServerView,
  leader: ServerView | null,
  t: Translate = EN_T,
): ServerAction {
  const name = serverName(s.id);
  const base = { kind: 'transfer' as const, label: t('transfer.action') };
  if (leader === null) return { ...base, enabled: false, why: t('transfer.noLeader') };
  if (leader.id === s.id) return { ...base, enabled: false, why: t('transfer.isLeader', { name }) };
  if (s.crashed) return { ...base, enabled: false, why: t('transfer.down', { name }) };
  if (!isVoter(configOf(leader), s.id))
    return { ...base, enabled: false, why: t('transfer.notVoter', { name }) };
  const who = serverName(leader.id);
  if (leader.transfer !== null) {
    const target = serverName(leader.transfer.target);
    return { ...base, enabled: false, why: t('transfer.busy', { leader: who, target }) };
  }
  return { ...base, enabled: true, why: t('transfer.why', { leader: who, name }) };
}

/**
 * The inspector's actions, each enabled only when it can change something. With `leader` given
 * (the live leader, or null for none) the transfer action comes last.
 */
export function serverActions(
  s: ServerView,
  t: Translate = EN_T,
  leader?: ServerView | null,
): ServerAction[] {
  const up = !s.crashed;
  const who = serverName(s.id);
  const transfer = leader === undefined ? [] : [transferAction(s, leader, t)];
  return [
    {
      kind: 'crash',
      label: t('action.crash'),
      enabled: up,
      why: up ? t('why.crash', { who }) : t('why.alreadyDown', { who }),
    },
    {
      kind: 'restart',
      label: t('action.restart'),
      enabled: !up,
      why: up ? t('why.running', { who }) : t('why.restart', { who }),
    },
    {
      kind: 'timeout',
      label: t('action.timeout'),
      enabled: up,
      why: up ? t('why.timeout', { who }) : t('why.down', { who }),
    },
    {
      kind: 'request',
      label: t('action.request'),
      enabled: up,
      why: up
        ? t(s.role === 'leader' ? 'why.requestLeader' : 'why.requestRedirect', { who })
        : t('why.requestLost', { who }),
    },
    ...transfer,
  ];
}

/**
 * A leader's work in progress: the server it hands leadership to (X-LT) and the reads it holds
 * (C-4), the latter whenever reads skip the log. Nothing for a server that is not a running leader.
 */
export function leaderDutyFacts(s: ServerView, config: SimConfig, t: Translate = EN_T): Fact[] {
  if (s.crashed || s.role !== 'leader') return [];
  const facts: Fact[] = [];
  if (s.transfer !== null) {
    const { target: id, timeoutNowSent } = s.transfer;
    const target = serverName(id);
    // SC-44: a target behind the leader's snapshot is sent the snapshot before TimeoutNow.
    const snapshotting = (s.peers.find((p) => p.id === id)?.snapshotOut ?? null) !== null;
    facts.push({
      label: t('transfer.fact'),
      value: t(
        timeoutNowSent
          ? 'transfer.timeoutNow'
          : snapshotting
            ? 'snap.transferSnapshot'
            : 'transfer.catchingUp',
        { target },
      ),
      rule: t('transfer.factTitle', { target }),
    });
  }
  if (s.reads.length > 0 || config.reads !== 'log') {
    // A read held for a follower has no key of its own: it names the follower (C-4).
    const what = (r: ServerView['reads'][number]): string =>
      r.forwardTo === undefined ? r.key : t('fread.heldFor', { server: serverName(r.forwardTo) });
    const keys = [...new Set(s.reads.map(what))].join(', ');
    facts.push({
      label: t('reads.held'),
      value:
        s.reads.length === 0 ? t('reads.none') : t('reads.heldValue', { n: s.reads.length, keys }),
      rule: t('reads.heldTitle'),
    });
  }
  return facts;
}

/**
 * A follower's reads (C-4, follower reads): for each, the client and key and what it waits for,
 * the leader's read index or its state machine reaching it. Shown whenever the server serves
 * some, or could (follower reads on, not the leader); lost while crashed.
 */
export function followerReadFacts(s: ServerView, config: SimConfig, t: Translate = EN_T): Fact[] {
  const reads = s.followerReads;
  if (reads.length === 0 && (!config.followerReads || s.role === 'leader')) return [];
  const line = (r: ServerView['followerReads'][number]): string => {
    const base = { client: clientName(r.client), key: r.key };
    return r.readIndex === null
      ? t('fread.waitIndex', { ...base, leader: serverName(r.leader) })
      : t('fread.waitApply', { ...base, index: r.readIndex, applied: s.lastApplied });
  };
  let value = reads.length === 0 ? t('fread.none') : reads.map(line).join('; ');
  if (s.crashed) value = t('fact.lost');
  return [{ label: t('fread.fact'), value, rule: t('fread.factTitle') }];
}

/** Time until the election timer fires, or "—" when no timer runs (leaders: F2-L8). */
export function electionTimerText(
  s: ServerView,
  now: number,
  t: Translate = EN_T,
  lang: Language = 'en',
): string {
  if (s.crashed || s.role === 'leader') return '—';
  return formatDue(s.electionDeadlineMs, now, t, lang);
}

/** The state of a server as label/value pairs; volatile state reads "lost" while crashed. */
export function serverFacts(
  s: ServerView,
  now: number,
  config: SimConfig,
  t: Translate = EN_T,
  lang: Language = 'en',
): Fact[] {
  const lost = t('fact.lost');
  // Compacted slots are empty (F2-IS6): the last term comes from the snapshot when needed.
  const lastTerm = s.log.length === 0 ? -1 : termAt(s, s.log.length);
  const [lo, hi] = config.electionTimeoutMs;
  return [
    { label: t('fact.term'), value: String(s.term), rule: t('sfact.term') },
    {
      label: t('fact.votedFor'),
      value: s.votedFor === null ? t('fact.nobody') : serverName(s.votedFor),
      rule: t('sfact.votedFor'),
    },
    {
      label: t('fact.log'),
      value: `${logCountText(s, t)}${lastTerm < 0 ? '' : t('fact.lastTerm', { term: lastTerm })}`,
      rule: t('sfact.log'),
    },
    {
      label: 'commitIndex',
      value: s.crashed ? lost : String(s.commitIndex),
      rule: t('sfact.commitIndex'),
    },
    {
      label: 'lastApplied',
      value: s.crashed ? lost : String(s.lastApplied),
      rule: t('sfact.lastApplied'),
    },
    {
      label: t('fact.electionTimer'),
      value: electionTimerText(s, now, t, lang),
      rule: t('sfact.timer', { ms: s.electionTimeoutMs, lo, hi }),
    },
    {
      label: t('fact.leader'),
      value: s.crashed
        ? lost
        : s.role === 'leader'
          ? t('fact.itself')
          : s.leaderHint === null
            ? t('fact.unknown')
            : serverName(s.leaderHint),
      rule: t('sfact.leader'),
    },
  ];
}

/**
 * Log compaction in the inspector (F2-IS6): the snapshot's position, the configuration and state
 * it records, and a follower's partly received snapshot (F2-IS2). Nothing when snapshots are off
 * and the server has none.
 */
export function snapshotFacts(s: ServerView, config: SimConfig, t: Translate = EN_T): Fact[] {
  const snap = s.snapshot;
  const incoming = s.crashed ? null : s.incomingSnapshot;
  if (snap === null && incoming === null && config.snapshotEvery <= 0) return [];
  const facts: Fact[] = [
    {
      label: t('snap.fact'),
      value:
        snap === null
          ? t('snap.none')
          : t('snap.factValue', { index: snap.index, term: snap.term }),
      rule: t('snap.factTitle', { every: config.snapshotEvery }),
    },
  ];
  if (snap !== null) {
    const where =
      snap.configIndex === 0 ? t('mem.initial') : t('mem.entry', { index: snap.configIndex });
    facts.push(
      {
        label: t('snap.config'),
        value: `${configWords(snap.config, t)} (${where})`,
        rule: t('snap.configTitle'),
      },
      {
        label: t('snap.state'),
        value: t('snap.stateValue', {
          keys: Object.keys(snap.kv).length,
          sessions: Object.keys(snap.sessions).length,
        }),
        rule: t('snap.stateTitle'),
      },
    );
  }
  if (incoming !== null) {
    facts.push({
      label: t('snap.incoming'),
      value: t('snap.incomingValue', {
        chars: incoming.data.length,
        leader: serverName(incoming.leaderId),
        index: incoming.index,
        term: incoming.term,
      }),
      rule: t('snap.incomingTitle'),
    });
  }
  return facts;
}

/**
 * A leader's snapshot transfer to one peer (F2-IS7), as "1200/3000 chars (40%)" with its
 * tooltip; null when none is under way.
 */
export function peerSnapshotText(
  p: Pick<PeerState, 'id' | 'snapshotOut'>,
  t: Translate = EN_T,
): { text: string; title: string } | null {
  const out = p.snapshotOut;
  if (out === null) return null;
  const size = out.data.length;
  const sent = Math.min(out.offset, size);
  const pct = size === 0 ? 100 : Math.floor((sent / size) * 100);
  return {
    text: t('snap.peerProgress', { sent, size, pct }),
    title: t('snap.peerProgressTitle', {
      name: serverName(p.id),
      index: out.index,
      term: out.term,
      sent,
      size,
    }),
  };
}

/** Runs one of the server actions of the details panel and the context menu. */
export function runServerAction(st: LabState, kind: ServerActionKind, server: number): void {
  if (kind === 'crash') st.crash(server);
  else if (kind === 'restart') st.restart(server);
  else if (kind === 'timeout') st.timeout(server);
  else if (kind === 'transfer') st.act({ do: 'transfer', server });
  else st.request({ server });
}
