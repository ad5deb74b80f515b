/**
 * afterFirstPaint (views/lazy.tsx) waits for the lab's own first frame, not for the browser's
 * first contentful paint: that one is index.html's boot shell, painted before any script runs,
 * and parts fetched ahead from it would compete with the lab's first render.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LAB_DRAWN_MARK } from '../../src/services/marks.ts';

interface Entry {
  name: string;
  entryType: string;
}

/** A window whose performance timeline the test feeds, entry by entry. */
function fakeWindow(types: string[]) {
  const observers: { type: string; callback: (list: unknown) => void }[] = [];
  const timers: (() => void)[] = [];
  class FakeObserver {
    static supportedEntryTypes = types;
    constructor(private readonly callback: (list: unknown) => void) {}
    observe({ type }: { type: string }): void {
      observers.push({ type, callback: this.callback });
    }
    disconnect(): void {}
  }
  const win = {
    PerformanceObserver: FakeObserver,
    setTimeout: (f: () => void) => timers.push(f),
    clearTimeout: () => {},
  } as unknown as Window;
  const emit = (entry: Entry): void => {
    for (const o of observers.filter((x) => x.type === entry.entryType)) {
      o.callback({ getEntriesByName: (name: string) => (name === entry.name ? [entry] : []) });
    }
  };
  return { win, emit, timers };
}

async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return done;
}

describe('afterFirstPaint', () => {
  beforeEach(() => vi.resetModules());

  it('resolves on the lab-drawn mark, not on the first contentful paint', async () => {
    const { afterFirstPaint } = await import('../../src/views/lazy.tsx');
    const { win, emit } = fakeWindow(['mark', 'paint']);
    const painted = afterFirstPaint(win);
    emit({ name: 'first-contentful-paint', entryType: 'paint' });
    emit({ name: 'some-other-mark', entryType: 'mark' });
    expect(await settled(painted)).toBe(false);
    emit({ name: LAB_DRAWN_MARK, entryType: 'mark' });
    expect(await settled(painted)).toBe(true);
  });

  it('resolves a frame after the mark, once the marked frame has painted', async () => {
    const { afterFirstPaint } = await import('../../src/views/lazy.tsx');
    const { win, emit, timers } = fakeWindow(['mark']);
    const frames: (() => void)[] = [];
    (win as unknown as Record<string, unknown>).requestAnimationFrame = (f: () => void) =>
      frames.push(f);
    const painted = afterFirstPaint(win);
    emit({ name: LAB_DRAWN_MARK, entryType: 'mark' });
    expect(await settled(painted)).toBe(false);
    expect(frames).toHaveLength(1);
    frames[0]?.();
    expect(await settled(painted)).toBe(false);
    // The 10 s fallback first, then the task queued in the next frame.
    expect(timers).toHaveLength(2);
    timers[1]?.();
    expect(await settled(painted)).toBe(true);
  });

  it('falls back to its timer where marks cannot be observed', async () => {
    const { afterFirstPaint } = await import('../../src/views/lazy.tsx');
    const { win, timers } = fakeWindow(['paint']);
    const painted = afterFirstPaint(win);
    expect(await settled(painted)).toBe(false);
    expect(timers).toHaveLength(1);
    timers[0]?.();
    expect(await settled(painted)).toBe(true);
  });
});

describe('startIdlePreload', () => {
  beforeEach(() => vi.resetModules());

  it('fetches the parts one after the other, each when idle or after a deadline at the latest', async () => {
    const { startIdlePreload, preloadWhenIdle, IDLE_PRELOAD_WAIT_MS } =
      await import('../../src/views/lazy.tsx');
    const { win, emit } = fakeWindow(['mark']);
    const asked: { run: () => void; options: unknown }[] = [];
    (win as unknown as Record<string, unknown>).requestIdleCallback = (
      run: () => void,
      options: unknown,
    ) => asked.push({ run, options });
    const fetched: string[] = [];
    preloadWhenIdle(
      async () => fetched.push('a'),
      async () => fetched.push('b'),
    );
    startIdlePreload(win);
    emit({ name: LAB_DRAWN_MARK, entryType: 'mark' });
    await new Promise((r) => setTimeout(r, 0));
    // A playing lab may never be idle: the part is fetched after the deadline all the same.
    expect(asked).toHaveLength(1);
    expect(asked[0]?.options).toEqual({ timeout: IDLE_PRELOAD_WAIT_MS });
    expect(IDLE_PRELOAD_WAIT_MS).toBeLessThanOrEqual(5_000);
    asked[0]?.run();
    await new Promise((r) => setTimeout(r, 0));
    expect(fetched).toEqual(['a']);
    expect(asked).toHaveLength(2);
    asked[1]?.run();
    await new Promise((r) => setTimeout(r, 0));
    expect(fetched).toEqual(['a', 'b']);
  });
});
