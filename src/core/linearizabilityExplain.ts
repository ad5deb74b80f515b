/**
 * The model the linearizability checker runs (one key of the store) and the explanation it gives
 * when no order fits: the longest order found, and the operation that cannot come after it, in
 * words a person can check against the timeline.
 */
import { execute, type KvCommand } from './kv.ts';
import { getOwn, setOwn } from './records.ts';
import { INITIAL_LOG_CLIENT, type HistoryOp } from './history.ts';
import type { TimeMs } from './types.ts';

/** A key-value command other than `noop`: every one names a key. */
export type KeyCommand = Exclude<KvCommand, { op: 'noop' }>;

/** A key's value in the model: null is unset. */
export type Value = string | null;

/** One operation of a key, numbered in invocation order. */
export interface KeyOp {
  op: HistoryOp;
  command: KeyCommand;
  /** Ranks of its invocation and of its answer among the key's events; answer -1 if pending. */
  callAt: number;
  returnAt: number;
}

/** Runs `command` on a store holding `value` under its key: the answer and the value after. */
export function step(command: KeyCommand, value: Value): { result: string; value: Value } {
  // The store's own `execute`, so the model can never drift from the state machine (kv.ts).
  const kv: Record<string, string> = {};
  if (value !== null) setOwn(kv, command.key, value);
  const result = execute(kv, command);
  return { result, value: getOwn(kv, command.key) ?? null };
}

export interface KeyViolation {
  key: string;
  /** Operations on the key. */
  operations: number;
  /** The longest order found that explains every answer in it, first to last. */
  linearized: HistoryOp[];
  /** The key's value after `linearized` (null: unset). */
  value: Value;
  /** The operation that cannot come next: of those left, the one answered first. */
  stuck: HistoryOp;
  /** What `stuck` would have answered after `linearized`. */
  expected: string;
  /** The answered operations that real time allows next (`stuck` among them); none fits. */
  next: HistoryOp[];
  /** When the violation shows: the time `stuck` was answered. */
  time: TimeMs;
  message: string;
  /** The parts the message is written from. */
  parts: MessageParts;
}

/** Operations named in a message besides the two it is about. */
const OTHERS_SHOWN = 3;

/** Explains why no order fits, from the longest order the search found (operation numbers). */
export function explainViolation(
  key: string,
  ops: readonly KeyOp[],
  order: readonly number[],
): KeyViolation {
  let value: Value = null;
  for (const id of order) value = step((ops[id] as KeyOp).command, value).value;
  const placed = new Set(order);
  const left = ops.filter((_, id) => !placed.has(id) && (ops[id] as KeyOp).returnAt >= 0);
  const stuck = left.reduce<KeyOp | null>(
    (first, k) => (first === null || k.returnAt < first.returnAt ? k : first),
    null,
  );
  if (stuck === null) throw new Error('linearizability: a violation with nothing left to place');
  const next = left.filter((k) => k.callAt < stuck.returnAt);
  const last = order.length > 0 ? (ops[order[order.length - 1] as number] as KeyOp) : null;
  const expected = step(stuck.command, value).result;
  const parts = {
    key,
    stuck: stuck.op,
    last: last?.op ?? null,
    value,
    expected,
    others: next.filter((k) => k !== stuck).map((k) => k.op),
    operations: ops.length,
    linearized: order.length,
  };
  return {
    key,
    operations: ops.length,
    linearized: order.map((id) => (ops[id] as KeyOp).op),
    value,
    stuck: stuck.op,
    expected,
    next: next.map((k) => k.op),
    time: stuck.op.responseMs ?? stuck.op.invokeMs,
    message: violationMessage(parts),
    parts,
  };
}

/**
 * Why no order fits, as data: what `violationMessage` writes in English for the command line,
 * and what the lab writes in the reader's language (src/views/linearizabilityText.ts).
 */
export interface MessageParts {
  key: string;
  stuck: HistoryOp;
  last: HistoryOp | null;
  value: Value;
  expected: string;
  others: readonly HistoryOp[];
  operations: number;
  linearized: number;
}

/**
 * E.g. "C2's get x → 1 at 1,200–1,250 ms cannot follow C1's set x 2 (done at 1,100 ms): x = 2
 * then, so it would answer 2. No order of the 7 operations on x explains every answer; the longest
 * that does has 5."
 */
export function violationMessage(p: MessageParts): string {
  const stuck = `${opText(p.stuck)} ${interval(p.stuck)}`;
  const state = p.value === null ? `${p.key} is unset` : `${p.key} = ${p.value}`;
  let first: string;
  if (p.stuck.result === null || p.stuck.result === p.expected) {
    // It fits right there, but every order that places it there fails later on.
    first = `no order places ${stuck} so that every later answer fits`;
  } else if (p.last === null) {
    first = `${stuck} cannot be the first operation on ${p.key}: ${state} at the start, so it would answer ${p.expected}`;
  } else {
    first = `${stuck} cannot follow ${doneText(p.last)}: ${state} then, so it would answer ${p.expected}`;
  }
  const shown = p.others.slice(0, OTHERS_SHOWN).map(opText);
  if (p.others.length > OTHERS_SHOWN) shown.push(`${p.others.length - OTHERS_SHOWN} more`);
  const others = shown.length > 0 ? ` Nor can ${shown.join(', ')} come next.` : '';
  const count = p.operations === 1 ? 'one operation' : `${p.operations} operations`;
  const longest =
    p.linearized === 0 ? 'none can go first' : `the longest that does has ${p.linearized}`;
  return `${capitalized(first)}.${others} No order of the ${count} on ${p.key} explains every answer; ${longest}.`;
}

/** `C2's get x → 1`; a set's `ok` goes unsaid. */
export const OTHERS_NAMED = OTHERS_SHOWN;

export function opText(op: HistoryOp): string {
  if (op.client === INITIAL_LOG_CLIENT) return `the initial log's ${op.command} (index ${op.seq})`;
  const quiet = op.result === null || (op.result === 'ok' && op.command.startsWith('set '));
  return `C${op.client}'s ${op.command}${quiet ? '' : ` → ${op.result}`}`;
}

function interval(op: HistoryOp): string {
  return op.responseMs === null
    ? `(sent at ${msText(op.invokeMs)} ms, never answered)`
    : `at ${msText(op.invokeMs)}–${msText(op.responseMs)} ms`;
}

function doneText(op: HistoryOp): string {
  return op.responseMs === null
    ? `${opText(op)} (never answered, taken to have run)`
    : `${opText(op)} (done at ${msText(op.responseMs)} ms)`;
}

/** 1200 → "1,200". */
export function msText(ms: number): string {
  return String(ms).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
