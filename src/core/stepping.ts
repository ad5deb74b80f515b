/**
 * Everything the simulation runs only when it steps: what servers do (raftSteps.ts, with the
 * rules of raft/ it reaches) and the invariant checker (invariants.ts). A simulation is created,
 * and a lab's first frame drawn, without any of it; the served build loads it as one chunk after
 * the first paint (src/store/engineLazy.ts).
 */
export {
  electionTimeout,
  receive,
  restart,
  startElection,
  startPreVote,
  startTransfer,
  tick,
} from './raftSteps.ts';
export { checkStep } from './invariants.ts';
