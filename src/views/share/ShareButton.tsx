/**
 * The header's Share button. Opening the dialog pauses the run: a link holds one frame, and it
 * should be the one on screen. Focus returns to the button when the dialog closes.
 */
import { useRef, useState } from 'react';
import { useLabStore } from '../../store/context.tsx';
import { useLabT } from '../../services/presenter/context.tsx';
import { lazyPart, preloadWhenIdle } from '../lazy.tsx';

// The dialog (link, QR code, file) loads when first opened.
const Dialog = lazyPart(
  () => import('./ShareDialog.tsx').then((m) => m.ShareDialog),
  'rl-loading-dialog',
);
preloadWhenIdle(Dialog.preload);

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
        onPointerEnter={() => void Dialog.preload()}
        onFocus={() => void Dialog.preload()}
      >
        {t('share.button')}
      </button>
      {open ? <Dialog.Component onClose={close} /> : null}
    </>
  );
}
