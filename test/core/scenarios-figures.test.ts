/**
 * The paper's Figure 7 (SC-15) and Figure 8 (SC-16), loaded through `initial` exactly as drawn and
 * checked entry by entry (the rule catalogue §3 B).
 */
import { describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/index.ts';
import {
  appendRejections,
  commands,
  invariantsFired,
  leaders,
  logOf,
  ofType,
  run,
  server,
  terms,
} from './scenario-kit.ts';

// Figure 7: the leader (term 8) and followers (a)..(f), entry terms for indexes 1..12.
const FIGURE7: Record<string, number[]> = {
  leader: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6],
  a: [1, 1, 1, 4, 4, 5, 5, 6, 6],
  b: [1, 1, 1, 4],
  c: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
  d: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
  e: [1, 1, 1, 4, 4, 4, 4],
  f: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
};
const ROWS = ['leader', 'a', 'b', 'c', 'd', 'e', 'f'];

function figure7Initial() {
  return ROWS.map((row) => ({ term: 8, votedFor: null, log: logOf(FIGURE7[row] ?? []) }));
}

describe('SC-15 Figure 7, exactly', () => {
  // SC-15, Reference: section 5.3, Figure 7
  const r = run(
    { servers: 7, noopOnElection: false, maxEntriesPerAppend: 20 },
    [
      { at: 10, do: 'timeout', server: 1 },
      { at: 200, do: 'request', command: 'set x 9', server: 1 },
    ],
    3000,
    figure7Initial(),
  );

  it('loads every log as drawn', () => {
    const loaded = r.sim.state.initial?.map((s) => s.log.map(([t]) => t));
    expect(loaded).toEqual(ROWS.map((row) => FIGURE7[row]));
  });

  it('the leader takes office in term 9 with the votes of (a), (b), (e), (f)', () => {
    const elected = ofType(r, 'becomeLeader');
    expect(elected).toEqual([expect.objectContaining({ server: 1, term: 9 })]);
    const granted = ofType(r, 'vote')
      .filter((v) => v.candidate === 1 && v.granted && v.voter !== 1)
      .map((v) => v.voter)
      .sort();
    // (c) and (d) hold longer or newer logs and refuse (section 5.4.1).
    expect(granted).toEqual([2, 3, 6, 7]);
  });

  it('every follower log becomes identical to the leader, entry by entry', () => {
    const expected = [...(FIGURE7.leader ?? []), 9];
    for (let id = 1; id <= 7; id++) {
      expect(terms(r, id)).toEqual(expected);
      expect(commands(r, id)).toEqual(commands(r, 1));
    }
  });

  it('(a),(b) only gain entries; (c),(d),(e),(f) lose exactly the drawn suffixes', () => {
    const truncated = (id: number) =>
      ofType(r, 'truncate')
        .filter((e) => e.server === id)
        .map((e) => [e.fromIndex, e.removed]);
    expect(truncated(2)).toEqual([]); // (a)
    expect(truncated(3)).toEqual([]); // (b)
    expect(truncated(4)).toEqual([[11, 1]]); // (c) loses 6@11
    expect(truncated(5)).toEqual([[11, 2]]); // (d) loses 7,7@11-12
    expect(truncated(6)).toEqual([[6, 2]]); // (e) loses 4,4@6-7
    expect(truncated(7)).toEqual([[4, 8]]); // (f) loses indexes 4-11
  });

  it('nothing commits until the term-9 entry is on a majority; then everything does', () => {
    const leaderCommits = ofType(r, 'commit').filter((e) => e.server === 1);
    expect(leaderCommits[0]?.index).toBe(11);
    expect(server(r, 1).commitIndex).toBe(11);
  });

  it('(f) needs the most rejections: nextIndex walks back from 11 to 4', () => {
    const rejections = [2, 3, 4, 5, 6, 7].map((id) => appendRejections(r, id));
    // One rejection per missing or mismatching index from 10 down to the last match:
    // (a) 10; (b) 10..5; (c),(d) match at 10; (e) 10..6; (f) 10..4.
    expect(rejections).toEqual([1, 6, 0, 0, 5, 7]);
    expect(Math.max(...rejections)).toBe(rejections[5]);
    expect(r.sim.violations).toEqual([]);
  });
});

/**
 * Figure 8 (a)→(d) as a script. Noop-on-election is off, as in the paper's figure, so that S1 in
 * term 4 holds index 2 from term 2 on a majority before it has any entry of its own term.
 */
function figure8(variant: 'd' | 'e', bugs: 'BUG-FIG8'[] = [], until = 2000) {
  const isolateS1AfterAppend: Action[] =
    variant === 'd'
      ? [
          { at: 705, do: 'cut', link: [1, 2] },
          { at: 705, do: 'cut', link: [1, 3] },
        ]
      : [];
  const actions: Action[] = [
    // (a) S1 leads term 2 and gets 2@2 to S2 only.
    { at: 10, do: 'timeout', server: 1 },
    { at: 50, do: 'cut', link: [1, 3] },
    { at: 50, do: 'cut', link: [1, 4] },
    { at: 50, do: 'cut', link: [1, 5] },
    { at: 60, do: 'request', command: 'set y 2', server: 1, client: 1 },
    // (b) S1 crashes; S5 wins term 3 with S3, S4 and appends 3@2 locally.
    { at: 200, do: 'crash', server: 1 },
    { at: 210, do: 'timeout', server: 5 },
    { at: 300, do: 'cut', link: [2, 5] },
    { at: 300, do: 'cut', link: [3, 5] },
    { at: 300, do: 'cut', link: [4, 5] },
    { at: 310, do: 'request', command: 'set z 3', server: 5, client: 2 },
    // (c) S5 crashes; S1 restarts, fails term 3, wins term 4, repairs S3 but not S4.
    { at: 400, do: 'crash', server: 5 },
    { at: 400, do: 'heal' },
    { at: 410, do: 'restart', server: 1 },
    { at: 420, do: 'timeout', server: 1 },
    { at: 600, do: 'timeout', server: 1 },
    { at: 620, do: 'cut', link: [1, 4] },
    ...isolateS1AfterAppend,
    { at: 700, do: 'request', command: 'set w 4', server: 1, client: 3 },
    // (d) S1 crashes; S5 restarts and, in term 5, wins with S2, S3, S4.
    { at: 800, do: 'crash', server: 1 },
    { at: 800, do: 'heal' },
    { at: 810, do: 'restart', server: 5 },
    { at: 820, do: 'timeout', server: 5 },
    { at: 1000, do: 'timeout', server: 5 },
    { at: 1200, do: 'request', command: 'set v 5', server: 5, client: 4 },
  ];
  const initial = [1, 2, 3, 4, 5].map(() => ({
    term: 1,
    votedFor: null,
    log: [[1, 'set x 1']] as [number, string][],
  }));
  return run({ servers: 5, noopOnElection: false, bugs }, actions, until, initial);
}

describe('SC-16 Figure 8, exactly', () => {
  // SC-16, Reference: section 5.4.2, Figure 8
  it('(a)→(c): S1 leads term 4 with 2@2 on three servers and still does not commit it', () => {
    const logsAt = (until: number) => {
      const r = figure8('d', [], until);
      return [1, 2, 3, 4, 5].map((id) => terms(r, id));
    };
    expect(logsAt(190)).toEqual([[1, 2], [1, 2], [1], [1], [1]]); // (a)
    expect(logsAt(390)).toEqual([[1, 2], [1, 2], [1], [1], [1, 3]]); // (b)
    expect(logsAt(790)).toEqual([[1, 2, 4], [1, 2], [1, 2], [1], [1, 3]]); // (c)
    const c = figure8('d', [], 790);
    expect(server(c, 1).role).toBe('leader');
    expect(server(c, 1).term).toBe(4);
    // F2-L5: 2@2 is on S1, S2, S3 (3 of 5) but its term is 2, not 4.
    expect(server(c, 1).commitIndex).toBeLessThanOrEqual(1);
    // S1's first try, term 3, failed: S3 and S4 had voted for S5.
    const term3 = ofType(c, 'vote').filter((v) => v.candidate === 1 && v.term === 3);
    expect(
      term3
        .filter((v) => v.granted)
        .map((v) => v.voter)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('(d): S5 wins term 5 and overwrites index 2 everywhere; nothing unsafe happened', () => {
    const r = figure8('d');
    const term5 = ofType(r, 'becomeLeader').filter((e) => e.term === 5);
    expect(term5).toEqual([expect.objectContaining({ server: 5 })]);
    for (const id of [2, 3, 4, 5]) expect(terms(r, id).slice(0, 2)).toEqual([1, 3]);
    expect(ofType(r, 'apply').some((e) => e.command === 'set y 2')).toBe(false);
    expect(r.sim.violations).toEqual([]);
  });

  it('(e): once S1 replicates 4@3 to S2 and S3, index 3 commits and S5 can no longer win', () => {
    const r = figure8('e');
    const s1Commits = ofType(r, 'commit').filter((e) => e.server === 1);
    expect(Math.max(...s1Commits.map((e) => e.index))).toBe(3);
    expect(ofType(r, 'becomeLeader').filter((e) => e.server === 5 && e.term >= 4)).toEqual([]);
    expect(leaders(r).some((s) => s.id === 5)).toBe(false);
    expect(r.sim.violations).toEqual([]);
  });

  // BUG-FIG8: committing a previous term's entry by counting replicas.
  it('BUG-FIG8: INV-X11 fires first, at the illegal commit of 2@2 in (c); INV-LC at S5’s election in (d)', () => {
    const r = figure8('d', ['BUG-FIG8']);
    // S1 commits 2@2 with S3's acknowledgement; the crashed S5 still holds [1,3], which outranks
    // every other log ([1,2] or [1]), a quorum that would elect it, yet lacks the committed entry
    // (INV-X11, SC-16 (c)).
    const commit = ofType(r, 'commit').find((e) => e.server === 1 && e.index === 2);
    const first = r.sim.violations[0];
    expect(first?.invariant).toBe('INV-X11');
    expect(first?.time).toBe(commit?.time);
    expect(first?.servers).toEqual([5]);
    expect(first?.message).toMatch(
      /^S5 lacks committed entry 2, yet its log is at least as up-to-date as those of S1, S2, S3, S4, S5,/,
    );
    expect(first?.indexes).toEqual([2]);
    // Then S5 wins term 5 without 2@2 (INV-LC) and overwrites it (INV-X10, INV-SMS).
    const lc = r.sim.violations.find((v) => v.invariant === 'INV-LC');
    const elected = ofType(r, 'becomeLeader').find((e) => e.server === 5 && e.term === 5);
    expect(lc?.servers).toEqual([5]);
    expect(lc?.time).toBe(elected?.time);
    expect(lc?.message).toMatch(/S5.*term 5/);
    expect(invariantsFired(r)).toEqual(expect.arrayContaining(['INV-X10', 'INV-SMS']));
  });
});
