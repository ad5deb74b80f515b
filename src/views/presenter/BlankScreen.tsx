/** B (or `.`) blanks the screen to black, as presentation software does; any key brings it back. */
import { usePresenter, usePresenterStore, useT } from '../../services/presenter/context.tsx';

export function BlankScreen() {
  const shell = usePresenterStore();
  const blank = usePresenter((s) => s.blank);
  const t = useT();
  if (!blank) return null;
  return (
    <div
      className="rl-blank"
      role="button"
      tabIndex={-1}
      aria-label={t('present.blankHint')}
      onClick={(e) => {
        e.stopPropagation();
        shell.getState().toggleBlank();
      }}
    />
  );
}
