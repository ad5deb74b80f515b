/**
 * "What am I looking at?": the cluster's marks drawn with the same classes as the real ones,
 * each with a line of explanation and its RAFT.md rule, in a popover at the ring's corner.
 */
import type { ReactNode } from 'react';
import { termFill } from '../colors.ts';

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
}: {
  kind: string;
  filled: boolean;
  glyph?: string;
  shape: ReactNode;
}) {
  return (
    <g
      className={`rl-msg rl-msg-${kind} ${filled ? 'is-request' : 'is-reply'}`}
      style={{ color: SAMPLE_COLOR }}
    >
      <path className="rl-msg-arrow" d="M9,-3.5L14,0L9,3.5Z" />
      {shape}
      {glyph ? (
        <text className="rl-msg-glyph" textAnchor="middle" dy="0.36em" fontSize={10}>
          {glyph}
        </text>
      ) : null}
    </g>
  );
}

const ROWS: readonly { sample: ReactNode; text: string }[] = [
  {
    sample: (
      <circle className="rl-server-body" r={9} style={{ fill: SAMPLE_COLOR, strokeWidth: 4 }} />
    ),
    text: 'Leader: thick ring and a crown (F2-L1). Fill colour and number: its term (F2-S1).',
  },
  {
    sample: (
      <circle
        className="rl-server-body"
        r={9}
        style={{ fill: SAMPLE_COLOR, strokeWidth: 2.5, strokeDasharray: '4 2.5' }}
      />
    ),
    text: 'Candidate: dashed ring; the dots beside it are votes (filled got, half on its way, empty none) (F2-RV2).',
  },
  {
    sample: (
      <g>
        <circle className="rl-server-body" r={9} style={{ fill: 'var(--rl-crashed, #c3c8cf)' }} />
        <path className="rl-crash-cross" d="M-6,-6L6,6M6,-6L-6,6" />
      </g>
    ),
    text: 'Crashed: grey with a cross. Term, vote and log survive; the rest is lost (F2-S4).',
  },
  {
    sample: (
      <g className="rl-timer">
        <circle className="rl-timer-track" r={9} />
        <path className="rl-timer-arc" d="M0,-11A11,11 0 1 1 -11,0L-7,0A7,7 0 1 0 0,-7Z" />
      </g>
    ),
    text: 'Arc: time left on the election timer; at zero the server stands for election (F2-F2).',
  },
  {
    sample: <Msg kind="RequestVote" filled shape={<circle className="rl-msg-shape" r={6} />} />,
    text: 'RequestVote (F2-RV2)',
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
    text: 'Vote reply: ✓ granted, ✗ refused (hollow = reply)',
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
    text: 'AppendEntries carrying 2 entries (F2-L3)',
  },
  {
    sample: (
      <Msg
        kind="AppendEntries"
        filled={false}
        shape={<rect className="rl-msg-shape" x={-4} y={-4} width={8} height={8} rx={1.5} />}
      />
    ),
    text: 'Heartbeat: an empty AppendEntries (F2-L1)',
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
    text: 'AppendEntries reply: ✓ success, ✗ log mismatch (F2-L4)',
  },
  {
    sample: (
      <Msg
        kind="ClientRequest"
        filled
        shape={<path className="rl-msg-shape" d="M0,-7L7,0L0,7L-7,0Z" />}
      />
    ),
    text: 'Client request; a hollow diamond is the answer, ↪ a redirect (C-1)',
  },
  {
    sample: (
      <g className="rl-msg is-request" opacity={0.5} style={{ color: SAMPLE_COLOR }}>
        <circle className="rl-msg-shape" r={6} />
        <path className="rl-msg-lost" d="M-9,-9L9,9M9,-9L-9,9" />
      </g>
    ),
    text: 'Fading with a red ✗: the network will drop it (loss or a cut link, F2-T3)',
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
    text: 'Cut link: nothing gets through. Click a link to cut or reconnect it.',
  },
];

export function ClusterLegend() {
  return (
    <details className="rl-popover rl-cluster-legend">
      <summary className="rl-button" title="What the shapes on the ring mean">
        Legend ▾
      </summary>
      <div className="rl-popover-body">
        <ul className="rl-cluster-legend-list">
          {ROWS.map((row) => (
            <li key={row.text}>
              <Sample>{row.sample}</Sample>
              <span>{row.text}</span>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
