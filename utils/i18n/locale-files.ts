// Build-time and test-time access to the locale part files (Node only: used by wxt.config.ts
// and tests, never bundled into the extension).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, mergeParts, type Catalogs, type Messages } from './catalog.ts';

export function readCatalogs(localesDir: string): Catalogs {
  const result = {} as Catalogs;
  for (const lang of LANGS) {
    const dir = join(localesDir, lang);
    const parts = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        try {
          return JSON.parse(readFileSync(join(dir, f), 'utf8')) as Messages;
        } catch (error) {
          throw new Error(`${join(dir, f)}: ${(error as Error).message}`, { cause: error });
        }
      });
    result[lang] = mergeParts(parts);
  }
  return result;
}
