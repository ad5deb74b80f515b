import type { Translate } from '../../i18n/index.ts';
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import type { PeerState, Role } from '../../core/types.ts';
import { formatDue, serverName } from '../names.ts';
import { peerSnapshotText } from './serverModel.ts';
import { ScrollBox } from './ScrollBox.tsx';

export interface PeersTableProps {
  role: Role;
  peers: readonly PeerState[];
  now: number;
}

/**
 * What this server tracks about each peer. Only leaders (nextIndex, matchIndex: F2-S7, F2-S8)
 * and candidates (votes: F2-S9) keep per-peer state; for a follower the table says so instead of
 * showing stale numbers.
 */
export function PeersTable({ role, peers, now }: PeersTableProps) {
  const t = useLabT();
  const lang = useLanguage();
  if (role === 'follower' || peers.length === 0) {
    return <p className="rl-muted">{t('peers.followerHint')}</p>;
  }
  const leader = role === 'leader';
  // A column only while the leader sends a snapshot to someone (F2-IS7).
  const snapshots = leader && peers.some((p) => p.snapshotOut !== null);
  return (
    <ScrollBox className="rl-table-scroll" label={t('a11y.peersTable')}>
      <table className="rl-table rl-peers">
        <caption className="rl-sr-only">
          {t('tip.peersCaption', { role: t(`status.${role}`) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('peers.peer')}</th>
            {leader ? (
              <>
                <th scope="col" title={t('tip.nextIndex')}>
                  nextIndex
                </th>
                <th scope="col" title={t('tip.matchIndex')}>
                  matchIndex
                </th>
              </>
            ) : (
              <th scope="col" title={t('tip.vote')}>
                {t('peers.vote')}
              </th>
            )}
            <th scope="col" title={t('tip.nextRpc')}>
              {t('peers.nextRpc')}
            </th>
            {leader ? (
              <th scope="col" title={t('tip.heartbeat')}>
                {t('peers.heartbeat')}
              </th>
            ) : null}
            {snapshots ? (
              <th scope="col" title={t('snap.peerColumnTitle')}>
                {t('snap.peerColumn')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {peers.map((p) => (
            <tr key={p.id}>
              <th scope="row">{serverName(p.id)}</th>
              {leader ? (
                <>
                  <td className="rl-num">{p.nextIndex}</td>
                  <td className="rl-num">{p.matchIndex}</td>
                </>
              ) : (
                <td>{voteText(p, t)}</td>
              )}
              <td>{formatDue(p.rpcDueMs, now, t, lang)}</td>
              {leader ? <td>{formatDue(p.heartbeatDueMs, now, t, lang)}</td> : null}
              {snapshots ? <SnapshotCell peer={p} t={t} /> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function voteText(p: PeerState, t: Translate): string {
  if (p.voteGranted) return t('peers.granted');
  return p.voteResponded ? t('peers.refused') : t('peers.waiting');
}

function SnapshotCell({ peer, t }: { peer: PeerState; t: Translate }) {
  const progress = peerSnapshotText(peer, t);
  if (progress === null) return <td>—</td>;
  return (
    <td className="rl-num rl-peer-snapshot" title={progress.title}>
      {progress.text}
    </td>
  );
}
