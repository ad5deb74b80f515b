import { spawnSync } from 'node:child_process';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSim } from '../../src/cli/simCommand.ts';
import { Simulation, defaultUntil } from '../../src/core/index.ts';
import { encodeLink } from '../../src/scenarios/link.ts';
import { parseScenarioText, toRunSetup } from '../../src/scenarios/schema.ts';
import type { Scenario } from '../../src/scenarios/schema.ts';
import { captureIo, tempDir } from './helpers.ts';
import { english } from '../scenarios/english.ts';

const BASIC = 'public/scenarios/basic-election.json';
const PARTITION = 'public/scenarios/partition.json';

function loadExample(path: string): Scenario {
  const parsed = parseScenarioText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(english(parsed));
  return parsed.scenario;
}

async function sim(argv: string[], stdin?: string) {
  const { io, out } = captureIo(stdin);
  const code = await runSim(argv, io);
  return { code, ...out };
}

describe('npm run sim on the example scenarios', () => {
  it.each([BASIC, PARTITION])(
    '%s runs clean, exit 0, and prints the contract object',
    async (path) => {
      const { code, stdout, stderr } = await sim([path, '--json']);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const result = JSON.parse(stdout) as Record<string, unknown>;
      expect(Object.keys(result)).toEqual(['time', 'traceHash', 'violations', 'servers']);
      const scenario = loadExample(path);
      expect(result.time).toBe(defaultUntil(scenario.actions));
      // The CLI uses the core exactly as the app does: same run, same trace.
      const direct = Simulation.create(toRunSetup(scenario));
      direct.runUntil(defaultUntil(scenario.actions));
      expect(result).toEqual(direct.result());
    },
  );

  it('ends the basic election with S1 leading term 1 and every log equal', async () => {
    const { stdout } = await sim([BASIC, '--json']);
    const result = JSON.parse(stdout) as {
      servers: { role: string; term: number; log: unknown; kv: unknown }[];
    };
    expect(result.servers.map((s) => s.role)).toEqual([
      'leader',
      'follower',
      'follower',
      'follower',
      'follower',
    ]);
    expect(result.servers.every((s) => s.term === 1)).toBe(true);
    expect(new Set(result.servers.map((s) => JSON.stringify([s.log, s.kv]))).size).toBe(1);
  });

  it('stops at --until, inclusive', async () => {
    const { stdout } = await sim([PARTITION, '--until', '3000', '--json']);
    const result = JSON.parse(stdout) as { time: number; servers: { role: string }[] };
    expect(result.time).toBe(3000);
    // Mid-partition: the old leader S1 in the minority and a new leader in the majority.
    expect(result.servers.filter((s) => s.role === 'leader')).toHaveLength(2);
  });

  it('prints a short human summary without --json', async () => {
    const { code, stdout } = await sim([BASIC]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Basic election: 5 servers, seed 1, 4 actions');
    expect(lines[1]).toMatch(/^time 12000 ms {2}trace [0-9a-f]{16} {2}leader S1 \(term 1\)$/);
    expect(lines[2]).toMatch(
      /^ {2}S1 +leader +term 1 +vote S1 +log 4 +commit 4 +applied 4 +kv x=1 y=2$/,
    );
    expect(lines).toHaveLength(8);
    expect(lines[7]).toBe('no violations');
  });

  it('reads a share link and standard input to the same result', async () => {
    const scenario = loadExample(BASIC);
    const fromFile = await sim([BASIC, '--json']);
    expect((await sim([encodeLink(scenario), '--json'])).stdout).toBe(fromFile.stdout);
    expect((await sim(['-', '--json'], readFileSync(BASIC, 'utf8'))).stdout).toBe(fromFile.stdout);
  });
});

describe('exit 1 on a violated invariant', () => {
  it('reports the violation in both outputs', async () => {
    // BUG-VOTEVOLATILE (the rule catalogue §4): a crash forgets votedFor, which the checker sees at once.
    const scenario = loadExample(BASIC);
    const buggy = {
      ...scenario,
      config: { ...scenario.config, bugs: ['BUG-VOTEVOLATILE' as const] },
    };
    buggy.actions = [...buggy.actions, { at: 1000, do: 'crash', server: 2 }];
    const link = encodeLink(buggy);
    const json = await sim([link, '--json']);
    expect(json.code).toBe(1);
    const result = JSON.parse(json.stdout) as {
      violations: { invariant: string; time: number; servers: number[] }[];
    };
    expect(result.violations[0]).toMatchObject({ time: 1000, servers: [2] });
    const human = await sim([link]);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/\n\d+ violations?:\n {2}INV-\w+ at 1000 ms \(S2\): /);
  });
});

describe('exit 2 on bad input, one line naming what and where', () => {
  const dir = tempDir();
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const scenarioText = (edit: (s: Record<string, unknown>) => void) => {
    const s = JSON.parse(readFileSync(BASIC, 'utf8')) as Record<string, unknown>;
    edit(s);
    return JSON.stringify(s);
  };

  const cases: [string, () => string[], string | RegExp][] = [
    [
      'a missing file',
      () => [join(dir, 'nope.json')],
      `sim: ${join(dir, 'nope.json')}: no such file`,
    ],
    ['a directory', () => [dir], `sim: ${dir}: is a directory, not a scenario file`],
    [
      'malformed JSON',
      () => [write('bad.json', '{"version": 1,\n "title": }')],
      /^sim: \S+bad\.json: malformed JSON at line 2, column 11: expected a value$/,
    ],
    [
      'an unknown action',
      () => [
        write(
          'a.json',
          scenarioText((s) => ((s.actions as object[])[0] = { at: 1, do: 'explode' })),
        ),
      ],
      /^sim: \S+a\.json: actions\[0\]\.do: unknown action "explode" \(known: crash, /,
    ],
    [
      'server 0',
      () => [
        write(
          's0.json',
          scenarioText((s) => ((s.actions as object[])[0] = { at: 1, do: 'crash', server: 0 })),
        ),
      ],
      /: actions\[0\]\.server: must be at least 1 \(got 0\)$/,
    ],
    [
      'server 99',
      () => [
        write(
          's99.json',
          scenarioText((s) => ((s.actions as object[])[0] = { at: 1, do: 'crash', server: 99 })),
        ),
      ],
      /: actions\[0\]\.server: must be at most 9 \(got 99\)$/,
    ],
    [
      'a server beyond the count',
      () => [
        write(
          's7.json',
          scenarioText((s) => ((s.actions as object[])[2] = { at: 1, do: 'crash', server: 7 })),
        ),
      ],
      /: actions\[2\]\.server: server 7 does not exist \(this scenario has 5 servers\)$/,
    ],
    [
      'a negative time',
      () => [
        write(
          'neg.json',
          scenarioText((s) => ((s.actions as object[])[1] = { at: -1, do: 'heal' })),
        ),
      ],
      /: actions\[1\]\.at: must be at least 0 \(got -1\)$/,
    ],
    [
      'a fractional time',
      () => [
        write(
          'frac.json',
          scenarioText((s) => ((s.actions as object[])[1] = { at: 0.5, do: 'heal' })),
        ),
      ],
      /: actions\[1\]\.at: must be a whole number \(got 0\.5\)$/,
    ],
    [
      'a million servers',
      () => [
        write(
          'big.json',
          scenarioText((s) => (s.config = { servers: 1_000_000 })),
        ),
      ],
      /: config\.servers: must be at most 9 \(got 1000000\)$/,
    ],
    ['an unknown flag', () => [BASIC, '--fast'], 'sim: unknown option "--fast" (see --help)'],
    [
      'a bad --until',
      () => [BASIC, '--until', 'soon'],
      'sim: --until: must be a whole number of milliseconds from 0 to 1000000000 (got "soon")',
    ],
    [
      'a damaged link',
      () => ['https://raftlab.invalid/#s=v1.AAAA.00000000'],
      'sim: link: damaged: checksum mismatch',
    ],
    [
      'a link from the future',
      () => ['#s=v9.AAAA.00000000'],
      'sim: link: made by a newer Raft Lab (v9); this version reads v1',
    ],
    // The reasons are codes worded through the English catalogue: the CLI's lines stay as they were.
    [
      'a link too long',
      () => [`https://raftlab.invalid/#s=v1.${'a'.repeat(70_000)}.00000000`],
      'sim: link: too long: 70012 characters (a link holds at most 65536)',
    ],
    [
      'a link cut before its checksum',
      () => ['https://raftlab.invalid/#s=v1.abc'],
      'sim: link: truncated: the checksum at the end of the link is missing',
    ],
    [
      'a link with a character that is not base64url',
      () => ['https://raftlab.invalid/#s=v1.ab*d.00000000'],
      'sim: link: damaged: character 3 of the data is not base64url',
    ],
    [
      'a trailing comma',
      () => [write('comma.json', '{"a": 1,}')],
      /: malformed JSON at line 1, column 9: expected a property name in double quotes$/,
    ],
    [
      'an unknown action',
      () => [
        write(
          'fly.json',
          scenarioText((s) => ((s.actions as object[])[0] = { at: 1, do: 'fly' })),
        ),
      ],
      /: actions\[0\]\.do: unknown action "fly" \(known: crash, restart, .*, transfer\)$/,
    ],
  ];

  it.each(cases)('%s', async (_name, argv, message) => {
    const { code, stdout, stderr } = await sim(argv());
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr.endsWith('\n') && stderr.split('\n')).toHaveLength(2);
    if (typeof message === 'string') expect(stderr).toBe(`${message}\n`);
    else expect(stderr.trimEnd()).toMatch(message);
  });

  it('a 50 MB file, by its size, without reading it', async () => {
    const path = join(dir, 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, 50 * 1_048_576);
    const { code, stderr } = await sim([path]);
    expect(code).toBe(2);
    expect(stderr).toBe(`sim: ${path}: too large (50.0 MB; a scenario is at most 1.0 MB)\n`);
  });

  it('a file that is not UTF-8', async () => {
    const path = join(dir, 'latin1.json');
    writeFileSync(path, Buffer.from([0x7b, 0xe9, 0x7d]));
    expect((await sim([path])).stderr).toBe(
      `sim: ${path}: not UTF-8 text (is it a scenario JSON file?)\n`,
    );
  });

  it('standard input that is too large or empty', async () => {
    expect((await sim(['-'], ' '.repeat(1_048_577))).stderr).toBe(
      'sim: standard input: too large\n',
    );
    expect((await sim(['-'], '')).stderr).toBe(
      'sim: standard input: malformed JSON at line 1, column 1: unexpected end of text\n',
    );
  });

  it('prints the usage for --help, exit 0', async () => {
    const { code, stdout } = await sim(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm run sim -- FILE_OR_LINK \[--until MS\] \[--json\]\n/);
  });
});

describe('as a real process', () => {
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
      encoding: 'utf8',
      input,
      timeout: 30_000,
    });

  it('prints valid JSON on stdout and exits 0', () => {
    const child = run([BASIC, '--json']);
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const result = JSON.parse(child.stdout) as {
      time: number;
      traceHash: string;
      servers: unknown[];
    };
    expect(result.time).toBe(12_000);
    expect(result.traceHash).toMatch(/^[0-9a-f]{16}$/);
    expect(result.servers).toHaveLength(5);
  });

  it('exits 2 on bad input with one line and no stack trace', () => {
    const child = run(
      ['-'],
      '{"version": 1, "title": "t", "seed": 1, "config": {"servers": 0}, "actions": []}',
    );
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr).toBe('sim: standard input: config.servers: must be at least 1 (got 0)\n');
  });

  it('exits 2 on a missing file with no stack trace', () => {
    const child = run(['no/such/file.json']);
    expect(child.status).toBe(2);
    expect(child.stderr).toBe('sim: no/such/file.json: no such file\n');
    expect(child.stderr).not.toMatch(/\bat |Error/);
  });
});

describe('npm run sim --json: membership (the design "Membership, compaction, transfer and reads")', () => {
  const JOINT = 'public/scenarios/joint-consensus.json';

  it('gives each server the configuration it uses, with old only during the joint phase', async () => {
    const scenario = loadExample(JOINT);
    const direct = Simulation.create(toRunSetup(scenario));
    let jointAt = -1;
    direct.onEvent = (e) => {
      if (e.type === 'membership' && e.phase === 'joint') jointAt = e.time;
    };
    direct.runUntil(defaultUntil(scenario.actions));
    expect(jointAt).toBeGreaterThan(0);

    const during = JSON.parse(
      (await sim([JOINT, '--json', '--until', String(jointAt)])).stdout,
    ) as {
      servers: { id: number; role: string; membership: Record<string, unknown> }[];
    };
    const leader = during.servers.find((s) => s.role === 'leader');
    expect(leader?.membership).toEqual({
      voters: [1, 2, 3, 4, 5],
      old: [1, 2, 3],
      learners: [],
      index: 3,
      committed: false,
    });
    // S4 and S5 hold no configuration entry yet: they were only caught up.
    const s5 = during.servers.find((s) => s.id === 5);
    expect(s5?.membership).toEqual({ voters: [], learners: [], index: 0, committed: true });

    const { code, stdout } = await sim([JOINT, '--json']);
    expect(code).toBe(0);
    const after = JSON.parse(stdout) as {
      servers: {
        membership: Record<string, unknown>;
        snapshot: unknown;
        log: [number, string][];
      }[];
    };
    for (const s of after.servers) {
      expect(s.membership).toEqual({
        voters: [1, 2, 3, 4, 5],
        learners: [],
        index: 4,
        committed: true,
      });
      expect(s.snapshot).toBeNull();
      expect(s.log.map(([, command]) => command).filter((c) => c.startsWith('config'))).toEqual([
        'config 1,2,3 -> 1,2,3,4,5',
        'config 1,2,3,4,5',
      ]);
    }
  });
});

describe('npm run sim with log compaction (the design: snapshot in --json)', () => {
  const SNAPSHOT = 'public/scenarios/snapshot.json';

  it('prints each snapshot and only the entries after it', async () => {
    const { code, stdout } = await sim([SNAPSHOT, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      violations: unknown[];
      servers: {
        id: number;
        commitIndex: number;
        snapshot: { index: number; term: number } | null;
        log: [number, string][];
        kv: Record<string, string>;
      }[];
    };
    expect(result.violations).toEqual([]);
    const [s1, , s3] = result.servers;
    for (const s of result.servers) {
      expect(s.snapshot).not.toBeNull();
      const { index, term } = s.snapshot ?? { index: 0, term: 0 };
      expect(term).toBe(1);
      // The log lists what follows the snapshot: its length plus the snapshot's index is the last.
      expect(index + s.log.length).toBeGreaterThanOrEqual(s.commitIndex);
      expect(index).toBeGreaterThan(20);
    }
    // S3 was down for the writes: it caught up through a snapshot and holds the same store.
    expect(s3?.kv).toEqual(s1?.kv);
    const text = await sim([SNAPSHOT]);
    expect(text.stdout).toMatch(/S3 +follower .*snapshot \d+ /);
  });
});
