// The background adapter for extra hosts, against WXT's fake browser. The fake has no scripting
// or permissions.contains, so those two are stood in here with a small in-memory registry.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAGE_SCRIPT_ID, syncPageHosts } from '../../../entrypoints/background/page-hosts.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../../utils/store/settings.ts';

interface Registered {
  id: string;
  matches?: string[];
  js?: string[];
  allFrames?: boolean;
}

/** The content script entry `wxt build` writes into manifest.json for entrypoints/marketing.content. */
const MANIFEST_ENTRY = {
  matches: ['https://p4p.1688.com/*', 'https://work.1688.com/*'],
  all_frames: true,
  match_about_blank: true,
  run_at: 'document_start' as const,
  css: ['content-scripts/marketing.css'],
  js: ['content-scripts/marketing.js'],
  match_origin_as_fallback: true,
};

let registered: Registered[];
let granted: Set<string>;

beforeEach(() => {
  fakeBrowser.reset();
  registered = [];
  granted = new Set();
  const scripting = fakeBrowser.scripting as unknown as Record<string, unknown>;
  scripting.getRegisteredContentScripts = async (filter?: { ids?: string[] }) =>
    registered.filter((s) => !filter?.ids || filter.ids.includes(s.id));
  scripting.unregisterContentScripts = async (filter?: { ids?: string[] }) => {
    registered = registered.filter((s) => filter?.ids && !filter.ids.includes(s.id));
  };
  scripting.registerContentScripts = async (scripts: Registered[]) => {
    for (const s of scripts) {
      if (registered.some((r) => r.id === s.id)) throw new Error(`duplicate id ${s.id}`);
      registered.push(s);
    }
  };
  (fakeBrowser.runtime as unknown as Record<string, unknown>).getManifest = () => ({
    manifest_version: 3,
    name: 'Sunset Watch',
    version: '0.2.0',
    content_scripts: [MANIFEST_ENTRY],
  });
  (fakeBrowser.permissions as unknown as Record<string, unknown>).contains = async (p: {
    origins?: string[];
  }) => (p.origins ?? []).every((o) => granted.has(o));
});

const setHosts = (extraHosts: string[]) =>
  fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, extraHosts } });

describe('syncPageHosts', () => {
  it('registers the content script on granted extra 1688 hosts only', async () => {
    await setHosts(['xstore.insights.1688.com', 'sycm.1688.com', 'evil.example', 'p4p.1688.com']);
    granted.add('https://xstore.insights.1688.com/*');
    expect(await syncPageHosts()).toEqual(['https://xstore.insights.1688.com/*']);
    // The manifest's own script, timing and frames: the order guard at document_start, in every
    // frame, srcdoc and about:blank ones too (issue 16 items 3 and 5).
    expect(registered).toEqual([
      {
        id: PAGE_SCRIPT_ID,
        matches: ['https://xstore.insights.1688.com/*'],
        js: ['content-scripts/marketing.js'],
        css: ['content-scripts/marketing.css'],
        allFrames: true,
        runAt: 'document_start',
        matchOriginAsFallback: true,
        persistAcrossSessions: true,
      },
    ]);
  });

  it('re-syncs without duplicates, and unregisters when nothing is granted any more', async () => {
    await setHosts(['xstore.insights.1688.com']);
    granted.add('https://xstore.insights.1688.com/*');
    await syncPageHosts();
    await syncPageHosts();
    expect(registered).toHaveLength(1);
    granted.clear();
    expect(await syncPageHosts()).toEqual([]);
    expect(registered).toEqual([]);
  });
});
