/**
 * What the cluster picture's export (ClusterExport.tsx, part of the first paint) shares with the
 * space-time diagram (a later chunk): the file name and the font. A module of its own, so the
 * first paint does not carry the diagram's geometry and styles for them.
 */

/** A window of virtual time, in ms (geometry.ts's TimeWindow). */
export interface ExportWindow {
  fromMs: number;
  toMs: number;
}

/** `raft-lab-seed42-2.000-4.500s.svg`: the seed and the window in seconds. */
export function exportFileName(seed: number, w: ExportWindow | null, ext: string): string {
  const safeSeed = Number.isSafeInteger(seed) ? String(seed) : 'x';
  const range = w === null ? '' : `-${(w.fromMs / 1000).toFixed(3)}-${(w.toMs / 1000).toFixed(3)}s`;
  return `raft-lab-seed${safeSeed}${range}.${ext}`;
}

export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
