/**
 * Validation of a client command typed by the user, with an error that says how to fix it.
 * The core's parser (src/core/kv.ts) stays the judge; this only explains its "no".
 */
import { parseCommand } from '../../core/index.ts';

export type CommandCheck = { ok: true; command: string } | { ok: false; error: string };

const TOKEN = /^[A-Za-z0-9_.:-]{1,32}$/;
const USAGE: Readonly<Record<string, [number, string]>> = {
  set: [2, 'set K V'],
  get: [1, 'get K'],
  del: [1, 'del K'],
  incr: [1, 'incr K'],
  cas: [3, 'cas K OLD NEW'],
};

/** Checks `text` against the KV grammar and returns it with single spaces, or a reason. */
export function checkCommand(text: string): CommandCheck {
  const parts = text
    .trim()
    .split(/\s+/)
    .filter((p) => p !== '');
  const [op, ...args] = parts;
  if (op === undefined) return { ok: false, error: 'Type a command, e.g. set x 1' };
  const usage = USAGE[op];
  if (usage === undefined) {
    return { ok: false, error: `Unknown operation “${op}”: use set, get, del, incr or cas` };
  }
  const [arity, form] = usage;
  if (args.length !== arity)
    return { ok: false, error: `${op} takes ${arity} ${arity === 1 ? 'word' : 'words'}: ${form}` };
  const bad = args.find((a) => !TOKEN.test(a));
  if (bad !== undefined) {
    return { ok: false, error: 'Keys and values: 1–32 letters, digits or _ . : -' };
  }
  const command = parts.join(' ');
  // The core must agree; if the grammars ever drift, the core wins.
  if (parseCommand(command) === null) return { ok: false, error: `Not a valid command: ${form}` };
  return { ok: true, command };
}
