// @vitest-environment happy-dom
/**
 * The menus' fitting (src/views/popovers.ts) when a body fills after the menu opened: the legend
 * and the new-run menu open on "Loading…" while their part is on its way, so the fit made on the
 * toggle event measured a short body. A CI run caught the legend's list running off the bottom of
 * a 390×844 phone (65,270–377,861) once it arrived. The body is now watched while its menu is open
 * and fitted again when its size changes; here the layout is faked (happy-dom lays nothing out)
 * and the ResizeObserver is a stand-in whose callback the test calls.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { installPopovers } from '../../src/views/popovers.ts';

interface FakeObserver {
  callback: () => void;
  observed: Element[];
  disconnected: boolean;
}

const observers: FakeObserver[] = [];

class StandInObserver {
  private readonly record: FakeObserver;
  constructor(callback: () => void) {
    this.record = { callback, observed: [], disconnected: false };
    observers.push(this.record);
  }
  observe(el: Element): void {
    this.record.observed.push(el);
  }
  disconnect(): void {
    this.record.disconnected = true;
  }
}

/** A menu whose body reports `height` px from y = 270 in a 390×844 viewport. */
function menu(doc: Document) {
  const details = doc.createElement('details');
  details.className = 'rl-popover';
  details.innerHTML = '<summary>Legend</summary><div class="rl-popover-body">Loading…</div>';
  doc.body.append(details);
  const body = details.querySelector('.rl-popover-body') as HTMLElement;
  const box = { height: 30 };
  body.getBoundingClientRect = () => {
    // A capped body is as tall as its cap.
    const cap = body.style.maxHeight === '' ? Infinity : parseFloat(body.style.maxHeight);
    const height = Math.min(box.height, cap);
    return { left: 65, right: 377, top: 270, bottom: 270 + height, width: 312, height } as DOMRect;
  };
  return { details, body, box };
}

function open(details: HTMLDetailsElement): void {
  details.open = true;
  details.dispatchEvent(new Event('toggle'));
}

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
  observers.length = 0;
  document.body.innerHTML = '';
});

describe('a menu whose body fills after it opened', () => {
  it('is fitted again when its body grows, and no longer watched once closed', () => {
    Object.defineProperty(document.documentElement, 'clientWidth', {
      value: 390,
      configurable: true,
    });
    Object.defineProperty(document.documentElement, 'clientHeight', {
      value: 844,
      configurable: true,
    });
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = StandInObserver;
    uninstall = installPopovers(document);
    const { details, body, box } = menu(document);
    open(details);
    // "Loading…" fits: nothing is capped.
    expect(body.style.maxHeight).toBe('');
    const observer = observers.at(-1);
    expect(observer?.observed).toEqual([body]);
    // The list arrives: 591 px from y = 270 would end at 861, past 844.
    box.height = 591;
    observer?.callback();
    expect(body.style.maxHeight).toBe(`${Math.floor(844 - 8 - 270)}px`);
    expect(body.getBoundingClientRect().bottom).toBeLessThanOrEqual(844);
    // Closed: the observer lets go.
    details.open = false;
    details.dispatchEvent(new Event('toggle'));
    expect(observer?.disconnected).toBe(true);
  });
});
