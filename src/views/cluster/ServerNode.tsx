/**
 * One server on the ring. It selects only its own record, so a frame re-renders the servers that
 * changed. The role reads without colour: leader = thick ring and crown, candidate = dashed ring,
 * follower = plain ring, crashed = grey with a cross (WCAG 1.4.1).
 */
import { memo } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { ServerState } from '../../core/types.ts';
import { useLabT } from '../../app/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import { termFill } from '../colors.ts';
import { serverName } from '../format.ts';
import type { NodePosition, RingLayout } from './geometry.ts';
import { labelPosition, serverLabelSize } from './geometry.ts';
import { TimerArc } from './TimerArc.tsx';
import { VoteMarks } from './VoteMarks.tsx';

export interface ServerNodeProps {
  node: NodePosition;
  layout: RingLayout;
  onMenu: (server: number, clientX: number, clientY: number) => void;
}

/** Term 0 means nobody has started an election yet: neutral slate instead of a term colour. */
function fillFor(s: ServerState): string {
  if (s.crashed) return 'var(--rl-crashed, #c3c8cf)';
  return s.term === 0 ? 'var(--rl-term0, #5d6675)' : termFill(s.term);
}

function describeServer(s: ServerState): string {
  const who = serverName(s.id);
  if (s.crashed) {
    return `${who} is crashed. It keeps term ${s.term}, its vote and its log on disk; commitIndex and the per-peer state are lost (F2-S4, F2-S5). Right-click or select it to restart.`;
  }
  const vote = s.votedFor === null ? 'has not voted' : `voted for ${serverName(s.votedFor)}`;
  const role = {
    leader: 'leader: it sends heartbeats and replicates its log (F2-L1, F2-L3)',
    precandidate:
      'pre-candidate: it asks whether peers would vote for it, without raising its term (PreVote, X-PV)',
    candidate: 'candidate: it asks every peer for a vote (F2-RV2)',
    follower: 'follower: it answers RPCs and times out if the leader falls silent (F2-F2)',
  }[s.role];
  return `${who}, ${role}. Term ${s.term} (colour = term, F2-S1); ${vote} this term (F2-S2). Log: ${s.log.length} entries, commitIndex ${s.commitIndex} (F2-S5). Click to inspect, right-click for actions.`;
}

/**
 * A small crown on the leader's rim: the mark that survives greyscale printing. It sits on top,
 * or beside the top when the name label is there (a server near the top of the ring).
 */
function Crown({ r, angle }: { r: number; angle: number }) {
  const labelAbove = Math.cos(angle) > 0.5;
  const tilt = labelAbove ? (Math.sin(angle) >= 0 ? -0.85 : 0.85) : 0;
  const cx = (r + 4) * Math.sin(tilt);
  const cy = -(r + 4) * Math.cos(tilt);
  const w = Math.max(14, r * 0.6);
  const h = w * 0.55;
  const d = `M${-w / 2},0 l0,${-h} l${w / 4},${h * 0.55} l${w / 4},${-h * 0.75} l${w / 4},${h * 0.75} l${w / 4},${-h * 0.55} l0,${h} Z`;
  return (
    <path
      className="rl-crown"
      transform={`translate(${cx.toFixed(1)},${cy.toFixed(1)})`}
      d={d}
      aria-hidden="true"
    />
  );
}

function PartitionBadge({ group, r }: { group: number; r: number }) {
  return (
    <g
      className={`rl-group-badge rl-group-${group}`}
      transform={`translate(${r * 0.78},${r * 0.78})`}
    >
      <rect x={-13} y={-9} width={26} height={18} rx={4} />
      <text textAnchor="middle" dy="0.35em">{`G${group}`}</text>
    </g>
  );
}

export const ServerNode = memo(function ServerNode({ node, layout, onMenu }: ServerNodeProps) {
  const store = useLabStore();
  const server = useLab((s) => s.frame.servers[node.id - 1]);
  const selected = useLab((s) => s.selection?.kind === 'server' && s.selection.id === node.id);
  const group = useLab((s) => s.partitionDraft?.[node.id - 1] ?? null);
  const violating = useLab((s) => s.frame.violations.at(-1)?.servers.includes(node.id) ?? false);
  const t = useLabT();
  if (!server) return null;
  const r = layout.nodeRadius;
  const label = labelPosition(node, layout);
  const status = server.crashed ? 'crashed' : server.role;

  const activate = (): void => {
    const st = store.getState();
    if (st.partitionDraft) st.cyclePartitionGroup(node.id);
    else st.select(selected ? null : { kind: 'server', id: node.id });
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>): void => {
    // Enter only: Space is the lab-wide play/pause key, even when a server has the focus.
    if (e.key === 'Enter') {
      e.preventDefault();
      e.stopPropagation();
      activate();
    } else if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      e.preventDefault();
      const box = e.currentTarget.getBoundingClientRect();
      onMenu(node.id, box.right, box.top);
    }
  };
  const onContextMenu = (e: MouseEvent<SVGGElement>): void => {
    e.preventDefault();
    onMenu(node.id, e.clientX, e.clientY);
  };

  return (
    <g
      className={`rl-server rl-server-${status}${selected ? ' is-selected' : ''}${violating ? ' is-violating' : ''}`}
      data-server={node.id}
      data-role={status}
      role="button"
      tabIndex={0}
      aria-label={`${serverName(node.id)}, ${status}, term ${server.term}`}
      aria-pressed={selected}
      onClick={(e) => {
        e.stopPropagation();
        activate();
      }}
      onKeyDown={onKeyDown}
      onContextMenu={onContextMenu}
    >
      <title>{describeServer(server)}</title>
      <g transform={`translate(${node.x},${node.y})`}>
        {/* A fixed, generous hit area: bigger touch target, and the button's box stays put while
            the timer arc inside it shrinks. */}
        <circle className="rl-server-hit" r={r + 12} />
        {selected ? <circle className="rl-selection-halo" r={r + 11} /> : null}
        {server.crashed || server.role === 'leader' ? null : <TimerArc id={node.id} r={r} />}
        <circle className="rl-server-body" r={r} style={{ fill: fillFor(server) }} />
        {server.role === 'leader' && !server.crashed ? <Crown r={r} angle={node.angle} /> : null}
        <text
          className="rl-term-caption"
          textAnchor="middle"
          y={-r * 0.36}
          fontSize={Math.max(9, r * 0.27)}
        >
          {t('ring.termCaption')}
        </text>
        <text
          className="rl-term-number"
          textAnchor="middle"
          y={r * 0.36}
          fontSize={Math.max(14, r * 0.7)}
        >
          {server.term}
        </text>
        {server.crashed ? (
          <path
            className="rl-crash-cross"
            d={`M${-r * 0.6},${-r * 0.6}L${r * 0.6},${r * 0.6}M${r * 0.6},${-r * 0.6}L${-r * 0.6},${r * 0.6}`}
          />
        ) : null}
        {(server.role === 'candidate' || server.role === 'precandidate') && !server.crashed ? (
          <VoteMarks node={node} layout={layout} />
        ) : null}
        {group !== null ? <PartitionBadge group={group} r={r} /> : null}
      </g>
      <text
        className="rl-server-label"
        x={label.x}
        y={label.y}
        textAnchor="middle"
        fontSize={serverLabelSize(layout)}
      >
        {serverName(node.id)}
      </text>
    </g>
  );
});
