// Unit tests only: `webextension-polyfill` resolves here (see vitest.config.ts), so code under
// test talks to WXT's in-memory fake browser instead of a real extension runtime.
import { fakeBrowser } from 'wxt/testing/fake-browser';

export default fakeBrowser;
