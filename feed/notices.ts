// Loads every notice file in a directory (Node only). Used by `feed check/serve/build` and at
// extension build time to embed the default notices, so it stays free of CLI concerns.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Notice } from '../utils/notice/schema.ts';
import { parseNoticeFile, type FileError, type NoticeSource } from './notice-file.ts';

/** The repository's own notices: `feed/notices`. */
export const DEFAULT_NOTICES_DIR = fileURLToPath(new URL('./notices/', import.meta.url));

export interface LoadedNotice {
  file: string;
  notice: Notice;
  source?: NoticeSource;
  assumptions: string[];
  body: string;
}

export interface LoadResult {
  /** Valid notices, in file-name order. */
  notices: Notice[];
  files: LoadedNotice[];
  errors: FileError[];
}

/** Notice files are `*.md`; dotfiles (editor swap files) and README.md are not notices. */
export function isNoticeFileName(name: string): boolean {
  return name.endsWith('.md') && !name.startsWith('.') && name.toLowerCase() !== 'readme.md';
}

/**
 * Reads and validates every notice file in `dir`. File names in errors are relative to the
 * current directory so that a message can be pasted into an editor. A duplicate guid is an
 * error on the later file and names the earlier one; neither copy is dropped silently.
 */
export function loadNotices(dir: string = DEFAULT_NOTICES_DIR): LoadResult {
  const errors: FileError[] = [];
  const files: LoadedNotice[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter(isNoticeFileName).sort();
  } catch (error) {
    return {
      notices: [],
      files: [],
      errors: [{ file: dir, field: '(directory)', reason: (error as Error).message }],
    };
  }
  const seen = new Map<string, string>();
  for (const name of names) {
    const full = path.join(dir, name);
    const file = path.relative(process.cwd(), full) || full;
    let text: string;
    try {
      text = readFileSync(full, 'utf8');
    } catch (error) {
      errors.push({ file, field: '(file)', reason: (error as Error).message });
      continue;
    }
    const parsed = parseNoticeFile(text, file);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const earlier = seen.get(parsed.notice.guid);
    if (earlier !== undefined) {
      errors.push({
        file,
        field: 'guid',
        reason: `duplicate guid ${JSON.stringify(parsed.notice.guid)}: also in ${earlier}`,
      });
      continue;
    }
    seen.set(parsed.notice.guid, file);
    const loaded: LoadedNotice = {
      file,
      notice: parsed.notice,
      assumptions: parsed.assumptions,
      body: parsed.body,
    };
    if (parsed.source) loaded.source = parsed.source;
    files.push(loaded);
  }
  return { notices: files.map((f) => f.notice), files, errors };
}

export function formatFileErrors(errors: FileError[]): string {
  return errors.map((e) => `${e.file}: ${e.field}: ${e.reason}`).join('\n');
}
