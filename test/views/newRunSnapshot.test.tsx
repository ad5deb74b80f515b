// @vitest-environment happy-dom
/**
 * The new-run form's "Snapshot every N entries" field (log compaction, F2-IS6), in a DOM: a bad
 * value (-1, 1.5, 5000, `__proto__`) shows a message and blocks Start; a good one starts a run with
 * it, and the form shows the current run's value when it opens again.
 */
import { describe, expect, it } from 'vitest';
import {
  container,
  lab,
  mount,
  open,
  remount,
  startButton,
  submit,
  type,
  useFormDom,
} from './newRunKit.tsx';

useFormDom();

const field = (): HTMLInputElement =>
  container().querySelector('input[name="snapshotEvery"]') as HTMLInputElement;
const start = startButton;
const error = (): string | null =>
  container().querySelector('#rl-snapshot-every-err')?.textContent ?? null;

describe('Snapshot every N entries in the new-run form', () => {
  it('starts at the current run’s value, 0 (never)', () => {
    mount();
    open();
    expect(field().value).toBe('0');
    expect(field().getAttribute('aria-invalid')).toBe('false');
    expect(container().textContent).toContain('Snapshot every');
    expect(container().textContent).toContain('entries (0 = never)');
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
    submit();
    expect(lab().getState().runSetup().config.snapshotEvery).toBe(40);
    open();
    expect(field().value).toBe('40');
  });

  it('says what is wrong in Spanish and Portuguese too', () => {
    mount('es');
    open();
    type(field(), '5000');
    expect(error()).toBe('Un número entero de entradas de 0 a 1000.');
    remount('pt');
    open();
    type(field(), '-1');
    expect(error()).toBe('Um número inteiro de entradas de 0 a 1000.');
  });
});
