/**
 * A linearizability checker for the client history (the rule catalogue INV-C2, thesis §6.4), in the manner of
 * Knossos and Porcupine: Wing and Gong's search for a sequential order that respects real time and
 * explains every answer, with Lowe's memoization (a state already explored, meaning the same set of
 * operations placed and the same store contents, is not explored again).
 *
 * Every command touches one key, so keys are checked one by one (P-compositionality: a history is
 * linearizable if and only if each key's sub-history is). For one key the store is a single value.
 *
 * Pending operations (no answer seen) may have taken effect at any time after their invocation, or
 * never. They are searched like the others, with their answer unconstrained; "never" is the same as
 * "after every answered operation", so the search succeeds once every answered operation is placed.
 *
 * Cost: each attempt to place an operation is a step; a key's search stops after a step budget and
 * the key is reported inconclusive rather than hanging. The search is linear in the history when
 * operations do not overlap, and exponential only in how many overlap at once.
 */
import { parseCommand } from './kv.ts';
import {
  explainViolation,
  step,
  type KeyCommand,
  type KeyOp,
  type KeyViolation,
  type Value,
} from './linearizabilityExplain.ts';
import type { HistoryOp } from './history.ts';
import type { ViolationSummary } from './types.ts';

export {
  HISTORY_MAX_OPS,
  HistoryRecorder,
  INITIAL_LOG_CLIENT,
  type HistoryListener,
  historyFromEvents,
  initialLogOps,
  type HistoryOp,
} from './history.ts';
export { step, type KeyViolation, type Value } from './linearizabilityExplain.ts';

export const LINEARIZABILITY_LIMITS = {
  /** Search steps (one operation tried at one point of an order) for one key. */
  stepsPerKey: 500_000,
  /** Search steps for the whole history. */
  steps: 1_000_000,
  /** Violations described; the check stops after this many keys fail. */
  violations: 10,
} as const;

export interface CheckOptions {
  stepsPerKey?: number;
  steps?: number;
}

/** A key the search could not decide within its budget: neither linearizable nor not. */
export interface KeyInconclusive {
  key: string;
  operations: number;
  steps: number;
  reason: string;
}

export interface LinearizabilityResult {
  /** `violation` if any key fails, else `inconclusive` if any key was not decided, else `ok`. */
  status: 'ok' | 'violation' | 'inconclusive';
  violations: KeyViolation[];
  inconclusive: KeyInconclusive[];
  /** Keys and key-value operations in the history; search steps spent. */
  keys: number;
  operations: number;
  steps: number;
}

/** Checks every key of the history; see the module comment. Throws RangeError on bad times. */
export function checkLinearizable(
  history: readonly HistoryOp[],
  options: CheckOptions = {},
): LinearizabilityResult {
  const perKey = options.stepsPerKey ?? LINEARIZABILITY_LIMITS.stepsPerKey;
  const total = options.steps ?? LINEARIZABILITY_LIMITS.steps;
  const groups = groupByKey(history);
  const useOrder = history.every(hasOrder);
  const result: LinearizabilityResult = {
    status: 'ok',
    violations: [],
    inconclusive: [],
    keys: groups.size,
    operations: 0,
    steps: 0,
  };
  for (const [key, ops] of groups) {
    result.operations += ops.length;
    if (result.violations.length >= LINEARIZABILITY_LIMITS.violations) continue;
    const budget = Math.min(perKey, total - result.steps);
    const search = new KeySearch(ops, useOrder);
    const outcome = budget > 0 ? search.run(budget) : null;
    result.steps += search.steps;
    if (outcome === null || outcome === 'budget') {
      const reason =
        outcome === null
          ? 'the search budget of the whole history was spent'
          : `no decision within ${budget} search steps`;
      result.inconclusive.push({ key, operations: ops.length, steps: search.steps, reason });
    } else if (outcome !== 'ok') {
      result.violations.push(explainViolation(key, search.ops, outcome));
    }
  }
  if (result.violations.length > 0) result.status = 'violation';
  else if (result.inconclusive.length > 0) result.status = 'inconclusive';
  return result;
}

/** INV-C2 violations in the shape of the `--json` contract (one per key that fails). */
export function linearizabilityViolations(result: LinearizabilityResult): ViolationSummary[] {
  return result.violations.map((v) => ({
    invariant: 'INV-C2',
    time: v.time,
    servers: v.stuck.server === undefined ? [] : [v.stuck.server],
    message: v.message,
  }));
}

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

function hasOrder(op: HistoryOp): boolean {
  return op.invokeOrder !== undefined && (op.responseMs === null || op.responseOrder !== undefined);
}

function validTimes(op: HistoryOp): boolean {
  if (!Number.isFinite(op.invokeMs)) return false;
  if (op.responseMs === null) return true;
  if (!Number.isFinite(op.responseMs) || op.responseMs < op.invokeMs) return false;
  const [from, to] = [op.invokeOrder, op.responseOrder];
  return from === undefined || to === undefined || op.responseMs > op.invokeMs || to > from;
}

/** Key-value operations by key, in order of first appearance; other commands are left out. */
function groupByKey(history: readonly HistoryOp[]): Map<string, HistoryOp[]> {
  const groups = new Map<string, HistoryOp[]>();
  for (const op of history) {
    if (!validTimes(op)) {
      throw new RangeError(
        `C${op.client}'s request ${op.seq} (${op.command}) is answered before it is sent`,
      );
    }
    const command = parseCommand(op.command);
    if (command === null || command.op === 'noop') continue;
    // A read whose answer nobody saw constrains nothing.
    if (command.op === 'get' && (op.responseMs === null || op.result === null)) continue;
    const list = groups.get(command.key);
    if (list === undefined) groups.set(command.key, [op]);
    else list.push(op);
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// The search for one key
// ---------------------------------------------------------------------------------------------

type Step = ReturnType<typeof step>;

interface Frame {
  /** Operations that may come next, in the order they are tried. */
  candidates: number[];
  next: number;
  /** The operation placed at this point, or -1. */
  chosen: number;
  value: Value;
  /** The placement bookkeeping before this point, restored when backtracking. */
  done: number;
  doneAbove: number;
}

interface TimedEvent {
  op: number;
  call: boolean;
  ms: number;
  order: number;
}

function compareEvents(useOrder: boolean) {
  return (a: TimedEvent, b: TimedEvent): number => {
    if (a.ms !== b.ms) return a.ms - b.ms;
    if (useOrder) return a.order - b.order;
    // Without event positions, operations that touch at one millisecond overlap.
    if (a.call !== b.call) return a.call ? -1 : 1;
    return a.op - b.op;
  };
}

/**
 * Wing and Gong's search over one key. The key's invocations and answers form a doubly linked
 * list in time order; placing an operation unlinks both of its events, and the operations that may
 * come next are the invocations before the first answer still in the list. A dead end backtracks
 * to the previous choice. The answered operations placed are summarized as "all of the first
 * `done` (in invocation order) plus these few above", which is exact and short: an operation above
 * the first unplaced one must overlap it.
 */
class KeySearch {
  readonly ops: KeyOp[];
  steps = 0;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly eventOp: Int32Array;
  private readonly head: number;
  /** Per operation: rank among answered operations (or pending ones), in invocation order. */
  private readonly rank: Int32Array;
  private readonly answered: number;
  /** Per operation: 1 if its answer, wherever it fits, means it left the value unchanged. */
  private readonly readOnly: Uint8Array;
  private readonly placedAnswered: Uint8Array;
  private readonly placedPending: Uint8Array;
  private done = 0;
  private doneAbove = 0;
  private left: number;
  private readonly seen = new Set<string>();
  private readonly memo: Map<Value, Step>[];
  private best: number[] = [];
  private bestPlaced = 0;
  private bestPending = false;

  constructor(history: readonly HistoryOp[], useOrder: boolean) {
    const line = timeline(history, useOrder);
    this.ops = line.ops;
    this.next = line.next;
    this.prev = line.prev;
    this.eventOp = line.eventOp;
    this.head = line.eventOp.length;
    this.rank = new Int32Array(this.ops.length);
    let answered = 0;
    let pending = 0;
    for (const [id, k] of this.ops.entries())
      this.rank[id] = k.returnAt >= 0 ? answered++ : pending++;
    this.answered = answered;
    this.memo = this.ops.map(() => new Map<Value, Step>());
    this.readOnly = Uint8Array.from(this.ops, (k) => (leavesValue(k) ? 1 : 0));
    this.left = answered;
    this.placedAnswered = new Uint8Array(answered + 1);
    this.placedPending = new Uint8Array(pending);
  }

  /** 'ok', 'budget', or the longest order found (operation numbers) when none explains all. */
  run(budget: number): 'ok' | 'budget' | number[] {
    if (this.left === 0) return 'ok';
    const frames: Frame[] = [this.frame(null)];
    while (frames.length > 0) {
      const top = frames[frames.length - 1] as Frame;
      if (top.chosen >= 0) this.unplace(top);
      const child = this.advance(top, budget);
      if (child === 'ok' || child === 'budget') return child;
      if (child !== null) {
        frames.push(child);
        continue;
      }
      if (this.bestPending) this.keepBest(frames);
      frames.pop();
    }
    return this.best;
  }

  private frame(value: Value): Frame {
    const at = { next: 0, chosen: -1, value, done: this.done, doneAbove: this.doneAbove };
    const answered: number[] = [];
    const pending: number[] = [];
    for (let e = this.next[this.head] as number; e >= 0; e = this.next[e] as number) {
      const id = this.eventOp[e] as number;
      const k = this.ops[id] as KeyOp;
      if (k.callAt !== e) break; // the first answer still waiting: nothing after it comes first
      // An answer that fits and changes nothing can go first: any order placing it later stays
      // valid with it moved here (nothing left must precede it, and it leaves the value alone).
      if (this.readOnly[id] === 1 && this.run1(id, value).result === k.op.result) {
        return { ...at, candidates: [id] };
      }
      if (k.returnAt >= 0) answered.push(id);
      else if (!pending.some((other) => (this.ops[other] as KeyOp).op.command === k.op.command)) {
        // Of unanswered operations alike, only the first sent needs trying: any order that
        // places a later one here stays valid with the two swapped.
        pending.push(id);
      }
    }
    // The operation answered first must be placed soonest; pending ones only if an answer needs them.
    answered.sort((a, b) => (this.ops[a] as KeyOp).returnAt - (this.ops[b] as KeyOp).returnAt);
    return { ...at, candidates: answered.concat(pending) };
  }

  /** Tries the frame's next candidates; the frame after the first that fits, or null if none. */
  private advance(f: Frame, budget: number): Frame | 'ok' | 'budget' | null {
    while (f.next < f.candidates.length) {
      const id = f.candidates[f.next++] as number;
      if (++this.steps > budget) return 'budget';
      const k = this.ops[id] as KeyOp;
      const after = this.run1(id, f.value);
      if (k.returnAt < 0) {
        // Unanswered and changing nothing here: leaving it unplaced keeps more orders open.
        if (after.value === f.value) continue;
      } else if (k.op.result !== null && after.result !== k.op.result) {
        continue;
      }
      this.mark(id);
      const key = this.stateKey(after.value);
      if (this.seen.has(key)) {
        this.unmark(id, f);
        continue;
      }
      this.seen.add(key);
      this.unlink(id);
      f.chosen = id;
      if (this.left === 0) return 'ok';
      if (this.answered - this.left > this.bestPlaced) {
        this.bestPlaced = this.answered - this.left;
        this.bestPending = true;
      }
      return this.frame(after.value);
    }
    return null;
  }

  /** `step`, remembered per operation and value (the store's own code, without its cost). */
  private run1(id: number, value: Value): Step {
    const memo = this.memo[id] as Map<Value, Step>;
    let after = memo.get(value);
    if (after === undefined) {
      after = step((this.ops[id] as KeyOp).command, value);
      memo.set(value, after);
    }
    return after;
  }

  private unplace(f: Frame): void {
    this.relink(f.chosen);
    this.unmark(f.chosen, f);
    f.chosen = -1;
  }

  private mark(id: number): void {
    const r = this.rank[id] as number;
    if ((this.ops[id] as KeyOp).returnAt < 0) {
      this.placedPending[r] = 1;
      return;
    }
    this.left -= 1;
    this.placedAnswered[r] = 1;
    while (this.placedAnswered[this.done] === 1) this.done += 1;
    this.doneAbove = Math.max(this.doneAbove, r + 1);
  }

  private unmark(id: number, f: Frame): void {
    const r = this.rank[id] as number;
    if ((this.ops[id] as KeyOp).returnAt < 0) {
      this.placedPending[r] = 0;
      return;
    }
    this.left += 1;
    this.placedAnswered[r] = 0;
    this.done = f.done;
    this.doneAbove = f.doneAbove;
  }

  /** The explored-state key: the operations placed and the value. The value goes last. */
  private stateKey(value: Value): string {
    let key = `${this.done}`;
    for (let r = this.done + 1; r < this.doneAbove; r++) {
      if (this.placedAnswered[r] === 1) key += `,${r}`;
    }
    key += '|';
    for (let r = 0; r < this.placedPending.length; r++) {
      if (this.placedPending[r] === 1) key += `${r},`;
    }
    return value === null ? `${key}|-` : `${key}|=${value}`;
  }

  private unlink(id: number): void {
    const k = this.ops[id] as KeyOp;
    this.unlinkEvent(k.callAt);
    if (k.returnAt >= 0) this.unlinkEvent(k.returnAt);
  }

  /** Undoes `unlink` (dancing links: the last unlinked is relinked first). */
  private relink(id: number): void {
    const k = this.ops[id] as KeyOp;
    if (k.returnAt >= 0) this.relinkEvent(k.returnAt);
    this.relinkEvent(k.callAt);
  }

  private unlinkEvent(e: number): void {
    const [p, n] = [this.prev[e] as number, this.next[e] as number];
    this.next[p] = n;
    if (n >= 0) this.prev[n] = p;
  }

  private relinkEvent(e: number): void {
    const [p, n] = [this.prev[e] as number, this.next[e] as number];
    this.next[p] = e;
    if (n >= 0) this.prev[n] = e;
  }

  /** Records the current order as the longest so far, without trailing pending operations. */
  private keepBest(frames: readonly Frame[]): void {
    const order = frames.map((f) => f.chosen).filter((id) => id >= 0);
    while (
      order.length > 0 &&
      (this.ops[order[order.length - 1] as number] as KeyOp).returnAt < 0
    ) {
      order.pop();
    }
    this.best = order;
    this.bestPending = false;
  }
}

/**
 * Whether an answered operation, at any point where its answer fits, leaves the value as it was:
 * a read, a `del` of an unset key, a `cas` that failed or that swapped a value for itself.
 */
function leavesValue(k: KeyOp): boolean {
  const { command, op } = k;
  if (op.responseMs === null || op.result === null) return false;
  switch (command.op) {
    case 'get':
      return true;
    case 'del':
      return op.result === '(nil)';
    case 'cas':
      return op.result.startsWith('fail: ') || command.expected === command.value;
    default:
      return false;
  }
}

/**
 * The key's invocations and answers in time order, as a doubly linked list: event e links to
 * next[e] and prev[e] (-1: none); the head is event number `eventOp.length`.
 */
function timeline(history: readonly HistoryOp[], useOrder: boolean) {
  const events: TimedEvent[] = [];
  history.forEach((op, i) => {
    events.push({ op: i, call: true, ms: op.invokeMs, order: op.invokeOrder ?? 0 });
    if (op.responseMs !== null) {
      events.push({ op: i, call: false, ms: op.responseMs, order: op.responseOrder ?? 0 });
    }
  });
  events.sort(compareEvents(useOrder));
  const ops = numberOps(history, events);
  const count = events.length;
  const next = new Int32Array(count + 1);
  const prev = new Int32Array(count + 1);
  const eventOp = new Int32Array(count);
  next[count] = count > 0 ? 0 : -1;
  for (let e = 0; e < count; e++) {
    next[e] = e + 1 < count ? e + 1 : -1;
    prev[e] = e === 0 ? count : e - 1;
  }
  for (const [id, k] of ops.entries()) {
    eventOp[k.callAt] = id;
    if (k.returnAt >= 0) eventOp[k.returnAt] = id;
  }
  return { ops, next, prev, eventOp };
}

/** The key's operations numbered in invocation order, with their events' ranks. */
function numberOps(history: readonly HistoryOp[], events: readonly TimedEvent[]): KeyOp[] {
  const ids = new Int32Array(history.length);
  const ops: KeyOp[] = [];
  events.forEach((e, at) => {
    const op = history[e.op] as HistoryOp;
    if (e.call) {
      ids[e.op] = ops.length;
      const command = parseCommand(op.command) as KeyCommand;
      ops.push({ op, command, callAt: at, returnAt: -1 });
    } else {
      (ops[ids[e.op] as number] as KeyOp).returnAt = at;
    }
  });
  return ops;
}
