/** Picks the layout for the mode: the full lab, presenter mode, or embed mode. */
import type { ReactNode } from 'react';
import { usePresenter } from '../../services/presenter/context.tsx';
import { PanelBoundary } from '../PanelBoundary.tsx';
import { EmbedView } from './EmbedView.tsx';
import { PresenterView } from './PresenterView.tsx';
import './presenter.css';

export function Shell({ lab }: { lab: ReactNode }) {
  const mode = usePresenter((s) => s.mode);
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
