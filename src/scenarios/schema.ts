/**
 * The scenario format, version 1 (our design notes ("Scenarios and links"), contract):
 * `{ version: 1, title, description?, seed, config, initial?, actions, steps? }`.
 *
 * Parsing is for untrusted input (links, files): it checks every field and bound, then the fields
 * against each other, and answers with a refusal (refusal.ts) naming the field and the problem. A parsed
 * scenario holds the whole config (the file's fields merged over the core's DEFAULT_CONFIG), so it
 * replays the same even if the defaults change later, and its actions sorted stably by `at`.
 */
import * as v from 'valibot';
import { withDefaults } from '../core/index.ts';
import type { Action, InitialServerState, SimConfig } from '../core/index.ts';
import { describeValue, issueRefusal } from './issues.ts';
import { findJsonSyntaxError } from './jsonError.ts';
import { LIMITS } from './limits.ts';
import { prettyJson } from './prettyJson.ts';
import { fieldRefusal } from './refusal.ts';
import type { Refusal } from './refusal.ts';
import { checkActions, checkInitial, checkMembers, checkReads, checkSteps } from './semantic.ts';
import { isPlainObject } from './fields.ts';
import { scenarioShape } from './shape.ts';
import type { Step } from './steps.ts';

export const SCENARIO_VERSION = 1;

export interface Scenario {
  version: 1;
  title: string;
  description?: string;
  seed: number;
  /** Complete: the file's fields over DEFAULT_CONFIG. */
  config: SimConfig;
  initial?: InitialServerState[];
  /** Sorted by `at`; actions with the same `at` keep their order in the file. */
  actions: Action[];
  /** Presenter steps (steps.ts). */
  steps?: Step[];
}

/** A refused scenario says why as data (refusal.ts); the reader's language words it. */
export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; refusal: Refusal };

function fail(refusal: Refusal): ParseResult {
  return { ok: false, refusal };
}

/** A newer file says so plainly instead of failing on whatever field changed. */
function checkVersion(input: unknown): Refusal | null {
  if (!isPlainObject(input) || !('version' in input)) return null;
  const version = input.version;
  if (version === SCENARIO_VERSION) return null;
  if (typeof version === 'number' && Number.isInteger(version) && version > SCENARIO_VERSION) {
    return fieldRefusal('version', { code: 'newerVersion', version, reads: SCENARIO_VERSION });
  }
  return fieldRefusal('version', {
    code: 'version',
    expected: SCENARIO_VERSION,
    got: describeValue(version),
  });
}

/** Validates a parsed JSON value as a scenario. */
export function parseScenario(input: unknown): ParseResult {
  const version = checkVersion(input);
  if (version !== null) return fail(version);
  const parsed = v.safeParse(scenarioShape, input, { abortEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return fail(issue === undefined ? fieldRefusal('', { code: 'invalid' }) : issueRefusal(issue));
  }
  const shape = parsed.output;
  // A copy: withDefaults shares the default arrays, and a scenario is its own plain data.
  const config = structuredClone(withDefaults(shape.config));
  const problem =
    checkMembers(config.members, config.servers) ??
    checkReads(config) ??
    checkInitial(shape.initial, config.servers) ??
    checkActions(shape.actions, config.servers) ??
    checkSteps(shape.steps ?? [], config.servers);
  if (problem !== null) return fail(problem);
  const scenario: Scenario = {
    version: 1,
    title: shape.title,
    seed: shape.seed,
    config,
    // Array.prototype.sort is stable, so same-time actions keep the file's order.
    actions: [...shape.actions].sort((a, b) => a.at - b.at),
  };
  if (shape.description !== undefined) scenario.description = shape.description;
  if (shape.initial !== undefined) scenario.initial = shape.initial;
  // A JSON copy drops the `undefined` that valibot's optional() may type in (JSON never has it).
  if (shape.steps !== undefined) scenario.steps = JSON.parse(JSON.stringify(shape.steps)) as Step[];
  return { ok: true, scenario };
}

/** Parses scenario text (a file, a decoded link): bounded in size, JSON errors located. */
export function parseScenarioText(text: string): ParseResult {
  if (text.length > LIMITS.textChars) {
    return fail({ code: 'textTooLarge', chars: text.length, limit: LIMITS.textChars });
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const found = findJsonSyntaxError(body);
    if (found === null) return fail({ code: 'malformedJsonSomewhere' });
    const { line, column, problem } = found;
    return fail({ code: 'malformedJson', line, column, problem });
  }
  return parseScenario(value);
}

export { toRunSetup } from './runSetup.ts';

const CONFIG_KEYS: readonly (keyof SimConfig)[] = [
  'servers',
  'electionTimeoutMs',
  'heartbeatMs',
  'latencyMs',
  'rpcTimeoutMs',
  'clientTimeoutMs',
  'maxEntriesPerAppend',
  'loss',
  'duplication',
  'noopOnElection',
  'preVote',
  'checkQuorum',
  'disruptionGuard',
  'members',
  'reads',
  'snapshotEvery',
  'followerReads',
  'bugs',
];

const ACTION_KEYS = [
  'at',
  'do',
  'server',
  'members',
  'via',
  'client',
  'command',
  'groups',
  'link',
  'message',
];
const ACTION_TAIL_KEYS = ['latencyMs', 'loss', 'duplication', 'ms'];

function ordered(source: object, keys: readonly string[]): Record<string, unknown> {
  const entries = Object.entries(source).filter(([, value]) => value !== undefined);
  const rank = (key: string) => {
    const i = keys.indexOf(key);
    return i === -1 ? keys.length : i;
  };
  entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/** The scenario as plain data with a fixed key order (also what a share link carries). */
export function canonicalScenario(scenario: Scenario): Record<string, unknown> {
  const out: Record<string, unknown> = { version: scenario.version, title: scenario.title };
  if (scenario.description !== undefined) out.description = scenario.description;
  out.seed = scenario.seed;
  // `members: null` (everyone) is the default and is left out, as a file would.
  const { members, ...rest } = scenario.config;
  out.config = ordered(members === null ? rest : scenario.config, CONFIG_KEYS);
  if (scenario.initial !== undefined) {
    out.initial = scenario.initial.map((s) => ({ term: s.term, votedFor: s.votedFor, log: s.log }));
  }
  out.actions = scenario.actions.map((a) => ordered(a, [...ACTION_KEYS, ...ACTION_TAIL_KEYS]));
  if (scenario.steps !== undefined) out.steps = scenario.steps;
  return out;
}

/** Pretty JSON with a stable key order; parseScenarioText reads it back to an equal scenario. */
export function scenarioToJson(scenario: Scenario): string {
  return prettyJson(canonicalScenario(scenario));
}
