/**
 * RaftScope's presenter keys as buttons too, for touch screens and for people who do not know
 * the keys yet. Each button shows its key; the tooltip says what it does and why.
 */
import { useLabStore } from '../../store/context.tsx';
import { shortcutFor } from '../../app/shortcuts.ts';

const BUTTONS: readonly { key: string; label: string }[] = [
  { key: 'c', label: 'Request' },
  { key: 'r', label: 'Restart leader' },
  { key: 't', label: 'Spread timers' },
  { key: 'a', label: 'Split vote' },
  { key: 'b', label: 'Restart crashed' },
];

export function PresenterKeys() {
  const store = useLabStore();
  return (
    <div className="rl-button-row rl-presenter" role="group" aria-label="Interventions">
      {BUTTONS.map(({ key, label }) => {
        const shortcut = shortcutFor(key);
        if (!shortcut) return null;
        return (
          <button
            key={key}
            type="button"
            className="rl-button"
            title={`${shortcut.description} (${key.toUpperCase()})`}
            onClick={() => shortcut.run(store.getState())}
          >
            {label} <kbd className="rl-kbd">{key.toUpperCase()}</kbd>
          </button>
        );
      })}
    </div>
  );
}
