/**
 * Majorities over a configuration (the rule catalogue (src/i18n/rules.ts)), kept apart from the server the way etcd keeps
 * its `quorum/` package: one place decides what "a majority" means for votes, for commitment and
 * for CheckQuorum. Under joint consensus (M-4) a decision needs a majority of C_old **and** a
 * majority of C_new, counted separately.
 */
import type { Configuration, ServerId } from './types.ts';

/** The smallest number of a group's members that is a majority of it. */
export function majorityOf(size: number): number {
  return Math.floor(size / 2) + 1;
}

/** Whether the members for which `yes` holds are a majority of `group` (never of an empty one). */
export function groupAgrees(group: readonly ServerId[], yes: (id: ServerId) => boolean): boolean {
  if (group.length === 0) return false;
  let count = 0;
  for (const id of group) if (yes(id)) count += 1;
  return count >= majorityOf(group.length);
}

/** Whether `yes` holds for a majority of the configuration (both majorities when joint). */
export function quorumAgrees(
  config: Configuration | null,
  yes: (id: ServerId) => boolean,
): boolean {
  if (config === null) return false;
  if (!groupAgrees(config.voters, yes)) return false;
  return config.old === null || groupAgrees(config.old, yes);
}

/**
 * The highest index held by a majority of `group`, given each member's highest held index (the
 * leader's matchIndex, F2-L5), or 0.
 */
export function groupCommitted(
  group: readonly ServerId[],
  matchOf: (id: ServerId) => number,
): number {
  const n = group.length;
  if (n === 0) return 0;
  // Highest first, by insertion into a scratch array: the leader counts after every answer.
  for (let i = 0; i < n; i++) {
    const value = matchOf(group[i] as ServerId);
    let j = i;
    for (; j > 0 && (matchScratch[j - 1] as number) < value; j--) {
      matchScratch[j] = matchScratch[j - 1] as number;
    }
    matchScratch[j] = value;
  }
  return matchScratch[majorityOf(n) - 1] ?? 0;
}

/** groupCommitted's sorting space (calls never nest: matchOf only reads a peer's matchIndex). */
const matchScratch: number[] = [];

/** The highest index held by a quorum of the configuration (the lower of the two when joint). */
export function quorumCommitted(
  config: Configuration | null,
  matchOf: (id: ServerId) => number,
): number {
  if (config === null) return 0;
  const inNew = groupCommitted(config.voters, matchOf);
  return config.old === null ? inNew : Math.min(inNew, groupCommitted(config.old, matchOf));
}

/** Every server whose vote counts: C_new, and C_old during a joint phase. */
export function electorate(config: Configuration | null): ServerId[] {
  if (config === null) return [];
  if (config.old === null) return config.voters;
  return [...new Set([...config.old, ...config.voters])].sort((a, b) => a - b);
}

/** Whether the server votes in this configuration (in C_new or, when joint, C_old). */
export function isVoter(config: Configuration | null, id: ServerId): boolean {
  if (config === null) return false;
  return config.voters.includes(id) || (config.old?.includes(id) ?? false);
}

/** Every server the leader replicates to: voters of both configurations and learners. */
export function members(config: Configuration | null): ServerId[] {
  if (config === null) return [];
  return [...new Set([...electorate(config), ...config.learners])].sort((a, b) => a - b);
}
