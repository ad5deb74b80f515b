/**
 * The link itself: always visible in a read-only field (the fallback when the clipboard is
 * blocked), a Copy button, and its length.
 */
import { useRef, useState } from 'react';

type CopyStatus = 'idle' | 'copied' | 'blocked';

const STATUS_TEXT: Record<CopyStatus, string> = {
  idle: '',
  copied: 'Copied to the clipboard.',
  blocked:
    'This browser blocked copying: the link is selected in the box above, press Ctrl+C (⌘C on a Mac).',
};

export function LinkSection({ url }: { url: string }) {
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
        Link
      </h3>
      <textarea
        ref={fieldRef}
        className="rl-share-url"
        readOnly
        rows={2}
        value={url}
        aria-label="Share link"
        spellCheck={false}
        onFocus={selectAll}
        data-testid="share-url"
      />
      <div className="rl-share-row">
        <button type="button" className="rl-button rl-button-primary" onClick={() => void copy()}>
          Copy link
        </button>
        <span className="rl-share-length" data-testid="share-length">
          {url.length.toLocaleString('en-US')} characters
        </span>
      </div>
      <p className="rl-share-status" aria-live="polite" data-testid="copy-status">
        {STATUS_TEXT[status]}
      </p>
    </section>
  );
}
