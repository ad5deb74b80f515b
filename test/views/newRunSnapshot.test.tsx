// @vitest-environment happy-dom
/**
 * The new-run form's "Snapshot every N entries" field (log compaction, F2-IS6), in a DOM: a bad
 * value (-1, 1.5, 5000, `__proto__`) shows a message and blocks Start; a good one starts a run with
 * it, and the form shows the current run's value when it opens again.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Language } from '../../src/app/i18n/index.ts';
import { PresenterProvider } from '../../src/app/presenter/context.tsx';
import { createPresenterStore } from '../../src/app/presenter/presenterStore.ts';
import { LabStoreProvider } from '../../src/store/context.tsx';
import { createLabStore } from '../../src/store/index.ts';
import type { LabStore } from '../../src/store/types.ts';
import { NewRunMenu } from '../../src/views/controls/NewRunForm.tsx';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

let container: HTMLElement;
let root: Root;
let lab: LabStore;

function mount(lang: Language = 'en'): void {
  lab = createLabStore({ clock: () => 0 });
  const shell = createPresenterStore(lab, { lang });
  act(() =>
    root.render(
      <LabStoreProvider store={lab}>
        <PresenterProvider store={shell}>
          <NewRunMenu />
        </PresenterProvider>
      </LabStoreProvider>,
    ),
  );
}

function open(): void {
  const details = container.querySelector('details') as HTMLDetailsElement;
  act(() => {
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
  });
}

const field = (): HTMLInputElement =>
  container.querySelector('input[name="snapshotEvery"]') as HTMLInputElement;
const start = (): HTMLButtonElement =>
  container.querySelector('button[type="submit"]') as HTMLButtonElement;
const error = (): string | null =>
  container.querySelector('#rl-snapshot-every-err')?.textContent ?? null;

/** Types into a React-controlled input (the value setter React listens to, then `input`). */
function type(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  act(() => {
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

beforeEach(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('Snapshot every N entries in the new-run form', () => {
  it('starts at the current run’s value, 0 (never)', () => {
    mount();
    open();
    expect(field().value).toBe('0');
    expect(field().getAttribute('aria-invalid')).toBe('false');
    expect(container.textContent).toContain('Snapshot every');
    expect(container.textContent).toContain('entries (0 = never)');
    expect(error()).toBeNull();
  });

  it.each(['-1', '1.5', '5000', '__proto__', ''])('refuses %j with a message', (bad) => {
    mount();
    open();
    type(field(), bad);
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(error()).toBe('A whole number of entries from 0 to 1000.');
    expect(start().disabled).toBe(true);
  });

  it('starts a run that snapshots every N entries, shown again when the form reopens', () => {
    mount();
    open();
    type(field(), '40');
    expect(error()).toBeNull();
    expect(start().disabled).toBe(false);
    act(() => start().click());
    expect(lab.getState().runSetup().config.snapshotEvery).toBe(40);
    open();
    expect(field().value).toBe('40');
  });

  it('says what is wrong in Spanish and Portuguese too', () => {
    mount('es');
    open();
    type(field(), '5000');
    expect(error()).toBe('Un número entero de entradas de 0 a 1000.');
    act(() => root.unmount());
    root = createRoot(container);
    mount('pt');
    open();
    type(field(), '-1');
    expect(error()).toBe('Um número inteiro de entradas de 0 a 1000.');
  });
});
