// @vitest-environment happy-dom
/**
 * The new-run form's "Followers serve reads" checkbox (C-4), in a DOM: off and explained while
 * reads go through the log, on once ReadIndex or a lease is chosen, it starts a run with follower
 * reads and shows them again when the form reopens; going back to reads through the log turns
 * them off.
 */
import { describe, expect, it } from 'vitest';
import {
  choose,
  click,
  container,
  lab,
  mount,
  open,
  remount,
  submit,
  useFormDom,
} from './newRunKit.tsx';

useFormDom();

const box = (): HTMLInputElement =>
  container().querySelector('input[name="followerReads"]') as HTMLInputElement;
const reads = (): HTMLSelectElement =>
  container().querySelector('select[name="reads"]') as HTMLSelectElement;
const why = (): string | null =>
  container().querySelector('#rl-follower-reads-why')?.textContent ?? null;

describe('Followers serve reads in the new-run form', () => {
  it('is off and says why while reads go through the log', () => {
    mount();
    open();
    expect(reads().value).toBe('log');
    expect(box().disabled).toBe(true);
    expect(box().checked).toBe(false);
    expect(box().getAttribute('aria-describedby')).toBe('rl-follower-reads-why');
    expect(why()).toBe(
      'Only with reads by ReadIndex or lease: a follower needs a read index from the leader, and reads through the log have none (C-4).',
    );
    expect(box().closest('label')?.textContent).toBe('Followers serve reads');
    expect(box().closest('label')?.getAttribute('title')).toContain('reads through the log');
  });

  it('starts a run with follower reads under ReadIndex, checked again when the form reopens', () => {
    mount();
    open();
    choose(reads(), 'readIndex');
    expect(box().disabled).toBe(false);
    expect(why()).toBeNull();
    click(box());
    expect(box().checked).toBe(true);
    submit();
    const config = lab().getState().runSetup().config;
    expect(config).toMatchObject({ reads: 'readIndex', followerReads: true });
    open();
    expect(reads().value).toBe('readIndex');
    expect(box().checked).toBe(true);
  });

  it('turns them off again when reads go back through the log', () => {
    mount();
    open();
    choose(reads(), 'readIndex');
    click(box());
    choose(reads(), 'log');
    expect(box().disabled).toBe(true);
    expect(box().checked).toBe(false);
    // The core would refuse followerReads with reads through the log: the run must start anyway.
    submit();
    expect(lab().getState().runSetup().config).toMatchObject({
      reads: 'log',
      followerReads: false,
    });
    expect(lab().getState().notice).toBeNull();
  });

  it('says why in Spanish and Portuguese too', () => {
    mount('es');
    open();
    expect(box().closest('label')?.textContent).toBe('Los seguidores sirven lecturas');
    expect(why()).toContain('Solo con lecturas por ReadIndex o lease');
    remount('pt');
    open();
    expect(box().closest('label')?.textContent).toBe('Seguidores servem leituras');
    expect(why()).toContain('Só com leituras por ReadIndex ou lease');
  });
});
