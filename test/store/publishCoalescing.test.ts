/**
 * Several actions within one animation frame publish once (issue 11): while the lab plays and the
 * driver has a frame on its way, an action leaves its publish to that frame, which publishes every
 * action since the last one. Paused, or with no frame coming, an action publishes at once; a pause
 * publishes what a frame still owed.
 */
import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../src/store/createLabStore.ts';
import { startDriver } from '../../src/store/driver.ts';
import type { DriverEnv } from '../../src/store/driver.ts';
import type { LabStore } from '../../src/store/types.ts';

/** A store playing at 1x with a leader, and a count of the frames it publishes. */
function playingLab(): { store: LabStore; frames: () => number } {
  const store = createLabStore({ speed: 1, playing: true, clock: () => 0 });
  for (let i = 0; i < 200 && !store.getState().frame.servers.some((s) => s.role === 'leader'); i++)
    store.getState().tick(20);
  let frames = 0;
  store.subscribe((s, prev) => {
    if (s.frame !== prev.frame || s.actionCount !== prev.actionCount) frames++;
  });
  return { store, frames: () => frames };
}

/** A driver whose animation frames the test runs by hand. */
function manualDriver(store: LabStore) {
  let pending: ((t: number) => void) | null = null;
  let now = 0;
  const env: DriverEnv = {
    requestFrame: (cb) => {
      pending = cb;
      return 1;
    },
    cancelFrame: () => {
      pending = null;
    },
    isHidden: () => false,
    onVisibilityChange: () => () => {},
  };
  const driver = startDriver(store, env);
  return {
    driver,
    runFrame: () => {
      const cb = pending;
      pending = null;
      now += 16;
      cb?.(now);
    },
  };
}

describe('publishing actions', () => {
  it('publishes three requests in one frame once, with the frame', () => {
    const { store, frames } = playingLab();
    const { driver, runFrame } = manualDriver(store);
    runFrame();
    const count = store.getState().actionCount;
    const before = frames();
    for (let k = 0; k < 3; k++) store.getState().request();
    // Nothing published yet: the coming frame will.
    expect(frames()).toBe(before);
    expect(store.getState().actionCount).toBe(count);
    runFrame();
    expect(frames()).toBe(before + 1);
    expect(store.getState().actionCount).toBe(count + 3);
    // The requests are in the run (the recorder has them, whatever was published).
    driver.stop();
  });

  it('publishes at once when paused, and without a driver', () => {
    const { store, frames } = playingLab();
    // No driver: no frame is coming, so every action publishes.
    let before = frames();
    store.getState().request();
    store.getState().request();
    expect(frames()).toBe(before + 2);
    const { driver } = manualDriver(store);
    store.getState().pause();
    before = frames();
    const count = store.getState().actionCount;
    store.getState().request();
    expect(frames()).toBe(before + 1);
    expect(store.getState().actionCount).toBe(count + 1);
    driver.stop();
  });

  it('publishes on pause what the coming frame owed', () => {
    const { store } = playingLab();
    const { driver, runFrame } = manualDriver(store);
    runFrame();
    const count = store.getState().actionCount;
    store.getState().request();
    expect(store.getState().actionCount).toBe(count);
    store.getState().pause();
    expect(store.getState().actionCount).toBe(count + 1);
    expect(store.getState().frame.time).toBe(store.getState().result().time);
    driver.stop();
  });

  it('publishes at once again once the driver stops', () => {
    const { store, frames } = playingLab();
    const { driver, runFrame } = manualDriver(store);
    runFrame();
    driver.stop();
    const before = frames();
    store.getState().request();
    expect(frames()).toBe(before + 1);
  });
});
