// `feed build`: the same bytes `feed serve` sends, as static files for any static host or CDN
// (feed.xml, calendar.ics, and precompressed .gz / .br for hosts that serve those).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_NOTICES_DIR, formatFileErrors, loadNotices } from './notices.ts';
import { renderFiles, representAll, type RenderOptions } from './render.ts';

export interface BuiltFile {
  file: string;
  bytes: number;
}

export type BuildResult = { ok: true; files: BuiltFile[] } | { ok: false; message: string };

export function buildFeedFiles(
  outDir: string,
  noticesDir: string = DEFAULT_NOTICES_DIR,
  options: RenderOptions = {},
): BuildResult {
  const loaded = loadNotices(noticesDir);
  if (loaded.errors.length > 0) return { ok: false, message: formatFileErrors(loaded.errors) };
  const reps = representAll(renderFiles(loaded.notices, options));
  mkdirSync(outDir, { recursive: true });
  const files: BuiltFile[] = [];
  const write = (name: string, body: Buffer) => {
    const file = path.join(outDir, name);
    writeFileSync(file, body);
    files.push({ file, bytes: body.length });
  };
  for (const [name, rep] of Object.entries(reps)) {
    write(name, rep.variants.identity.body);
    if (rep.variants.gzip) write(`${name}.gz`, rep.variants.gzip.body);
    if (rep.variants.br) write(`${name}.br`, rep.variants.br.body);
  }
  return { ok: true, files };
}
