/**
 * The links between servers. An open link is a thin grey line; a closed one is a broken red dash
 * with a scissor mark, whether a partition separates its ends or it was cut on its own. Clicking
 * a link cuts or reconnects it (an action in the log, like everything that changes the run).
 */
import { memo } from 'react';
import type { Translate } from '../../i18n/index.ts';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import { serverName } from '../names.ts';
import type { RingLayout } from './geometry.ts';
import { allLinks, edgeSegment, nodeRadiusOf } from './geometry.ts';
import { linkState } from './marks.ts';
import type { LinkCut } from './marks.ts';

const LINK_TIP = {
  partition: 'tip.linkPartition',
  cut: 'tip.linkCut',
  open: 'tip.linkOpen',
} as const;

function linkTitle(a: number, b: number, state: LinkCut, t: Translate): string {
  return t(LINK_TIP[state], { pair: `${serverName(a)} – ${serverName(b)}` });
}

interface LinkProps {
  a: number;
  b: number;
  state: LinkCut;
  layout: RingLayout;
  /** One end is outside the cluster: the link is drawn faint (it carries little but catch-up). */
  faint: boolean;
}

const Link = memo(function Link({ a, b, state, layout, faint }: LinkProps) {
  const t = useLabT();
  const store = useLabStore();
  const pa = layout.servers[a - 1];
  const pb = layout.servers[b - 1];
  if (!pa || !pb) return null;
  const seg = edgeSegment(pa, nodeRadiusOf(a, layout) + 8, pb, nodeRadiusOf(b, layout) + 8);
  const mid = { x: (seg.from.x + seg.to.x) / 2, y: (seg.from.y + seg.to.y) / 2 };
  const onClick = (): void => {
    const st = store.getState();
    if (state === 'cut') st.connect(a, b);
    else if (state === 'open') st.cut(a, b);
    else st.showNotice(t('notice.linkClosed'));
  };
  return (
    <g
      className={`rl-link rl-link-${state}${faint ? ' is-outside' : ''}`}
      data-link={`${a}-${b}`}
      onClick={onClick}
    >
      <title>{linkTitle(a, b, state, t)}</title>
      <line className="rl-link-hit" x1={seg.from.x} y1={seg.from.y} x2={seg.to.x} y2={seg.to.y} />
      <line className="rl-link-line" x1={seg.from.x} y1={seg.from.y} x2={seg.to.x} y2={seg.to.y} />
      {state === 'open' ? null : (
        <text className="rl-link-scissors" x={mid.x} y={mid.y} textAnchor="middle" dy="0.35em">
          ✂
        </text>
      )}
    </g>
  );
});

export function LinkLayer({
  layout,
  outside = [],
}: {
  layout: RingLayout;
  outside?: readonly number[];
}) {
  const network = useLab((s) => s.frame.network);
  const n = layout.servers.length;
  return (
    <g className="rl-links">
      {allLinks(n).map(([a, b]) => (
        <Link
          key={`${a}-${b}`}
          a={a}
          b={b}
          state={linkState(network, a, b)}
          layout={layout}
          faint={outside.includes(a) || outside.includes(b)}
        />
      ))}
    </g>
  );
}
