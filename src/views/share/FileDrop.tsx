/**
 * Drag a scenario file anywhere onto the page to open it. While a file is dragged over the window
 * an overlay says what dropping will do; drags of anything else (text, links) are left alone.
 */
import { useEffect, useState } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import { loadLinkOpener } from '../../services/share/useShareLinks.ts';
import { useLabStore } from '../../store/context.tsx';
import { preloadWhenIdle } from '../lazy.tsx';
import './share.css';

// The reader of links and files (the schema, the inflater) is fetched once the page is idle.
preloadWhenIdle(() => loadLinkOpener().catch(() => undefined));

function hasFiles(e: DragEvent): boolean {
  return e.dataTransfer?.types.includes('Files') ?? false;
}

export function FileDrop() {
  const t = useLabT();
  const store = useLabStore();
  const [active, setActive] = useState(false);
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; a count tells when the drag left.
    let depth = 0;
    const enter = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      depth++;
      setActive(true);
    };
    const leave = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setActive(false);
    };
    const over = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      // Without this the browser would open the file itself, leaving the lab.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setActive(false);
      const file = e.dataTransfer?.files[0];
      // The reader (the schema and its checks) is loaded on the first drop.
      if (file !== undefined)
        void loadLinkOpener().then(
          (m) => m.openFile(store, file),
          () => {},
        );
    };
    const listeners = { dragenter: enter, dragleave: leave, dragover: over, drop } as const;
    for (const [type, fn] of Object.entries(listeners)) window.addEventListener(type, fn as never);
    return () => {
      for (const [type, fn] of Object.entries(listeners))
        window.removeEventListener(type, fn as never);
    };
  }, [store]);
  if (!active) return null;
  return (
    <div className="rl-drop-overlay" data-testid="drop-overlay">
      <div className="rl-drop-message">
        <strong>{t('share.dropTitle')}</strong>
        <span>{t('share.dropHint')}</span>
      </div>
    </div>
  );
}
