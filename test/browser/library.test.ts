/**
 * Every library scenario, opened from its short link in a fresh page and stepped to its last
 * stop with the presenter keys, ends with the trace hash that Node's compileStory computed: the
 * same story, event for event, in Chromium and in Node. Only teaching-bug stories may violate an
 * invariant, and then the one they teach is among them.
 */
import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../../src/scenarios/library/index.ts';
import { labState, useBrowser } from './harness.ts';
import { libraryStory, openAt, served, stepWithKeys, storyPlace } from './presenterHarness.ts';

const browser = useBrowser();

describe.each(LIBRARY.map((e) => [e.id, e] as const))('library #lib=%s', (id, entry) => {
  it('plays to its last stop with the same trace hash as Node', async () => {
    const story = libraryStory(id);
    const page = await openAt(browser, served(`?present#lib=${id}`), {
      viewport: { width: 1280, height: 720 },
    });
    expect(await storyPlace(page)).toMatchObject({ step: 0, steps: story.stops.length });
    await stepWithKeys(page, story.stops.length);
    const last = story.stops.at(-1);
    const s = await labState(page);
    expect(s.traceHash).toBe(last?.traceHash);
    expect(s.time).toBe(last?.timeMs);
    const invariants = new Set(s.violations.map((v) => v.invariant));
    if (entry.expectViolation) expect(invariants).toContain(entry.expectViolation);
    else expect([...invariants]).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.context().close();
  });
});
