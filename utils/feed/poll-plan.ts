// When to poll a feed next: pure decisions, clock and randomness passed in (issue 3 item 1).
// - success: the user's interval, raised to the feed's floors (<ttl>, Cache-Control max-age,
//   Retry-After), each floor capped at 24 h so a hostile header cannot silence a feed;
// - failure: ×2 backoff from ERROR_BASE_MS with jitter, up to 24 h, never giving up.

export const MINUTE = 60_000;
export const DAY_MS = 24 * 60 * MINUTE;
/** The first retry after an error; doubles with each consecutive failure. */
export const ERROR_BASE_MS = 5 * MINUTE;
/** Jitter spreads retries of many installs: the delay is scaled by 0.75 … 1.25. */
export const JITTER = 0.25;

export interface PollHints {
  /** Channel <ttl> in minutes. */
  ttlMinutes?: number;
  /** Cache-Control max-age in seconds. */
  maxAgeSeconds?: number;
  /** Retry-After as a delay in milliseconds. */
  retryAfterMs?: number;
}

export interface PlanInput extends PollHints {
  now: number;
  pollMinutes: number;
  /** Consecutive failures including this poll's (0 after a success). */
  failures: number;
  /** A number in [0, 1), e.g. Math.random. */
  random: () => number;
}

/** The server's and feed's floors, each capped at 24 h. */
export function floorMs(hints: PollHints): number {
  const floors = [
    hints.ttlMinutes !== undefined ? hints.ttlMinutes * MINUTE : 0,
    hints.maxAgeSeconds !== undefined ? hints.maxAgeSeconds * 1000 : 0,
    hints.retryAfterMs ?? 0,
  ].map((f) => (Number.isFinite(f) && f > 0 ? Math.min(f, DAY_MS) : 0));
  return Math.max(0, ...floors);
}

/** The delay before the next poll, in milliseconds. */
export function nextDelayMs(input: PlanInput): number {
  const floor = floorMs(input);
  if (input.failures <= 0) {
    return Math.min(DAY_MS, Math.max(input.pollMinutes * MINUTE, floor));
  }
  // 2^(n-1) × base, capped before jitter so the exponent can never overflow into Infinity.
  const backoff = Math.min(DAY_MS, ERROR_BASE_MS * 2 ** Math.min(input.failures - 1, 30));
  const jittered = backoff * (1 - JITTER + 2 * JITTER * clamp01(input.random()));
  return Math.min(DAY_MS, Math.max(jittered, floor));
}

export function nextPollAt(input: PlanInput): number {
  return input.now + Math.round(nextDelayMs(input));
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(Math.max(x, 0), 1) : 0.5;
}

/** `max-age` of a Cache-Control header, in seconds (`no-store`/`no-cache` give no floor). */
export function parseMaxAge(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  const m = /(?:^|,)\s*(?:s-)?max-age\s*=\s*"?(\d+)"?/i.exec(header);
  if (!m) return undefined;
  const seconds = Number(m[1]);
  return Number.isSafeInteger(seconds) ? seconds : undefined;
}

/** Retry-After (delta-seconds or an HTTP date) as a delay from `now`, in milliseconds. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
