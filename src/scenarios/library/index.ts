/**
 * The built-in scenario library, in teaching order: elections, replication, failures, the paper's
 * figures, then the teaching bugs. Each entry is a story a presenter clicks through.
 */
import { addServer } from './add-server.ts';
import { electionTimeout } from './election-timeout.ts';
import { etcdKubernetes } from './etcd-kubernetes.ts';
import { exactlyOnce } from './exactly-once.ts';
import { figure7 } from './figure-7.ts';
import { figure8Bug } from './figure-8-bug.ts';
import { figure8 } from './figure-8.ts';
import { figure10Bug, figure10Joint } from './figure-10.ts';
import { followerRepair } from './follower-repair.ts';
import { jointConsensus } from './joint-consensus.ts';
import { moveLeader } from './move-leader.ts';
import { noMajority } from './no-majority.ts';
import { noStaleReads } from './no-stale-reads.ts';
import { normalElection } from './normal-election.ts';
import { partition } from './partition.ts';
import { disruptiveServer, preVote } from './prevote.ts';
import { removeLeader } from './remove-leader.ts';
import { replication } from './replication.ts';
import { singleServerBug, singleServerFix } from './single-server.ts';
import { snapshot } from './snapshot.ts';
import { staleServer } from './stale-server.ts';
import type { LibraryEntry } from './types.ts';
import { voteAmnesia } from './vote-amnesia.ts';

export { libraryLinkId, type LibraryEntry, type LibraryScenario, type Text } from './types.ts';

export const LIBRARY: readonly LibraryEntry[] = [
  electionTimeout,
  normalElection,
  noMajority,
  staleServer,
  replication,
  followerRepair,
  partition,
  disruptiveServer,
  preVote,
  exactlyOnce,
  figure7,
  figure8,
  figure8Bug,
  voteAmnesia,
  addServer,
  jointConsensus,
  removeLeader,
  figure10Bug,
  figure10Joint,
  singleServerBug,
  singleServerFix,
  etcdKubernetes,
  moveLeader,
  noStaleReads,
  snapshot,
];

/** The entry with this id (the `lib=` part of a short link), or undefined. */
export function findLibraryEntry(id: string): LibraryEntry | undefined {
  return LIBRARY.find((entry) => entry.id === id);
}
