// Issue 7 item 1, the alias path: the extension's worker build replaces xml2js's XML builder,
// `entities` and Node's http/url/stream with stubs (utils/feed/worker-stubs.ts, aliased in
// wxt.config.ts). Unit tests run without that alias, so this file bundles the real parser with
// the real config's aliases (Vite, as WXT does) and runs the bundle on the hostile fixtures.
// A second bundle, plain rss-parser under the same stubs, shows the gap that was fixed: a
// <description> holding raw elements made the whole feed fail with "xmlbuilder is not bundled".
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Alias, type Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ParsedFeed } from '../../../utils/feed/parse.ts';
import wxtConfig from '../../../wxt.config.ts';
import { fixture, record } from './support.tsx';

const ROOT = process.cwd();
let dir: string;
let parseFeed: (text: string) => Promise<ParsedFeed>;
let plainParse: (text: string) => Promise<unknown>;
let bundleText: string;

async function workerAliases(): Promise<Record<string, string>> {
  const vite = wxtConfig.vite;
  if (typeof vite !== 'function') throw new Error('wxt.config.ts has no vite() function');
  const config = await vite({
    browser: 'chrome',
    command: 'build',
    mode: 'production',
    manifestVersion: 3,
  } as never);
  const alias = config.resolve?.alias as Record<string, string> | Alias[] | undefined;
  if (!alias || Array.isArray(alias)) throw new Error('expected an alias object in wxt.config.ts');
  return alias;
}

/** Loads a module this test just built (code, not markup: the sink rule does not apply). */
function importBuilt(file: string): Promise<unknown> {
  // eslint-disable-next-line no-unsanitized/method -- our own bundle from the temp folder
  return import(pathToFileURL(join(dir, 'out', file)).href);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sunset-worker-build-'));
  // rss-parser on its own, as a virtual entry (nothing written into the repository).
  const plainId = 'virtual:plain-rss-parser';
  const plainEntry: Plugin = {
    name: 'plain-rss-parser',
    enforce: 'pre',
    // Lib mode may hand the entry over as a path under the root.
    resolveId: (id) => (id.endsWith(plainId) ? `${ROOT}/__plain-rss-parser.js` : undefined),
    load: (id) =>
      id === `${ROOT}/__plain-rss-parser.js`
        ? `import Parser from 'rss-parser';\nexport const plainParse = (text) => new Parser().parseString(text);\n`
        : undefined,
  };
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    plugins: [plainEntry],
    resolve: { alias: await workerAliases() },
    build: {
      outDir: join(dir, 'out'),
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: { parse: join(ROOT, 'utils/feed/parse.ts'), plain: plainId },
        formats: ['es'],
      },
    },
  });
  // Two entries share chunks: read them all.
  bundleText = readdirSync(join(dir, 'out'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, 'out', f), 'utf8'))
    .join('\n');
  ({ parseFeed } = (await importBuilt('parse.js')) as { parseFeed: typeof parseFeed });
  ({ plainParse } = (await importBuilt('plain.js')) as { plainParse: typeof plainParse });
}, 60_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the worker build (stubs aliased as in wxt.config.ts)', () => {
  test('the bundle carries the stub, not xmlbuilder', (ctx) => {
    expect(bundleText).toContain('xmlbuilder is not bundled');
    expect(bundleText).not.toMatch(/XMLStringWriter/);
    record(
      ctx,
      'worker build',
      'xmlbuilder stubbed in the bundle',
      'stub present, xmlbuilder absent',
      'as expected',
    );
  });

  test('plain rss-parser under the stubs fails on a <description> with raw elements (the gap)', async (ctx) => {
    const text = fixture('bad/markup.xml').toString('utf8');
    await expect(plainParse(text)).rejects.toThrow(/xmlbuilder is not bundled/);
    record(
      ctx,
      'worker build',
      'rss-parser alone, description with raw elements',
      'fails: the gap the flattener closes',
      'throws "xmlbuilder is not bundled"',
    );
  });

  test.for(['bad/markup.xml', 'bad/links.xml', 'bad/other-prefix.xml', 'basic.xml'])(
    'parseFeed from the bundle reads %s as it does in Node',
    async (name, ctx) => {
      const text = fixture(name).toString('utf8');
      const { parseFeed: nodeParse } = await import('../../../utils/feed/parse.ts');
      const inWorker = await parseFeed(text);
      expect(inWorker).toEqual(await nodeParse(text));
      expect(inWorker.notices.length).toBeGreaterThan(0);
      if (name === 'bad/markup.xml') {
        const n = inWorker.notices.find((x) => x.guid === 'bad-markup')!;
        expect(n.description).toBe('正文 加粗 链接');
        // Fields that held raw elements hold their text only. (The product name, an attribute
        // written with &lt;…&gt;, is literal text by XML's own rules and stays so.)
        const p = n.sunset!.products[0]!;
        const fromElements = [
          n.title,
          n.description,
          ...p.aliases,
          p.replacements[0]!.name,
          n.sunset!.grandfather,
        ];
        expect(fromElements.join('\n')).not.toMatch(/[<>]/);
      }
      record(
        ctx,
        'worker build',
        `parseFeed bundle on ${name}`,
        'same result as in Node; markup as plain text',
        `${inWorker.notices.length} notices, ${inWorker.skipped.length} skipped, ${inWorker.warnings.length} warnings`,
      );
    },
  );
});
