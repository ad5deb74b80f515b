import { useLabT } from '../../app/presenter/context.tsx';
import type { ServerState, SimConfig } from '../../core/types.ts';
import { STATUS_GLYPH, serverName, serverStatus } from '../format.ts';
import { FactList } from './FactList.tsx';
import { PeersTable } from './PeersTable.tsx';
import { serverActions, serverFacts, type ServerActionKind } from './serverModel.ts';
import { KvTable, SessionTable } from './StateTables.tsx';

export type { ServerActionKind } from './serverModel.ts';

export interface ServerDetailsProps {
  server: ServerState;
  now: number;
  config: SimConfig;
  onAction: (kind: ServerActionKind) => void;
}

/** The inspector for one server: its Figure 2 state, its peers, its state machine, and actions. */
export function ServerDetails({ server, now, config, onAction }: ServerDetailsProps) {
  const t = useLabT();
  const status = serverStatus(server);
  return (
    <section
      className={`rl-panel rl-server-details rl-row-${status}`}
      aria-label={t('server.region', { name: serverName(server.id) })}
    >
      <header className="rl-panel-header">
        <h2 className="rl-panel-title">
          <span className={`rl-status rl-status-${status}`} aria-hidden="true">
            {STATUS_GLYPH[status]}
          </span>{' '}
          {serverName(server.id)} <span className="rl-role-text">{t(`status.${status}`)}</span>
        </h2>
      </header>
      <div className="rl-button-row" role="group" aria-label={t('server.actions')}>
        {serverActions(server, t).map((a) => (
          <button
            key={a.kind}
            type="button"
            className={`rl-button rl-action-${a.kind}`}
            disabled={!a.enabled}
            title={a.why}
            onClick={() => onAction(a.kind)}
          >
            {a.label}
          </button>
        ))}
      </div>
      <FactList facts={serverFacts(server, now, config, t)} />
      <h3 className="rl-subtitle">{t('server.peers')}</h3>
      {server.crashed ? (
        <p className="rl-muted">{t('server.peersLost')}</p>
      ) : (
        <PeersTable role={server.role} peers={server.peers} now={now} />
      )}
      <h3 className="rl-subtitle">{t('server.stateMachine')}</h3>
      <KvTable kv={server.kv} />
      <h3 className="rl-subtitle">{t('server.sessions')}</h3>
      <SessionTable sessions={server.sessions} />
    </section>
  );
}
