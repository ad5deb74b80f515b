/**
 * Names from the address are data (issue 7): `?lang=constructor`, `#lib=__proto__`,
 * `#lib=toString`, `?bugs=constructor` and keyboard keys named like Object.prototype members are
 * unknown values, never inherited members; and a share link whose commands use those names as keys
 * opens in the lab and shows the same store the core computes.
 */
import { describe, expect, it } from 'vitest';
import { parseLanguage, translate, type Language } from '../../src/i18n/index.ts';
import { openLibrary } from '../../src/services/presenter/boot.ts';
import { presenterCommand, type KeyContext } from '../../src/services/presenter/keys.ts';
import { createPresenterStore } from '../../src/services/presenter/presenterStore.ts';
import { libraryIdFromHash, shellFromUrl } from '../../src/services/presenter/url.ts';
import { scenarioOfRun } from '../../src/services/share/currentScenario.ts';
import { openLink } from '../../src/services/share/openScenario.ts';
import { labOptionsFromQuery } from '../../src/services/urlParams.ts';
import { encodeLink } from '../../src/scenarios/link.ts';
import { canonicalScenario } from '../../src/scenarios/schema.ts';
import { createLabStore } from '../../src/store/createLabStore.ts';
import {
  END_MS,
  PROTOTYPE_NAMES,
  expectedKv,
  prototypeKeyScenario,
  resultAt,
  rowsOf,
} from '../scenarios/prototypeKeys.ts';

describe('names from the address', () => {
  it.each(PROTOTYPE_NAMES)('?lang=%s is no language', (name) => {
    expect(parseLanguage(name)).toBeNull();
    expect(shellFromUrl(`?lang=${name}`, '').lang).toBeNull();
    // Even forced through, a lookup falls back to English text, never a member of Object.
    expect(translate(name as Language, 'library.unknown', { id: 'x' })).toBe(
      'No library scenario is called “x”.',
    );
  });

  it.each(PROTOTYPE_NAMES)('#lib=%s opens nothing and says so', async (name) => {
    const lab = createLabStore({ clock: () => 0 });
    const before = lab.getState().frame.traceHash;
    const shell = createPresenterStore(lab, { lang: 'en' });
    expect(await openLibrary(shell, lab, name)).toBe(false);
    expect(lab.getState().notice).toBe(`No library scenario is called “${name}”.`);
    expect(lab.getState().frame.traceHash).toBe(before);
    expect(shell.getState().story).toBeNull();
  });

  it('accepts only library-shaped ids from the fragment', () => {
    expect(libraryIdFromHash('#lib=__proto__')).toBeNull();
    expect(libraryIdFromHash('#lib=toString')).toBeNull();
    expect(libraryIdFromHash('#lib=constructor')).toBe('constructor');
  });

  it('ignores teaching bugs, seeds and speeds named like members', () => {
    const options = labOptionsFromQuery(
      '?bugs=constructor,__proto__,toString&seed=constructor&speed=valueOf&servers=__proto__',
    );
    expect(options).toEqual({ playing: true });
  });

  it.each(PROTOTYPE_NAMES)('the key “%s” is no presenter command', (name) => {
    const contexts: KeyContext[] = [
      { mode: 'normal', hasStory: true, helpOpen: false, blank: false },
      { mode: 'present', hasStory: true, helpOpen: false, blank: false },
    ];
    for (const ctx of contexts) expect(presenterCommand(name, ctx)).toBeNull();
  });
});

describe('a share link whose keys are Object.prototype names', () => {
  const scenario = prototypeKeyScenario();

  it('opens, plays and shares again', () => {
    const store = createLabStore({ clock: () => 0 });
    expect(openLink(store, encodeLink(scenario))).toBe(true);
    expect(store.getState().openError).toBeNull();
    store.getState().setSpeed(5);
    store.getState().play();
    for (let i = 0; i < 10_000 && store.getState().frame.time < END_MS; i++)
      store.getState().tick(16);
    store.getState().seek(END_MS);
    const node = resultAt(scenario, END_MS);
    expect(store.getState().frame.traceHash).toBe(node.traceHash);
    for (const s of store.getState().frame.servers)
      expect(rowsOf(s.kv)).toEqual(rowsOf(expectedKv()));
    const again = scenarioOfRun(store.getState().runSetup(), store.getState().scenarioInfo);
    expect(again.ok).toBe(true);
    if (again.ok) expect(canonicalScenario(again.scenario)).toEqual(canonicalScenario(scenario));
  });
});
