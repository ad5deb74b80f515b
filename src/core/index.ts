/** The deterministic Raft core: pure, headless, no clock, no DOM (the design notes). */
export * from './types.ts';
export {
  Simulation,
  DEFAULT_CONFIG,
  DEFAULT_MAX_STEPS,
  MAX_CLIENTS,
  MAX_SERVERS,
  defaultUntil,
  runScenario,
  summarizeServer,
  withDefaults,
  type SimState,
  type NetworkState,
} from './sim.ts';
export { Prng, fnv1a32, type PrngState } from './prng.ts';
export { CoreRefusalError, coreRefusalOf, type CoreRefusal } from './refusal.ts';
export { parseCommand, isValidCommand, type KvCommand } from './kv.ts';
export {
  adminCommandOf,
  configText,
  parseAdmin,
  parseConfigText,
  summarizeMembership,
} from './membership.ts';
export { electorate, isVoter, members as configMembers } from './quorum.ts';
export {
  configAsOf,
  configIndexOf,
  configOf,
  entriesIn,
  entryAt,
  snapshotIndex,
} from './raft/log.ts';
export { linkKey, linkOpen } from './network.ts';
export { lastLogIndex, lastLogTerm, termAt } from './raft.ts';
export { MAX_VIOLATIONS, type CheckerState } from './checkerState.ts';
export { CLIENT_QUEUE_MAX } from './client.ts';
export {
  HistoryRecorder,
  checkLinearizable,
  historyFromEvents,
  linearizabilityViolations,
  type HistoryOp,
  type LinearizabilityResult,
} from './linearizability.ts';
