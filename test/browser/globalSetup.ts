/**
 * Builds the app once (`vite build` into dist/) and serves dist/ on 127.0.0.1 with a free port.
 * The URL reaches the tests through vitest's provide/inject.
 */
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { serveFolder } from '../../src/cli/staticSite.ts';

const ROOT = resolve(import.meta.dirname, '../..');
// RAFT_LAB_DIST builds elsewhere, so two browser runs on one checkout do not overwrite each other.
const DIST = resolve(process.env['RAFT_LAB_DIST'] ?? join(ROOT, 'dist'));

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
  const { url, server } = await serveFolder(DIST);
  project.provide('labUrl', url);
  project.provide('distDir', DIST);
  project.provide('singleFileUrl', pathToFileURL(join(DIST, 'raft-lab.html')).href);
  return () => new Promise<void>((ok) => server.close(() => ok()));
}
