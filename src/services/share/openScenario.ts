/**
 * Opens a scenario from a link or a file into the lab. Both are untrusted: they pass the schema
 * and its size bounds first, and a bad one only sets a message (`openError`) naming the problem,
 * so the run on screen stays exactly as it was (same trace hash, same time).
 */
import { decodeLink } from '../../scenarios/link.ts';
import type { LinkView } from '../../scenarios/linkView.ts';
import { LIMITS } from '../../scenarios/limits.ts';
import { parseScenarioText, toRunSetup } from '../../scenarios/schema.ts';
import type { ParseResult, Scenario } from '../../scenarios/schema.ts';
import type { Refusal } from '../../scenarios/refusal.ts';
import type { LabStore, ScenarioInfo } from '../../store/types.ts';
import { notice, type CodedNotice } from '../../store/notice.ts';
import { loadEngine } from '../../store/engine.ts';

const NAME_CHARS = 60;

/**
 * Shows why an input was refused; the current run is not touched. `file` is the file's label, or
 * null for a link. The reason is data (a refusal of the parser, or of the core), worded with the
 * rest of the sentence in the reader's language (services/notice.ts).
 */
function refuse(
  store: LabStore,
  file: string | null,
  why: Pick<CodedNotice, 'refusal' | 'core'>,
): false {
  const frame = file === null ? notice('linkRefused') : notice('fileRefused', { file });
  store.getState().setOpenError({ ...frame, ...why });
  return false;
}

function infoOf(scenario: Scenario): ScenarioInfo {
  const info: { title: string; description?: string; steps?: NonNullable<Scenario['steps']> } = {
    title: scenario.title,
  };
  if (scenario.description !== undefined) info.description = scenario.description;
  if (scenario.steps !== undefined) info.steps = scenario.steps;
  return info;
}

/**
 * Replaces the run by a parsed scenario, paused at `view` (or at the start). The core may still
 * refuse the setup; the store then keeps the old run and says why, which is passed on here.
 */
export function openScenario(
  store: LabStore,
  scenario: Scenario,
  file: string | null,
  view?: LinkView,
): boolean {
  const state = store.getState();
  if (!state.loadSetup(toRunSetup(scenario), infoOf(scenario))) {
    const refused = store.getState().notice;
    const core = refused !== null && typeof refused !== 'string' ? (refused.core ?? null) : null;
    store.getState().dismissNotice();
    return refuse(store, file, { core });
  }
  if (view === undefined) store.getState().pause();
  else store.getState().seekPosition(view);
  store.getState().setOpenError(null);
  store.getState().showNotice(
    view === undefined
      ? notice('openedAtStart', { title: scenario.title })
      : notice('openedAt', {
          title: scenario.title,
          timeMs: store.getState().frame.time,
        }),
  );
  return true;
}

/** Opens a share link (a URL or its fragment). */
export function openLink(store: LabStore, urlOrFragment: string): boolean {
  const decoded = decodeLink(urlOrFragment);
  if (!decoded.ok) return refuse(store, null, { refusal: decoded.refusal });
  return openScenario(store, decoded.scenario, null, decoded.view);
}

/** Reads a scenario file: its size is checked before a byte is read, and it must be UTF-8. */
export async function readScenarioFile(file: Blob): Promise<ParseResult> {
  if (file.size > LIMITS.textChars) {
    const refusal: Refusal = { code: 'fileTooLarge', bytes: file.size, limit: LIMITS.textChars };
    return { ok: false, refusal };
  }
  const bytes = new Uint8Array(await file.slice(0, LIMITS.textChars + 1).arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, refusal: { code: 'fileNotUtf8' } };
  }
  return parseScenarioText(text);
}

/** “name.json”, shortened: a file name is untrusted text too. */
export function fileLabel(name: string): string {
  const cut = name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS)}…` : name;
  return `“${cut}”`;
}

export async function openFile(store: LabStore, file: File): Promise<boolean> {
  const what = fileLabel(file.name);
  let parsed: ParseResult;
  try {
    parsed = await readScenarioFile(file);
  } catch {
    parsed = { ok: false, refusal: { code: 'fileUnreadable' } };
  }
  // Opening steps the run (a story's stops): the stepping code first (here by now, as a rule).
  await loadEngine();
  return parsed.ok
    ? openScenario(store, parsed.scenario, what)
    : refuse(store, what, { refusal: parsed.refusal });
}
