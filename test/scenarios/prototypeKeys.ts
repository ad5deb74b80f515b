/**
 * A scenario whose client commands use every `Object.prototype` member name as a key (issue 7,
 * "keys are data"), shared by the Node tests and the browser test that opens it as a share link.
 * Each name goes through set, get, incr, cas and del, then keeps a final value, so every server's
 * store ends with one row per name (plus an etcd-like path key), and the session table holds
 * answers such as `(nil)` for `get constructor`.
 */
import { Simulation, type RunResult } from '../../src/core/index.ts';
import { parseScenario, toRunSetup, type Scenario } from '../../src/scenarios/schema.ts';
import { english } from './english.ts';

/** `__proto__`, `constructor`, `toString`, `hasOwnProperty`, ... (sorted, so the order is fixed). */
export const PROTOTYPE_NAMES: readonly string[] = Object.getOwnPropertyNames(
  Object.prototype,
).sort();

export const PATH_KEY = '/registry/pods/default/web-1';

/** The commands sent for one key, in order. */
export function commandsFor(key: string, i: number): string[] {
  return [
    `get ${key}`,
    `set ${key} 5`,
    `get ${key}`,
    `incr ${key}`,
    `cas ${key} 6 9`,
    `cas ${key} 6 1`,
    `del ${key}`,
    `get ${key}`,
    `incr ${key}`,
    `set ${key} v-${i}`,
  ];
}

const FIRST_AT_MS = 1_500;
const GAP_MS = 40;

export const COMMANDS: readonly string[] = [
  ...PROTOTYPE_NAMES.flatMap((name, i) => commandsFor(name, i)),
  `set ${PATH_KEY} node-2`,
];

/** When every request has long been answered: the end the tests play to. */
export const END_MS = FIRST_AT_MS + COMMANDS.length * GAP_MS + 3_000;

/** The expected final store: one row per name, and the path key. */
export function expectedKv(): Record<string, string> {
  const kv: Record<string, string> = {};
  PROTOTYPE_NAMES.forEach((name, i) =>
    Object.defineProperty(kv, name, { value: `v-${i}`, enumerable: true, writable: true }),
  );
  kv[PATH_KEY] = 'node-2';
  return kv;
}

/** A store's rows in key order (own properties only, whatever their names). */
export function rowsOf(kv: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(kv).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The scenario, parsed like any file or link (so it is valid and its config complete). */
export function prototypeKeyScenario(): Scenario {
  const parsed = parseScenario({
    version: 1,
    title: 'Keys named like Object.prototype members',
    seed: 7,
    config: { servers: 3 },
    actions: COMMANDS.map((command, i) => ({
      at: FIRST_AT_MS + i * GAP_MS,
      do: 'request',
      command,
    })),
  });
  if (!parsed.ok) throw new Error(english(parsed));
  return parsed.scenario;
}

/** What Node computes for the scenario at virtual time `ms` (the browser must show the same). */
export function resultAt(scenario: Scenario, ms: number): RunResult {
  const sim = Simulation.create(toRunSetup(scenario));
  sim.runUntil(ms);
  return sim.result();
}
