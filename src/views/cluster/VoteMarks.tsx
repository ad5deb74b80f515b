/**
 * A candidate's ballot: one small mark per peer, inside the rim on the side facing that peer.
 * Filled = vote received, half = granted but the reply is still travelling, empty = no vote
 * (crossed when refused).
 */
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab, useLabShallow } from '../../store/context.tsx';
import { voteMarkPositions } from './geometry.ts';
import type { NodePosition, RingLayout } from './geometry.ts';
import { voteMarks, voteMarkTitle, voteTally } from './marks.ts';
import type { VoteMark } from './marks.ts';

function halfPath(r: number): string {
  return `M0,${-r}A${r},${r} 0 0 0 0,${r}Z`;
}

function Mark({ mark, size }: { mark: VoteMark; size: number }) {
  return (
    <>
      <circle className={`rl-vote rl-vote-${mark}`} r={size} />
      {mark === 'inFlight' ? <path className="rl-vote-half" d={halfPath(size)} /> : null}
      {mark === 'denied' ? (
        <path
          className="rl-vote-x"
          d={`M${-size * 0.6},${-size * 0.6}L${size * 0.6},${size * 0.6}`}
        />
      ) : null}
    </>
  );
}

export function VoteMarks({ node, layout }: { node: NodePosition; layout: RingLayout }) {
  const t = useLabT();
  const id = node.id;
  const r = node.r ?? layout.nodeRadius;
  const server = useLab((s) => s.frame.servers[id - 1]);
  const total = useLab((s) => s.frame.servers.length);
  // A fresh array each frame: compared element by element so unchanged ballots do not re-render.
  const marks = useLabShallow((s) => (server ? voteMarks(server, s.frame.inFlight) : []));
  if (!server) return null;
  const { have, need } = voteTally(server, total);
  const size = Math.max(3.5, Math.min(6, r / 7));
  const peers = server.peers.map((p) => layout.servers[p.id - 1] ?? layout.center);
  const positions = voteMarkPositions(node, peers, r, size);
  return (
    <g className="rl-votes">
      <title>{t('tip.votes', { have, need })}</title>
      {marks.map((mark, i) => {
        const p = positions[i];
        const peer = server.peers[i];
        if (!p || !peer) return null;
        return (
          <g key={peer.id} transform={`translate(${p.x},${p.y})`} data-vote={mark}>
            <title>{voteMarkTitle(peer.id, mark, t)}</title>
            <Mark mark={mark} size={size} />
          </g>
        );
      })}
    </g>
  );
}
