/**
 * The rows of the ring's legend (ClusterLegend.tsx): the cluster's marks drawn with the same
 * classes as the real ones, each with a line of explanation citing its rule. Loaded when the
 * legend first opens, or ahead once the page is idle: the first frame shows only its button.
 */
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/index.ts';
import { useLabT } from '../../services/presenter/context.tsx';

import { termFill } from '../colors.ts';
import { hexagonPath } from './marks.ts';

const SAMPLE_COLOR = termFill(1);

function Sample({ children }: { children: ReactNode }) {
  return (
    <svg
      className="rl-legend-sample"
      width="34"
      height="24"
      viewBox="-17 -12 34 24"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

function Msg({
  kind,
  filled,
  glyph,
  shape,
  arrowAt = 9,
}: {
  kind: string;
  filled: boolean;
  glyph?: string;
  shape: ReactNode;
  /** Where the arrowhead starts, past the shape's right edge. */
  arrowAt?: number;
}) {
  return (
    <g
      className={`rl-msg rl-msg-${kind} ${filled ? 'is-request' : 'is-reply'}`}
      style={{ color: SAMPLE_COLOR }}
    >
      <path className="rl-msg-arrow" d={`M${arrowAt},-3.5L${arrowAt + 5},0L${arrowAt},3.5Z`} />
      {shape}
      {glyph ? (
        <text className="rl-msg-glyph" textAnchor="middle" dy="0.36em" fontSize={10}>
          {glyph}
        </text>
      ) : null}
    </g>
  );
}

const ROWS: readonly { sample: ReactNode; text: MessageKey }[] = [
  {
    sample: (
      <circle className="rl-server-body" r={9} style={{ fill: SAMPLE_COLOR, strokeWidth: 4 }} />
    ),
    text: 'ring.leader',
  },
  {
    sample: (
      <circle
        className="rl-server-body"
        r={9}
        style={{ fill: SAMPLE_COLOR, strokeWidth: 2.5, strokeDasharray: '4 2.5' }}
      />
    ),
    text: 'ring.candidate',
  },
  {
    sample: (
      <g>
        <circle className="rl-server-body" r={9} style={{ fill: 'var(--rl-crashed, #c3c8cf)' }} />
        <path className="rl-crash-cross" d="M-6,-6L6,6M6,-6L-6,6" />
      </g>
    ),
    text: 'ring.crashed',
  },
  {
    sample: (
      <g className="rl-timer">
        <circle className="rl-timer-track" r={9} />
        <path className="rl-timer-arc" d="M0,-11A11,11 0 1 1 -11,0L-7,0A7,7 0 1 0 0,-7Z" />
      </g>
    ),
    text: 'ring.timer',
  },
  {
    sample: <Msg kind="RequestVote" filled shape={<circle className="rl-msg-shape" r={6} />} />,
    text: 'ring.requestVote',
  },
  {
    sample: (
      <Msg
        kind="RequestVoteReply"
        filled={false}
        glyph="✓"
        shape={<circle className="rl-msg-shape" r={6} />}
      />
    ),
    text: 'ring.voteReply',
  },
  {
    sample: (
      <Msg
        kind="AppendEntries"
        filled
        glyph="2"
        shape={<rect className="rl-msg-shape" x={-6} y={-6} width={12} height={12} rx={1.5} />}
      />
    ),
    text: 'ring.appendEntries',
  },
  {
    sample: (
      <Msg
        kind="AppendEntries"
        filled={false}
        shape={<rect className="rl-msg-shape" x={-4} y={-4} width={8} height={8} rx={1.5} />}
      />
    ),
    text: 'ring.heartbeat',
  },
  {
    sample: (
      <Msg
        kind="AppendEntriesReply"
        filled={false}
        glyph="✓"
        shape={<rect className="rl-msg-shape" x={-6} y={-6} width={12} height={12} rx={1.5} />}
      />
    ),
    text: 'ring.appendReply',
  },
  {
    sample: (
      <Msg
        kind="InstallSnapshot"
        filled
        glyph="2/5"
        arrowAt={12}
        shape={<rect className="rl-msg-shape" x={-11} y={-6} width={22} height={12} rx={6} />}
      />
    ),
    text: 'ring.installSnapshot',
  },
  {
    // C-4: a follower's ReadIndex, drawn like the ring's (hexagonPath of marks.ts).
    sample: (
      <Msg
        kind="ReadIndex"
        filled
        glyph="R"
        arrowAt={9}
        shape={<path className="rl-msg-shape" d={hexagonPath(8, 6)} />}
      />
    ),
    text: 'ring.readIndex',
  },
  {
    sample: (
      <Msg
        kind="ClientRequest"
        filled
        shape={<path className="rl-msg-shape" d="M0,-7L7,0L0,7L-7,0Z" />}
      />
    ),
    text: 'ring.client',
  },
  {
    sample: (
      <g className="rl-msg is-request" opacity={0.5} style={{ color: SAMPLE_COLOR }}>
        <circle className="rl-msg-shape" r={6} />
        <path className="rl-msg-lost" d="M-9,-9L9,9M9,-9L-9,9" />
      </g>
    ),
    text: 'ring.lost',
  },
  {
    sample: (
      <g className="rl-link rl-link-cut">
        <line className="rl-link-line" x1={-16} x2={16} y1={0} y2={0} />
        <text className="rl-link-scissors" textAnchor="middle" dy="0.35em">
          ✂
        </text>
      </g>
    ),
    text: 'ring.cut',
  },
];

export function ClusterLegendList() {
  const t = useLabT();
  return (
    <ul className="rl-cluster-legend-list">
      {ROWS.map((row) => (
        <li key={row.text}>
          <Sample>{row.sample}</Sample>
          <span>{t(row.text)}</span>
        </li>
      ))}
    </ul>
  );
}
