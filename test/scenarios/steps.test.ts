/**
 * Presenter steps: a story compiles to an action log and exact stops, and replaying the log
 * reaches every stop with the same state and trace hash (the design determinism contract).
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, Simulation } from '../../src/core/index.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { captionIn, compileStory, type Step } from '../../src/scenarios/steps.ts';
import { stepShape } from '../../src/scenarios/stepShape.ts';

const scenario: Scenario = {
  version: 1,
  title: 'Leader crash',
  seed: 11,
  config: { ...DEFAULT_CONFIG, servers: 5 },
  actions: [],
};

const steps: Step[] = [
  { until: { event: 'leader' }, caption: { en: 'A leader is elected.', es: 'Se elige un líder.' } },
  {
    do: [{ do: 'request', command: 'set x 1' }],
    until: { event: 'commit' },
    caption: 'x committed',
  },
  { until: { afterMs: 400 }, caption: 'quiet' },
  {
    do: [{ do: 'nextTimeout', server: 4, ms: 160 }],
    until: { event: 'election', server: 2 },
    maxMs: 2000,
    caption: 'never',
  },
  { until: { atMs: 20_000 }, caption: 'end' },
];

describe('presenter steps', () => {
  const story = compileStory(scenario, steps);

  it('stops where each step says', () => {
    const [leader, commit, quiet, capped, end] = story.stops;
    expect(leader?.reached).toBe(true);
    expect(commit?.reached).toBe(true);
    expect(commit?.timeMs).toBeGreaterThan(leader?.timeMs ?? Infinity);
    expect(quiet?.timeMs).toBe((commit?.timeMs ?? 0) + 400);
    // S2 is a follower of a healthy leader: its election never comes; the cap ends the step.
    expect(capped?.reached).toBe(false);
    expect(capped?.timeMs).toBe((quiet?.timeMs ?? 0) + 2000);
    expect(end?.timeMs).toBe(20_000);
  });

  it('records the nudges in the action log, stamped with their step’s start', () => {
    const request = story.actions.find((a) => a.do === 'request');
    expect(request?.at).toBe(story.stops[0]?.timeMs);
    const nudge = story.actions.find((a) => a.do === 'nextTimeout');
    expect(nudge?.at).toBe(story.stops[2]?.timeMs);
  });

  it('a replay of the action log reaches every stop with the same trace hash', () => {
    const replay = Simulation.create({
      seed: scenario.seed,
      config: scenario.config,
      actions: story.actions,
    });
    for (const stop of story.stops) {
      while (replay.state.steps < stop.simSteps) replay.step();
      expect(replay.traceHash).toBe(stop.traceHash);
    }
  });

  it('captions fall back to English, then to any language', () => {
    const c = steps[0]?.caption ?? '';
    expect(captionIn(c, 'es')).toBe('Se elige un líder.');
    expect(captionIn(c, 'pt')).toBe('A leader is elected.');
    expect(captionIn({ pt: 'só' }, 'en')).toBe('só');
    expect(captionIn('plain', 'es')).toBe('plain');
  });

  it('the step shape rejects unknown events and unknown keys', () => {
    expect(v.safeParse(stepShape, steps[0]).success).toBe(true);
    expect(v.safeParse(stepShape, { until: { event: 'explode' }, caption: 'x' }).success).toBe(
      false,
    );
    expect(v.safeParse(stepShape, { until: { atMs: 5 }, caption: 'x', html: '<b>' }).success).toBe(
      false,
    );
    expect(v.safeParse(stepShape, { until: { atMs: -5 }, caption: 'x' }).success).toBe(false);
  });
});
