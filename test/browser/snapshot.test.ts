/**
 * Log compaction and follower reads in the browser (issue 9): the `snapshot` story opened from its
 * short link and stepped with the keys shows each compacted log as one block with its last index,
 * an InstallSnapshot on its way with its chunk (k/n), and S3's log replaced by the snapshot; the
 * state the page reports is Node's at every stop. Then a run with follower reads: a `get` sent to
 * a follower from the command form is answered by that follower, and the feed says so.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { encodeLink } from '../../src/scenarios/link.ts';
import { parseScenario } from '../../src/scenarios/schema.ts';
import {
  labState,
  openLab,
  pageErrors,
  screenshot,
  settle,
  waitForState,
  useBrowser,
} from './harness.ts';
import { libraryStory, openAt, served, stepWithKeys } from './presenterHarness.ts';
import { english } from '../scenarios/english.ts';

const browser = useBrowser();

/** The text of the snapshot block in server `id`'s log row, or null without one. */
async function snapshotLabel(page: Page, id: number): Promise<string | null> {
  const row = page.locator('.rl-log-row', {
    has: page.locator('.rl-log-name', { hasText: `S${id}` }),
  });
  const label = row.first().locator('.rl-snap-label');
  return (await label.count()) === 0 ? null : label.first().innerText();
}

describe('the snapshot story (SC-42)', () => {
  it.each([
    [1440, 900, 'en'],
    [1024, 768, 'es'],
  ] as const)(
    'at %ix%i (%s): compacted blocks, a chunk in flight, S3 replaced',
    async (width, height, lang) => {
      const story = libraryStory('snapshot');
      const page = await openAt(browser, served(`?lang=${lang}#lib=snapshot`), {
        viewport: { width, height },
      });
      await stepWithKeys(page, 2, 'PageDown');
      const s1 = (await labState(page)).servers[0];
      const at = s1?.snapshot?.index ?? 0;
      expect(at).toBeGreaterThanOrEqual(5);
      expect(await snapshotLabel(page, 1)).toContain(`${at}`);
      expect(await snapshotLabel(page, 3)).toBeNull();

      await stepWithKeys(page, 4, 'PageDown');
      expect((await labState(page)).traceHash).toBe(story.stops[3]?.traceHash);
      // The first chunk of InstallSnapshot is drawn on its way to S3, with its place: 1/n.
      const glyphs = await page.locator('.rl-msg-glyph').allTextContents();
      expect(glyphs.some((t) => /^1\/\d+$/.test(t.trim()))).toBe(true);
      await settle(page);
      await screenshot(page, `snapshot-chunk-${width}x${height}-${lang}`);

      await stepWithKeys(page, 5, 'PageDown');
      const s3 = (await labState(page)).servers[2];
      expect(s3?.snapshot).not.toBeNull();
      expect(await snapshotLabel(page, 3)).toContain(`${s3?.snapshot?.index}`);
      await settle(page);
      await screenshot(page, `snapshot-installed-${width}x${height}-${lang}`);
      expect(page.errors).toEqual([]);
      await page.context().close();
    },
  );
});

describe('follower reads (C-4)', () => {
  it('a get sent to a follower is answered by it, with a read index from the leader', async () => {
    const parsed = parseScenario({
      version: 1,
      title: 'Follower reads',
      seed: 7,
      config: { servers: 3, reads: 'readIndex', followerReads: true },
      actions: [
        { at: 10, do: 'timeout', server: 1 },
        { at: 100, do: 'request', command: 'set x 1', client: 1 },
        { at: 400, do: 'request', command: 'get x', server: 2, client: 2 },
      ],
    });
    if (!parsed.ok) throw new Error(english(parsed));
    const page = await openLab(
      browser,
      { viewport: { width: 1440, height: 900 } },
      `#${encodeLink(parsed.scenario, inject('labUrl')).split('#')[1]}`,
    );
    // A shared link opens paused at its start: play, then pause past the read.
    await page.keyboard.press(' ');
    await waitForState(page, (s) => s.time >= 700, 'the run passes 700 ms');
    await page.keyboard.press(' ');
    await waitForState(page, (s) => !s.playing, 'paused');
    const feed = (await page.locator('.rl-feed-text').allInnerTexts()).join('\n');
    // S2 asked the leader for a read index and answered C2 from its own state.
    expect(feed).toMatch(/S2[^\n]*read index/i);
    expect(feed).toMatch(/S2[^\n]*C2[^\n]*1/);
    await settle(page);
    await screenshot(page, 'follower-read-1440x900');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
