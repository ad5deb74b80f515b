/**
 * Opens the share link in the page address: once on load, and again whenever the fragment
 * changes (a link pasted into the address bar of an open lab). Fragments that hold no `s=` part
 * belong to other features and are left alone. Nothing here touches the network.
 *
 * The decoder (its inflater and the scenario schema) is not part of the first paint: it is loaded
 * the first time a link is opened. A page whose address holds a link loads it before its first
 * render (main.tsx awaits loadLinkOpener), so such a link opens exactly as it always did.
 */
import { useEffect } from 'react';
import { hasLinkPayload } from '../../scenarios/linkPayload.ts';
import { loadEngine } from '../../store/engine.ts';
import type { LabStore } from '../../store/types.ts';
import type * as OpenScenario from './openScenario.ts';

type Opener = typeof OpenScenario;

let opener: Opener | null = null;
let loading: Promise<Opener> | null = null;

/** Loads the link decoder once (a failed download is tried again by the next call). */
export function loadLinkOpener(): Promise<Opener> {
  // A run opened from a link or a file steps at once (to its position, its story's stops): the
  // simulation's stepping code comes with the decoder (engine.ts).
  loading ??= Promise.all([import('./openScenario.ts'), loadEngine()]).then(
    ([m]) => (opener = m),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export function useShareLinks(store: LabStore): void {
  useEffect(() => {
    const open = (): void => {
      const hash = window.location.hash;
      if (hash.length <= 1 || !hasLinkPayload(hash)) return;
      if (opener !== null) opener.openLink(store, hash);
      else
        void loadLinkOpener().then(
          (m) => m.openLink(store, hash),
          () => {},
        );
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [store]);
}
