import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readCatalogs } from './utils/i18n/locale-files.ts';

// The default feed is baked in at build time (design.md test contract: WXT_FEED_URL).
const feedUrl = process.env.WXT_FEED_URL || 'http://127.0.0.1:8787/feed.xml';
const feedOrigin = `${new URL(feedUrl).origin}/*`;

export default defineConfig({
  // End-to-end tests build into their own folder so they never clobber `npm start`'s build.
  outDir: process.env.SUNSET_OUT_DIR || '.output',
  // Explicit imports everywhere: dependencies stay greppable and mocks hit real paths.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    define: { 'import.meta.env.WXT_FEED_URL': JSON.stringify(feedUrl) },
  }),
  hooks: {
    // Chrome reads one messages.json per language; we keep one file per part (utils/i18n/catalog.ts).
    'build:publicAssets': (_wxt, files) => {
      const catalogs = readCatalogs('locales');
      for (const [lang, messages] of Object.entries(catalogs)) {
        files.push({
          relativeDest: `_locales/${lang}/messages.json`,
          contents: JSON.stringify(messages, null, 2),
        });
      }
    },
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: [feedOrigin],
  },
});
