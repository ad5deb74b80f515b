/**
 * Presenter steps: a scenario told as a story. Each step may nudge the run (actions stamped with
 * the time the step starts, so they go through the same action log as every intervention), then
 * runs until a virtual time or until an event happens, and pauses there with a caption.
 *
 * `compileStory` runs the scenario headless once and returns the full action log (scenario actions
 * plus every step's nudges) and the exact position of every stop. Replaying that action log gives
 * the same run, so a stop is a place on the timeline that "previous step" can rewind to exactly.
 * The shape a step is validated against is in stepShape.ts.
 */
import { Simulation, type Action, type SimEvent, type TimeMs } from '../core/index.ts';
import type { Scenario } from './schema.ts';

export const LANGUAGES = ['en', 'es', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Events a step can wait for, by the name a scenario author uses. */
export const STEP_EVENTS = {
  leader: 'becomeLeader',
  election: 'electionStart',
  vote: 'vote',
  stepDown: 'stepDown',
  append: 'append',
  replicate: 'replicate',
  truncate: 'truncate',
  commit: 'commit',
  apply: 'apply',
  crash: 'crash',
  restart: 'restart',
  drop: 'drop',
  clientReply: 'clientReply',
  clientRedirect: 'clientRedirect',
  violation: 'violation',
  membership: 'membership',
  transfer: 'transfer',
  read: 'read',
  snapshot: 'snapshot',
  installSnapshot: 'installSnapshot',
} as const satisfies Record<string, SimEvent['type']>;
export type StepEventName = keyof typeof STEP_EVENTS;

/** A step waits at most this long for its event (put a limit on everything). */
export const STEP_MAX_MS_DEFAULT = 60_000;
export const STEP_MAX_MS_LIMIT = 600_000;

export type Caption = string | Partial<Record<Language, string>>;

export type StepUntil =
  | { atMs: TimeMs }
  | { afterMs: TimeMs }
  | { event: StepEventName; server?: number; term?: number; index?: number };

/** An action of a step: like a scenario action, without `at` (it happens when the step starts). */
export type StepAction = Action extends infer A
  ? A extends Action
    ? Omit<A, 'at'>
    : never
  : never;

export interface Step {
  do?: StepAction[];
  until: StepUntil;
  /** Cap for an `event` step, in virtual ms from the step's start. */
  maxMs?: number;
  caption: Caption;
}

/** Where a story pauses. */
export interface Stop {
  step: number;
  /** Virtual time of the pause. */
  timeMs: TimeMs;
  /** `state.steps` of the simulation at the pause: an exact position on the timeline. */
  simSteps: number;
  /** False when an `event` step hit its cap without seeing its event. */
  reached: boolean;
  /** Trace hash at the pause: a replay that reaches this stop must show the same. */
  traceHash: string;
  caption: Caption;
}

export interface Story {
  /** The scenario's actions and every step's nudges, sorted by time: replay this. */
  actions: Action[];
  stops: Stop[];
}

function matches(e: SimEvent, until: Extract<StepUntil, { event: string }>): boolean {
  if (e.type !== STEP_EVENTS[until.event]) return false;
  if (e.type === 'vote' && !e.granted) return false;
  const fields = e as unknown as Record<string, unknown>;
  const server = fields.server ?? fields.voter;
  if (until.server !== undefined && server !== until.server) return false;
  if (until.term !== undefined && fields.term !== until.term) return false;
  if (until.index !== undefined && fields.index !== until.index) return false;
  return true;
}

/** Runs one step on the simulation; returns whether its condition was met. */
function runStep(sim: Simulation, step: Step): boolean {
  for (const action of step.do ?? []) sim.addAction({ ...action, at: sim.now } as Action);
  const until = step.until;
  if ('atMs' in until) return sim.runUntil(Math.max(sim.now, until.atMs));
  if ('afterMs' in until) return sim.runUntil(sim.now + until.afterMs);
  const deadline = sim.now + (step.maxMs ?? STEP_MAX_MS_DEFAULT);
  let seen = false;
  const previous = sim.onEvent;
  sim.onEvent = (e) => {
    previous?.(e);
    if (matches(e, until)) seen = true;
  };
  try {
    while (!seen) {
      const next = sim.nextEventTime();
      if (next === null || next > deadline) break;
      sim.step();
    }
  } finally {
    sim.onEvent = previous;
  }
  if (!seen) sim.runUntil(deadline);
  return seen;
}

/** Plays the scenario's steps headless and records where each one stops. */
export function compileStory(scenario: Scenario, steps: readonly Step[]): Story {
  const sim = Simulation.create({
    seed: scenario.seed,
    config: scenario.config,
    initial: scenario.initial,
    actions: scenario.actions,
  });
  const stops: Stop[] = steps.map((step, i) => {
    const reached = runStep(sim, step);
    return {
      step: i,
      timeMs: sim.now,
      simSteps: sim.state.steps,
      reached,
      traceHash: sim.traceHash,
      caption: step.caption,
    };
  });
  return { actions: [...sim.state.actions], stops };
}

/** The caption in the asked language, else English, else any language it has. */
export function captionIn(c: Caption, language: Language): string {
  if (typeof c === 'string') return c;
  return c[language] ?? c.en ?? Object.values(c).find((t) => t !== undefined) ?? '';
}
