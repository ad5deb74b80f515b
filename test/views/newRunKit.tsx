/**
 * The new-run form in a DOM (happy-dom), for the tests of its fields: mount it over a fresh lab
 * store, open it, and change its controls the way React listens to them.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import type { Language } from '../../src/i18n/index.ts';
import { PresenterProvider } from '../../src/services/presenter/context.tsx';
import { createPresenterStore } from '../../src/services/presenter/presenterStore.ts';
import { LabStoreProvider } from '../../src/store/context.tsx';
import { createLabStore } from '../../src/store/index.ts';
import type { LabStore } from '../../src/store/types.ts';
import { NewRunMenu, preloadRunForm } from '../../src/views/controls/NewRunForm.tsx';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

let host: HTMLElement | null = null;
let root: Root | null = null;
let store: LabStore | null = null;

/** Registers the set-up and tear-down of a container for each test of the calling file. */
export function useFormDom(): void {
  // The form is a chunk of its own: once it is there, opening the menu draws it at once.
  beforeAll(async () => {
    await preloadRunForm();
  });
  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root?.unmount());
    host?.remove();
  });
}

export function container(): HTMLElement {
  if (host === null) throw new Error('useFormDom() was not called');
  return host;
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
    root?.render(
      <LabStoreProvider store={lab}>
        <PresenterProvider store={shell}>
          <NewRunMenu />
        </PresenterProvider>
      </LabStoreProvider>,
    ),
  );
}

/** Unmounts the form and mounts it again over a fresh store, in `lang`. */
export function remount(lang: Language): void {
  act(() => root?.unmount());
  root = createRoot(container());
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
