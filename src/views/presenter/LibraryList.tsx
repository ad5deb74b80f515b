/** The library menu's list of stories (loaded when the menu first opens: see ../lazy.tsx). */
import type { MouseEvent } from 'react';
import { usePresenter, useT } from '../../services/presenter/context.tsx';
import { libraryHash } from '../../services/presenter/url.ts';
import { LIBRARY } from '../../scenarios/library/index.ts';

export function LibraryList({ onChoose }: { onChoose: (e: MouseEvent, id: string) => void }) {
  const lang = usePresenter((s) => s.lang);
  const current = usePresenter((s) => s.story?.id ?? null);
  const t = useT();
  return (
    <ul className="rl-library-list">
      {LIBRARY.map((entry) => (
        <li key={entry.id}>
          <a
            href={libraryHash(entry.id)}
            className="rl-library-item"
            aria-current={entry.id === current ? 'true' : undefined}
            onClick={(e) => onChoose(e, entry.id)}
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
  );
}
