import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  ERROR_BASE_MS,
  MINUTE,
  nextDelayMs,
  parseMaxAge,
  parseRetryAfter,
} from '../../../utils/feed/poll-plan.ts';

const mid = () => 0.5; // jitter factor exactly 1

describe('next poll after a success', () => {
  it.each([
    { name: 'the interval alone', pollMinutes: 60, hints: {}, want: 60 * MINUTE },
    {
      name: '<ttl> above the interval is a floor',
      pollMinutes: 60,
      hints: { ttlMinutes: 90 },
      want: 90 * MINUTE,
    },
    {
      name: '<ttl> below the interval does nothing',
      pollMinutes: 60,
      hints: { ttlMinutes: 5 },
      want: 60 * MINUTE,
    },
    { name: 'max-age as a floor', pollMinutes: 15, hints: { maxAgeSeconds: 1800 }, want: 30 * MINUTE },
    {
      name: 'Retry-After as a floor',
      pollMinutes: 15,
      hints: { retryAfterMs: 2 * 3600_000 },
      want: 2 * 3600_000,
    },
    {
      name: 'the largest floor wins',
      pollMinutes: 15,
      hints: { ttlMinutes: 20, maxAgeSeconds: 3000 },
      want: 50 * MINUTE,
    },
    { name: 'a huge <ttl> is capped at 24 h', pollMinutes: 60, hints: { ttlMinutes: 100_000 }, want: DAY_MS },
    {
      name: 'a huge max-age is capped at 24 h',
      pollMinutes: 60,
      hints: { maxAgeSeconds: 10 ** 9 },
      want: DAY_MS,
    },
    { name: 'the longest interval', pollMinutes: 1440, hints: { retryAfterMs: 3 * DAY_MS }, want: DAY_MS },
  ])('$name', ({ pollMinutes, hints, want }) => {
    expect(nextDelayMs({ now: 0, pollMinutes, failures: 0, random: Math.random, ...hints })).toBe(want);
  });
});

describe('backoff after errors', () => {
  it.each([
    [1, ERROR_BASE_MS],
    [2, 2 * ERROR_BASE_MS],
    [3, 4 * ERROR_BASE_MS],
    [6, 32 * ERROR_BASE_MS],
    [12, DAY_MS],
    [1000, DAY_MS],
  ])('failure %i waits %i ms (no jitter)', (failures, want) => {
    expect(nextDelayMs({ now: 0, pollMinutes: 60, failures, random: mid })).toBe(want);
  });

  it('jitter spreads the delay by ±25 % and never passes 24 h', () => {
    expect(nextDelayMs({ now: 0, pollMinutes: 60, failures: 2, random: () => 0 })).toBe(
      0.75 * 2 * ERROR_BASE_MS,
    );
    expect(nextDelayMs({ now: 0, pollMinutes: 60, failures: 2, random: () => 0.999999 })).toBeCloseTo(
      1.25 * 2 * ERROR_BASE_MS,
      -2,
    );
    expect(nextDelayMs({ now: 0, pollMinutes: 60, failures: 50, random: () => 0.999 })).toBe(DAY_MS);
  });

  it('a Retry-After longer than the backoff is respected, still capped at 24 h', () => {
    expect(nextDelayMs({ now: 0, pollMinutes: 60, failures: 1, random: mid, retryAfterMs: 3600_000 })).toBe(
      3600_000,
    );
    expect(nextDelayMs({ now: 0, pollMinutes: 60, failures: 1, random: mid, retryAfterMs: 9 * DAY_MS })).toBe(
      DAY_MS,
    );
  });

  it('never stops: every failure count gives a finite, positive delay', () => {
    for (const failures of [1, 10, 100, 10_000]) {
      const delay = nextDelayMs({ now: 0, pollMinutes: 15, failures, random: Math.random });
      expect(delay).toBeGreaterThan(0);
      expect(delay).toBeLessThanOrEqual(DAY_MS);
    }
  });
});

describe('header parsing', () => {
  it.each([
    ['public, max-age=300', 300],
    ['max-age="60", must-revalidate', 60],
    ['s-maxage=10', undefined],
    ['no-store', undefined],
    [null, undefined],
  ])('Cache-Control %s → %s', (header, want) => {
    expect(parseMaxAge(header)).toBe(want);
  });

  const now = Date.parse('2023-02-10T00:00:00Z');
  it.each([
    ['120', 120_000],
    ['Fri, 10 Feb 2023 01:00:00 GMT', 3600_000],
    ['Thu, 09 Feb 2023 01:00:00 GMT', 0],
    ['soon', undefined],
  ])('Retry-After %s → %s', (header, want) => {
    expect(parseRetryAfter(header, now)).toBe(want);
  });
});
