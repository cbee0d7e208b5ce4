// Store packages (issue 21): `npm run zip` as a release runs it, into a folder of its own, and what
// a store would check in what it wrote. Needs no browser; web-ext lint is AMO's own linter.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngSize } from '../support/png.ts';
import { ROOT } from './support/paths.ts';

const { name, version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const FEED_URL = 'https://notices.example.com/feed.xml';
// Vitest sets NODE_ENV=test, which turns Preact's JSX into its dev form (absolute file names in
// the bundle); a release is built from a plain shell, so the packages here are too.
const { NODE_ENV: _test, SUNSET_OUT_DIR: _outDir, ...shell } = process.env;
const env = { ...shell, WXT_FEED_URL: FEED_URL, NO_UPDATE_NOTIFIER: '1' };

let out = '';
const zips = new Map<string, JSZip>();

async function files(zip: JSZip): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) result.set(entry.name, await entry.async('nodebuffer'));
  }
  return result;
}

async function unzipTo(zip: JSZip, dir: string): Promise<void> {
  for (const [file, bytes] of await files(zip)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), bytes);
  }
}

async function manifestOf(zip: JSZip): Promise<chrome.runtime.ManifestV3> {
  const text = await zip.file('manifest.json')?.async('string');
  if (!text) throw new Error('no manifest.json in the package');
  return JSON.parse(text) as chrome.runtime.ManifestV3;
}

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'sunset-zip-'));
  const started = performance.now();
  execFileSync('npm', ['run', 'zip'], {
    cwd: ROOT,
    env: { ...env, SUNSET_OUT_DIR: out },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  console.log(`[zip] npm run zip: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const file of readdirSync(out).filter((f) => f.endsWith('.zip'))) {
    zips.set(file, await JSZip.loadAsync(readFileSync(path.join(out, file))));
  }
}, 240_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

const CHROME = `${name}-${version}-chrome.zip`;
const FIREFOX = `${name}-${version}-firefox.zip`;
const SOURCES = `${name}-${version}-sources.zip`;

function zip(file: string): JSZip {
  const found = zips.get(file);
  if (!found) throw new Error(`${file} not written; found ${[...zips.keys()].join(', ') || 'no zip'}`);
  return found;
}

describe('npm run zip', () => {
  it('writes the Chrome/Edge package, the Firefox package and the sources, named with the version', () => {
    expect([...zips.keys()].sort()).toEqual([CHROME, FIREFOX, SOURCES]);
  });

  it.each([CHROME, FIREFOX])('%s: its manifest carries the version of package.json', async (file) => {
    expect((await manifestOf(zip(file))).version).toBe(version);
  });

  it.each([CHROME, FIREFOX])('%s: every icon the manifest declares is a PNG of its size', async (file) => {
    const manifest = await manifestOf(zip(file));
    const declared = { ...manifest.icons };
    const toolbar = manifest.action?.default_icon;
    expect(typeof toolbar, 'action.default_icon lists the toolbar sizes').toBe('object');
    const toolbarIcons = Object.entries(toolbar as Record<string, string>);
    expect(toolbarIcons.map(([size]) => size)).toEqual(['16', '32']);
    const all = [...Object.entries(declared), ...toolbarIcons];
    expect(Object.keys(declared)).toEqual(['16', '32', '48', '128']);
    for (const [size, iconFile] of all) {
      const bytes = await zip(file).file(iconFile)?.async('nodebuffer');
      expect(bytes, `${iconFile} (${size} px) is in the package`).toBeDefined();
      expect(pngSize(bytes as Buffer), iconFile).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  it('the release build asks for the feed it was given, not a local one', async () => {
    for (const file of [CHROME, FIREFOX]) {
      const hosts = (await manifestOf(zip(file))).host_permissions ?? [];
      expect(hosts, file).toContain(`${new URL(FEED_URL).origin}/*`);
      expect(
        hosts.filter((host) => /127\.0\.0\.1|localhost/.test(host)),
        file,
      ).toEqual([]);
    }
  });

  it('the Firefox package passes web-ext lint with no errors', async () => {
    const dir = path.join(out, 'lint-firefox');
    await unzipTo(zip(FIREFOX), dir);
    const lint = spawnSync(
      'npx',
      ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
      { cwd: ROOT, env, encoding: 'utf8' },
    );
    const report = JSON.parse(lint.stdout) as {
      summary: { errors: number; warnings: number };
      errors: { code: string; message: string; file?: string }[];
      warnings: { code: string; message: string; file?: string }[];
    };
    const lines = (list: typeof report.errors) => list.map((m) => `${m.code} ${m.file ?? ''}: ${m.message}`);
    console.log(`[zip] web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
    for (const line of lines(report.warnings)) console.log(`[zip]   warning ${line}`);
    expect(lines(report.errors)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 120_000);

  it('the sources archive holds package-lock.json and no node_modules', () => {
    const names = Object.keys(zip(SOURCES).files);
    expect(names).toContain('package-lock.json');
    expect(names).toContain('package.json');
    expect(names).toContain('README.md');
    expect(names.filter((n) => n.split('/').includes('node_modules'))).toEqual([]);
    expect(names.filter((n) => n.startsWith('.output/') || n.startsWith('.wxt/'))).toEqual([]);
  });

  // AMO rebuilds the Firefox package from the sources archive and compares. Here the project's own
  // node_modules stand in for `npm ci` (same package-lock.json, ~30 s less), so this checks that
  // the archive holds every file the build reads and that the build gives the same bytes.
  it('the sources rebuild to the same Firefox bundle, byte for byte', async () => {
    const dir = path.join(out, 'sources');
    await unzipTo(zip(SOURCES), dir);
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    execFileSync('npm', ['run', 'postinstall'], { cwd: dir, env, stdio: 'ignore' });
    execFileSync('npm', ['run', 'build:firefox'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
    const rebuilt = path.join(dir, '.output/firefox-mv3');
    const packaged = await files(zip(FIREFOX));
    const listed = readdirSync(rebuilt, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(rebuilt, path.join(entry.parentPath, entry.name)))
      .sort();
    expect(listed).toEqual([...packaged.keys()].sort());
    const differing = listed.filter(
      (file) => !readFileSync(path.join(rebuilt, file)).equals(packaged.get(file) ?? Buffer.alloc(0)),
    );
    expect(differing).toEqual([]);
  }, 120_000);
});
