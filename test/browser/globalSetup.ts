/**
 * Builds the app once (`vite build` into dist/) and serves dist/ on 127.0.0.1 with a free port.
 * The URL reaches the tests through vitest's provide/inject.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

const ROOT = resolve(import.meta.dirname, '../..');
// RAFT_LAB_DIST builds elsewhere, so two browser runs on one checkout do not overwrite each other.
const DIST = resolve(process.env['RAFT_LAB_DIST'] ?? join(ROOT, 'dist'));

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

declare module 'vitest' {
  export interface ProvidedContext {
    labUrl: string;
    singleFileUrl: string;
    /** The build folder the lab is served from (for tests that read the build itself). */
    distDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's slow development build:
  // the tests (and the frame rates they measure) must see what users get.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: DIST, emptyOutDir: true },
    });
    // The offline single file (dist/raft-lab.html), as `npm run build` makes it.
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'single',
      build: { outDir: DIST, emptyOutDir: false },
    });
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
    if (!file.startsWith(DIST)) {
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
  project.provide('labUrl', `http://127.0.0.1:${port}/`);
  project.provide('distDir', DIST);
  project.provide('singleFileUrl', pathToFileURL(join(DIST, 'raft-lab.html')).href);
  return () => new Promise<void>((ok) => server.close(() => ok()));
}
