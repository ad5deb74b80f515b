/**
 * Stories in the lab store: every library scenario, told through the presenter store, reaches
 * each stop with the trace hash that compileStory recorded, whether a step is played (animated
 * playback toward the stop) or jumped to, forward or backward.
 */
import { describe, expect, it } from 'vitest';
import { createPresenterStore } from '../../src/services/presenter/presenterStore.ts';
import { storyFromEntry } from '../../src/services/presenter/story.ts';
import { LIBRARY } from '../../src/scenarios/library/index.ts';
import { toRunSetup } from '../../src/scenarios/schema.ts';
import { createLabStore } from '../../src/store/createLabStore.ts';
import type { LabStore } from '../../src/store/types.ts';

function setup() {
  const lab = createLabStore({ clock: () => 0 });
  const shell = createPresenterStore(lab);
  return { lab, shell };
}

/** Feeds 16 ms frames until the lab pauses (the step has reached its stop). */
function playOut(lab: LabStore): number {
  let frames = 0;
  while (lab.getState().playing && frames < 100_000) {
    lab.getState().tick(16);
    frames++;
  }
  return frames;
}

function at(lab: LabStore) {
  const s = lab.getState();
  return { steps: s.frame.steps, timeMs: s.frame.time, traceHash: s.frame.traceHash };
}

describe.each(LIBRARY.map((e) => [e.id, e] as const))('library story %s', (_id, entry) => {
  const story = storyFromEntry(entry);
  const expected = story.stops.map((s) => ({
    steps: s.simSteps,
    timeMs: s.timeMs,
    traceHash: s.traceHash,
  }));

  it('plays every step to exactly its stop', () => {
    const { lab, shell } = setup();
    shell.getState().openStory(story);
    expect(at(lab)).toMatchObject({ steps: 0, timeMs: 0 });
    for (let i = 0; i < expected.length; i++) {
      shell.getState().go('next');
      expect(lab.getState().goal).not.toBeNull();
      const frames = playOut(lab);
      expect(frames).toBeGreaterThan(0);
      expect(lab.getState().goal).toBeNull();
      expect(shell.getState().index).toBe(i + 1);
      expect(at(lab)).toEqual(expected[i]);
    }
  });

  it('jumps (next twice, previous, end, home) to the same stops', () => {
    const { lab, shell } = setup();
    shell.getState().openStory(story);
    shell.getState().go('end');
    expect(at(lab)).toEqual(expected.at(-1));
    for (let i = expected.length - 1; i >= 1; i--) {
      shell.getState().go('previous');
      expect(at(lab)).toEqual(expected[i - 1]);
    }
    shell.getState().go('restart');
    expect(at(lab)).toMatchObject({ steps: 0, timeMs: 0 });
    for (const stop of expected) {
      shell.getState().go('next');
      lab.getState().tick(16);
      // Pressed again while the step plays, Next completes it at once.
      if (lab.getState().goal !== null) shell.getState().go('next');
      expect(lab.getState().playing).toBe(false);
      expect(at(lab)).toEqual(stop);
    }
  });
});

describe('leaving the story', () => {
  it('notices a changed run and puts the story back on the next move', () => {
    const { lab, shell } = setup();
    const entry = LIBRARY[0];
    if (!entry) throw new Error('empty library');
    const story = storyFromEntry(entry);
    shell.getState().openStory(story);
    shell.getState().go('end');
    lab.getState().crash(1);
    expect(shell.getState().diverged).toBe(true);
    shell.getState().go('previous');
    expect(shell.getState().diverged).toBe(false);
    const stop = story.stops.at(-2);
    expect(lab.getState().frame.traceHash).toBe(stop?.traceHash ?? story.stops[0]?.traceHash);
  });
});

describe('a scenario with steps from a link or a file', () => {
  it('plays as a story; a run loaded without steps closes it', async () => {
    const { lab, shell } = setup();
    const entry = LIBRARY[1];
    if (!entry) throw new Error('empty library');
    const { scenario } = entry;
    lab.getState().loadSetup(toRunSetup(scenario), {
      title: scenario.title,
      steps: scenario.steps,
    });
    lab.getState().showNotice('Opened it');
    await Promise.resolve();
    const story = shell.getState().story;
    expect(story?.stops.map((s) => s.traceHash)).toEqual(
      storyFromEntry(entry).stops.map((s) => s.traceHash),
    );
    expect(lab.getState().notice).toBe('Opened it');
    // The lab keeps no steps for the run: its action log already holds their nudges.
    expect(lab.getState().scenarioInfo?.steps).toBeUndefined();
    shell.getState().go('end');
    expect(lab.getState().frame.traceHash).toBe(story?.stops.at(-1)?.traceHash);
    lab.getState().newRun({ seed: 1, servers: 3 });
    await Promise.resolve();
    expect(shell.getState().story).toBeNull();
  });
});
