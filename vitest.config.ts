import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    alias: {
      // The extension imports the polyfill; unit tests get WXT's fake browser in its place.
      'webextension-polyfill': fileURLToPath(new URL('./test/support/fake-polyfill.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Feed-server and CLI tests start real processes; give slow CI machines room.
    testTimeout: 20_000,
  },
});
