/**
 * Leader Completeness over the whole history (the rule catalogue INV-LC): "if a log entry is committed in a
 * given term, that entry will be present in the logs of the leaders for all higher-numbered
 * terms". A commit can be recorded after a leader of a higher term was elected, and even after
 * that leader stepped down or crashed: a lagging leader whose acknowledgements arrive late commits
 * in its old term. So every leader is remembered with its log as elected, and each commit is held
 * against every leader of a later term, gone or not.
 *
 * A leader's log as elected is all that matters: it only appends entries of its own term
 * afterwards (INV-LAO), and an entry committed in an earlier term has an earlier term.
 */
import type { CheckerState } from './checkerState.ts';
import type { Report } from './invariants.ts';
import type { ServerId, ServerState } from './types.ts';
import { idAt } from './checkedLog.ts';

/**
 * One election, with the leader's log as it was: entries 1..agree were the committed entries
 * known then (`leaderCommittedIds`, which never change), the rest are `tail` (ids, from agree+1).
 * Sharing the committed prefix keeps a record to the leader's uncommitted suffix.
 */
export interface LeaderRecord {
  term: number;
  server: ServerId;
  agree: number;
  tail: string[];
}

/** A commit recorded by a leader: the entry id at `index`, committed in `term` by `by`. */
export interface CommitRecord {
  index: number;
  id: string;
  term: number;
  by: ServerId;
}

/** Remembers a new leader's log (at its becomeLeader event), keeping the records in term order. */
export function recordLeader(c: CheckerState, s: ServerState): void {
  const committed = c.leaderCommittedIds;
  const limit = Math.min(s.log.length, committed.length);
  let agree = 0;
  while (agree < limit && idAt(c, s, agree + 1) === committed[agree]) agree++;
  const tail: string[] = [];
  for (let i = agree + 1; i <= s.log.length; i++) tail.push(idAt(c, s, i) ?? '?');
  const record: LeaderRecord = { term: s.term, server: s.id, agree, tail };
  let at = c.leaders.length;
  while (at > 0 && (c.leaders[at - 1] as LeaderRecord).term > s.term) at--;
  c.leaders.splice(at, 0, record);
}

/** The id of the entry at `index` in the leader's log as elected, if it had one. */
function idAtElection(c: CheckerState, r: LeaderRecord, index: number): string | undefined {
  return index <= r.agree ? c.leaderCommittedIds[index - 1] : r.tail[index - r.agree - 1];
}

/**
 * INV-LC for one commit against the leaders elected in terms after `commit.term` and up to
 * `upToTerm` (Infinity for a new commit; the old commit term when a lagging leader lowered it).
 * Records are in term order, so a commit in the latest term looks at none.
 */
export function checkPastLeaders(
  c: CheckerState,
  commit: CommitRecord,
  upToTerm: number,
  report: Report,
): void {
  for (let k = c.leaders.length - 1; k >= 0; k--) {
    const r = c.leaders[k] as LeaderRecord;
    if (r.term <= commit.term) return;
    if (r.term > upToTerm || idAtElection(c, r, commit.index) === commit.id) continue;
    report(
      'INV-LC',
      [r.server],
      [commit.index],
      r.term,
      `S${r.server} was elected leader of term ${r.term} without entry ${commit.index}, which S${commit.by} committed in term ${commit.term}`,
    );
  }
}
