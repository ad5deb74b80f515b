/**
 * A bench for the invariant checker alone (the rule catalogue §2): servers built by hand, changed by hand
 * between steps, and `checkStep` run after each change with the events the change stands for.
 * It lets a test break Raft in ways no toggle does, to show that each check fires, in the
 * init / act / check shape of the other tests.
 */
import { expect } from 'vitest';
import { checkStep, newChecker, type CheckerState } from '../../src/core/invariants.ts';
import type { Entry, ServerState, SimEvent, Violation } from '../../src/core/types.ts';
import { makeServer } from './harness.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type BenchEvent = DistributiveOmit<SimEvent, 'time'>;

export interface Bench {
  servers: ServerState[];
  checker: CheckerState;
  /** Runs the checker over one event's worth of changes; returns the new violations. */
  step(...events: BenchEvent[]): readonly Violation[];
  server(id: number): ServerState;
}

/** `n` servers in term 1 with empty logs. */
export function bench(n: number): Bench {
  const servers = Array.from({ length: n }, (_, i) =>
    makeServer({ id: i + 1, servers: n, term: 1 }),
  );
  const checker = newChecker(servers);
  let time = 0;
  const server = (id: number): ServerState => {
    const s = servers[id - 1];
    if (s === undefined) throw new Error(`no server S${id}`);
    return s;
  };
  return {
    servers,
    checker,
    server,
    step: (...events) => {
      time += 10;
      return checkStep(
        checker,
        servers,
        events.map((e) => ({ ...e, time }) as SimEvent),
        time,
      );
    },
  };
}

/** An entry with its own id: two entries with one term and index can still differ. */
export function ent(term: number, id: string, client?: { client: number; seq: number }): Entry {
  const e: Entry = { term, command: `set ${id} ${term}`, id };
  if (client !== undefined) e.client = client;
  return e;
}

/** Replaces a log the way raft.ts does, marking the lowest changed index for the checker. */
export function setLog(s: ServerState, log: Entry[]): void {
  let same = 0;
  while (same < s.log.length && same < log.length && s.log[same]?.id === log[same]?.id) same++;
  if (same < s.log.length || same < log.length) {
    const from = same + 1;
    s.logDirtyFrom = s.logDirtyFrom === 0 ? from : Math.min(s.logDirtyFrom, from);
  }
  s.log = log;
}

/** Makes `s` leader of `term` (the caller passes the becomeLeader event to `step`). */
export function lead(s: ServerState, term: number): BenchEvent {
  s.term = term;
  s.role = 'leader';
  return { type: 'becomeLeader', server: s.id, term };
}

/** Crashes `s` as raft.ts does: the log stays, volatile state goes. */
export function crash(s: ServerState): BenchEvent {
  s.crashed = true;
  s.role = 'follower';
  s.commitIndex = 0;
  s.lastApplied = 0;
  return { type: 'crash', server: s.id };
}

export function invariants(vs: readonly Violation[]): string[] {
  return vs.map((v) => v.invariant);
}

/** Six entries of terms 1 and 2. */
export const LOG: readonly Entry[] = [
  ent(1, 'a'),
  ent(1, 'b'),
  ent(1, 'c'),
  ent(2, 'd'),
  ent(2, 'e'),
  ent(2, 'f'),
];

/** Five servers holding LOG, S1 leader of term 2 having committed all of it. */
export function committedCluster(): Bench {
  const b = bench(5);
  for (const s of b.servers) {
    setLog(s, [...LOG]);
    s.term = 2;
  }
  const leader = b.server(1);
  leader.role = 'leader';
  b.step({ type: 'becomeLeader', server: 1, term: 2 });
  for (const s of b.servers) {
    s.commitIndex = 6;
    s.lastApplied = 0;
  }
  for (const p of leader.peers) p.matchIndex = 6;
  expect(b.step()).toEqual([]);
  return b;
}
