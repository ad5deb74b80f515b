/**
 * On a phone the inspector sits far below the ring, so tapping a server would seem to do nothing.
 * This bar, shown under the ring on narrow or touch screens only (CSS), offers the selected
 * server's actions right where the finger is.
 */
import { useLab, useLabStore } from '../../store/context.tsx';
import { serverName } from '../format.ts';
import { serverActions } from '../panels/serverModel.ts';
import { runServerAction } from './ServerMenu.tsx';

export function SelectionBar() {
  const store = useLabStore();
  const id = useLab((s) => (s.selection?.kind === 'server' ? s.selection.id : null));
  const server = useLab((s) => (id === null ? undefined : s.frame.servers[id - 1]));
  if (!server) return null;
  const status = server.crashed ? 'crashed' : server.role;
  return (
    <div
      className="rl-selection-bar"
      role="group"
      aria-label={`${serverName(server.id)} quick actions`}
    >
      <strong>
        {serverName(server.id)} <span className="rl-role-text">{status}</span>
      </strong>
      {serverActions(server).map((a) => (
        <button
          key={a.kind}
          type="button"
          className={`rl-button rl-action-${a.kind}`}
          disabled={!a.enabled}
          title={a.why}
          onClick={() => runServerAction(store.getState(), a.kind, server.id)}
        >
          {a.label}
        </button>
      ))}
      <button
        type="button"
        className="rl-button"
        onClick={() =>
          document.querySelector('.rl-details-area')?.scrollIntoView({ behavior: 'smooth' })
        }
      >
        Details ↓
      </button>
    </div>
  );
}
