/**
 * Messages across the top of the lab: an invariant violation (the run is paused on it), the
 * partition mode's instructions, and short notices (a shortcut that had nothing to do).
 */
import { useLab, useLabStore } from '../../store/context.tsx';
import { INVARIANT_NAMES, formatTime, serverName } from '../format.ts';
import { draftToGroups } from '../../store/slices/ui.ts';

export function ViolationBanner() {
  const store = useLabStore();
  const violation = useLab((s) => s.frame.violations.at(-1));
  const count = useLab((s) => s.frame.violations.length);
  const stopped = useLab((s) => s.stoppedOnViolation);
  if (!violation) return null;
  const where = [
    violation.servers.length > 0 ? `servers ${violation.servers.map(serverName).join(', ')}` : '',
    violation.indexes.length > 0 ? `index ${violation.indexes.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <div className="rl-banner rl-banner-violation" role="alert" data-testid="violation">
      <strong>
        {violation.invariant} {INVARIANT_NAMES[violation.invariant]} violated
      </strong>{' '}
      at {formatTime(violation.time)}
      {where ? ` (${where})` : ''}: {violation.message}
      {count > 1 ? ` (${count} violations so far)` : ''}
      {stopped ? ' — the run is paused here.' : ''}{' '}
      <button
        type="button"
        className="rl-button"
        onClick={() => store.getState().seek(violation.time)}
      >
        Show
      </button>
    </div>
  );
}

export function PartitionBar() {
  const store = useLabStore();
  const draft = useLab((s) => s.partitionDraft);
  if (!draft) return null;
  const groups = draftToGroups(draft);
  const summary = groups.map((g) => `{${g.map(serverName).join(', ')}}`).join('  ');
  return (
    <div className="rl-banner rl-banner-partition" role="status">
      <span>
        <strong>Partition:</strong> click a server to move it to the next group (G1 → G2 → G3), or
        drag a line across the ring. Groups: {summary}
      </span>
      <span className="rl-button-row">
        <button
          type="button"
          className="rl-button rl-button-primary"
          onClick={() => store.getState().applyPartition()}
        >
          Apply
        </button>
        <button
          type="button"
          className="rl-button"
          onClick={() => store.getState().cancelPartition()}
        >
          Cancel
        </button>
      </span>
    </div>
  );
}

export function NoticeBar() {
  const store = useLabStore();
  const notice = useLab((s) => s.notice);
  if (notice === null) return null;
  return (
    <div className="rl-banner rl-banner-notice" role="status" data-testid="notice">
      <span>{notice}</span>
      <button
        type="button"
        className="rl-button rl-icon-button"
        aria-label="Dismiss"
        onClick={() => store.getState().dismissNotice()}
      >
        ✕
      </button>
    </div>
  );
}
