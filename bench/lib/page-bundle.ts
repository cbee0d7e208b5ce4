// Our code bundled for a page (esbuild, one IIFE exposing the entry's exports as `globalName`):
// how the benchmarks run the scan code inside Chromium without building the extension.
import { build } from 'esbuild';

export async function bundleForPage(entry: URL, globalName: string): Promise<string> {
  const out = await build({
    entryPoints: [entry.pathname],
    bundle: true,
    write: false,
    format: 'iife',
    globalName,
    target: 'chrome120',
  });
  return out.outputFiles[0]!.text;
}
