/**
 * The built-in scenario library: every entry is a valid scenario, its story reaches every stop, the
 * run is safe (or, for a teaching bug, fires the invariant it promises), its captions exist in every
 * language, and each story shows what its captions claim.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BUG_IDS } from '../../src/core/index.ts';
import {
  LIBRARY,
  findLibraryEntry,
  libraryLinkId,
  type LibraryEntry,
} from '../../src/scenarios/library/index.ts';
import { FIGURE7_TERMS } from '../../src/scenarios/library/figure-7.ts';
import { parseScenarioText, scenarioToJson } from '../../src/scenarios/schema.ts';
import { LANGUAGES, type Caption } from '../../src/scenarios/steps.ts';
import { stepShape } from '../../src/scenarios/stepShape.ts';
import { fired, ofType, play, refusals, server, stop, terms, TAIL_MS } from './library-kit.ts';
import { english } from './english.ts';

function entry(id: string): LibraryEntry {
  const found = findLibraryEntry(id);
  if (found === undefined) throw new Error(`no library entry ${id}`);
  return found;
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CITE_PATTERN = /^(F2|INV|SC|BUG|C|M|X|D)-[A-Z0-9]+(-[A-Z0-9]+)?$/;

function expectTranslated(text: Caption, where: string): void {
  expect(typeof text, where).toBe('object');
  for (const language of LANGUAGES) {
    const value = typeof text === 'string' ? undefined : text[language];
    expect(value, `${where} (${language})`).toMatch(/\S/);
    expect(value, `${where} (${language})`).not.toContain('<');
  }
}

describe('the library', () => {
  it('has unique slug ids that short links can carry', () => {
    const ids = LIBRARY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
    expect(libraryLinkId(entry('figure-8'))).toBe('lib=figure-8');
    expect(findLibraryEntry('figure-7')?.id).toBe('figure-7');
    expect(findLibraryEntry('no-such-story')).toBeUndefined();
  });

  it('holds the eleven stories of the brief and at least one more teaching bug', () => {
    const ids = LIBRARY.map((e) => e.id);
    for (const id of [
      'election-timeout',
      'normal-election',
      'no-majority',
      'stale-server',
      'replication',
      'follower-repair',
      'partition',
      'exactly-once',
      'figure-7',
      'figure-8',
      'figure-8-bug',
    ]) {
      expect(ids).toContain(id);
    }
    expect(LIBRARY.filter((e) => e.expectViolation !== undefined).length).toBeGreaterThan(1);
  });
});

describe.each(LIBRARY.map((e) => [e.id, e] as const))('%s', (_id, e) => {
  const scenario = e.scenario;

  it('is a version-1 scenario that survives a JSON round trip, steps included', () => {
    expect(scenario.version).toBe(1);
    expect(scenario.title).toBe(e.title.en);
    const parsed = parseScenarioText(scenarioToJson(scenario));
    if (!parsed.ok) throw new Error(english(parsed));
    expect(parsed.scenario).toEqual(scenario);
    for (const step of scenario.steps) {
      expect(v.safeParse(stepShape, step).success).toBe(true);
    }
  });

  it('tells a story of 4 to 12 steps and reaches every stop', () => {
    expect(scenario.steps.length).toBeGreaterThanOrEqual(4);
    expect(scenario.steps.length).toBeLessThanOrEqual(12);
    const p = play(e);
    expect(p.story.stops.map((s) => s.reached)).toEqual(scenario.steps.map(() => true));
    // The replay of the compiled action log passes through every stop exactly.
    expect(p.stops.map((s) => s.traceHash)).toEqual(p.story.stops.map((s) => s.traceHash));
  });

  it('has a title, a summary and every caption in English, Spanish and Portuguese', () => {
    expectTranslated(e.title, 'title');
    expectTranslated(e.summary, 'summary');
    scenario.steps.forEach((step, i) => expectTranslated(step.caption, `step ${i + 1}`));
    for (const cite of e.cites) expect(cite).toMatch(CITE_PATTERN);
    expect(e.cites.length).toBeGreaterThan(0);
  });

  if (e.expectViolation === undefined) {
    it(`runs to the last stop + ${TAIL_MS} ms without any invariant violation`, () => {
      expect(scenario.config.bugs).toEqual([]);
      expect(play(e).sim.violations).toEqual([]);
    });
  } else {
    const expected = e.expectViolation;
    it(`teaching bug: the story makes ${expected} fire`, () => {
      expect(scenario.config.bugs.length).toBeGreaterThan(0);
      for (const bug of scenario.config.bugs) expect(e.cites).toContain(bug);
      const p = play(e);
      const hit = p.sim.violations.find((x) => x.invariant === expected);
      const lastStop = p.story.stops[p.story.stops.length - 1];
      expect(hit?.time).toBeDefined();
      expect(hit?.time).toBeLessThanOrEqual(lastStop?.timeMs ?? 0);
      // The story ends where the promised violation is on screen.
      expect(p.stops[p.stops.length - 1]?.violations).toBeGreaterThan(0);
    });
  }
});

describe('what each story shows', () => {
  it('election-timeout: a natural timeout makes S1 candidate, heartbeats hold, then S4 times out', () => {
    const p = play(entry('election-timeout'));
    const starts = ofType(p, 'electionStart');
    expect(starts.map((s) => [s.server, s.term, s.forced])).toEqual([
      [1, 1, false],
      [4, 2, false],
    ]);
    expect(server(stop(p, 2).servers, 1).role).toBe('candidate');
    // Between the first leader and its crash, no follower timed out.
    expect(starts[1]?.time).toBeGreaterThan(p.story.stops[3]?.timeMs ?? Infinity);
  });

  it('normal-election: one election, every follower votes for S3 and learns it leads term 1', () => {
    const p = play(entry('normal-election'));
    expect(ofType(p, 'electionStart')).toHaveLength(1);
    expect(ofType(p, 'becomeLeader').map((l) => [l.server, l.term])).toEqual([[3, 1]]);
    const followers = stop(p, 4).servers.filter((s) => s.id !== 3);
    for (const s of followers) {
      expect([s.role, s.term, s.votedFor, s.leaderHint]).toEqual(['follower', 1, 3, 3]);
    }
  });

  it('no-majority: two candidates split term 1, nobody leads it, S1 wins term 2', () => {
    const p = play(entry('no-majority'));
    const split = stop(p, 4).servers;
    expect([1, 2].map((id) => [server(split, id).role, server(split, id).term])).toEqual([
      ['candidate', 1],
      ['candidate', 1],
    ]);
    const leaders = ofType(p, 'becomeLeader').map((l) => [l.server, l.term]);
    expect(leaders).toEqual([[1, 2]]);
    expect([4, 5].map((id) => server(p.sim.state.servers, id).crashed)).toEqual([true, true]);
  });

  it('stale-server: nobody grants S2 a vote; up-to-date S3 wins and repairs S2', () => {
    const p = play(entry('stale-server'));
    const forS2 = ofType(p, 'vote').filter((x) => x.candidate === 2 && x.voter !== 2);
    expect(forS2.length).toBeGreaterThanOrEqual(3);
    expect(forS2.filter((x) => x.granted)).toEqual([]);
    expect(terms(stop(p, 3).servers, 2)).toEqual([1]);
    expect(ofType(p, 'becomeLeader').map((l) => [l.server, l.term])).toEqual([
      [1, 1],
      [3, 3],
    ]);
    expect(server(p.sim.state.servers, 2).kv).toEqual({ x: '1', y: '2' });
  });

  it('disruptive-server: S5’s runaway term deposes S1 on healing; a new term follows', () => {
    const p = play(entry('disruptive-server'));
    const isolated = stop(p, 2).servers;
    expect(server(isolated, 5).term).toBeGreaterThan(3);
    expect(server(isolated, 1).role).toBe('leader');
    expect(ofType(p, 'stepDown').some((e) => e.server === 1 && e.from === 'leader')).toBe(true);
    const last = ofType(p, 'becomeLeader').at(-1);
    expect(last?.server).not.toBe(5);
    expect(last?.term).toBeGreaterThan(server(isolated, 5).term);
  });

  it('prevote: S5 keeps term 1 while isolated, and S1 leads term 1 throughout', () => {
    const p = play(entry('prevote'));
    expect(server(stop(p, 3).servers, 5).term).toBe(1);
    expect(server(stop(p, 3).servers, 5).role).toBe('precandidate');
    expect(ofType(p, 'preVoteStart').filter((e) => e.server === 5).length).toBeGreaterThan(3);
    const end = stop(p, 4).servers;
    expect([server(end, 1).role, server(end, 1).term]).toEqual(['leader', 1]);
    expect(terms(end, 5)).toEqual(terms(end, 1));
    expect(ofType(p, 'becomeLeader')).toHaveLength(1);
  });

  it('replication: commit on a majority, then the reply, then every state machine', () => {
    const p = play(entry('replication'));
    const committed = stop(p, 4);
    expect(server(committed.servers, 5).commitIndex).toBe(2);
    expect(committed.clients[0]?.done).toEqual([]);
    expect(stop(p, 5).clients[0]?.done.map((d) => d.result)).toEqual(['ok']);
    for (const s of stop(p, 7).servers) expect(s.kv).toEqual({ x: '1' });
  });

  it('follower-repair: S2 starts at nextIndex 5 for S4, which refuses 3 times, then matches', () => {
    const p = play(entry('follower-repair'));
    const leader = server(stop(p, 3).servers, 2);
    expect(leader.role).toBe('leader');
    expect(leader.peers.find((x) => x.id === 4)?.nextIndex).toBe(5);
    expect(refusals(p, 4)).toBe(3);
    const repaired = stop(p, 6).servers;
    expect(server(repaired, 4).log).toEqual(server(repaired, 2).log);
    expect(server(p.sim.state.servers, 4).kv).toEqual({ a: '1', b: '2', c: '3' });
  });

  it('partition: two leaders of different terms; the minority write vanishes, its retry runs once', () => {
    const p = play(entry('partition'));
    const leaders = stop(p, 4).servers.filter((s) => s.role === 'leader' && !s.crashed);
    expect(leaders.map((s) => [s.id, s.term])).toEqual([
      [1, 1],
      [5, 2],
    ]);
    expect(server(stop(p, 4).servers, 1).log.map((x) => x.command)).toContain('incr x');
    const answers = ofType(p, 'clientReply').filter((r) => r.client === 2);
    expect(answers.map((r) => [r.server, r.result])).toEqual([[5, '1']]);
    for (const s of p.sim.state.servers) {
      expect(s.kv).toEqual({ a: '1', x: '1', y: '2' });
      expect(s.log.filter((x) => x.command === 'incr x').map((x) => x.term)).toEqual([2]);
      const ran = ofType(p, 'apply').filter(
        (a) => a.server === s.id && a.command === 'incr x' && !a.duplicate,
      );
      expect(ran).toHaveLength(1);
    }
  });

  it('exactly-once: the reply is lost, the retry is logged again, x = 1 and one answer', () => {
    const p = play(entry('exactly-once'));
    expect(ofType(p, 'drop').filter((d) => d.msg === 'ClientReply')).toHaveLength(1);
    const live = p.sim.state.servers.filter((s) => !s.crashed);
    expect(live.map((s) => s.id)).toEqual([2, 3]);
    for (const s of live) {
      expect(s.kv).toEqual({ x: '1' });
      expect(s.log.filter((x) => x.command === 'incr x')).toHaveLength(2);
    }
    const replies = ofType(p, 'clientReply');
    expect(replies.map((r) => [r.client, r.seq, r.server, r.result])).toEqual([[1, 1, 3, '1']]);
  });

  it('figure-7: loaded as drawn; every log ends equal to the leader’s, the longest walk is (f)', () => {
    const p = play(entry('figure-7'));
    const drawn = stop(p, 1).servers.map((s) => s.log.map((x) => x.term));
    expect(drawn).toEqual(FIGURE7_TERMS);
    const end = p.sim.state.servers;
    for (const s of end) expect(s.log).toEqual(server(end, 1).log);
    expect(terms(end, 1)).toEqual([...(FIGURE7_TERMS[0] ?? []), 9]);
    expect([2, 3, 4, 5, 6, 7].map((id) => refusals(p, id))).toEqual([1, 6, 0, 0, 5, 7]);
    const cut = ofType(p, 'truncate').map((x) => [x.server, x.fromIndex, x.removed]);
    expect(cut).toEqual([
      [4, 11, 1],
      [5, 11, 2],
      [6, 6, 2],
      [7, 4, 8],
    ]);
  });

  it('figure-8: the logs at the stops are the paper’s (a), (b), (c), (d); S1 never commits 2@2', () => {
    const p = play(entry('figure-8'));
    const logs = (n: number) => [1, 2, 3, 4, 5].map((id) => terms(stop(p, n).servers, id));
    expect(logs(2)).toEqual([[1, 2], [1, 2], [1], [1], [1]]); // (a)
    expect(logs(4)).toEqual([[1, 2], [1, 2], [1], [1], [1, 3]]); // (b)
    expect(logs(8)).toEqual([[1, 2, 4], [1, 2], [1, 2], [1], [1, 3]]); // (c)
    expect(server(stop(p, 8).servers, 1).commitIndex).toBeLessThanOrEqual(1);
    expect(server(stop(p, 8).servers, 1).peers.find((x) => x.id === 3)?.matchIndex).toBe(2);
    expect(logs(12).slice(1)).toEqual([
      [1, 3, 5],
      [1, 3, 5],
      [1, 3, 5],
      [1, 3, 5],
    ]); // (d), then S5's own entry
    expect(ofType(p, 'apply').some((a) => a.command === 'set y 2')).toBe(false);
  });

  it('figure-8-bug: INV-X11 fires first, at S1’s commit of 2@2; INV-LC at S5’s election', () => {
    const p = play(entry('figure-8-bug'));
    expect(server(stop(p, 7).servers, 1).commitIndex).toBe(2);
    const first = p.sim.violations[0];
    expect(first?.invariant).toBe('INV-X11');
    expect(first?.servers).toEqual([5]);
    expect(first?.time).toBe(p.story.stops[6]?.timeMs);
    const lc = p.sim.violations.find((v) => v.invariant === 'INV-LC');
    expect(lc?.servers).toEqual([5]);
    expect(lc?.time).toBe(p.story.stops[9]?.timeMs);
    expect(fired(p)).toContain('INV-SMS');
  });

  it('vote-amnesia: the crash erases S2’s vote, S2 votes twice, two leaders of term 1', () => {
    const p = play(entry('vote-amnesia'));
    expect(fired(p)).toEqual(['INV-X7', 'INV-X8', 'INV-ES']);
    expect(p.sim.violations[0]?.time).toBe(p.story.stops[1]?.timeMs);
    expect(ofType(p, 'becomeLeader').map((l) => [l.server, l.term])).toEqual([
      [1, 1],
      [3, 1],
    ]);
  });

  it('teaching-bug entries are exactly those with bugs switched on', () => {
    for (const e of LIBRARY) {
      const buggy = e.scenario.config.bugs.length > 0;
      expect(buggy, e.id).toBe(e.expectViolation !== undefined);
      for (const bug of e.scenario.config.bugs) expect(BUG_IDS).toContain(bug);
    }
  });
});
