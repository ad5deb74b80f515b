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
import type { Action, Entry } from './types.ts';
import { freezeList, thawInto, thawList, type FrozenList } from './sharedList.ts';
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
    checker.firstResults = [];
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
  copy.checker.executed = executed.map((perClient) => perClient.map((seqs) => seqs.slice()));
  copy.checker.firstResults = firstResults.map((results) => results.slice());
  return copy;
}

/**
 * A checkpoint in shared form (snapshotState): the state without its long lists, cloned, and the
 * long lists frozen (sharedList.ts), each sharing what did not change with the previous frozen
 * copy of the same live list. Its cost and its new memory depend on what changed since the last
 * snapshot, not on how long the run is.
 */
export interface StateSnapshot {
  /** The state with every long list emptied. */
  readonly rest: SimState;
  readonly logs: readonly FrozenList<Entry>[];
  readonly actions: FrozenList<Action>;
  readonly flat: readonly FrozenList<unknown>[];
  readonly chains: readonly FrozenList<number>[];
  readonly executed: readonly (readonly FrozenList<true | undefined>[])[];
  readonly firstResults: readonly FrozenList<string | undefined>[];
}

/** The long lists of a state, and putting them back (both in the same order). */
interface LongLists {
  logs: Entry[][];
  actions: Action[];
  flat: unknown[][];
  chains: number[][];
  executed: (true | undefined)[][][];
  firstResults: (string | undefined)[][];
}

function takeLists(state: SimState): LongLists {
  const checker = state.checker;
  const lists: LongLists = {
    logs: state.servers.map((s) => s.log),
    actions: state.actions,
    flat: FLAT_LISTS.map((key) => checker[key] as unknown[]),
    chains: checker.chains,
    executed: checker.executed,
    firstResults: checker.firstResults,
  };
  for (const s of state.servers) s.log = [];
  state.actions = [];
  for (const key of FLAT_LISTS) (checker[key] as unknown[]) = [];
  checker.chains = [];
  checker.executed = [];
  checker.firstResults = [];
  return lists;
}

function putLists(state: SimState, lists: LongLists): void {
  const checker = state.checker;
  state.servers.forEach((s, i) => (s.log = lists.logs[i] as Entry[]));
  state.actions = lists.actions;
  FLAT_LISTS.forEach((key, i) => ((checker[key] as unknown) = lists.flat[i]));
  checker.chains = lists.chains;
  checker.executed = lists.executed;
  checker.firstResults = lists.firstResults;
}

export function snapshotState(state: SimState): StateSnapshot {
  const lists = takeLists(state);
  // A client's answered requests are records never changed once made: shared, not cloned.
  const done = state.clients.map((c) => c.done);
  let rest: SimState;
  try {
    for (const c of state.clients) c.done = [];
    rest = structuredClone(state);
  } finally {
    putLists(state, lists);
    state.clients.forEach((c, i) => (c.done = done[i] as typeof c.done));
  }
  rest.clients.forEach((c, i) => (c.done = (done[i] as typeof c.done).slice()));
  // Array.prototype.map keeps holes (a client id never used), and skips them.
  return {
    rest,
    logs: lists.logs.map((log) => freezeList(log)),
    actions: freezeList(lists.actions),
    flat: lists.flat.map((list) => freezeList(list)),
    chains: lists.chains.map((chain) => freezeList(chain)),
    executed: lists.executed.map((perClient) => perClient.map((seqs) => freezeList(seqs))),
    firstResults: lists.firstResults.map((results) => freezeList(results)),
  };
}

/**
 * A new live state from a snapshot (which is left as it was, and can be restored again). With
 * `recycle`, a state that will never be used again (the run being left for the snapshot's
 * position), its long lists are rewritten in place instead of copied whole (thawInto), so a
 * restore costs what differs between the two positions rather than the length of the run.
 */
export function restoreSnapshot(snapshot: StateSnapshot, recycle?: SimState): SimState {
  const state = structuredClone(snapshot.rest);
  const old = recycle === undefined ? undefined : takeLists(recycle);
  const thaw = <T>(frozen: FrozenList<T>, list: T[] | undefined): T[] =>
    list === undefined ? thawList(frozen) : thawInto(frozen, list);
  putLists(state, {
    logs: snapshot.logs.map((log, i) => thaw(log, old?.logs[i])),
    actions: thaw(snapshot.actions, old?.actions),
    flat: snapshot.flat.map((list, i) => thaw(list, old?.flat[i])),
    chains: snapshot.chains.map((chain, i) => thaw(chain, old?.chains[i])),
    executed: snapshot.executed.map((perClient, s) =>
      perClient.map((seqs, c) => thaw(seqs, old?.executed[s]?.[c])),
    ),
    firstResults: snapshot.firstResults.map((results, c) => thaw(results, old?.firstResults[c])),
  });
  state.clients.forEach((c) => (c.done = c.done.slice()));
  return state;
}
