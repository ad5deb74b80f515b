/**
 * The leadership-transfer and read stories (the rule catalogue X-LT, C-4; SC-32, SC-45, SC-46): each shows
 * what its captions claim. The generic checks run for them in library.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/core/index.ts';
import { findLibraryEntry, type LibraryEntry } from '../../src/scenarios/library/index.ts';
import { compileStory } from '../../src/scenarios/steps.ts';
import { ofType, play, server, stop } from './library-kit.ts';

function entry(id: string): LibraryEntry {
  const found = findLibraryEntry(id);
  if (found === undefined) throw new Error(`no library entry ${id}`);
  return found;
}

describe('transfer and read stories', () => {
  it('move-leader: S3 lags, is caught up, gets TimeoutNow, campaigns at once and wins', () => {
    const p = play(entry('move-leader'));
    const behind = stop(p, 2).servers;
    expect(server(behind, 3).log.length).toBe(1);
    expect(server(behind, 1).log.length).toBe(4);
    const phases = ofType(p, 'transfer').map((e) => e.phase);
    expect(phases).toEqual(['start', 'timeoutNow']);
    const [, timeoutNow] = ofType(p, 'transfer');
    const caughtUp = stop(p, 4).servers;
    expect(server(caughtUp, 3).log.length).toBe(server(caughtUp, 1).log.length);
    const election = ofType(p, 'electionStart').find((e) => e.server === 3);
    expect(election?.term).toBe(2);
    // At once: one latency after TimeoutNow left, not an election timeout later.
    expect((election?.time ?? 0) - (timeoutNow?.time ?? 0)).toBe(10);
    expect(ofType(p, 'clientRedirect').some((e) => e.client === 4 && e.leaderHint === 3)).toBe(
      true,
    );
    const answered = ofType(p, 'clientReply').find((e) => e.client === 4);
    expect([answered?.server, answered?.result]).toEqual([3, 'ok']);
    expect(p.sim.violations).toEqual([]);
  });

  it('no-stale-reads: the minority leader holds the read; the majority leader answers 2', () => {
    const p = play(entry('no-stale-reads'));
    const held = stop(p, 4).servers;
    expect(held[0]?.kv).toEqual({ x: '1' }); // S1's own state is stale
    expect(ofType(p, 'clientReply').filter((e) => e.server === 1 && e.client === 3)).toEqual([]);
    const reads = ofType(p, 'read').filter((e) => e.phase === 'answered');
    expect(reads.map((e) => [e.server, e.client, e.result])).toEqual([
      [3, 4, '2'],
      [3, 3, '2'],
    ]);
    expect(ofType(p, 'clientReply').find((e) => e.client === 3)?.result).toBe('2');
    expect(p.sim.violations).toEqual([]);
  });

  it('no-stale-reads with BUG-LOCALREAD: S1 answers 1 although 2 was acknowledged', () => {
    const e = entry('no-stale-reads');
    const config = { ...e.scenario.config, bugs: ['BUG-LOCALREAD' as const] };
    const story = compileStory({ ...e.scenario, config }, e.scenario.steps);
    const sim = Simulation.create({ seed: e.scenario.seed, config, actions: story.actions });
    const answers: [number, string][] = [];
    sim.onEvent = (ev) => {
      if (ev.type === 'clientReply' && ev.client === 3) answers.push([ev.server, ev.result]);
    };
    sim.runUntil(story.stops.at(-1)?.timeMs ?? 0);
    expect(answers[0]).toEqual([1, '1']);
  });
});
