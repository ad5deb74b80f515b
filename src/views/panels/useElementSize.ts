import { useEffect, useState, type RefObject } from 'react';

export interface Size {
  width: number;
  height: number;
}

/**
 * The content-box size of an element, updated by a ResizeObserver. Until the element is measured
 * (and during server rendering, which has no layout) it is `fallback`, so windowed lists still
 * render a sensible first screen.
 */
export function useElementSize(ref: RefObject<HTMLElement | null>, fallback: Size): Size {
  const [size, setSize] = useState<Size>(fallback);
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof ResizeObserver === 'undefined') return;
    const update = (): void => {
      const { width, height } = el.getBoundingClientRect();
      // Ignore zero sizes (a hidden tab or a collapsed panel) to keep the last good window.
      if (width > 0 && height > 0) {
        setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
      }
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
