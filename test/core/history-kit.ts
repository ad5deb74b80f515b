/**
 * Histories for the linearizability checker's tests: hand-made operations, and random histories
 * made linearizable by construction (a sequential run, then intervals drawn around each step).
 */
import { Prng } from '../../src/core/prng.ts';
import { step, type HistoryOp, type Value } from '../../src/core/linearizability.ts';
import { parseCommand } from '../../src/core/kv.ts';
import type { KeyCommand } from '../../src/core/linearizabilityExplain.ts';

/** `op(1, 'set x 1', 0, 10, 'ok')`: C1's next request; `responseMs` null for no answer. */
export function historyOf(
  ...ops: [
    client: number,
    command: string,
    invokeMs: number,
    responseMs: number | null,
    result: string | null,
  ][]
): HistoryOp[] {
  const seqs = new Map<number, number>();
  return ops.map(([client, command, invokeMs, responseMs, result]) => {
    const seq = (seqs.get(client) ?? 0) + 1;
    seqs.set(client, seq);
    return { client, seq, command, invokeMs, responseMs, result };
  });
}

export interface RandomHistoryOptions {
  seed: number;
  ops: number;
  clients: number;
  keys: number;
  /** One in this many operations gets no answer (it may or may not have run). */
  pendingOneIn: number;
}

const VALUES = ['1', '2', '3', 'a'];

function randomCommand(g: Prng, keys: number): string {
  const key = `k${g.below(keys)}`;
  const v = (): string => VALUES[g.below(VALUES.length)] as string;
  switch (g.below(6)) {
    case 0:
      return `set ${key} ${v()}`;
    case 1:
    case 2:
      return `get ${key}`;
    case 3:
      return `del ${key}`;
    case 4:
      return `incr ${key}`;
    default:
      return `cas ${key} ${v()} ${v()}`;
  }
}

interface Planned {
  op: HistoryOp;
  /** When it takes effect; null: never. */
  atMs: number | null;
}

/**
 * A linearizable history: each client sends one request at a time; each request takes effect at
 * a point inside its interval, in that order, on one store. Unanswered requests take effect or
 * not.
 */
export function randomHistory(o: RandomHistoryOptions): HistoryOp[] {
  const g = new Prng(o.seed, 'history');
  const planned: Planned[] = [];
  const perSlot = Math.ceil(o.ops / o.clients);
  let nextClient = o.clients + 1;
  for (let slot = 1; slot <= o.clients; slot++) {
    let [client, seq, t] = [slot, 0, g.range(0, 20)];
    for (let n = 0; n < perSlot && planned.length < o.ops; n++) {
      const invokeMs = t;
      const atMs = invokeMs + g.range(1, 40);
      const responseMs = atMs + g.range(1, 40);
      const pending = g.below(o.pendingOneIn) === 0;
      seq += 1;
      const command = randomCommand(g, o.keys);
      const op: HistoryOp = {
        client,
        seq,
        command,
        invokeMs,
        responseMs: pending ? null : responseMs,
        result: null,
      };
      planned.push({ op, atMs: pending && g.chance(1, 2) ? null : atMs });
      // A client never answered keeps retrying: a new client takes its place.
      if (pending) [client, seq] = [nextClient++, 0];
      t = responseMs + g.range(0, 30);
    }
  }
  runInOrder(planned);
  return planned.map((p) => p.op).sort((a, b) => a.invokeMs - b.invokeMs);
}

function runInOrder(planned: Planned[]): void {
  const store = new Map<string, Value>();
  const effective = planned.filter((p) => p.atMs !== null);
  effective.sort((a, b) => (a.atMs as number) - (b.atMs as number));
  for (const p of effective) {
    const command = parseCommand(p.op.command) as KeyCommand;
    const after = step(command, store.get(command.key) ?? null);
    store.set(command.key, after.value);
    if (p.op.responseMs !== null) p.op.result = after.result;
  }
}
