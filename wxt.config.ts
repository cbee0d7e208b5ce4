import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { readCatalogs } from './utils/i18n/locale-files.ts';
import { loadNotices } from './feed/notices.ts';

// The default feed is baked in at build time (design.md test contract: WXT_FEED_URL).
const feedUrl = process.env.WXT_FEED_URL || 'http://127.0.0.1:8787/feed.xml';
// A match pattern names no port: Firefox refuses one (MDN, match patterns) and then matches
// nothing, so the default feed's fetch was bound by CORS (issue 17 item 5); Chrome ignores it.
const feedOrigin = `${new URL(feedUrl).protocol}//${new URL(feedUrl).hostname}/*`;

// The notices of feed/notices, embedded so a fresh install shows them before any poll (issue 3
// item 3). Read at build time (Node); the worker imports `virtual:bundled-notices`.
function bundledNotices(): Plugin {
  const id = 'virtual:bundled-notices';
  return {
    name: 'sunset-bundled-notices',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(loadId) {
      if (loadId !== `\0${id}`) return undefined;
      const { notices, errors } = loadNotices();
      for (const e of errors) this.warn(`bundled notice skipped: ${e.file}: ${e.field}: ${e.reason}`);
      return `export default ${JSON.stringify(notices)};`;
    },
  };
}
/** What rss-parser's stack requires but never runs when it parses text (utils/feed/rss-parser-shims.ts). */
const rssParserShims = Object.fromEntries(
  ['http', 'https', 'url', 'xmlbuilder', 'timers', 'stream', 'entities'].map((name) => [
    name,
    fileURLToPath(new URL('./utils/feed/rss-parser-shims.ts', import.meta.url)),
  ]),
);

export default defineConfig({
  // End-to-end tests build into their own folder so they never clobber `npm start`'s build.
  outDir: process.env.SUNSET_OUT_DIR || '.output',
  // Explicit imports everywhere: dependencies stay greppable and mocks hit real paths.
  imports: false,
  // webextension-polyfill is the one `browser` in every part (the design card; issue 17 item 7):
  // this module makes `wxt/browser`, which WXT's own helpers (storage, the content-script
  // context) import, the polyfill too, so no bundle holds two.
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 everywhere, Firefox included (WXT would default Firefox to MV2).
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact(), bundledNotices()],
    resolve: { alias: rssParserShims },
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
    // The Gecko id is Firefox's alone; Chrome would list it as an unrecognized key.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') delete manifest.browser_specific_settings;
    },
    // A store package that polls a feed on 127.0.0.1 would reach no merchant (issue 21): a zip
    // into the release folder (.output, no SUNSET_OUT_DIR) needs WXT_FEED_URL set to an https feed.
    'zip:start': () => {
      const { protocol, hostname } = new URL(feedUrl);
      const local = hostname === '127.0.0.1' || hostname === 'localhost';
      if (!process.env.SUNSET_OUT_DIR && (protocol !== 'https:' || local)) {
        throw new Error(
          `npm run zip: the default feed is ${feedUrl}. Set WXT_FEED_URL to the published feed, e.g. WXT_FEED_URL=https://notices.example.com/feed.xml npm run zip`,
        );
      }
    },
  },
  // Store packages (issue 21): .output/sunset-watch-<version>-chrome.zip (Chrome Web Store and
  // Edge Add-ons), -firefox.zip, and -sources.zip for AMO's review, which rebuilds the Firefox
  // package with `npm ci && npm run build:firefox` (README, Releasing). WXT already leaves out
  // node_modules, dotfiles and *.test.ts; the rest of what no build reads stays out as well.
  zip: {
    artifactTemplate: '{{name}}-{{packageVersion}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{packageVersion}}-sources.zip',
    excludeSources: [
      'test/**',
      'bench/**',
      'demo-shots/**',
      'dist/**',
      'coverage/**',
      'test-results/**',
      '**/*.log',
      'docs/**/*.png',
    ],
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // contextMenus: 识别为下线公告 on selected text (issue 19 item 4); the selection comes with the
    // click, so no host permission is needed for it.
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'contextMenus'],
    host_permissions: [feedOrigin],
    // Feeds added in the options page ask for their origin at run time (issue 3 item 4).
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    // The toolbar's icon: drawn for 16/32 px with the badge in mind (assets/icon-small.svg).
    action: { default_icon: { 16: 'icon-16.png', 32: 'icon-32.png' } },
    browser_specific_settings: {
      gecko: {
        id: 'sunset-watch@sunset-watch.invalid',
        // 140: data_collection_permissions (Firefox 127 and older refuse the key); the APIs used
        // are older (optional_host_permissions 128, storage.session 115, scripting 102).
        strict_min_version: '140.0',
        // Nothing is collected or sent anywhere (docs/PRIVACY.md): required of new add-ons on AMO.
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android reads the key from 142 (web-ext lint: KEY_FIREFOX_ANDROID_UNSUPPORTED…).
      gecko_android: { strict_min_version: '142.0' },
    },
  },
});
