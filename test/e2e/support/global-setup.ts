// Builds the real extension once for the whole e2e run, against the test feed URL: the Chrome
// build, and the Firefox build that web-ext lint and the two Firefox tests share.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { E2E_FEED_URL, E2E_OUT_DIR, ROOT } from './paths.ts';
import { chromiumPath } from './chromium.ts';

export default function setup(): void {
  build(['-b', 'firefox']);
  if (!existsSync(chromiumPath())) {
    const message = `Chromium not found at ${chromiumPath()}. Install it with: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`;
    // In CI a missing browser is a failure, never a silent skip.
    if (process.env.CI === 'true') throw new Error(message);
    console.warn(`\n[e2e] ${message}\n[e2e] End-to-end tests are skipped.\n`);
    return;
  }
  build([]);
}

function build(args: string[]): void {
  execFileSync('npx', ['wxt', 'build', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    // Without Vitest's NODE_ENV=test: it would make this a dev build (Preact's dev JSX, 1.5 kB more
    // gzip in the popup), not the production build the bundle budgets are about.
    env: { ...withoutTestEnv(), WXT_FEED_URL: E2E_FEED_URL, SUNSET_OUT_DIR: E2E_OUT_DIR },
  });
}

function withoutTestEnv(): NodeJS.ProcessEnv {
  const { NODE_ENV: _test, ...env } = process.env;
  return env;
}
