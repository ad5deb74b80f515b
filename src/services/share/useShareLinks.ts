/**
 * Opens the share link in the page address: once on load, and again whenever the fragment
 * changes (a link pasted into the address bar of an open lab). Fragments that hold no `s=` part
 * belong to other features and are left alone. Nothing here touches the network.
 */
import { useEffect } from 'react';
import { hasLinkPayload } from '../../scenarios/link.ts';
import type { LabStore } from '../../store/types.ts';
import { openLink } from './openScenario.ts';

export function useShareLinks(store: LabStore): void {
  useEffect(() => {
    const open = (): void => {
      const hash = window.location.hash;
      if (hash.length > 1 && hasLinkPayload(hash)) openLink(store, hash);
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [store]);
}
