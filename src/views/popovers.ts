/**
 * The menus drawn as `<details class="rl-popover">` (Library, New run, Legend, Network) behave as
 * menus: Escape or a click outside closes them, and an opened one is moved and capped to stay
 * inside the viewport (a menu at the right edge of a phone would otherwise run off the screen),
 * again whenever its body changes size while open (a part loaded after the first paint, such as
 * the legend's list or the new-run form, fills the body after the menu has opened).
 */

const MARGIN_PX = 8;

function openPopovers(doc: Document): HTMLDetailsElement[] {
  return [...doc.querySelectorAll<HTMLDetailsElement>('details.rl-popover[open]')];
}

/** Shifts and caps an open popover's body so all of it is inside the viewport. */
export function fitPopover(details: HTMLDetailsElement): void {
  const body = details.querySelector<HTMLElement>(':scope > .rl-popover-body');
  if (body === null) return;
  const view = details.ownerDocument.documentElement;
  const vw = view.clientWidth;
  const vh = view.clientHeight;
  body.style.boxSizing = 'border-box';
  body.style.translate = '';
  body.style.maxHeight = '';
  body.style.maxWidth = `${vw - 2 * MARGIN_PX}px`;
  const r = body.getBoundingClientRect();
  let dx = 0;
  if (r.right > vw - MARGIN_PX) dx = vw - MARGIN_PX - r.right;
  if (r.left + dx < MARGIN_PX) dx = MARGIN_PX - r.left;
  if (dx !== 0) body.style.translate = `${Math.round(dx)}px 0`;
  const room = r.top < MARGIN_PX ? r.bottom - MARGIN_PX : vh - MARGIN_PX - r.top;
  if (r.top < MARGIN_PX || r.bottom > vh - MARGIN_PX) {
    body.style.maxHeight = `${Math.max(80, Math.floor(room))}px`;
    body.style.overflowY = 'auto';
  }
}

/** Installs the behaviour on a document; returns the function that removes it. */
export function installPopovers(doc: Document): () => void {
  const win = doc.defaultView;
  const close = (except: Node | null): boolean => {
    let closed = false;
    for (const d of openPopovers(doc)) {
      if (except !== null && d.contains(except)) continue;
      d.open = false;
      closed = true;
    }
    return closed;
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    const open = openPopovers(doc);
    if (open.length === 0) return;
    const focusInside = open.some((d) => d.contains(doc.activeElement));
    close(null);
    if (focusInside) open.at(-1)?.querySelector<HTMLElement>(':scope > summary')?.focus();
    // The menu took this Escape: the lab's own (clear the selection, leave partition mode) waits.
    e.stopPropagation();
    e.preventDefault();
  };
  const onPointer = (e: PointerEvent): void => {
    close(e.target instanceof Node ? e.target : null);
  };
  const Observer = (win as (Window & { ResizeObserver?: typeof ResizeObserver }) | null)
    ?.ResizeObserver;
  const watched = new Map<HTMLDetailsElement, ResizeObserver>();
  const unwatch = (d: HTMLDetailsElement): void => {
    watched.get(d)?.disconnect();
    watched.delete(d);
  };
  const onToggle = (e: Event): void => {
    const d = e.target;
    if (!(d instanceof HTMLDetailsElement) || !d.classList.contains('rl-popover')) return;
    if (!d.open) {
      unwatch(d);
      return;
    }
    // One menu at a time.
    close(d);
    fitPopover(d);
    const body = d.querySelector<HTMLElement>(':scope > .rl-popover-body');
    if (Observer === undefined || body === null || watched.has(d)) return;
    // Capping the height changes the size once; the next fit finds the same size and stops.
    const observer = new Observer(() => {
      if (d.open && d.isConnected) fitPopover(d);
      else unwatch(d);
    });
    observer.observe(body);
    watched.set(d, observer);
  };
  const onResize = (): void => openPopovers(doc).forEach(fitPopover);
  win?.addEventListener('keydown', onKey, true);
  doc.addEventListener('pointerdown', onPointer, true);
  doc.addEventListener('toggle', onToggle, true);
  win?.addEventListener('resize', onResize);
  return () => {
    win?.removeEventListener('keydown', onKey, true);
    doc.removeEventListener('pointerdown', onPointer, true);
    doc.removeEventListener('toggle', onToggle, true);
    win?.removeEventListener('resize', onResize);
    for (const d of [...watched.keys()]) unwatch(d);
  };
}
