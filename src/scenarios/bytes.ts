/** Byte helpers for share links: base64url without padding (RFC 4648 §5) and FNV-1a 32. */
import type { Refusal } from './refusal.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const word = (a << 16) | (b << 8) | c;
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += ALPHABET[(word >>> (18 - 6 * k)) & 63];
  }
  return out;
}

export type DecodeResult = { ok: true; bytes: Uint8Array } | { ok: false; refusal: Refusal };

export function fromBase64Url(text: string): DecodeResult {
  if (text.length % 4 === 1) return { ok: false, refusal: { code: 'base64Length' } };
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let word = 0;
  let bits = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const value = VALUE.get(text[i] ?? '');
    if (value === undefined) {
      return { ok: false, refusal: { code: 'base64Character', position: i + 1 } };
    }
    word = ((word << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[n++] = (word >>> bits) & 0xff;
    }
  }
  return { ok: true, bytes: bytes.subarray(0, n) };
}

/** FNV-1a, 32 bits, over bytes. */
export function fnv1a32Bytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i] ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
