/**
 * The idle lab (5 servers, default speed) must not go back to main-thread work every frame: what
 * moves continuously (messages in flight, timer rings, the playhead) glides as Web Animations
 * the compositor runs (glide.ts), and the driver sleeps between the simulation's events
 * (store/driver.ts). Watched over a window of wall time: the app's animation-frame callbacks
 * against the frames the browser drew (a frame counter of the test's own, which makes the
 * browser draw every frame), so the ratio does not depend on how loaded the machine is. The code
 * before this ran a callback in every frame (a ratio of 1). And the parts still move: a message's
 * and a ring's drawn place (getBoundingClientRect, computed transforms) changes from frame to
 * frame between two wakes of the driver.
 */
import { describe, expect, it } from 'vitest';
import {
  leaderOf,
  openLab,
  pageErrors,
  recordMeasurements,
  screenshot,
  useBrowser,
  waitForState,
} from './harness.ts';

const browser = useBrowser();
const figures = recordMeasurements('idle-wakes', 'idle wakes');

interface Seen {
  /** Frames the browser drew (the test's own callbacks), and the app's callbacks meanwhile. */
  frames: number;
  appCallbacks: number;
  seconds: number;
  /** Frames in which a message or a ring was drawn elsewhere than in the frame before while
   * the app ran no callback of its own since (so the compositor moved it). */
  movedWithoutApp: number;
  /** Distinct places of messages (id@x,y) and turns of the rings seen. */
  places: number;
  turns: number;
}

describe('idle lab', () => {
  it('runs no script in most frames while messages, rings and the playhead still move', async () => {
    const page = await openLab(browser, { viewport: { width: 1440, height: 900 } }, '?servers=5');
    await waitForState(page, (s) => leaderOf(s) !== null, 'a leader');
    await page.waitForTimeout(1000);
    const seen: Seen = await page.evaluate(async () => {
      const w = window as unknown as {
        __rawRaf: typeof requestAnimationFrame;
        __rafCallbacks: number;
      };
      const out = {
        frames: 0,
        appCallbacks: 0,
        seconds: 0,
        movedWithoutApp: 0,
        places: 0,
        turns: 0,
      };
      const places = new Set<string>();
      const turns = new Set<string>();
      let before = new Map<string, string>();
      let appBefore = w.__rafCallbacks;
      const start = performance.now();
      const app0 = w.__rafCallbacks;
      let stop = false;
      const loop = (): void => {
        out.frames++;
        const now = new Map<string, string>();
        for (const m of document.querySelectorAll('.rl-msg-box')) {
          const id = m.querySelector('.rl-msg')?.getAttribute('data-message') ?? '?';
          const r = m.getBoundingClientRect();
          const at = `${r.left.toFixed(1)},${r.top.toFixed(1)}`;
          now.set(`m${id}`, at);
          places.add(`${id}@${at}`);
        }
        document.querySelectorAll('.rl-ring-spin').forEach((r, i) => {
          const t = getComputedStyle(r).transform;
          now.set(`r${i}`, t);
          turns.add(`${i}@${t}`);
        });
        const appRan = w.__rafCallbacks !== appBefore;
        if (!appRan && [...now].some(([k, v]) => before.has(k) && before.get(k) !== v))
          out.movedWithoutApp++;
        before = now;
        appBefore = w.__rafCallbacks;
        if (!stop) w.__rawRaf(loop);
      };
      w.__rawRaf(loop);
      // At least 3 s, and on until 60 frames were drawn (a loaded machine draws fewer), at most 20 s.
      await new Promise((r) => setTimeout(r, 3000));
      while (out.frames < 60 && performance.now() - start < 20_000)
        await new Promise((r) => setTimeout(r, 250));
      stop = true;
      out.appCallbacks = w.__rafCallbacks - app0;
      out.seconds = (performance.now() - start) / 1000;
      out.places = places.size;
      out.turns = turns.size;
      return out;
    });
    await screenshot(page, 'idle-wakes-1440');
    const paused = await page.evaluate(async () => {
      const w = window as unknown as { raftLab: { driverFrames: () => number } };
      return w.raftLab.driverFrames();
    });
    figures['idle'] = { ...seen, ratio: seen.appCallbacks / seen.frames, driverFrames: paused };
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
    // The lab played and drew frames (a loaded machine still draws some).
    expect(seen.frames).toBeGreaterThanOrEqual(60);
    // The app ran a callback in fewer of them: it wakes for events and the clock's tenths, not
    // every frame (the code before ran one in every frame, a ratio of 1; this one about 0.3 at
    // 60 frames a second, more when a loaded machine draws fewer).
    expect(seen.appCallbacks / seen.frames).toBeLessThan(0.8);
    expect(seen.appCallbacks / seen.seconds).toBeLessThan(40);
    // And the parts moved in frames in which the app ran nothing: the compositor moved them.
    expect(seen.movedWithoutApp).toBeGreaterThanOrEqual(10);
    expect(seen.places).toBeGreaterThanOrEqual(20);
    expect(seen.turns).toBeGreaterThanOrEqual(20);
  });

  it('removes a delivered message while its glide still runs: no animation finishes on its own', async () => {
    // An animation that finishes on the compositor makes the browser draw a main-thread frame of
    // its own. A glide that ended at the delivery finished a moment before the driver woke to
    // remove the message: one extra frame per message, some 16 a second at idle. Held past the
    // delivery (DELIVERY_HOLD_WALL_MS), it is cancelled with its element instead.
    const page = await openLab(browser, { viewport: { width: 1440, height: 900 } }, '?servers=5');
    await waitForState(page, (s) => leaderOf(s) !== null, 'a leader');
    await page.waitForTimeout(500);
    const seen = await page.evaluate(async () => {
      const tracked = new WeakSet<Animation>();
      const out = { glides: 0, finished: 0 };
      const watch = (): void => {
        for (const a of document.getAnimations()) {
          const target = (a.effect as KeyframeEffect | null)?.target;
          if (tracked.has(a) || !(target instanceof Element)) continue;
          if (!target.classList.contains('rl-msg-box')) continue;
          tracked.add(a);
          out.glides++;
          a.addEventListener('finish', () => out.finished++);
        }
      };
      const timer = setInterval(watch, 5);
      await new Promise((r) => setTimeout(r, 4000));
      clearInterval(timer);
      return out;
    });
    figures['delivery hold'] = seen;
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
    // Heartbeats and their replies glide all the time (some 80 in 4 s here).
    expect(seen.glides).toBeGreaterThanOrEqual(20);
    // Without the hold nearly every one finished (80 of 84); a loaded machine may be late for a few.
    expect(seen.finished).toBeLessThanOrEqual(Math.floor(seen.glides / 10));
  });

  it('at 1x places messages and turns rings from script: parts that last a few frames get no animation', async () => {
    // 10-20 virtual ms of flight are 10-20 wall ms at 1x: an animation made for each of some
    // 150 messages a second costs the main thread more than the frame or two it would save.
    const page = await openLab(
      browser,
      { viewport: { width: 1440, height: 900 } },
      '?servers=5&speed=1',
    );
    await waitForState(page, (s) => leaderOf(s) !== null, 'a leader');
    const seen = await page.evaluate(async () => {
      const w = window as unknown as { __rawRaf: typeof requestAnimationFrame };
      const out = { boxes: 0, animated: 0, places: 0, rings: 0, animatedRings: 0 };
      const places = new Set<string>();
      let stop = false;
      const loop = (): void => {
        for (const m of document.querySelectorAll('.rl-msg-box')) {
          out.boxes++;
          if (m.getAnimations().length > 0) out.animated++;
          const r = m.getBoundingClientRect();
          places.add(`${r.left.toFixed(0)},${r.top.toFixed(0)}`);
        }
        // A follower's ring drains in 150-300 ms and is reset by every heartbeat: no animation.
        for (const r of document.querySelectorAll('.rl-ring-spin')) {
          out.rings++;
          if (r.getAnimations().length > 0) out.animatedRings++;
        }
        if (!stop) w.__rawRaf(loop);
      };
      w.__rawRaf(loop);
      const start = performance.now();
      await new Promise((r) => setTimeout(r, 2000));
      while (out.boxes < 40 && performance.now() - start < 15_000)
        await new Promise((r) => setTimeout(r, 250));
      stop = true;
      out.places = places.size;
      return out;
    });
    figures['1x messages'] = seen;
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
    expect(seen.boxes).toBeGreaterThanOrEqual(40);
    expect(seen.animated).toBe(0);
    expect(seen.places).toBeGreaterThanOrEqual(10);
    expect(seen.rings).toBeGreaterThanOrEqual(40);
    expect(seen.animatedRings).toBe(0);
  });

  it('runs no frame at all while paused', async () => {
    const page = await openLab(browser, { viewport: { width: 1440, height: 900 } }, '?servers=5');
    await waitForState(page, (s) => leaderOf(s) !== null, 'a leader');
    await page.keyboard.press(' ');
    await waitForState(page, (s) => !s.playing, 'the pause');
    const counts = await page.evaluate(async () => {
      const w = window as unknown as {
        __rafCallbacks: number;
        raftLab: { driverFrames: () => number };
      };
      const before = { app: w.__rafCallbacks, driver: w.raftLab.driverFrames() };
      await new Promise((r) => setTimeout(r, 1500));
      const running = document.getAnimations().filter((a) => a.playState === 'running').length;
      return {
        app: w.__rafCallbacks - before.app,
        driver: w.raftLab.driverFrames() - before.driver,
        running,
      };
    });
    figures['paused'] = counts;
    await page.context().close();
    // No frame, and no animation left running for the compositor either.
    expect(counts).toEqual({ app: 0, driver: 0, running: 0 });
  });
});
