/**
 * Clients, drawn off the ring at the left edge: their requests come from outside the cluster
 * and a non-leader answers them with a redirect (C-1).
 */
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab } from '../../store/context.tsx';
import { clientName, serverName } from '../names.ts';
import type { RingLayout } from './geometry.ts';
import { CLIENT_RADIUS_PX, clientPosition } from './geometry.ts';

export function ClientLayer({ layout }: { layout: RingLayout }) {
  const t = useLabT();
  const clients = useLab((s) => s.frame.clients);
  return (
    <g className="rl-client-nodes">
      {clients.map((c) => {
        const p = clientPosition(c.id, layout);
        const busy = c.pending !== null;
        const hint =
          c.leaderHint === null
            ? t('tip.clientNoLeader')
            : t('tip.clientBelieves', { server: serverName(c.leaderHint) });
        const status = busy
          ? t('tip.clientWaiting', {
              command: c.pending?.command ?? '',
              attempt: c.pending?.attempts ?? 1,
              server: serverName(c.pending?.server ?? 0),
            })
          : t('tip.clientIdle');
        return (
          <g
            key={c.id}
            className={`rl-cnode${busy ? ' is-busy' : ''}`}
            transform={`translate(${p.x},${p.y})`}
          >
            <title>{t('tip.client', { name: clientName(c.id), status, hint })}</title>
            <rect
              x={-CLIENT_RADIUS_PX}
              y={-CLIENT_RADIUS_PX}
              width={2 * CLIENT_RADIUS_PX}
              height={2 * CLIENT_RADIUS_PX}
              rx={6}
            />
            <text textAnchor="middle" dy="0.35em">
              {clientName(c.id)}
            </text>
          </g>
        );
      })}
    </g>
  );
}
