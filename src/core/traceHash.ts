/**
 * The trace hash of a run (the determinism contract): two FNV-1a 32-bit hashes over the
 * JSON text of every event, in order. `h1` continues from its value; `h2` restarts each event
 * from its value xor 0x9e3779b9, so the two differ on every event.
 *
 * Writing each event's JSON (`JSON.stringify`) and then walking the text twice cost more than the
 * whole simulation step it hashed. This file feeds the characters JSON.stringify would write
 * straight into both hashes at once, without building the text: integers digit by digit, strings
 * as they are unless they need escaping (then JSON.stringify writes that one string), objects'
 * own enumerable keys in the order JSON.stringify takes them. The result is bit for bit the hash
 * of `JSON.stringify(event)` (test/core/traceHash.test.ts holds it to that on hostile values).
 */
import type { Action, SimEvent } from './types.ts';
import { MESSAGE_TYPES } from './messageTypes.ts';

const PRIME = 0x01000193;
const H2_SALT = 0x9e3779b9;

/** Scratch space for a number's pairs of digits, lowest first. */
const pairs = new Int32Array(5);

/** The hashes being fed, as signed 32-bit integers (Math.imul's domain); one event at a time. */
let a = 0;
let b = 0;

function char(c: number): void {
  a = Math.imul(a ^ c, PRIME);
  b = Math.imul(b ^ c, PRIME);
}

/** Text that is already JSON (punctuation, literals, an escaped string). */
function raw(text: string): void {
  let x = a;
  let y = b;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    x = Math.imul(x ^ c, PRIME);
    y = Math.imul(y ^ c, PRIME);
  }
  a = x;
  b = y;
}

/** A string as JSON writes it: quoted, and escaped by JSON.stringify itself if it needs to be. */
function quoted(s: string): void {
  let x = Math.imul(a ^ 34, PRIME);
  let y = Math.imul(b ^ 34, PRIME);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Quote, backslash, control characters and surrogates: let JSON.stringify write it.
    if (c < 0x20 || c === 34 || c === 92 || (c & 0xf800) === 0xd800) {
      raw(JSON.stringify(s));
      return;
    }
    x = Math.imul(x ^ c, PRIME);
    y = Math.imul(y ^ c, PRIME);
  }
  a = Math.imul(x ^ 34, PRIME);
  b = Math.imul(y ^ 34, PRIME);
}

function number(n: number): void {
  // Whole numbers below 2^31 digit by digit; anything else as JSON writes it (fractions, huge
  // values, NaN and infinities as "null").
  const negative = n < 0;
  const m = negative ? -n : n;
  if ((m | 0) !== m) {
    raw(JSON.stringify(n));
    return;
  }
  let x = a;
  let y = b;
  if (negative) {
    x = Math.imul(x ^ 45, PRIME); // '-'
    y = Math.imul(y ^ 45, PRIME);
  }
  let rest = m; // -0 too, written "0"
  let count = 0;
  while (rest >= 100) {
    pairs[count++] = rest % 100;
    rest = (rest / 100) | 0;
  }
  // The leading one or two digits (rest < 100), then the pairs after them, each digit as one
  // FNV step. Each pair's tens are (pair · 103) >> 10, exact for 0 to 99. (A table of the hundred
  // pairs' steps by the hash's low byte took one step per pair, but it was 100 KB: in a running
  // simulation most lookups missed the L1 cache and cost more than the two steps they saved.)
  if (rest >= 10) {
    const tens = 48 + ((rest * 103) >> 10);
    const units = 48 + rest - (tens - 48) * 10;
    x = Math.imul(Math.imul(x ^ tens, PRIME) ^ units, PRIME);
    y = Math.imul(Math.imul(y ^ tens, PRIME) ^ units, PRIME);
  } else {
    x = Math.imul(x ^ (48 + rest), PRIME);
    y = Math.imul(y ^ (48 + rest), PRIME);
  }
  while (count > 0) {
    const pair = pairs[--count] as number;
    const tens = (pair * 103) >> 10;
    const c1 = 48 + tens;
    const c2 = 48 + pair - tens * 10;
    x = Math.imul(Math.imul(x ^ c1, PRIME) ^ c2, PRIME);
    y = Math.imul(Math.imul(y ^ c1, PRIME) ^ c2, PRIME);
  }
  a = x;
  b = y;
}

function value(v: unknown): void {
  switch (typeof v) {
    case 'number':
      number(v);
      return;
    case 'string':
      quoted(v);
      return;
    case 'boolean':
      raw(v ? 'true' : 'false');
      return;
    case 'object':
      if (v === null) raw('null');
      else if (Array.isArray(v)) array(v);
      else object(v as Record<string, unknown>);
      return;
    default:
      // undefined, functions, symbols and bigints: only inside arrays (as null) in events.
      raw(JSON.stringify([v]).slice(1, -1));
  }
}

function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function array(list: readonly unknown[]): void {
  char(91); // '['
  for (let i = 0; i < list.length; i++) {
    if (i > 0) char(44); // ','
    const item = list[i];
    if (skipped(item)) raw('null');
    else value(item);
  }
  char(93); // ']'
}

function object(o: Record<string, unknown>): void {
  // Anything but a plain object (a toJSON method, a class instance): as JSON.stringify writes it.
  const proto = Object.getPrototypeOf(o) as unknown;
  if ((proto !== Object.prototype && proto !== null) || typeof o.toJSON === 'function') {
    raw(JSON.stringify(o));
    return;
  }
  char(123); // '{'
  let first = true;
  // for-in lists own keys in JSON.stringify's order; inherited ones only if Object.prototype has
  // enumerable keys, which hashEvent rules out first.
  for (const key in o) {
    const item = o[key];
    if (skipped(item)) continue;
    if (!first) char(44); // ','
    first = false;
    quoted(key);
    char(58); // ':'
    value(item);
  }
  char(125); // '}'
}

/** Whether something added an enumerable key to Object.prototype (for-in would list it). */
function prototypeHasKeys(): boolean {
  for (const key in Object.prototype) if (key !== undefined) return true;
  return false;
}

export interface TraceState {
  h1: number;
  h2: number;
  events: number;
}

/** Adds one event to the trace: the same as hashing `JSON.stringify(event)` into h1 and h2. */
export function hashEvent(trace: TraceState, event: SimEvent): void {
  a = trace.h1 | 0;
  b = (trace.h2 ^ H2_SALT) | 0;
  if (prototypeHasKeys()) raw(JSON.stringify(event));
  else value(event);
  trace.h1 = a >>> 0;
  trace.h2 = b >>> 0;
  trace.events += 1;
}

/**
 * A constant piece of JSON (bytes below 256), fed in one step instead of one per character.
 *
 * FNV-1a's step is h → (h ^ c) · P (mod 2^32). For c < 256, h ^ c = h + d where d =
 * ((h & 255) ^ c) − (h & 255) depends on h's low byte alone, so the step is h·P + d·P; and the
 * low byte of the result depends only on the low byte of h (a product's low bits depend only on
 * its factors' low bits). So after the whole piece of L characters, h becomes h·P^L + T[h & 255],
 * with P^L and the 256 values of T worked out once here by running the piece from each low byte.
 * The same bits as feeding the characters one by one (test/core/traceHash.test.ts).
 */
interface Piece {
  /** P^L mod 2^32, as a signed 32-bit integer. */
  readonly m: number;
  /** What the piece adds, by the low byte the hash had before it. */
  readonly t: Int32Array;
}

function codes(text: string): Piece {
  let m = 1;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 255) throw new Error('a constant piece must be bytes below 256');
    m = Math.imul(m, PRIME);
  }
  const t = new Int32Array(256);
  for (let low = 0; low < 256; low++) {
    let h = low;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), PRIME);
    t[low] = (h - Math.imul(low, m)) | 0;
  }
  return { m, t };
}

function constant(piece: Piece): void {
  const t = piece.t;
  a = (Math.imul(a, piece.m) + (t[a & 255] as number)) | 0;
  b = (Math.imul(b, piece.m) + (t[b & 255] as number)) | 0;
}

const SEND = codes('{"type":"send","id":');
const DELIVER = codes('{"type":"deliver","id":');
const FROM = codes(',"from":');
const TO = codes(',"to":');
const MSG = codes(',"msg":');
const DELIVER_MS = codes(',"deliverMs":');
const DUPLICATE_TRUE = codes(',"duplicate":true');
const DUPLICATE_FALSE = codes(',"duplicate":false');
const TIME = codes(',"time":');
const COMMIT = codes('{"type":"commit","server":');
const APPLY = codes('{"type":"apply","server":');
const REPLICATE = codes('{"type":"replicate","server":');
const INDEX = codes(',"index":');
const COMMAND = codes(',"command":');
const RESULT = codes(',"result":');
const LEADER = codes(',"leader":');
const FROM_INDEX = codes(',"fromIndex":');
const TO_INDEX = codes(',"toIndex":');
const APPEND = codes('{"type":"append","server":');
const TERM = codes(',"term":');
const CLIENT_SEND = codes('{"type":"clientSend","client":');
const CLIENT_REPLY = codes('{"type":"clientReply","client":');
const SEQ = codes(',"seq":');
const SERVER = codes(',"server":');
const ATTEMPT = codes(',"attempt":');
const ACTION_AT = codes('{"type":"action","action":{"at":');
const DO_REQUEST = codes(',"do":"request"');
const CLIENT = codes(',"client":');
const ACTION_END_TIME = codes('},"time":');

/**
 * The messages' types (messageTypes.ts) as `,"msg":"…"` followed by the key after it in a send
 * (`,"deliverMs":`) and in a delivery (`,"time":`): one run of constant characters instead of
 * a string checked character by character for escapes. Any other text goes the general way.
 */
const MSG_THEN_DELIVER_MS = new Map<string, ReturnType<typeof codes>>(
  MESSAGE_TYPES.map((t) => [t, codes(`,"msg":${JSON.stringify(t)},"deliverMs":`)]),
);
const MSG_THEN_TIME = new Map<string, ReturnType<typeof codes>>(
  MESSAGE_TYPES.map((t) => [t, codes(`,"msg":${JSON.stringify(t)},"time":`)]),
);

function begin(trace: TraceState): void {
  a = trace.h1 | 0;
  b = (trace.h2 ^ H2_SALT) | 0;
}

function end(trace: TraceState, time: number): void {
  constant(TIME);
  number(time);
  char(125); // '}'
  trace.h1 = a >>> 0;
  trace.h2 = b >>> 0;
  trace.events += 1;
}

/**
 * hashEvent of `{ type: 'send', id, from, to, msg, deliverMs, duplicate, time }` (keys in that
 * order), written by hand for the most frequent event: no walk over its keys.
 */
export function hashSend(
  trace: TraceState,
  id: number,
  from: number,
  to: number,
  msg: string,
  deliverMs: number,
  duplicate: boolean,
  time: number,
): void {
  begin(trace);
  constant(SEND);
  route(id, from, to);
  const known = MSG_THEN_DELIVER_MS.get(msg);
  if (known !== undefined) constant(known);
  else {
    constant(MSG);
    quoted(msg);
    constant(DELIVER_MS);
  }
  number(deliverMs);
  constant(duplicate ? DUPLICATE_TRUE : DUPLICATE_FALSE);
  end(trace, time);
}

/** hashEvent of `{ type: 'deliver', id, from, to, msg, time }` (keys in that order). */
export function hashDeliver(
  trace: TraceState,
  id: number,
  from: number,
  to: number,
  msg: string,
  time: number,
): void {
  begin(trace);
  constant(DELIVER);
  route(id, from, to);
  const known = MSG_THEN_TIME.get(msg);
  if (known !== undefined) constant(known);
  else {
    constant(MSG);
    quoted(msg);
    constant(TIME);
  }
  endAfterTime(trace, time);
}

/** The `id`, `from` and `to` fields a send and a delivery share, in that order. */
function route(id: number, from: number, to: number): void {
  number(id);
  constant(FROM);
  number(from);
  constant(TO);
  number(to);
}

/** end() once `,"time":` is written. */
function endAfterTime(trace: TraceState, time: number): void {
  number(time);
  char(125); // '}'
  trace.h1 = a >>> 0;
  trace.h2 = b >>> 0;
  trace.events += 1;
}

/** hashEvent of `{ type: 'commit', server, index, time }` (keys in that order). */
export function hashCommit(trace: TraceState, server: number, index: number, time: number): void {
  begin(trace);
  constant(COMMIT);
  number(server);
  constant(INDEX);
  number(index);
  end(trace, time);
}

/** hashEvent of `{ type: 'apply', server, index, command, result, duplicate, time }`. */
export function hashApply(
  trace: TraceState,
  server: number,
  index: number,
  command: string,
  result: string,
  duplicate: boolean,
  time: number,
): void {
  begin(trace);
  constant(APPLY);
  number(server);
  constant(INDEX);
  number(index);
  constant(COMMAND);
  quoted(command);
  constant(RESULT);
  quoted(result);
  constant(duplicate ? DUPLICATE_TRUE : DUPLICATE_FALSE);
  end(trace, time);
}

/** hashEvent of `{ type: 'replicate', server, leader, fromIndex, toIndex, time }`. */
export function hashReplicate(
  trace: TraceState,
  server: number,
  leader: number,
  fromIndex: number,
  toIndex: number,
  time: number,
): void {
  begin(trace);
  constant(REPLICATE);
  number(server);
  constant(LEADER);
  number(leader);
  constant(FROM_INDEX);
  number(fromIndex);
  constant(TO_INDEX);
  number(toIndex);
  end(trace, time);
}

/** hashEvent of `{ type: 'append', server, index, term, command, time }`. */
export function hashAppend(
  trace: TraceState,
  server: number,
  index: number,
  term: number,
  command: string,
  time: number,
): void {
  begin(trace);
  constant(APPEND);
  number(server);
  constant(INDEX);
  number(index);
  constant(TERM);
  number(term);
  constant(COMMAND);
  quoted(command);
  end(trace, time);
}

/** hashEvent of `{ type: 'clientSend', client, seq, server, command, attempt, time }`. */
export function hashClientSend(
  trace: TraceState,
  client: number,
  seq: number,
  server: number,
  command: string,
  attempt: number,
  time: number,
): void {
  begin(trace);
  constant(CLIENT_SEND);
  number(client);
  constant(SEQ);
  number(seq);
  constant(SERVER);
  number(server);
  constant(COMMAND);
  quoted(command);
  constant(ATTEMPT);
  number(attempt);
  end(trace, time);
}

/** hashEvent of `{ type: 'clientReply', client, seq, server, result, time }`. */
export function hashClientReply(
  trace: TraceState,
  client: number,
  seq: number,
  server: number,
  result: string,
  time: number,
): void {
  begin(trace);
  constant(CLIENT_REPLY);
  number(client);
  constant(SEQ);
  number(seq);
  constant(SERVER);
  number(server);
  constant(RESULT);
  quoted(result);
  end(trace, time);
}

/**
 * hashEvent of `{ type: 'action', action: canonicalAction(action), time }` for the most frequent
 * action, a request whose own keys are among `at`, `do`, `server`, `command`, `client` (that
 * order: actionOrder.ts) with whole or fractional numbers and a string. Anything else (another
 * key, a null, an inherited key) hashes nothing and returns false: the caller takes the general
 * way.
 */
export function hashRequestAction(trace: TraceState, action: Action, time: number): boolean {
  if (action.do !== 'request') return false;
  const source = action as unknown as Record<string, unknown>;
  for (const key in source) {
    if (!Object.hasOwn(source, key)) return false;
    const v = source[key];
    switch (key) {
      case 'at':
        if (typeof v !== 'number') return false;
        break;
      case 'do':
        break;
      case 'command':
        if (typeof v !== 'string') return false;
        break;
      case 'server':
      case 'client':
        if (v !== undefined && typeof v !== 'number') return false;
        break;
      default:
        return false;
    }
  }
  if (typeof action.at !== 'number' || typeof action.command !== 'string') return false;
  begin(trace);
  constant(ACTION_AT);
  number(action.at);
  constant(DO_REQUEST);
  if (action.server !== undefined) {
    constant(SERVER);
    number(action.server);
  }
  constant(COMMAND);
  quoted(action.command);
  if (action.client !== undefined) {
    constant(CLIENT);
    number(action.client);
  }
  constant(ACTION_END_TIME);
  endAfterTime(trace, time);
  return true;
}
