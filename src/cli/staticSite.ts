/**
 * What every tool that opens the built app in Chromium shares: a static server for a build folder
 * on loopback, and Debian's Chromium with the flags our browser runs use. Used by
 * `npm run bench -- --browser`, the browser tests' global setup and harness, and
 * scripts/frameCost.ts.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

/**
 * Page script for a steady client load: the C key (a client request) once per `everyVirtualMs` of
 * virtual time the lab advanced, sent from an animation-frame loop (at most 200 in one frame).
 * Text, not a function: tsx would add helpers to a function that do not exist in the page.
 */
export function requestLoadScript(everyVirtualMs: number): string {
  return `(() => {
    const lab = window.raftLab;
    let owed = 0;
    let last = lab.displayTime();
    const loop = () => {
      const now = lab.displayTime();
      owed += Math.max(0, now - last);
      last = now;
      for (let k = 0; owed >= ${everyVirtualMs} && k < 200; k++) {
        owed -= ${everyVirtualMs};
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'c' }));
      }
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  })()`;
}

/** Where Debian's package puts Chromium. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, no sandbox (CI runs as root), no GPU, and nothing that talks to the network. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

/** The file a request path names inside `root`, or null when it would leave the folder. */
export function fileInFolder(root: string, requestUrl: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(requestUrl, 'http://x').pathname);
  } catch {
    return null;
  }
  const base = resolve(root);
  const file = normalize(join(base, path === '/' ? 'index.html' : path));
  return file.startsWith(base + sep) ? file : null;
}

/** Serves a build folder on 127.0.0.1 (a free port); nothing outside the folder. */
export async function serveFolder(dir: string): Promise<{ url: string; server: Server }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const file = fileInFolder(root, req.url ?? '/');
    if (file === null) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, server };
}
