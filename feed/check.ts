// `feed check`: validates every notice file and reports each problem by file and field.
import path from 'node:path';
import { NAME_PROBLEM_TEXT, nameProblem } from '../utils/notice/names.ts';
import type { FileError } from './notice-file.ts';
import { DEFAULT_NOTICES_DIR, formatFileErrors, loadNotices, type LoadedNotice } from './notices.ts';

/**
 * Product names and aliases the extension would not watch (utils/notice/names.ts: too short, no
 * letter, a generic word): an error for the publisher, since merchants would never see them flagged.
 */
function nameErrors(files: readonly LoadedNotice[]): FileError[] {
  return files.flatMap(({ file, notice }) =>
    (notice.sunset?.products ?? []).flatMap((product, i) =>
      [product.name, ...product.aliases].flatMap((name, j) => {
        const problem = nameProblem(name);
        if (!problem) return [];
        const field = j === 0 ? `products.${i}.name` : `products.${i}.aliases.${j - 1}`;
        return [{ file, field, reason: `${JSON.stringify(name)} ${NAME_PROBLEM_TEXT[problem]}` }];
      }),
    ),
  );
}

export interface CheckResult {
  code: number;
  /** What to print: the summary on success, one line per problem otherwise. */
  output: string;
}

export function checkNotices(dir: string = DEFAULT_NOTICES_DIR): CheckResult {
  const loaded = loadNotices(dir);
  const errors = [...loaded.errors, ...nameErrors(loaded.files)];
  if (errors.length > 0) {
    const files = new Set(errors.map((e) => e.file)).size;
    return {
      code: 1,
      output: `${formatFileErrors(errors)}\nfeed check: ${errors.length} problem(s) in ${files} file(s)`,
    };
  }
  const dated = loaded.notices.reduce(
    (n, notice) =>
      n + (notice.sunset?.products ?? []).reduce((m, p) => m + p.milestones.filter((x) => x.at).length, 0),
    0,
  );
  return {
    code: 0,
    output: `feed check: ${loaded.notices.length} notices OK (${dated} dated milestones) in ${path.relative(process.cwd(), dir) || '.'}`,
  };
}
