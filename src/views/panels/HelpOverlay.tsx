import { useId, useRef, type KeyboardEvent } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import { trapTab, useDialogFocus } from './useDialogFocus.ts';

export interface Shortcut {
  /** Keys pressed together, e.g. ['Shift', '→']; shown as separate key caps. */
  keys: readonly string[];
  /** Shown between the key caps: '+' (together, the default) or e.g. '/' for alternatives. */
  separator?: string;
  description: string;
}

export interface HelpOverlayProps {
  open: boolean;
  shortcuts: readonly Shortcut[];
  onClose: () => void;
  title?: string;
  /** The Close button's label (translated in presenter mode). */
  closeLabel?: string;
}

/**
 * The `?` overlay: keyboard shortcuts as a modal dialog. Escape or the Close button closes it;
 * focus moves to Close on open so keyboard users land inside the dialog, Tab stays inside, and
 * focus returns to the opener on close.
 */
export function HelpOverlay({ open, shortcuts, onClose, title, closeLabel }: HelpOverlayProps) {
  const t = useLabT();
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useDialogFocus(open, closeRef);
  if (!open) return null;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    trapTab(e, e.currentTarget);
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };
  return (
    <div className="rl-overlay" onClick={onClose}>
      <div
        className="rl-panel rl-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
        onClick={(e) => e.stopPropagation()}
      >
        <div className="rl-panel-header">
          <h2 id={titleId} className="rl-panel-title">
            {title ?? t('lab.shortcuts')}
          </h2>
          <button ref={closeRef} type="button" className="rl-button" onClick={onClose}>
            {closeLabel ?? t('lab.close')}
          </button>
        </div>
        <dl className="rl-shortcuts">
          {shortcuts.map((s) => (
            <div key={`${s.keys.join('+')}:${s.description}`} className="rl-shortcut">
              <dt>
                {s.keys.map((k, i) => (
                  <span key={i}>
                    {i > 0 ? <span aria-hidden="true"> {s.separator ?? '+'} </span> : null}
                    <kbd className="rl-kbd">{k}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{s.description}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
