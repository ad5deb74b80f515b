/**
 * On a phone the inspector sits far below the ring, so tapping a server would seem to do nothing.
 * This bar, shown under the ring on narrow or touch screens only (CSS), offers the selected
 * server's actions right where the finger is.
 */
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import { serverName } from '../names.ts';
import { liveLeader, serverActions } from '../panels/serverModel.ts';
import { runServerAction } from '../panels/serverModel.ts';
import { scrollBehavior } from '../motion.ts';

export function SelectionBar() {
  const t = useLabT();
  const store = useLabStore();
  const id = useLab((s) => (s.selection?.kind === 'server' ? s.selection.id : null));
  const server = useLab((s) => (id === null ? undefined : s.frame.servers[id - 1]));
  const leader = useLab((s) => liveLeader(s.frame.servers));
  if (!server) return null;
  const status = server.crashed ? 'crashed' : server.role;
  return (
    <div
      className="rl-selection-bar"
      role="group"
      aria-label={t('ring.quickActions', { name: serverName(server.id) })}
    >
      <strong>
        {serverName(server.id)} <span className="rl-role-text">{t(`status.${status}`)}</span>
      </strong>
      {serverActions(server, t, leader).map((a) => (
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
          document.querySelector('.rl-details-area')?.scrollIntoView({ behavior: scrollBehavior() })
        }
      >
        {t('ring.detailsDown')}
      </button>
    </div>
  );
}
