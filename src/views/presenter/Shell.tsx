/** Picks the layout for the mode: the full lab, presenter mode, or embed mode. */
import { useEffect, type ReactNode } from 'react';
import { usePresenter } from '../../services/presenter/context.tsx';
import { PanelBoundary } from '../PanelBoundary.tsx';
import { installPopovers } from '../popovers.ts';
import { EmbedView } from './EmbedView.tsx';
import { PresenterView } from './PresenterView.tsx';
import './presenter.css';

export function Shell({ lab }: { lab: ReactNode }) {
  const mode = usePresenter((s) => s.mode);
  // Menus close on Escape and on a click outside, and stay inside the viewport, in every mode.
  useEffect(() => installPopovers(document), []);
  if (mode === 'present')
    return (
      <PanelBoundary name="presenter">
        <PresenterView />
      </PanelBoundary>
    );
  if (mode === 'embed')
    return (
      <PanelBoundary name="embed">
        <EmbedView />
      </PanelBoundary>
    );
  return <>{lab}</>;
}
