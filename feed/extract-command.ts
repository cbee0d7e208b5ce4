// `npm run feed -- extract --published YYYY-MM-DD [FILE]` (issue 6): reads announcement text
// (stdin without FILE), prints the extracted structure as JSON; `--write` also drafts a notice
// file in feed/notices for review. Thin: the logic is utils/extract (pure, browser-safe); this
// file only reads input, reports errors in one line and writes files.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cutoffDay, extractAnnouncement, MAX_INPUT_BYTES } from '../utils/extract/extract.ts';
import { decodeAnnouncement } from '../utils/extract/input.ts';
import type { Extraction } from '../utils/extract/schema.ts';
import { isHttpsUrl, type Notice, type Product } from '../utils/notice/schema.ts';
import { formatNoticeFile, parseNoticeFile } from './notice-file.ts';
import { DEFAULT_NOTICES_DIR } from './notices.ts';

const USAGE = `usage: npm run feed -- extract --published YYYY-MM-DD [FILE]
       npm run feed -- extract --published YYYY-MM-DD --write --link URL [--title T] [--publisher P] [--notices DIR] [FILE]

  Reads a Chinese platform announcement (FILE, or stdin; simplified or traditional) and prints JSON:
  {"kind", "products", "replacements", "grandfather",
   "milestones": [{"product"?, "action", "at", "text", "start"?, "end"?}],
   "dates": [{"start", "end", "text", "at", "until"?, "milestone", "rules"}]}
  start/end are offsets into the text; rules name the rows of utils/extract/rules.ts that decided.
  --published  the announcement's publish day (Beijing); dates without a year are resolved from it
  --write      also write a draft notice file into feed/notices (or --notices DIR) for review;
               needs the announcement's https address (--link, or one found in the text)
`;

export interface ExtractIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads stdin whole, refusing more than `limit` bytes. */
  readStdin: (limit: number) => Promise<Uint8Array | 'too-large'>;
}

async function readStdin(limit: number): Promise<Uint8Array | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > limit) return 'too-large';
    chunks.push(buf);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

const processIo: ExtractIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
};

function readInput(file: string): Uint8Array | string {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return `${file} is a directory, not a text file`;
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `${file}: no such file` : `cannot read ${file} (${code ?? 'error'})`;
  }
  if (size > MAX_INPUT_BYTES) return `${file} is ${size} bytes; the limit is ${MAX_INPUT_BYTES} (1 MiB)`;
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    return `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}

interface WriteOptions {
  published: string;
  link?: string;
  title?: string;
  publisher?: string;
  dir: string;
}

/** The draft notice: every product gets the milestones that name it or no product at all. */
export function draftNotice(
  text: string,
  extraction: Extraction,
  opts: WriteOptions & { link: string },
): {
  notice: Notice;
  assumptions: string[];
} {
  const pubDate = `${opts.published}T00:00:00+08:00`;
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 8);
  const firstLine = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '');
  const title = (opts.title ?? firstLine ?? '未命名公告').slice(0, 200);
  const products: Product[] = extraction.products.map((name) => ({
    name,
    aliases: [],
    milestones: extraction.milestones
      .filter((m) => m.product === undefined || m.product === name)
      .map((m) => ({ action: m.action, at: m.at, ...(m.previous ? { previous: m.previous } : {}) })),
    replacements: extraction.replacements.map((r) => ({ name: r })),
  }));
  const notice: Notice = {
    guid: `extract-${opts.published}-${digest}`,
    title,
    link: opts.link,
    pubDate,
    sunset: {
      kind: extraction.kind,
      updated: pubDate,
      products,
      ...(extraction.grandfather ? { grandfather: extraction.grandfather.slice(0, 4000) } : {}),
    },
  };
  const assumptions = [
    '由 feed extract 自动提取，发布前请逐项核对产品、日期与替代方案。',
    `pubDate 与 updated 取 --published ${opts.published} 当天 00:00（北京时间）；请改为公告的确切发布时间。`,
  ];
  if (opts.title === undefined) assumptions.push('title 取原文第一行。');
  if (extraction.replacements.length > 0 && products.length > 1) {
    assumptions.push('每个替代方案都列在了每个产品下；请删去不适用的。');
  }
  if (products.length === 0 && extraction.milestones.length > 0) {
    assumptions.push(
      `未识别出产品名称；提取到的里程碑：${extraction.milestones.map((m) => `${m.action} ${m.at ?? '（未定）'}`).join('，')}。`,
    );
  }
  return { notice, assumptions };
}

function writeDraft(text: string, extraction: Extraction, opts: WriteOptions, io: ExtractIo): number {
  const link = opts.link ?? text.match(/https:\/\/[^\s"'<>（）()，。]+/u)?.[0];
  if (link === undefined || !isHttpsUrl(link)) {
    io.stderr(`feed extract: --write needs the announcement's https address: add --link https://…\n`);
    return 2;
  }
  const { notice, assumptions } = draftNotice(text, extraction, { ...opts, link });
  const source = opts.publisher ? { publisher: opts.publisher, url: link } : undefined;
  const file = formatNoticeFile({ notice, assumptions, body: text, ...(source ? { source } : {}) });
  const name = `${notice.guid}.md`;
  // What we write must be what `feed check` accepts; a draft that fails is a bug, not a file.
  const reread = parseNoticeFile(file, name);
  if (!reread.ok) {
    const first = reread.errors[0];
    io.stderr(`feed extract: the draft notice does not validate (${first?.field}: ${first?.reason})\n`);
    return 1;
  }
  const target = path.join(opts.dir, name);
  try {
    mkdirSync(opts.dir, { recursive: true });
    // 'wx': never overwrite a notice someone may already have edited.
    writeFileSync(target, file, { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(
      code === 'EEXIST'
        ? `feed extract: ${target} already exists; not overwritten\n`
        : `feed extract: cannot write ${target} (${code ?? 'error'})\n`,
    );
    return 1;
  }
  io.stderr(`feed extract: wrote ${target} for review\n`);
  return 0;
}

/** Runs `feed extract`; resolves to the exit code (0 ok, 1 bad input, 2 usage). */
export async function runExtract(argv: string[], io: ExtractIo = processIo): Promise<number> {
  let values: {
    published?: string;
    write?: boolean;
    link?: string;
    title?: string;
    publisher?: string;
    notices?: string;
    help?: boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        published: { type: 'string' },
        write: { type: 'boolean' },
        link: { type: 'string' },
        title: { type: 'string' },
        publisher: { type: 'string' },
        notices: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    io.stderr(`feed extract: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (positionals.length > 1) {
    io.stderr(`feed extract: give one FILE (or none, for stdin)\n\n${USAGE}`);
    return 2;
  }
  if (values.published === undefined) {
    io.stderr(`feed extract: --published YYYY-MM-DD is required (the announcement's publish day)\n`);
    return 2;
  }

  const file = positionals[0];
  let bytes: Uint8Array | string;
  if (file === undefined || file === '-') {
    const read = await io.readStdin(MAX_INPUT_BYTES);
    bytes = read === 'too-large' ? `the input is larger than ${MAX_INPUT_BYTES} bytes (1 MiB)` : read;
  } else {
    bytes = readInput(file);
  }
  if (typeof bytes === 'string') {
    io.stderr(`feed extract: ${bytes}\n`);
    return 1;
  }
  const decoded = decodeAnnouncement(bytes);
  if (!decoded.ok) {
    io.stderr(`feed extract: ${decoded.error}\n`);
    return 1;
  }
  const result = extractAnnouncement(decoded.text, values.published);
  if (!result.ok) {
    io.stderr(`feed extract: ${result.error}\n`);
    return /--published/.test(result.error) ? 2 : 1;
  }
  io.stdout(`${JSON.stringify(result.value, null, 2)}\n`);
  if (!values.write) return 0;
  if (cutoffDay(result.value) === null && result.value.products.length === 0) {
    io.stderr('feed extract: note: no product and no date found; the draft will need filling in\n');
  }
  return writeDraft(
    decoded.text,
    result.value,
    {
      published: values.published,
      dir: values.notices ? path.resolve(values.notices) : DEFAULT_NOTICES_DIR,
      ...(values.link !== undefined ? { link: values.link } : {}),
      ...(values.title !== undefined ? { title: values.title } : {}),
      ...(values.publisher !== undefined ? { publisher: values.publisher } : {}),
    },
    io,
  );
}
