/**
 * One window-level keydown listener for the shortcuts. Keys typed into a field, pressed with a
 * modifier, or already handled by a focused widget (the timeline slider, a server) are left alone.
 */
import { useEffect } from 'react';
import type { LabStore } from '../store/types.ts';
import { shortcutFor } from './shortcuts.ts';
import { rulesPanel } from './rulesPanel.ts';

export function typingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

export function useShortcuts(store: LabStore): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingTarget(e.target))
        return;
      const shortcut = shortcutFor(e.key);
      if (!shortcut) return;
      // While help is open only its own keys work, so nothing changes behind the dialog.
      const state = store.getState();
      if (state.helpOpen && e.key !== '?' && e.key !== 'Escape') return;
      // Likewise behind the Rules panel: only its own key and Escape.
      if (
        rulesPanel.getState().open &&
        shortcut.description !== 'shortcut.rules' &&
        e.key !== 'Escape'
      )
        return;
      // Stops Space from also pressing the focused button and arrows from scrolling the page.
      e.preventDefault();
      shortcut.run(state);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
