import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The default feed is baked in at build time (design.md test contract: WXT_FEED_URL).
const feedUrl = process.env.WXT_FEED_URL || 'http://127.0.0.1:8787/feed.xml';
const feedOrigin = `${new URL(feedUrl).origin}/*`;

export default defineConfig({
  // Explicit imports everywhere: dependencies stay greppable and mocks hit real paths.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    define: { 'import.meta.env.WXT_FEED_URL': JSON.stringify(feedUrl) },
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: [feedOrigin],
  },
});
