/**
 * A story ready to present: the scenario compiled once (steps.ts) into the action log to replay
 * and the exact stops, with the texts around it. Plain data, built from a library entry or from
 * any scenario that has steps (a share link or a file).
 */
import type { InvariantId, RunSetup } from '../../core/index.ts';
import type { LibraryEntry } from '../../scenarios/library/index.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { toRunSetup } from '../../scenarios/runSetup.ts';
import { compileStory, type Caption, type Step, type Stop } from '../../scenarios/steps.ts';

export interface LoadedStory {
  /** The library id (`#lib=ID`), or null for a story from a link or a file. */
  id: string | null;
  title: Caption;
  summary: Caption | null;
  stops: readonly Stop[];
  /** The run to replay: the scenario with every step's nudges in its action log. */
  setup: RunSetup;
  /** JSON of `setup`: the lab's run is the story's while its runSetup() encodes the same. */
  setupKey: string;
  expectViolation: InvariantId | null;
}

export interface StoryMeta {
  id?: string | null;
  title?: Caption;
  summary?: Caption | null;
  expectViolation?: InvariantId | null;
}

/** Compiles a scenario's steps (it must have at least one) into a story. */
export function storyFromScenario(
  scenario: Scenario & { steps: Step[] },
  meta: StoryMeta = {},
): LoadedStory {
  const compiled = compileStory(scenario, scenario.steps);
  const setup: RunSetup = { ...toRunSetup(scenario), actions: compiled.actions };
  return {
    id: meta.id ?? null,
    title: meta.title ?? scenario.title,
    summary: meta.summary ?? scenario.description ?? null,
    stops: compiled.stops,
    setup,
    setupKey: JSON.stringify(setup),
    expectViolation: meta.expectViolation ?? null,
  };
}

export function storyFromEntry(entry: LibraryEntry): LoadedStory {
  return storyFromScenario(entry.scenario, {
    id: entry.id,
    title: entry.title,
    summary: entry.summary,
    expectViolation: entry.expectViolation ?? null,
  });
}
