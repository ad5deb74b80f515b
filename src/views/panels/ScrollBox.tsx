/**
 * A box that may scroll (a wide table, a long caption). When its content overflows, keyboard
 * users must be able to scroll it too, so it joins the tab order (tabIndex 0) and arrow keys
 * scroll it (WCAG 2.1.1); when everything fits it stays out of the tab order. It is a named
 * group, so a screen reader says what the focused box holds.
 */
import { useCallback, useRef, type HTMLAttributes, type ReactNode } from 'react';

/** Whether an element's content is larger than its box (it scrolls). */
export function overflows(el: HTMLElement): boolean {
  return el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
}

/** A ref callback that keeps `tabIndex` 0 on the element while it overflows, none otherwise. */
export function useScrollFocusable(): (el: HTMLElement | null) => void {
  const observer = useRef<ResizeObserver | null>(null);
  return useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (el === null) return;
    const update = (): void => {
      if (overflows(el)) el.tabIndex = 0;
      else el.removeAttribute('tabindex');
    };
    update();
    observer.current = new ResizeObserver(update);
    observer.current.observe(el);
    for (const child of el.children) observer.current.observe(child);
  }, []);
}

export function ScrollBox({
  label,
  children,
  ...rest
}: { label: string; children: ReactNode } & HTMLAttributes<HTMLDivElement>) {
  const ref = useScrollFocusable();
  return (
    <div {...rest} ref={ref} role="group" aria-label={label}>
      {children}
    </div>
  );
}
