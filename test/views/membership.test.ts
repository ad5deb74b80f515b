/** What the views say about membership (src/views/membership.ts), in Node, in en/es/pt. */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import type { Configuration } from '../../src/core/types.ts';
import { describeAction, describeEvent } from '../../src/views/format.ts';
import { feedContexts, lineTone } from '../../src/views/panels/feedModel.ts';
import { cellTooltip, logCell } from '../../src/views/panels/logGeometry.ts';
import {
  changeOptions,
  clusterMembership,
  configEntryLines,
  configSentence,
  configWords,
  groupText,
  membershipFacts,
  quorumNeed,
  quorumSentences,
  reconfigurePlan,
  referenceServer,
} from '../../src/views/membership.ts';
import { entry, server } from './fixtures.ts';

const EN = translator('en');
const ES = translator('es');
const PT = translator('pt');

const c = (
  voters: number[],
  old: number[] | null = null,
  learners: number[] = [],
): Configuration => ({
  voters,
  old,
  learners,
});

describe('groups and configurations in words', () => {
  it('shortens runs of four or more', () => {
    expect(groupText([3, 1, 2])).toBe('{S1, S2, S3}');
    expect(groupText([1, 2, 3, 4, 5])).toBe('{S1…S5}');
    expect(groupText([1, 2, 4, 5])).toBe('{S1, S2, S4, S5}');
  });

  it('says a configuration in every language', () => {
    const joint = c([1, 2, 3, 4, 5], [1, 2, 3], [6]);
    expect(configWords(joint, EN)).toBe(
      'joint: C_old {S1, S2, S3} and C_new {S1…S5}, learners {S6}',
    );
    expect(configWords(joint, ES)).toBe(
      'conjunta: C_old {S1, S2, S3} y C_new {S1…S5}, aprendices {S6}',
    );
    expect(configWords(joint, PT)).toBe(
      'conjunta: C_old {S1, S2, S3} e C_new {S1…S5}, aprendizes {S6}',
    );
    expect(configWords(null, EN)).toBe('none (in no configuration)');
    expect(configWords(c([1, 2, 3]), ES)).toBe('votantes {S1, S2, S3}');
  });
});

describe('what a commit and an election need (M-4)', () => {
  it('is one majority, or one of each configuration when joint', () => {
    expect(quorumNeed(c([1, 2, 3, 4, 5]), EN)).toBe('3 of {S1…S5}');
    expect(quorumNeed(c([1, 2, 3, 4, 5], [1, 2, 3]), EN)).toBe(
      '2 of {S1, S2, S3} and 3 of {S1…S5}',
    );
    expect(quorumNeed(c([1, 2, 3, 4, 5], [1, 2, 3]), ES)).toBe('2 de {S1, S2, S3} y 3 de {S1…S5}');
    expect(quorumNeed(c([1, 2, 3, 4, 5], [1, 2, 3]), PT)).toBe('2 de {S1, S2, S3} e 3 de {S1…S5}');
    expect(quorumNeed(null, EN)).toBeNull();
  });

  it('gives the leader both sentences and a follower the election one', () => {
    const leader = server(1, { role: 'leader', baseConfig: c([1, 2, 3]) });
    expect(quorumSentences(leader, EN)).toEqual([
      'A commit needs 2 of {S1, S2, S3}',
      'An election needs 2 of {S1, S2, S3}',
    ]);
    expect(quorumSentences(leader, ES)[0]).toBe('Confirmar necesita 2 de {S1, S2, S3}');
    expect(quorumSentences(leader, PT)[0]).toBe('Confirmar precisa de 2 de {S1, S2, S3}');
    expect(quorumSentences(server(2, { baseConfig: c([1, 2, 3]) }), EN)).toEqual([
      'An election needs 2 of {S1, S2, S3}',
    ]);
    expect(quorumSentences(server(5, { baseConfig: null }), EN)[0]).toMatch(/in no configuration/);
  });
});

describe('the cluster view’s configuration', () => {
  const log = [entry(1, 'noop'), { ...entry(1, 'config 1,2,3,4'), config: c([1, 2, 3, 4]) }];
  const servers = [
    server(1, {
      role: 'leader',
      term: 1,
      log,
      configIndexes: [2],
      commitIndex: 1,
      baseConfig: c([1, 2, 3]),
    }),
    server(2, { baseConfig: c([1, 2, 3]) }),
    server(3, { baseConfig: c([1, 2, 3]) }),
    server(4, { baseConfig: null }),
    server(5, { baseConfig: null }),
  ];

  it('is the leader’s, latest entry first (M-1), with the others outside', () => {
    expect(referenceServer(servers)?.id).toBe(1);
    const m = clusterMembership(servers);
    expect(m.reference).toEqual(c([1, 2, 3, 4]));
    expect(m.inside).toEqual([1, 2, 3, 4]);
    expect(m.outside).toEqual([5]);
  });

  it('falls back to the newest configuration a live server has, and to everyone', () => {
    const noLeader = servers.map((s) => ({ ...s, role: 'follower' as const }));
    expect(clusterMembership(noLeader).inside).toEqual([1, 2, 3, 4]);
    const none = servers.map((s) => ({ ...s, baseConfig: null, configIndexes: [] }));
    expect(clusterMembership(none)).toMatchObject({ reference: null, inside: [1, 2, 3, 4, 5] });
  });

  it('names the catch-up servers of the leader’s change (M-5)', () => {
    const leader = {
      ...servers[0]!,
      change: {
        command: 'addServer 5',
        client: null,
        target: c([1, 2, 3, 4, 5]),
        phase: 'catchUp' as const,
        catchUp: [5],
        round: 2,
        roundStartMs: 0,
        roundEndIndex: 2,
        heardMs: 0,
      },
    };
    expect(clusterMembership([leader, ...servers.slice(1)]).catchingUp).toEqual([5]);
    const facts = membershipFacts(leader, EN);
    expect(facts.map((f) => f.value)).toEqual([
      'voters {S1…S4}',
      'entry 2, not committed yet',
      '"addServer 5": catching up {S5} as non-voters, round 2',
    ]);
    expect(membershipFacts(leader, ES)[2]?.value).toBe(
      '"addServer 5": poniendo al día a {S5} sin voto, ronda 2',
    );
    expect(membershipFacts(leader, PT)[2]?.value).toBe(
      '"addServer 5": atualizando {S5} sem voto, rodada 2',
    );
    expect(configSentence(leader, EN)).toBe(
      'Configuration: voters {S1…S4} (entry 2, not committed yet).',
    );
    expect(configEntryLines(leader, EN)).toEqual(['⚙ entry 2: voters {S1…S4} (not committed yet)']);
  });

  it('shows a configuration entry in the log in words', () => {
    const s = servers[0]!;
    const cell = logCell({ server: s, leaderLog: null, view: null, highlighted: () => false }, 2);
    expect(cellTooltip(1, cell, EN)).toContain(
      'Configuration entry: voters {S1…S4}. A server uses the latest configuration',
    );
    expect(cellTooltip(1, cell, ES)).toContain('Entrada de configuración: votantes {S1…S4}');
    expect(cellTooltip(1, cell, PT)).toContain('Entrada de configuração: eleitores {S1…S4}');
  });
});

describe('membership actions', () => {
  it('offers what can change for each server', () => {
    const config = c([1, 2, 3], null, [5]);
    expect(changeOptions(config, 4)).toEqual(['addServer', 'addLearner']);
    expect(changeOptions(config, 5)).toEqual(['promote', 'removeServer']);
    expect(changeOptions(config, 2)).toEqual(['removeServer']);
    expect(changeOptions(c([1]), 1)).toEqual([]);
    expect(changeOptions(null, 4)).toEqual([]);
  });

  it('plans a joint reconfigure or one server at a time', () => {
    const config = c([1, 2, 3], null, [5]);
    expect(reconfigurePlan(config, [2, 3, 4, 5], 'joint')).toEqual([
      { do: 'reconfigure', members: [2, 3, 4, 5] },
    ]);
    expect(reconfigurePlan(config, [2, 3, 4, 5], 'single')).toEqual([
      { do: 'addServer', server: 4 },
      { do: 'promote', server: 5 },
      { do: 'removeServer', server: 1 },
    ]);
    expect(reconfigurePlan(config, [3, 2, 1], 'joint')).toEqual([]);
    expect(reconfigurePlan(config, [], 'single')).toEqual([]);
  });
});

describe('the feed tells each step of a change', () => {
  const at = (phase: 'refused' | 'catchUp' | 'aborted' | 'joint' | 'final' | 'done' | 'leave') =>
    ({ type: 'membership', time: 5, server: 2, phase, command: 'addServer 6' }) as const;

  it('in plain words, refusals visibly', () => {
    expect(describeEvent({ ...at('refused'), reason: 'inProgress' })).toBe(
      'S2 refuses "addServer 6": a change is already in progress (inProgress)',
    );
    expect(describeEvent({ ...at('refused'), reason: 'noCommitThisTerm' }, {}, 'es')).toBe(
      'S2 rechaza "addServer 6": aún no confirmó ninguna entrada de su mandato (noCommitThisTerm)',
    );
    expect(describeEvent({ ...at('refused'), reason: 'lastVoter' }, {}, 'pt')).toBe(
      'S2 recusa "addServer 6": removeria o último eleitor (lastVoter)',
    );
    expect(describeEvent({ ...at('catchUp'), round: 1, durationMs: 40 })).toBe(
      'S2 is catching S6 up before they vote: round 1 took 40 ms ("addServer 6")',
    );
    expect(describeEvent(at('final'))).toBe(
      'S2 appended the new configuration C_new for "addServer 6"',
    );
    expect(describeEvent(at('done'), {}, 'es')).toBe(
      'S2 confirmó la nueva configuración: "addServer 6" está hecho',
    );
    expect(describeEvent(at('leave'), {}, 'pt')).toBe(
      'S2 não está na nova configuração e deixa de ser líder',
    );
    expect(lineTone({ ...at('refused'), reason: 'inProgress' })).toEqual({
      glyph: '⊘',
      tone: 'fault',
    });
    expect(lineTone(at('joint')).glyph).toBe('⚙');
    const reply = {
      type: 'clientReply',
      time: 6,
      client: 1,
      seq: 2,
      server: 2,
      result: 'refused: inProgress',
    } as const;
    expect(lineTone(reply).glyph).toBe('⊘');
    expect(describeEvent(reply)).toBe(
      "S2 answered C1's request #2: refused: inProgress (a change is already in progress)",
    );
  });

  it('describes the change actions in every language', () => {
    const add = { at: 0, do: 'addServer', server: 4 } as const;
    expect(describeAction(add)).toBe('an admin client asks the leader to add S4 as a voter');
    expect(describeAction(add, 'es')).toBe(
      'un cliente admin pide al líder que añada S4 como votante',
    );
    expect(describeAction({ at: 0, do: 'reconfigure', members: [1, 3, 4] }, 'pt')).toBe(
      'um cliente admin pede ao líder que mude os eleitores para {S1, S3, S4} (consenso conjunto)',
    );
  });
});

describe('a new leader’s tally counts the voters of the configuration', () => {
  it('follows configuration entries as leaders append them', () => {
    const win = (server: number, term: number) =>
      ({ type: 'becomeLeader', time: term, server, term }) as const;
    const append = (command: string) =>
      ({ type: 'append', time: 3, server: 1, index: 2, term: 1, command }) as const;
    const events = [
      win(1, 1),
      append('config 1,2,3,4'),
      win(2, 2),
      append('config 1,2,3 -> 1,2,3,4,5'),
      win(3, 3),
    ];
    const ctx = feedContexts(events, 3);
    expect(ctx.get(0)).toEqual({ votes: 1, servers: 3 });
    expect(ctx.get(2)).toEqual({ votes: 1, servers: 4 });
    expect(ctx.get(4)).toEqual({ votes: 1 });
  });
});
