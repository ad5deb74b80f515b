/**
 * Leadership transfer and reads without the log from the UI (issue 9): a 5-server run with
 * ReadIndex reads; S3 made the leader from its menu (the leader shows "→ S3", its inspector how far
 * the transfer got, TimeoutNow is drawn, the feed tells it); a `get` from the command form
 * answered with its ReadIndex tag; then the no-stale-reads story's schedule with BUG-LOCALREAD,
 * where the store's history check raises INV-C2 in the violation banner.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { BugId } from '../../src/core/types.ts';
import { findLibraryEntry } from '../../src/scenarios/library/index.ts';
import { encodeLink } from '../../src/scenarios/link.ts';
import { parseScenario } from '../../src/scenarios/schema.ts';
import { compileStory } from '../../src/scenarios/steps.ts';
import {
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

/** A share link of a 5-server run whose leader answers reads with ReadIndex (C-4). */
function readIndexLink(): string {
  const parsed = parseScenario({
    version: 1,
    title: 'ReadIndex reads',
    seed: 20140520,
    config: { servers: 5, reads: 'readIndex' },
    actions: [],
  });
  if (!parsed.ok) throw new Error(english(parsed));
  return encodeLink(parsed.scenario, inject('labUrl'));
}

/** The no-stale-reads story (SC-32) as a flat schedule, with teaching bugs. */
function staleReadLink(bugs: BugId[]): string {
  const entry = findLibraryEntry('no-stale-reads');
  if (entry === undefined) throw new Error('no no-stale-reads story');
  const config = { ...entry.scenario.config, bugs };
  const story = compileStory({ ...entry.scenario, config }, entry.scenario.steps);
  const parsed = parseScenario({
    version: 1,
    title: 'No stale reads, with BUG-LOCALREAD',
    seed: entry.scenario.seed,
    config,
    actions: story.actions,
  });
  if (!parsed.ok) throw new Error(english(parsed));
  return encodeLink(parsed.scenario, inject('labUrl'));
}

const serverG = (page: Page, id: number) => page.locator(`g.rl-server[data-server="${id}"]`);

async function openLink(width: number, height: number, link: string): Promise<Page> {
  const page = await openLab(browser, { viewport: { width, height } }, '');
  await page.goto(link);
  await page.waitForFunction(() => window.raftLab !== undefined);
  // Read the "Opened …" notice and close it, as a user would: it would squeeze the ring at 1024.
  await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/^Opened/);
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
  return page;
}

/** Watches the cluster for a TimeoutNow mark, however briefly it is drawn. */
async function watchTimeoutNow(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as Window & { __timeoutNowSeen?: boolean };
    w.__timeoutNowSeen = false;
    new MutationObserver(() => {
      if (document.querySelector('.rl-msg-TimeoutNow')) w.__timeoutNowSeen = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
}

async function transferAndRead(width: number, height: number): Promise<void> {
  const tag = `${width}`;
  const page = await openLink(width, height, readIndexLink());
  await setSpeed(page, '1');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  let s = await waitForState(
    page,
    (x) => {
      const l = x.servers.find((y) => y.id === leaderOf(x));
      return l !== undefined && l.commitIndex >= 1;
    },
    'a leader with its no-op committed',
  );
  const first = leaderOf(s) ?? 0;
  const term = s.servers.find((y) => y.id === first)?.term ?? 0;
  expect(first).not.toBe(3);

  // Watch slowly: the leader's inspector open, then S3's menu.
  await setSpeed(page, '0.05');
  await serverG(page, first).locator('.rl-server-body').click({ force: true });
  await watchTimeoutNow(page);
  await serverG(page, 3).locator('.rl-server-body').click({ button: 'right', force: true });
  const item = page.getByRole('menuitem', { name: 'Make this server the leader', exact: true });
  expect(await item.isEnabled()).toBe(true);
  expect(await item.getAttribute('title')).toMatch(/hand leadership to S3/);
  await page.mouse.move(0, 0);
  await screenshot(page, `transfer-1-menu-${tag}`);
  await item.click();

  // The leader shows the transfer under way, TimeoutNow in flight; paused to look at it.
  await expect
    .poll(() => page.locator('.rl-msg-TimeoutNow').count(), { timeout: 10_000 })
    .toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const badge = serverG(page, first).getByTestId('transfer-badge');
  await expect(badge.locator('text').textContent()).resolves.toBe('→ S3');
  await expect(badge.locator('title').textContent()).resolves.toMatch(
    new RegExp(`^S${first} is handing leadership to S3\n`),
  );
  const inspector = page.locator('.rl-server-details');
  await expect(inspector.textContent()).resolves.toMatch(
    /Handing leadership to\s*S3: (TimeoutNow sent|catching it up)/,
  );
  // The feed tells it in words (newest lines: the run is paused right after).
  const feed = page.getByRole('region', { name: 'Events' }).or(page.locator('.rl-feed')).first();
  await expect
    .poll(() => feed.textContent())
    .toMatch(new RegExp(`S${first} starts handing leadership to S3`));
  await expect
    .poll(() => feed.textContent())
    .toMatch(/S3 is up to date: .* tells it to start an election now \(TimeoutNow\)/);
  await settle(page);
  await screenshot(page, `transfer-2-timeoutnow-${tag}`);

  // S3 takes over in a higher term.
  await setSpeed(page, '1');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  s = await waitForState(
    page,
    (x) => leaderOf(x) === 3 && (x.servers[2]?.commitIndex ?? 0) >= 2,
    'S3 leading with an entry of its term committed',
  );
  expect(s.servers[2]?.term).toBeGreaterThan(term);
  expect(
    await page.evaluate(() => (window as { __timeoutNowSeen?: boolean }).__timeoutNowSeen),
  ).toBe(true);
  await expect(serverG(page, first).getByTestId('transfer-badge').count()).resolves.toBe(0);

  // A get from the command form, answered without the log.
  await page.getByLabel('Client command').fill('get x');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const answer = page.locator('.rl-client-done tr', { hasText: 'get x' }).first();
  await expect.poll(() => answer.count(), { timeout: 10_000 }).toBe(1);
  const readTag = answer.locator('.rl-read-tag');
  await expect(readTag.textContent()).resolves.toBe('ReadIndex');
  await expect(readTag.getAttribute('title')).resolves.toMatch(/heartbeat round/);
  await expect(answer.textContent()).resolves.toMatch(/\(S3\)/);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.locator('.rl-clients').scrollIntoViewIfNeeded();
  await settle(page);
  await screenshot(page, `transfer-3-read-${tag}`);
  s = await waitForState(page, () => true, 'any');
  expect(s.violations).toEqual([]);
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
}

describe('leadership transfer and reads from the UI', () => {
  it('makes S3 the leader from its menu and answers a get with ReadIndex (1440×900)', async () => {
    await transferAndRead(1440, 900);
  });

  it('the same at 1024×768', async () => {
    await transferAndRead(1024, 768);
  });

  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    it(`shows INV-C2 for the stale read of BUG-LOCALREAD (${width}×${height})`, async () => {
      const page = await openLink(width, height, staleReadLink(['BUG-LOCALREAD']));
      await setSpeed(page, '1');
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      const banner = page.getByTestId('violation');
      await expect.poll(() => banner.count(), { timeout: 20_000 }).toBe(1);
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await expect(banner.getAttribute('data-invariant')).resolves.toBe('INV-C2');
      const text = (await banner.textContent()) ?? '';
      expect(text).toMatch(/INV-C2 every answer fits one order of the commands/);
      expect(text).toMatch(/C3's get x → 1 .* cannot follow C2's set x 2/);
      const s = await waitForState(page, () => true, 'any');
      expect(s.violations.map((v) => v.invariant)).toEqual(['INV-C2']);
      // S1, the deposed leader that answered, is marked on the ring.
      await expect(serverG(page, 1).getAttribute('class')).resolves.toMatch(/is-violating/);
      await settle(page);
      await screenshot(page, `transfer-4-inv-c2-${width}`);
      // Back before the stale answer, the history is linearizable: no banner.
      await banner.getByRole('button', { name: 'Show' }).click();
      const back = page.getByRole('button', { name: 'Step back', exact: true });
      for (let i = 0; i < 40 && (await banner.count()) > 0; i++) await back.click();
      await expect(banner.count()).resolves.toBe(0);
      expect((await waitForState(page, () => true, 'any')).violations).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('the correct run of the same schedule shows no violation', async () => {
    const page = await openLink(1440, 900, staleReadLink([]));
    await setSpeed(page, '10');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const s = await waitForState(page, (x) => x.time >= 1500, 'the run past its reads');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    expect(s.violations).toEqual([]);
    await expect(page.getByTestId('violation').count()).resolves.toBe(0);
    await page.context().close();
  });

  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    it(`offers the read modes in the new-run form; a lease only with CheckQuorum (${width}×${height})`, async () => {
      const page = await openLab(browser, { viewport: { width, height } }, '?paused');
      await page.locator('.rl-run-menu > summary').click();
      const form = page.getByRole('form', { name: 'New run' });
      const reads = form.locator('select[name="reads"]');
      const lease = reads.locator('option[value="lease"]');
      await expect(reads.inputValue()).resolves.toBe('log');
      await expect(lease.isDisabled()).resolves.toBe(true);
      await expect(lease.textContent()).resolves.toBe('lease (needs CheckQuorum)');
      await expect(
        form.locator('label', { has: page.locator('select[name="reads"]') }).getAttribute('title'),
      ).resolves.toMatch(/A lease needs CheckQuorum/);
      await form.getByLabel('CheckQuorum', { exact: true }).check();
      await expect(lease.isDisabled()).resolves.toBe(false);
      await reads.selectOption('lease');
      // Without CheckQuorum again, the choice falls back to ReadIndex.
      await form.getByLabel('CheckQuorum', { exact: true }).uncheck();
      await expect(reads.inputValue()).resolves.toBe('readIndex');
      await form.getByLabel('BUG-LOCALREAD').check();
      await expect(form.getByLabel('BUG-LOCALREAD').getAttribute('title')).resolves.toBeNull();
      await expect(
        form.locator('label', { hasText: 'BUG-LOCALREAD' }).getAttribute('title'),
      ).resolves.toMatch(/stale data/);
      await settle(page);
      await screenshot(page, `transfer-5-new-run-${width}`);
      await form.getByRole('button', { name: 'Start' }).click();
      // Reopened, the form shows the run's setup: ReadIndex and the bug.
      await page.locator('.rl-run-menu > summary').click();
      await expect(form.locator('select[name="reads"]').inputValue()).resolves.toBe('readIndex');
      await expect(form.getByLabel('BUG-LOCALREAD').isChecked()).resolves.toBe(true);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }
});
