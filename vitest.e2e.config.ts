import { defineConfig } from 'vitest/config';

// End-to-end tests: the real built extension in real Chromium against real local servers.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    environment: 'node',
    // One browser at a time: the build bakes in one feed port, and the machine has 2 cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
