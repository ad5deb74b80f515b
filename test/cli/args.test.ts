import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/cli/args.ts';
import { parseSimArgs } from '../../src/cli/simCommand.ts';

describe('parseSimArgs', () => {
  it('reads a source, --until in both spellings and --json', () => {
    expect(parseSimArgs(['s.json', '--until', '500', '--json'])).toEqual({
      ok: true,
      args: { help: false, source: 's.json', untilMs: 500, json: true },
    });
    expect(parseSimArgs(['--until=0', '-'])).toEqual({
      ok: true,
      args: { help: false, source: '-', untilMs: 0, json: false },
    });
  });

  it('answers --help and -h even with other arguments', () => {
    expect(parseSimArgs(['--help'])).toEqual({ ok: true, args: { help: true } });
    expect(parseSimArgs(['x.json', '-h'])).toEqual({ ok: true, args: { help: true } });
  });

  it('takes a file named like an option after --', () => {
    expect(parseSimArgs(['--', '--json'])).toMatchObject({
      ok: true,
      args: { source: '--json', json: false },
    });
  });

  const bad: [string[], string][] = [
    [[], 'missing FILE_OR_LINK: a scenario file, a share link or - (see --help)'],
    [['a.json', '--verbose'], 'unknown option "--verbose" (see --help)'],
    [['a.json', '-j'], 'unknown option "-j" (see --help)'],
    [['a.json', '-until', '5'], 'unknown option "-until" (see --help)'],
    [['a.json', 'b.json'], 'one scenario at a time (also got "b.json")'],
    [['a.json', '--until'], '--until needs a value'],
    [
      ['a.json', '--until', '-5'],
      '--until: must be a whole number of milliseconds from 0 to 1000000000 (got "-5")',
    ],
    [
      ['a.json', '--until', '1.5'],
      '--until: must be a whole number of milliseconds from 0 to 1000000000 (got "1.5")',
    ],
    [
      ['a.json', '--until', '1e3'],
      '--until: must be a whole number of milliseconds from 0 to 1000000000 (got "1e3")',
    ],
    [
      ['a.json', '--until', ''],
      '--until: must be a whole number of milliseconds from 0 to 1000000000 (got "")',
    ],
    [
      ['a.json', '--until', '1000000001'],
      '--until: must be a whole number of milliseconds from 0 to 1000000000 (got "1000000001")',
    ],
    [['a.json', '--until', '5', '--until', '6'], '--until given twice'],
    [['a.json', '--json=yes'], '--json takes no value'],
  ];
  it.each(bad)('rejects %j', (argv, error) => {
    expect(parseSimArgs(argv)).toEqual({ ok: false, error });
  });
});

describe('parseOptions', () => {
  it('collects repeated list options in order', () => {
    const result = parseOptions(['--bug', 'A', '--bug=B'], {
      bug: { kind: 'list', what: 'a bug' },
    });
    expect(result.ok && result.options.lists.get('bug')).toEqual(['A', 'B']);
  });

  it('does not treat inherited object keys as options', () => {
    expect(parseOptions(['--constructor'], {})).toEqual({
      ok: false,
      error: 'unknown option "--constructor" (see --help)',
    });
  });
});
