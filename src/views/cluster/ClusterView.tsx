/**
 * The cluster: servers on a ring, the links between them, clients off the ring and the messages
 * in flight. React owns every DOM node; the geometry comes from pure functions (geometry.ts).
 * In partition mode a line dragged across the ring splits the servers into two groups.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { PointerEvent, RefObject } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import { useElementSize } from '../panels/useElementSize.ts';
import { ClientLayer } from './ClientLayer.tsx';
import { ClusterLegend } from './ClusterLegend.tsx';
import type { Point } from './geometry.ts';
import { partitionByLine } from './geometry.ts';
import { LinkLayer } from './LinkLayer.tsx';
import { clusterMembershipKey } from '../membership.ts';
import type { ClusterMembership } from '../membership.ts';
import { MembershipLayer, OutsideButtons } from './MembershipLayer.tsx';
import './membership.css';
import './transfer.css';
import { clusterLayout } from './membershipGeometry.ts';
import { MessageLayer } from './MessageLayer.tsx';
import { RingLayerContext } from './ringLayer.ts';
import type { MenuAnchor } from './menuAnchor.ts';
import { lazyPart, preloadWhenIdle, useArrived } from '../lazy.tsx';
import { ServerNode } from './ServerNode.tsx';

/** A drag shorter than this is a click, not a partition line. */
const MIN_LINE_PX = 24;

// A server's right-click menu comes after the first paint, fetched once the page is idle; a menu
// asked for before its code has arrived opens when it arrives.
const ServerMenu = lazyPart(() => import('./ServerMenu.tsx').then((m) => m.ServerMenu));
preloadWhenIdle(ServerMenu.preload);

function usePartitionLine(svg: RefObject<SVGSVGElement | null>, scale: number) {
  const store = useLabStore();
  const [line, setLine] = useState<{ from: Point; to: Point } | null>(null);
  const local = (e: PointerEvent): Point => {
    const box = svg.current?.getBoundingClientRect();
    return { x: (e.clientX - (box?.left ?? 0)) / scale, y: (e.clientY - (box?.top ?? 0)) / scale };
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>): void => {
    if (!store.getState().partitionDraft || e.button !== 0) return;
    if ((e.target as Element).closest('.rl-server')) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = local(e);
    setLine({ from: p, to: p });
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>): void => {
    if (line) setLine({ from: line.from, to: local(e) });
  };
  return { line, setLine, onPointerDown, onPointerMove };
}

/**
 * `scale` draws everything larger (presenter mode on a big screen): the ring is laid out for a
 * box `scale` times smaller, then magnified to fill the real one.
 */
export function ClusterView({ scale: asked = 1 }: { scale?: number }) {
  const t = useLabT();
  const store = useLabStore();
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const measured = useElementSize(box, { width: 560, height: 420 });
  const scale = Math.max(1, asked);
  const width = measured.width / scale;
  const height = measured.height / scale;
  const count = useLab((s) => s.frame.servers.length);
  const partitioning = useLab((s) => s.partitionDraft !== null);
  // A string key, so a frame re-renders the ring only when who is inside changes.
  const membershipKey = useLab((s) => clusterMembershipKey(s.frame.servers));
  const membership = useMemo(() => JSON.parse(membershipKey) as ClusterMembership, [membershipKey]);
  const layout = useMemo(
    () => clusterLayout(count, width, height, membership.inside),
    [count, width, height, membership.inside],
  );
  const [menu, setMenu] = useState<MenuAnchor | null>(null);
  const Menu = useArrived(ServerMenu, menu !== null);
  // The timer rings' layer over the SVG, once it is in the DOM (ringLayer.ts).
  const [ringLayer, setRingLayer] = useState<HTMLDivElement | null>(null);
  const drag = usePartitionLine(svg, scale);

  // In viewport coordinates: the menu is fixed, so nothing below the ring can cover it.
  const openMenu = useCallback((server: number, clientX: number, clientY: number) => {
    setMenu({ server, x: Math.max(4, clientX), y: Math.max(4, clientY) });
  }, []);
  const closeMenu = useCallback(() => setMenu(null), []);

  const onPointerUp = (): void => {
    const line = drag.line;
    drag.setLine(null);
    if (!line) return;
    const long = Math.hypot(line.to.x - line.from.x, line.to.y - line.from.y) >= MIN_LINE_PX;
    const groups = long ? partitionByLine(line.from, line.to, layout) : null;
    if (groups) store.getState().setPartitionDraft(groups);
  };

  return (
    <div ref={box} className={`rl-cluster${partitioning ? ' is-partitioning' : ''}`}>
      <RingLayerContext.Provider value={ringLayer}>
        <svg
          ref={svg}
          className="rl-cluster-svg"
          width={measured.width}
          height={measured.height}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label={t('tip.ring')}
          onClick={() => store.getState().select(null)}
          onPointerDown={drag.onPointerDown}
          onPointerMove={drag.onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => drag.setLine(null)}
        >
          <MembershipLayer layout={layout} membership={membership} />
          <LinkLayer layout={layout} outside={membership.outside} />
          <ClientLayer layout={layout} />
          {layout.servers.map((node) => (
            <ServerNode
              key={node.id}
              node={node}
              layout={layout}
              membership={membership}
              onMenu={openMenu}
            />
          ))}
          <OutsideButtons layout={layout} membership={membership} />
          {drag.line ? (
            <line
              className="rl-partition-line"
              x1={drag.line.from.x}
              y1={drag.line.from.y}
              x2={drag.line.to.x}
              y2={drag.line.to.y}
            />
          ) : null}
        </svg>
      </RingLayerContext.Provider>
      {/* Over the SVG: what glides while the lab plays, moved by the compositor (glide.ts). */}
      <div
        ref={setRingLayer}
        className="rl-cluster-motion rl-rings"
        style={{ width, height, transform: scale === 1 ? undefined : `scale(${scale})` }}
      />
      <MessageLayer layout={layout} width={width} height={height} scale={scale} />
      <ClusterLegend />
      {menu && Menu ? <Menu anchor={menu} membership={membership} onClose={closeMenu} /> : null}
    </div>
  );
}
