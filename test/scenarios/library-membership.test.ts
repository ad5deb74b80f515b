/**
 * The membership stories of issue 8 (the rule catalogue §1.9): each shows what its captions claim. The
 * generic checks (every stop reached, replay hashes equal, translations, invariants clean or the
 * promised one firing) run for them in library.test.ts like for every entry.
 */
import { describe, expect, it } from 'vitest';
import { Simulation, type ServerState } from '../../src/core/index.ts';
import { findLibraryEntry, type LibraryEntry } from '../../src/scenarios/library/index.ts';
import { compileStory } from '../../src/scenarios/steps.ts';
import { fired, ofType, play, server, stop, type Played } from './library-kit.ts';

function entry(id: string): LibraryEntry {
  const found = findLibraryEntry(id);
  if (found === undefined) throw new Error(`no library entry ${id}`);
  return found;
}

/** The configuration entries of a log, as text. */
function configs(s: ServerState): string[] {
  return s.log.filter((e) => e.config !== undefined).map((e) => e.command);
}

function stopTime(p: Played, n: number): number {
  const s = p.story.stops[n - 1];
  if (s === undefined) throw new Error(`${p.entry.id} has no step ${n}`);
  return s.timeMs;
}

describe('membership stories', () => {
  it('joint-consensus: C_old, then C_old,new committed by both majorities, then C_new', () => {
    const p = play(entry('joint-consensus'));
    const idle = stop(p, 1).servers;
    expect([4, 5].map((id) => server(idle, id).baseConfig)).toEqual([null, null]);
    const joint = stop(p, 3).servers;
    expect(configs(server(joint, 1))).toEqual(['config 1,2,3 -> 1,2,3,4,5']);
    // On S1, S4, S5 (a C_new majority), not on S2, S3: uncommitted.
    expect([1, 2, 3, 4, 5].map((id) => configs(server(joint, id)).length)).toEqual([1, 0, 0, 1, 1]);
    expect(server(joint, 1).commitIndex).toBe(1);
    const refused = ofType(p, 'clientReply').find((r) => r.client === 8);
    expect(refused?.result).toBe('refused: inProgress');
    const both = stop(p, 4).servers;
    expect(server(both, 1).commitIndex).toBe(2);
    expect(configs(server(both, 1))).toEqual(['config 1,2,3 -> 1,2,3,4,5', 'config 1,2,3,4,5']);
    expect(server(stop(p, 5).servers, 1).commitIndex).toBe(3);
    const done = ofType(p, 'membership').map((m) => m.phase);
    expect(done).toEqual(['start', 'catchUp', 'joint', 'refused', 'final', 'done']);
    const end = stop(p, 6).servers;
    expect([2, 3].map((id) => server(end, id).crashed)).toEqual([true, true]);
    expect(server(end, 1).log[3]?.command).toBe('set x 1');
    expect(server(end, 1).commitIndex).toBe(4);
  });

  it('figure-10-bug: S1 (C_old) and S5 (C_new) both lead term 3, INV-ES fires first', () => {
    const p = play(entry('figure-10-bug'));
    expect(configs(server(stop(p, 3).servers, 5))).toEqual(['config 1,2,3,4,5']);
    // Nobody committed the change: S3 crashed before counting S4's and S5's answers.
    expect(stop(p, 4).servers.map((s) => s.commitIndex)).toEqual([0, 0, 0, 2, 2]);
    expect(ofType(p, 'becomeLeader').map((l) => [l.server, l.term])).toEqual([
      [3, 2],
      [1, 3],
      [5, 3],
    ]);
    expect(ofType(p, 'becomeLeader')[1]?.time).toBe(stopTime(p, 5));
    const first = p.sim.violations[0];
    expect([first?.invariant, first?.servers, first?.time]).toEqual([
      'INV-ES',
      [1, 5],
      stopTime(p, 6),
    ]);
    const s5Votes = ofType(p, 'vote').filter((v) => v.candidate === 5 && v.granted);
    expect(s5Votes.map((v) => v.voter).sort()).toEqual([3, 4, 5]);
  });

  it('figure-10-joint: S5 wins C_new but not C_old, one leader; S1 then finishes the change', () => {
    const p = play(entry('figure-10-joint'));
    expect(configs(server(stop(p, 3).servers, 5))).toEqual(['config 1,2,3 -> 1,2,3,4,5']);
    const s5Votes = ofType(p, 'vote').filter((v) => v.candidate === 5 && v.granted);
    expect(s5Votes.map((v) => v.voter).sort()).toEqual([3, 4, 5]);
    expect(server(stop(p, 6).servers, 5).role).toBe('candidate');
    const leaders = ofType(p, 'becomeLeader').map((l) => [l.server, l.term]);
    expect(leaders).toEqual([
      [3, 2],
      [1, 3],
    ]);
    const end = stop(p, 7).servers;
    for (const s of end) expect(configs(s).at(-1)).toBe('config 1,2,3,4,5');
    expect(server(end, 1).commitIndex).toBe(5);
    expect(ofType(p, 'truncate').map((x) => x.server)).toEqual([3, 4, 5]);
  });

  it('add-server: S4 catches up in two rounds as a non-voter, then C_new commits and S4 counts', () => {
    const p = play(entry('add-server'));
    const rounds = ofType(p, 'membership').filter((m) => m.phase === 'catchUp');
    expect(rounds.map((r) => r.round)).toEqual([1, 2]);
    const slowest = p.entry.scenario.config.electionTimeoutMs[0];
    expect(rounds[0]?.durationMs).toBeGreaterThan(slowest);
    expect(rounds[1]?.durationMs).toBeLessThan(slowest);
    // While catching up, S4 is not counted: `set a 1` committed before S4 held it.
    const committedA = ofType(p, 'commit').find((c) => c.server === 1 && c.index === 22);
    const s4GotA = ofType(p, 'replicate').find(
      (r) => r.server === 4 && r.fromIndex <= 22 && r.toIndex >= 22,
    );
    expect(committedA?.time).toBeLessThan(s4GotA?.time ?? 0);
    expect(server(stop(p, 2).servers, 4).baseConfig).toBeNull();
    expect(ofType(p, 'electionStart').filter((e) => e.server === 4)).toEqual([]);
    expect(configs(server(stop(p, 3).servers, 1))).toEqual(['config 1,2,3,4']);
    expect(server(stop(p, 4).servers, 1).commitIndex).toBe(24);
    const end = stop(p, 5).servers;
    expect(server(end, 2).crashed).toBe(true);
    expect(server(end, 4).log[24]?.command).toBe('set c 3');
  });

  it('remove-leader: S1 does not count itself, steps down on C_new, then cannot disrupt', () => {
    const p = play(entry('remove-leader'));
    const waiting = stop(p, 3).servers;
    expect(server(waiting, 2).log.length).toBe(2);
    expect(server(waiting, 1).peers.find((x) => x.id === 2)?.matchIndex).toBe(2);
    expect(server(waiting, 1).commitIndex).toBe(1);
    const out = stop(p, 4).servers;
    expect([server(out, 1).role, server(out, 1).commitIndex]).toEqual(['follower', 2]);
    const leave = ofType(p, 'membership').find((m) => m.phase === 'leave');
    expect(leave?.time).toBe(stopTime(p, 4));
    const leaders = ofType(p, 'becomeLeader');
    expect(leaders.map((l) => l.server)).toEqual([1, 3]);
    const [, newLeader] = leaders;
    // S1 knows C_new is committed: it never campaigns again (SC-37).
    const s1Campaigns = ofType(p, 'electionStart').filter((e) => e.server === 1);
    expect(s1Campaigns.filter((e) => e.time > stopTime(p, 4))).toEqual([]);
    // S4, removed without hearing of it, campaigns with ever higher terms; S2 and S3 ignore it.
    const ignored = ofType(p, 'voteIgnored').filter((v) => v.candidate === 4);
    expect(new Set(ignored.map((v) => v.voter))).toEqual(new Set([2, 3]));
    const end = stop(p, 7).servers;
    expect(server(end, 4).term).toBeGreaterThan(newLeader?.term ?? Infinity);
    for (const id of [2, 3]) expect(server(end, id).term).toBe(newLeader?.term);
    expect(server(end, 3).role).toBe('leader');
    expect(server(end, 3).log.map((e) => e.command)).toContain('config 2,3');
    expect(
      ofType(p, 'stepDown')
        .filter((e) => e.from === 'leader')
        .map((e) => e.server),
    ).toEqual([1]);
  });

  it('remove-leader without the guard: the same moves let S4 depose the new leader', () => {
    const e = entry('remove-leader');
    const config = { ...e.scenario.config, disruptionGuard: false };
    const story = compileStory({ ...e.scenario, config }, e.scenario.steps);
    const sim = Simulation.create({ seed: e.scenario.seed, config, actions: story.actions });
    const deposed: number[] = [];
    sim.onEvent = (ev) => {
      if (ev.type === 'stepDown' && ev.from === 'leader' && ev.server === 3)
        deposed.push(ev.server);
    };
    sim.runUntil(story.stops.at(-1)?.timeMs ?? 0);
    expect(deposed.length).toBeGreaterThan(0);
    expect(sim.violations).toEqual([]);
  });

  it('single-server-bug: INV-X15 at E, E commits on S2, S3, S1 wins without it (INV-LC), INV-SMS', () => {
    const p = play(entry('single-server-bug'));
    expect(configs(server(stop(p, 3).servers, 5))).toEqual(['config 1,2,3,4,5']);
    const first = p.sim.violations[0];
    expect([first?.invariant, first?.time]).toEqual(['INV-X15', stopTime(p, 4)]);
    const committed = stop(p, 5).servers;
    expect(server(committed, 2).commitIndex).toBe(3);
    expect(configs(server(committed, 3))).toEqual(['config 2,3,4']);
    const lc = p.sim.violations.find((v) => v.invariant === 'INV-LC');
    expect([lc?.servers, lc?.time]).toEqual([[1], stopTime(p, 7)]);
    const votes = ofType(p, 'vote').filter((v) => v.candidate === 1 && v.term === 3 && v.granted);
    expect(votes.map((v) => v.voter).sort()).toEqual([1, 4, 5]);
    const sms = p.sim.violations.find((v) => v.invariant === 'INV-SMS');
    expect(sms?.time).toBe(stopTime(p, 8));
    expect(configs(server(stop(p, 8).servers, 3))).toEqual(['config 1,2,3,4,5']);
    expect(fired(p)).toEqual(expect.arrayContaining(['INV-X15', 'INV-LC', 'INV-SMS']));
  });

  it('single-server-fix: refused before the no-op commits; S4 then refuses S1; E survives', () => {
    const p = play(entry('single-server-fix'));
    const answers = ofType(p, 'clientReply').filter((r) => r.client === 8);
    expect(answers.map((r) => r.result)).toEqual(['refused: noCommitThisTerm', 'ok']);
    expect(answers[0]?.time).toBe(stopTime(p, 4));
    expect(server(stop(p, 5).servers, 4).log[1]?.term).toBe(2);
    const votes = ofType(p, 'vote').filter((v) => v.candidate === 1 && v.term === 3);
    expect(votes.find((v) => v.voter === 4)?.granted).toBe(false);
    expect(ofType(p, 'becomeLeader').map((l) => [l.server, l.term])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    const end = stop(p, 8).servers;
    expect(server(end, 1).role).toBe('candidate');
    for (const id of [3, 4]) expect(configs(server(end, id))).toEqual(['config 2,3,4']);
  });

  it('etcd-kubernetes: learner, promote, remove, with /registry writes committing in every step', () => {
    const p = play(entry('etcd-kubernetes'));
    const steps = p.entry.scenario.steps;
    // Every etcd command is shown beside its caption.
    expect(steps.map((s) => (typeof s.caption === 'string' ? s.caption : s.caption.en))).toEqual(
      expect.arrayContaining([
        expect.stringContaining('`etcdctl member add s4 --learner`'),
        expect.stringContaining('`etcdctl member promote'),
        expect.stringContaining('`etcdctl member remove'),
      ]),
    );
    const order = ofType(p, 'membership')
      .filter((m) => m.phase === 'final')
      .map((m) => m.command);
    expect(order).toEqual(['addLearner 4', 'promote 4', 'removeServer 3']);
    expect(configs(server(stop(p, 4).servers, 4))).toEqual(['config 1,2,3 learners 4']);
    // The API server's writes keep committing: some write of client 1 is answered in each step
    // from the second on.
    const answers = ofType(p, 'clientReply').filter((r) => r.client === 1 && r.result === 'ok');
    for (let n = 2; n <= steps.length; n++) {
      const from = stopTime(p, n - 1);
      const to = stopTime(p, n);
      expect(
        answers.some((a) => a.time > from && a.time <= to),
        `step ${n}`,
      ).toBe(true);
    }
    const end = stop(p, steps.length).servers;
    expect(configs(server(end, 1)).at(-1)).toBe('config 1,2,4');
    expect(server(end, 4).kv['/registry/pods/default/web-1']).toBe('node-2');
    expect(server(end, 1).kv['/registry/leases/kube-node-lease/node-2']).toBe('renew-3');
    expect(p.sim.violations).toEqual([]);
  });
});
