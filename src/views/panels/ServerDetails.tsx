import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import type { Configuration, SimConfig } from '../../core/types.ts';
import type { ServerView } from '../../store/frameLog.ts';
import { STATUS_GLYPH, serverName, serverStatus } from '../names.ts';
import type { ChangeKind } from '../membership.ts';
import {
  CHANGE_KEYS,
  changeOptions,
  configEntryLines,
  membershipFacts,
  quorumSentences,
} from '../membership.ts';
import { FactList } from './FactList.tsx';
import { PeersTable } from './PeersTable.tsx';
import {
  followerReadFacts,
  leaderDutyFacts,
  serverActions,
  serverFacts,
  snapshotFacts,
  type ServerActionKind,
} from './serverModel.ts';
import { KvTable, SessionTable } from './StateTables.tsx';

export type { ServerActionKind } from './serverModel.ts';

export interface ServerDetailsProps {
  server: ServerView;
  now: number;
  config: SimConfig;
  onAction: (kind: ServerActionKind) => void;
  /** The configuration the cluster view draws (the leader's), for the membership buttons. */
  reference?: Configuration | null;
  onChange?: (kind: ChangeKind) => void;
  /** The live leader (null: none), for "Make this server the leader"; omitted: no such button. */
  leader?: ServerView | null;
}

/** The inspector for one server: its Figure 2 state, its peers, its state machine, and actions. */
export function ServerDetails({
  server,
  now,
  config,
  onAction,
  reference = null,
  onChange,
  leader,
}: ServerDetailsProps) {
  const t = useLabT();
  const lang = useLanguage();
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
        {serverActions(server, t, leader).map((a) => (
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
      <FactList
        facts={[
          ...serverFacts(server, now, config, t, lang),
          ...leaderDutyFacts(server, config, t),
          ...followerReadFacts(server, config, t),
          ...snapshotFacts(server, config, t),
        ]}
      />
      <h3 className="rl-subtitle">{t('mem.section')}</h3>
      <FactList facts={membershipFacts(server, t)} />
      {configEntryLines(server, t).length > 0 ? (
        <ul className="rl-config-entries" title={t('mem.inForceTitle')}>
          {configEntryLines(server, t).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      <ul className="rl-quorum-needs" title={t('mem.needs.title')}>
        {quorumSentences(server, t).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {onChange && changeOptions(reference, server.id).length > 0 ? (
        <div className="rl-button-row" role="group" aria-label={t('mem.section')}>
          {changeOptions(reference, server.id).map((kind) => (
            <button
              key={kind}
              type="button"
              className={`rl-button rl-change-${kind}`}
              title={t(CHANGE_KEYS[kind][1])}
              onClick={() => onChange(kind)}
            >
              {t(CHANGE_KEYS[kind][0])}
            </button>
          ))}
        </div>
      ) : null}
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
