/** The `?` overlay of presenter and embed modes: each presenter key, in the chosen language. */
import { PRESENTER_KEYS } from '../../services/presenter/keys.ts';
import { usePresenter, useT } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import { HelpOverlay } from '../panels/HelpOverlay.tsx';

/** The lab's keys that still work in presenter mode (they change the run). */
const LAB_KEYS = ['C', 'R', 'T', 'A', 'P', 'H'];

export function PresenterHelp() {
  const lab = useLabStore();
  const open = useLab((s) => s.helpOpen);
  const t = useT();
  // Presenter mode shows the logs or the space-time diagram beside the ring; embed mode neither.
  const present = usePresenter((s) => s.mode) === 'present';
  const shortcuts = [
    ...PRESENTER_KEYS.map((k) => ({ keys: k.keys, separator: '/', description: t(k.description) })),
    { keys: ['Esc'], description: t('key.escape') },
    { keys: LAB_KEYS, separator: ' ', description: t('key.lab') },
    { keys: ['G'], description: t('shortcut.rules') },
    ...(present ? [{ keys: ['D'], description: t('shortcut.spaceTime') }] : []),
  ];
  return (
    <HelpOverlay
      open={open}
      shortcuts={shortcuts}
      title={t('help.title')}
      closeLabel={t('help.close')}
      onClose={() => lab.getState().setHelpOpen(false)}
    />
  );
}
