/**
 * Field schemas shared by the scenario shape and the action shapes: integers with bounds, ranges,
 * ratios, links, commands, and lists whose length is checked before their items.
 */
import * as v from 'valibot';
import { isValidCommand, parseConfigText } from '../core/index.ts';
import { MAX_SERVERS } from '../core/index.ts';
import { describeValue } from './issues.ts';
import { LIMITS } from './limits.ts';
import { problemMessage } from './refusal.ts';

/** Valibot checks `typeof === 'object'`, which lets lists through; a field that wants an object does not. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export const plainObject = v.custom<Record<string, unknown>>(isPlainObject, (issue) =>
  problemMessage({ code: 'object', got: describeValue(issue.input) }),
);

export function record<const T extends v.ObjectEntries>(entries: T) {
  return v.pipe(plainObject, v.strictObject(entries));
}

/** A list whose length is checked before its items, so a huge list costs nothing to reject. */
export function boundedList<const T extends v.GenericSchema>(item: T, max: number, min = 0) {
  return v.pipe(
    v.custom<unknown[]>(Array.isArray, (i) =>
      problemMessage({ code: 'list', got: describeValue(i.input) }),
    ),
    v.minLength(min),
    v.maxLength(max),
    v.array(item),
  );
}

export function int(min: number, max: number) {
  return v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
}

export const timeMs = int(0, LIMITS.timeMs);
export const serverId = int(1, MAX_SERVERS);
export const durationMs = int(1, LIMITS.durationMs);

export function orderedPair(min: number, max: number) {
  return v.pipe(
    v.strictTuple([int(min, max), int(min, max)]),
    v.check(
      ([low, high]) => low <= high,
      (issue) => problemMessage({ code: 'minAboveMax', pair: `[${issue.input.join(', ')}]` }),
    ),
  );
}

export const ratio = v.pipe(
  v.strictTuple([int(0, LIMITS.ratioDenominator), int(1, LIMITS.ratioDenominator)]),
  v.check(
    ([numerator, denominator]) => numerator <= denominator,
    (issue) => problemMessage({ code: 'ratio', pair: `[${issue.input.join(', ')}]` }),
  ),
);

export const link = v.pipe(
  v.strictTuple([serverId, serverId]),
  v.check(
    ([a, b]) => a !== b,
    (issue) => problemMessage({ code: 'sameServer', pair: `[${issue.input.join(', ')}]` }),
  ),
);

export const commandSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.commandChars),
  v.check(isValidCommand, (issue) =>
    problemMessage({ code: 'notCommand', got: describeValue(issue.input) }),
  ),
);

/**
 * A command in a scenario's `initial` log: a state-machine command, or a configuration entry such
 * as `config 1,2,3`, `config 1,2,3 -> 1,2,3,4,5` (joint) or `config 1,2,3 learners 4` (M-1).
 */
export const logCommandSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.commandChars),
  v.check(
    (text) => isValidCommand(text) || parseConfigText(text) !== null,
    (issue) => problemMessage({ code: 'notLogCommand', got: describeValue(issue.input) }),
  ),
);
