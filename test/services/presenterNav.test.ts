/** Stop navigation, the presenter keys and the shell's address, as pure functions. */
import { describe, expect, it } from 'vitest';
import { presenterCommand, type KeyContext } from '../../src/services/presenter/keys.ts';
import {
  navigate,
  placePosition,
  STEP_SPEED_MAX,
  STEP_SPEED_MIN,
  STEP_WALL_MS,
  stepSpeed,
} from '../../src/services/presenter/stops.ts';
import {
  libraryHash,
  libraryIdFromHash,
  shellFromUrl,
  urlWithShell,
} from '../../src/services/presenter/url.ts';
import type { Stop } from '../../src/scenarios/steps.ts';

describe('navigate', () => {
  const at = (index: number, animating = false) => ({ index, count: 3, animating });

  it('next plays to the next stop; pressed again while it plays, jumps there', () => {
    expect(navigate('next', at(0))).toEqual({ kind: 'play', from: 0, to: 1 });
    expect(navigate('next', at(1, true))).toEqual({ kind: 'jump', to: 1 });
    expect(navigate('next', at(3))).toEqual({ kind: 'none' });
  });

  it('previous jumps back one place (while playing: to where the step started)', () => {
    expect(navigate('previous', at(2))).toEqual({ kind: 'jump', to: 1 });
    expect(navigate('previous', at(2, true))).toEqual({ kind: 'jump', to: 1 });
    expect(navigate('previous', at(0))).toEqual({ kind: 'none' });
  });

  it('restart and end jump to the first and last places', () => {
    expect(navigate('restart', at(2, true))).toEqual({ kind: 'jump', to: 0 });
    expect(navigate('end', at(0))).toEqual({ kind: 'jump', to: 3 });
  });
});

describe('placePosition and stepSpeed', () => {
  const stop = (simSteps: number, timeMs: number): Stop => ({
    step: 0,
    simSteps,
    timeMs,
    reached: true,
    traceHash: '',
    caption: '',
  });
  const stops = [stop(10, 100), stop(25, 900)];

  it('place 0 is the start; place k is the stop of step k', () => {
    expect(placePosition(stops, 0)).toEqual({ steps: 0, timeMs: 0 });
    expect(placePosition(stops, 1)).toEqual({ steps: 10, timeMs: 100 });
    expect(placePosition(stops, 2)).toEqual({ steps: 25, timeMs: 900 });
    expect(placePosition(stops, 7)).toEqual({ steps: 25, timeMs: 900 });
  });

  it('plays a step in about the same wall time, within bounds', () => {
    const from = { steps: 0, timeMs: 0 };
    expect(stepSpeed(from, { steps: 1, timeMs: 300 })).toBeCloseTo(300 / STEP_WALL_MS);
    expect(stepSpeed(from, { steps: 1, timeMs: 0 })).toBe(STEP_SPEED_MIN);
    expect(stepSpeed(from, { steps: 1, timeMs: 10_000_000 })).toBe(STEP_SPEED_MAX);
  });
});

describe('presenterCommand', () => {
  const present: KeyContext = { mode: 'present', hasStory: true, helpOpen: false, blank: false };

  it('maps clicker keys in presenter and embed modes', () => {
    for (const mode of ['present', 'embed'] as const) {
      const ctx = { ...present, mode };
      for (const key of ['ArrowRight', ' ', 'PageDown'])
        expect(presenterCommand(key, ctx)).toBe('next');
      for (const key of ['ArrowLeft', 'PageUp'])
        expect(presenterCommand(key, ctx)).toBe('previous');
      expect(presenterCommand('Home', ctx)).toBe('restart');
      expect(presenterCommand('End', ctx)).toBe('end');
      for (const key of ['b', 'B', '.']) expect(presenterCommand(key, ctx)).toBe('blank');
      for (const key of ['f', 'F', 'F5']) expect(presenterCommand(key, ctx)).toBe('fullscreen');
      expect(presenterCommand('?', ctx)).toBe('help');
      expect(presenterCommand('c', ctx)).toBeNull();
    }
  });

  it('leaves every key of the normal lab alone, except PageDown / PageUp for a story', () => {
    const normal: KeyContext = { ...present, mode: 'normal' };
    for (const key of ['ArrowRight', 'ArrowLeft', ' ', 'Home', 'End', 'b', 'f', '?', '.']) {
      expect(presenterCommand(key, normal)).toBeNull();
    }
    expect(presenterCommand('PageDown', normal)).toBe('next');
    expect(presenterCommand('PageUp', normal)).toBe('previous');
    expect(presenterCommand('PageDown', { ...normal, hasStory: false })).toBeNull();
  });

  it('without a story the step keys stay the lab’s; B, F and ? stay the presenter’s', () => {
    const ctx = { ...present, hasStory: false };
    expect(presenterCommand('ArrowRight', ctx)).toBeNull();
    expect(presenterCommand(' ', ctx)).toBeNull();
    expect(presenterCommand('b', ctx)).toBe('blank');
    expect(presenterCommand('f', ctx)).toBe('fullscreen');
  });

  it('on a blank screen any presenter key (or Escape) only brings the screen back', () => {
    const ctx = { ...present, blank: true };
    expect(presenterCommand('ArrowRight', ctx)).toBe('blank');
    expect(presenterCommand('Escape', ctx)).toBe('blank');
    expect(presenterCommand('b', ctx)).toBe('blank');
  });

  it('with the help open only ? works (Escape is the lab’s: it closes the help)', () => {
    const ctx = { ...present, helpOpen: true };
    expect(presenterCommand('ArrowRight', ctx)).toBeNull();
    expect(presenterCommand('?', ctx)).toBe('help');
    expect(presenterCommand('Escape', ctx)).toBeNull();
  });
});

describe('shell address', () => {
  it('reads the mode, the language and a library link', () => {
    expect(shellFromUrl('?present&lang=es', '#lib=figure-8')).toEqual({
      mode: 'present',
      lang: 'es',
      lib: 'figure-8',
    });
    expect(shellFromUrl('?embed', '')).toEqual({ mode: 'embed', lang: null, lib: null });
    expect(shellFromUrl('?lang=xx', '#s=v1.abc.123')).toEqual({
      mode: 'normal',
      lang: null,
      lib: null,
    });
  });

  it('accepts only well-formed library ids', () => {
    expect(libraryIdFromHash('#lib=normal-election')).toBe('normal-election');
    expect(libraryIdFromHash('lib=figure-8&x=1')).toBe('figure-8');
    for (const bad of ['#lib=', '#lib=<b>', '#lib=../x', '#lib=A', `#lib=${'a'.repeat(80)}`]) {
      expect(libraryIdFromHash(bad)).toBeNull();
    }
    expect(libraryHash('figure-8')).toBe('#lib=figure-8');
  });

  it('writes mode and language into the query, keeping the rest', () => {
    const base = 'http://127.0.0.1:5173/?seed=3#lib=figure-8';
    expect(urlWithShell(base, { mode: 'present', lang: 'pt' })).toBe(
      'http://127.0.0.1:5173/?seed=3&present&lang=pt#lib=figure-8',
    );
    expect(urlWithShell('http://h/?present&lang=es#x', { mode: 'normal', lang: 'en' })).toBe(
      'http://h/?lang=en#x',
    );
    expect(urlWithShell('http://h/', { mode: 'normal', lang: 'en' })).toBe('http://h/');
    expect(urlWithShell('file:///tmp/raft-lab.html', { mode: 'embed', lang: 'es' })).toBe(
      'file:///tmp/raft-lab.html?embed&lang=es',
    );
  });
});
