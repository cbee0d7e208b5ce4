// `feed extract` end to end on real files in a temporary directory: JSON on stdout, one-line
// errors with non-zero exits, and --write drafting a notice file that `feed check` accepts.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExtract, type ExtractIo } from '../../../feed/extract-command.ts';
import { parseNoticeFile } from '../../../feed/notice-file.ts';
import { ExtractionSchema } from '../../../utils/extract/schema.ts';
import * as v from 'valibot';
import { loadCorpus } from './corpus.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sunset-extract-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function io(stdin: Uint8Array | 'too-large' = new Uint8Array()) {
  const captured = { out: '', err: '' };
  const value: ExtractIo = {
    stdout: (t) => (captured.out += t),
    stderr: (t) => (captured.err += t),
    readStdin: async () => stdin,
  };
  return { io: value, captured };
}

const seed = loadCorpus().find((f) => f.file === '1688-jiaju-hangye-2023-02-10.yaml')!;

describe('feed extract', () => {
  it('reads FILE and prints the extraction as JSON', async () => {
    const file = path.join(dir, 'notice.txt');
    writeFileSync(file, seed.text);
    const { io: x, captured } = io();
    expect(await runExtract(['--published', '2023-02-10', file], x)).toBe(0);
    const printed: unknown = JSON.parse(captured.out);
    const parsed = v.parse(ExtractionSchema, printed);
    expect(parsed.products).toEqual(['家居百货解决方案', '行业优选解决方案']);
    expect(parsed.milestones.map((m) => m.at)).toContain('2023-02-17T00:00:00+08:00');
    expect(captured.err).toBe('');
  });

  it('reads stdin when no FILE is given, including GB18030 text', async () => {
    const gbk = new Uint8Array([
      // "将于2023年3月1日下线" in GB18030
      0xbd, 0xab, 0xd3, 0xda, 0x32, 0x30, 0x32, 0x33, 0xc4, 0xea, 0x33, 0xd4, 0xc2, 0x31, 0xc8, 0xd5, 0xcf,
      0xc2, 0xcf, 0xdf,
    ]);
    const { io: x, captured } = io(gbk);
    expect(await runExtract(['--published', '2023-02-10'], x)).toBe(0);
    expect(JSON.parse(captured.out).milestones[0].at).toBe('2023-03-01T00:00:00+08:00');
  });

  it('prints every date with its offsets and the rows that decided it, traditional text included', async () => {
    const text = '公告日期:2026年2月10日\n舊版平臺將於 2026 年 2 月 28 日停用並關停。';
    const { io: x, captured } = io(new TextEncoder().encode(text));
    expect(await runExtract(['--published', '2026-02-10'], x)).toBe(0);
    const printed = v.parse(ExtractionSchema, JSON.parse(captured.out));
    expect(printed.dates.map((d) => [text.slice(d.start, d.end), d.text, d.milestone])).toEqual([
      ['2026年2月10日', '2026年2月10日', false],
      ['2026 年 2 月 28 日', '2026 年 2 月 28 日', true],
    ]);
    expect(printed.dates[0]!.rules).toEqual(['not:published']);
    expect(printed.milestones.map((m) => [m.action, m.at, m.start])).toEqual([
      ['retire', '2026-02-28T00:00:00+08:00', printed.dates[1]!.start],
    ]);
    expect(printed.products).toEqual(['舊版平臺']);
  });

  it.each([
    ['empty stdin', ['--published', '2023-02-10'], new Uint8Array(), 1, /empty/],
    ['whitespace only', ['--published', '2023-02-10'], new TextEncoder().encode(' \n\t '), 1, /empty/],
    ['binary', ['--published', '2023-02-10'], new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), 1, /binary/],
    ['over 1 MiB on stdin', ['--published', '2023-02-10'], 'too-large' as const, 1, /1 MiB/],
    ['no --published', null, new TextEncoder().encode('将于3月1日下线'), 2, /--published/],
    [
      'an impossible --published',
      ['--published', '2023-02-30'],
      new TextEncoder().encode('将于3月1日下线'),
      2,
      /--published/,
    ],
    [
      'an unknown flag',
      ['--published', '2023-02-10', '--frobnicate'],
      new TextEncoder().encode('x'),
      2,
      /frobnicate/,
    ],
  ])('%s: one clear line on stderr and a non-zero exit', async (_name, args, stdin, code, message) => {
    const { io: x, captured } = io(stdin);
    expect(await runExtract(args ?? [], x)).toBe(code);
    expect(captured.out).toBe('');
    expect(captured.err).toMatch(message);
    expect(captured.err).toMatch(/^feed extract: /);
    expect(captured.err).not.toMatch(/\n\s+at /);
  });

  it('refuses a missing file, a directory and a file over 1 MiB, naming the problem', async () => {
    const big = path.join(dir, 'big.txt');
    writeFileSync(big, 'a'.repeat(1024 * 1024 + 1));
    for (const [file, message] of [
      [path.join(dir, 'missing.txt'), /no such file/],
      [dir, /directory/],
      [big, /limit is 1048576/],
    ] as const) {
      const { io: x, captured } = io();
      expect(await runExtract(['--published', '2023-02-10', file], x)).toBe(1);
      expect(captured.err).toMatch(message);
      expect(captured.err.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('--write drafts a notice file that parses back, keeps the text, and never overwrites', async () => {
    const file = path.join(dir, 'notice.txt');
    writeFileSync(file, seed.text);
    const notices = path.join(dir, 'notices');
    const args = [
      '--published',
      '2023-02-10',
      '--write',
      '--notices',
      notices,
      '--link',
      'https://dsb.cn/209144.html',
      '--publisher',
      '电商报',
      file,
    ];
    const first = io();
    expect(await runExtract(args, first.io)).toBe(0);
    const written = readdirSync(notices);
    expect(written).toHaveLength(1);
    const content = readFileSync(path.join(notices, written[0]!), 'utf8');
    const parsed = parseNoticeFile(content, written[0]!);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.body).toBe(seed.text.trim());
    expect(parsed.source).toEqual({ publisher: '电商报', url: 'https://dsb.cn/209144.html' });
    const sunset = parsed.notice.sunset!;
    expect(sunset.kind).toBe('retire');
    expect(sunset.products.map((p) => p.name)).toEqual(['家居百货解决方案', '行业优选解决方案']);
    expect(sunset.products[0]!.milestones).toContainEqual({
      action: 'no-new-orders',
      at: '2023-02-17T00:00:00+08:00',
    });
    expect(sunset.products[0]!.replacements.map((r) => r.name)).toEqual([
      '消费品解决方案',
      '工业品解决方案',
      '找工厂解决方案',
    ]);
    expect(sunset.grandfather).toMatch(/不受影响/);
    expect(parsed.assumptions.join('\n')).toMatch(/核对/);

    const again = io();
    expect(await runExtract(args, again.io)).toBe(1);
    expect(again.captured.err).toMatch(/already exists; not overwritten/);
    expect(readFileSync(path.join(notices, written[0]!), 'utf8')).toBe(content);
  });

  it('--write without an https link says what to add and writes nothing', async () => {
    const notices = path.join(dir, 'notices');
    const { io: x, captured } = io(new TextEncoder().encode('平台将于2023年3月1日下线“甲工具”。'));
    expect(await runExtract(['--published', '2023-02-10', '--write', '--notices', notices], x)).toBe(2);
    expect(captured.err).toMatch(/--link https/);
    expect(() => readdirSync(notices)).toThrow();
  });
});
