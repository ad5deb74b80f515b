/**
 * The link as a QR code, with a full-screen view for projectors; a link too long for a code says
 * so instead of drawing something no phone can read.
 */
import { useMemo, useState } from 'react';
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import { formatCount } from '../../i18n/numbers.ts';
import { QR_MAX_BYTES, qrGeometry } from './qrCode.ts';
import { QrCode } from './QrCode.tsx';
import { QrFullScreen } from './QrFullScreen.tsx';

/** Past this version a code has over 100 modules a side: fine up close, hard from afar. */
const DENSE_VERSION = 20;

export function QrSection({ url }: { url: string }) {
  const t = useLabT();
  const lang = useLanguage();
  const qr = useMemo(() => qrGeometry(url), [url]);
  const [full, setFull] = useState(false);
  return (
    <section className="rl-share-section" aria-labelledby="rl-share-qr-title">
      <h3 id="rl-share-qr-title" className="rl-share-heading">
        {t('share.qr')}
      </h3>
      {qr.ok ? (
        <div className="rl-share-qr">
          <QrCode className="rl-qr-code" size={qr.size} path={qr.path} label={t('share.qrLabel')} />
          <div className="rl-share-qr-side">
            <button type="button" className="rl-button" onClick={() => setFull(true)}>
              {t('share.qrFull')}
            </button>
            <p className="rl-share-hint">
              {qr.version > DENSE_VERSION ? t('share.qrDense') : t('share.qrProjector')}
            </p>
          </div>
          {full ? (
            <QrFullScreen
              size={qr.size}
              path={qr.path}
              length={url.length}
              onClose={() => setFull(false)}
            />
          ) : null}
        </div>
      ) : (
        <p className="rl-share-warning" data-testid="qr-too-long">
          {t('share.qrTooLong', {
            n: formatCount(qr.bytes, lang),
            max: formatCount(QR_MAX_BYTES, lang),
          })}
        </p>
      )}
    </section>
  );
}
