import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/index.ts';
import {
  parseScenario,
  parseScenarioText,
  scenarioToJson,
  toRunSetup,
} from '../../src/scenarios/schema.ts';
import { fullScenario, withValue } from './fixtures.ts';
import { english, englishOf } from './english.ts';

function errorOf(input: unknown): string {
  const result = parseScenario(input);
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return english(result);
}

describe('parseScenario accepts', () => {
  it('a scenario using every field and action kind', () => {
    const result = parseScenario(fullScenario());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.actions).toHaveLength(15);
    expect(result.scenario.initial?.[0]?.log).toEqual([
      [1, 'set x 1'],
      [1, 'set y 2'],
      [4, 'noop'],
    ]);
    expect(result.scenario.steps?.[1]).toEqual({
      do: [
        { do: 'crash', server: 2 },
        {
          do: 'partition',
          groups: [
            [1, 2, 3],
            [4, 5],
          ],
        },
      ],
      until: { event: 'leader', server: 3 },
      maxMs: 5000,
      caption: 'S3 takes over',
    });
  });

  it('a minimal scenario, merging the config over the core defaults', () => {
    const result = parseScenario({
      version: 1,
      title: 't',
      seed: 0,
      config: { servers: 3 },
      actions: [],
    });
    expect(result).toEqual({
      ok: true,
      scenario: {
        version: 1,
        title: 't',
        seed: 0,
        config: { ...DEFAULT_CONFIG, servers: 3 },
        actions: [],
      },
    });
  });

  it('unsorted actions, sorted stably by time', () => {
    const result = parseScenario({
      version: 1,
      title: 't',
      seed: 1,
      config: {},
      actions: [
        { at: 50, do: 'request', command: 'set a 1' },
        { at: 10, do: 'crash', server: 1 },
        { at: 50, do: 'request', command: 'set a 2' },
        { at: 10, do: 'restart', server: 1 },
      ],
    });
    if (!result.ok) throw new Error(english(result));
    expect(
      result.scenario.actions.map((a) => [a.at, a.do, 'command' in a ? a.command : '']),
    ).toEqual([
      [10, 'crash', ''],
      [10, 'restart', ''],
      [50, 'request', 'set a 1'],
      [50, 'request', 'set a 2'],
    ]);
  });

  it('titles and captions holding HTML as plain text', () => {
    const title = '<script>alert(1)</script>';
    const result = parseScenario(withValue(['title'], title));
    expect(result.ok && result.scenario.title).toBe(title);
  });
});

describe('parseScenario rejects, naming the field', () => {
  const cases: [string, (string | number)[], unknown, string][] = [
    [
      'a million servers',
      ['config', 'servers'],
      1_000_000,
      'config.servers: must be at most 9 (got 1000000)',
    ],
    ['zero servers', ['config', 'servers'], 0, 'config.servers: must be at least 1 (got 0)'],
    [
      'fractional servers',
      ['config', 'servers'],
      2.5,
      'config.servers: must be a whole number (got 2.5)',
    ],
    ['a string for a number', ['seed'], '42', 'seed: must be a number (got "42")'],
    ['a negative seed', ['seed'], -1, 'seed: must be at least 0 (got -1)'],
    ['a seed above uint32', ['seed'], 2 ** 32, 'seed: must be at most 4294967295 (got 4294967296)'],
    ['a missing title', ['title'], undefined, 'title: is required'],
    ['an empty title', ['title'], '', 'title: must have at least 1 characters (got 0)'],
    [
      'a long title',
      ['title'],
      'x'.repeat(201),
      'title: must have at most 200 characters (got 201)',
    ],
    [
      'a long description',
      ['description'],
      'x'.repeat(5001),
      'description: must have at most 5000 characters (got 5001)',
    ],
    ['an unknown top-level key', ['extra'], 1, 'extra: is not a known field'],
    ['an unknown config key', ['config', 'speed'], 2, 'config.speed: is not a known field'],
    ['a list for the config', ['config'], [], 'config: must be an object (got a list of 0)'],
    [
      'an inverted election timeout range',
      ['config', 'electionTimeoutMs'],
      [300, 150],
      'config.electionTimeoutMs: the minimum must not exceed the maximum (got [300, 150])',
    ],
    [
      'an election timeout of 0',
      ['config', 'electionTimeoutMs'],
      [0, 150],
      'config.electionTimeoutMs[0]: must be at least 1 (got 0)',
    ],
    [
      'a huge heartbeat',
      ['config', 'heartbeatMs'],
      600_001,
      'config.heartbeatMs: must be at most 600000 (got 600001)',
    ],
    [
      'a three-number latency',
      ['config', 'latencyMs'],
      [1, 2, 3],
      'config.latencyMs: must have exactly 2 items (got more)',
    ],
    ['a one-number latency', ['config', 'latencyMs'], [1], 'config.latencyMs[1]: is required'],
    [
      'a ratio above one',
      ['config', 'loss'],
      [3, 2],
      'config.loss: a ratio [n, d] needs n <= d (got [3, 2])',
    ],
    [
      'a zero denominator',
      ['config', 'loss'],
      [0, 0],
      'config.loss[1]: must be at least 1 (got 0)',
    ],
    [
      'a huge denominator',
      ['config', 'duplication'],
      [1, 10_000_000],
      'config.duplication[1]: must be at most 1000000 (got 10000000)',
    ],
    [
      'a huge batch',
      ['config', 'maxEntriesPerAppend'],
      1001,
      'config.maxEntriesPerAppend: must be at most 1000 (got 1001)',
    ],
    ['an unknown bug', ['config', 'bugs'], ['BUG-NOPE'], 'config.bugs[0]: must be one of'],
    [
      'a repeated bug',
      ['config', 'bugs'],
      ['BUG-FIG8', 'BUG-FIG8'],
      'config.bugs: names the same bug twice',
    ],
    [
      'a non-boolean switch',
      ['config', 'noopOnElection'],
      'yes',
      'config.noopOnElection: must be true or false (got "yes")',
    ],
    [
      'an unknown action',
      ['actions', 2, 'do'],
      'explode',
      'actions[2].do: unknown action "explode" (known: crash, restart',
    ],
    ['an action without a kind', ['actions', 2, 'do'], undefined, 'actions[2].do: is required'],
    ['server 0', ['actions', 0, 'server'], 0, 'actions[0].server: must be at least 1 (got 0)'],
    ['server 99', ['actions', 0, 'server'], 99, 'actions[0].server: must be at most 9 (got 99)'],
    ['a negative time', ['actions', 1, 'at'], -5, 'actions[1].at: must be at least 0 (got -5)'],
    [
      'a fractional time',
      ['actions', 1, 'at'],
      1.5,
      'actions[1].at: must be a whole number (got 1.5)',
    ],
    [
      'a time past 10^9',
      ['actions', 1, 'at'],
      1e9 + 1,
      'actions[1].at: must be at most 1000000000 (got 1000000001)',
    ],
    [
      'a stray action field',
      ['actions', 4, 'server'],
      1,
      'actions[4].server: is not a known field',
    ],
    [
      'an action that is a list',
      ['actions', 4],
      [1],
      'actions[4]: must be an object (got a list of 1)',
    ],
    [
      'a link to itself',
      ['actions', 5, 'link'],
      [2, 2],
      'actions[5].link: a link joins two different servers (got [2, 2])',
    ],
    [
      'a bad command',
      ['actions', 7, 'command'],
      'rm -rf /',
      'actions[7].command: is not a command (got "rm -rf /"); expected set K V',
    ],
    [
      'a command with a long key',
      ['actions', 7, 'command'],
      `get ${'k'.repeat(121)}`,
      'actions[7].command: is not a command',
    ],
    [
      'a command with HTML',
      ['actions', 7, 'command'],
      'set x <b>',
      'actions[7].command: is not a command (got "set x <b>")',
    ],
    ['client 0', ['actions', 8, 'client'], 0, 'actions[8].client: must be at least 1 (got 0)'],
    [
      'an empty group',
      ['actions', 3, 'groups'],
      [[1, 2, 3, 4, 5], []],
      'actions[3].groups[1]: must have at least 1 items (got 0)',
    ],
    [
      'an inverted link latency',
      ['actions', 11, 'latencyMs'],
      [9, 1],
      'actions[11].latencyMs: the minimum must not exceed the maximum (got [9, 1])',
    ],
    [
      'a zero pinned timeout',
      ['actions', 13, 'ms'],
      0,
      'actions[13].ms: must be at least 1 (got 0)',
    ],
    [
      'too many initial servers',
      ['initial'],
      Array.from({ length: 10 }, () => ({ term: 0, votedFor: null, log: [] })),
      'initial: must have at most 9 items (got 10)',
    ],
    [
      'an entry of term 0',
      ['initial', 0, 'log', 0, 0],
      0,
      'initial[0].log[0][0]: must be at least 1 (got 0)',
    ],
    [
      'a bad command in a log',
      ['initial', 0, 'log', 1, 1],
      'set y',
      'initial[0].log[1][1]: is not a command',
    ],
    [
      'a vote for server 0',
      ['initial', 1, 'votedFor'],
      0,
      'initial[1].votedFor: must be at least 1 (got 0)',
    ],
    [
      'too many steps',
      ['steps'],
      Array.from({ length: 501 }, () => ({})),
      'steps: must have at most 500 items (got 501)',
    ],
    [
      'a step that is not an object',
      ['steps', 0],
      'pause',
      'steps[0]: must be an object (got "pause")',
    ],
    ['a step without until', ['steps', 0, 'until'], undefined, 'steps[0].until: is required'],
    [
      'a step waiting for an unknown event',
      ['steps', 1, 'until', 'event'],
      'party',
      'steps[1].until.event: must be one of "leader" | "election"',
    ],
    [
      'a negative step time',
      ['steps', 0, 'until'],
      { atMs: -1 },
      'steps[0].until.atMs: must be at least 0 (got -1)',
    ],
    [
      'a step until of no known form',
      ['steps', 0, 'until'],
      { foo: 1 },
      'steps[0].until: must be { "atMs": MS }, { "afterMs": MS } or { "event": NAME',
    ],
    [
      'a caption in an unknown language',
      ['steps', 0, 'caption'],
      { fr: 'x' },
      'steps[0].caption.fr: is not a known field',
    ],
    [
      'a caption that is a number',
      ['steps', 0, 'caption'],
      5,
      'steps[0].caption: must be text or an object of texts by language',
    ],
    ['an unknown step field', ['steps', 0, 'pause'], true, 'steps[0].pause: is not a known field'],
    [
      'a step action with a time',
      ['steps', 1, 'do', 0, 'at'],
      5,
      'steps[1].do[0].at: is not a known field',
    ],
    [
      'an unknown step action',
      ['steps', 1, 'do', 1, 'do'],
      'explode',
      'steps[1].do[1].do: unknown action "explode"',
    ],
    [
      'a step action on server 0',
      ['steps', 1, 'do', 0, 'server'],
      0,
      'steps[1].do[0].server: must be at least 1 (got 0)',
    ],
    [
      'too many step actions',
      ['steps', 1, 'do'],
      Array.from({ length: 51 }, () => ({ do: 'heal' })),
      'steps[1].do: must have at most 50 items (got 51)',
    ],
    [
      'dropInFlight from endpoint 0',
      ['actions', 9],
      { at: 1, do: 'dropInFlight', from: 0 },
      'actions[9].from: must be a server (1, 2, ...) or a client (-1 is C1), not 0',
    ],
    [
      'dropInFlight of an unknown type',
      ['actions', 9],
      { at: 1, do: 'dropInFlight', type: 'Gossip' },
      'actions[9].type: must be one of "RequestVote" | "RequestVoteReply" |',
    ],
    [
      'a client beyond MAX_CLIENTS',
      ['actions', 9],
      { at: 1, do: 'dropInFlight', to: -10 },
      'actions[9].to: must be at least -9 (got -10)',
    ],
    ['an older version', ['version'], 0, 'version: must be 1 (got 0)'],
    [
      'a newer version',
      ['version'],
      7,
      'version: made by a newer Raft Lab (v7); this version reads v1',
    ],
  ];

  it.each(cases)('%s', (_name, path, value, message) => {
    expect(errorOf(withValue(path, value))).toContain(message);
  });

  it('keeps every message on one line, even when quoting hostile text', () => {
    const error = errorOf(withValue(['actions', 7, 'command'], 'set x\n\u001b[31mred'));
    expect(error).not.toMatch(/[\n\r]/);
    expect(error.includes('\u001b')).toBe(false);
    expect(error).toContain('(got "set x\\n\\u001b[31mred")');
  });

  it('quotes unknown keys that are not identifiers', () => {
    expect(errorOf(withValue(['config', 'a b\n'], 1))).toBe(
      'config["a b\\n"]: is not a known field',
    );
  });

  it('rejects a scenario that is not an object', () => {
    expect(errorOf([])).toBe('scenario: must be an object (got a list of 0)');
    expect(errorOf(null)).toBe('scenario: must be an object (got null)');
  });
});

describe('parseScenario cross-checks fields', () => {
  it('rejects an action on a server the config does not have', () => {
    const s = withValue(['actions', 3], { at: 900, do: 'crash', server: 7 });
    expect(errorOf(s)).toBe(
      'actions[3].server: server 7 does not exist (this scenario has 5 servers)',
    );
  });

  it('counts servers from the merged config (default 5)', () => {
    const s = {
      version: 1,
      title: 't',
      seed: 1,
      config: {},
      actions: [{ at: 0, do: 'timeout', server: 6 }],
    };
    expect(errorOf(s)).toBe(
      'actions[0].server: server 6 does not exist (this scenario has 5 servers)',
    );
  });

  it('rejects step actions, step waits and dropInFlight endpoints on missing servers', () => {
    expect(errorOf(withValue(['steps', 1, 'do', 0, 'server'], 6))).toBe(
      'steps[1].do[0].server: server 6 does not exist (this scenario has 5 servers)',
    );
    expect(errorOf(withValue(['steps', 1, 'do', 1, 'groups'], [[1, 2, 3], [4]]))).toBe(
      'steps[1].do[1].groups: server 5 is in no group (the groups must cover every server exactly once)',
    );
    expect(errorOf(withValue(['steps', 1, 'until', 'server'], 8))).toBe(
      'steps[1].until.server: server 8 does not exist (this scenario has 5 servers)',
    );
    expect(errorOf(withValue(['actions', 9], { at: 1, do: 'dropInFlight', from: -2, to: 7 }))).toBe(
      'actions[9].to: server 7 does not exist (this scenario has 5 servers)',
    );
  });

  it('rejects a link to a missing server', () => {
    expect(errorOf(withValue(['actions', 5, 'link'], [1, 8]))).toBe(
      'actions[5].link[1]: server 8 does not exist (this scenario has 5 servers)',
    );
  });

  it('rejects partitions that do not cover every server exactly once', () => {
    expect(
      errorOf(
        withValue(
          ['actions', 3, 'groups'],
          [
            [1, 2],
            [3, 4],
          ],
        ),
      ),
    ).toBe(
      'actions[3].groups: server 5 is in no group (the groups must cover every server exactly once)',
    );
    expect(
      errorOf(
        withValue(
          ['actions', 3, 'groups'],
          [
            [1, 2, 3],
            [3, 4, 5],
          ],
        ),
      ),
    ).toBe('actions[3].groups: server 3 is in more than one group');
    expect(
      errorOf(
        withValue(
          ['actions', 3, 'groups'],
          [
            [1, 2, 3],
            [4, 5, 6],
          ],
        ),
      ),
    ).toBe('actions[3].groups[1][2]: server 6 does not exist (this scenario has 5 servers)');
  });

  it('reports the index of the action as written, before sorting', () => {
    // actions[2] is at 900, after actions[1] at 1200: sorting would move it.
    const s = withValue(['actions', 2, 'server'], 9);
    expect(errorOf(s)).toBe(
      'actions[2].server: server 9 does not exist (this scenario has 5 servers)',
    );
  });

  it('wants exactly one initial state per server', () => {
    const s = withValue(['config', 'servers'], 3);
    expect(errorOf(s)).toBe(
      'initial: must have one entry per server (this scenario has 3 servers, got 5)',
    );
  });

  it('rejects votes for missing servers', () => {
    expect(errorOf(withValue(['initial', 1, 'votedFor'], 6))).toBe(
      'initial[1].votedFor: server 6 does not exist (this scenario has 5 servers)',
    );
  });

  it('rejects logs whose terms decrease or pass the server term (the rule catalogue §1.1)', () => {
    expect(
      errorOf(
        withValue(
          ['initial', 4, 'log'],
          [
            [2, 'noop'],
            [1, 'noop'],
          ],
        ),
      ),
    ).toBe(
      'initial[4].log[1]: term 1 is lower than the term 2 of the entry before it (log terms never decrease)',
    );
    expect(errorOf(withValue(['initial', 4, 'log'], [[3, 'noop']]))).toBe(
      "initial[4].log[0]: term 3 is higher than the server's term 2",
    );
  });
});

describe('bounds that must hold without walking the input', () => {
  it('rejects 10^7 actions by their count', () => {
    const actions = new Array<unknown>(10_000_000).fill({ at: 0, do: 'heal' });
    const started = performance.now();
    expect(errorOf(withValue(['actions'], actions))).toBe(
      'actions: must have at most 10000 items (got 10000000)',
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('accepts exactly 10,000 actions', () => {
    const actions = Array.from({ length: 10_000 }, (_, i) => ({ at: i, do: 'heal' }));
    expect(parseScenario(withValue(['actions'], actions)).ok).toBe(true);
  });

  it('rejects more than 10,000 initial log entries on a server', () => {
    const log = Array.from({ length: 10_001 }, () => [1, 'noop']);
    expect(errorOf(withValue(['initial', 0, 'log'], log))).toBe(
      'initial[0].log: must have at most 10000 items (got 10001)',
    );
  });
});

describe('parseScenarioText', () => {
  it('reports malformed JSON with its line and column', () => {
    const text = '{\n  "version": 1,\n  "title": "t"\n  "seed": 1\n}';
    expect(englishOf(parseScenarioText(text))).toBe(
      "malformed JSON at line 4, column 3: expected ',' or '}' after a property value",
    );
  });

  it('names a trailing comma and an unterminated string', () => {
    expect(englishOf(parseScenarioText('[1, 2,]'))).toBe(
      'malformed JSON at line 1, column 7: expected a value (a comma before it?)',
    );
    expect(englishOf(parseScenarioText('{"title": "abc'))).toBe(
      'malformed JSON at line 1, column 11: unterminated string',
    );
    expect(englishOf(parseScenarioText(''))).toBe(
      'malformed JSON at line 1, column 1: unexpected end of text',
    );
  });

  it('rejects text over 1 MB before parsing it', () => {
    const text = `{"title": "${'x'.repeat(1_048_576)}"}`;
    expect(englishOf(parseScenarioText(text))).toBe(
      'too large: 1.0 MB of text (a scenario is at most 1 MB)',
    );
  });

  it('accepts a byte order mark', () => {
    expect(parseScenarioText(`\uFEFF${JSON.stringify(fullScenario())}`).ok).toBe(true);
  });
});

describe('scenarioToJson', () => {
  it('round-trips through parseScenarioText', () => {
    const first = parseScenario(fullScenario());
    if (!first.ok) throw new Error(english(first));
    const text = scenarioToJson(first.scenario);
    const second = parseScenarioText(text);
    expect(second).toEqual(first);
    expect(scenarioToJson(second.ok ? second.scenario : first.scenario)).toBe(text);
  });

  it('writes keys in a fixed order, one action per line', () => {
    const parsed = parseScenario({
      actions: [{ server: 2, do: 'crash', at: 5 }],
      config: { heartbeatMs: 40, servers: 3 },
      seed: 9,
      title: 'Order',
      version: 1,
    });
    if (!parsed.ok) throw new Error(english(parsed));
    const text = scenarioToJson(parsed.scenario);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'version',
      'title',
      'seed',
      'config',
      'actions',
    ]);
    expect(text).toContain('\n    { "at": 5, "do": "crash", "server": 2 }\n');
    expect(text.indexOf('"servers"')).toBeLessThan(text.indexOf('"heartbeatMs"'));
    expect(text.endsWith('\n')).toBe(true);
  });
});

describe('toRunSetup', () => {
  it('hands the core exactly the seed, config, initial state and sorted actions', () => {
    const parsed = parseScenario(fullScenario());
    if (!parsed.ok) throw new Error(english(parsed));
    const setup = toRunSetup(parsed.scenario);
    expect(setup.seed).toBe(4_294_967_295);
    expect(setup.config.noopOnElection).toBe(false);
    expect(setup.initial).toHaveLength(5);
    expect(setup.actions.map((a) => a.at)).toEqual(
      [...setup.actions.map((a) => a.at)].sort((a, b) => a - b),
    );
  });
});
