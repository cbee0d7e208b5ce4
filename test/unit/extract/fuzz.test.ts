// Fuzz tests (issue 6, part 6): any text in, and out comes either a valid result whose dates
// carry an offset, or a clear one-line error. Never a throw. A seeded PRNG makes every failure
// reproducible: the failing seed and input are in the assertion message.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { runExtract, type ExtractIo } from '../../../feed/extract-command.ts';
import { extractAnnouncement } from '../../../utils/extract/extract.ts';
import { decodeAnnouncement } from '../../../utils/extract/input.ts';
import { ExtractionSchema } from '../../../utils/extract/schema.ts';
import { isoProblem } from '../../../utils/notice/time.ts';
import { loadCorpus } from './corpus.ts';

/** mulberry32: small, fast, good enough to shuffle test input. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20230217;
const corpus = loadCorpus();

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}
const int = (rand: () => number, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const RANGES: [number, number][] = [
  [0x20, 0x7e], // ASCII
  [0x4e00, 0x9fff], // CJK
  [0x3000, 0x303f], // CJK punctuation
  [0xff01, 0xff5e], // full-width forms
  [0x00, 0x1f], // controls
  [0x1f600, 0x1f64f], // emoji (astral)
  [0xd800, 0xdfff], // lone surrogates
];

function randomString(rand: () => number, max: number): string {
  let out = '';
  const n = int(rand, 0, max);
  for (let i = 0; i < n; i++) {
    const [lo, hi] = pick(rand, RANGES);
    const code = int(rand, lo, hi);
    out += code > 0xffff ? String.fromCodePoint(code) : String.fromCharCode(code);
  }
  return out;
}

const CN = '〇一二三四五六七八九十';
function randomDate(rand: () => number): string {
  const y = int(rand, 1990, 2100);
  const m = int(rand, 0, 14);
  const d = int(rand, 0, 33);
  const cn = (n: number) =>
    n <= 10 ? CN[n]! : n < 20 ? `十${CN[n - 10]}` : `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  const forms = [
    `${y}年${m}月${d}日`,
    `${m}月${d}日`,
    `${y}-${m}-${d}`,
    `${y}/${m}/${d}`,
    `${y}.${m}.${d}`,
    `${[...String(y)].map((c) => '〇一二三四五六七八九'[Number(c)]).join('')}年${cn(m)}月${cn(d)}日`,
    `${m}月${pick(rand, ['底', '上旬', '中旬', '下旬', '初'])}`,
    '即日起',
    `${y}年${m}月${d}日${int(rand, 0, 30)}:${String(int(rand, 0, 70)).padStart(2, '0')}`,
    `${m}月${d}日24时`,
    `${m}月${d}日零点`,
    `北京时间${y}年${m}月${d}日 (UTC+08:00)`,
    `${y}年${m}月${d}日至${m}月${d}日`,
    `${y}-${m}-${d} 10:00~${int(rand, 0, 30)}:00`,
    '明天',
    // issue 19's forms
    `${y} 年 ${m} 月 ${d} 日`,
    `${String(y).replace(/\d/gu, (c) => String.fromCharCode(0xff10 + Number(c)))}年${m}月${d}日`,
    `民國${y - 1911}年${m}月${d}日`,
    `${pick(rand, ['October', 'Mar', 'December'])} ${d}, ${y}`,
    `${m}月${d}日至${d}日`,
    `${m}月${pick(rand, ['中下旬', '末', '底前'])}`,
    `${d}日起`,
    `${y}年${m}月`,
    `${y}年底`,
    `${y}${m}${String(d).padStart(2, '0')}日`,
    `${y}年${m}月${d}日${pick(rand, ['下午', '晚上', '凌晨'])}${int(rand, 0, 13)}点${pick(rand, ['', '半', '30分'])}`,
    '次日',
    '今日(28日)起',
  ];
  return pick(rand, forms);
}

const CUES = [
  '将于',
  '起',
  '正式下线',
  '停止',
  '关闭',
  '截止',
  '前',
  '公告日期',
  '发布于',
  '已于',
  '上线',
  '版',
  '即将下线',
  '原定于',
  '推迟至',
  '届时',
  '不受影响',
  '可改用',
  '迁移至',
  '停用',
  '關停',
  '回收权限',
  '停止维护',
  '限制处理',
  '拟对',
  '请于',
  '前反馈',
  '仍未完成',
  '已上线',
  '將於',
  '|',
  ':',
  '(UTC+08:00)',
  '“',
  '”',
  '【',
  '】',
  '、',
  '和',
  ',',
  '。',
  '\n',
  ';',
];

function randomMix(rand: () => number): string {
  const parts: string[] = [];
  const n = int(rand, 1, 30);
  for (let i = 0; i < n; i++) {
    const roll = rand();
    if (roll < 0.3) {
      const text = pick(rand, corpus).text;
      const start = int(rand, 0, text.length);
      parts.push(text.slice(start, start + int(rand, 0, 80)));
    } else if (roll < 0.55) parts.push(randomDate(rand));
    else if (roll < 0.85) parts.push(pick(rand, CUES));
    else parts.push(randomString(rand, 12));
  }
  return parts.join('');
}

function randomPublished(rand: () => number): string {
  const y = int(rand, 1990, 2100);
  return `${y}-${String(int(rand, 1, 12)).padStart(2, '0')}-${String(int(rand, 1, 28)).padStart(2, '0')}`;
}

function checkOutcome(input: string, published: string, label: string): void {
  let result: ReturnType<typeof extractAnnouncement>;
  try {
    result = extractAnnouncement(input, published);
  } catch (error) {
    throw new Error(`${label}: threw ${String(error)} for ${JSON.stringify(input)} (published ${published})`);
  }
  if (!result.ok) {
    expect(result.error, label).toMatch(/\S/);
    expect(result.error, label).not.toMatch(/\n/);
    return;
  }
  const parsed = v.safeParse(ExtractionSchema, result.value);
  expect(parsed.success, `${label}: ${JSON.stringify(input)}`).toBe(true);
  for (const m of result.value.milestones) {
    if (m.at === null) continue;
    expect(m.at, `${label}: ${JSON.stringify(input)}`).toMatch(/\+08:00$/);
    expect(isoProblem(m.at), `${label}: ${m.at}`).toBeNull();
  }
  // Every date carries offsets into the text as given (issue 19): the phrase is what it says.
  let last = -1;
  for (const d of result.value.dates) {
    const where = `${label}: ${JSON.stringify(d)} in ${JSON.stringify(input)}`;
    expect(d.start, where).toBeGreaterThan(last);
    expect(d.end, where).toBeGreaterThan(d.start);
    expect(d.end, where).toBeLessThanOrEqual(input.length);
    expect(input.slice(d.start, d.end), where).toBe(d.text);
    expect(isoProblem(d.at), where).toBeNull();
    if (d.until !== undefined) expect(d.until > d.at, where).toBe(true);
    last = d.start;
  }
  for (const m of result.value.milestones) {
    if (m.at === null) continue;
    const date = result.value.dates.find((d) => d.start === m.start && d.end === m.end);
    expect(date?.milestone, `${label}: milestone ${JSON.stringify(m)} has its date`).toBe(true);
  }
  // The result must survive JSON (what the CLI prints) unchanged.
  expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
}

describe('fuzz: extractAnnouncement never throws', () => {
  it('random strings', () => {
    const rand = prng(SEED);
    for (let i = 0; i < 600; i++)
      checkOutcome(randomString(rand, 300), randomPublished(rand), `seed ${SEED} #${i}`);
  });

  it('random mixes of corpus fragments, dates, cue words and junk', () => {
    const rand = prng(SEED + 1);
    for (let i = 0; i < 800; i++)
      checkOutcome(randomMix(rand), randomPublished(rand), `seed ${SEED + 1} #${i}`);
  });

  it('odd publish dates are a clear error', () => {
    const rand = prng(SEED + 2);
    const bad = [
      '',
      '2023-2-1',
      '2023-02-30',
      '2023-13-01',
      'yesterday',
      '２０２３-０２-１０',
      '2023-02-10T00:00',
      randomString(rand, 20),
    ];
    for (const published of bad) {
      const result = extractAnnouncement('将于2023年2月17日下线', published);
      expect(result.ok, published).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/--published/);
    }
  });

  it('a large text near the limit is handled, and one over it refused', () => {
    const rand = prng(SEED + 3);
    let big = '';
    while (big.length < 200_000) big += randomMix(rand);
    checkOutcome(big, '2023-02-10', 'large mix');
    const over = extractAnnouncement('下'.repeat(1024 * 1024 + 1), '2023-02-10');
    expect(over.ok).toBe(false);
  });
});

describe('fuzz: decodeAnnouncement and the CLI', () => {
  it('random bytes decode to text or a clear refusal', () => {
    const rand = prng(SEED + 4);
    for (let i = 0; i < 400; i++) {
      const bytes = new Uint8Array(int(rand, 0, 200)).map(() => int(rand, 0, 255));
      const decoded = decodeAnnouncement(bytes);
      if (!decoded.ok) expect(decoded.error).toMatch(/^the input /);
      else checkOutcome(decoded.text, '2023-02-10', `bytes #${i}`);
    }
  });

  it('runExtract: exit 0 with JSON on stdout, or non-zero with one line on stderr', async () => {
    const rand = prng(SEED + 5);
    for (let i = 0; i < 60; i++) {
      const input =
        i % 3 === 0
          ? new Uint8Array(int(rand, 0, 50)).map(() => int(rand, 0, 255))
          : new TextEncoder().encode(randomMix(rand));
      let out = '';
      let err = '';
      const io: ExtractIo = {
        stdout: (t) => (out += t),
        stderr: (t) => (err += t),
        readStdin: async () => input,
      };
      const code = await runExtract(['--published', i % 7 === 0 ? '2023-02-31' : '2023-02-10'], io);
      if (code === 0) {
        expect(v.safeParse(ExtractionSchema, JSON.parse(out)).success).toBe(true);
        expect(err).toBe('');
      } else {
        expect([1, 2]).toContain(code);
        expect(out).toBe('');
        expect(err.trimEnd().split('\n')).toHaveLength(1);
        expect(err).toMatch(/^feed extract: /);
        expect(err).not.toMatch(/\n\s+at /); // no stack trace
      }
    }
  });
});
