/**
 * The presenter's keydown listener. It listens in the capture phase, so in presenter and embed
 * modes its keys win over the lab's (→ is the next step, not the next event); a key it takes is
 * marked handled (preventDefault), which the lab's own listener respects.
 */
import { useEffect } from 'react';
import type { LabStore } from '../../store/types.ts';
import { typingTarget } from '../useShortcuts.ts';
import { runPresenterCommand } from './commands.ts';
import { presenterCommand } from './keys.ts';
import type { PresenterStore } from './presenterStore.ts';

export function usePresenterKeys(lab: LabStore, shell: PresenterStore): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingTarget(e.target))
        return;
      const s = shell.getState();
      const command = presenterCommand(e.key, {
        mode: s.mode,
        hasStory: s.story !== null,
        helpOpen: lab.getState().helpOpen,
        blank: s.blank,
      });
      if (command === null) return;
      e.preventDefault();
      runPresenterCommand(command, shell, lab);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [lab, shell]);
}
