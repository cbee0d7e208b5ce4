// User settings: one versioned, validated record (stored in browser.storage.local under
// `settings` by ./settings-item.ts, a WXT storage item). Pure: no browser.* here, so options, background and
// content scripts share the same rules and tests need no extension runtime.
import * as v from 'valibot';

/** 2: `remindScope` (issue 20). settings-item.ts migrates a stored version 1. */
export const SETTINGS_VERSION = 2;
export const SETTINGS_KEY = 'settings';

export const POLL_MINUTES = { min: 15, max: 1440, default: 60 } as const;
/** 7 days, 1 day, 2 hours, at the time (issue 5's default lead times). */
export const DEFAULT_LEAD_MINUTES = [10080, 1440, 120, 0] as const;
export const MAX_LEAD_MINUTES = 60 * 24 * 60; // 60 days
export const LANGUAGE_SETTINGS = ['auto', 'zh_CN', 'en'] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];
/** 提醒范围 (issue 20): 全部公告, or only products seen on the merchant's own pages (仅与我相关). */
export const REMIND_SCOPES = ['all', 'affects'] as const;
export type RemindScope = (typeof REMIND_SCOPES)[number];

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A feed URL a user may add: https anywhere, http only on this machine (feed-format tests, dev). */
export function feedUrlProblem(value: string): 'invalid' | 'scheme' | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'invalid';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1')) return null;
  return 'scheme';
}

export const FeedUrlSchema = v.pipe(
  v.string(),
  v.trim(),
  v.check((value) => feedUrlProblem(value) === null, 'must be an https: URL (http: only on localhost)'),
);

export const QuietHoursSchema = v.object({
  enabled: v.boolean(),
  start: v.pipe(v.string(), v.regex(HHMM)),
  end: v.pipe(v.string(), v.regex(HHMM)),
});

/** The strict schema: what `settings/set` accepts and what is stored. */
export const SettingsSchema = v.object({
  version: v.literal(SETTINGS_VERSION),
  /** Extra feed URLs; the build's default feed is always polled in addition. */
  feeds: v.pipe(v.array(FeedUrlSchema), v.maxLength(20)),
  pollMinutes: v.pipe(v.number(), v.integer(), v.minValue(POLL_MINUTES.min), v.maxValue(POLL_MINUTES.max)),
  /** Reminder lead times in minutes before a milestone (0 = at the time). */
  leadMinutes: v.pipe(
    v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_LEAD_MINUTES))),
    v.maxLength(8),
  ),
  pageWarnings: v.boolean(),
  /** The page banner shows milestones this many days ahead. */
  bannerDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(90)),
  language: v.picklist(LANGUAGE_SETTINGS),
  quietHours: QuietHoursSchema,
  /** Which products get reminders: all, or those seen on the merchant's pages (never-seen ones: none). */
  remindScope: v.picklist(REMIND_SCOPES),
  /** Extra hosts (besides p4p.1688.com) where page warnings run. */
  extraHosts: v.pipe(
    v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(253))),
    v.maxLength(20),
  ),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type QuietHours = v.InferOutput<typeof QuietHoursSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  feeds: [],
  pollMinutes: POLL_MINUTES.default,
  leadMinutes: [...DEFAULT_LEAD_MINUTES],
  pageWarnings: true,
  bannerDays: 14,
  language: 'auto',
  quietHours: { enabled: false, start: '22:00', end: '08:00' },
  remindScope: 'all',
  extraHosts: [],
};

type Entries = (typeof SettingsSchema)['entries'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a stored (or received) settings value: every valid field is kept, every invalid or
 * missing one falls back to its default. Never throws, so a damaged store or an older version
 * still yields working settings. Migrations from future versions go here (`version` < N).
 */
export function parseSettings(input: unknown): Settings {
  const source = isRecord(input) ? input : {};
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS, version: SETTINGS_VERSION };
  const entries = SettingsSchema.entries as Entries;
  for (const key of Object.keys(entries) as (keyof Entries)[]) {
    if (key === 'version' || !(key in source)) continue;
    const field = v.safeParse(entries[key], source[key]);
    if (field.success) out[key] = field.output;
  }
  // Lists: keep the valid members of a list that has a few bad ones, rather than dropping all.
  if (Array.isArray(source.feeds) && !v.is(entries.feeds, source.feeds)) {
    out.feeds = source.feeds.flatMap((f) => {
      const r = v.safeParse(FeedUrlSchema, f);
      return r.success ? [r.output] : [];
    });
  }
  const settings = v.safeParse(SettingsSchema, out);
  return settings.success ? normalize(settings.output) : { ...DEFAULT_SETTINGS };
}

/** Canonical order: unique lead times, longest first; unique feeds. */
export function normalize(settings: Settings): Settings {
  return {
    ...settings,
    feeds: [...new Set(settings.feeds)],
    leadMinutes: [...new Set(settings.leadMinutes)].sort((a, b) => b - a),
  };
}

/** Strict validation for a settings update from the options page. */
export function validateSettings(
  input: unknown,
): { ok: true; value: Settings } | { ok: false; error: string } {
  const r = v.safeParse(SettingsSchema, input);
  if (r.success) return { ok: true, value: normalize(r.output) };
  const issue = r.issues[0];
  const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
  return { ok: false, error: `${path || 'settings'}: ${issue.message}` };
}

/** Every feed polled: the build's default first, then the user's, without duplicates. */
export function allFeedUrls(defaultFeed: string, settings: Settings): string[] {
  return [...new Set([defaultFeed, ...settings.feeds])];
}
