import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is a static site: every path is relative so `dist/` can be served from any folder.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
});
