/**
 * The two quorum invariants of RAFT.md §2.2, from etcd's TLA+ spec:
 *
 * - INV-X10 (`QuorumLogInv`): every committed entry is in at least one log of every quorum of the
 *   configuration. A quorum lacks it exactly when a majority of voters lack it, so it must be held
 *   by at least voters − majority + 1 of them. Committed means the global committed prefix (what
 *   leaders committed, `leaderCommittedIds`); a crashed server's log is persistent and counts.
 * - INV-X11 (`MoreUpToDateCorrectInv`): if log i is at least as up-to-date as log j (§5.4.1) then
 *   j's committed prefix, log_j[1..commitIndex_j], is a prefix of log i. This is what flags
 *   BUG-FIG8 at the illegal commit itself (SC-16 (c)): S5's log [1,3] beats S1's [1,2].
 *
 * Both are re-checked only where something changed: X10 at new commits and at committed indexes a
 * log may have lost; X11 for pairs with a server whose log or commitIndex changed, in O(1) per
 * pair through the hash chains of invariants.ts.
 */
import type { CheckerState, Report } from './invariants.ts';
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
  for (const group of voterGroupsOf(c, servers))
    checkCommittedOnQuorums(c, servers, group, committedBefore, report);
  checkUpToDateLogs(c, servers, report);
}

/** Index ranges [from, to] of the committed prefix that this event may have changed. */
function changedCommitted(
  c: CheckerState,
  servers: readonly ServerState[],
  committedBefore: number,
): [number, number][] {
  const committed = c.leaderCommittedIds.length;
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

/** INV-X10 over the committed indexes this event may have changed. */
function checkCommittedOnQuorums(
  c: CheckerState,
  servers: readonly ServerState[],
  group: VoterGroup,
  committedBefore: number,
  report: Report,
): void {
  const voters = group.voters;
  const needed = holdersNeeded(voters);
  const short: number[] = [];
  let lacking: ServerId[] = [];
  for (const [from, to] of changedCommitted(c, servers, committedBefore)) {
    for (let i = from; i <= Math.min(to, group.upTo); i++) {
      const id = c.leaderCommittedIds[i - 1];
      const without = voters.filter((v) => {
        const s = servers[v - 1];
        return s === undefined || idAt(c, s, i) !== id;
      });
      if (voters.length - without.length >= needed) continue;
      if (short.length === 0) lacking = without;
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

/** INV-X11 for every pair with a server whose log or commitIndex changed in this event. */
function checkUpToDateLogs(c: CheckerState, servers: readonly ServerState[], report: Report): void {
  for (const x of servers) {
    const p = c.prev[x.id - 1];
    if (x.logDirtyFrom === 0 && p !== undefined && p.commitIndex === x.commitIndex) continue;
    for (const y of servers) {
      if (y.id === x.id) continue;
      checkCommittedPrefix(c, x, y, report);
      checkCommittedPrefix(c, y, x, report);
    }
  }
}

/** INV-X11 for one ordered pair: if log i is at least as up-to-date as log j, i holds committed(j). */
function checkCommittedPrefix(
  c: CheckerState,
  i: ServerState,
  j: ServerState,
  report: Report,
): void {
  const committed = Math.min(j.commitIndex, j.log.length);
  if (committed === 0 || !atLeastAsUpToDate(i, j)) return;
  const chainI = c.chains[i.id - 1] ?? [];
  const chainJ = c.chains[j.id - 1] ?? [];
  if (chainI.length >= committed && chainI[committed - 1] === chainJ[committed - 1]) return;
  // Equal chain values mean equal prefixes, so the longest shared prefix is a binary search.
  let lo = 0;
  let hi = Math.min(committed, chainI.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chainI[mid - 1] === chainJ[mid - 1]) lo = mid;
    else hi = mid - 1;
  }
  const at = lo + 1;
  report(
    'INV-X11',
    [i.id, j.id],
    [at],
    Math.max(i.term, j.term),
    `S${i.id}'s log is at least as up-to-date as S${j.id}'s, yet lacks S${j.id}'s committed entry ${at}`,
  );
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
