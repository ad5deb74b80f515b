/** Picks the layout for the mode: the full lab, presenter mode, or embed mode. */
import { useEffect, type ReactNode } from 'react';
import { usePresenter } from '../../services/presenter/context.tsx';
import { PanelBoundary } from '../PanelBoundary.tsx';
import { lazyPart } from '../lazy.tsx';
import { installPopovers } from '../popovers.ts';
import './presenter.css';

// Presenter and embed modes are loaded only by the pages that open in them (or switch to them).
const Presenter = lazyPart(() => import('./PresenterView.tsx').then((m) => m.PresenterView));
const Embed = lazyPart(() => import('./EmbedView.tsx').then((m) => m.EmbedView));

export function Shell({ lab }: { lab: ReactNode }) {
  const mode = usePresenter((s) => s.mode);
  // Menus close on Escape and on a click outside, and stay inside the viewport, in every mode.
  useEffect(() => installPopovers(document), []);
  if (mode === 'present')
    return (
      <PanelBoundary name="presenter">
        <Presenter.Component />
      </PanelBoundary>
    );
  if (mode === 'embed')
    return (
      <PanelBoundary name="embed">
        <Embed.Component />
      </PanelBoundary>
    );
  return <>{lab}</>;
}
