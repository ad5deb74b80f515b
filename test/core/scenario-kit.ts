/**
 * Helpers for the conformance scenarios of the rule catalogue §3. A "scripted" configuration keeps election
 * timers far away (100 s) so that only the scenario's `timeout` actions start elections, and fixes
 * latency at 10 ms so every step of the story lands at a known time.
 */
import {
  DEFAULT_CONFIG,
  Simulation,
  type Action,
  type BugId,
  type InitialServerState,
  type Message,
  type ServerState,
  type SimConfig,
  type SimEvent,
} from '../../src/core/index.ts';

export const SCRIPTED: SimConfig = {
  ...DEFAULT_CONFIG,
  electionTimeoutMs: [100_000, 100_000],
  latencyMs: [10, 10],
  heartbeatMs: 50,
  rpcTimeoutMs: 100,
  clientTimeoutMs: 1_000_000,
};

export interface Run {
  sim: Simulation;
  events: SimEvent[];
  /** Every message sent, with its body, in send order. */
  sent: Message[];
}

export function start(
  config: Partial<SimConfig>,
  actions: Action[],
  initial?: InitialServerState[],
  seed = 1,
): Run {
  const sim = Simulation.create({
    seed,
    config: { ...SCRIPTED, ...config },
    initial,
    actions,
  });
  const events: SimEvent[] = [];
  const sent: Message[] = [];
  sim.onEvent = (e) => {
    events.push(e);
    if (e.type !== 'send') return;
    const inFlight = sim.state.network.inFlight;
    const message = inFlight[inFlight.length - 1];
    if (message?.id === e.id) sent.push(message);
  };
  return { sim, events, sent };
}

export function run(
  config: Partial<SimConfig>,
  actions: Action[],
  until: number,
  initial?: InitialServerState[],
): Run {
  const r = start(config, actions, initial);
  r.sim.runUntil(until);
  return r;
}

export function server(r: Run, id: number): ServerState {
  const s = r.sim.state.servers[id - 1];
  if (s === undefined) throw new Error(`no server S${id}`);
  return s;
}

/** A server's log as the list of entry terms, as the rule catalogue writes logs (`[1,1,4]`). */
export function terms(r: Run, id: number): number[] {
  return server(r, id).log.map((e) => e.term);
}

export function commands(r: Run, id: number): string[] {
  return server(r, id).log.map((e) => e.command);
}

export function leaders(r: Run): ServerState[] {
  return r.sim.state.servers.filter((s) => s.role === 'leader' && !s.crashed);
}

export function ofType<T extends SimEvent['type']>(
  r: Run,
  type: T,
): Extract<SimEvent, { type: T }>[] {
  return r.events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);
}

export function invariantsFired(r: Run): string[] {
  return [...new Set(r.sim.violations.map((v) => v.invariant))];
}

/** Logs given as term lists, with a fixed command per entry, for `initial`. */
export function logOf(entryTerms: number[]): [number, string][] {
  return entryTerms.map((t, i) => [t, `set k${i + 1} t${t}`]);
}

/** AppendEntries rejections (success false) sent by one server. */
export function appendRejections(r: Run, from: number): number {
  return r.sent.filter(
    (m) => m.from === from && m.body.type === 'AppendEntriesReply' && !m.body.success,
  ).length;
}

/**
 * SC-19's script: S1 leads term 1 and commits `a`; {S1,S2} | {S3,S4,S5}; client C1 sends
 * `command` to S1 in the minority; S3 wins term 2 and commits `y` from C2; the network heals at
 * `healAt`. SC-30 continues it with C1 retrying.
 */
export function partitionScript(command: string, healAt: number): Action[] {
  return [
    { at: 10, do: 'timeout', server: 1 },
    { at: 100, do: 'request', command: 'set a 1', server: 1, client: 3 },
    {
      at: 300,
      do: 'partition',
      groups: [
        [1, 2],
        [3, 4, 5],
      ],
    },
    { at: 400, do: 'request', command, server: 1, client: 1 },
    { at: 500, do: 'timeout', server: 3 },
    { at: 700, do: 'request', command: 'set y 2', server: 3, client: 2 },
    { at: healAt, do: 'heal' },
  ];
}

/**
 * SC-29's script: S1 applies C1's `incr x` and crashes as its answer leaves (the answer is dropped
 * in flight); C1 retries the same (client, seq) at S2, which a forced timeout makes leader.
 * `later` adds actions to the scenario (e.g. a read by another client); `tamper` may change the
 * state between two events after the crash, until it says it is done.
 */
export function exactlyOnceRun(
  bugs: BugId[],
  options: { later?: Action[]; tamper?: (r: Run) => boolean } = {},
): Run {
  const r = start({ servers: 3, clientTimeoutMs: 600, bugs }, [
    { at: 10, do: 'timeout', server: 1 },
    { at: 100, do: 'request', command: 'incr x', server: 1 },
    ...(options.later ?? []),
  ]);
  // Run until S1 sends its answer, then drop it in flight and crash S1 at that instant.
  let replyId: number | null = null;
  while (replyId === null && r.sim.step()) {
    const last = r.sent[r.sent.length - 1];
    if (last?.body.type === 'ClientReply' && last.body.ok) replyId = last.id;
  }
  if (replyId === null) throw new Error('SC-29: S1 never answered');
  const now = r.sim.now;
  const actions: Action[] = [
    { at: now, do: 'drop', message: replyId },
    { at: now, do: 'crash', server: 1 },
    { at: now + 50, do: 'timeout', server: 2 },
  ];
  for (const a of actions) r.sim.addAction(a);
  const tamper = options.tamper;
  let tampering = tamper !== undefined;
  while (tampering && r.sim.step()) tampering = !(tamper?.(r) ?? true);
  r.sim.runUntil(3000);
  return r;
}
