/**
 * "What am I looking at?": a popover at the ring's corner that lists the cluster's marks, each
 * drawn as the ring draws it, with a line of explanation (ClusterLegendList.tsx). The list comes
 * after the first paint: it is loaded when the legend first opens, or ahead on hover, on focus,
 * or once the page is idle.
 */
import { useState } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import { lazyPart, preloadWhenIdle } from '../lazy.tsx';

const List = lazyPart(() => import('./ClusterLegendList.tsx').then((m) => m.ClusterLegendList));
preloadWhenIdle(List.preload);

export function ClusterLegend() {
  const t = useLabT();
  const [open, setOpen] = useState(false);
  return (
    <details
      className="rl-popover rl-cluster-legend"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary
        className="rl-button"
        title={t('tip.ringLegend')}
        onPointerEnter={() => void List.preload()}
        onFocus={() => void List.preload()}
      >
        {t('ring.legend')}
      </summary>
      <div className="rl-popover-body">{open ? <List.Component /> : null}</div>
    </details>
  );
}
