/**
 * The new-run form in a DOM (happy-dom), for the tests of its fields: mount it over a fresh lab
 * store, open it, and change its controls the way React listens to them.
 */
import { act } from 'react';
import { beforeAll } from 'vitest';
import type { Language } from '../../src/i18n/index.ts';
import { PresenterProvider } from '../../src/services/presenter/context.tsx';
import { createPresenterStore } from '../../src/services/presenter/presenterStore.ts';
import { LabStoreProvider } from '../../src/store/context.tsx';
import { createLabStore } from '../../src/store/index.ts';
import type { LabStore } from '../../src/store/types.ts';
import { NewRunMenu, preloadRunForm } from '../../src/views/controls/NewRunForm.tsx';
import { useDomRoot, type DomRoot } from './domRoot.ts';

let dom: DomRoot | null = null;
let store: LabStore | null = null;
/** Bumped by remount(): a new key makes React mount the form afresh in the same root. */
let mounts = 0;

/** Registers the set-up and tear-down of a container for each test of the calling file. */
export function useFormDom(): void {
  // The form is a chunk of its own: once it is there, opening the menu draws it at once.
  beforeAll(async () => {
    await preloadRunForm();
  });
  dom = useDomRoot();
}

function root(): DomRoot['root'] {
  if (dom === null) throw new Error('useFormDom() was not called');
  return dom.root;
}

export function container(): HTMLElement {
  if (dom === null) throw new Error('useFormDom() was not called');
  return dom.host;
}

export function lab(): LabStore {
  if (store === null) throw new Error('mount() was not called');
  return store;
}

/** Renders the new-run menu over a fresh lab store, in `lang`. */
export function mount(lang: Language = 'en'): void {
  store = createLabStore({ clock: () => 0 });
  const shell = createPresenterStore(store, { lang });
  const lab = store;
  act(() =>
    root().render(
      <LabStoreProvider key={mounts} store={lab}>
        <PresenterProvider store={shell}>
          <NewRunMenu />
        </PresenterProvider>
      </LabStoreProvider>,
    ),
  );
}

/** Unmounts the form and mounts it again over a fresh store, in `lang`. */
export function remount(lang: Language): void {
  mounts++;
  mount(lang);
}

/** Submits the form with its Start button. */
export function submit(): void {
  act(() => startButton().click());
}

/** Opens the form (its `details`). */
export function open(): void {
  const details = container().querySelector('details') as HTMLDetailsElement;
  act(() => {
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
  });
}

export const startButton = (): HTMLButtonElement =>
  container().querySelector('button[type="submit"]') as HTMLButtonElement;

/** Types into a React-controlled input (the value setter React listens to, then `input`). */
export function type(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** Chooses an option of a React-controlled select. */
export function choose(select: HTMLSelectElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(select, value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function click(input: HTMLElement): void {
  act(() => input.click());
}
