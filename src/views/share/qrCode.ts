/**
 * A QR code as SVG geometry: uqr computes the module matrix, and the dark modules become one path
 * of horizontal runs (a few hundred path commands instead of thousands of <rect>s). Pure, so the
 * geometry is tested in Node, and React renders the path as an element: no markup strings.
 */
import { encode } from 'uqr';

/** Bytes a QR code holds at most (version 40, error correction L, byte mode). */
export const QR_MAX_BYTES = 2953;
/** The blank margin a scanner needs around the code, in modules (ISO/IEC 18004). */
export const QR_QUIET_MODULES = 4;

export type QrGeometry =
  | {
      ok: true;
      /** Modules per side, without the quiet zone. */
      size: number;
      version: number;
      /** Dark modules as `M x y h w v1 h -w z` runs, in module units. */
      path: string;
      dark: number;
    }
  | { ok: false; error: string; bytes: number };

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Runs of dark modules, row by row. */
export function darkRunsPath(rows: readonly (readonly boolean[])[]): {
  path: string;
  dark: number;
} {
  const parts: string[] = [];
  let dark = 0;
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length;) {
      if (!row[x]) {
        x++;
        continue;
      }
      let end = x;
      while (end < row.length && row[end]) end++;
      parts.push(`M${x} ${y}h${end - x}v1h-${end - x}z`);
      dark += end - x;
      x = end;
    }
  });
  return { path: parts.join(''), dark };
}

/**
 * The QR code of `text`. Error correction starts at L (the fewest, largest modules, which a
 * camera at the back of a room resolves best) and is raised as far as the same size allows.
 */
export function qrGeometry(text: string): QrGeometry {
  const bytes = utf8Length(text);
  if (bytes > QR_MAX_BYTES) {
    return {
      ok: false,
      error: `This link is too long for a QR code (${bytes.toLocaleString('en-US')} characters; a QR code holds at most ${QR_MAX_BYTES.toLocaleString('en-US')}).`,
      bytes,
    };
  }
  const qr = encode(text, { ecc: 'L', boostEcc: true, border: 0 });
  const { path, dark } = darkRunsPath(qr.data);
  return { ok: true, size: qr.size, version: qr.version, path, dark };
}
