/**
 * The built-in library as a menu: each scenario is a link to its own short address (`#lib=ID`),
 * so it can be opened here, bookmarked, or copied into slides.
 */
import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { openLibrary } from '../../services/presenter/boot.ts';
import { usePresenter, usePresenterStore, useT } from '../../services/presenter/context.tsx';
import { libraryHash } from '../../services/presenter/url.ts';
import { LIBRARY } from '../../scenarios/library/index.ts';
import { useLabStore } from '../../store/context.tsx';

export function LibraryMenu() {
  const lab = useLabStore();
  const shell = usePresenterStore();
  const lang = usePresenter((s) => s.lang);
  const current = usePresenter((s) => s.story?.id ?? null);
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
    if (openLibrary(shell, lab, id)) window.history.pushState(null, '', libraryHash(id));
  };
  return (
    <details
      className="rl-popover rl-library-menu"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      onKeyDown={closeOnEscape}
    >
      <summary className="rl-button">{t('library.button')} ▾</summary>
      <div className="rl-popover-body rl-library">
        <h2 className="rl-library-title">{t('library.title')}</h2>
        <p className="rl-muted">{t('library.hint')}</p>
        <ul className="rl-library-list">
          {LIBRARY.map((entry) => (
            <li key={entry.id}>
              <a
                href={libraryHash(entry.id)}
                className="rl-library-item"
                aria-current={entry.id === current ? 'true' : undefined}
                onClick={(e) => choose(e, entry.id)}
              >
                <span className="rl-library-name">{entry.title[lang]}</span>
                {entry.expectViolation ? (
                  <span className="rl-library-bug">{t('library.bug')}</span>
                ) : null}
                <span className="rl-library-summary">{entry.summary[lang]}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
