/**
 * Wires the shell to the page: reads the address (mode, language, `#lib=` link), follows the
 * fragment as it changes, mirrors mode and language back into the address, and puts the mode's
 * classes (theme, layout) and the language on <html>.
 */
import { loadEngine } from '../../store/engine.ts';
import type { LabStore } from '../../store/types.ts';
import { loadLanguage, preferredLanguage, translate } from '../../i18n/index.ts';
import {
  createPresenterStore,
  type PresenterState,
  type PresenterStore,
} from './presenterStore.ts';
import { storyFromEntry } from './story.ts';
import { libraryIdFromHash, shellFromUrl, urlWithShell } from './url.ts';

/**
 * Opens a library scenario by id; an unknown id leaves the run as it is, with a notice. The
 * library (a large part of the app's code) is loaded on first use, not before the first paint.
 */
export async function openLibrary(
  shell: PresenterStore,
  lab: LabStore,
  id: string,
): Promise<boolean> {
  const [{ findLibraryEntry }] = await Promise.all([
    import('../../scenarios/library/index.ts'),
    // A story steps a run of its own to find its stops, then the lab to its first (engine.ts).
    loadEngine(),
    // Its notice and its captions are in the page's language: its strings first.
    loadLanguage(shell.getState().lang).catch(() => {}),
  ]);
  const entry = findLibraryEntry(id);
  if (!entry) {
    lab.getState().showNotice(translate(shell.getState().lang, 'library.unknown', { id }));
    return false;
  }
  shell.getState().openStory(storyFromEntry(entry));
  return true;
}

const MODE_CLASSES = {
  normal: [],
  present: ['rl-present', 'rl-contrast'],
  embed: ['rl-embed', 'rl-contrast'],
};
const ALL_CLASSES = ['rl-present', 'rl-embed', 'rl-contrast'];

function applyToDocument(state: PresenterState, doc: Document): void {
  const root = doc.documentElement;
  root.classList.remove(...ALL_CLASSES);
  root.classList.add(...MODE_CLASSES[state.mode]);
  root.lang = state.lang;
}

function writeUrl(state: PresenterState, win: Window): void {
  const next = urlWithShell(win.location.href, state);
  if (next === win.location.href) return;
  try {
    win.history.replaceState(win.history.state, '', next);
  } catch {
    // Some file:// pages may not rewrite their address; the choice still holds for this visit.
  }
}

export function startShell(lab: LabStore, win: Window = window): PresenterStore {
  const url = shellFromUrl(win.location.search, win.location.hash);
  const nav = win.navigator;
  const lang =
    url.lang ?? preferredLanguage(nav.languages?.length ? nav.languages : [nav.language]);
  const shell = createPresenterStore(lab, { mode: url.mode, lang });
  if (url.lib !== null) void openLibrary(shell, lab, url.lib);
  win.addEventListener('hashchange', () => {
    const id = libraryIdFromHash(win.location.hash);
    if (id !== null) void openLibrary(shell, lab, id);
  });
  const doc = win.document;
  doc.addEventListener('fullscreenchange', () =>
    shell.getState().setFullscreen(doc.fullscreenElement !== null),
  );
  applyToDocument(shell.getState(), doc);
  shell.subscribe((s, prev) => {
    if (s.mode === prev.mode && s.lang === prev.lang) return;
    applyToDocument(s, doc);
    writeUrl(s, win);
  });
  return shell;
}
