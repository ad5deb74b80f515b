/**
 * Time travel in the store (the design "Time travel"): the frame at time t is the same whether it
 * was reached by playing, seeking or stepping, and acting in the past forks the timeline.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/core/index.ts';
import { createLabStore } from '../../src/store/createLabStore.ts';
import type { Frame } from '../../src/store/frame.ts';
import type { LabStore } from '../../src/store/types.ts';
import { playUntil } from './playKit.ts';

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
    const scheduled = store.getState().actionList();
    expect(scheduled.map((a) => a.do)).toEqual(['timeout']);
    playUntil(store, 1500);
    const head = store.getState().frame;
    store.getState().seek(5);
    store.getState().seek(head.time);
    expect(comparable(store.getState().frame)).toEqual(comparable(head));
    const { result } = runScenario(store.getState().runSetup(), head.time);
    expect(store.getState().result()).toEqual(result);
    expect(store.getState().actionList()).toEqual(scheduled);
  });

  it('pauses, and clamps a time before the start to 0', () => {
    const store = newStore();
    playUntil(store, 1000);
    store.getState().play();
    store.getState().seek(400);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().frame.time).toBe(400);
    store.getState().seek(-5);
    expect(store.getState().frame.time).toBe(0);
    expect(store.getState().atHead).toBe(false);
  });

  it('runs forward to a time past the recorded end, frame by frame, and pauses there', () => {
    const store = newStore();
    playUntil(store, 1000);
    store.getState().request();
    store.getState().seek(300);
    store.getState().seek(5000);
    // Not there at once: the run goes forward within the frame budget, so the page stays live.
    expect(store.getState().playing).toBe(true);
    for (let i = 0; i < 10_000 && store.getState().playing; i++) store.getState().tick(16);
    const s = store.getState();
    expect(s.playing).toBe(false);
    expect(s.frame.time).toBe(5000);
    expect(s.endTime).toBe(5000);
    expect(s.atHead).toBe(true);
    // The same run as a headless replay of its log: the request at 1.000 s was kept.
    expect(s.actionList().map((a) => a.at)).toEqual([1000]);
    expect(s.result()).toEqual(runScenario(s.runSetup(), 5000).result);
  });

  it('stops a run forward on Pause, and caps it at the longest time a scenario may name', () => {
    const store = newStore();
    store.getState().seek(Number.MAX_SAFE_INTEGER);
    expect(store.getState().goal?.timeMs).toBe(1_000_000_000);
    store.getState().tick(16);
    store.getState().pause();
    const t = store.getState().frame.time;
    expect(t).toBeGreaterThan(0);
    store.getState().tick(16);
    expect(store.getState().frame.time).toBe(t);
    store.getState().seek(Number.NaN);
    expect(store.getState().frame.time).toBe(t);
  });

  it('records each event once when replaying past the old end', () => {
    const store = newStore();
    playUntil(store, 1500);
    const events = [...store.getState().events];
    store.getState().seek(200);
    playUntil(store, 1500);
    expect([...store.getState().events]).toEqual(events);
    expect(
      [...store.getState().events].some((e) => e.type === 'send' || e.type === 'deliver'),
    ).toBe(false);
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
    expect(
      store
        .getState()
        .actionList()
        .map((a) => a.at),
    ).toEqual([800, 2000]);
    store.getState().seek(1500);
    store.getState().crash(3);
    const s = store.getState();
    expect(s.actionList().map((a) => [a.at, a.do])).toEqual([
      [800, 'request'],
      [1500, 'crash'],
    ]);
    expect(s.endTime).toBe(1500);
    expect(s.atHead).toBe(true);
    expect([...s.events].every((e) => e.time <= 1500)).toBe(true);
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
    expect(
      store
        .getState()
        .actionList()
        .map((a) => a.at),
    ).toEqual([600, 900]);
  });
});

describe('undo of a replaced future', () => {
  /** A run with actions at 0.8, 1.6 and 2.4 s, played to 3 s. */
  function recorded(): { store: LabStore; hash: string; actions: string } {
    const store = newStore();
    playUntil(store, 800);
    store.getState().request();
    playUntil(store, 1600);
    store.getState().crash(2);
    playUntil(store, 2400);
    store.getState().restart(2);
    playUntil(store, 3000);
    const s = store.getState();
    return { store, hash: s.frame.traceHash, actions: JSON.stringify(s.actionList()) };
  }

  it('says what acting in the past replaced, and Undo brings it all back', () => {
    const { store, hash, actions } = recorded();
    const events = [...store.getState().events];
    const diagram = (): string => {
      const { log, emitted } = store.getState().spaceTime;
      if (log === null) throw new Error('no space-time log');
      const at = { timeMs: store.getState().frame.time, emitted };
      return JSON.stringify([log.messagesIn(0, 3000, at), log.marksIn(0, 3000, at)]);
    };
    const messages = diagram();
    store.getState().seek(1200);
    expect(store.getState().replaced).toBeNull();
    store.getState().timeout(4);
    expect(store.getState().replaced).toEqual({
      atMs: 1200,
      untilMs: 3000,
      actions: 2,
      undone: false,
    });
    expect(store.getState().endTime).toBe(1200);
    store.getState().undoReplace();
    let s = store.getState();
    // Back at the fork, in the old timeline: its log, its end, its events.
    expect(s.frame.time).toBe(1200);
    expect(JSON.stringify(s.actionList())).toBe(actions);
    expect(s.endTime).toBe(3000);
    expect(s.atHead).toBe(false);
    expect(s.replaced).toMatchObject({ atMs: 1200, untilMs: 1200, actions: 1, undone: true });
    s.seek(3000);
    s = store.getState();
    expect(s.frame.traceHash).toBe(hash);
    expect([...s.events]).toEqual(events);
    // The space-time diagram of the old future is back too.
    expect(diagram()).toBe(messages);
    expect(s.result()).toEqual(runScenario(s.runSetup(), 3000).result);
  });

  it('Redo swaps the newer timeline back, with what was added to it after the fork', () => {
    const { store, actions } = recorded();
    store.getState().seek(1000);
    store.getState().timeout(3);
    playUntil(store, 2000);
    store.getState().request();
    playUntil(store, 2500);
    const forked = store.getState();
    const forkedActions = JSON.stringify(forked.actionList());
    const forkedHash = forked.frame.traceHash;
    store.getState().undoReplace();
    expect(JSON.stringify(store.getState().actionList())).toBe(actions);
    expect(store.getState().replaced).toMatchObject({ untilMs: 2500, actions: 2, undone: true });
    store.getState().undoReplace();
    const s = store.getState();
    expect(s.replaced).toMatchObject({ untilMs: 3000, actions: 2, undone: false });
    expect(JSON.stringify(s.actionList())).toBe(forkedActions);
    expect(s.frame.time).toBe(1000);
    s.seek(2500);
    expect(store.getState().frame.traceHash).toBe(forkedHash);
    expect(store.getState().result()).toEqual(runScenario(s.runSetup(), 2500).result);
  });

  it('keeps one level: a second fork replaces what the first set aside; a new run forgets it', () => {
    const { store } = recorded();
    store.getState().seek(2000);
    store.getState().timeout(1);
    store.getState().seek(500);
    store.getState().timeout(5);
    expect(store.getState().replaced).toMatchObject({ atMs: 500, untilMs: 2000, actions: 3 });
    store.getState().dismissReplaced();
    expect(store.getState().replaced).toBeNull();
    store.getState().newRun({ seed: 8, servers: 3 });
    store.getState().undoReplace();
    expect(store.getState().replaced).toBeNull();
    expect(store.getState().actionCount).toBe(0);
  });

  it('acting at the end of the timeline replaces nothing', () => {
    const { store } = recorded();
    store.getState().request();
    expect(store.getState().replaced).toBeNull();
    store.getState().undoReplace();
    expect(store.getState().actionCount).toBe(4);
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
