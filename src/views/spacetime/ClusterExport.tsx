/**
 * Export the cluster view as a picture for slides: SVG (the ring as drawn, with its computed
 * styles inlined so it looks the same on its own) or PNG at twice its size (the same SVG drawn on
 * a canvas).
 */
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import { downloadBlob, downloadText } from '../../services/share/download.ts';
import { useLabStore } from '../../store/context.tsx';
import { serializeWithStyles, svgToPng } from '../export/domExport.ts';
import { standaloneSvg } from '../export/standaloneSvg.ts';
import { formatTime } from '../format.ts';
import { exportFileName } from './geometry.ts';
import { FONT_FAMILY } from './styles.ts';

function clusterSvg(): { text: string; width: number; height: number } | null {
  const el = document.querySelector<SVGSVGElement>('.rl-cluster-svg');
  if (el === null) return null;
  const box = el.getBoundingClientRect();
  return {
    text: serializeWithStyles(el),
    width: Math.round(box.width),
    height: Math.round(box.height),
  };
}

export function ClusterExport() {
  const t = useLabT();
  const lang = useLanguage();
  const store = useLabStore();
  const build = (): { text: string; width: number; height: number; name: string } | null => {
    const picture = clusterSvg();
    if (picture === null) return null;
    const s = store.getState();
    const at = formatTime(s.frame.time, lang);
    const heading = t('st.exportHeading', { seed: s.run.seed, from: at, to: at });
    const text = standaloneSvg({
      svg: picture.text,
      width: picture.width,
      height: picture.height,
      heading,
      fontFamily: FONT_FAMILY,
    });
    const window = { fromMs: s.frame.time, toMs: s.frame.time };
    return {
      text,
      width: picture.width,
      height: picture.height + 26,
      name: exportFileName(s.run.seed, window, 'x').slice(0, -2),
    };
  };
  const fail = (error: unknown): void =>
    store.getState().showNotice(t('st.exportFailed', { reason: String(error) }));
  const onSvg = (): void => {
    try {
      const made = build();
      if (made) downloadText(made.text, `${made.name}.svg`, 'image/svg+xml');
    } catch (error) {
      fail(error);
    }
  };
  const onPng = (): void => {
    try {
      const made = build();
      if (!made) return;
      svgToPng(made.text, made.width, made.height, 2).then(
        (blob) => downloadBlob(blob, `${made.name}.png`),
        fail,
      );
    } catch (error) {
      fail(error);
    }
  };
  return (
    <span className="rl-cluster-export" role="group" aria-label={t('cluster.exportLabel')}>
      <span className="rl-cluster-export-label">{t('cluster.exportLabel')}</span>
      <button
        type="button"
        className="rl-button"
        title={t('cluster.exportSvgTitle')}
        onClick={onSvg}
      >
        {t('cluster.exportSvg')}
      </button>
      <button
        type="button"
        className="rl-button"
        title={t('cluster.exportPngTitle')}
        onClick={onPng}
      >
        {t('cluster.exportPng')}
      </button>
    </span>
  );
}
