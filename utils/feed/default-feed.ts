// The feed every install polls, baked in at build time (design.md test contract: WXT_FEED_URL).
const fromBuild: unknown = import.meta.env.WXT_FEED_URL;

export const DEFAULT_FEED_URL: string =
  typeof fromBuild === 'string' && fromBuild !== '' ? fromBuild : 'http://127.0.0.1:8787/feed.xml';
