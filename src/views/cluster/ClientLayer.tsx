/**
 * Clients, drawn off the ring at the left edge: their requests come from outside the cluster
 * and a non-leader answers them with a redirect (C-1).
 */
import { useLab } from '../../store/context.tsx';
import { clientName, serverName } from '../format.ts';
import type { RingLayout } from './geometry.ts';
import { CLIENT_RADIUS_PX, clientPosition } from './geometry.ts';

export function ClientLayer({ layout }: { layout: RingLayout }) {
  const clients = useLab((s) => s.frame.clients);
  return (
    <g className="rl-client-nodes">
      {clients.map((c) => {
        const p = clientPosition(c.id, layout);
        const busy = c.pending !== null;
        const hint =
          c.leaderHint === null
            ? 'does not know the leader'
            : `believes ${serverName(c.leaderHint)} leads`;
        const status = busy
          ? `waiting for "${c.pending?.command ?? ''}" (attempt ${c.pending?.attempts ?? 1}, sent to ${serverName(c.pending?.server ?? 0)})`
          : 'idle';
        return (
          <g
            key={c.id}
            className={`rl-cnode${busy ? ' is-busy' : ''}`}
            transform={`translate(${p.x},${p.y})`}
          >
            <title>{`Client ${clientName(c.id)}: ${status}; ${hint}. Each command carries (client, seq) so a retry is applied once (C-2).`}</title>
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
