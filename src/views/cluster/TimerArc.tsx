/**
 * The election timer around a follower or candidate: the arc shrinks as the deadline nears
 * (F2-F2). It is the only part of a server that follows the fractional display time, so it is
 * its own component and the rest of the server re-renders only when the server changes.
 */
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab } from '../../store/context.tsx';
import { timerArcPath, timerFraction } from './geometry.ts';

export function TimerArc({ id, r }: { id: number; r: number }) {
  const t = useLabT();
  const deadline = useLab((s) => s.frame.servers[id - 1]?.electionDeadlineMs ?? 0);
  const timeout = useLab((s) => s.frame.servers[id - 1]?.electionTimeoutMs ?? 0);
  const now = useLab((s) => s.displayTime);
  const fraction = timerFraction(deadline, timeout, now);
  const left = Math.max(0, Math.round(deadline - now));
  return (
    <g className={`rl-timer${fraction < 0.25 ? ' is-due' : ''}`}>
      <title>{t('tip.timer', { left, total: timeout })}</title>
      <circle className="rl-timer-track" r={r + 5} />
      <path className="rl-timer-arc" d={timerArcPath(fraction, r)} />
    </g>
  );
}
