/** What a presenter key (or button) does. */
import type { LabStore } from '../../store/types.ts';
import { toggleFullscreen } from './fullscreen.ts';
import type { PresenterCommand } from './keys.ts';
import type { PresenterStore } from './presenterStore.ts';

export function runPresenterCommand(
  command: PresenterCommand,
  shell: PresenterStore,
  lab: LabStore,
): void {
  const s = shell.getState();
  switch (command) {
    case 'blank':
      s.toggleBlank();
      return;
    case 'fullscreen':
      toggleFullscreen();
      return;
    case 'help':
      lab.getState().setHelpOpen(!lab.getState().helpOpen);
      return;
    default:
      s.go(command);
  }
}
