/**
 * The network knobs under the cluster: latency range, loss and duplication, plus the partition
 * tools. A change becomes one `network` action when the control is released, not one per pixel
 * of a drag, so the action log (and a share link) stays short.
 */
import { useState } from 'react';
import { useLabT } from '../../services/presenter/context.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import type { NetworkChange } from '../../store/types.ts';
import { MembershipMenu } from './MembershipMenu.tsx';

function percent(ratio: readonly [number, number]): number {
  return ratio[1] === 0 ? 0 : Math.round((ratio[0] * 100) / ratio[1]);
}

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  unit: string;
  title: string;
  onCommit: (value: number) => void;
}

/** A range input that shows its value while dragging and commits once on release. */
function Slider({ label, value, min, max, unit, title, onCommit }: SliderProps) {
  const [draft, setDraft] = useState<number | null>(null);
  const shown = draft ?? value;
  const commit = (): void => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <label className="rl-field rl-slider" title={title}>
      <span className="rl-field-label">{label}</span>
      <input
        type="range"
        min={min}
        max={max}
        value={shown}
        onChange={(e) => setDraft(Number(e.target.value))}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
      />
      <output className="rl-slider-value">{`${shown}${unit}`}</output>
    </label>
  );
}

/** Latency, loss and duplication, in a popover: they matter, but less often than the ring. */
function NetworkMenu() {
  const t = useLabT();
  const store = useLabStore();
  const network = useLab((s) => s.frame.network);
  const apply = (change: NetworkChange): void => store.getState().setNetwork(change);
  const [lo, hi] = network.latencyMs;
  const lossy = network.loss[0] > 0 || network.duplication[0] > 0;
  return (
    <details className="rl-popover rl-popover-up rl-network-menu">
      <summary className="rl-button" title={t('net.title')}>
        {`${t('net.summary', { lo, hi })}${lossy ? t('net.lossy', { loss: percent(network.loss), dup: percent(network.duplication) }) : ''} ▾`}
      </summary>
      <div className="rl-popover-body rl-network" role="group" aria-label={t('net.group')}>
        <Slider
          label={t('net.latencyMin')}
          value={lo}
          min={0}
          max={200}
          unit=" ms"
          title={t('net.latencyMinTitle')}
          onCommit={(v) => apply({ latencyMs: [v, Math.max(v, hi)] })}
        />
        <Slider
          label={t('net.latencyMax')}
          value={hi}
          min={0}
          max={200}
          unit=" ms"
          title={t('net.latencyMaxTitle')}
          onCommit={(v) => apply({ latencyMs: [Math.min(lo, v), v] })}
        />
        <Slider
          label={t('net.loss')}
          value={percent(network.loss)}
          min={0}
          max={50}
          unit=" %"
          title={t('net.lossTitle')}
          onCommit={(v) => apply({ loss: [v, 100] })}
        />
        <Slider
          label={t('net.duplication')}
          value={percent(network.duplication)}
          min={0}
          max={50}
          unit=" %"
          title={t('net.duplicationTitle')}
          onCommit={(v) => apply({ duplication: [v, 100] })}
        />
      </div>
    </details>
  );
}

export function NetworkControls() {
  const t = useLabT();
  const store = useLabStore();
  const partitioned = useLab(
    (s) => s.frame.network.groups !== null || s.frame.network.cut.length > 0,
  );
  const drafting = useLab((s) => s.partitionDraft !== null);
  return (
    <div className="rl-button-row rl-network-tools">
      <MembershipMenu />
      <button
        type="button"
        className="rl-button"
        aria-pressed={drafting}
        disabled={drafting}
        title={t('net.partitionTitle')}
        onClick={() => store.getState().startPartition()}
      >
        {t('net.partition')} <kbd className="rl-kbd">P</kbd>
      </button>
      <button
        type="button"
        className="rl-button"
        disabled={!partitioned}
        title={t('net.healTitle')}
        onClick={() => store.getState().heal()}
      >
        {t('net.heal')} <kbd className="rl-kbd">H</kbd>
      </button>
      <NetworkMenu />
    </div>
  );
}
