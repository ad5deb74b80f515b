/**
 * The shape of a scenario file (our design notes ("Scenarios and links")), checked field by field with
 * valibot: types, strict objects (unknown keys are rejected) and per-field bounds. Checks that need
 * two fields at once (a server id against the server count, partition coverage) are in semantic.ts.
 */
import * as v from 'valibot';
import { BUG_IDS, MAX_SERVERS } from '../core/index.ts';
import { actionShape, stepActionShape } from './actionShape.ts';
import {
  boundedList,
  logCommandSchema,
  durationMs,
  int,
  orderedPair,
  plainObject,
  ratio,
  record,
  serverId,
} from './fields.ts';
import { LIMITS } from './limits.ts';
import { problemMessage } from './refusal.ts';
import { stepShape } from './stepShape.ts';

const bugs = v.pipe(
  boundedList(v.picklist(BUG_IDS), BUG_IDS.length),
  v.check((list) => new Set(list).size === list.length, problemMessage({ code: 'sameBugTwice' })),
);

export const configShape = record({
  servers: v.exactOptional(int(1, MAX_SERVERS)),
  electionTimeoutMs: v.exactOptional(orderedPair(1, LIMITS.durationMs)),
  heartbeatMs: v.exactOptional(durationMs),
  latencyMs: v.exactOptional(orderedPair(0, LIMITS.durationMs)),
  rpcTimeoutMs: v.exactOptional(durationMs),
  clientTimeoutMs: v.exactOptional(durationMs),
  maxEntriesPerAppend: v.exactOptional(int(1, LIMITS.maxEntriesPerAppend)),
  loss: v.exactOptional(ratio),
  duplication: v.exactOptional(ratio),
  noopOnElection: v.exactOptional(v.boolean()),
  preVote: v.exactOptional(v.boolean()),
  checkQuorum: v.exactOptional(v.boolean()),
  disruptionGuard: v.exactOptional(v.boolean()),
  reads: v.exactOptional(v.picklist(['log', 'readIndex', 'lease'])),
  // Log compaction: a snapshot every this many applied entries; 0 (the default) never.
  snapshotEvery: v.exactOptional(int(0, LIMITS.snapshotEvery)),
  // C-4: followers serve reads with a read index from the leader (not with reads "log").
  followerReads: v.exactOptional(v.boolean()),
  // null (the default): every server is a member.
  members: v.exactOptional(
    v.nullable(
      v.pipe(
        boundedList(serverId, MAX_SERVERS, 1),
        v.check(
          (list) => new Set(list).size === list.length,
          problemMessage({ code: 'sameServerTwice' }),
        ),
      ),
    ),
  ),
  bugs: v.exactOptional(bugs),
});

const entry = v.strictTuple([int(1, LIMITS.term), logCommandSchema]);

export const initialServerShape = record({
  term: int(0, LIMITS.term),
  votedFor: v.nullable(serverId),
  log: boundedList(entry, LIMITS.logEntries),
});

/** Presenter steps (steps.ts), whose `do` entries are checked like any action, without `at`. */
const scenarioStepShape = v.pipe(
  plainObject,
  v.strictObject({ ...stepShape.entries, do: v.exactOptional(boundedList(stepActionShape, 50)) }),
);

export const scenarioShape = record({
  version: v.literal(1),
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.titleChars)),
  description: v.exactOptional(v.pipe(v.string(), v.maxLength(LIMITS.descriptionChars))),
  seed: int(0, LIMITS.seed),
  config: configShape,
  initial: v.exactOptional(boundedList(initialServerShape, MAX_SERVERS, 1)),
  actions: boundedList(actionShape, LIMITS.actions),
  steps: v.exactOptional(boundedList(scenarioStepShape, LIMITS.steps)),
});

export type ScenarioShape = v.InferOutput<typeof scenarioShape>;
