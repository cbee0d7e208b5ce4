// Issue 7 item 1, the build path: the service worker runs `parseFeed` as Vite bundles it for the
// extension (wxt.config.ts's own Vite config), not as Node runs it in the other unit tests. This
// file bundles utils/feed/parse.ts that way, checks the bundle needs nothing from Node and holds
// no second XML stack, and runs it on every feed fixture: the same notices, skips and warnings
// (or the same error) as in Node, and markup reduced to plain text.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFeed as nodeParse, type ParsedFeed } from '../../../utils/feed/parse.ts';
import wxtConfig from '../../../wxt.config.ts';
import { fixture, record } from './support.tsx';

const ROOT = process.cwd();
let dir: string;
let parseFeed: (text: string) => Promise<ParsedFeed>;
let bundleText: string;

/** Loads a module this test just built (code, not markup: the sink rule does not apply). */
function importBuilt(file: string): Promise<unknown> {
  // eslint-disable-next-line no-unsanitized/method -- our own bundle from the temp folder
  return import(pathToFileURL(join(dir, 'out', file)).href);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sunset-worker-build-'));
  const vite = wxtConfig.vite;
  if (typeof vite !== 'function') throw new Error('wxt.config.ts has no vite() function');
  const config = await vite({
    browser: 'chrome',
    command: 'build',
    mode: 'production',
    manifestVersion: 3,
  } as never);
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    ...(config.resolve ? { resolve: config.resolve } : {}),
    build: {
      outDir: join(dir, 'out'),
      emptyOutDir: true,
      minify: false,
      lib: { entry: { parse: join(ROOT, 'utils/feed/parse.ts') }, formats: ['es'] },
    },
  });
  bundleText = readdirSync(join(dir, 'out'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, 'out', f), 'utf8'))
    .join('\n');
  ({ parseFeed } = (await importBuilt('parse.js')) as { parseFeed: typeof parseFeed });
}, 60_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every feed fixture, as text (the GBK ones read as UTF-8: garbled, but the same garble for both). */
const FIXTURES = [
  ...readdirSync(new URL('../../fixtures/feeds/', import.meta.url)).filter((f) =>
    /\.(xml|html|json)$/.test(f),
  ),
  ...readdirSync(new URL('../../fixtures/feeds/bad/', import.meta.url)).map((f) => `bad/${f}`),
];

async function outcome(parse: (text: string) => Promise<ParsedFeed>, text: string) {
  try {
    return { parsed: await parse(text) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

describe('the worker build (Vite, wxt.config.ts)', () => {
  test('the bundle imports nothing and carries rss-parser’s reader, not its XML writer or Node’s network', (ctx) => {
    expect(bundleText).not.toMatch(/^\s*import\s/m);
    expect(bundleText).not.toMatch(/\brequire\(/);
    // sax's parser and xml2js's tree builder are in; xmlbuilder's writer (XMLStringWriter) is not.
    expect(bundleText).toContain('SAXParser');
    expect(bundleText).not.toMatch(/XMLStringWriter|XMLDocument/);
    record(
      ctx,
      'worker build',
      'what the parser bundle holds',
      'no import, no require, no XML writer',
      `${bundleText.length} characters: rss-parser + xml2js + sax, no Node module, no xmlbuilder`,
    );
  });

  test.for(FIXTURES)('parseFeed from the bundle reads %s as Node does', async (name, ctx) => {
    const text = fixture(name).toString('utf8');
    const inWorker = await outcome(parseFeed, text);
    expect(inWorker).toEqual(await outcome(nodeParse, text));
    if (name === 'bad/markup.xml') {
      const n = inWorker.parsed!.notices.find((x) => x.guid === 'bad-markup')!;
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
      inWorker.parsed
        ? `${inWorker.parsed.notices.length} notices, ${inWorker.parsed.skipped.length} skipped, ${inWorker.parsed.warnings.length} warnings`
        : `refused: ${inWorker.error}`,
    );
  });
});
