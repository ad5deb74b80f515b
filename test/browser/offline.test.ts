/**
 * The offline copy: dist/raft-lab.html, one file with every script and style inlined, opened
 * from disk (file://) with the network switched off. A leader gets elected, and a library story
 * plays to its last stop with the same trace hash as in Node.
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { leaderOf, waitForState, labState, useBrowser } from './harness.ts';
import { libraryStory, openAt, stepWithKeys } from './presenterHarness.ts';

const browser = useBrowser();

/** Every request the page made, with the network off: all must be the file itself or data:. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

describe('offline single file', () => {
  const file = inject('singleFileUrl');

  it('is one self-contained file', () => {
    const size = statSync(fileURLToPath(file)).size;
    expect(size).toBeGreaterThan(100_000);
    expect(size).toBeLessThan(2_000_000);
  });

  it('opens from file:// with no network and elects a leader', async () => {
    const page = await openAt(browser, file, {
      viewport: { width: 1280, height: 720 },
      offline: true,
    });
    const requests = recordRequests(page);
    await page.reload();
    await page.waitForFunction(() => window.raftLab !== undefined);
    const s = await waitForState(page, (st) => leaderOf(st) !== null, 'a leader');
    expect(leaderOf(s)).not.toBeNull();
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });

  it('plays a library story from its short link', async () => {
    const story = libraryStory('normal-election');
    const page = await openAt(browser, `${file}?present#lib=normal-election`, {
      viewport: { width: 1280, height: 720 },
      offline: true,
    });
    await stepWithKeys(page, story.stops.length);
    expect((await labState(page)).traceHash).toBe(story.stops.at(-1)?.traceHash);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});
