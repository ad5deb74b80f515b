import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';

/** The offline copy: one HTML file with every script and style inlined, opened from disk. */
export const SINGLE_FILE_MODE = 'single';
export const SINGLE_FILE_NAME = 'raft-lab.html';

// The app is a static site: every path is relative so `dist/` can be served from any folder.
// `vite build --mode single` (run by `npm run build` after the normal build) adds
// dist/raft-lab.html, which needs no server and no network: it works from file://.
export default defineConfig(({ mode }) =>
  mode === SINGLE_FILE_MODE
    ? {
        base: './',
        publicDir: false,
        plugins: [react(), viteSingleFile({ outputFileName: SINGLE_FILE_NAME })],
        build: { target: 'es2022', sourcemap: false, emptyOutDir: false, outDir: 'dist' },
      }
    : {
        base: './',
        plugins: [react()],
        build: {
          target: 'es2022',
          sourcemap: true,
          rolldownOptions: {
            output: {
              // React and React DOM change only with their versions: a chunk of their own stays
              // cached across releases of the app. What the first paint does not need is split
              // off by dynamic import() (src/views/lazy.tsx, the library, the share dialog, …).
              codeSplitting: {
                groups: [
                  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
                ],
              },
            },
          },
        },
      },
);
