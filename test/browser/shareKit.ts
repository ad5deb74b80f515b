/**
 * Helpers for the share-link browser tests: a guard that notices any script an input might run,
 * the Share dialog, the QR code as pixels, and the hostile inputs every way in must refuse.
 */
import { Deflate, deflateSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { fnv1a32Bytes, hex8, toBase64Url } from '../../src/scenarios/bytes.ts';
import { openLab } from './harness.ts';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

export interface Guarded {
  page: Page;
  dialogs: string[];
  /** Every request the page made outside the lab's own server (none: the lab works offline). */
  foreign: string[];
}

/** Opens the lab at `suffix` (a query and/or fragment) with a sentinel no input may set. */
export async function guardedLab(
  browser: Browser,
  suffix = '',
  viewport = { width: 1366, height: 768 },
): Promise<Guarded> {
  const page = await openLab(browser, { viewport, acceptDownloads: true }, suffix);
  return watch(page);
}

export function watch(page: Page): Guarded {
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const origin = new URL(inject('labUrl')).origin;
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreign.push(url);
  });
  return { page, dialogs, foreign };
}

/** Whether anything an input carried got to run: the sentinel, markup that became elements. */
export function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => ({
    sentinel: window.__pwned,
    injected: document.querySelectorAll('img[src="x"], a[href^="javascript:"], iframe').length,
  }));
}

/** The part of a lab URL after the served root, for openLab. */
export function suffixOf(url: string): string {
  return url.slice(inject('labUrl').length);
}

export async function openShare(page: Page) {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this run' });
  await dialog.waitFor();
  return dialog;
}

export async function shareUrl(page: Page): Promise<string> {
  return page.getByTestId('share-url').inputValue();
}

export async function closeShare(page: Page): Promise<void> {
  await page.getByTestId('share-dialog').getByRole('button', { name: 'Close' }).click();
}

/** Goes to an exact virtual time through the time readout (a seek within the timeline). */
export async function goToTime(page: Page, ms: number): Promise<void> {
  await page.getByTestId('time').click();
  await page.getByLabel('Go to virtual time in ms').fill(String(ms));
  await page.keyboard.press('Enter');
}

/** The QR code as rendered: drawn onto a canvas, returned as grey pixels (1 byte each). */
export async function qrPixels(page: Page, selector: string) {
  const { side, grey } = await page.evaluate(async (sel) => {
    const svg = document.querySelector(sel);
    if (!svg) throw new Error(`no ${sel}`);
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const side = 900;
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = side;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(img, 0, 0, side, side);
    const rgba = ctx.getImageData(0, 0, side, side).data;
    let bin = '';
    for (let i = 0; i < rgba.length; i += 4) bin += String.fromCharCode(rgba[i] ?? 0);
    return { side, grey: btoa(bin) };
  }, selector);
  const bytes = Buffer.from(grey, 'base64');
  const data = new Uint8Array(side * side * 4);
  bytes.forEach((v, i) => data.set([v, v, v, 255], i * 4));
  return { width: side, height: side, data };
}

function linkAround(packed: Uint8Array, version = 'v1'): string {
  return `#s=${version}.${toBase64Url(packed)}.${hex8(fnv1a32Bytes(packed))}`;
}

export function linkOfText(text: string): string {
  return linkAround(deflateSync(new TextEncoder().encode(text)));
}

const SCRIPT = '<script>window.__pwned = "script"</script>';
const IMG = '<img src=x onerror="window.__pwned = \'img\'">';
const JS_LINK = '<a href="javascript:window.__pwned=\'link\'">click</a>';

/** A valid scenario whose every text field is hostile: it must open, shown as plain text. */
export function hostileTextScenario(): Record<string, unknown> {
  return {
    version: 1,
    title: `${SCRIPT}${IMG}`,
    description: `javascript:window.__pwned='desc' ${JS_LINK}`,
    seed: 1,
    config: { servers: 3 },
    actions: [{ at: 400, do: 'request', command: 'set x 1' }],
    steps: [
      { until: { afterMs: 300 }, caption: { en: JS_LINK, es: SCRIPT, pt: IMG } },
      { until: { event: 'leader' }, caption: 'javascript:alert(1)' },
    ],
  };
}

const base = { version: 1, title: 't', seed: 1, config: {}, actions: [] as unknown[] };

/** Scenario JSON a file or a link may hold, each refused with the message shown. */
export function hostileJson(): [string, string, RegExp][] {
  return [
    [
      '10^9 servers',
      JSON.stringify({ ...base, config: { servers: 1e9 } }),
      /config\.servers: must be at most 9 \(got 1000000000\)/,
    ],
    [
      'a negative time',
      JSON.stringify({ ...base, actions: [{ at: -5, do: 'heal' }] }),
      /actions\[0\]\.at: must be at least 0 \(got -5\)/,
    ],
    [
      'absurd timing',
      JSON.stringify({ ...base, config: { heartbeatMs: 1e300 } }),
      /config\.heartbeatMs: must be at most 600000/,
    ],
    [
      '10,001 actions',
      JSON.stringify({
        ...base,
        actions: Array.from({ length: 10_001 }, () => ({ at: 0, do: 'heal' })),
      }),
      /actions: must have at most 10000 items \(got 10001\)/,
    ],
    ['a newer version', JSON.stringify({ ...base, version: 7 }), /made by a newer Raft Lab \(v7\)/],
    ['a <script> field', JSON.stringify({ ...base, [SCRIPT]: 1 }), /is not a known field/],
    ['not JSON', `{"version": 1, "title": "${IMG}"`, /malformed JSON at line 1/],
  ];
}

/** 10^7 actions, compressed as a stream (210 MB of JSON never sits in memory at once). */
function tenMillionActions(): Uint8Array {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 });
  deflate.ondata = (chunk) => chunks.push(chunk);
  const encode = (text: string) => new TextEncoder().encode(text);
  deflate.push(encode('{"version":1,"title":"t","seed":1,"config":{},"actions":['));
  const block = encode('{"at":0,"do":"heal"},'.repeat(100_000));
  for (let i = 0; i < 100; i++) deflate.push(block);
  deflate.push(encode('{"at":0,"do":"heal"}]}'), true);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((offset, c) => (out.set(c, offset), offset + c.length), 0);
  return out;
}

/** Links damaged or forged every way the contract names, with the message each must show. */
export function hostileLinks(good: string): [string, string, RegExp][] {
  const fragment = good.slice(good.indexOf('#'));
  const flipAt = fragment.indexOf('.') + 12;
  const flipped = fragment[flipAt] === 'A' ? 'B' : 'A';
  // 30 MB of spaces: about 40 KB of link that would unpack to far more than 1 MB.
  const bomb = deflateSync(new Uint8Array(30 * 1_048_576).fill(0x20), { level: 9 });
  const tenMillion = `{"version":1,"title":"t","seed":1,"config":{},"actions":[${'{"at":0,"do":"heal"},'.repeat(60_000)}`;
  return [
    ['truncated', fragment.slice(0, -20), /could not be opened: (truncated|damaged)/],
    [
      'bit-flipped',
      fragment.slice(0, flipAt) + flipped + fragment.slice(flipAt + 1),
      /damaged: checksum mismatch/,
    ],
    ['wrong version', fragment.replace('#s=v1.', '#s=v2.'), /made by a newer Raft Lab \(v2\)/],
    [
      'wrong checksum',
      `${fragment.slice(0, -8)}${fragment.endsWith('0') ? '1' : '0'}${fragment.slice(-7)}`,
      /damaged: checksum mismatch/,
    ],
    ['a decompression bomb', linkAround(bomb), /too large when unpacked \(over 1 MB\)/],
    ['1.2 MB of actions', linkOfText(tenMillion), /too large when unpacked \(over 1 MB\)/],
    [
      '10^7 actions',
      linkAround(tenMillionActions()),
      // A count in the reader's format: 70,012 in English.
      /could not be opened: too long: [\d,]+ characters/,
    ],
    ['not a link', '#s=hello', /not a Raft Lab link/],
    ...hostileJson().map(([name, text, message]): [string, string, RegExp] => [
      name,
      linkOfText(text),
      message,
    ]),
  ];
}
