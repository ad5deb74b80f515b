/**
 * An internal error in the recorder never kills the run (issue 7): a simulation that throws in the
 * middle of a step (an event listener, a checkpoint's structuredClone, the step itself) while
 * playing, seeking or stepping pauses the lab on the last good frame, keeps the action log and the
 * timeline, and says what happened (runError). Playing on then gives the same run as if nothing
 * had happened. Before the fix the exception escaped `tick` (killing the animation loop) and
 * seek/step turned it into a notice over a half-stepped simulation.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CoreRefusalError, Simulation } from '../../src/core/index.ts';
import { toRunSetup } from '../../src/scenarios/schema.ts';
import { createLabStore } from '../../src/store/createLabStore.ts';
import type { LabStore } from '../../src/store/types.ts';
import { END_MS, prototypeKeyScenario, resultAt } from '../scenarios/prototypeKeys.ts';

const scenario = prototypeKeyScenario();

function newStore(): LabStore {
  return createLabStore({ setup: toRunSetup(scenario), speed: 1, clock: () => 0 });
}

function playUntil(store: LabStore, t: number): void {
  store.getState().play();
  for (let i = 0; i < 100_000 && store.getState().playing && store.getState().frame.time < t; i++) {
    const s = store.getState();
    s.tick(Math.min(16, (t - s.displayTime) / s.speed));
  }
  store.getState().pause();
}

/** Everything that must survive an internal error. */
function kept(store: LabStore) {
  const s = store.getState();
  return { frame: s.frame, actions: s.actionList(), endTime: s.endTime };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an internal error while playing', () => {
  it('pauses on the last good frame, keeps the run and says so', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = newStore();
    playUntil(store, 2_000);
    const before = kept(store);
    store.getState().play();
    store.getState().injectFault('boom in onEvent');
    expect(() => store.getState().tick(16)).not.toThrow();
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.runError).toEqual({ message: 'boom in onEvent', timeMs: before.frame.time });
    expect(s.frame).toBe(before.frame);
    expect(s.actionList()).toEqual(before.actions);
    expect(s.displayTime).toBe(before.frame.time);
    expect(s.result().traceHash).toBe(before.frame.traceHash);
    expect(console.error).toHaveBeenCalled();

    // Playing on: the same run as one that never failed.
    store.getState().dismissRunError();
    expect(store.getState().runError).toBeNull();
    playUntil(store, END_MS);
    store.getState().seek(END_MS);
    expect(store.getState().frame.traceHash).toBe(resultAt(scenario, END_MS).traceHash);
  });

  it('survives a checkpoint that cannot be cloned (the DataCloneError of issue 7)', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = newStore();
    playUntil(store, 1_000);
    const before = kept(store);
    const real = Simulation.prototype.snapshot;
    let failures = 1;
    vi.spyOn(Simulation.prototype, 'snapshot').mockImplementation(function (this: Simulation) {
      if (failures-- > 0) throw new DOMException('function could not be cloned', 'DataCloneError');
      return real.call(this);
    });
    store.getState().play();
    for (let i = 0; i < 200 && store.getState().playing; i++) store.getState().tick(100);
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.runError?.message).toBe('function could not be cloned');
    expect(s.frame.time).toBeGreaterThanOrEqual(before.frame.time);
    expect(s.result().traceHash).toBe(s.frame.traceHash);
    playUntil(store, END_MS);
    store.getState().seek(END_MS);
    expect(store.getState().frame.traceHash).toBe(resultAt(scenario, END_MS).traceHash);
  });

  it('survives a step that throws on every try: back at the last good frame or the start', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = newStore();
    playUntil(store, 1_500);
    const before = kept(store);
    vi.spyOn(Simulation.prototype, 'step').mockImplementation(() => {
      throw new TypeError('step is broken');
    });
    store.getState().play();
    expect(() => store.getState().tick(16)).not.toThrow();
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.runError?.message).toBe('step is broken');
    expect(s.actionList()).toEqual(before.actions);
    // The replay to the last good frame failed too, so the lab shows the start of the same run.
    expect(s.frame.time).toBe(0);
    expect(s.result().time).toBe(0);
    vi.mocked(Simulation.prototype.step).mockRestore();
    playUntil(store, END_MS);
    store.getState().seek(END_MS);
    expect(store.getState().frame.traceHash).toBe(resultAt(scenario, END_MS).traceHash);
  });
});

describe('an internal error while time travelling', () => {
  it.each([
    ['seek back', (st: LabStore) => st.getState().seek(900)],
    ['step back', (st: LabStore) => st.getState().stepBack()],
    ['step forward', (st: LabStore) => st.getState().stepForward()],
  ])('%s: paused on the last good frame with the error shown', (_name, move) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = newStore();
    playUntil(store, 2_500);
    store.getState().seek(2_000);
    const before = kept(store);
    store.getState().injectFault('boom while seeking');
    expect(() => move(store)).not.toThrow();
    const s = store.getState();
    expect(s.runError).toEqual({ message: 'boom while seeking', timeMs: before.frame.time });
    expect(s.frame).toBe(before.frame);
    expect(s.actionList()).toEqual(before.actions);
    expect(s.result().traceHash).toBe(before.frame.traceHash);
    expect(s.notice).toBeNull();
  });

  it('act: the action stays in the log, the frame is the last good one', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = newStore();
    playUntil(store, END_MS);
    const before = kept(store);
    store.getState().injectFault('boom while acting');
    expect(() => store.getState().request({ command: 'get constructor' })).not.toThrow();
    const s = store.getState();
    expect(s.runError).toEqual({ message: 'boom while acting', timeMs: before.frame.time });
    expect(s.frame).toBe(before.frame);
    expect(s.actionList().slice(0, -1)).toEqual(before.actions);
    expect(s.actionList().at(-1)).toMatchObject({ do: 'request', command: 'get constructor' });
  });

  it('keeps the core’s refusals (RangeError) as notices, the run untouched', () => {
    const store = newStore();
    playUntil(store, 500);
    const refusal = { code: 'actionInPast', at: 1, now: 500 } as const;
    vi.spyOn(Simulation.prototype, 'addAction').mockImplementation(() => {
      throw new CoreRefusalError(refusal, 'action at 1 is before the current time 500');
    });
    store.getState().request({ command: 'get x' });
    // The refusal as data: the view words it in the reader's language (test/i18n/refusals.test.ts).
    expect(store.getState().notice).toEqual({ code: 'coreRefused', core: refusal });
    expect(store.getState().runError).toBeNull();
    // Any other RangeError is still a refusal, without a reason the app could word.
    vi.spyOn(Simulation.prototype, 'addAction').mockImplementation(() => {
      throw new RangeError('below(0)');
    });
    store.getState().request({ command: 'get x' });
    expect(store.getState().notice).toEqual({ code: 'coreRefused', core: null });
    expect(store.getState().runError).toBeNull();
  });

  it('clears the error with a new run', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = newStore();
    playUntil(store, 500);
    store.getState().injectFault('x');
    store.getState().play();
    store.getState().tick(16);
    expect(store.getState().runError).not.toBeNull();
    store.getState().newRun({ seed: 1, servers: 3 });
    expect(store.getState().runError).toBeNull();
  });
});
