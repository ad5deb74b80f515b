/**
 * The link itself: always visible in a read-only field (the fallback when the clipboard is
 * blocked), a Copy button, and its length.
 */
import { useRef, useState } from 'react';
import type { MessageKey } from '../../i18n/index.ts';
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import { formatCount } from '../../i18n/numbers.ts';

type CopyStatus = 'idle' | 'copied' | 'blocked';

const STATUS_TEXT: Record<CopyStatus, MessageKey | null> = {
  idle: null,
  copied: 'share.copied',
  blocked: 'share.blocked',
};

export function LinkSection({ url }: { url: string }) {
  const t = useLabT();
  const lang = useLanguage();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<CopyStatus>('idle');
  const selectAll = (): void => fieldRef.current?.select();
  const copy = async (): Promise<void> => {
    try {
      // Absent outside secure contexts, and may be refused: both end in the fallback.
      await navigator.clipboard.writeText(url);
      setStatus('copied');
    } catch {
      fieldRef.current?.focus();
      selectAll();
      setStatus('blocked');
    }
  };
  return (
    <section className="rl-share-section" aria-labelledby="rl-share-link-title">
      <h3 id="rl-share-link-title" className="rl-share-heading">
        {t('share.link')}
      </h3>
      <textarea
        ref={fieldRef}
        className="rl-share-url"
        readOnly
        rows={2}
        value={url}
        aria-label={t('share.linkLabel')}
        spellCheck={false}
        onFocus={selectAll}
        data-testid="share-url"
      />
      <div className="rl-share-row">
        <button type="button" className="rl-button rl-button-primary" onClick={() => void copy()}>
          {t('share.copy')}
        </button>
        <span className="rl-share-length" data-testid="share-length">
          {t('share.length', { n: formatCount(url.length, lang) })}
        </span>
      </div>
      <p className="rl-share-status" aria-live="polite" data-testid="copy-status">
        {STATUS_TEXT[status] === null ? '' : t(STATUS_TEXT[status])}
      </p>
    </section>
  );
}
