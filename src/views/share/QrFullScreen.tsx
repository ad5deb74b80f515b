/**
 * The QR code as large as the window allows, for a projector: one click or Escape closes it.
 */
import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import { formatCount } from '../../i18n/numbers.ts';
import { QrCode } from './QrCode.tsx';

export interface QrFullScreenProps {
  size: number;
  path: string;
  length: number;
  onClose: () => void;
}

export function QrFullScreen({ size, path, length, onClose }: QrFullScreenProps) {
  const t = useLabT();
  const lang = useLanguage();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    // Keys stay in here: the lab's shortcuts must not act on the run behind the code.
    e.stopPropagation();
    if (e.key === 'Escape') onClose();
  };
  return (
    <div
      className="rl-qr-full"
      role="dialog"
      aria-modal="true"
      aria-label={t('share.qrFullLabel')}
      onKeyDown={onKeyDown}
      onClick={onClose}
      data-testid="qr-full"
    >
      <QrCode className="rl-qr-full-code" size={size} path={path} label={t('share.qrLabel')} />
      <p className="rl-qr-full-caption">
        {t('share.scan', { n: formatCount(length, lang) })}{' '}
        <button ref={closeRef} type="button" className="rl-button" onClick={onClose}>
          {t('share.close')}
        </button>
      </p>
    </div>
  );
}
