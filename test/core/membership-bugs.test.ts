/**
 * The membership teaching bugs (the rule catalogue §4): BUG-DIRECTCONFIG (Figure 10, SC-36), BUG-EARLYCONFIG
 * (the 2015 single-server bug, SC-39) and BUG-SELFCOUNT (a leader outside C_new counting itself,
 * M-6). Each scripted schedule must make the checker fire with the bug, and the same schedule with
 * the correct rule must stay clean. Timers are frozen (scenario-kit's SCRIPTED), so every election
 * is one a `timeout` action starts, and latency is 10 ms, so every message lands at a known time.
 */
import { describe, expect, it } from 'vitest';
import type { Action, BugId, InitialServerState, SimConfig } from '../../src/core/index.ts';
import {
  commands,
  invariantsFired,
  leaders,
  ofType,
  run,
  server,
  type Run,
} from './scenario-kit.ts';

/**
 * SC-36. C_old = {S1,S2,S3}; S4, S5 start with no configuration. S3 leads term 2 and commits its
 * no-op, then is asked for {S1..S5}: it catches S4, S5 up and appends the change (directly with
 * the bug, C_old,new without), which reaches S4 and S5 only (S3's links to S1, S2 are cut). S3
 * crashes before their answers arrive, so nobody commits it, and restarts. S1 and S5 time out
 * together; S1 reaches only S2, S5 only S3 and S4.
 */
function figure10(bugs: BugId[]): Run {
  const initial: InitialServerState[] = [1, 2, 3, 4, 5].map((id) =>
    id <= 3
      ? { term: 1, votedFor: null, log: [[1, 'set x 1']] }
      : { term: 0, votedFor: null, log: [] },
  );
  const actions: Action[] = [
    { at: 10, do: 'timeout', server: 3 }, // S3 leads term 2; its no-op commits at 50
    { at: 100, do: 'cut', link: [3, 1] },
    { at: 100, do: 'cut', link: [3, 2] },
    { at: 100, do: 'reconfigure', members: [1, 2, 3, 4, 5], via: 3, client: 9 },
    // The change is appended at 150 and stored by S4, S5 at 160; their answers would land at 170.
    { at: 165, do: 'crash', server: 3 },
    { at: 200, do: 'restart', server: 3 },
    { at: 250, do: 'cut', link: [5, 1] },
    { at: 250, do: 'cut', link: [5, 2] },
    { at: 300, do: 'timeout', server: 1 },
    { at: 300, do: 'timeout', server: 5 },
  ];
  return run({ servers: 5, members: [1, 2, 3], bugs }, actions, 800, initial);
}

/**
 * SC-39. C = {S1..S4}, S5 new. S1 leads term 1 and adds S5: D = C ∪ {S5} reaches S5 only, then
 * S1 crashes. S2 wins term 2 with S2, S3, S4 and is asked to remove S1 while its no-op is still
 * uncommitted (its links to S3, S4 are cut as it takes office). With the bug it appends
 * E = {S2,S3,S4} at once and commits it with S3. Without it, S2 refuses; the story then lets the
 * no-op commit on S2, S3, S4 and asks again. S2 crashes; S1 restarts and campaigns twice (term 2
 * is S4's vote for S2), reaching S4 and S5.
 */
function singleServer(bugs: BugId[]): Run {
  const fixed = bugs.length === 0;
  const actions: Action[] = [
    { at: 10, do: 'timeout', server: 1 },
    { at: 100, do: 'cut', link: [1, 2] },
    { at: 100, do: 'cut', link: [1, 3] },
    { at: 100, do: 'cut', link: [1, 4] },
    { at: 100, do: 'addServer', server: 5, via: 1, client: 9 },
    { at: 200, do: 'crash', server: 1 },
    { at: 210, do: 'timeout', server: 2 }, // S2 leads term 2 at 230
    { at: 230, do: 'cut', link: [2, 3] },
    { at: 230, do: 'cut', link: [2, 4] },
    { at: 230, do: 'removeServer', server: 1, via: 2, client: 8 },
    { at: 300, do: 'connect', link: [2, 3] },
    ...(fixed
      ? ([
          { at: 300, do: 'connect', link: [2, 4] },
          { at: 400, do: 'removeServer', server: 1, via: 2, client: 8 },
        ] satisfies Action[])
      : []),
    { at: 600, do: 'crash', server: 2 },
    { at: 610, do: 'cut', link: [1, 3] },
    { at: 610, do: 'connect', link: [1, 4] },
    { at: 620, do: 'restart', server: 1 },
    { at: 630, do: 'timeout', server: 1 },
    { at: 730, do: 'timeout', server: 1 },
    { at: 900, do: 'connect', link: [1, 3] },
  ];
  return run({ servers: 5, members: [1, 2, 3, 4], bugs }, actions, 1200);
}

/**
 * BUG-SELFCOUNT. C = {S1..S4}, S1 leads term 1 with a committed no-op and removes itself:
 * C_new = {S2,S3,S4} reaches S3, whose answer is lost (the link is cut while it travels), so S1
 * does not know. S1 then takes `set e 1` and reaches S2 with both entries. With the bug S1 counts
 * itself with S2 as 2 of 3 and commits e (and C_new, so it leaves at once, M-6). S1 crashes; S3,
 * holding C_new but not e, wins term 2 with S4 and commits its no-op at e's index.
 */
function selfCount(bugs: BugId[]): Run {
  const actions: Action[] = [
    { at: 10, do: 'timeout', server: 1 },
    { at: 100, do: 'cut', link: [1, 2] },
    { at: 100, do: 'cut', link: [1, 4] },
    { at: 100, do: 'removeServer', server: 1, via: 1, client: 9 }, // C_new at 110, on S3 at 120
    { at: 125, do: 'cut', link: [1, 3] },
    { at: 200, do: 'request', command: 'set e 1', server: 1, client: 1 },
    { at: 300, do: 'connect', link: [1, 2] },
    { at: 400, do: 'crash', server: 1 },
    { at: 410, do: 'timeout', server: 3 },
  ];
  const config: Partial<SimConfig> = { servers: 4, bugs };
  return run(config, actions, 800);
}

function firstViolation(r: Run): string | undefined {
  return r.sim.violations[0]?.invariant;
}

describe('BUG-DIRECTCONFIG (Figure 10, SC-36)', () => {
  it('the direct switch elects S1 (C_old) and S5 (C_new) in term 3: INV-ES fires first', () => {
    const r = figure10(['BUG-DIRECTCONFIG']);
    expect(commands(r, 5).at(-2)).toBe('config 1,2,3,4,5');
    expect(firstViolation(r)).toBe('INV-ES');
    expect(r.sim.violations[0]?.servers).toEqual([1, 5]);
    expect(r.sim.violations[0]?.time).toBe(320);
    const term3 = ofType(r, 'becomeLeader').filter((e) => e.term === 3);
    expect(term3.map((e) => e.server).sort()).toEqual([1, 5]);
    // Two leaders of one term then commit different entries at index 3.
    expect(invariantsFired(r)).toEqual(expect.arrayContaining(['INV-ES', 'INV-SMS', 'INV-LC']));
  });

  it('under joint consensus S5 gets a C_new majority but not a C_old one: only S1 leads', () => {
    const r = figure10([]);
    expect(commands(r, 5)).toContain('config 1,2,3 -> 1,2,3,4,5');
    expect(r.sim.violations).toEqual([]);
    expect(
      ofType(r, 'becomeLeader')
        .filter((e) => e.term === 3)
        .map((e) => e.server),
    ).toEqual([1]);
    expect(server(r, 5).role).toBe('candidate');
    const forS5 = ofType(r, 'vote').filter((v) => v.candidate === 5 && v.granted);
    expect(forS5.map((v) => v.voter).sort()).toEqual([3, 4, 5]);
  });
});

describe('BUG-EARLYCONFIG (the 2015 single-server bug, SC-39)', () => {
  it('S2 appends E before its no-op commits: INV-X15 first, then INV-LC and INV-SMS', () => {
    const r = singleServer(['BUG-EARLYCONFIG']);
    expect(firstViolation(r)).toBe('INV-X15');
    expect(r.sim.violations[0]?.servers).toEqual([2]);
    // E = {S2,S3,S4} commits on S2 and S3 (2 of 3)...
    expect(ofType(r, 'clientReply').find((e) => e.client === 8)?.result).toBe('ok');
    // ...and S1, which never saw it, wins term 3 with S1, S4, S5 (3 of 5 in D) and erases it.
    expect(ofType(r, 'becomeLeader').map((e) => [e.server, e.term])).toEqual([
      [1, 1],
      [2, 2],
      [1, 3],
    ]);
    expect(invariantsFired(r)).toEqual(expect.arrayContaining(['INV-LC', 'INV-SMS', 'INV-X10']));
    expect(commands(r, 3)).not.toContain('config 2,3,4');
  });

  it('with the fix S2 refuses until its no-op commits; S4 then refuses S1 and E survives', () => {
    const r = singleServer([]);
    expect(r.sim.violations).toEqual([]);
    const answers = ofType(r, 'clientReply').filter((e) => e.client === 8);
    expect(answers.map((e) => e.result)).toEqual(['refused: noCommitThisTerm', 'ok']);
    expect(ofType(r, 'becomeLeader').map((e) => [e.server, e.term])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    for (const id of [3, 4]) expect(commands(r, id)).toContain('config 2,3,4');
    expect(leaders(r)).toEqual([]);
  });
});

describe('BUG-SELFCOUNT (a leader outside C_new counts itself, M-6)', () => {
  it('S1 commits e with S2 alone; S3 wins C_new with S4 and commits its no-op at 3: INV-SMS follows', () => {
    const r = selfCount(['BUG-SELFCOUNT']);
    const applied = ofType(r, 'apply').filter((e) => e.server === 1 && e.command === 'set e 1');
    expect(applied.map((e) => [e.index, e.time])).toEqual([[3, 330]]);
    // Committing e committed C_new too: S1 leaves in the same step (M-6).
    expect(ofType(r, 'membership').find((e) => e.phase === 'leave')?.time).toBe(330);
    expect(ofType(r, 'becomeLeader').map((e) => [e.server, e.term])).toEqual([
      [1, 1],
      [3, 2],
    ]);
    expect(commands(r, 3)[2]).toBe('noop');
    expect(firstViolation(r)).toBe('INV-X10');
    expect(invariantsFired(r)).toEqual(expect.arrayContaining(['INV-SMS', 'INV-X9']));
  });

  it('without the bug S1 counts only C_new: e stays uncommitted and S3’s no-op is safe', () => {
    const r = selfCount([]);
    expect(r.sim.violations).toEqual([]);
    expect(ofType(r, 'apply').some((e) => e.command === 'set e 1')).toBe(false);
    expect(ofType(r, 'becomeLeader').map((e) => [e.server, e.term])).toEqual([
      [1, 1],
      [3, 2],
    ]);
  });

  // The illegal commit also commits C_new, so S1 steps down in the same event (M-6): the checker
  // counts it as a leader's commit all the same, against the configuration S1 used (C_new).
  it('INV-X10 fires first, at S1’s illegal commit', () => {
    const r = selfCount(['BUG-SELFCOUNT']);
    expect(firstViolation(r)).toBe('INV-X10');
    expect(r.sim.violations[0]?.time).toBe(330);
    expect(invariantsFired(r)).toContain('INV-LC');
  });
});

describe('core issues found by the library stories', () => {
  // SC-37 expects that once C_new commits, the removed leader "can no longer campaign". Here S1
  // (removed, C_new committed in its own log) times out first, S2..S4 no longer count it as a
  // recent leader, grant its term-2 RequestVote (its log is up-to-date), and S1 becomes leader of
  // a configuration it is not in, only to leave at once (M-6): a wasted term. Flip to `it` once
  // `campaigns()` refuses a server outside a configuration it knows to be committed.
  it('a removed leader does not campaign once C_new is committed (SC-37)', () => {
    const r = run(
      { servers: 4, electionTimeoutMs: [150, 300], latencyMs: [10, 20] },
      [
        { at: 10, do: 'timeout', server: 1 },
        { at: 100, do: 'removeServer', server: 1, via: 1, client: 9 },
        { at: 140, do: 'nextTimeout', server: 1, ms: 150 },
      ],
      1000,
    );
    expect(ofType(r, 'membership').some((e) => e.phase === 'leave')).toBe(true);
    expect(ofType(r, 'electionStart').filter((e) => e.server === 1 && e.term > 1)).toEqual([]);
  });
});
