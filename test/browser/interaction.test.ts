/**
 * The lab driven from its UI the way a student would: mouse clicks, a right-click menu, the
 * partition mode, the timeline and the keyboard. Every check reads the run through the read-only
 * `window.raftLab.state()` handle (the `npm run sim --json` shape).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  labState,
  leaderOf,
  openLab,
  pageErrors,
  screenshot,
  serverBody,
  setSpeed,
  settle,
  waitForState,
  useBrowser,
} from './harness.ts';

const browser = useBrowser();

/** Opens the lab at real-time speed and waits until a leader has committed its no-op (F2-L7). */
async function settledLab(query = '?speed=1'): Promise<{ page: Page; leader: number }> {
  const page = await openLab(browser, { viewport: { width: 1366, height: 768 } }, query);
  const s = await waitForState(
    page,
    (st) => leaderOf(st) !== null && st.servers.every((x) => x.commitIndex >= 1),
    'a leader with its no-op committed',
  );
  return { page, leader: leaderOf(s) ?? 0 };
}

describe('server actions', () => {
  it('crashing the leader from its details panel elects another', async () => {
    const { page, leader } = await settledLab();
    await serverBody(page, leader).click();
    await page.locator('.rl-server-details .rl-action-crash').click();
    const s = await waitForState(
      page,
      (st) => st.servers[leader - 1]?.crashed === true && ![null, leader].includes(leaderOf(st)),
      'a new leader',
    );
    expect(s.servers.filter((x) => x.role === 'leader' && !x.crashed)).toHaveLength(1);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the leader peer table (nextIndex, matchIndex per follower)', async () => {
    const { page, leader } = await settledLab();
    await serverBody(page, leader).click();
    const table = page.locator('.rl-server-details table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
    const headers = await table.locator('thead th').allTextContents();
    expect(headers.join(' ')).toMatch(/nextIndex.*matchIndex/);
    await page.context().close();
  });

  it('right-click menu: crash a follower, B restarts every crashed server', async () => {
    const { page, leader } = await settledLab();
    const follower = leader === 1 ? 2 : 1;
    await serverBody(page, follower).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Crash' }).click();
    await waitForState(page, (st) => st.servers[follower - 1]?.crashed === true, 'the crash');
    await page.keyboard.press('b');
    await waitForState(page, (st) => st.servers[follower - 1]?.crashed === false, 'the restart');
    await page.context().close();
  });

  it('a clicked message opens its details, and Drop removes it', async () => {
    const { page } = await settledLab();
    await page.keyboard.press('c');
    await page.keyboard.press(' ');
    // Paused for sure before anything is clicked: a moving message can slip away on a busy machine.
    await waitForState(page, (st) => !st.playing, 'the pause');
    // Step until a message in flight can be clicked (one passing over a server cannot: the click
    // would land on the server), then click it as a user would.
    let id: string | null = null;
    for (let i = 0; i < 50 && id === null; i++) {
      await page.keyboard.press('ArrowRight');
      for (const msg of await page.locator('.rl-msg').all()) {
        const clicked = await msg.click({ timeout: 1_000 }).then(
          () => true,
          () => false,
        );
        if (clicked && (await page.locator('.rl-message-details').isVisible())) {
          id = await msg.getAttribute('data-message');
          break;
        }
      }
    }
    expect(id).not.toBeNull();
    await page.locator('.rl-message-details .rl-action-drop').click();
    await expect.poll(() => page.locator(`.rl-msg[data-message="${id}"]`).count()).toBe(0);
    await page.context().close();
  });
});

describe('partition', () => {
  it('leaves the minority unable to commit, and healing repairs it', async () => {
    const { page, leader } = await settledLab();
    const buddy = (leader % 5) + 1;
    await page.getByRole('button', { name: /Partition/ }).click();
    await serverBody(page, leader).click();
    await serverBody(page, buddy).click();
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect.poll(() => page.locator('.rl-link-partition').count()).toBe(6);

    // The old leader takes a command it can never commit: only 2 of 5 can store it (F2-L5).
    await serverBody(page, leader).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Client request' }).click();
    const split = await waitForState(
      page,
      (st) => {
        const next = leaderOf(st);
        const newLeader = st.servers.find((x) => x.role === 'leader' && x.id !== leader);
        return (
          next !== null && newLeader !== undefined && newLeader.commitIndex >= 2 && st.time > 2500
        );
      },
      'a majority leader that commits',
    );
    const old = split.servers[leader - 1];
    expect(old?.log.length).toBeGreaterThan(old?.commitIndex ?? 0);
    expect(split.servers[buddy - 1]?.commitIndex).toBeLessThan(old?.log.length ?? 0);

    await page.getByRole('button', { name: /Heal/ }).click();
    const healed = await waitForState(
      page,
      (st) => {
        const logs = st.servers.map((x) => JSON.stringify(x.log));
        return new Set(logs).size === 1 && st.servers.every((x) => x.commitIndex === x.log.length);
      },
      'every log to converge and commit',
    );
    expect(healed.violations).toEqual([]);
    await page.context().close();
  });
});

async function snapshot(page: Page, name: string) {
  await settle(page);
  return { state: await labState(page), pixels: await screenshot(page, name) };
}

describe('partition by drawing a line', () => {
  it('splits the ring along a line dragged across it', async () => {
    const { page } = await settledLab();
    await page.keyboard.press('p');
    const box = await page.locator('.rl-cluster-svg').boundingBox();
    if (!box) throw new Error('no cluster');
    // A horizontal line just under the middle: S1, S2 and S5 above it, S3 and S4 below.
    const y = box.y + box.height * 0.58;
    await page.mouse.move(box.x + 5, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, y, { steps: 5 });
    await page.mouse.move(box.x + box.width - 5, y, { steps: 5 });
    await page.mouse.up();
    const groups = await page.locator('.rl-group-badge').allTextContents();
    expect(groups).toEqual(['G1', 'G1', 'G2', 'G2', 'G1']);
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect.poll(() => page.locator('.rl-link-partition').count()).toBe(6);
    await page.context().close();
  });
});

describe('time travel', () => {
  it('seeking back and forth returns exactly the same frame', async () => {
    const { page } = await settledLab();
    await page.keyboard.press('c');
    await waitForState(page, (st) => st.time > 1800, 'some history');
    await page.keyboard.press(' ');
    const before = await snapshot(page, 'seek-before');
    expect(before.state.playing).toBe(false);

    // Back through the timeline, then End.
    const box = await page.locator('.rl-timeline').boundingBox();
    if (!box) throw new Error('no timeline');
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height / 2);
    expect((await labState(page)).time).toBeLessThan(before.state.time);
    await page.keyboard.press('End');
    const after = await snapshot(page, 'seek-after');
    expect(after.state).toEqual(before.state);
    expect(after.pixels.equals(before.pixels)).toBe(true);

    // The exact-time field, both directions.
    for (const t of [before.state.time - 777, before.state.time]) {
      await page.locator('.rl-time-readout').click();
      await page.getByLabel('Go to virtual time in ms').fill(String(t));
      await page.keyboard.press('Enter');
    }
    const again = await snapshot(page, 'seek-again');
    expect(again.state).toEqual(before.state);
    expect(again.pixels.equals(before.pixels)).toBe(true);
    await page.context().close();
  });

  it('→ and ← step one event forward and back, exactly', async () => {
    const { page } = await settledLab();
    await page.keyboard.press(' ');
    await page.keyboard.press('ArrowLeft');
    const start = await labState(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const ahead = await labState(page);
    expect(ahead.time).toBeGreaterThanOrEqual(start.time);
    expect(ahead.traceHash).not.toBe(start.traceHash);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await labState(page)).toEqual(start);
    await page.context().close();
  });
});

describe('speed', () => {
  async function rate(page: Page): Promise<number> {
    return page.evaluate(async () => {
      const lab = window.raftLab;
      if (!lab) throw new Error('no lab');
      const t0 = performance.now();
      const v0 = lab.displayTime();
      await new Promise((r) => setTimeout(r, 1500));
      return (lab.displayTime() - v0) / (performance.now() - t0);
    });
  }

  it('changes how fast virtual time runs', async () => {
    const page = await openLab(browser);
    await setSpeed(page, '1');
    const real = await rate(page);
    // Virtual time never runs ahead of speed × wall time; a busy machine may only make it lag,
    // so the lower bounds compare the speeds with each other instead of with the wall clock.
    expect(real).toBeGreaterThan(0);
    expect(real).toBeLessThan(1.2);
    await setSpeed(page, '0.1');
    const slow = await rate(page);
    expect(slow).toBeGreaterThan(0);
    expect(slow).toBeLessThan(0.12);
    expect(slow).toBeLessThan(real / 3);
    await setSpeed(page, '10');
    expect(await rate(page)).toBeGreaterThan(real * 3);
    await page.context().close();
  });
});

describe('keys', () => {
  it('Space and . toggle playback; ? opens the help listing every key', async () => {
    const { page } = await settledLab();
    await page.keyboard.press(' ');
    expect((await labState(page)).playing).toBe(false);
    await page.keyboard.press('.');
    expect((await labState(page)).playing).toBe(true);
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const text = await dialog.textContent();
    for (const key of ['Space', '.', 'C', 'R', 'T', 'A', 'B', '→', '←', '?'])
      expect(text).toContain(key);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('C sends a client request that the leader commits', async () => {
    const { page, leader } = await settledLab();
    await page.keyboard.press('c');
    await waitForState(
      page,
      (st) => st.servers[leader - 1]?.log.some(([, cmd]) => cmd === 'set x 1') === true,
      'the command in the leader log',
    );
    await waitForState(
      page,
      (st) => st.servers.every((x) => x.kv['x'] === '1'),
      'x = 1 everywhere',
    );
    await page.context().close();
  });

  it('R restarts the leader; T explains why it has nothing to spread', async () => {
    const { page, leader } = await settledLab();
    await page.keyboard.press('t');
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/leader/i);
    // Paused, so that a loaded machine cannot let the restarted server time out before the read.
    await page.keyboard.press(' ');
    await waitForState(page, (st) => !st.playing, 'paused');
    await page.keyboard.press('r');
    const s = await labState(page);
    expect(s.servers[leader - 1]?.role).toBe('follower');
    expect(s.servers[leader - 1]?.crashed).toBe(false);
    await page.keyboard.press(' ');
    await waitForState(page, (st) => leaderOf(st) !== null, 'a new election');
    await page.context().close();
  });

  it('A makes every live server a candidate at once (a split vote)', async () => {
    const { page } = await settledLab();
    // Paused, so that a loaded machine cannot let the vote finish before the state is read.
    await page.keyboard.press(' ');
    await waitForState(page, (st) => !st.playing, 'paused');
    const term = Math.max(...(await labState(page)).servers.map((x) => x.term));
    await page.keyboard.press('a');
    const s = await labState(page);
    expect(s.servers.every((x) => x.role === 'candidate' && x.term === term + 1)).toBe(true);
    await page.keyboard.press(' ');
    await waitForState(
      page,
      (st) => leaderOf(st) !== null,
      'a leader after the split vote',
      30_000,
    );
    await page.context().close();
  });
});

describe('touch only', () => {
  it('taps select a server, crash it, and partition the cluster', async () => {
    const page = await openLab(
      browser,
      {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      },
      '?speed=1',
    );
    const settled = await waitForState(page, (st) => leaderOf(st) !== null, 'a leader');
    const leader = leaderOf(settled) ?? 1;
    await serverBody(page, leader).tap();
    await page.locator('.rl-selection-bar .rl-action-crash').tap();
    await waitForState(page, (st) => st.servers[leader - 1]?.crashed === true, 'the crash');
    await waitForState(page, (st) => ![null, leader].includes(leaderOf(st)), 'a new leader');
    await screenshot(page, 'phone-after-crash');

    await page.getByRole('button', { name: /Partition/ }).tap();
    await serverBody(page, 1).tap();
    await serverBody(page, 2).tap();
    // While the lab plays, an action is drawn with the coming animation frame.
    await page.getByRole('button', { name: 'Apply', exact: true }).tap();
    await expect.poll(() => page.locator('.rl-link-partition').count()).toBe(6);
    await page.getByRole('button', { name: /Heal/ }).tap();
    await expect.poll(() => page.locator('.rl-link-partition').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
