/**
 * Membership on the ring (the rule catalogue (src/i18n/rules.ts)): the band of servers outside the cluster, and during a
 * joint phase (M-4) one outline around C_old's voters and one around C_new's, each labelled, so
 * both majorities an election or a commit needs are visible at once. Drawn under the links and
 * the servers; the geometry is membershipGeometry.ts.
 */
import { memo, useMemo } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLabStore } from '../../store/context.tsx';
import type { ClusterMembership } from '../membership.ts';
import { groupText } from '../membership.ts';
import { serverName } from '../names.ts';
import type { ClusterLayout } from './membershipGeometry.ts';
import { jointOutlines } from './membershipGeometry.ts';

export const MembershipLayer = memo(function MembershipLayer({
  layout,
  membership,
}: {
  layout: ClusterLayout;
  membership: ClusterMembership;
}) {
  const t = useLabT();
  const config = membership.reference;
  const outlines = useMemo(
    () => (config?.old ? jointOutlines(config.old, config.voters, layout) : null),
    [config, layout],
  );
  const row = layout.outside;
  return (
    <g className="rl-membership">
      {row ? (
        <g className="rl-outside-band" data-testid="outside-band">
          <title>{t('mem.outsideRowTitle')}</title>
          <rect
            className="rl-outside-frame"
            x={row.frame.x}
            y={row.frame.y}
            width={row.frame.width}
            height={row.frame.height}
            rx={10}
          />
          <text
            className="rl-outside-caption"
            x={row.caption.x}
            y={row.caption.y}
            textAnchor="middle"
            dy="0.35em"
          >
            {t('mem.outsideRow')}
          </text>
        </g>
      ) : null}
      {outlines && config?.old ? (
        <g className="rl-joint" data-testid="joint-outlines">
          {outlines.old ? (
            <g className="rl-config-outline rl-config-old" data-config="old">
              <title>{t('mem.cOldTitle', { group: groupText(config.old) })}</title>
              <path d={outlines.old.path} />
              <text x={outlines.old.label.x} y={outlines.old.label.y} textAnchor="start">
                C_old
              </text>
            </g>
          ) : null}
          {outlines.new ? (
            <g className="rl-config-outline rl-config-new" data-config="new">
              <title>{t('mem.cNewTitle', { group: groupText(config.voters) })}</title>
              <path d={outlines.new.path} />
              <text x={outlines.new.label.x} y={outlines.new.label.y} textAnchor="start">
                C_new
              </text>
            </g>
          ) : null}
        </g>
      ) : null}
    </g>
  );
});

/**
 * A "+" next to each server outside the cluster: an admin client asks the leader to add it
 * (addServer, an action in the log like every change). Drawn above the servers.
 */
export const OutsideButtons = memo(function OutsideButtons({
  layout,
  membership,
}: {
  layout: ClusterLayout;
  membership: ClusterMembership;
}) {
  const t = useLabT();
  const store = useLabStore();
  if (!layout.outside || membership.reference === null) return null;
  const r = layout.outside.r;
  return (
    <g className="rl-outside-buttons">
      {layout.outside.ids.map((id) => {
        const node = layout.servers[id - 1];
        if (!node || membership.catchingUp.includes(id)) return null;
        const add = (): void => store.getState().act({ do: 'addServer', server: id });
        const label = `${t('mem.add')}: ${serverName(id)}`;
        return (
          <g
            key={id}
            className="rl-add-button"
            data-add={id}
            role="button"
            tabIndex={0}
            aria-label={label}
            transform={
              // Left of the circle when the name is to its right; else on its top-left rim.
              node.angle === Math.PI / 2
                ? `translate(${node.x - r - 13},${node.y})`
                : `translate(${node.x - r * 0.8},${node.y - r * 0.8})`
            }
            onClick={(e) => {
              e.stopPropagation();
              add();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                e.stopPropagation();
                add();
              }
            }}
          >
            <title>{`${label}. ${t('mem.addTitle')}`}</title>
            <circle r={9} />
            <path d="M-4.5,0H4.5M0,-4.5V4.5" />
          </g>
        );
      })}
    </g>
  );
});
