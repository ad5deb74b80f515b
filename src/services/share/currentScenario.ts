/**
 * The current run as a scenario: what a share link and an exported file carry. It is checked with
 * the same schema as any link or file, so whatever the lab shares is guaranteed to open again.
 */
import type { RunSetup } from '../../core/types.ts';
import { canonicalScenario, parseScenario } from '../../scenarios/schema.ts';
import type { ParseResult, Scenario } from '../../scenarios/schema.ts';
import type { ScenarioInfo } from '../../store/types.ts';

export function defaultTitle(seed: number, servers: number): string {
  return `Raft Lab run: seed ${seed}, ${servers} servers`;
}

/** The scenario of a run: its setup, plus the title and steps of the scenario it came from. */
export function scenarioOfRun(setup: RunSetup, info: ScenarioInfo | null): ParseResult {
  const candidate: Scenario = {
    version: 1,
    title: info?.title ?? defaultTitle(setup.seed, setup.config.servers),
    seed: setup.seed,
    config: setup.config,
    actions: [...setup.actions],
  };
  if (info?.description !== undefined) candidate.description = info.description;
  if (setup.initial !== undefined) candidate.initial = [...setup.initial];
  if (info?.steps !== undefined) candidate.steps = [...info.steps];
  // A JSON round trip first: the schema reads plain JSON data, exactly as a receiver will.
  const parsed = parseScenario(JSON.parse(JSON.stringify(canonicalScenario(candidate))));
  return parsed.ok
    ? parsed
    : { ok: false, refusal: { code: 'runNotShareable', reason: parsed.refusal } };
}

/** A file name for a scenario: its title in lowercase words, safe on every file system. */
export function scenarioFileName(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug === '' ? 'raft-lab-run' : slug}.json`;
}
