// `feed check`: validates every notice file and reports each problem by file and field.
import path from 'node:path';
import { DEFAULT_NOTICES_DIR, formatFileErrors, loadNotices } from './notices.ts';

export interface CheckResult {
  code: number;
  /** What to print: the summary on success, one line per problem otherwise. */
  output: string;
}

export function checkNotices(dir: string = DEFAULT_NOTICES_DIR): CheckResult {
  const loaded = loadNotices(dir);
  if (loaded.errors.length > 0) {
    const files = new Set(loaded.errors.map((e) => e.file)).size;
    return {
      code: 1,
      output: `${formatFileErrors(loaded.errors)}\nfeed check: ${loaded.errors.length} problem(s) in ${files} file(s)`,
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
