/**
 * A parsed scenario (schema.ts) as the inputs of a run. Apart from the schema, so that code which
 * only replays an already parsed scenario (a story of the library) does not load the validator.
 */
import type { RunSetup } from '../core/index.ts';
import type { Scenario } from './schema.ts';

/** The inputs of a run (the determinism contract: seed, config, initial state, actions). */
export function toRunSetup(scenario: Scenario): RunSetup {
  return {
    seed: scenario.seed,
    config: scenario.config,
    initial: scenario.initial,
    actions: scenario.actions,
  };
}
