/**
 * What the views say and draw about membership (the rule catalogue (src/i18n/rules.ts)), as pure functions of frozen frames:
 * which configuration the cluster view draws, where each server stands in it, a configuration in
 * words, what a commit and an election need, and the admin commands a dialog choice sends.
 */
import type { MessageKey, Translate } from '../i18n/index.ts';
import { configMembers, configText, electorate, isVoter } from '../core/index.ts';
import type { Configuration, ServerId } from '../core/types.ts';
import { configIndexOf, configOf, type ServerView } from '../store/frameLog.ts';
import type { Intervention } from '../store/interventions.ts';
import { serverName } from './names.ts';
import type { Fact } from './panels/FactList.tsx';

const byId = (a: number, b: number): number => a - b;

/** `{S1, S2, S3}`, or `{S1…S5}` for a run of four or more consecutive ids. */
export function groupText(ids: readonly number[]): string {
  const sorted = [...ids].sort(byId);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (
    first !== undefined &&
    last !== undefined &&
    sorted.length >= 4 &&
    last - first === sorted.length - 1
  ) {
    return `{${serverName(first)}…${serverName(last)}}`;
  }
  return `{${sorted.map(serverName).join(', ')}}`;
}

/** The server whose configuration the cluster view draws: the live leader of the highest term,
 * else the live server with the newest configuration, else any server that has one. */
export function referenceServer(servers: readonly ServerView[]): ServerView | null {
  let best: ServerView | null = null;
  for (const s of servers) {
    if (s.crashed || s.role !== 'leader') continue;
    if (best === null || s.term > best.term) best = s;
  }
  if (best !== null) return best;
  const rank = (s: ServerView): number => (s.crashed ? 0 : 1e12) + s.term * 1e6 + configIndexOf(s);
  for (const s of servers) {
    if (configOf(s) === null) continue;
    if (best === null || rank(s) > rank(best)) best = s;
  }
  return best;
}

export interface ClusterMembership {
  /** The configuration drawn (the reference server's); null when no server has one. */
  reference: Configuration | null;
  referenceFrom: ServerId | null;
  /** Members of `reference` (voters of both configurations when joint, and learners): the ring. */
  inside: ServerId[];
  /** Everyone else: the outside row. */
  outside: ServerId[];
  /** Servers the leader is catching up before they may vote (M-5). */
  catchingUp: ServerId[];
}

/** Which servers the cluster view puts on the ring and which apart. */
export function clusterMembership(servers: readonly ServerView[]): ClusterMembership {
  const all = servers.map((s) => s.id);
  const ref = referenceServer(servers);
  const config = ref === null ? null : configOf(ref);
  if (ref === null || config === null) {
    return { reference: null, referenceFrom: null, inside: all, outside: [], catchingUp: [] };
  }
  const members = configMembers(config);
  const change = ref.role === 'leader' && !ref.crashed ? ref.change : null;
  return {
    reference: config,
    referenceFrom: ref.id,
    inside: all.filter((id) => members.includes(id)),
    outside: all.filter((id) => !members.includes(id)),
    catchingUp: change?.phase === 'catchUp' ? [...change.catchUp] : [],
  };
}

/** A string that changes exactly when clusterMembership does (a cheap store selector). */
export function clusterMembershipKey(servers: readonly ServerView[]): string {
  // Frames are frozen and a frame's list of servers is new when any server changed, so the key is
  // worked out once per list: the cluster view, the inspector and the Membership… button select
  // it on every store update (every animation frame while the lab plays).
  let key = membershipKeys.get(servers);
  if (key === undefined) {
    key = JSON.stringify(clusterMembership(servers));
    membershipKeys.set(servers, key);
  }
  return key;
}

const membershipKeys = new WeakMap<readonly ServerView[], string>();

export type MemberRole = 'voter' | 'learner' | 'outside';

export function memberRole(config: Configuration | null, id: ServerId): MemberRole {
  if (isVoter(config, id)) return 'voter';
  return config?.learners.includes(id) ? 'learner' : 'outside';
}

/** Whether two configurations are the same (null for none). */
export function sameConfig(a: Configuration | null, b: Configuration | null): boolean {
  if (a === null || b === null) return a === b;
  return configText(a) === configText(b);
}

/** A configuration in words: "voters {S1, S2, S3}, learners {S5}" or the joint form. */
export function configWords(config: Configuration | null, t: Translate): string {
  if (config === null) return t('mem.none');
  const main =
    config.old === null
      ? t('mem.voters', { group: groupText(config.voters) })
      : t('mem.joint', { old: groupText(config.old), group: groupText(config.voters) });
  return config.learners.length === 0
    ? main
    : `${main}, ${t('mem.learners', { group: groupText(config.learners) })}`;
}

/** Where a server's configuration comes from and whether it is committed, in words. */
export function configSource(s: ServerView, t: Translate): { where: string; state: string } {
  const index = configIndexOf(s);
  return {
    where: index === 0 ? t('mem.initial') : t('mem.entry', { index }),
    state: index <= s.commitIndex ? t('mem.committed') : t('mem.uncommitted'),
  };
}

/** "Configuration: voters {S1, S2, S3} (entry 4, committed)." for a tooltip. */
export function configSentence(s: ServerView, t: Translate): string {
  return t('mem.uses', { config: configWords(configOf(s), t), ...configSource(s, t) });
}

/** "3 of {S1…S5}", or "2 of {S1, S2, S3} and 3 of {S1…S5}" during a joint phase (M-4). */
export function quorumNeed(config: Configuration | null, t: Translate): string | null {
  if (config === null || config.voters.length === 0) return null;
  const part = (group: readonly number[]): string =>
    t('mem.needs.of', { k: Math.floor(group.length / 2) + 1, group: groupText(group) });
  const inNew = part(config.voters);
  return config.old === null ? inNew : t('mem.needs.and', { a: part(config.old), b: inNew });
}

/**
 * The inspector's sentences on quorums under the configuration the server uses (M-4): a leader
 * gets what a commit and an election need, another server what an election needs.
 */
export function quorumSentences(s: ServerView, t: Translate): string[] {
  const need = quorumNeed(configOf(s), t);
  if (need === null) return [t('mem.needs.none')];
  const election = t('mem.needs.election', { need });
  return s.role === 'leader' && !s.crashed
    ? [t('mem.needs.commit', { need }), election]
    : [election];
}

/** The phase of a leader's change in progress, in words. */
export function changeWords(s: ServerView, t: Translate): string | null {
  const c = s.change;
  if (c === null) return null;
  const phase =
    c.phase === 'catchUp'
      ? t('mem.phase.catchUp', { servers: groupText(c.catchUp), round: c.round })
      : t(c.phase === 'joint' ? 'mem.phase.joint' : 'mem.phase.final');
  return `"${c.command}": ${phase}`;
}

/** The membership actions a server's menu offers, given the configuration the view draws. */
export type ChangeKind = 'addServer' | 'addLearner' | 'removeServer' | 'promote';

export function changeOptions(config: Configuration | null, id: ServerId): ChangeKind[] {
  switch (memberRole(config, id)) {
    case 'outside':
      return config === null ? [] : ['addServer', 'addLearner'];
    case 'learner':
      return ['promote', 'removeServer'];
    case 'voter':
      return config !== null && electorate(config).length > 1 ? ['removeServer'] : [];
  }
}

/**
 * What the reconfigure dialog sends for the new voters `wanted`: one `reconfigure` (joint
 * consensus), or one addServer per newcomer then one removeServer per leaver (one server at a
 * time, M-2: the admin client queues them and sends each once the previous one is answered).
 * Adding first keeps the cluster as large as possible while it changes.
 */
export function reconfigurePlan(
  current: Configuration | null,
  wanted: readonly ServerId[],
  mode: 'joint' | 'single',
): Intervention[] {
  const next = [...new Set(wanted)].sort(byId);
  if (next.length === 0) return [];
  const voters = current === null ? [] : current.voters;
  if (current !== null && current.old === null && next.join(',') === voters.join(',')) return [];
  if (mode === 'joint') return [{ do: 'reconfigure', members: next }];
  const adds = next.filter((id) => !voters.includes(id));
  const removes = voters.filter((id) => !next.includes(id));
  return [
    ...adds.map((server): Intervention => {
      const learner = current?.learners.includes(server) ?? false;
      return learner ? { do: 'promote', server } : { do: 'addServer', server };
    }),
    ...removes.map((server): Intervention => ({ do: 'removeServer', server })),
  ];
}

/** The admin command text of an intervention, as the feed and the log show it. */
export function interventionCommand(a: Intervention): string {
  switch (a.do) {
    case 'addServer':
    case 'removeServer':
    case 'addLearner':
    case 'promote':
      return `${a.do} ${a.server}`;
    case 'reconfigure':
      return `reconfigure ${[...a.members].sort(byId).join(',')}`;
    default:
      return a.do;
  }
}

/** The inspector's membership facts: the configuration in force, its entry, the change. */
export function membershipFacts(s: ServerView, t: Translate): Fact[] {
  const config = configOf(s);
  const { where, state } = configSource(s, t);
  const facts: Fact[] = [
    { label: t('mem.inForce'), value: configWords(config, t), rule: t('mem.inForceTitle') },
    { label: t('mem.source'), value: `${where}, ${state}`, rule: t('mem.inForceTitle') },
  ];
  if (s.role === 'leader' && !s.crashed) {
    facts.push({
      label: t('mem.change'),
      value: changeWords(s, t) ?? t('mem.noChange'),
      rule: t('mem.changeTitle'),
    });
  }
  return facts;
}

/** The label and tooltip keys of each change a server's menu offers. */
export const CHANGE_KEYS: Readonly<Record<ChangeKind, readonly [MessageKey, MessageKey]>> = {
  addServer: ['mem.add', 'mem.addTitle'],
  addLearner: ['mem.addLearner', 'mem.addLearnerTitle'],
  removeServer: ['mem.remove', 'mem.removeTitle'],
  promote: ['mem.promote', 'mem.promoteTitle'],
};

/** The configuration entries of a server's log, newest first, in words (for the inspector). */
export function configEntryLines(s: ServerView, t: Translate): string[] {
  const lines: string[] = [];
  for (let k = s.configIndexes.length - 1; k >= 0; k--) {
    const index = s.configIndexes[k] ?? 0;
    const entry = s.log.at(index - 1);
    if (entry?.config === undefined) continue;
    const state = index <= s.commitIndex ? t('mem.committed') : t('mem.uncommitted');
    lines.push(`⚙ ${t('mem.entry', { index })}: ${configWords(entry.config, t)} (${state})`);
  }
  return lines;
}
