// The judgement table of names (utils/extract/names.ts) and the replacement cues
// (utils/extract/products.ts SOURCES), issue 19: every row decides its own example, and the
// structure reader (lists.ts) reads the lists and tables real pages give.
import { describe, expect, it } from 'vitest';
import { extractAnnouncement } from '../../../utils/extract/extract.ts';
import { barlessTables, listRuns, pipeTables, tableColumns } from '../../../utils/extract/lists.ts';
import { NAME_RULES, rejectedBy, splitList, tidyName } from '../../../utils/extract/names.ts';
import { normalizeText } from '../../../utils/extract/normalize.ts';
import { candidatesOf, SOURCES } from '../../../utils/extract/products.ts';

/** A sentence that makes a notice one of a retirement, put before a replacement's sentence. */
const RETIRING = '旧版系统将于2026年3月1日下线。';

describe('every row of the name table decides its own example', () => {
  it('ids are unique and every row has an example and a source', () => {
    const ids = [...NAME_RULES.map((r) => r.id), ...SOURCES.map((r) => r.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of [...NAME_RULES, ...SOURCES]) {
      expect(row.example, row.id).toMatch(/\S/);
      expect(row.source, row.id).toMatch(/\.yaml|issue \d+/);
    }
  });

  it.each(NAME_RULES.filter((r) => r.effect === 'trim').map((r) => [r.id, r] as const))(
    '%s trims its example',
    (_id, row) => {
      const example = normalizeText(row.example);
      row.pattern.lastIndex = 0;
      expect(row.pattern.test(example), 'the row matches its example').toBe(true);
      expect(tidyName(example)).toBe(normalizeText(row.want!));
    },
  );

  it.each(NAME_RULES.filter((r) => r.effect === 'reject').map((r) => [r.id, r] as const))(
    '%s rejects its example',
    (_id, row) => {
      // A row for every phrase is tried as on a list item, so that sentence-only rows do not
      // decide first; a sentence-only row as on a sentence.
      const name = tidyName(normalizeText(row.example));
      expect(rejectedBy(name, row.role ?? 'product', !row.sentenceOnly)).toBe(row.id);
    },
  );

  it.each(SOURCES.map((r) => [r.id, r] as const))('%s finds its example', (_id, row) => {
    const found = candidatesOf(normalizeText(row.example)).filter((c) => c.source === row.id && !c.rejected);
    expect(found.map((c) => c.name)).toEqual(row.want.map((w) => normalizeText(w)));
    // In a notice of a retirement: a notice of news or of a rule has no replacements.
    const result = extractAnnouncement(`${RETIRING}\n${row.example}`, '2026-02-10');
    if (!result.ok) throw new Error(result.error);
    for (const want of row.want) expect(result.value.replacements).toContain(want);
  });
});

describe('names as a merchant reads them', () => {
  it.each([
    ['根据公告:支付宝收款业务', '支付宝收款业务'],
    ['Azure Service Manager(ASM)', 'Azure Service Manager(ASM)'],
    ['Places API (舊版)', 'Places API (舊版)'],
    ['混元生图-1.0(TextToImage)', '混元生图-1.0(TextToImage)'],
    ['舊版「我的拍賣」', '舊版「我的拍賣」'],
  ])('%s stays %s', (raw, want) => {
    expect(tidyName(raw)).toBe(want);
  });

  it.each([
    ['甲接口、乙接口和丙接口', ['甲接口', '乙接口', '丙接口']],
    // The items share what follows the last 的: one name.
    [
      '服务汇流排、转送和事件中枢的传统部署模型 REST API',
      ['服务汇流排、转送和事件中枢的传统部署模型 REST API'],
    ],
  ])('splitList(%s)', (text, want) => {
    expect(splitList(text)).toEqual(want);
  });

  it.each([
    ['等不利后果', 'not:fragment'],
    ['即 OpenSSL 1.1.1', 'not:fragment'],
    ['查看文档详情', 'not:link'],
    ['公告了', 'not:fragment'],
    ['[这里]', 'not:link'],
    ['RTM]', 'not:sentence'],
    ['加值究竟会不会被收手续费', 'not:question'],
  ])('%s names nothing (%s)', (phrase, row) => {
    expect(rejectedBy(phrase, 'product')).toBe(row);
  });

  it('a list item keeps a name a sentence would not give (API 版本), a sentence does not', () => {
    expect(rejectedBy('API 版本', 'product', true)).toBeNull();
    expect(rejectedBy('API 版本', 'product')).toBe('not:kind-word');
  });
});

describe('lists.ts reads the structures pages give', () => {
  it('runs of one marker kind: 一、 sections hold • items and are none of them', () => {
    const lines =
      '一、涉及下线接口\n● 甲接口\n● 乙接口\n二、时间节点\n● 产品停止新购:2026 年 9 月 1 日'.split('\n');
    const runs = listRuns(lines);
    expect(runs.map((r) => [r.heading, r.items])).toEqual([
      ['', ['涉及下线接口']],
      ['一、涉及下线接口', ['甲接口', '乙接口']],
      ['● 乙接口', ['时间节点']],
      ['二、时间节点', ['产品停止新购:2026 年 9 月 1 日']],
    ]);
  });

  it('identifier runs, versions with a space included', () => {
    const runs = listRuns('涉及镜像如下:\nCentOS 7.6\nUbuntu 16.04\nAPI\nCreateFoo\nDeleteFoo'.split('\n'));
    expect(runs.map((r) => r.items)).toEqual([['CentOS 7.6', 'Ubuntu 16.04', 'CreateFoo', 'DeleteFoo']]);
  });

  it('a pipe table with a row broken over lines', () => {
    const lines = [
      '| 功能 | 已淘汰 | 日落 |',
      '|---|---|---|',
      'setAuthentication(clientId, signingKey) |',
      '2026 年 3 月 3 日 | 2026 年 6 月 1 日 |',
      '| Area120Tables | 2024 年 7 月 16 日 | 2026 年 1 月 14 日 |',
    ];
    expect(pipeTables(lines)).toEqual([
      {
        first: 0,
        last: 4,
        header: ['功能', '已淘汰', '日落'],
        rows: [
          ['setAuthentication(clientId, signingKey)', '2026 年 3 月 3 日', '2026 年 6 月 1 日'],
          ['Area120Tables', '2024 年 7 月 16 日', '2026 年 1 月 14 日'],
        ],
      },
    ]);
  });

  it('the column of a cell, in a row broken over lines after a whole one (google-apigee-deprecations-2025.yaml)', () => {
    const lines = [
      '| 功能 | 已淘汰 | 停用日期 | 詳細資料 |',
      '|---|---|---|---|',
      '| 甲 (預先發布版) | 2026 年 7 月 10 日 | 請參閱甲淘汰 | |',
      'apigeectl 命令列介面 |',
      '2024 年 4 月 17 日 | 2025 年 4 月 17 日 | 請參閱apigeectl淘汰 |',
    ];
    const column = tableColumns(lines);
    expect(column(2, lines[2]!.indexOf('2026')).column).toBe('已淘汰');
    expect(column(4, 0).column).toBe('已淘汰');
    expect(column(4, lines[4]!.indexOf('2025')).column).toBe('停用日期');
    expect(column(4, lines[4]!.indexOf('2025')).header).toBe('功能 | 已淘汰 | 停用日期 | 詳細資料');
    expect(column(0, 0).column).toBe('');
  });

  it('a cell broken over lines without a bar, and a bar alone ending it (google-ads-api-deprecations-zh-tw-2026.yaml)', () => {
    const lines = [
      '| 功能 | 說明 | 生效日期 | 其他注意事項 |',
      '|---|---|---|---|',
      '| 甲支援異動 |',
      '2026 年 6 月 15 日起,就必須使用乙 API。',
      '|',
      '2026 年 6 月 15 日 | 詳情請參閱這篇網誌文章。 |',
      '| 淘汰丙廣告 | 無法建立新的丙廣告。 | 2026 年 1 月 | 詳情請參閱這篇網誌文章。 |',
      '下表列出已停用的功能。',
      '| 功能 | 停用日期 |',
      '|---|---|',
      '| 丁 | 2025 年 1 月 1 日 |',
    ];
    const column = tableColumns(lines);
    expect(column(3, 0).column).toBe('說明');
    expect(column(5, 0).column).toBe('生效日期');
    expect(column(6, lines[6]!.indexOf('2026')).column).toBe('生效日期');
    // A sentence above a new table's header and rule is no cell: that table has its own header.
    expect(column(10, lines[10]!.indexOf('2025')).header).toBe('功能 | 停用日期');
    expect(pipeTables(lines).map((t) => t.rows.map((r) => r[0]))).toEqual([
      ['甲支援異動', '淘汰丙廣告'],
      ['丁'],
    ]);
  });

  it('a table without bars: header cells to the lone header word, rows to their identifier, merged cells empty', () => {
    const lines = [
      '涉及的数据权限如下:',
      '能力权限',
      'Scope名称',
      'Scope',
      '热点视频数据',
      '获取实时热点词',
      'hotsearch',
      '获取上升词',
      'hotsearch',
      '调整内容:',
    ];
    expect(barlessTables(lines)).toEqual([
      {
        first: 1,
        last: 8,
        header: ['能力权限', 'Scope名称', 'Scope'],
        rows: [
          ['热点视频数据', '获取实时热点词', 'hotsearch'],
          ['', '获取上升词', 'hotsearch'],
        ],
      },
    ]);
  });

  it('a pipe table with every cell on a line of its own: the header ends before the first row', () => {
    const lines = [
      '功能 |',
      '淘汰日期 |',
      '停用日期 |',
      '甲 API v1 |',
      '2021 年 5 月 17 日 |',
      '2022 年 5 月 17 日 |',
    ];
    expect(pipeTables(lines)[0]).toMatchObject({
      header: ['功能', '淘汰日期', '停用日期'],
      rows: [['甲 API v1', '2021 年 5 月 17 日', '2022 年 5 月 17 日']],
    });
  });
});
