/**
 * The simulation slice: publishes frozen frames of the recorded run and turns every user
 * intervention into an action of the log (never a state edit), so replays stay identical.
 */
import type { StateCreator } from 'zustand/vanilla';
import { withDefaults } from '../../core/index.ts';
import type { Action, RunSetup } from '../../core/types.ts';
import { buildFrame } from '../frame.ts';
import type { Frame } from '../frame.ts';
import {
  clientCommand,
  planAlignTimers,
  planRestartAllCrashed,
  planRestartLeader,
  planSpreadTimers,
} from '../interventions.ts';
import type { Intervention, Plan } from '../interventions.ts';
import { coreNotice } from '../notice.ts';
import type { HistoryCheck } from '../historyCheck.ts';
import { Publishing } from './publishing.ts';
import type { Recorder } from '../recorder.ts';
import type { LabState, PlaybackGoal, ScenarioInfo, SimulationSlice } from '../types.ts';
import { LIMITS } from '../../scenarios/limits.ts';

type Published = Pick<
  LabState,
  'frame' | 'events' | 'actionsVersion' | 'actionCount' | 'endTime' | 'atHead' | 'spaceTime'
>;

/** Everything the views read from the recorder, sharing unchanged parts with the last frame. */
export function publish(rec: Recorder, prev: Frame | null): Published {
  return {
    frame: buildFrame(rec.sim, prev),
    events: rec.events,
    actionsVersion: rec.actionsVersionNumber,
    actionCount: rec.actionCount,
    endTime: rec.endTime,
    atHead: rec.atHead,
    spaceTime: rec.spaceTimeView,
  };
}

/**
 * A playback goal that runs, as fast as the frame budget allows, to virtual time `timeMs` (capped
 * at the longest time a scenario may name) and pauses there: no step count bounds it.
 */
export function runForwardTo(timeMs: number): PlaybackGoal {
  return {
    steps: Number.MAX_SAFE_INTEGER,
    timeMs: Math.min(timeMs, LIMITS.timeMs),
    speed: FORWARD_SPEED,
  };
}

/** Virtual ms per wall ms of a run forward: the frame budget, not the speed, is the bound. */
export const FORWARD_SPEED = 1e9;

export function defaultSetup(seed: number, servers: number): RunSetup {
  return { seed, config: withDefaults({ servers }), actions: [] };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

/** Longest error message shown in the banner (an error may quote a whole state). */
const ERROR_CHARS = 300;

/**
 * What the store becomes after an internal error in the recorder (a step, a checkpoint, a seek, a
 * frame threw): paused on the last good frame, rebuilt from a checkpoint, with the action log and
 * the timeline kept, and the error shown (RunErrorBanner). Never throws.
 */
export function afterInternalError(rec: Recorder, s: LabState, error: unknown): Partial<LabState> {
  console.error('Raft Lab: internal error; the run is kept and paused.', error);
  const text = describe(error);
  const message = text.length > ERROR_CHARS ? `${text.slice(0, ERROR_CHARS)}…` : text;
  const kept = rec.recover(s.frame.steps, s.frame.time);
  let published: Partial<LabState> = {};
  try {
    const fresh = publish(rec, s.frame);
    published = kept ? { ...fresh, frame: s.frame } : fresh;
  } catch {
    // The frame builder itself failed: the last good frame stays on screen.
  }
  const timeMs = kept ? s.frame.time : rec.sim.now;
  return {
    ...published,
    playing: false,
    goal: null,
    displayTime: timeMs,
    runError: { message, timeMs },
  };
}

type Creator = StateCreator<LabState, [], [], SimulationSlice>;

/** The history check's news, if any, as a store update (historyCheck.ts). */
export function checkHistory(history: HistoryCheck, now: boolean): Partial<LabState> {
  const found = history.run(now);
  return found === null ? {} : { historyViolations: found };
}

export function simulationSlice(
  rec: Recorder,
  history: HistoryCheck,
  publishing: Publishing = new Publishing(),
): Creator {
  return (set, get) => {
    /** Re-publishes after the recorder moved; a paused view shows exactly the simulated time. */
    const sync = (extra: Partial<LabState> = {}): void => {
      const s = get();
      if (publishing.canDefer(s.playing)) {
        // Playing with a frame on its way: that frame publishes this action with any others.
        publishing.owed = true;
        const changed = Object.entries(extra).some(
          ([key, value]) => s[key as keyof LabState] !== value,
        );
        if (changed) set(extra);
        return;
      }
      publishing.owed = false;
      const displayTime = s.playing ? Math.max(s.displayTime, rec.sim.now) : rec.sim.now;
      set({
        ...publish(rec, s.frame),
        displayTime,
        ...checkHistory(history, !s.playing),
        ...extra,
      });
    };
    const guarded = (change: () => void): void => {
      if (get().playing) publishing.catchUp();
      try {
        const forks = rec.forkCount;
        change();
        // Acting in the past replaced the recorded future: say so, with Undo (ReplacedBar).
        sync(rec.forkCount === forks ? { notice: null } : { notice: null, replaced: rec.replaced });
      } catch (error) {
        // A RangeError is the core refusing an input (an action in the past): a notice. Anything
        // else is an internal error: pause on the last good frame and keep the run.
        if (error instanceof RangeError) set({ notice: coreNotice('coreRefused', error) });
        else set(afterInternalError(rec, get(), error));
      }
    };
    const act = (action: Intervention): void => guarded(() => rec.act(action as Action));
    const runPlan = (plan: Plan): void => {
      guarded(() => {
        const now = rec.sim.now;
        for (const { delayMs, action } of plan.actions) {
          if (delayMs === 0) rec.act(action as Action);
          else rec.schedule({ ...action, at: now + delayMs } as Action);
        }
      });
      if (plan.notice !== null) set({ notice: plan.notice });
    };
    const load = (setup: RunSetup, info?: ScenarioInfo): boolean => {
      try {
        rec.reset(setup);
      } catch (error) {
        set({ notice: coreNotice('startFailed', error) });
        return false;
      }
      history.run(true);
      publishing.owed = false;
      set({
        ...publish(rec, null),
        historyViolations: history.violations,
        run: { seed: setup.seed, servers: setup.config.servers },
        displayTime: 0,
        selection: null,
        partitionDraft: null,
        stoppedOnViolation: false,
        goal: null,
        runError: null,
        notice: null,
        replaced: null,
        scenarioInfo: info ?? null,
      });
      return true;
    };
    const requestsSoFar = (): number => rec.requestCount;
    history.run(true);
    // In the served build the stepping code comes after the first paint (engine.ts): what a user
    // did before it arrived runs then, and is published.
    rec.whenEngineArrives(() => guarded(() => rec.runDue()));

    return {
      ...publish(rec, null),
      historyViolations: history.violations,
      run: { seed: rec.runSetup().seed, servers: rec.runSetup().config.servers },
      notice: null,
      replaced: null,
      scenarioInfo: null,
      act,
      actionList: () => rec.actions,
      undoReplace: () => {
        set({ playing: false, goal: null });
        guarded(() => rec.swapReplaced());
        set({ replaced: rec.replaced });
      },
      dismissReplaced: () => set({ replaced: null }),
      newRun: ({ seed, servers }) => load(defaultSetup(seed, servers)),
      loadSetup: load,
      seek: (timeMs) => {
        set({ playing: false, goal: null });
        if (!Number.isFinite(timeMs)) return;
        const target = Math.round(timeMs);
        if (target <= rec.endTime) {
          guarded(() => rec.seek(timeMs));
          return;
        }
        // Past the recorded end: run forward to it (frame by frame, so the page stays live and
        // Pause stops it), from the end of the timeline.
        guarded(() => rec.seek(rec.endTime));
        set({ playing: true, stoppedOnViolation: false, goal: runForwardTo(target) });
      },
      seekPosition: ({ steps, timeMs }) => {
        set({ playing: false, goal: null });
        guarded(() => rec.seekPosition(steps, timeMs));
      },
      stepForward: () => {
        set({ playing: false, goal: null });
        guarded(() => rec.stepForward());
      },
      stepBack: () => {
        set({ playing: false, goal: null });
        guarded(() => rec.stepBack());
      },
      crash: (server) => act({ do: 'crash', server }),
      restart: (server) => act({ do: 'restart', server }),
      timeout: (server) => act({ do: 'timeout', server }),
      request: (options = {}) => {
        const command = options.command ?? clientCommand(requestsSoFar());
        const { server } = options;
        act(server === undefined ? { do: 'request', command } : { do: 'request', command, server });
      },
      partition: (groups) => act({ do: 'partition', groups: groups.map((g) => [...g]) }),
      heal: () => act({ do: 'heal' }),
      cut: (a, b) => act({ do: 'cut', link: [a, b] }),
      connect: (a, b) => act({ do: 'connect', link: [a, b] }),
      drop: (message) => act({ do: 'drop', message }),
      setNetwork: (change) => act({ do: 'network', ...change }),
      spreadTimers: () => runPlan(planSpreadTimers(get().frame)),
      alignTimers: () => runPlan(planAlignTimers(get().frame)),
      restartAllCrashed: () => runPlan(planRestartAllCrashed(get().frame)),
      restartLeader: () => runPlan(planRestartLeader(get().frame)),
      showNotice: (text) => set({ notice: text }),
      dismissNotice: () => set({ notice: null }),
      result: () => rec.sim.result(),
      runSetup: () => rec.runSetup(),
      injectFault: (message) => rec.injectFault(message),
    };
  };
}
