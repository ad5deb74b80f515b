/**
 * Validation of a client command typed by the user, with an error that says how to fix it.
 * The core's parser (src/core/kv.ts) stays the judge; this only explains its "no".
 *
 * The operation is user text too: it is looked up in a Map, never as `obj[op]`, so typing
 * `constructor x` or `__proto__ x` is an unknown operation rather than a crash.
 */
import { parseCommand } from '../../core/index.ts';
import { KEY_MAX_CHARS, VALUE_MAX_CHARS } from '../../core/kv.ts';
import { LIMITS } from '../../scenarios/limits.ts';
import { EN_T, type Translate } from '../../i18n/index.ts';

export type CommandCheck = { ok: true; command: string } | { ok: false; error: string };

/** The longest command the lab accepts: what a share link or a scenario file may carry. */
export const COMMAND_MAX_CHARS = LIMITS.commandChars;

const WORD = /^[A-Za-z0-9_./:-]+$/;
const USAGE: ReadonlyMap<string, readonly [number, string]> = new Map([
  ['set', [2, 'set K V']],
  ['get', [1, 'get K']],
  ['del', [1, 'del K']],
  ['incr', [1, 'incr K']],
  ['cas', [3, 'cas K OLD NEW']],
]);

/** Checks `text` against the KV grammar and returns it with single spaces, or a reason. */
export function checkCommand(text: string, t: Translate = EN_T): CommandCheck {
  const parts = text
    .trim()
    .split(/\s+/)
    .filter((p) => p !== '');
  const [op, ...args] = parts;
  if (op === undefined) return { ok: false, error: t('cmd.empty') };
  const usage = USAGE.get(op);
  if (usage === undefined) {
    const shown = op.length > 20 ? `${op.slice(0, 20)}…` : op;
    return { ok: false, error: t('cmd.unknown', { op: shown }) };
  }
  const [arity, form] = usage;
  if (args.length !== arity)
    return {
      ok: false,
      error: t(arity === 1 ? 'cmd.arity1' : 'cmd.arity', { op, n: arity, form }),
    };
  const [key, ...values] = args;
  const badKey = key !== undefined && (!WORD.test(key) || key.length > KEY_MAX_CHARS);
  const badValue = values.some((v) => !WORD.test(v) || v.length > VALUE_MAX_CHARS);
  if (badKey || badValue) {
    return { ok: false, error: t('cmd.words', { key: KEY_MAX_CHARS, value: VALUE_MAX_CHARS }) };
  }
  const command = parts.join(' ');
  if (command.length > COMMAND_MAX_CHARS) {
    return {
      ok: false,
      error: t('cmd.tooLong', { max: COMMAND_MAX_CHARS, n: command.length }),
    };
  }
  // The core must agree; if the grammars ever drift, the core wins.
  if (parseCommand(command) === null) return { ok: false, error: t('cmd.invalid', { form }) };
  return { ok: true, command };
}
