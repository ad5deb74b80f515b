/**
 * The stepping code arriving after the first paint (the served build: src/store/engineLazy.ts).
 * Until it is there a lab steps nothing, not even its clock, and a user's action waits in the
 * queue; on arrival that action runs, and the run is the one a lab that had the code from the
 * start makes. And the stand-in itself: before the code arrives it answers only a new
 * simulation's check of its initial state, and throws for anything else.
 */
import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../src/store/createLabStore.ts';
import type { EngineSource } from '../../src/store/engine.ts';
import type { LabStore } from '../../src/store/types.ts';
import { newChecker } from '../../src/core/checkerState.ts';
import { newServer } from '../../src/core/raft.ts';
import { playUntil } from './playKit.ts';
import { Recorder } from '../../src/store/recorder.ts';
import { defaultSetup } from '../../src/store/slices/simulation.ts';
import { Simulation } from '../../src/core/index.ts';

function heldEngine(): EngineSource & { arrive(): void } {
  let here = false;
  const listeners = new Set<() => void>();
  return {
    loaded: () => here,
    onLoad(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    arrive() {
      here = true;
      for (const listener of [...listeners]) listener();
      listeners.clear();
    },
  };
}

const lab = (engine?: EngineSource): LabStore =>
  createLabStore({ seed: 21, servers: 5, speed: 1, clock: () => 0, ...(engine ? { engine } : {}) });

describe('a lab whose stepping code has not arrived', () => {
  it('moves nothing, keeps an action for later, then runs exactly as one that had the code', () => {
    const engine = heldEngine();
    const held = lab(engine);
    const plain = lab();
    // Play, step, seek: nothing moves, not even the clock.
    held.getState().play();
    for (let i = 0; i < 20; i++) held.getState().tick(16);
    held.getState().pause();
    held.getState().stepForward();
    held.getState().seek(500);
    expect(held.getState().frame.time).toBe(0);
    expect(held.getState().displayTime).toBe(0);
    expect(held.getState().runError).toBeNull();
    // A request: recorded, not yet run (its client has sent nothing).
    held.getState().request({ command: 'set x 1' });
    expect(held.getState().actionCount).toBe(1);
    expect(held.getState().frame.clients).toEqual(plain.getState().frame.clients);
    const before = held.getState().frame.traceHash;
    engine.arrive();
    // It runs on arrival, as act would have run it at time 0, and the store publishes it.
    plain.getState().request({ command: 'set x 1' });
    expect(held.getState().frame.traceHash).not.toBe(before);
    expect(held.getState().frame.traceHash).toBe(plain.getState().frame.traceHash);
    expect(held.getState().frame.clients).toEqual(plain.getState().frame.clients);
    for (const store of [held, plain]) playUntil(store, 2500);
    expect(held.getState().frame.time).toBe(2500);
    expect(held.getState().frame.traceHash).toBe(plain.getState().frame.traceHash);
    expect(held.getState().events.length).toBe(plain.getState().events.length);
  });

  it('a new run before the arrival starts from its own setup once the code is there', () => {
    const engine = heldEngine();
    const held = lab(engine);
    const plain = lab();
    for (const store of [held, plain]) store.getState().newRun({ seed: 8, servers: 3 });
    engine.arrive();
    for (const store of [held, plain]) playUntil(store, 1500);
    expect(held.getState().frame.servers).toHaveLength(3);
    expect(held.getState().frame.traceHash).toBe(plain.getState().frame.traceHash);
  });
});

describe('the simulation a lab created before its stepping code arrived', () => {
  it('is created again on arrival, so its checker starts from a checked initial state', () => {
    const engine = heldEngine();
    const setup = defaultSetup(4, 5);
    const rec = new Recorder(setup, { engine });
    const before = rec.sim;
    engine.arrive();
    // In the served build the first simulation's initial check found nothing (engineLazy.ts):
    // the one the recorder runs from now on was created with the checker there.
    expect(rec.sim).not.toBe(before);
    expect(rec.sim.state.checker).toEqual(Simulation.create(setup).state.checker);
    expect(rec.sim.now).toBe(0);
    expect(rec.sim.state.steps).toBe(0);
  });
});

describe('the stepping code’s stand-in in the served build (engineLazy.ts)', () => {
  it('answers a new simulation’s check of its initial state, throws for any other call, then delegates', async () => {
    const lazy = await import('../../src/store/engineLazy.ts');
    const servers = [1, 2, 3].map((id) => newServer(id, 3));
    const checker = newChecker(servers);
    expect(lazy.engineSource.loaded()).toBe(false);
    // The initial check: no events, every server changed.
    expect(lazy.checkStep(checker, servers, [], 0, 'all')).toEqual([]);
    // Anything else before the code arrives is an internal error, not an unchecked step.
    expect(() => lazy.checkStep(checker, servers, [], 5, 2)).toThrow(/before its code/);
    const event = { type: 'crash', server: 1, time: 5 } as const;
    expect(() => lazy.checkStep(checker, servers, [event], 5, 'all')).toThrow(/before its code/);
    expect(() => lazy.tick(servers[0]!, {} as never)).toThrow(/before its code/);
    let heard = 0;
    lazy.engineSource.onLoad(() => heard++);
    await lazy.loadEngine();
    expect(heard).toBe(1);
    expect(lazy.engineSource.loaded()).toBe(true);
    expect(lazy.checkStep(checker, servers, [], 5, 2)).toEqual([]);
  });
});
