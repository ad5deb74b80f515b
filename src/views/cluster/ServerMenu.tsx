/**
 * The right-click menu of a server. The same actions are buttons in the server's details panel,
 * because touch screens have no right click. Escape or a click elsewhere closes it. Loaded after
 * the first paint (ClusterView.tsx), ahead once the page is idle.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import { serverName } from '../names.ts';
import { liveLeader, runServerAction, serverActions } from '../panels/serverModel.ts';
import type { ClusterMembership } from '../membership.ts';
import type { MenuAnchor } from './menuAnchor.ts';
import { CHANGE_KEYS, changeOptions } from '../membership.ts';

export function ServerMenu({
  anchor,
  membership,
  onClose,
}: {
  anchor: MenuAnchor;
  membership: ClusterMembership;
  onClose: () => void;
}) {
  const t = useLabT();
  const store = useLabStore();
  const server = useLab((s) => s.frame.servers[anchor.server - 1]);
  const leader = useLab((s) => liveLeader(s.frame.servers));
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Focus goes into the menu, and back to what had it (the server) when the menu closes.
    const opener = document.activeElement instanceof SVGElement ? document.activeElement : null;
    ref.current?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
      if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && ref.current !== null) {
        // Arrow keys move between the items (the menu pattern) instead of stepping the run.
        const items = [
          ...ref.current.querySelectorAll<HTMLButtonElement>('button:not([disabled])'),
        ];
        const at = items.findIndex((b) => b === document.activeElement);
        const next = items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length];
        if (next !== undefined) {
          e.preventDefault();
          e.stopPropagation();
          next.focus();
        }
      }
    };
    const onDown = (e: PointerEvent): void => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown, true);
      if (opener?.isConnected === true) (opener as SVGElement & HTMLOrSVGElement).focus();
    };
  }, [onClose]);

  // Moved up or left when it would leave the window (a server near the bottom of the ring).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const box = el.getBoundingClientRect();
    const left = Math.max(4, Math.min(anchor.x, window.innerWidth - box.width - 4));
    const top = Math.max(4, Math.min(anchor.y, window.innerHeight - box.height - 4));
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
  });

  if (!server) return null;
  // A portal to <body>: the stage is a containment box (app.css), which would clip a fixed menu
  // to it and keep it under the tools row below the ring.
  return createPortal(
    <div
      ref={ref}
      className="rl-menu"
      role="menu"
      aria-label={t('ring.menu', { name: serverName(server.id) })}
      style={{ position: 'fixed', zIndex: 40, left: anchor.x, top: anchor.y }}
    >
      <div className="rl-menu-title">{serverName(server.id)}</div>
      {serverActions(server, t, leader).map((a) => (
        <button
          key={a.kind}
          type="button"
          role="menuitem"
          className={`rl-menu-item rl-action-${a.kind}`}
          disabled={!a.enabled}
          title={a.why}
          onClick={() => {
            runServerAction(store.getState(), a.kind, server.id);
            onClose();
          }}
        >
          {a.label}
        </button>
      ))}
      {changeOptions(membership.reference, server.id).map((kind) => (
        <button
          key={kind}
          type="button"
          role="menuitem"
          className={`rl-menu-item rl-change-${kind}`}
          title={t(CHANGE_KEYS[kind][1])}
          onClick={() => {
            store.getState().act({ do: kind, server: server.id });
            onClose();
          }}
        >
          {t(CHANGE_KEYS[kind][0])}
        </button>
      ))}
      <button
        type="button"
        role="menuitem"
        className="rl-menu-item"
        onClick={() => {
          store.getState().select({ kind: 'server', id: server.id });
          onClose();
        }}
      >
        {t('ring.details')}
      </button>
    </div>,
    document.body,
  );
}
