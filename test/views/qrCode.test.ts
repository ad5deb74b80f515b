/**
 * QR geometry for share links (src/views/share/qrCode.ts): the path covers exactly the dark
 * modules, and the code decodes back to the link with an independent decoder (paulmillr's `qr`).
 */
import decodeQR from 'qr/decode.js';
import { describe, expect, it } from 'vitest';
import { darkRunsPath, QR_MAX_BYTES, qrGeometry } from '../../src/views/share/qrCode.ts';

/** Fills a module matrix back from the `M x y h w v1 h -w z` runs of a path. */
export function modulesOfPath(path: string, size: number): boolean[][] {
  const rows = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let i = 0; i < w; i++) (rows[y] as boolean[])[x + i] = true;
  }
  return rows;
}

/** A grey image of the matrix with a 4-module quiet zone, `scale` pixels per module. */
export function imageOf(rows: boolean[][], scale = 4) {
  const side = (rows.length + 8) * scale;
  const data = new Uint8Array(side * side * 4).fill(255);
  rows.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + 4) * scale + dy) * side + (x + 4) * scale + dx) * 4;
          data.fill(0, i, i + 3);
        }
      }
    }),
  );
  return { width: side, height: side, data };
}

function linkOfLength(n: number): string {
  const head = 'https://lab.invalid/#s=v1.';
  const body = 'Ab9_-xYz'.repeat(Math.ceil(n / 8)).slice(0, n - head.length - 9);
  return `${head}${body}.0123abcd`;
}

describe('darkRunsPath', () => {
  it('draws one run per stretch of dark modules', () => {
    const rows = [
      [true, true, false, true],
      [false, false, false, false],
      [true, true, true, true],
    ];
    expect(darkRunsPath(rows)).toEqual({ path: 'M0 0h2v1h-2zM3 0h1v1h-1zM0 2h4v1h-4z', dark: 7 });
  });
});

describe('qrGeometry', () => {
  for (const length of [40, 534, 1500, QR_MAX_BYTES]) {
    it(`encodes a ${length}-character link that decodes back exactly`, () => {
      const text = linkOfLength(length);
      expect(text.length).toBe(length);
      const qr = qrGeometry(text);
      if (!qr.ok) throw new Error(qr.error);
      expect(qr.size).toBe(17 + 4 * qr.version);
      const rows = modulesOfPath(qr.path, qr.size);
      expect(rows.flat().filter(Boolean).length).toBe(qr.dark);
      expect(decodeQR(imageOf(rows))).toBe(text);
    });
  }

  it('uses the smallest code for short links (version 16 for a 534-character link)', () => {
    const qr = qrGeometry(linkOfLength(534));
    expect(qr.ok && qr.version).toBe(16);
  });

  it('says plainly when a link is too long for any QR code', () => {
    expect(qrGeometry(linkOfLength(QR_MAX_BYTES + 1))).toEqual({
      ok: false,
      error:
        'This link is too long for a QR code (2,954 characters; a QR code holds at most 2,953).',
      bytes: 2954,
    });
  });
});
