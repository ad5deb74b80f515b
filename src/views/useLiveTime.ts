/**
 * Drawing what moves every frame without React. While the lab plays, the display time changes
 * every animation frame, but most frames change nothing else: a message glides a few pixels, a
 * timer ring shrinks, the clock counts. A component that selected the display time would be
 * rendered again by React for each of those frames. Instead it renders from the time it reads
 * when React renders it (`store.getState().displayTime`, not a subscription), and `apply` writes
 * only the attributes that move straight into the DOM through refs, once after each render and
 * then on every change of the display time. React renders it again only when what it shows
 * changes in structure (a message arrives, a role changes).
 *
 * `apply` must be idempotent (the same time writes the same values) and must skip writes that
 * change nothing (see `setAttr`), so a still frame costs no style or paint work.
 */
import { useLayoutEffect, useRef } from 'react';
import { frameDemandOf } from '../store/frameDemand.ts';
import { useLabStore } from '../store/context.tsx';

/**
 * `everyFrame`: the part draws continuous motion this way, so while it is on screen the driver
 * ticks every animation frame (frameDemand.ts). Without it the part is written only when the
 * driver wakes (an event, or the clock's tenth of a second, FrameDemand.showTime): for what
 * changes in steps.
 */
export function useLiveTime(apply: (now: number) => void, everyFrame = true): void {
  const store = useLabStore();
  const latest = useRef(apply);
  useLayoutEffect(
    () => (everyFrame ? frameDemandOf(store).need() : undefined),
    [store, everyFrame],
  );
  // After every render: the DOM React just wrote shows the time it rendered, the ref catches up.
  useLayoutEffect(() => {
    latest.current = apply;
    apply(store.getState().displayTime);
  });
  useLayoutEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.displayTime !== prev.displayTime) latest.current(s.displayTime);
      }),
    [store],
  );
  // Between the ticks of a sleeping driver: the time now, a tenth of a second apart.
  useLayoutEffect(() => frameDemandOf(store).onShowTime((time) => latest.current(time)), [store]);
}

/** Sets an attribute only when its value changes (a write of the same value still restyles). */
export function setAttr(el: Element | null, name: string, value: string): void {
  if (el !== null && el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Sets an element's text only when it changes, in its text node when it has just one. */
export function setText(el: Element | null, value: string): void {
  if (el === null || el.textContent === value) return;
  const only = el.firstChild;
  if (only !== null && only === el.lastChild && only.nodeType === Node.TEXT_NODE) {
    only.nodeValue = value;
  } else {
    el.textContent = value;
  }
}
