import { defineConfig } from 'vitest/config';

/**
 * Browser tests: Node drives headless Chromium (playwright-core) against a production build served
 * on 127.0.0.1. One build and one server for the whole run (globalSetup); files run one at a time
 * so the frame-rate measurements do not compete for the CPU.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
