// The date grammar (utils/extract/dates.ts), table-driven with offsets: every form issues 6 and
// 19 list; then the extractor's cue logic as issue 6 pinned it (which dates become milestones
// and with what action). The classifier's own rows are tested in rules.test.ts.
import { describe, expect, it } from 'vitest';
import { findDates, parseNumeral, parsePublished, wallToIso } from '../../../utils/extract/dates.ts';
import { cutoffDay, extractAnnouncement } from '../../../utils/extract/extract.ts';
import { normalizeText } from '../../../utils/extract/normalize.ts';

const PUBLISHED = '2026-02-10';
/** The publish day issue 6's cue tests were written against. */
const ISSUE_6 = '2023-02-10';
/** A sentence that makes a notice one of a retirement, put before a replacement's sentence. */
const RETIRING = '旧版系统将于2026年3月1日下线。';

function spans(text: string, published = PUBLISHED): string[] {
  return findDates(normalizeText(text), parsePublished(published)!).map(
    (m) => `${m.index}-${m.end} ${wallToIso(m.at)}${m.until ? ` ~ ${wallToIso(m.until)}` : ''}`,
  );
}

describe('parseNumeral', () => {
  it.each([
    ['17', 17],
    ['二〇二三', 2023],
    ['二零二三', 2023],
    ['十', 10],
    ['十七', 17],
    ['二十', 20],
    ['三十一', 31],
    ['二', 2],
    ['一百', 100],
    ['一百十二', 112],
    ['一百零五', 105],
    ['九十九', 99],
    ['十十', NaN],
    ['abc', NaN],
    ['', NaN],
  ])('%s → %s', (text, value) => {
    expect(parseNumeral(text)).toBe(value);
  });
});

describe('findDates: every form of the grammar (issues 6 and 19), with offsets', () => {
  // [text, published, expected dates as "start-end at" or "start-end at ~ until"]
  it.each([
    ['将于 2026 年 2 月 28 日停用', PUBLISHED, ['3-18 2026-02-28T00:00:00+08:00']],
    ['２０２６年２月２８日', PUBLISHED, ['0-10 2026-02-28T00:00:00+08:00']],
    ['2026年02月28号', PUBLISHED, ['0-11 2026-02-28T00:00:00+08:00']],
    ['2026-02-28', PUBLISHED, ['0-10 2026-02-28T00:00:00+08:00']],
    ['2026/2/28', PUBLISHED, ['0-9 2026-02-28T00:00:00+08:00']],
    ['2026.02.28', PUBLISHED, ['0-10 2026-02-28T00:00:00+08:00']],
    ['2026-02-28日', PUBLISHED, ['0-11 2026-02-28T00:00:00+08:00']],
    ['二〇二六年三月一日', PUBLISHED, ['0-9 2026-03-01T00:00:00+08:00']],
    ['二○二六年三月一日', PUBLISHED, ['0-9 2026-03-01T00:00:00+08:00']],
    ['三月十五日', PUBLISHED, ['0-5 2026-03-15T00:00:00+08:00']],
    ['今年3月1日', PUBLISHED, ['0-6 2026-03-01T00:00:00+08:00']],
    ['明年1月5日', PUBLISHED, ['0-6 2027-01-05T00:00:00+08:00']],
    ['2025630日', PUBLISHED, ['0-8 2025-06-30T00:00:00+08:00']],
    ['October 14, 2025', PUBLISHED, ['0-16 2025-10-14T00:00:00+08:00']],
    // A two-digit year before a month: the nearer of 20xx and ROC xx to the notice.
    ['18年12月1日', '2018-08-19', ['0-8 2018-12-01T00:00:00+08:00']],
    ['99年12月31日', '2010-11-01', ['0-9 2010-12-31T00:00:00+08:00']],
    ['运营18年,感谢陪伴', PUBLISHED, []],
    // Taiwan's ROC year with slashes; a slashed month/day that a cue word beside it makes a day;
    // a slashed pair with no such word is no day (比例为1/3).
    ['115/2/3起不提供離島取件服務', PUBLISHED, ['0-7 2026-02-03T00:00:00+08:00']],
    ['奇摩商城10/6終止合約', '2023-09-01', ['4-8 2023-10-06T00:00:00+08:00']],
    ['低溫包裹將暫停受理至6/7', '2021-06-01', ['10-13 2021-06-07T00:00:00+08:00']],
    ['比例为1/3,约2/3的用户', PUBLISHED, []],
    // A report's dateline, then the day it reports: the same year, not the next.
    [
      '2016年11月2日\n10月20日',
      '2016-11-02',
      ['0-10 2016-11-02T00:00:00+08:00', '11-17 2016-10-20T00:00:00+08:00'],
    ],
    // 12月份 with no year: the month's first day, in the year nearest the notice.
    ['现有推送将于12月份失效', '2018-08-19', ['6-10 2018-12-01T00:00:00+08:00']],
    // Microsoft's translated pages: month/day/year, day/month when the first is over 12.
    ['10/31/2026 起', PUBLISHED, ['0-10 2026-10-31T00:00:00+08:00']],
    ['31/10/2026', PUBLISHED, ['0-10 2026-10-31T00:00:00+08:00']],
    // A weekday of the publish day's week (2026-02-10 is a Tuesday) or of the next.
    ['本周五起停用', PUBLISHED, ['0-3 2026-02-13T00:00:00+08:00']],
    ['下周一起', PUBLISHED, ['0-3 2026-02-16T00:00:00+08:00']],
    ['下星期日', PUBLISHED, ['0-4 2026-02-22T00:00:00+08:00']],
    // A bare weekday that starts something: the next one from the publish day on; 每周二 is none.
    ['微软宣布周二起停止支持', PUBLISHED, ['4-6 2026-02-10T00:00:00+08:00']],
    ['星期五开始', PUBLISHED, ['0-3 2026-02-13T00:00:00+08:00']],
    ['每周二起更新', PUBLISHED, []],
    // 本年 is this year; 本(115)年 this year with its ROC number in brackets.
    ['拟自本年5月1日起停用', PUBLISHED, ['2-8 2026-05-01T00:00:00+08:00']],
    ['将自本(115)年4月8日起启用', PUBLISHED, ['2-13 2026-04-08T00:00:00+08:00']],
    // A bare day before 过期/到期/截止: the nearest such day, here the next month's.
    ['新版淘口令 旧版10号过期了', '2017-09-28', ['8-11 2017-10-10T00:00:00+08:00']],
    ['2027年元旦起', PUBLISHED, ['0-7 2027-01-01T00:00:00+08:00']],
    // A month/day with a slash, where a weekday or a range says it is a day; 1/3 alone is none.
    [
      '適用期間: 2/11(星期三) 至 2/19(星期四)',
      PUBLISHED,
      ['6-22 2026-02-11T00:00:00+08:00 ~ 2026-02-19T00:00:00+08:00'],
    ],
    ['长假(2/14~2/22)', PUBLISHED, ['3-12 2026-02-14T00:00:00+08:00 ~ 2026-02-22T00:00:00+08:00']],
    ['价格 1/3 折,比分 3/5', PUBLISHED, []],
    // A yearless day takes the year of the date the text wrote before it (a repost months late),
    // the next year when it would fall before that date; a relative year (去年) gives no context.
    [
      '2014年10月31日起开放,11月14日停止收件',
      '2015-03-25',
      ['0-11 2014-10-31T00:00:00+08:00', '15-21 2014-11-14T00:00:00+08:00'],
    ],
    [
      '2025年12月1日起试行,3月1日正式实施',
      PUBLISHED,
      ['0-10 2025-12-01T00:00:00+08:00', '14-18 2026-03-01T00:00:00+08:00'],
    ],
    [
      '去年9月修正,应于10月31日前完成',
      '2024-03-08',
      ['0-4 2023-09-01T00:00:00+08:00', '9-15 2024-10-31T00:00:00+08:00'],
    ],
    ['明年元旦起无法再受话', PUBLISHED, ['0-4 2027-01-01T00:00:00+08:00']],
    ['14 March 2024', PUBLISHED, ['0-13 2024-03-14T00:00:00+08:00']],
    ['發佈日期: 三月 17, 2023', PUBLISHED, ['6-17 2023-03-17T00:00:00+08:00']],
    ['中華民國一百十二年十二月二十一日', PUBLISHED, ['0-16 2023-12-21T00:00:00+08:00']],
    ['114年8月11日起', PUBLISHED, ['0-9 2025-08-11T00:00:00+08:00']],
    ['民國99年1月1日', PUBLISHED, ['0-9 2010-01-01T00:00:00+08:00']],
    ['2月28日', PUBLISHED, ['0-5 2026-02-28T00:00:00+08:00']],
    ['1月5日', PUBLISHED, ['0-4 2026-01-05T00:00:00+08:00']],
    ['8月5日', PUBLISHED, ['0-4 2026-08-05T00:00:00+08:00']],
    [
      '原定于2026年2月1日下线。2月1日起',
      PUBLISHED,
      ['3-12 2026-02-01T00:00:00+08:00', '15-19 2026-02-01T00:00:00+08:00'],
    ],
    ['2026年2月底', PUBLISHED, ['0-8 2026-02-28T00:00:00+08:00']],
    ['2024年2月底', PUBLISHED, ['0-8 2024-02-29T00:00:00+08:00']],
    ['12月底前', PUBLISHED, ['0-4 2025-12-31T00:00:00+08:00']],
    ['本月底', PUBLISHED, ['0-3 2026-02-28T00:00:00+08:00']],
    ['下月15日', PUBLISHED, ['0-5 2026-03-15T00:00:00+08:00']],
    ['3月初', PUBLISHED, ['0-3 2026-03-01T00:00:00+08:00']],
    ['3月上旬', PUBLISHED, ['0-4 2026-03-01T00:00:00+08:00']],
    ['3月中旬', PUBLISHED, ['0-4 2026-03-11T00:00:00+08:00']],
    ['3月下旬', PUBLISHED, ['0-4 2026-03-21T00:00:00+08:00']],
    ['10月中下旬', PUBLISHED, ['0-6 2026-10-11T00:00:00+08:00']],
    ['2026年底', PUBLISHED, ['0-6 2026-12-31T00:00:00+08:00']],
    ['2026年3月起', PUBLISHED, ['0-7 2026-03-01T00:00:00+08:00']],
    ['23日起', PUBLISHED, ['0-3 2026-02-23T00:00:00+08:00']],
    ['2026年2月28日10:00', PUBLISHED, ['0-15 2026-02-28T10:00:00+08:00']],
    ['2026年2月28日 10点', PUBLISHED, ['0-14 2026-02-28T10:00:00+08:00']],
    ['2026年2月28日十点三十分', PUBLISHED, ['0-15 2026-02-28T10:30:00+08:00']],
    ['2026年2月28日10点半', PUBLISHED, ['0-14 2026-02-28T10:30:00+08:00']],
    ['2026年2月28日下午3点', PUBLISHED, ['0-14 2026-02-28T15:00:00+08:00']],
    ['2026年2月28日晚上12点', PUBLISHED, ['0-15 2026-03-01T00:00:00+08:00']],
    ['2026年2月28日零点', PUBLISHED, ['0-12 2026-02-28T00:00:00+08:00']],
    ['2026年2月28日23:59:59', PUBLISHED, ['0-18 2026-02-28T23:59:59+08:00']],
    ['2026年2月28日 23：59：59', PUBLISHED, ['0-19 2026-02-28T23:59:59+08:00']],
    ['2026年2月28日24:00', PUBLISHED, ['0-15 2026-03-01T00:00:00+08:00']],
    ['2026年12月31日24时', PUBLISHED, ['0-14 2027-01-01T00:00:00+08:00']],
    ['2026-02-28T10:00:00+08:00', PUBLISHED, ['0-19 2026-02-28T10:00:00+08:00']],
    ['北京时间2026年3月1日0点', PUBLISHED, ['4-15 2026-03-01T00:00:00+08:00']],
    ['2026年3月1日(北京时间)', PUBLISHED, ['0-15 2026-03-01T00:00:00+08:00']],
    ['(UTC/GMT+08:00)2026年3月1日', PUBLISHED, ['15-24 2026-03-01T00:00:00+08:00']],
    ['2026年3月1日 (UTC+08:00) 10:00', PUBLISHED, ['0-27 2026-03-01T10:00:00+08:00']],
    ['2026年3月1日(周日)起', PUBLISHED, ['0-13 2026-03-01T00:00:00+08:00']],
    ['3月1日至31日', PUBLISHED, ['0-8 2026-03-01T00:00:00+08:00 ~ 2026-03-31T00:00:00+08:00']],
    ['3月1日-3月31日', PUBLISHED, ['0-10 2026-03-01T00:00:00+08:00 ~ 2026-03-31T00:00:00+08:00']],
    [
      '2026年3月1日至2026年3月31日',
      PUBLISHED,
      ['0-20 2026-03-01T00:00:00+08:00 ~ 2026-03-31T00:00:00+08:00'],
    ],
    ['2026年12月20日~1月5日', PUBLISHED, ['0-16 2026-12-20T00:00:00+08:00 ~ 2027-01-05T00:00:00+08:00']],
    ['2026年3月1日 10:00~18:00', PUBLISHED, ['0-21 2026-03-01T10:00:00+08:00 ~ 2026-03-01T18:00:00+08:00']],
    ['2026年3月1日00:00~00:00', PUBLISHED, ['0-20 2026-03-01T00:00:00+08:00']],
    ['2026年3月1日起至3月31日', PUBLISHED, ['0-16 2026-03-01T00:00:00+08:00 ~ 2026-03-31T00:00:00+08:00']],
    ['即日起', PUBLISHED, ['0-3 2026-02-10T00:00:00+08:00']],
    ['自本公告发布之日起', PUBLISHED, ['0-9 2026-02-10T00:00:00+08:00']],
    ['自发布日施行', PUBLISHED, ['0-4 2026-02-10T00:00:00+08:00']],
    ['今日(10日)起', PUBLISHED, ['0-7 2026-02-10T00:00:00+08:00']],
    ['明日起', PUBLISHED, ['0-2 2026-02-11T00:00:00+08:00']],
    ['由明日至本月26日', PUBLISHED, ['1-9 2026-02-11T00:00:00+08:00 ~ 2026-02-26T00:00:00+08:00']],
    ['2026年3月1日及次日', PUBLISHED, ['0-9 2026-03-01T00:00:00+08:00', '10-12 2026-03-02T00:00:00+08:00']],
    ['公告发布次日起', PUBLISHED, ['4-6 2026-02-11T00:00:00+08:00']],
    ['到期次日', PUBLISHED, []],
    ['2026年', PUBLISHED, []],
    ['2月30日', PUBLISHED, []],
    ['13月1日', PUBLISHED, []],
    ['V1.0 接口', PUBLISHED, []],
    ['20261231', PUBLISHED, []],
    ['2023-07-01-preview', PUBLISHED, []],
    ['30日内', PUBLISHED, []],
    ['每月15日前', PUBLISHED, []],
    ['2026年2月28日25:00', PUBLISHED, ['0-10 2026-02-28T00:00:00+08:00']],
    ['12月31日', '2026-12-31', ['0-6 2026-12-31T00:00:00+08:00']],
    ['1月1日', '2026-12-31', ['0-4 2027-01-01T00:00:00+08:00']],
  ])('%s (published %s)', (text, published, expected) => {
    expect(spans(text, published)).toEqual(expected);
  });

  it('offsets point into the text as given, whatever the script or width', () => {
    for (const text of [
      '请于２０２６年３月１日前反饋',
      '臺灣 將於 二〇二六年三月一日 停用',
      '【公告】3月1日至31日',
    ]) {
      for (const m of findDates(normalizeText(text), parsePublished(PUBLISHED)!)) {
        expect(text.slice(m.index, m.end)).toMatch(/^[２0-9二〇三一]/u);
        expect(m.end).toBeLessThanOrEqual(text.length);
      }
    }
  });
});

describe('the normalised text every rule reads', () => {
  it('makes traditional characters simplified and leaves simplified ones as they are', () => {
    expect(normalizeText('截止繳費平臺,什麼時候停用')).toBe('截止缴费平台,什么时候停用');
    // Taiwan's variant table reads 么 as 幺: a simplified 什么 must stay 什么.
    expect(normalizeText('停用后会出现什么情况')).toBe('停用后会出现什么情况');
  });
});

describe('cue words: which dates are milestones', () => {
  const one = (text: string, published = ISSUE_6) => {
    const result = extractAnnouncement(text, published);
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };

  it.each([
    // [text, expected milestones as "action at"]
    ['平台将于2023年2月17日下线“家居百货解决方案”。', ['retire 2023-02-17T00:00:00+08:00']],
    [
      '2月20日起,用户将无法订购新的方案,且无法查看历史方案。',
      ['no-new-orders 2023-02-20T00:00:00+08:00', 'history-hidden 2023-02-20T00:00:00+08:00'],
    ],
    ['产品将于2023年3月1日正式下线。', ['retire 2023-03-01T00:00:00+08:00']],
    ['2023年3月1日起停止售卖。', ['no-new-orders 2023-03-01T00:00:00+08:00']],
    ['平台将于3月5日8:00关闭套餐的自动续订功能。', ['auto-renew-off 2023-03-05T08:00:00+08:00']],
    ['未终止授权的商家将于2023年3月1日终止授权。', ['authorization-ends 2023-03-01T00:00:00+08:00']],
    ['请在2023年3月31日前完成迁移。', ['migrate 2023-03-31T00:00:00+08:00']],
    ['报名截止2023年3月31日,逾期关闭入口。', ['retire 2023-03-31T00:00:00+08:00']],
    ['将于2023年11月29日起调整数字营销用户资格。', ['policy-effective 2023-11-29T00:00:00+08:00']],
    ['即日起停止新用户接入。', ['no-new-orders 2023-02-10T00:00:00+08:00']],
    [
      '将于9月4日起下线套餐,无生效中套餐的商家将无法新订购。',
      ['no-new-orders 2023-09-04T00:00:00+08:00', 'retire 2023-09-04T00:00:00+08:00'],
    ],
    ['下线时间\n2024年6月15日', ['retire 2024-06-15T00:00:00+08:00']],
    ['停售时间:2024年6月15日', ['no-new-orders 2024-06-15T00:00:00+08:00']],
    ['计划于2022年11月30日对接口进行变更。\n届时会下线旧接口 A。', ['retire 2022-11-30T00:00:00+08:00']],
    // Not milestones: publication, datelines, launches, version tags, signatures, carve-outs.
    ['公告日期:2023年2月10日', []],
    ['发布于2023-02-10', []],
    ['发布时间:2023/02/10', []],
    ['2月10日消息,平台今日发布公告。', []],
    ['该功能已于2023年1月1日上线。', []],
    ['请升级至2021-03-20版API接口。', []],
    ['旧版本 API(Version:2021-03-03)', []],
    ['百度智能云\n2024年4月11日', []],
    ['2023年2月17日前订购的方案不受影响。', []],
    ['若您有资源在2024年12月31日以后仍在付费有效期内,请申请退费。', []],
    ['即日起不再升级维护。', []],
  ])('%s', (text, expected) => {
    expect(one(text).milestones.map((m) => `${m.action} ${m.at}`)).toEqual(expected);
  });

  it('a range: the start is the cutoff and the end a second milestone', () => {
    const r = one(
      '变更时间:北京时间2023年9月21日00:00:00-2023年9月28日23:59:59\n变更事项:旧版OpenAPI将会下线并终止服务',
    );
    expect(r.milestones.map((m) => m.at)).toEqual(['2023-09-21T00:00:00+08:00', '2023-09-28T23:59:59+08:00']);
    expect(cutoffDay(r)).toBe('2023-09-21');
  });

  it('原定于 … 推迟至 …: the new date, with the old one as previous', () => {
    const r = one('“买家旺旺”原定于2023年2月1日正式下线。现推迟至2023年2月8日正式下线。');
    expect(r.kind).toBe('postpone');
    expect(r.milestones).toEqual([
      {
        product: '买家旺旺',
        action: 'retire',
        at: '2023-02-08T00:00:00+08:00',
        previous: '2023-02-01T00:00:00+08:00',
        text: '现推迟至2023年2月8日正式下线',
        start: 27,
        end: 36,
      },
    ]);
  });

  it('即将下线 without a date: a milestone with at null, never an invented date', () => {
    const r = one('“旧版工具”即将下线,请尽快切换至新版工具。');
    expect(r.milestones).toEqual([
      { product: '旧版工具', action: 'retire', at: null, text: '“旧版工具”即将下线,请尽快切换至新版工具' },
    ]);
    expect(r.replacements).toEqual(['新版工具']);
  });

  it('every at carries +08:00', () => {
    const r = one('2023/2/17 24:00起停止服务;2023年3月1日零点下线;3月下旬关闭。');
    expect(r.milestones.length).toBeGreaterThanOrEqual(3);
    for (const m of r.milestones) expect(m.at).toMatch(/\+08:00$/);
  });
});

describe('products, replacements, grandfather, kind', () => {
  const one = (text: string) => {
    const result = extractAnnouncement(text, ISSUE_6);
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };

  it.each([
    ['将于2023年3月1日下线“甲方案”、“乙方案”。', ['甲方案', '乙方案']],
    ['将于2023年3月1日下线「甲工具」和「乙工具」。', ['甲工具', '乙工具']],
    ['【丙服务】下线公告\n丙服务将于2023年3月1日下线。', ['丙服务']],
    ['将于2023年3月1日下线《丁手册》。', ['丁手册']],
    ['平台计划于2023年3月1日起下线图片制作功能。', ['图片制作功能']],
    ['旧版接口将于2023年3月1日下线。', ['旧版接口']],
    ['甲接口、乙接口及丙接口等,共3个接口将于2023年3月1日下线。', ['甲接口', '乙接口及丙接口']],
    ['一级类目“甲类“、“乙类“迁移合并于”丙类”,即日起停止招商。', ['甲类', '乙类']],
    ['平台计划于2023-03-01,下线广告组接口的频控字段。', ['广告组接口的频控字段']],
    ['2023年5月30日将下线\n模型名称 | 下线时间 | 替代模型 |\n甲模型 | 2023年5月30日 | 乙模型 |', ['甲模型']],
    ['联盟规格:10、59、69 预计将于2023年9月29日进行下线。', ['联盟规格']],
    // issue 19
    ['【重要】旧版平台将于2023年3月1日停用。', ['旧版平台']],
    ['自2023年3月1日起,甲模块已正式淘汰。', ['甲模块']],
    [
      '| 功能 | 已淘汰 | 日落 |\n|---|---|---|\n| 甲服务 | 2022年7月16日 | 2023年3月14日 |\n| 乙服务 | 2022年7月1日 | 2023年6月3日 |',
      ['甲服务', '乙服务'],
    ],
    [
      '| 变更标题 | 生效日期 |\n|---|---|\n| 甲功能淘汰 | 2023年3月31日 |\n| 乙端点更新 | 2023年9月30日 |',
      ['甲功能'],
    ],
    [
      '平台将于2023年3月11日对以下API进行下线:\nAPI\nCreateFoo\nDeleteFoo(删除接口)',
      ['CreateFoo', 'DeleteFoo'],
    ],
    ['平台计划于2023年9月4日下线部分旧接口。\n1. 下线接口:foo_templates/get', ['foo_templates/get']],
  ])('products of %s', (text, expected) => {
    expect(one(text).products).toEqual(expected);
  });

  it.each([
    ['下线后可选择订购甲方案、乙方案以满足推广需求。', ['甲方案', '乙方案']],
    ['请改用新版工具。', ['新版工具']],
    ['请使用新接口。', ['新接口']],
    ['数据将替换为新模型。', ['新模型']],
    ['请尽快迁移至 API 3.0,以免影响业务。', ['API 3.0']],
    ['建议升级至2018版OpenAPI。', ['2018版OpenAPI']],
    ['将于2023年3月1日以新IP替换旧IP。', ['新IP']],
    ['类目迁移合并于”丙类”。', ['丙类']],
    ['用户数据将暂时由乙邮箱接管。', ['乙邮箱']],
    ['请改用此旧版模块的替代品,或改用新版模块。', ['新版模块']],
    ['模型名称 | 下线时间 | 替代模型 |\n甲模型 | 2023年5月30日 | 乙模型 |', ['乙模型']],
  ])('replacements of %s', (text, expected) => {
    // Said in a notice of a retirement: a notice of news or of a rule has no replacements.
    expect(one(`${RETIRING}\n${text}`).replacements).toEqual(expected);
  });

  it('a notice of news or of a rule has no replacements', () => {
    expect(one('平台将于2026年3月1日上线新版报表,商家可在后台查看。').replacements).toEqual([]);
    expect(one('自2026年3月1日起,平台将对违规商品进行限制处理,请使用新版发布工具。').replacements).toEqual(
      [],
    );
  });

  it.each([
    ['2023年2月17日前订购的方案不受影响,仍可查看。', '2023年2月17日前订购的方案不受影响,仍可查看'],
    ['已购买的用户仍可正常使用。', '已购买的用户仍可正常使用'],
    ['存量方案可继续投放直至到期。', '存量方案可继续投放直至到期'],
    ['将于2023年3月1日下线甲功能。', null],
  ])('grandfather of %s', (text, expected) => {
    expect(one(text).grandfather).toBe(expected);
  });

  it.each([
    ['将于2023年3月1日下线甲功能。', 'retire'],
    ['甲功能原定于2023年3月1日下线,现推迟至4月1日。', 'postpone'],
    // A pause for maintenance is an arrangement; a title saying a rule takes effect makes a rule.
    ['交通事务局将于2023年1月13日凌晨零时至3时进行系统维护工作,期间部分网上服务将短暂停用。', 'info'],
    ['邮件系统进行版本升级,作业时间:2023年8月13日20时至8月14日4时,期间暂时停止服务。', 'info'],
    ['爱奇艺条款正式生效!代理商即日起停止爱奇艺商务往来。', 'policy'],
    ['甲功能的下线延期至4月1日。', 'postpone'],
    ['平台决定取消下线甲功能。', 'cancel'],
    ['平台将于2023年3月1日起调整用户资格。', 'policy'],
    ['平台将开展严肃治理。', 'policy'],
    ['部分协议链接更新。', 'info'],
    // Retired without a day: 废弃, 关闭, 不再支持 say so as 下线 does.
    ['官网接口已升级,并废弃旧版接口。', 'retire'],
    ['旧版商品ID已不再支持,请使用新商品ID。', 'retire'],
    // …and so does the end of maintenance when nothing else ends (以下SDK已停止维护).
    ['以下SDK已停止维护,请开发者对接新版文档。', 'retire'],
    ['3.0版本已不维护,请使用4.0.0版本。', 'retire'],
    // A stop with its resumption in view is a pause; a denial announces nothing.
    ['受台风影响,外卖平台22时起暂停配送\n配送恢复时间将根据天气情况实施。今日22时上海区域停止服务。', 'info'],
    ['上海外卖快递全部关闭?消息不准确!\n据上海网络辟谣消息,截屏内容不实。', 'info'],
    // A title that takes a feature down outweighs 治理 in the body.
    [
      '甲行业批量销售功能下线的公告\n平台将于2023年10月17日起针对“批量售卖”功能进行分批下线和治理。',
      'retire',
    ],
    ['乙商品专项治理公告\n平台将于2023年10月17日起对违规商品进行下架处理。', 'policy'],
  ])('kind of %s', (text, expected) => {
    expect(one(text).kind).toBe(expected);
  });
});
