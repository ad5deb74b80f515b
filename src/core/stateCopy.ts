/**
 * Copies of the simulation state, for checkpoints and for restoring them (time travel). A copy
 * must share nothing the simulation changes in place, or a checkpoint would drift as the run goes
 * on. But what grows with the run is mostly made once and never changed: the entries of every log
 * (an entry is written when it is appended and never modified after), the actions, and the
 * checker's lists of ids, terms and hashes, whose items are strings and numbers. So a copy takes
 * those lists as fresh arrays of the same items (a pointer copy), and copies the rest of the state
 * whole. Deep-copying every entry made a checkpoint of a long run cost as much as simulating
 * several seconds of it.
 */
import type { CheckerState } from './invariants.ts';
import type { Entry } from './types.ts';
import type { SimState } from './sim.ts';

/** The checker's lists of strings and numbers (copied by a slice). */
const FLAT_LISTS = [
  'leaderCommittedIds',
  'leaderCommitTerms',
  'committedIds',
  'committedTerms',
  'committedChain',
  'appliedIds',
] as const satisfies readonly (keyof CheckerState)[];

type FlatList = (typeof FLAT_LISTS)[number];

export function copyState(state: SimState): SimState {
  const logs: Entry[][] = state.servers.map((s) => s.log);
  const actions = state.actions;
  const checker = state.checker;
  const flat = FLAT_LISTS.map((key) => checker[key]);
  const chains = checker.chains;
  const executed = checker.executed;
  const firstResults = checker.firstResults;
  let copy: SimState;
  // The big lists step out while the rest is cloned, then step back in (nothing can run between).
  try {
    for (const s of state.servers) s.log = [];
    state.actions = [];
    for (const key of FLAT_LISTS) (checker[key] as unknown[]) = [];
    checker.chains = [];
    checker.executed = [];
    checker.firstResults = {};
    copy = structuredClone(state);
  } finally {
    state.servers.forEach((s, i) => (s.log = logs[i] as Entry[]));
    state.actions = actions;
    FLAT_LISTS.forEach((key, i) => ((checker[key] as unknown) = flat[i]));
    checker.chains = chains;
    checker.executed = executed;
    checker.firstResults = firstResults;
  }
  // Array.prototype.slice keeps the holes of a compacted log.
  copy.servers.forEach((s, i) => (s.log = (logs[i] as Entry[]).slice()));
  copy.actions = actions.slice();
  FLAT_LISTS.forEach(
    (key: FlatList, i) => ((copy.checker[key] as unknown) = (flat[i] as unknown[]).slice()),
  );
  copy.checker.chains = chains.map((chain) => chain.slice());
  // Spread defines each key as an own property (a key named __proto__ included), as structuredClone did.
  copy.checker.executed = executed.map((record) => ({ ...record }));
  copy.checker.firstResults = { ...firstResults };
  return copy;
}
