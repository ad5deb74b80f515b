/**
 * Focus management of a modal dialog (WAI-ARIA dialog pattern): while it is open, focus goes to
 * `initial` (its Close button) and Tab / Shift+Tab cycle through the dialog's own controls;
 * when it closes, focus returns to whatever had it before (the button that opened it), so a
 * keyboard user carries on where they were.
 */
import { useEffect, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The controls Tab can reach inside `root`, in document order. */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.hasAttribute('hidden') && el.getClientRects().length > 0,
  );
}

/** Keeps Tab inside `root`: from the last control to the first, and back with Shift+Tab. */
export function trapTab(e: KeyboardEvent<HTMLElement>, root: HTMLElement | null): void {
  if (e.key !== 'Tab' || root === null) return;
  const list = tabbables(root);
  const first = list[0];
  const last = list.at(-1);
  if (first === undefined || last === undefined) return;
  const active = document.activeElement;
  if (e.shiftKey && (active === first || !root.contains(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !root.contains(active))) {
    e.preventDefault();
    first.focus();
  }
}

/** Moves focus into the dialog while `open`, and back to the opener when it closes. */
export function useDialogFocus(open: boolean, initial: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!open) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    initial.current?.focus();
    return () => {
      if (opener !== null && opener.isConnected) opener.focus();
    };
  }, [open, initial]);
}
