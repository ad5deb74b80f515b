/**
 * The search behind the lab's client history check (historyCheck.ts): the clients' history kept
 * up to date event by event and checked key by key with the core's linearizability checker. The
 * served build loads it after the first paint (historyEngineLazy.ts); until then the check waits.
 */
import { parseCommand } from '../core/kv.ts';
import {
  HistoryRecorder,
  LINEARIZABILITY_LIMITS,
  checkLinearizable,
  linearizabilityViolations,
  type HistoryOp,
  type LinearizabilityResult,
} from '../core/linearizability.ts';
import type { Violation } from '../core/types.ts';
import type { ClientLogSource } from './historyCheck.ts';

/**
 * Search budgets for the lab, below the CLI's: a key the search cannot decide within them is left
 * undecided (never reported), so a pathological history costs at most a few milliseconds.
 */
export const HISTORY_CHECK_BUDGET = { steps: 200_000, stepsPerKey: 100_000 } as const;

/**
 * Brings the history to the source's position and checks it: the violations found, each with
 * the parts of its explanation (so the lab can tell it in the reader's language), not frozen.
 */
export function historyViolations(
  history: IncrementalHistory,
  source: ClientLogSource,
): Violation[] {
  history.sync(source);
  const result = history.check(HISTORY_CHECK_BUDGET);
  return linearizabilityViolations(result).map((v, i) => {
    const parts = result.violations[i]?.parts;
    return parts === undefined ? { ...v, indexes: [] } : { ...v, indexes: [], explanation: parts };
  });
}

/** One key's operations, in invocation order, and what is known of them. */
interface KeyHistory {
  ops: HistoryOp[];
  /** Each operation's place in the whole history (orders the keys as the full check does). */
  at: number[];
  /**
   * The index of the key's last cut: the operations before it are known to be linearizable and
   * need no search again (see `findCuts`). 0: none yet.
   */
  cut: number;
  /** Whether an operation was added or answered since the key's last search. */
  dirty: boolean;
  /** The key's result at its last search. */
  outcome: LinearizabilityResult | null;
}

/**
 * The clients' history of the recorder's current position, kept up to date by appending the
 * client events reached since the last sync, with the rules of the core's HistoryRecorder
 * (history.ts: the same operations, fields and orders as `Recorder.historyAt()`, which the
 * tests compare it with); rebuilt when the position went back or the log was cut or replaced.
 *
 * Its check is the core's linearizability check key by key (P-compositionality: the history is
 * linearizable if and only if each key's is), searching only keys that changed, and each from its
 * last cut. A cut is an answered `set` that overlaps no other operation of its key, with every
 * operation before it answered: any order places all those before it and all later ones after
 * it, and after it the value is the one it set whatever came before. So the key's history is
 * linearizable if and only if the part before the cut is and the part from the cut on is, checked
 * alone from an unset key (the `set` answers `ok` on any value). Such a cut stays a cut as the
 * history grows (later operations are sent after the `set` was answered), so the part before it is
 * never searched again. A pending operation (no answer, or an error) may take effect at any later
 * time: no cut after it, and its key is searched from the last cut before it. A key that fails is
 * searched again whole, so its explanation is the one the full check gives.
 */
export class IncrementalHistory {
  private version = -1;
  /** Client events of the log read so far. */
  private count = 0;
  private ops: HistoryOp[] = [];
  /** The core's recorder builds the operations; this class follows what it adds and answers. */
  private recorder = new HistoryRecorder();
  private keyOf = new Map<HistoryOp, KeyHistory>();
  /** Keys in order of first appearance. */
  private keys = new Map<string, KeyHistory>();
  /** Rebuilds so far (seeks back, forks, new runs); for tests. */
  rebuilds = 0;
  /** Operations the last check searched (what it cost); for tests and the bench. */
  searched = 0;

  /** Brings the history to the source's current position: appends, or rebuilds when it must. */
  sync(source: ClientLogSource): void {
    const { version, count } = source.clientLog;
    if (version !== this.version || count < this.count) this.rebuild(source, version);
    for (let i = this.count; i < count; i++) this.recorder.observe(source.clientEventAt(i), i);
    this.count = count;
  }

  /** Operations behind their key's last cut: never searched again. */
  get settled(): number {
    let n = 0;
    for (const k of this.keys.values()) n += k.cut;
    return n;
  }

  /** The history so far (copies of the operations), as `Recorder.historyAt()` gives it. */
  history(): HistoryOp[] {
    return this.ops.map((op) => ({ ...op }));
  }

  /**
   * The linearizability check of the whole history (violations as `checkLinearizable` reports
   * them, in the same order), searching only what changed since the last check.
   */
  check(budget: { steps: number; stepsPerKey: number }): LinearizabilityResult {
    let steps = 0;
    this.searched = 0;
    const result: LinearizabilityResult = {
      status: 'ok',
      violations: [],
      inconclusive: [],
      keys: this.keys.size,
      operations: this.ops.length,
      steps: 0,
    };
    const failing: KeyHistory[] = [];
    for (const k of this.keys.values()) {
      if (k.dirty && steps < budget.steps) {
        const limits = { steps: budget.steps - steps, stepsPerKey: budget.stepsPerKey };
        const before = k.cut;
        steps += searchKey(k, limits);
        this.searched += k.ops.length - before;
      }
      if (k.outcome === null || k.dirty) {
        result.status = 'inconclusive';
        continue;
      }
      if (k.outcome.violations.length > 0) failing.push(k);
      if (k.outcome.inconclusive.length > 0) result.inconclusive.push(...k.outcome.inconclusive);
    }
    // The full check takes keys in order of their first operation it keeps (not a read without
    // an answer), and describes at most LINEARIZABILITY_LIMITS.violations of them.
    failing.sort((a, b) => firstKept(a) - firstKept(b));
    for (const k of failing.slice(0, LINEARIZABILITY_LIMITS.violations)) {
      result.violations.push(...(k.outcome as LinearizabilityResult).violations);
    }
    result.steps = steps;
    if (result.violations.length > 0) result.status = 'violation';
    else if (result.inconclusive.length > 0) result.status = 'inconclusive';
    return result;
  }

  private rebuild(source: ClientLogSource, version: number): void {
    this.rebuilds++;
    this.version = version;
    this.count = 0;
    this.ops = [];
    this.keyOf = new Map();
    this.keys = new Map();
    this.recorder = new HistoryRecorder(source.initialServers ?? [], {
      added: (op) => this.add(op),
      answered: (op) => {
        const k = this.keyOf.get(op);
        if (k !== undefined) k.dirty = true;
      },
    });
  }

  private add(op: HistoryOp): void {
    const command = parseCommand(op.command);
    const key = command === null || command.op === 'noop' ? '' : command.key;
    let k = this.keys.get(key);
    if (k === undefined) {
      k = { ops: [], at: [], cut: 0, dirty: true, outcome: null };
      this.keys.set(key, k);
    }
    k.ops.push(op);
    k.at.push(this.ops.length);
    k.dirty = true;
    this.keyOf.set(op, k);
    this.ops.push(op);
  }
}

/** The place in the history of the key's first operation the full check keeps. */
function firstKept(k: KeyHistory): number {
  for (let i = 0; i < k.ops.length; i++) {
    const op = k.ops[i] as HistoryOp;
    if (!(parseCommand(op.command)?.op === 'get' && (op.responseMs === null || op.result === null)))
      return k.at[i] as number;
  }
  return Number.MAX_SAFE_INTEGER;
}

/**
 * The cuts of a key's operations from `from` on (see IncrementalHistory): indexes of answered
 * `set`s that overlap no other operation, with every operation since `from` answered before.
 */
export function findCuts(ops: readonly HistoryOp[], from: number): number[] {
  const cuts: number[] = [];
  let lastAnswer = Number.NEGATIVE_INFINITY;
  for (let p = from + 1; p < ops.length; p++) {
    const before = ops[p - 1] as HistoryOp;
    // A pending operation may take effect at any later time: nothing after it is a cut.
    if (before.responseMs === null || before.responseOrder === undefined) break;
    lastAnswer = Math.max(lastAnswer, before.responseOrder);
    const op = ops[p] as HistoryOp;
    if (op.responseMs === null || op.responseOrder === undefined || op.invokeOrder === undefined)
      continue;
    if (!(lastAnswer < op.invokeOrder)) continue;
    const after = ops[p + 1];
    if (after !== undefined && !((after.invokeOrder ?? -Infinity) > op.responseOrder)) continue;
    if (parseCommand(op.command)?.op !== 'set') continue;
    cuts.push(p);
  }
  return cuts;
}

/** Searches a key from its last cut; moves the cut on; returns the search steps spent. */
function searchKey(k: KeyHistory, limits: { steps: number; stepsPerKey: number }): number {
  const cuts = findCuts(k.ops, k.cut);
  const bounds = [k.cut, ...cuts, k.ops.length];
  let steps = 0;
  let outcome: LinearizabilityResult | null = null;
  let cut = k.cut;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const part = checkLinearizable(k.ops.slice(bounds[i], bounds[i + 1]), {
      steps: limits.steps - steps,
      stepsPerKey: limits.stepsPerKey,
    });
    steps += part.steps;
    outcome = part;
    if (part.status !== 'ok') break;
    // The part is linearizable: the next cut closes it for good.
    if (i + 2 < bounds.length) cut = bounds[i + 1] as number;
  }
  if (outcome !== null && outcome.status === 'violation') {
    // Explained from the whole key, as the full check does (its counts name every operation).
    outcome = checkLinearizable(k.ops, limits);
    steps += outcome.steps;
  }
  k.cut = cut;
  k.outcome = outcome;
  k.dirty = false;
  return steps;
}
