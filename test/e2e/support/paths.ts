import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The e2e build bakes in this feed URL (WXT_FEED_URL); tests serve their feed there. */
// SUNSET_E2E_PORT lets two checkouts on one machine run their e2e suites side by side.
export const E2E_FEED_PORT = Number(process.env.SUNSET_E2E_PORT) || 18787;
export const E2E_FEED_URL = `http://127.0.0.1:${E2E_FEED_PORT}/feed.xml`;
export const E2E_OUT_DIR = `${ROOT}.output/e2e`;
export const E2E_EXTENSION_DIR = `${E2E_OUT_DIR}/chrome-mv3`;
