/**
 * Membership changes driven from the UI (issue 8): a run that starts with 3 voters of 5 servers,
 * S4 added from its "+" in the outside row, S1 removed from its menu, S5 added as a learner and
 * then promoted, and a joint reconfigure from the dialog. After each step the run is read
 * through `window.raftLab.state()` and what is drawn is checked: dimmed servers outside the
 * cluster, the learner pill, two outlines during the joint phase.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { LabAutomationState } from '../../src/services/automation.ts';
import { encodeLink } from '../../src/scenarios/link.ts';
import { parseScenario } from '../../src/scenarios/schema.ts';
import {
  allFeedText,
  leaderOf,
  openLab,
  pageErrors,
  screenshot,
  setSpeed,
  settle,
  waitForState,
  useBrowser,
} from './harness.ts';
import { english } from '../scenarios/english.ts';

const browser = useBrowser();

/** A share link of a 5-server run whose initial voters are S1, S2, S3. */
function link(): string {
  const parsed = parseScenario({
    version: 1,
    title: 'Three voters of five',
    seed: 11,
    // PreVote and the disruption guard (M-7) keep the removed S1 from deposing leaders.
    config: { servers: 5, members: [1, 2, 3], preVote: true, disruptionGuard: true },
    actions: [],
  });
  if (!parsed.ok) throw new Error(english(parsed));
  return encodeLink(parsed.scenario, inject('labUrl'));
}

type Summary = LabAutomationState['servers'][number];
const leader = (s: LabAutomationState): Summary | undefined =>
  s.servers.find((x) => x.id === leaderOf(s));

/** The live leader uses a committed configuration with these voters and learners. */
function settledOn(voters: number[], learners: number[] = []) {
  return (s: LabAutomationState): boolean => {
    const m = leader(s)?.membership;
    return (
      m !== undefined &&
      m.committed &&
      m.old === undefined &&
      m.voters.join() === voters.join() &&
      m.learners.join() === learners.join()
    );
  };
}

async function open(width: number, height: number): Promise<Page> {
  const page = await openLab(browser, { viewport: { width, height } }, '');
  await page.goto(link());
  await page.waitForFunction(() => window.raftLab !== undefined);
  await setSpeed(page, '1');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await waitForState(
    page,
    (s) => (leader(s)?.commitIndex ?? 0) >= 1 && settledOn([1, 2, 3])(s),
    'a leader of {S1, S2, S3} with its no-op committed',
  );
  return page;
}

const serverG = (page: Page, id: number) => page.locator(`g.rl-server[data-server="${id}"]`);

async function menuAction(page: Page, id: number, name: string): Promise<void> {
  await serverG(page, id).locator('.rl-server-body').click({ button: 'right', force: true });
  await page.getByRole('menuitem', { name, exact: true }).click();
}

/** The opacity a server outside the cluster is drawn with (its circle's group). */
async function drawnOpacity(page: Page, id: number): Promise<number> {
  return serverG(page, id)
    .locator(':scope > g')
    .first()
    .evaluate((g) => Number(getComputedStyle(g).opacity));
}

describe('membership from the UI', () => {
  it('adds, removes, adds a learner, promotes and reconfigures (joint), all from the UI', async () => {
    const page = await open(1440, 900);
    let s = await waitForState(page, settledOn([1, 2, 3]), '{S1, S2, S3}');
    for (const x of s.servers) expect(x.snapshot).toBeNull();
    expect(s.servers[3]?.membership.voters).toEqual([]);
    // S4 and S5 are drawn apart, dimmed, in the outside band.
    await expect.poll(() => page.locator('g[data-member="outside"]').count()).toBe(2);
    await expect(page.getByTestId('outside-band').count()).resolves.toBe(1);
    expect(await drawnOpacity(page, 4)).toBeLessThan(0.8);
    expect(await drawnOpacity(page, 1)).toBe(1);
    await settle(page);
    await screenshot(page, 'membership-1-start-1440');

    // 1. Add S4 with the "+" next to it.
    await page.locator('g[data-add="4"]').click({ force: true });
    s = await waitForState(page, settledOn([1, 2, 3, 4]), 'S4 added');
    expect(s.servers.filter((x) => x.log.some(([, c]) => c === 'config 1,2,3,4')).length).toBe(4);
    await expect.poll(() => serverG(page, 4).getAttribute('data-member')).toBe('voter');
    await expect.poll(() => page.locator('g[data-member="outside"]').count()).toBe(1);
    // The log marks the configuration entry.
    await expect.poll(() => page.locator('.rl-cell.is-config').count()).toBeGreaterThan(0);
    await expect(page.locator('.rl-cell.is-config').first().getAttribute('title')).resolves.toMatch(
      /Configuration entry: voters \{S1…S4\}/,
    );

    // 2. Remove S1 from its menu.
    await menuAction(page, 1, 'Remove from the cluster');
    s = await waitForState(page, settledOn([2, 3, 4]), 'S1 removed', 30_000);
    expect(leaderOf(s)).not.toBe(1);
    await expect.poll(() => serverG(page, 1).getAttribute('data-member')).toBe('outside');
    await settle(page);
    await screenshot(page, 'membership-2-removed-1440');

    // 3. S5 as a learner, then promoted.
    await menuAction(page, 5, 'Add as learner');
    s = await waitForState(page, settledOn([2, 3, 4], [5]), 'S5 a learner');
    await expect.poll(() => serverG(page, 5).getAttribute('data-member')).toBe('learner');
    await expect(serverG(page, 5).locator('.rl-pill-learner').textContent()).resolves.toBe(
      'learner',
    );
    await settle(page);
    await screenshot(page, 'membership-3-learner-1440');
    await menuAction(page, 5, 'Promote to voter');
    s = await waitForState(page, settledOn([2, 3, 4, 5]), 'S5 promoted');
    await expect.poll(() => serverG(page, 5).getAttribute('data-member')).toBe('voter');

    // 4. A joint reconfigure to {S1, S3, S4, S5} from the dialog, slowly enough to see C_old,new.
    await setSpeed(page, '0.02');
    await page.getByRole('button', { name: 'Membership…' }).click();
    const dialog = page.getByRole('form', { name: 'Change the membership' });
    await dialog.getByLabel('S1', { exact: true }).check();
    await dialog.getByLabel('S2', { exact: true }).uncheck();
    await expect(dialog.locator('.rl-reconfigure-plan').textContent()).resolves.toBe(
      'Will send: "reconfigure 1,3,4,5"',
    );
    await settle(page);
    await screenshot(page, 'membership-4-dialog-1440');
    await dialog.getByRole('button', { name: 'Send' }).click();
    s = await waitForState(
      page,
      (x) => leader(x)?.membership.old !== undefined,
      'the joint configuration at the leader',
      30_000,
    );
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    expect(leader(s)?.membership).toMatchObject({ old: [2, 3, 4, 5], voters: [1, 3, 4, 5] });
    await expect(
      page.locator('[data-testid="joint-outlines"] [data-config="old"]').count(),
    ).resolves.toBe(1);
    await expect(
      page.locator('[data-testid="joint-outlines"] [data-config="new"]').count(),
    ).resolves.toBe(1);
    await settle(page);
    await screenshot(page, 'membership-5-joint-1440');
    await setSpeed(page, '1');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    s = await waitForState(page, settledOn([1, 3, 4, 5]), 'C_new {S1, S3, S4, S5}', 30_000);
    await expect.poll(() => page.locator('[data-testid="joint-outlines"]').count()).toBe(0);
    await expect.poll(() => serverG(page, 2).getAttribute('data-member')).toBe('outside');
    // The feed told each step in words (paused, read whole: under load the run may have gone on
    // long enough for the line to scroll out of the feed's view).
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const feed = await allFeedText(page);
    expect(feed).toMatch(/committed the new configuration/);
    await settle(page);
    await screenshot(page, 'membership-6-done-1440');
    expect(s.violations).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });

  it('fits at 1024×768: outside row, menu, dialog and joint outlines', async () => {
    const page = await open(1024, 768);
    await settle(page);
    await screenshot(page, 'membership-1-start-1024');
    await serverG(page, 4).locator('.rl-server-body').click({ button: 'right', force: true });
    await expect(page.getByRole('menuitem', { name: 'Add as learner' }).count()).resolves.toBe(1);
    await page.mouse.move(0, 0);
    await screenshot(page, 'membership-2-menu-1024');
    await page.keyboard.press('Escape');
    await setSpeed(page, '0.02');
    await page.getByRole('button', { name: 'Membership…' }).click();
    await screenshot(page, 'membership-3-dialog-1024');
    const dialog = page.getByRole('form', { name: 'Change the membership' });
    for (const id of [4, 5]) await dialog.getByLabel(`S${id}`, { exact: true }).check();
    await screenshot(page, 'membership-3-dialog-1024');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await waitForState(page, (x) => leader(x)?.membership.old !== undefined, 'joint', 30_000);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.locator('[data-testid="joint-outlines"] path').count()).resolves.toBe(2);
    await settle(page);
    await screenshot(page, 'membership-4-joint-1024');
    expect(pageErrors(page)).toEqual([]);
  });

  it('starts a new run with 3 of 5 voters, the disruption guard and a membership bug', async () => {
    const page = await openLab(browser, { viewport: { width: 1440, height: 900 } }, '?paused');
    await page.locator('.rl-run-menu > summary').click();
    const form = page.getByRole('form', { name: 'New run' });
    await form.locator('select').first().selectOption('5');
    await form.locator('select[name="members"]').selectOption({ label: '3 of 5 servers' });
    await form.getByLabel('Disruption guard').check();
    await form.getByLabel('BUG-EARLYCONFIG').check();
    await settle(page);
    await screenshot(page, 'membership-7-new-run-1440');
    await form.getByRole('button', { name: 'Start' }).click();
    const s = await waitForState(page, (x) => x.servers.length === 5, 'the new run');
    expect(s.servers.map((x) => x.membership.voters)).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
      [],
      [],
    ]);
    await expect.poll(() => page.locator('g[data-member="outside"]').count()).toBe(2);
    expect(pageErrors(page)).toEqual([]);
  });
});
