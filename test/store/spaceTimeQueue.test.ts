/**
 * The space-time log's code arriving after the run has started (the served build loads it after
 * the first paint: src/store/spaceTimeCodeLazy.ts). Until then the recorder queues the log's calls
 * (spaceTimeQueue.ts); on arrival the log must end exactly as the log of a recorder that had it
 * from the first event, through forks, Undo and Redo made before and after the arrival.
 */
import { describe, expect, it } from 'vitest';
import { createLabStore } from '../../src/store/createLabStore.ts';
import { SpaceTimeLog } from '../../src/store/spaceTime.ts';
import type { SpaceTimeSource } from '../../src/store/spaceTimeCode.ts';
import type { LabStore } from '../../src/store/types.ts';
import { playUntil } from './playKit.ts';

/** A source whose code arrives when the test says so, as the lazy chunk's would. */
function heldSource(): SpaceTimeSource & { arrive(): void; waiting(): number } {
  let code: typeof SpaceTimeLog | null = null;
  const listeners = new Set<() => void>();
  return {
    loaded: () => code,
    onLoad(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    arrive() {
      code = SpaceTimeLog;
      const waiting = [...listeners];
      listeners.clear();
      for (const listener of waiting) listener();
    },
    waiting: () => listeners.size,
  };
}

const labs = (source: SpaceTimeSource): [LabStore, LabStore] => [
  createLabStore({ seed: 11, servers: 5, speed: 1, clock: () => 0 }),
  createLabStore({ seed: 11, servers: 5, speed: 1, clock: () => 0, spaceTime: source }),
];

/** Everything the diagram can ask of the log, from the current position, as text. */
function diagram(store: LabStore): string {
  const s = store.getState();
  const log = s.spaceTime.log;
  if (log === null) throw new Error('no space-time log yet');
  const at = { timeMs: s.frame.time, emitted: s.spaceTime.emitted };
  const end = s.endTime + 1;
  return JSON.stringify({
    messages: log.messagesIn(0, end, at),
    marks: log.marksIn(0, end, at),
    lanes: s.frame.servers.map((_, i) => log.laneSegments(i + 1, 0, end, at)),
    clients: log.clients(at),
    count: log.messageCount,
  });
}

/** The same steps on both labs. */
function both(stores: readonly LabStore[], step: (store: LabStore) => void): void {
  for (const store of stores) step(store);
}

describe('the space-time log arriving after the run started', () => {
  it('is queued, then replayed into a log equal to one that was there from the start', () => {
    const source = heldSource();
    const [early, late] = labs(source);
    both([early, late], (s) => {
      playUntil(s, 900);
      s.getState().request({ command: 'set x 1' });
      s.getState().partition([[1], [2, 3, 4, 5]]);
      playUntil(s, 1600);
    });
    expect(late.getState().spaceTime.log).toBeNull();
    expect(source.waiting()).toBe(1);
    source.arrive();
    // The store publishes the log at once (createLabStore.ts), without another frame.
    expect(late.getState().spaceTime.log).not.toBeNull();
    const before = diagram(early);
    expect(JSON.parse(before).count).toBeGreaterThan(50);
    expect(diagram(late)).toBe(before);
    // And it goes on recording as the other does.
    both([early, late], (s) => {
      s.getState().heal();
      playUntil(s, 2400);
    });
    expect(diagram(late)).toBe(diagram(early));
  });

  it('replays a fork made before the arrival, and the future it set aside comes back whole', () => {
    const source = heldSource();
    const [early, late] = labs(source);
    both([early, late], (s) => {
      playUntil(s, 1500);
      s.getState().seek(700);
      s.getState().crash(2); // a fork: the future after 700 ms is set aside
      playUntil(s, 1300);
    });
    source.arrive();
    expect(diagram(late)).toBe(diagram(early));
    both([early, late], (s) => s.getState().undoReplace()); // the set-aside future, replayed too
    expect(late.getState().replaced?.undone).toBe(true);
    expect(diagram(late)).toBe(diagram(early));
    both([early, late], (s) => playUntil(s, 1800));
    expect(diagram(late)).toBe(diagram(early));
    both([early, late], (s) => s.getState().undoReplace()); // Redo
    expect(diagram(late)).toBe(diagram(early));
  });

  it('keeps an Undo made before the arrival', () => {
    const source = heldSource();
    const [early, late] = labs(source);
    both([early, late], (s) => {
      playUntil(s, 1400);
      s.getState().seek(600);
      s.getState().request({ command: 'set y 2' });
      playUntil(s, 1000);
      s.getState().undoReplace();
    });
    source.arrive();
    expect(diagram(late)).toBe(diagram(early));
    both([early, late], (s) => s.getState().undoReplace());
    expect(diagram(late)).toBe(diagram(early));
  });

  it('starts over with a new run before the arrival', () => {
    const source = heldSource();
    const [early, late] = labs(source);
    both([early, late], (s) => {
      playUntil(s, 800);
      s.getState().newRun({ seed: 5, servers: 3 });
      playUntil(s, 1200);
    });
    source.arrive();
    expect(diagram(late)).toBe(diagram(early));
    expect(late.getState().frame.servers).toHaveLength(3);
  });
});
