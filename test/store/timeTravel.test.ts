/**
 * Time travel in the store (DESIGN.md "Time travel"): the frame at time t is the same whether it
 * was reached by playing, seeking or stepping, and acting in the past forks the timeline.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/core/index.ts';
import { createLabStore } from '../../src/store/createLabStore.ts';
import type { Frame } from '../../src/store/frame.ts';
import type { LabStore } from '../../src/store/types.ts';

/** Plays with a frozen wall clock (no budget cut-off) in 16 ms frames until virtual time `t`. */
function playUntil(store: LabStore, t: number): void {
  store.getState().play();
  for (let i = 0; i < 100_000 && store.getState().frame.time < t; i++) {
    const s = store.getState();
    s.tick(Math.min(16, (t - s.displayTime) / s.speed));
  }
  store.getState().pause();
}

function comparable(f: Frame) {
  return { time: f.time, servers: f.servers, inFlight: f.inFlight, traceHash: f.traceHash };
}

function newStore(): LabStore {
  return createLabStore({ seed: 7, servers: 5, speed: 1, clock: () => 0 });
}

describe('seek', () => {
  it('returns the identical frame after seeking back and forth', () => {
    const store = newStore();
    playUntil(store, 900);
    store.getState().request();
    playUntil(store, 1800);
    store.getState().crash(2);
    playUntil(store, 3200);
    const head = store.getState().frame;
    const { seek } = store.getState();
    seek(1234);
    const mid = store.getState().frame;
    seek(150);
    seek(head.time);
    expect(comparable(store.getState().frame)).toEqual(comparable(head));
    seek(1234);
    expect(comparable(store.getState().frame)).toEqual(comparable(mid));
    seek(2999);
    seek(1234);
    expect(comparable(store.getState().frame)).toEqual(comparable(mid));
  });

  it('matches a headless replay of the action log (the share-link promise)', () => {
    const store = newStore();
    playUntil(store, 700);
    store.getState().request();
    store.getState().restartLeader();
    playUntil(store, 2500);
    const { result } = runScenario(store.getState().runSetup(), store.getState().frame.time);
    expect(store.getState().result()).toEqual(result);
  });

  it('replays scheduled actions (T) identically after seeking back', () => {
    const store = newStore();
    playUntil(store, 10);
    store.getState().spreadTimers();
    const scheduled = store.getState().actions;
    expect(scheduled.map((a) => a.do)).toEqual(['timeout']);
    playUntil(store, 1500);
    const head = store.getState().frame;
    store.getState().seek(5);
    store.getState().seek(head.time);
    expect(comparable(store.getState().frame)).toEqual(comparable(head));
    const { result } = runScenario(store.getState().runSetup(), head.time);
    expect(store.getState().result()).toEqual(result);
    expect(store.getState().actions).toEqual(scheduled);
  });

  it('pauses and clamps to the recorded timeline', () => {
    const store = newStore();
    playUntil(store, 1000);
    store.getState().play();
    store.getState().seek(5000);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().frame.time).toBe(1000);
    store.getState().seek(-5);
    expect(store.getState().frame.time).toBe(0);
    expect(store.getState().atHead).toBe(false);
  });

  it('records each event once when replaying past the old end', () => {
    const store = newStore();
    playUntil(store, 1500);
    const events = store.getState().events;
    store.getState().seek(200);
    playUntil(store, 1500);
    expect(store.getState().events).toEqual(events);
    expect(store.getState().events.some((e) => e.type === 'send' || e.type === 'deliver')).toBe(
      false,
    );
  });
});

describe('fork', () => {
  it('drops the future actions, checkpoints and events when acting in the past', () => {
    const store = newStore();
    playUntil(store, 800);
    store.getState().request();
    playUntil(store, 2000);
    store.getState().crash(1);
    playUntil(store, 3000);
    expect(store.getState().actions.map((a) => a.at)).toEqual([800, 2000]);
    store.getState().seek(1500);
    store.getState().crash(3);
    const s = store.getState();
    expect(s.actions.map((a) => [a.at, a.do])).toEqual([
      [800, 'request'],
      [1500, 'crash'],
    ]);
    expect(s.endTime).toBe(1500);
    expect(s.atHead).toBe(true);
    expect(s.events.every((e) => e.time <= 1500)).toBe(true);
    // The new timeline replays identically from its log.
    playUntil(store, 2600);
    const { result } = runScenario(store.getState().runSetup(), 2600);
    expect(store.getState().result()).toEqual(result);
  });

  it('does not fork when acting at the end of the timeline', () => {
    const store = newStore();
    playUntil(store, 600);
    store.getState().request();
    playUntil(store, 900);
    store.getState().request();
    expect(store.getState().actions.map((a) => a.at)).toEqual([600, 900]);
  });
});

describe('step', () => {
  it('stepBack and stepForward are inverses', () => {
    const store = newStore();
    playUntil(store, 1200);
    store.getState().stepBack();
    const start = store.getState().frame;
    store.getState().stepForward();
    const next = store.getState().frame;
    expect(next.steps).toBe(start.steps + 1);
    store.getState().stepBack();
    expect(comparable(store.getState().frame)).toEqual(comparable(start));
    for (let i = 0; i < 25; i++) store.getState().stepBack();
    expect(store.getState().frame.steps).toBe(start.steps - 25);
    for (let i = 0; i < 26; i++) store.getState().stepForward();
    expect(comparable(store.getState().frame)).toEqual(comparable(next));
  });

  it('stops at the start of the run', () => {
    const store = newStore();
    playUntil(store, 30);
    for (let i = 0; i < 10; i++) store.getState().stepBack();
    expect(store.getState().frame.time).toBe(0);
    expect(store.getState().frame.steps).toBe(0);
  });
});
