/**
 * The built-in library as a menu: each scenario is a link to its own short address (`#lib=ID`),
 * so it can be opened here, bookmarked, or copied into slides.
 */
import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { openLibrary } from '../../services/presenter/boot.ts';
import { usePresenterStore, useT } from '../../services/presenter/context.tsx';
import { libraryHash } from '../../services/presenter/url.ts';
import { useLabStore } from '../../store/context.tsx';
import { lazyPart, preloadWhenIdle } from '../lazy.tsx';

// The stories (a large part of the app's code) load when the menu first opens.
const List = lazyPart(() => import('./LibraryList.tsx').then((m) => m.LibraryList));
preloadWhenIdle(List.preload);

export function LibraryMenu() {
  const lab = useLabStore();
  const shell = usePresenterStore();
  const t = useT();
  const [open, setOpen] = useState(false);
  // Escape closes the popover and leaves the focus on its button (menu button pattern).
  const closeOnEscape = (e: KeyboardEvent<HTMLDetailsElement>): void => {
    if (e.key !== 'Escape' || !open) return;
    e.stopPropagation();
    setOpen(false);
    e.currentTarget.querySelector('summary')?.focus();
  };
  const choose = (e: MouseEvent, id: string): void => {
    // Opened directly (even when the address already says this id), then the address follows.
    e.preventDefault();
    setOpen(false);
    void openLibrary(shell, lab, id).then((opened) => {
      if (opened) window.history.pushState(null, '', libraryHash(id));
    });
  };
  return (
    <details
      className="rl-popover rl-library-menu"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={closeOnEscape}
      onPointerEnter={() => void List.preload()}
      onFocus={() => void List.preload()}
    >
      <summary className="rl-button">{t('library.button')} ▾</summary>
      <div className="rl-popover-body rl-library">
        <h2 className="rl-library-title">{t('library.title')}</h2>
        <p className="rl-muted">{t('library.hint')}</p>
        {open ? <List.Component onChoose={choose} /> : null}
      </div>
    </details>
  );
}
