/**
 * Plays a library entry the way the app does: compile its story, replay the action log, and keep
 * a copy of the state at every stop, then run 2 s past the last stop.
 */
import {
  Simulation,
  type ClientState,
  type Message,
  type ServerState,
  type SimEvent,
} from '../../src/core/index.ts';
import type { LibraryEntry } from '../../src/scenarios/library/index.ts';
import { compileStory, type Story } from '../../src/scenarios/steps.ts';

export interface Snapshot {
  servers: ServerState[];
  clients: ClientState[];
  violations: number;
  /** Trace hash of the replay at this stop. */
  traceHash: string;
}

export interface Played {
  entry: LibraryEntry;
  story: Story;
  sim: Simulation;
  events: SimEvent[];
  /** Every message sent, with its body, in send order. */
  sent: Message[];
  /** State at each stop, in step order (index 0 is step 1). */
  stops: Snapshot[];
}

export const TAIL_MS = 2000;

const cache = new Map<string, Played>();

export function play(entry: LibraryEntry): Played {
  const known = cache.get(entry.id);
  if (known !== undefined) return known;
  const { scenario } = entry;
  const story = compileStory(scenario, scenario.steps);
  const sim = Simulation.create({
    seed: scenario.seed,
    config: scenario.config,
    initial: scenario.initial,
    actions: story.actions,
  });
  const events: SimEvent[] = [];
  const sent: Message[] = [];
  sim.onEvent = (e) => {
    events.push(e);
    if (e.type !== 'send') return;
    const inFlight = sim.state.network.inFlight;
    const message = inFlight[inFlight.length - 1];
    if (message?.id === e.id) sent.push(structuredClone(message));
  };
  const stops = story.stops.map((stop): Snapshot => {
    while (sim.state.steps < stop.simSteps && sim.step()) {
      // replaying up to the stop
    }
    return {
      servers: structuredClone(sim.state.servers),
      clients: structuredClone(sim.state.clients),
      violations: sim.violations.length,
      traceHash: sim.traceHash,
    };
  });
  const last = story.stops[story.stops.length - 1];
  sim.runUntil((last?.timeMs ?? 0) + TAIL_MS);
  const played: Played = { entry, story, sim, events, sent, stops };
  cache.set(entry.id, played);
  return played;
}

/** The state at step `n` (1-based, as the captions count). */
export function stop(p: Played, n: number): Snapshot {
  const s = p.stops[n - 1];
  if (s === undefined) throw new Error(`${p.entry.id} has no step ${n}`);
  return s;
}

export function server(servers: readonly ServerState[], id: number): ServerState {
  const s = servers[id - 1];
  if (s === undefined) throw new Error(`no server S${id}`);
  return s;
}

/** A log as the list of entry terms (the rule catalogue writes `[1,1,4]`). */
export function terms(servers: readonly ServerState[], id: number): number[] {
  return server(servers, id).log.map((e) => e.term);
}

export function ofType<T extends SimEvent['type']>(
  p: Played,
  type: T,
): Extract<SimEvent, { type: T }>[] {
  return p.events.filter((e): e is Extract<SimEvent, { type: T }> => e.type === type);
}

/** AppendEntries refusals (success false) sent by one server. */
export function refusals(p: Played, from: number): number {
  return p.sent.filter(
    (m) => m.from === from && m.body.type === 'AppendEntriesReply' && !m.body.success,
  ).length;
}

export function fired(p: Played): string[] {
  return [...new Set(p.sim.violations.map((v) => v.invariant))];
}
