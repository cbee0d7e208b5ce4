import { describe, expect, it } from 'vitest';
import {
  allFeedUrls,
  DEFAULT_SETTINGS,
  feedUrlProblem,
  parseSettings,
  validateSettings,
} from '../../../utils/store/settings.ts';

describe('parseSettings', () => {
  it.each([undefined, null, 'x', 42, [], {}])('gives the defaults for %j', (input) => {
    expect(parseSettings(input)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and replaces invalid ones with defaults, never throwing', () => {
    const result = parseSettings({
      version: 1,
      pollMinutes: 5, // below 15: default
      leadMinutes: [0, 1440, 1440, 60],
      pageWarnings: false,
      language: 'fr', // unknown: default
      quietHours: { enabled: true, start: '23:00', end: '07:30' },
      feeds: [
        'https://a.example/feed.xml',
        'ftp://nope',
        'http://localhost:8787/feed.xml',
        'http://evil.example/',
      ],
      bannerDays: 'many',
    });
    expect(result).toMatchObject({
      pollMinutes: 60,
      leadMinutes: [1440, 60, 0],
      pageWarnings: false,
      language: 'auto',
      quietHours: { enabled: true, start: '23:00', end: '07:30' },
      feeds: ['https://a.example/feed.xml', 'http://localhost:8787/feed.xml'],
      bannerDays: 14,
    });
  });

  it('reads settings from a later version field by field', () => {
    expect(parseSettings({ version: 3, pollMinutes: 30, newThing: true })).toEqual({
      ...DEFAULT_SETTINGS,
      pollMinutes: 30,
    });
  });
});

describe('validateSettings', () => {
  it('accepts the defaults', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });
  it.each([
    [{ pollMinutes: 1441 }, /pollMinutes/],
    [{ feeds: ['http://example.com/feed.xml'] }, /feeds\.0/],
    [{ quietHours: { enabled: true, start: '25:00', end: '08:00' } }, /quietHours\.start/],
  ])('refuses %j', (patch, error) => {
    const result = validateSettings({ ...DEFAULT_SETTINGS, ...patch });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(error);
  });
});

describe('feed URLs', () => {
  it.each([
    ['https://feeds.example.com/sunset.xml', null],
    ['http://127.0.0.1:8787/feed.xml', null],
    ['http://localhost/feed.xml', null],
    ['http://example.com/feed.xml', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['not a url', 'invalid'],
  ])('%s → %s', (url, want) => {
    expect(feedUrlProblem(url)).toBe(want);
  });

  it('polls the build default first, then the user feeds, without duplicates', () => {
    const settings = { ...DEFAULT_SETTINGS, feeds: ['https://b/', 'https://a/'] };
    expect(allFeedUrls('https://a/', settings)).toEqual(['https://a/', 'https://b/']);
  });
});
