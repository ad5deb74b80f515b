/**
 * The shapes of the actions of the design notes (every kind of the core's `Action`, strict objects, every
 * field bounded). The same kinds, without `at`, are what a presenter step may `do` when it starts.
 */
import * as v from 'valibot';
import { MAX_CLIENTS, MAX_SERVERS } from '../core/index.ts';
import type { Action, ActionKind } from '../core/index.ts';
import {
  boundedList,
  commandSchema,
  durationMs,
  int,
  link,
  orderedPair,
  plainObject,
  ratio,
  serverId,
  timeMs,
} from './fields.ts';
import { describeValue } from './issues.ts';
import { problemMessage } from './refusal.ts';
import { LIMITS } from './limits.ts';
import type { StepAction } from './steps.ts';
import { MESSAGE_TYPES } from '../core/messageTypes.ts';

export { MESSAGE_TYPES };

/** A network endpoint: server k is k, client k is -k (types.ts). */
const endpoint = v.pipe(
  int(-MAX_CLIENTS, MAX_SERVERS),
  v.check((n) => n !== 0, problemMessage({ code: 'endpointZero' })),
);

const latencyRange = orderedPair(0, LIMITS.durationMs);

/** The action kinds; `base` is `{ at }` for scenario actions and `{}` for step actions. */
function actionOptions<const B extends v.ObjectEntries>(base: B) {
  const server = <const K extends string>(kind: K) =>
    v.strictObject({ ...base, do: v.literal(kind), server: serverId });
  const linked = <const K extends string>(kind: K) =>
    v.strictObject({ ...base, do: v.literal(kind), link });
  // Membership changes (§1.9): `server` is the server changed, `via` where the admin sends it.
  const change = <const K extends string>(kind: K) =>
    v.strictObject({
      ...base,
      do: v.literal(kind),
      server: serverId,
      via: v.exactOptional(serverId),
      client: v.exactOptional(int(1, MAX_CLIENTS)),
    });
  return [
    server('crash'),
    server('restart'),
    server('timeout'),
    v.strictObject({
      ...base,
      do: v.literal('partition'),
      groups: boundedList(boundedList(serverId, MAX_SERVERS, 1), MAX_SERVERS, 1),
    }),
    v.strictObject({ ...base, do: v.literal('heal') }),
    linked('cut'),
    linked('connect'),
    v.strictObject({
      ...base,
      do: v.literal('request'),
      command: commandSchema,
      server: v.exactOptional(serverId),
      client: v.exactOptional(int(1, MAX_CLIENTS)),
    }),
    v.strictObject({ ...base, do: v.literal('drop'), message: int(0, LIMITS.messageId) }),
    v.strictObject({
      ...base,
      do: v.literal('dropInFlight'),
      type: v.exactOptional(v.picklist(MESSAGE_TYPES)),
      from: v.exactOptional(endpoint),
      to: v.exactOptional(endpoint),
    }),
    v.strictObject({
      ...base,
      do: v.literal('network'),
      latencyMs: v.exactOptional(latencyRange),
      loss: v.exactOptional(ratio),
      duplication: v.exactOptional(ratio),
    }),
    v.strictObject({
      ...base,
      do: v.literal('linkLatency'),
      link,
      latencyMs: v.nullable(latencyRange),
    }),
    v.strictObject({ ...base, do: v.literal('nextTimeout'), server: serverId, ms: durationMs }),
    server('transfer'),
    change('addServer'),
    change('removeServer'),
    change('addLearner'),
    change('promote'),
    v.strictObject({
      ...base,
      do: v.literal('reconfigure'),
      members: boundedList(serverId, MAX_SERVERS, 1),
      via: v.exactOptional(serverId),
      client: v.exactOptional(int(1, MAX_CLIENTS)),
    }),
  ] as const;
}

/** Every action kind of the core, listed once; the compiler checks that none is missing. */
const KINDS: Record<ActionKind, true> = {
  crash: true,
  restart: true,
  timeout: true,
  partition: true,
  heal: true,
  cut: true,
  connect: true,
  request: true,
  drop: true,
  dropInFlight: true,
  network: true,
  linkLatency: true,
  nextTimeout: true,
  addServer: true,
  removeServer: true,
  addLearner: true,
  promote: true,
  reconfigure: true,
  transfer: true,
};
export const ACTION_KINDS = Object.keys(KINDS) as ActionKind[];

function unknownKind(issue: { input: unknown }): string {
  const known = ACTION_KINDS.join(', ');
  return problemMessage(
    issue.input === undefined
      ? { code: 'requiredAction', known }
      : { code: 'unknownAction', got: describeValue(issue.input), known },
  );
}

export const actionShape = v.pipe(
  plainObject,
  v.variant('do', actionOptions({ at: timeMs }), unknownKind),
);
export const stepActionShape = v.pipe(plainObject, v.variant('do', actionOptions({}), unknownKind));

// Compile-time checks: whatever the schemas accept is an action of the core (with or without `at`).
export const asAction = (parsed: v.InferOutput<typeof actionShape>): Action => parsed;
export const asStepAction = (parsed: v.InferOutput<typeof stepActionShape>): StepAction => parsed;
