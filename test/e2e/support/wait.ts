// Waiting in end-to-end tests: for a condition, and for the e2e feed port, which every suite
// shares (the build bakes it in) and another suite may still be releasing.
import type { Server } from 'node:http';
import { E2E_FEED_PORT } from './paths.ts';

/**
 * Calls `probe` every 250 ms until it gives a value. A probe that throws fails the wait at once,
 * unless `retryErrors` (then it counts as "not yet", e.g. while the extension restarts).
 */
export async function until<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  { timeoutMs = 30_000, retryErrors = false }: { timeoutMs?: number; retryErrors?: boolean } = {},
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = retryErrors ? await probe().catch(() => undefined) : await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Runs `start` (which binds the e2e port) again while the port is in use, for up to a minute. */
export async function whenPortFree<T>(start: () => Promise<T>): Promise<T> {
  const end = Date.now() + 60_000;
  for (;;) {
    try {
      return await start();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** `server` listening on the e2e feed port (127.0.0.1), once the port is free. */
export function listenOnFeedPort(server: Server): Promise<void> {
  return whenPortFree(
    () =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(E2E_FEED_PORT, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      }),
  );
}
