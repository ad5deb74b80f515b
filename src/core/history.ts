/**
 * The client history of a run (the rule catalogue INV-C2): every key-value command a client sent, when it
 * sent it and what it was answered, as the clients saw it. The linearizability checker
 * (linearizability.ts) judges it; it knows nothing of servers, logs or messages.
 *
 * What counts:
 * - the invocation is the client's first `clientSend` of a (client, seq) (attempt 1); retries of
 *   the same (client, seq) are the same operation, which must take effect at most once (C-2);
 * - the response is its `clientReply` (the answer the client took). Late replies are ignored;
 * - membership admin commands (`addServer 6`, ...) and `noop` are not key-value operations;
 * - an answer that is not the command's result (`error: ...`, `refused: ...`) says nothing certain
 *   about whether the command ran: a retry the state machine saw as stale may have run before.
 *   Such an operation stays pending (it may or may not have taken effect), never "not run", which
 *   could raise a false alarm;
 * - commands already in the initial logs (a scenario loaded as a figure) may be applied at any
 *   time once committed: each distinct initial entry is a pending operation of the pseudo-client
 *   0, invoked at 0 ms.
 */
import { parseCommand } from './kv.ts';
import { parseAdmin } from './membership.ts';
import type { ClientId, InitialServerState, ServerId, SimEvent, TimeMs } from './types.ts';

/** One key-value operation as its client saw it. */
export interface HistoryOp {
  /** The client; 0 for a command of the initial logs (INITIAL_LOG_CLIENT). */
  client: ClientId;
  /** The client's sequence number; for an initial-log command, its log index. */
  seq: number;
  /** `set K V`, `get K`, `del K`, `incr K` or `cas K OLD NEW` (kv.ts). */
  command: string;
  invokeMs: TimeMs;
  /** null: no answer seen, so it may have taken effect at any time after invokeMs, or never. */
  responseMs: TimeMs | null;
  /** The answer (kv.ts `execute`); null with an answer time means "answered, result unknown". */
  result: string | null;
  /** The server that answered, if known (named in the violation). */
  server?: ServerId;
  /**
   * Positions of the invocation and the response in the event stream. When every operation has
   * them, they order events of the same millisecond; otherwise operations that touch at one
   * millisecond count as overlapping.
   */
  invokeOrder?: number;
  responseOrder?: number;
}

/** The pseudo-client of commands that were already in the initial logs. */
export const INITIAL_LOG_CLIENT = 0;

/**
 * Operations a recorder keeps (put a limit on everything). Past it, new invocations and every
 * later answer are ignored, so what is kept stays a sound history: the operations in flight at
 * the cut become pending, and nothing invoked later can be missing from an explanation.
 */
export const HISTORY_MAX_OPS = 200_000;

const isKvCommand = (command: string): boolean => {
  const parsed = parseCommand(command);
  return parsed !== null && parsed.op !== 'noop' && parseAdmin(command) === null;
};

/** Whether an answer is the result of running the command (not an error or a refusal). */
const isResult = (answer: string): boolean =>
  !answer.startsWith('error:') && !answer.startsWith('refused:');

/**
 * Told of each operation a HistoryRecorder keeps, when it is added and when its answer arrives
 * (the same object, changed in place): how the lab's incremental check follows the history.
 */
export interface HistoryListener {
  added(op: HistoryOp): void;
  answered(op: HistoryOp): void;
}

/** Builds a history event by event; subscribe it with `sim.onEvent = (e) => rec.observe(e)`. */
export class HistoryRecorder {
  private readonly ops: HistoryOp[] = [];
  private readonly byRequest = new Map<string, HistoryOp>();
  private position = 0;
  private full = false;

  constructor(
    initial?: readonly InitialServerState[],
    private readonly listener?: HistoryListener,
  ) {
    if (initial !== undefined) for (const op of initialLogOps(initial)) this.keep(op);
  }

  /** Whether the recorder stopped at HISTORY_MAX_OPS. */
  get truncated(): boolean {
    return this.full;
  }

  /**
   * Takes the next event of the run. `order` is its place among the events observed, counted by
   * the recorder unless given (the lab gives each client event's place in its client log).
   */
  observe(e: SimEvent, order: number = this.position): void {
    this.position = order + 1;
    if (this.full) return;
    if (e.type === 'clientSend') this.invoke(e, order);
    else if (e.type === 'clientReply') this.respond(e, order);
  }

  /** The history so far, in invocation order (the operations are copies). */
  history(): HistoryOp[] {
    return this.ops.map((op) => ({ ...op }));
  }

  private invoke(e: Extract<SimEvent, { type: 'clientSend' }>, order: number): void {
    const key = `${e.client}/${e.seq}`;
    if (this.byRequest.has(key) || !isKvCommand(e.command)) return;
    if (this.ops.length >= HISTORY_MAX_OPS) {
      this.full = true;
      return;
    }
    const op: HistoryOp = {
      client: e.client,
      seq: e.seq,
      command: e.command,
      invokeMs: e.time,
      responseMs: null,
      result: null,
      invokeOrder: order,
    };
    this.byRequest.set(key, op);
    this.keep(op);
  }

  private keep(op: HistoryOp): void {
    this.ops.push(op);
    this.listener?.added(op);
  }

  private respond(e: Extract<SimEvent, { type: 'clientReply' }>, order: number): void {
    const op = this.byRequest.get(`${e.client}/${e.seq}`);
    if (op === undefined || op.responseMs !== null || !isResult(e.result)) return;
    op.responseMs = e.time;
    op.responseOrder = order;
    op.result = e.result;
    op.server = e.server;
    this.listener?.answered(op);
  }
}

/** The history of a run from its events (and its initial logs, if it had any). */
export function historyFromEvents(
  events: Iterable<SimEvent>,
  initial?: readonly InitialServerState[],
): HistoryOp[] {
  const recorder = new HistoryRecorder(initial);
  for (const e of events) recorder.observe(e);
  return recorder.history();
}

/**
 * Each distinct key-value entry of the initial logs as a pending operation: it may be applied at
 * any time (if committed) or never. Entries with the same index and term are the same entry (Log
 * Matching), so they count once.
 */
export function initialLogOps(initial: readonly InitialServerState[]): HistoryOp[] {
  const seen = new Set<string>();
  const ops: HistoryOp[] = [];
  for (const server of initial) {
    server.log.forEach(([term, command], i) => {
      const id = `${i + 1}/${term}/${command}`;
      if (seen.has(id) || !isKvCommand(command)) return;
      seen.add(id);
      ops.push({
        client: INITIAL_LOG_CLIENT,
        seq: i + 1,
        command,
        invokeMs: 0,
        responseMs: null,
        result: null,
        invokeOrder: -1,
      });
    });
  }
  return ops;
}
