/**
 * Keys are data in the views (issue 7): the command form's check treats any word as text (an
 * operation named `constructor` or `__proto__` used to be found on Object.prototype and crash the
 * check with "usage is not iterable"), accepts the new key grammar (paths up to 120 characters),
 * and the server details show a row for every key, `__proto__` and `constructor` included.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { setOwn } from '../../src/core/records.ts';
import { COMMAND_MAX_CHARS, checkCommand } from '../../src/views/panels/command.ts';
import { CommandForm } from '../../src/views/panels/CommandForm.tsx';
import { KvTable, SessionTable } from '../../src/views/panels/StateTables.tsx';
import { ServerDetails } from '../../src/views/panels/index.ts';
import { PATH_KEY, PROTOTYPE_NAMES, commandsFor } from '../scenarios/prototypeKeys.ts';
import { CONFIG, server } from './fixtures.ts';

const noop = (): void => {};

describe('checkCommand with Object.prototype names', () => {
  it.each(PROTOTYPE_NAMES)('“%s” as an operation is unknown, not a crash', (name) => {
    expect(checkCommand(`${name} x`)).toEqual({
      ok: false,
      error: `Unknown operation “${name}”: use set, get, del, incr or cas`,
    });
    expect(checkCommand(name)).toMatchObject({ ok: false });
  });

  it.each(PROTOTYPE_NAMES)('“%s” as a key or a value is a word like any other', (name) => {
    for (const command of [...commandsFor(name, 0), `set k ${name}`, `cas ${name} ${name} x`])
      expect(checkCommand(command), command).toEqual({ ok: true, command });
  });
});

describe('checkCommand with the new key grammar', () => {
  it('takes etcd-like paths and 120-character keys', () => {
    expect(checkCommand(`set ${PATH_KEY} node-2`)).toEqual({
      ok: true,
      command: `set ${PATH_KEY} node-2`,
    });
    expect(checkCommand(`get ${'k'.repeat(120)}`)).toMatchObject({ ok: true });
    expect(checkCommand(`set k ${'v'.repeat(64)}`)).toMatchObject({ ok: true });
  });

  it('names the grammar when a word is outside it', () => {
    const rule = 'Keys: 1–120 and values: 1–64 of A-Z a-z 0-9 _ . : / -';
    expect(checkCommand(`get ${'k'.repeat(121)}`)).toEqual({ ok: false, error: rule });
    expect(checkCommand(`set k ${'v'.repeat(65)}`)).toEqual({ ok: false, error: rule });
    expect(checkCommand('set a/b c;d')).toEqual({ ok: false, error: rule });
  });

  it('keeps a command short enough for a share link (200 characters)', () => {
    const max = `cas ${'k'.repeat(120)} ${'o'.repeat(38)} ${'n'.repeat(36)}`;
    expect(max).toHaveLength(COMMAND_MAX_CHARS);
    expect(checkCommand(max)).toEqual({ ok: true, command: max });
    const over = `cas ${'k'.repeat(120)} ${'o'.repeat(64)} ${'n'.repeat(64)}`;
    expect(checkCommand(over)).toEqual({
      ok: false,
      error: 'At most 200 characters (this one has 254), so a share link can carry it',
    });
  });

  it('lets the form hold a 200-character command', () => {
    const html = renderToStaticMarkup(<CommandForm onRequest={noop} />);
    expect(html).toContain('maxLength="200"');
  });
});

describe('state tables with Object.prototype names', () => {
  const kv: Record<string, string> = {};
  for (const [i, name] of PROTOTYPE_NAMES.entries()) setOwn(kv, name, `v-${i}`);

  it('shows one row per key with its own value', () => {
    const html = renderToStaticMarkup(<KvTable kv={Object.freeze(kv)} />);
    for (const [i, name] of PROTOTYPE_NAMES.entries())
      expect(html, name).toContain(`<th scope="row">${name}</th><td>v-${i}</td>`);
    expect(html).not.toContain('function');
    expect(html).not.toContain('[object');
  });

  it('shows the sessions of a server whose store has those keys', () => {
    const sessions = JSON.parse('{"1":{"seq":3,"response":"(nil)"}}') as Record<
      string,
      { seq: number; response: string }
    >;
    const html = renderToStaticMarkup(<SessionTable sessions={sessions} />);
    expect(html).toContain('<td class="rl-num">3</td><td>(nil)</td>');
    const details = renderToStaticMarkup(
      <ServerDetails
        server={server(1, { kv, sessions })}
        now={0}
        config={CONFIG}
        onAction={noop}
      />,
    );
    expect(details).toContain('<th scope="row">__proto__</th><td>v-');
    expect(details).toContain('<th scope="row">constructor</th><td>v-');
  });
});
