/**
 * The replicated state machine: a key-value store with client sessions (rule C-2).
 * Reads go through the log like writes, so they are linearizable.
 */
import { deleteOwn, getOwn, setOwn } from './records.ts';
import type { ClientSession, Entry } from './types.ts';

export type KvCommand =
  | { op: 'set'; key: string; value: string }
  | { op: 'get'; key: string }
  | { op: 'del'; key: string }
  | { op: 'incr'; key: string }
  | { op: 'cas'; key: string; expected: string; value: string }
  | { op: 'noop' };

/**
 * Keys may be paths as long as the ones Kubernetes keeps in etcd (`/registry/pods/default/web-1`);
 * values are shorter words. Any name is data, including `__proto__` (see records.ts).
 */
const KEY = /^[A-Za-z0-9_.:/-]{1,120}$/;
const VALUE = /^[A-Za-z0-9_.:/-]{1,64}$/;
export const KEY_MAX_CHARS = 120;
export const VALUE_MAX_CHARS = 64;
/** Words of KEY's and VALUE's characters, one space between each two, no space around them. */
const PLAIN_WORDS = /^[A-Za-z0-9_.:/-]+(?: [A-Za-z0-9_.:/-]+)*$/;

/** Parses a command such as `set x 1`; returns null for anything outside the grammar. */
export function parseCommand(text: string): KvCommand | null {
  // Words split by single spaces with nothing around them, the usual form, split as the general
  // rule (trim, then split at runs of white space) would split them.
  const parts = PLAIN_WORDS.test(text) ? text.split(' ') : text.trim().split(/\s+/);
  const op = parts[0];
  const args = parts.length - 1;
  const a = parts[1];
  const b = parts[2];
  const c = parts[3];
  if (a !== undefined && !KEY.test(a)) return null;
  for (let i = 2; i < parts.length; i++) if (!VALUE.test(parts[i] as string)) return null;
  switch (op) {
    case 'noop':
      return args === 0 ? { op: 'noop' } : null;
    case 'get':
      return args === 1 && a !== undefined ? { op: 'get', key: a } : null;
    case 'del':
      return args === 1 && a !== undefined ? { op: 'del', key: a } : null;
    case 'incr':
      return args === 1 && a !== undefined ? { op: 'incr', key: a } : null;
    case 'set':
      return args === 2 && a !== undefined && b !== undefined
        ? { op: 'set', key: a, value: b }
        : null;
    case 'cas':
      return args === 3 && a !== undefined && b !== undefined && c !== undefined
        ? { op: 'cas', key: a, expected: b, value: c }
        : null;
    default:
      return null;
  }
}

/**
 * parseCommand for applying entries: every server applies every entry, so the same command text
 * is parsed once per server. Results are frozen and shared; the memo is bounded and, being a
 * pure function's memo, changes nothing a run does.
 */
const parsedMemo = new Map<string, Readonly<KvCommand> | null>();
const PARSED_MEMO_LIMIT = 256;

function parsedCommand(text: string): Readonly<KvCommand> | null {
  const known = parsedMemo.get(text);
  if (known !== undefined) return known;
  const command = parseCommand(text);
  if (parsedMemo.size >= PARSED_MEMO_LIMIT) parsedMemo.clear();
  parsedMemo.set(text, command === null ? null : Object.freeze(command));
  return command;
}

export function isValidCommand(text: string): boolean {
  return parseCommand(text) !== null;
}

/** Executes one command against the store and returns its result string. */
export function execute(kv: Record<string, string>, command: Readonly<KvCommand>): string {
  switch (command.op) {
    case 'noop':
      return 'ok';
    case 'get':
      return getOwn(kv, command.key) ?? '(nil)';
    case 'set':
      setOwn(kv, command.key, command.value);
      return 'ok';
    case 'del':
      return deleteOwn(kv, command.key) ? 'ok' : '(nil)';
    case 'incr': {
      // Not idempotent on purpose: a command run twice shows (SC-29, BUG-NOSESSION).
      const current = Number.parseInt(getOwn(kv, command.key) ?? '0', 10);
      const next = String((Number.isSafeInteger(current) ? current : 0) + 1);
      setOwn(kv, command.key, next);
      return next;
    }
    case 'cas': {
      const current = getOwn(kv, command.key) ?? '(nil)';
      if (current !== command.expected) return `fail: ${command.key}=${current}`;
      setOwn(kv, command.key, command.value);
      return 'ok';
    }
  }
}

export interface ApplyOutcome {
  result: string;
  /** The command was answered from the session table, not executed again (C-2). */
  duplicate: boolean;
}

/**
 * Applies a log entry: a client command whose (client, seq) was already executed is answered from
 * the session table without running again (C-2, INV-C1). With sessions off (BUG-NOSESSION) every
 * copy runs.
 */
export function applyEntry(
  kv: Record<string, string>,
  sessions: Record<string, ClientSession>,
  entry: Entry,
  useSessions: boolean,
): ApplyOutcome {
  const command = parsedCommand(entry.command);
  if (command === null) return { result: 'error: bad command', duplicate: false };
  const tag = entry.client;
  if (tag === undefined || !useSessions) return { result: execute(kv, command), duplicate: false };
  const key = String(tag.client);
  const session = getOwn(sessions, key);
  if (session !== undefined && tag.seq <= session.seq) {
    const result = tag.seq === session.seq ? session.response : 'error: stale request';
    return { result, duplicate: true };
  }
  const result = execute(kv, command);
  setOwn(sessions, key, { seq: tag.seq, response: result });
  return { result, duplicate: false };
}
