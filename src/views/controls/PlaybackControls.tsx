/**
 * Play/pause, step back/forward, speed, and the time readout with an exact "go to" field and a
 * jump back to the end of the timeline. Every control has a key (see the help overlay).
 */
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import { formatTime } from '../names.ts';
import { setText, useLiveTime } from '../useLiveTime.ts';
import { rulesPanel } from '../../services/rulesPanel.ts';
import '../rules/rules.css';
import { StepBackIcon, StepForwardIcon } from './icons.tsx';

/** Virtual ms per wall ms. RaftScope stops at 1×; 100× soaks a run in seconds. */
export const SPEEDS: readonly { value: number; label: string }[] = [
  { value: 0.001, label: '1/1000×' },
  { value: 0.01, label: '1/100×' },
  { value: 0.02, label: '1/50×' },
  { value: 0.05, label: '1/20×' },
  { value: 0.1, label: '1/10×' },
  { value: 0.2, label: '1/5×' },
  { value: 0.5, label: '1/2×' },
  { value: 1, label: '1× (real time)' },
  { value: 2, label: '2×' },
  { value: 10, label: '10×' },
  { value: 100, label: '100×' },
];

function SpeedSelect() {
  const t = useLabT();
  const store = useLabStore();
  const speed = useLab((s) => s.speed);
  const known = SPEEDS.some((o) => o.value === speed);
  return (
    <label className="rl-field rl-speed" title={t('tip.speed')}>
      <span className="rl-field-label">{t('play.speed')}</span>
      <select
        value={String(speed)}
        onChange={(e) => store.getState().setSpeed(Number(e.target.value))}
        aria-label={t('play.speed')}
      >
        {known ? null : <option value={String(speed)}>{`${speed}×`}</option>}
        {SPEEDS.map((o) => (
          <option key={o.value} value={String(o.value)}>
            {o.value === 1 ? t('play.realTime') : o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The current time; click it to type an exact time to go to (ms). */
function TimeReadout() {
  const t = useLabT();
  const lang = useLanguage();
  const store = useLabStore();
  // The clock counts whenever the driver wakes (an event, or a tenth of a second): useLiveTime
  // writes its text, React renders it only when the rest of the readout changes (the end, the
  // language, editing). It needs no frame of its own: digits changing ten times a second read
  // as smoothly as sixty.
  const readout = useRef<HTMLSpanElement>(null);
  useLiveTime((now) => setText(readout.current, formatTime(Math.floor(now), lang)), false);
  const time = Math.floor(store.getState().displayTime);
  // At the head the end is not shown (it grows every frame there): null, so no render for it.
  const end = useLab((s) => (s.atHead ? null : s.endTime));
  const atHead = end === null;
  const [editing, setEditing] = useState<string | null>(null);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const ms = Number(editing);
    if (editing !== null && editing.trim() !== '' && Number.isFinite(ms)) store.getState().seek(ms);
    setEditing(null);
  };
  return (
    <div className="rl-time" aria-live="off">
      {editing === null ? (
        <button
          type="button"
          className="rl-time-readout"
          title={t('tip.time')}
          onClick={() => setEditing(String(Math.floor(store.getState().displayTime)))}
        >
          <span ref={readout} className="rl-time-now" data-testid="time">
            {formatTime(time, lang)}
          </span>
          {end === null ? null : (
            <span className="rl-time-end">{` / ${formatTime(end, lang)}`}</span>
          )}
        </button>
      ) : (
        <form onSubmit={submit} className="rl-time-form">
          <input
            autoFocus
            inputMode="numeric"
            aria-label={t('tip.timeInput')}
            value={editing}
            onChange={(e) => setEditing(e.target.value)}
            onBlur={() => setEditing(null)}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
          />
          <span className="rl-field-label">ms</span>
        </form>
      )}
      {atHead ? null : (
        <button
          type="button"
          className="rl-button rl-to-end"
          title={t('tip.toEnd')}
          onClick={() => store.getState().seek(store.getState().endTime)}
        >
          {t('play.toEnd')} <StepForwardIcon />
        </button>
      )}
    </div>
  );
}

/**
 * The trace hash: the same seed and actions give the same hash in Node and in the browser. Its
 * tooltip and accessible name say what it is; a click opens the Rules panel at "Trace hash".
 */
function TraceHash() {
  const t = useLabT();
  const hash = useLab((s) => s.frame.traceHash);
  return (
    <button
      type="button"
      className="rl-trace rl-trace-button"
      data-testid="trace-hash"
      title={`${t('trace.label', { hash })}\n${t('trace.title')}`}
      // The name starts with what the button shows (label in name): the first 8 characters.
      aria-label={`${t('trace.label', { hash: hash.slice(0, 8) })}. ${t('trace.title')}`}
      onClick={() => rulesPanel.getState().openAt('TRACE-HASH')}
    >
      #{hash.slice(0, 8)}
    </button>
  );
}

export function PlaybackControls() {
  const t = useLabT();
  const store = useLabStore();
  const playing = useLab((s) => s.playing);
  return (
    <div className="rl-playback" role="group" aria-label={t('play.group')}>
      <button
        type="button"
        className="rl-button rl-icon-button"
        title={t('tip.stepBack')}
        aria-label={t('play.stepBack')}
        onClick={() => store.getState().stepBack()}
      >
        <StepBackIcon />
      </button>
      <button
        type="button"
        className="rl-button rl-play"
        title={playing ? t('tip.pause') : t('tip.play')}
        aria-label={playing ? t('play.pause') : t('play.play')}
        aria-pressed={playing}
        onClick={() => store.getState().toggle()}
      >
        {playing ? t('play.pauseButton') : t('play.playButton')}
      </button>
      <button
        type="button"
        className="rl-button rl-icon-button"
        title={t('tip.stepForward')}
        aria-label={t('play.stepForward')}
        onClick={() => store.getState().stepForward()}
      >
        <StepForwardIcon />
      </button>
      <SpeedSelect />
      <TimeReadout />
      <TraceHash />
    </div>
  );
}
