/** Small helpers to write library entries tersely. */
import {
  withDefaults,
  type Action,
  type InitialServerState,
  type InvariantId,
  type SimConfig,
} from '../../core/index.ts';
import type { Step } from '../steps.ts';
import type { LibraryEntry, LibraryScenario, Text } from './types.ts';

/** A text in English, Spanish and Portuguese. */
export function t(en: string, es: string, pt: string): Text {
  return { en, es, pt };
}

export interface EntryFields {
  id: string;
  title: Text;
  summary: Text;
  cites: string[];
  expectViolation?: InvariantId;
  seed: number;
  config?: Partial<SimConfig>;
  initial?: InitialServerState[];
  actions?: Action[];
  steps: Step[];
}

/** An entry whose scenario is version 1, with the complete config and the English title. */
export function defineEntry(fields: EntryFields): LibraryEntry {
  const { id, title, summary, cites, expectViolation } = fields;
  const scenario: LibraryScenario = {
    version: 1,
    title: title.en,
    description: summary.en,
    seed: fields.seed,
    // A copy: withDefaults shares the default config's arrays.
    config: structuredClone(withDefaults(fields.config ?? {})),
    actions: fields.actions ?? [],
    steps: fields.steps,
  };
  if (fields.initial !== undefined) scenario.initial = fields.initial;
  const entry: LibraryEntry = { id, title, summary, cites, scenario };
  if (expectViolation !== undefined) entry.expectViolation = expectViolation;
  return entry;
}
