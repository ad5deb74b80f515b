/**
 * The violation banner's text (Banners.tsx ViolationBanner): which invariant broke, when, where,
 * and what the break did, worded from the violation's parts (violationText.ts, with a history
 * check's explanation from linearizabilityText.ts). It comes after the first paint with the later
 * words it needs (lazy.tsx); the banner waits for both.
 */
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import { latestViolation, violationCount } from '../../store/historyCheck.ts';
import { formatTime, invariantName, serverName } from '../names.ts';
import { RuleChip } from '../rules/RuleChip.tsx';
import { violationDetail } from '../violationText.ts';

export function ViolationBody() {
  const t = useLabT();
  const lang = useLanguage();
  const store = useLabStore();
  const violation = useLab(latestViolation);
  const count = useLab(violationCount);
  const stopped = useLab((s) => s.stoppedOnViolation);
  if (!violation) return null;
  const where = [
    violation.servers.length > 0
      ? t('banner.servers', { list: violation.servers.map(serverName).join(', ') })
      : '',
    violation.indexes.length > 0 ? t('banner.index', { list: violation.indexes.join(', ') }) : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <div
      className="rl-banner rl-banner-violation"
      role="alert"
      data-testid="violation"
      data-invariant={violation.invariant}
    >
      <RuleChip id={violation.invariant} />{' '}
      <strong>
        {invariantName(violation.invariant, lang)} {t('banner.violated')}
      </strong>{' '}
      {t('banner.at', { time: formatTime(violation.time, lang) })}
      {where ? ` (${where})` : ''}: {violationDetail(violation, t, lang)}
      {count > 1 ? t('banner.count', { n: count }) : ''}
      {stopped ? t('banner.paused') : ''}{' '}
      <button
        type="button"
        className="rl-button"
        onClick={() => store.getState().seek(violation.time)}
      >
        {t('banner.show')}
      </button>
    </div>
  );
}
