/**
 * One server on the ring. It selects only its own record, so a frame re-renders the servers that
 * changed. The role reads without colour: leader = thick ring and crown, candidate = dashed ring,
 * follower = plain ring, crashed = grey with a cross (WCAG 1.4.1).
 */
import { memo } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { configOf, type ServerView } from '../../store/frameLog.ts';
import type { Translate } from '../../i18n/index.ts';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import { latestViolation } from '../../store/historyCheck.ts';
import { termFill } from '../colors.ts';
import { serverName } from '../names.ts';
import { logCountText } from '../panels/logGeometry.ts';
import type { ClusterMembership } from '../membership.ts';
import { configSentence, configWords, memberRole, sameConfig } from '../membership.ts';
import type { NodePosition, RingLayout } from './geometry.ts';
import {
  crownOffset,
  crownSize,
  labelPosition,
  serverLabelSize,
  termCaption,
  type Point,
} from './geometry.ts';
import { serverAccessibleName } from './serverLabel.ts';
import { TimerArc } from './TimerArc.tsx';
import { VoteMarks } from './VoteMarks.tsx';

export interface ServerNodeProps {
  node: NodePosition;
  layout: RingLayout;
  membership: ClusterMembership;
  onMenu: (server: number, clientX: number, clientY: number) => void;
}

/** Term 0 means nobody has started an election yet: neutral slate instead of a term colour. */
function fillFor(s: ServerView): string {
  if (s.crashed) return 'var(--rl-crashed, #c3c8cf)';
  return s.term === 0 ? 'var(--rl-term0, #5d6675)' : termFill(s.term);
}

const ROLE_TIP = {
  leader: 'tip.roleLeader',
  precandidate: 'tip.rolePrecandidate',
  candidate: 'tip.roleCandidate',
  follower: 'tip.roleFollower',
} as const;

function describeServer(s: ServerView, t: Translate): string {
  const name = serverName(s.id);
  if (s.crashed) return t('tip.serverCrashed', { name, term: s.term });
  const vote =
    s.votedFor === null
      ? t('tip.serverNoVote')
      : t('tip.serverVoted', { server: serverName(s.votedFor) });
  return t('tip.server', {
    name,
    role: t(ROLE_TIP[s.role]),
    term: s.term,
    vote,
    log: logCountText(s, t),
    commit: s.commitIndex,
  });
}

/**
 * A small crown on the leader's rim: the mark that survives greyscale printing. It sits on top,
 * or where the rim has room from the name label and the neighbours (geometry.ts crownOffset).
 */
function Crown({ r, at }: { r: number; at: Point }) {
  const { w, h } = crownSize(r);
  const d = `M${-w / 2},0 l0,${-h} l${w / 4},${h * 0.55} l${w / 4},${-h * 0.75} l${w / 4},${h * 0.75} l${w / 4},${-h * 0.55} l0,${h} Z`;
  return (
    <path
      className="rl-crown"
      transform={`translate(${at.x.toFixed(1)},${at.y.toFixed(1)})`}
      d={d}
      aria-hidden="true"
    />
  );
}

function PartitionBadge({ group, r }: { group: number; r: number }) {
  const t = useLabT();
  return (
    <g
      className={`rl-group-badge rl-group-${group}`}
      transform={`translate(${r * 0.78},${r * 0.78})`}
    >
      <rect x={-13} y={-9} width={26} height={18} rx={4} />
      <text textAnchor="middle" dy="0.35em">
        {t('tip.groupBadge', { n: group })}
      </text>
    </g>
  );
}

/**
 * "→ S3" on a leader handing leadership over (X-LT), on the side of its circle that faces the
 * centre of the ring: the name label is always on the outer side.
 */
function TransferBadge({
  text,
  title,
  r,
  angle,
}: {
  text: string;
  title: string;
  r: number;
  angle: number;
}) {
  const w = text.length * 7 + 12;
  const ux = -Math.sin(angle);
  const uy = Math.cos(angle);
  const x = ux * (r * 0.8 + Math.abs(ux) * (w / 2));
  const y = uy * (r * 0.8 + Math.abs(uy) * 9);
  return (
    <g
      className="rl-transfer-badge"
      data-testid="transfer-badge"
      transform={`translate(${x.toFixed(1)},${y.toFixed(1)})`}
    >
      <title>{title}</title>
      <rect x={-w / 2} y={-9} width={w} height={18} rx={9} />
      <text textAnchor="middle" dy="0.35em">
        {text}
      </text>
    </g>
  );
}

/** A word on a pill just above the server's circle: "learner", "catching up". */
function Pill({ text, r, kind }: { text: string; r: number; kind: string }) {
  const w = text.length * 6.2 + 12;
  return (
    <g className={`rl-member-pill rl-pill-${kind}`} transform={`translate(0,${-r - 1})`}>
      <rect x={-w / 2} y={-8} width={w} height={16} rx={8} />
      <text textAnchor="middle" dy="0.35em">
        {text}
      </text>
    </g>
  );
}

export const ServerNode = memo(function ServerNode({
  node,
  layout,
  membership,
  onMenu,
}: ServerNodeProps) {
  const store = useLabStore();
  const server = useLab((s) => s.frame.servers[node.id - 1]);
  const selected = useLab((s) => s.selection?.kind === 'server' && s.selection.id === node.id);
  const group = useLab((s) => s.partitionDraft?.[node.id - 1] ?? null);
  const violating = useLab((s) => latestViolation(s)?.servers.includes(node.id) ?? false);
  const t = useLabT();
  if (!server) return null;
  const r = node.r ?? layout.nodeRadius;
  const reference = membership.reference;
  const member = memberRole(reference, node.id);
  const catchingUp = membership.catchingUp.includes(node.id);
  const own = configOf(server);
  // A server outside the cluster obviously has another configuration (usually none): only a
  // member, or an outsider that still holds one (removed, M-1), gets the marker.
  const differs =
    reference !== null && !sameConfig(own, reference) && (member !== 'outside' || own !== null);
  const refName = membership.referenceFrom === null ? '' : serverName(membership.referenceFrom);
  const memberNote =
    member === 'learner'
      ? t('mem.learnerTitle', { name: serverName(node.id) })
      : catchingUp
        ? t('mem.catchingUpTitle', { name: serverName(node.id) })
        : member === 'outside' && reference !== null
          ? t('mem.outsideTitle', { name: serverName(node.id) })
          : '';
  const differsNote = differs
    ? t('mem.differs', { name: serverName(node.id), ref: refName, config: configWords(own, t) })
    : '';
  const label = labelPosition(node, layout);
  const termWord = t('ring.termCaption');
  const caption = termCaption(termWord, r);
  const status = server.crashed ? 'crashed' : server.role;
  const transferText =
    server.role === 'leader' && !server.crashed && server.transfer !== null && group === null
      ? t('transfer.badge', { target: serverName(server.transfer.target) })
      : null;
  // The words drawn on the server, in drawing order, start its accessible name (label in name).
  const accessibleName = serverAccessibleName({
    name: serverName(node.id),
    termCaption: termWord,
    term: server.term,
    badges: [
      ...(group !== null ? [`G${group}`] : []),
      ...(transferText !== null ? [transferText] : []),
      ...(member === 'learner' ? [t('mem.learner')] : []),
      ...(catchingUp ? [t('mem.catchingUp')] : []),
    ],
    states: [t(`status.${status}`), ...(member === 'outside' ? [t('mem.outsideRow')] : [])],
  });

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
      className={`rl-server rl-server-${status}${selected ? ' is-selected' : ''}${violating ? ' is-violating' : ''} rl-member-${member}${catchingUp ? ' is-catching-up' : ''}`}
      data-server={node.id}
      data-role={status}
      data-member={member}
      data-config-differs={differs ? 'true' : undefined}
      role="button"
      tabIndex={0}
      aria-label={accessibleName}
      aria-pressed={selected}
      onClick={(e) => {
        e.stopPropagation();
        activate();
      }}
      onKeyDown={onKeyDown}
      onContextMenu={onContextMenu}
    >
      <title>
        {[describeServer(server, t), configSentence(server, t), memberNote, differsNote]
          .filter((x) => x !== '')
          .join('\n')}
      </title>
      {/* Drawn first, so the name comes first in the text a screen reader or axe reads. */}
      <text
        className="rl-server-label"
        x={label.x}
        y={label.y}
        textAnchor="middle"
        fontSize={serverLabelSize(layout)}
      >
        {serverName(node.id)}
      </text>
      {/* Spaces between the texts (never drawn: SVG draws text only inside <text>) keep the
          words apart in the text content, as they are on screen: "S2 term 3", not "S2term3". */}{' '}
      <g transform={`translate(${node.x},${node.y})`}>
        {/* A fixed, generous hit area: bigger touch target, and the button's box stays put while
            the timer arc inside it shrinks. */}
        <circle className="rl-server-hit" r={r + 12} />
        {selected ? <circle className="rl-selection-halo" r={r + 11} /> : null}
        {server.crashed || server.role === 'leader' || own === null ? null : (
          <TimerArc id={node.id} r={r} x={node.x} y={node.y} />
        )}
        <circle className="rl-server-body" r={r} style={{ fill: fillFor(server) }} />
        {server.role === 'leader' && !server.crashed ? (
          <Crown r={r} at={crownOffset(node, layout)} />
        ) : null}
        {/* Not drawn where it does not fit (kept in the text content: "S2 term 3"). */}
        <text
          className="rl-term-caption"
          textAnchor="middle"
          y={caption.captionY}
          fontSize={caption.fontSize > 0 ? caption.fontSize : 9}
          visibility={caption.fontSize > 0 ? undefined : 'hidden'}
        >
          {termWord}
        </text>{' '}
        <text
          className="rl-term-number"
          textAnchor="middle"
          y={caption.numberY}
          fontSize={caption.numberSize}
        >
          {server.term}
        </text>{' '}
        {server.crashed ? (
          <path
            className="rl-crash-cross"
            d={`M${-r * 0.6},${-r * 0.6}L${r * 0.6},${r * 0.6}M${r * 0.6},${-r * 0.6}L${-r * 0.6},${r * 0.6}`}
          />
        ) : null}
        {(server.role === 'candidate' || server.role === 'precandidate') && !server.crashed ? (
          <VoteMarks node={node} layout={layout} />
        ) : null}
        {group !== null ? <PartitionBadge group={group} r={r} /> : null}{' '}
        {transferText !== null && server.transfer !== null ? (
          <TransferBadge
            r={r}
            angle={node.angle}
            text={transferText}
            title={`${t('transfer.badgeTitle', { name: serverName(node.id), target: serverName(server.transfer.target) })}\n${t('transfer.factTitle', { target: serverName(server.transfer.target) })}`}
          />
        ) : null}{' '}
        {member === 'learner' ? <Pill text={t('mem.learner')} r={r} kind="learner" /> : null}{' '}
        {catchingUp ? <Pill text={t('mem.catchingUp')} r={r} kind="catching-up" /> : null}{' '}
        {differs ? (
          <g
            className="rl-config-differs"
            transform={`translate(${-r * 0.78},${r * 0.78})`}
            data-testid="config-differs"
          >
            <rect x={-10} y={-9} width={20} height={18} rx={4} />
            <text textAnchor="middle" dy="0.35em">
              ⚙
            </text>
          </g>
        ) : null}
      </g>
    </g>
  );
});
