/**
 * The header's Share button. Opening the dialog pauses the run: a link holds one frame, and it
 * should be the one on screen. Focus returns to the button when the dialog closes.
 */
import { useRef, useState } from 'react';
import { useLabStore } from '../../store/context.tsx';
import { useLabT } from '../../services/presenter/context.tsx';
import { ShareDialog } from './ShareDialog.tsx';

export function ShareButton() {
  const t = useLabT();
  const store = useLabStore();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const show = (): void => {
    store.getState().pause();
    setOpen(true);
  };
  const close = (): void => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="rl-button rl-share-button"
        title={t('share.buttonTitle')}
        onClick={show}
      >
        {t('share.button')}
      </button>
      {open ? <ShareDialog onClose={close} /> : null}
    </>
  );
}
