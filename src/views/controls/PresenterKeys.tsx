/**
 * RaftScope's presenter keys as buttons too, for touch screens and for people who do not know
 * the keys yet. Each button shows its key; the tooltip says what it does and why.
 */
import type { MessageKey } from '../../i18n/index.ts';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLabStore } from '../../store/context.tsx';
import { shortcutFor } from '../../services/shortcuts.ts';

const BUTTONS: readonly { key: string; label: MessageKey }[] = [
  { key: 'c', label: 'keys.request' },
  { key: 'r', label: 'keys.restartLeader' },
  { key: 't', label: 'keys.spread' },
  { key: 'a', label: 'keys.split' },
  { key: 'b', label: 'keys.restartCrashed' },
];

export function PresenterKeys() {
  const t = useLabT();
  const store = useLabStore();
  return (
    <div className="rl-button-row rl-presenter" role="group" aria-label={t('keys.group')}>
      {BUTTONS.map(({ key, label }) => {
        const shortcut = shortcutFor(key);
        if (!shortcut) return null;
        return (
          <button
            key={key}
            type="button"
            className="rl-button"
            title={`${t(shortcut.description)} (${key.toUpperCase()})`}
            onClick={() => shortcut.run(store.getState())}
          >
            {t(label)} <kbd className="rl-kbd">{key.toUpperCase()}</kbd>
          </button>
        );
      })}
    </div>
  );
}
