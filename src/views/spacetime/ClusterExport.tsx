/**
 * Export the cluster view as a picture for slides: SVG (the ring as drawn, with its computed
 * styles inlined so it looks the same on its own) or PNG at twice its size (the same SVG drawn on
 * a canvas). The exporters are loaded after the first paint (when the page is idle, or when the
 * pointer or focus reaches the buttons); a click before that waits for them.
 */
import { useLabT, useLanguage } from '../../services/presenter/context.tsx';
import { downloadBlob, downloadText } from '../../services/share/download.ts';
import { useLabStore } from '../../store/context.tsx';
import type * as DomExport from '../export/domExport.ts';
import type * as StandaloneSvg from '../export/standaloneSvg.ts';
import { preloadWhenIdle } from '../lazy.tsx';
import { formatTime } from '../names.ts';
import { FONT_FAMILY, exportFileName } from './exportNames.ts';

interface Exporters {
  serializeWithStyles: typeof DomExport.serializeWithStyles;
  svgToPng: typeof DomExport.svgToPng;
  standaloneSvg: typeof StandaloneSvg.standaloneSvg;
}

let exporters: Exporters | null = null;
let loading: Promise<Exporters> | null = null;

function loadExporters(): Promise<Exporters> {
  loading ??= Promise.all([
    import('../export/domExport.ts'),
    import('../export/standaloneSvg.ts'),
  ]).then(
    ([dom, svg]) =>
      (exporters = {
        serializeWithStyles: dom.serializeWithStyles,
        svgToPng: dom.svgToPng,
        standaloneSvg: svg.standaloneSvg,
      }),
    (error: unknown) => {
      loading = null; // the next click tries again
      throw error;
    },
  );
  return loading;
}
preloadWhenIdle(() => loadExporters().catch(() => undefined));

/** Runs `run` with the exporters: at once when they are here, else once they arrive. */
function withExporters(run: (e: Exporters) => void, fail: (error: unknown) => void): void {
  if (exporters !== null) run(exporters);
  else loadExporters().then(run, fail);
}

function clusterSvg({ serializeWithStyles }: Exporters): {
  text: string;
  width: number;
  height: number;
} | null {
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
  const build = (
    e: Exporters,
  ): { text: string; width: number; height: number; name: string } | null => {
    const picture = clusterSvg(e);
    if (picture === null) return null;
    const s = store.getState();
    const at = formatTime(s.frame.time, lang);
    const heading = t('st.exportHeading', { seed: s.run.seed, from: at, to: at });
    const text = e.standaloneSvg({
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
  const onSvg = (): void =>
    withExporters((e) => {
      try {
        const made = build(e);
        if (made) downloadText(made.text, `${made.name}.svg`, 'image/svg+xml');
      } catch (error) {
        fail(error);
      }
    }, fail);
  const onPng = (): void =>
    withExporters((e) => {
      try {
        const made = build(e);
        if (!made) return;
        e.svgToPng(made.text, made.width, made.height, 2).then(
          (blob) => downloadBlob(blob, `${made.name}.png`),
          fail,
        );
      } catch (error) {
        fail(error);
      }
    }, fail);
  const preload = (): void => void loadExporters().catch(() => undefined);
  return (
    <span
      className="rl-cluster-export"
      role="group"
      aria-label={t('cluster.exportLabel')}
      onPointerEnter={preload}
      onFocus={preload}
    >
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
