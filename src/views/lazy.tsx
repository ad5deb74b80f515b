/**
 * What the first frame does not need is loaded when first shown (a dynamic import): the library's
 * stories, the share dialog and its QR code, the space-time diagram, the new-run form, the
 * membership form, the message and server inspectors, a server's right-click menu, the legends,
 * the key help, the story bar, the bars of a selected server and of a replaced future, the
 * violation banner's words, the Rules panel, the exporters. Each part has a
 * `preload` that starts its download early (on hover, on focus, or once the page is idle after
 * the first paint), so a key that opens it (G, D, ?) rarely waits; until it is there, `Loading`
 * stands in its place.
 */
import { useEffect, useState, type ComponentType } from 'react';
import { useLabT } from '../services/presenter/context.tsx';
import { loadLaterWords } from '../i18n/laterWords.ts';
import { LAB_DRAWN_MARK } from '../services/marks.ts';

export interface LazyPart<P> {
  Component: ComponentType<P>;
  preload: () => Promise<unknown>;
  /** The part's component once its code has arrived, else null (nothing is fetched). */
  arrived: () => ComponentType<P> | null;
}

/**
 * A component loaded by `load` the first time it renders (or is preloaded), once. Where it has
 * arrived before a place mounts it, that place draws it at once (no Loading in between); until
 * then the place shows Loading (with `loadingClass`), and the part replaces it when its code has
 * arrived (useArrived: a state update, not a Suspense retry, which React would keep behind every
 * frame of a playing lab). A part that fails to load throws there, for the panel's boundary.
 */
export function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  loadingClass?: string,
): LazyPart<P> {
  let started: Promise<unknown> | null = null;
  let loaded: ComponentType<P> | null = null;
  // A part may show the later words (a message's fields, refusals): they come with it.
  const start = () =>
    (started ??= Promise.all([load(), loadLaterWords()]).then(([Component]) => {
      loaded = Component;
    }));
  const part: LazyPart<P> = { Component, preload: start, arrived: () => loaded };
  function Component(props: P) {
    const Arrived = useArrived(part, true);
    if (Arrived !== null) return <Arrived {...props} />;
    return loadingClass === undefined ? <Loading /> : <Loading className={loadingClass} />;
  }
  return part;
}

/**
 * A part without props drawn only while `when` holds (a bar or a banner that most runs never
 * show): nothing until its code has arrived, fetched once it is wanted, then the part.
 */
export function Shown({ part, when }: { part: LazyPart<object>; when: boolean }) {
  const Arrived = useArrived(part, when);
  return when && Arrived !== null ? <Arrived /> : null;
}

/**
 * A part the first frame can do without but that belongs on screen soon after (the event feed's
 * sentences): null until its code has arrived, fetched as soon as the page has painted (not
 * waiting for an idle moment), then the component; the caller draws a stand-in meanwhile.
 */
export function useArrivedAfterPaint<P>(part: LazyPart<P>): ComponentType<P> | null {
  const { arrived, failed } = useArrival(part, true, true);
  useEffect(() => {
    if (failed !== null) console.error('Raft Lab: a part could not load.', failed.error);
  }, [failed]);
  return arrived;
}

/**
 * A part's component for a place that shows it while `wanted`: null until its code has arrived
 * (the place draws Loading meanwhile), then the component. Its arrival is a state update of the
 * place, not a Suspense retry: React puts a retry behind every other update, and while the lab
 * plays it publishes a frame every frame, so under load (1x with client requests) the diagram
 * could stay "Loading…" for seconds after its code had arrived. A part that fails to load throws
 * where it would have been drawn, for the panel's error boundary.
 */
export function useArrived<P>(part: LazyPart<P>, wanted: boolean): ComponentType<P> | null {
  const { arrived, failed } = useArrival(part, wanted, false);
  if (failed !== null) throw failed.error;
  return arrived;
}

/**
 * A part's component once its code has arrived (a state update of the caller), fetched while
 * `wanted`, after the lab's first frame with `afterPaint`; or how its load failed.
 */
function useArrival<P>(
  part: LazyPart<P>,
  wanted: boolean,
  afterPaint: boolean,
): { arrived: ComponentType<P> | null; failed: { error: unknown } | null } {
  const [arrived, setArrived] = useState(() => part.arrived());
  const [failed, setFailed] = useState<{ error: unknown } | null>(null);
  useEffect(() => {
    if (!wanted || arrived !== null) return;
    let live = true;
    (afterPaint ? afterFirstPaint().then(part.preload) : part.preload()).then(
      () => {
        if (live) setArrived(() => part.arrived());
      },
      (error: unknown) => {
        if (live) setFailed({ error });
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, afterPaint, arrived, part]);
  return { arrived, failed };
}

/** The stand-in while a part loads: a quiet, announced line of text. */
export function Loading({ className = '' }: { className?: string }) {
  const t = useLabT();
  return (
    <div className={`rl-loading ${className}`.trim()} role="status">
      {t('lazy.loading')}
    </div>
  );
}

const idleParts: (() => Promise<unknown>)[] = [];

/** The longest a part waits for an idle moment before it is fetched anyway (ms). */
export const IDLE_PRELOAD_WAIT_MS = 2_000;

let painted: Promise<void> | null = null;

/**
 * Resolves once the lab has painted its first frame, so that nothing fetched ahead competes with
 * it: a frame after main.tsx's LAB_DRAWN_MARK on the performance timeline. The mark is set in the
 * animation frame that paints the lab, before that paint, and the observer may hear of it before
 * the paint is done (on a quick machine the fetches then began a few milliseconds after the mark,
 * inside the frame being painted). Not the browser's first contentful paint: that is index.html's
 * boot shell, painted before any script runs. Where marks cannot be observed, or a page opened in
 * a background tab does not paint, it resolves after 10 s.
 */
export function afterFirstPaint(win: Window = window): Promise<void> {
  painted ??= new Promise<void>((resolve) => {
    const timer = win.setTimeout(resolve, 10_000);
    const done = (): void => {
      win.clearTimeout(timer);
      resolve();
    };
    const Observer = (win as Window & { PerformanceObserver?: typeof PerformanceObserver })
      .PerformanceObserver;
    if (Observer === undefined || !(Observer.supportedEntryTypes ?? []).includes('mark')) return;
    const observer = new Observer((list) => {
      if (list.getEntriesByName(LAB_DRAWN_MARK).length === 0) return;
      observer.disconnect();
      // The next frame begins once the marked one is painted; then a task after its callbacks.
      if (typeof win.requestAnimationFrame === 'function')
        win.requestAnimationFrame(() => win.setTimeout(done, 0));
      else done();
    });
    observer.observe({ type: 'mark', buffered: true });
  });
  return painted;
}

/**
 * Parts worth having before they are asked for: fetched one after the other once the page is idle
 * after its first paint, so they do not compete with it.
 */
export function preloadWhenIdle(...preloads: (() => Promise<unknown>)[]): void {
  idleParts.push(...preloads);
}

export function startIdlePreload(win: Window = window): void {
  const next = (): void => {
    const part = idleParts.shift();
    if (part === undefined) return;
    part().then(later, later);
  };
  const later = (): void => {
    // With a deadline: a lab that plays under load is never idle, and its parts are still wanted.
    if (typeof win.requestIdleCallback === 'function')
      win.requestIdleCallback(next, { timeout: IDLE_PRELOAD_WAIT_MS });
    else win.setTimeout(next, 50);
  };
  void afterFirstPaint(win).then(later);
}
