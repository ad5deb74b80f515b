/**
 * The shell's store: the mode (normal lab, presenter, embed), the language, and the story being
 * told with the place it is at. It drives the lab store only through its actions (loadSetup,
 * seekPosition, playTo), so a story is an ordinary run: rewinding, sharing and the trace hash
 * work as for any other.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Language } from '../../i18n/index.ts';
import type { Scenario } from '../../scenarios/schema.ts';
import { captionIn, type Step } from '../../scenarios/steps.ts';
import type { LabState, LabStore, ScenarioInfo } from '../../store/types.ts';
import type { ShellMode } from './keys.ts';
import { navigate, placePosition, stepSpeed, type NavCommand, type NavMove } from './stops.ts';
import { storyFromScenario, type LoadedStory } from './story.ts';

export interface PresenterState {
  mode: ShellMode;
  lang: Language;
  story: LoadedStory | null;
  /** The place shown or being played toward: 0 (start) .. story.stops.length. */
  index: number;
  blank: boolean;
  fullscreen: boolean;
  /** The lab's run is no longer the story's (the user acted, or started another run). */
  diverged: boolean;
  setMode: (mode: ShellMode) => void;
  setLang: (lang: Language) => void;
  /** Loads the story's run into the lab, paused at its start. */
  openStory: (story: LoadedStory) => void;
  closeStory: () => void;
  go: (command: NavCommand) => void;
  /** Back to the story's own run, at the step it was on, after a lab key changed the run. */
  rejoin: () => void;
  toggleBlank: () => void;
  setFullscreen: (on: boolean) => void;
}

export type PresenterStore = StoreApi<PresenterState>;

export interface PresenterInit {
  mode?: ShellMode;
  lang?: Language;
}

function divergedFrom(story: LoadedStory | null, lab: LabState): boolean {
  return story !== null && JSON.stringify(lab.runSetup()) !== story.setupKey;
}

/** What the lab keeps about the scenario of a story's run (a share of it replays the same run). */
function storyInfo(story: LoadedStory): ScenarioInfo {
  const info: { title: string; description?: string } = { title: captionIn(story.title, 'en') };
  if (story.summary !== null) info.description = captionIn(story.summary, 'en');
  return info;
}

/** A scenario with steps that the lab just loaded (from a share link or a file), as a story. */
function storyOfLoadedRun(lab: LabState): LoadedStory | null {
  const info = lab.scenarioInfo;
  if (!info?.steps || info.steps.length === 0) return null;
  const setup = lab.runSetup();
  const scenario: Scenario & { steps: Step[] } = {
    version: 1,
    title: info.title,
    seed: setup.seed,
    config: setup.config,
    actions: [...setup.actions],
    steps: [...info.steps],
  };
  if (info.description !== undefined) scenario.description = info.description;
  if (setup.initial !== undefined) scenario.initial = [...setup.initial];
  return storyFromScenario(scenario);
}

/** Moves the lab to a place of the story: played toward it, or jumped to exactly. */
function moveLab(lab: LabStore, story: LoadedStory, move: Exclude<NavMove, { kind: 'none' }>) {
  const to = placePosition(story.stops, move.to);
  if (move.kind === 'jump') {
    lab.getState().seekPosition(to);
    return;
  }
  const from = placePosition(story.stops, move.from);
  lab.getState().seekPosition(from);
  lab.getState().playTo({ ...to, speed: stepSpeed(from, to) });
}

/** Follows the lab: another run loaded, or the run changed (the story is left until the next move). */
function followLab(lab: LabStore, store: PresenterStore, opening: () => boolean): void {
  lab.subscribe((s, prev) => {
    if (s.scenarioInfo !== prev.scenarioInfo && !opening()) {
      // A link, a file or a new seed: a story if it has steps, else no story.
      const story = storyOfLoadedRun(s);
      queueMicrotask(() => {
        if (!story) return store.getState().closeStory();
        // Reloading the run as a story keeps the notice its opener showed ("Opened …").
        const notice = lab.getState().notice;
        store.getState().openStory(story);
        if (notice !== null) lab.getState().showNotice(notice);
      });
      return;
    }
    if (s.actionsVersion === prev.actionsVersion && s.run === prev.run) return;
    const diverged = divergedFrom(store.getState().story, s);
    if (diverged !== store.getState().diverged) store.setState({ diverged });
  });
}

export function createPresenterStore(lab: LabStore, init: PresenterInit = {}): PresenterStore {
  /** True while the store itself loads a run into the lab. */
  let opening = false;
  /** Loads the story's run into the lab (no steps in its info: its log holds their nudges). */
  const load = (story: LoadedStory): boolean => {
    opening = true;
    try {
      return lab.getState().loadSetup(story.setup, storyInfo(story));
    } finally {
      opening = false;
    }
  };
  const store = createStore<PresenterState>()((set, get) => ({
    mode: init.mode ?? 'normal',
    lang: init.lang ?? 'en',
    story: null,
    index: 0,
    blank: false,
    fullscreen: false,
    diverged: false,
    setMode: (mode) => set({ mode, blank: false }),
    setLang: (lang) => set({ lang }),
    openStory: (story) => {
      set({ story, index: 0, blank: false, diverged: false });
      if (load(story)) lab.getState().seekPosition({ steps: 0, timeMs: 0 });
      else set({ story: null });
    },
    closeStory: () => set({ story: null, index: 0, diverged: false }),
    go: (command) => {
      const { story, index } = get();
      if (!story) return;
      const animating = lab.getState().goal !== null;
      const move = navigate(command, { index, count: story.stops.length, animating });
      if (move.kind === 'none') return;
      // Back to the story's run first if the user changed it.
      if (divergedFrom(story, lab.getState())) load(story);
      moveLab(lab, story, move);
      set({ index: move.to, blank: false });
    },
    rejoin: () => {
      const { story, index } = get();
      if (!story) return;
      if (divergedFrom(story, lab.getState())) load(story);
      moveLab(lab, story, { kind: 'jump', to: index });
      set({ diverged: false, blank: false });
    },
    toggleBlank: () => set({ blank: !get().blank }),
    setFullscreen: (fullscreen) => set({ fullscreen }),
  }));
  followLab(lab, store, () => opening);
  return store;
}
