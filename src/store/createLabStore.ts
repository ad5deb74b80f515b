/**
 * The store factory: one vanilla zustand store per lab, made of three slices. No module
 * singletons, so every test and every embedded lab on a page gets a fresh store.
 */
import { createStore } from 'zustand/vanilla';
import type { RunSetup } from '../core/types.ts';
import { HistoryCheck } from './historyCheck.ts';
import { Publishing } from './slices/publishing.ts';
import { Recorder } from './recorder.ts';
import type { SpaceTimeSource } from './spaceTimeCode.ts';
import type { EngineSource } from './engine.ts';
import { playbackSlice } from './slices/playback.ts';
import { checkHistory, defaultSetup, simulationSlice } from './slices/simulation.ts';
import { uiSlice } from './slices/ui.ts';
import type { LabState, LabStore } from './types.ts';

/** The seed a first visit starts with: the day the Raft paper's extended version was published. */
export const DEFAULT_SEED = 20140520;
export const DEFAULT_SERVERS = 5;
/**
 * 1/10 of real time: with 150–300 ms election timeouts the first election starts 1.5–3 s after
 * load, and a 10–20 ms message takes 0.1–0.2 s to cross, slow enough to follow with the eye.
 */
export const DEFAULT_SPEED = 0.1;

export interface LabStoreInit {
  seed?: number;
  servers?: number;
  /** A full run setup (a scenario); wins over seed and servers. */
  setup?: RunSetup;
  speed?: number;
  playing?: boolean;
  /** Wall clock for the per-frame simulation budget; performance.now by default. */
  clock?: () => number;
  /** Where the space-time log's code comes from (tests hold it back: spaceTimeCode.ts). */
  spaceTime?: SpaceTimeSource;
  /** Whether the simulation may step yet (tests hold it back: engine.ts). */
  engine?: EngineSource;
}

export function createLabStore(init: LabStoreInit = {}): LabStore {
  const setup =
    init.setup ?? defaultSetup(init.seed ?? DEFAULT_SEED, init.servers ?? DEFAULT_SERVERS);
  const recorder = new Recorder(setup, { spaceTime: init.spaceTime, engine: init.engine });
  const clock = init.clock ?? (() => globalThis.performance.now());
  const history = new HistoryCheck(recorder, clock);
  const publishing = new Publishing();
  const store = createStore<LabState>()((...args) => ({
    ...simulationSlice(recorder, history, publishing)(...args),
    ...playbackSlice(
      recorder,
      {
        speed: init.speed ?? DEFAULT_SPEED,
        playing: init.playing ?? false,
        clock,
      },
      history,
      publishing,
    )(...args),
    ...uiSlice(...args),
  }));
  // Where the history check's search comes after the first paint, it checks as soon as it is
  // there (until then no client history violation is shown).
  history.whenSearchArrives(() => store.setState(checkHistory(history, true)));
  // Likewise the space-time log (spaceTimeCodeLazy.ts): the diagram reads it once it is there.
  recorder.whenSpaceTimeArrives(() => store.setState({ spaceTime: recorder.spaceTimeView }));
  return store;
}
