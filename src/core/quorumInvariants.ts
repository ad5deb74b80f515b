/**
 * The two quorum invariants of the rule catalogue (src/i18n/rules.ts), from etcd's TLA+ spec:
 *
 * - INV-X10 (`QuorumLogInv`): every committed entry is in at least one log of every quorum of the
 *   configuration. A quorum lacks it exactly when a majority of voters lack it, so it must be held
 *   by at least voters − majority + 1 of them. Committed means the global committed prefix (what
 *   leaders committed, `leaderCommittedIds`); a crashed server's log is persistent and counts.
 * - INV-X11 (after etcd's `MoreUpToDateCorrectInv`, in the form Raft's proof needs): no server
 *   lacking a committed entry is at least as up-to-date (§5.4.1) as a quorum of voters, who would
 *   elect it. This is what flags BUG-FIG8 at the illegal commit itself (SC-16 (c)).
 *
 * Both are re-checked only where something changed: X10 at new commits and at committed indexes a
 * log may have lost; X11 when a log, a commit index or the committed prefix changed, in O(log n)
 * per server through the hash chains of invariants.ts.
 */
import type { CheckerState } from './checkerState.ts';
import type { Report } from './invariants.ts';
import { fnv1a32 } from './prng.ts';
import { configOf, termAt } from './raft/log.ts';
import { idAt } from './checkedLog.ts';
import type { ServerId, ServerState } from './types.ts';

/**
 * Size of the smallest majority of a configuration's voters. Membership changes pass the
 * configuration in force; until then every server votes (`votersOf`).
 */
export function quorumOf(voters: readonly ServerId[]): number {
  return Math.floor(voters.length / 2) + 1;
}

/** INV-X10: a committed entry needs this many holders among `voters` to meet every quorum. */
export function holdersNeeded(voters: readonly ServerId[]): number {
  return voters.length - quorumOf(voters) + 1;
}

/**
 * The voter groups whose quorums must each hold every committed entry: the latest configuration
 * in the committed prefix (C_old and C_new, each on its own, when that one is joint, M-4). Every
 * entry before a committed configuration is on a quorum of it, since the configuration entry
 * itself is, and Log Matching carries its prefix along.
 */
export interface VoterGroup {
  voters: readonly ServerId[];
  /** The group must hold committed entries up to this index (C_old: up to the joint entry). */
  upTo: number;
}

export function voterGroupsOf(c: CheckerState, servers: readonly ServerState[]): VoterGroup[] {
  const config = c.committedConfig;
  if (config === null) return [{ voters: servers.map((s) => s.id), upTo: Infinity }];
  const groups: VoterGroup[] = [{ voters: config.voters, upTo: Infinity }];
  // Once C_old,new is committed, a leader that appended C_new counts C_new alone (M-1), and no
  // server can be elected without a C_new majority: entries after the joint entry need not be on
  // a quorum of C_old.
  if (config.old !== null) groups.push({ voters: config.old, upTo: c.committedConfigIndex });
  return groups;
}

/** Runs after the logs' hash chains and the committed prefix are up to date for this event. */
export function checkQuorumInvariants(
  c: CheckerState,
  servers: readonly ServerState[],
  committedBefore: number,
  report: Report,
): void {
  // Most events change no log, no commit index and no committed entry: nothing to build then.
  const changed = changedCommitted(c, servers, committedBefore);
  const upToDate = upToDateMayHaveChanged(c, servers);
  if (changed.length === 0 && !upToDate) return;
  const groups = voterGroupsOf(c, servers);
  if (changed.length > 0) {
    for (const group of groups) checkCommittedOnQuorums(c, servers, group, changed, report);
  }
  if (upToDate) checkUpToDateLogs(c, servers, groups, report);
}

/** Whether a log, a commit index or the committed prefix changed: INV-X11 may have changed. */
function upToDateMayHaveChanged(c: CheckerState, servers: readonly ServerState[]): boolean {
  if (c.committedIds.length === 0) return false;
  if (c.committedIds.length > c.committedChain.length) return true;
  for (let k = 0; k < servers.length; k++) {
    const s = servers[k] as ServerState;
    if (s.logDirtyFrom !== 0 || c.prev[s.id - 1]?.commitIndex !== s.commitIndex) return true;
  }
  return false;
}

const NOTHING_CHANGED: readonly [number, number][] = [];

/** Index ranges [from, to] of the committed prefix that this event may have changed. */
function changedCommitted(
  c: CheckerState,
  servers: readonly ServerState[],
  committedBefore: number,
): readonly [number, number][] {
  const committed = c.leaderCommittedIds.length;
  // Most events commit nothing and rewrite no committed entry: no list to build.
  let any = committed > committedBefore;
  for (let k = 0; !any && k < servers.length; k++) {
    const s = servers[k] as ServerState;
    if (s.logDirtyFrom === 0) continue;
    any = s.logDirtyFrom <= Math.min(c.prev[s.id - 1]?.logLength ?? 0, committedBefore);
  }
  if (!any) return NOTHING_CHANGED;
  const ranges: [number, number][] = [];
  if (committed > committedBefore) ranges.push([committedBefore + 1, committed]);
  for (const s of servers) {
    if (s.logDirtyFrom === 0) continue;
    // Entries from logDirtyFrom to the old end were rewritten or removed: holders may be lost.
    const to = Math.min(c.prev[s.id - 1]?.logLength ?? 0, committedBefore);
    if (s.logDirtyFrom <= to) ranges.push([s.logDirtyFrom, to]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Whether voter `v` lacks the committed entry `id` at index `i`. */
function lacks(
  c: CheckerState,
  servers: readonly ServerState[],
  v: ServerId,
  i: number,
  id: string | undefined,
): boolean {
  const s = servers[v - 1];
  return s === undefined || idAt(c, s, i) !== id;
}

/** INV-X10 over the committed indexes this event may have changed. */
function checkCommittedOnQuorums(
  c: CheckerState,
  servers: readonly ServerState[],
  group: VoterGroup,
  changed: readonly [number, number][],
  report: Report,
): void {
  const voters = group.voters;
  const needed = holdersNeeded(voters);
  const short: number[] = [];
  let lacking: ServerId[] = [];
  for (const range of changed) {
    for (let i = range[0]; i <= Math.min(range[1], group.upTo); i++) {
      const id = c.leaderCommittedIds[i - 1];
      let holders = 0;
      for (const v of voters) if (!lacks(c, servers, v, i, id)) holders++;
      if (holders >= needed) continue;
      if (short.length === 0) lacking = voters.filter((v) => lacks(c, servers, v, i, id));
      short.push(i);
    }
  }
  const first = short[0];
  if (first === undefined) return;
  const shown = short.slice(0, 5);
  const term = Math.max(...servers.map((s) => s.term));
  // Once per committed index and term, however many more servers lose it afterwards.
  report(
    'INV-X10',
    lacking,
    shown,
    term,
    `Committed entry ${first} is held by ${voters.length - lacking.length} of ${voters.length} servers, so the quorum ${lacking.map((v) => `S${v}`).join(', ')} lacks it (needs ${needed} holders)${short.length > 1 ? `; also ${short.length - 1} more committed ${short.length === 2 ? 'entry' : 'entries'}` : ''}`,
    [],
  );
}

/** §5.4.1: a's log is at least as up-to-date as b's (last term, then length). */
function atLeastAsUpToDate(a: ServerState, b: ServerState): boolean {
  const termA = termAt(a, a.log.length);
  const termB = termAt(b, b.log.length);
  return termA > termB || (termA === termB && a.log.length >= b.log.length);
}

/** Whether voter v is one that server i's log ranks at least as up-to-date as (i itself too). */
function ranksAbove(servers: readonly ServerState[], i: ServerState, v: ServerId): boolean {
  const s = servers[v - 1];
  return s !== undefined && (v === i.id || atLeastAsUpToDate(i, s));
}

/**
 * The hash chain of the committed prefix (what any server counted committed, `committedIds`),
 * kept as long as it: chain[i] covers entries 1..i+1, computed as the servers' chains are, so
 * equal values mean equal prefixes.
 */
function committedChain(c: CheckerState): number[] {
  const chain = c.committedChain;
  for (let i = chain.length; i < c.committedIds.length; i++) {
    const prev = i === 0 ? 0x811c9dc5 : (chain[i - 1] as number);
    chain.push(fnv1a32(c.committedIds[i] as string, prev));
  }
  return chain;
}

/** The first committed index a server's log lacks, or 0 if it holds the whole committed prefix. */
function firstMissing(c: CheckerState, s: ServerState, committed: readonly number[]): number {
  const n = committed.length;
  const chain = c.chains[s.id - 1] ?? [];
  if (chain.length >= n && chain[n - 1] === committed[n - 1]) return 0;
  // Equal chain values mean equal prefixes, so the longest shared prefix is a binary search.
  let lo = 0;
  let hi = Math.min(n, chain.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chain[mid - 1] === committed[mid - 1]) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * INV-X11, in the form Raft's proof needs (§5.4.3): no server that lacks a committed entry has a
 * log at least as up-to-date (§5.4.1) as those of a quorum of voters, who would elect it; in
 * every voter group that must hold that entry (INV-X10's groups), fewer than a majority may rank
 * below it. etcd's pairwise form (a log at least as up-to-date as j's holds j's committed
 * prefix) also fires on legal runs: a leader's own uncommitted entry of term 9, left alone on a
 * crashed server, outranks a follower's entry of term 3 that a leader of term 10 commits later
 * (fuzz seed 51812); that server cannot be elected, since the majority that committed in term 10
 * holds entries of term 10. BUG-FIG8 is still flagged at the illegal commit itself (SC-16 (c)):
 * S5's [1,3] outranks the logs of S2, S3 and S4, a quorum, and lacks the entry S1 committed.
 * Run only when a log, a commit index or the committed prefix changed (upToDateMayHaveChanged).
 */
function checkUpToDateLogs(
  c: CheckerState,
  servers: readonly ServerState[],
  groups: readonly VoterGroup[],
  report: Report,
): void {
  const committed = committedChain(c);
  for (const i of servers) {
    const missing = firstMissing(c, i, committed);
    if (missing === 0) continue;
    // Counted first; the electors are listed only for a report.
    let electable = true;
    for (const group of groups) {
      if (group.upTo < missing) continue;
      let below = 0;
      for (const v of group.voters) if (ranksAbove(servers, i, v)) below++;
      if (below < quorumOf(group.voters)) {
        electable = false;
        break;
      }
    }
    if (!electable) continue;
    const electors: ServerId[] = [];
    for (const group of groups) {
      if (group.upTo < missing) continue;
      for (const v of group.voters) {
        if (ranksAbove(servers, i, v) && !electors.includes(v)) electors.push(v);
      }
    }
    electors.sort((x, y) => x - y);
    report(
      'INV-X11',
      [i.id],
      [missing],
      Math.max(...servers.map((s) => s.term)),
      `S${i.id} lacks committed entry ${missing}, yet its log is at least as up-to-date as those of ${electors.map((v) => `S${v}`).join(', ')}, a quorum that would elect it`,
    );
  }
}

/**
 * INV-X10 at the decision itself: what a leader just committed is held by a quorum of the
 * configuration it uses (M-1; C_old and C_new each when joint, M-4). This is how the checker
 * counts majorities in the configuration in force for each commit, and how it catches a leader
 * outside C_new that counts itself (BUG-SELFCOUNT) before anything else goes wrong.
 */
export function checkCommitDecision(
  c: CheckerState,
  servers: readonly ServerState[],
  leader: ServerState,
  prevCommit: number,
  report: Report,
): void {
  const config = configOf(leader);
  if (config === null) return;
  const groups = config.old === null ? [config.voters] : [config.voters, config.old];
  for (let i = prevCommit + 1; i <= leader.commitIndex; i++) {
    const id = leader.log[i - 1]?.id;
    for (const voters of groups) {
      const holders = voters.filter((v) => {
        const s = servers[v - 1];
        return s !== undefined && idAt(c, s, i) === id;
      });
      if (holders.length >= holdersNeeded(voters)) continue;
      const lacking = voters.filter((v) => !holders.includes(v));
      report(
        'INV-X10',
        lacking,
        [i],
        leader.term,
        `Leader S${leader.id} committed entry ${i}, held by ${holders.length} of the ${voters.length} voters of its configuration {${voters.map((v) => `S${v}`).join(',')}}: the quorum ${lacking.map((v) => `S${v}`).join(', ')} lacks it`,
      );
      return;
    }
  }
}
