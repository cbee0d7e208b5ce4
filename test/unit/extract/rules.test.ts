// The classifier's table (utils/extract/rules.ts, issue 19): every row's example sentence, run
// through the whole extractor, is decided by that row, with the outcome its effect promises;
// then the cases issue 19 names, each as a merchant would read it.
import { describe, expect, it } from 'vitest';
import { cutoffDay, extractAnnouncement } from '../../../utils/extract/extract.ts';
import { RULES, type Rule } from '../../../utils/extract/rules.ts';

const PUBLISHED = '2026-02-10';

function run(text: string, published = PUBLISHED) {
  const result = extractAnnouncement(text, published);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** What a row's effect promises for the date it decides. */
function promised(row: Rule): 'milestone' | 'none' | 'previous' {
  if (typeof row.effect === 'object') return 'milestone';
  if (row.effect === 'not' || row.effect === 'blank' || row.effect === 'past') return 'none';
  if (row.effect === 'previous') return 'previous';
  return 'milestone';
}

describe('every row of the classifier table decides its own example', () => {
  it('ids are unique and every row has an example and a source', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const row of RULES) {
      expect(row.example, row.id).toMatch(/\S/);
      expect(row.source, row.id).toMatch(/\.yaml|issue \d+/);
    }
  });

  it.each(RULES.filter((r) => r.effect !== 'soon').map((r) => [r.id, r] as const))('%s', (_id, row) => {
    const result = run(row.example);
    const decided = result.dates.filter((d) => d.rules.includes(row.id));
    expect(decided.length, JSON.stringify(result.dates)).toBeGreaterThan(0);
    const want = promised(row);
    for (const d of decided) {
      if (want === 'milestone') {
        expect(d.milestone, `${row.id}: ${d.text}`).toBe(true);
        expect(result.milestones.some((m) => m.start === d.start && m.at !== null)).toBe(true);
      } else {
        expect(d.milestone, `${row.id}: ${d.text}`).toBe(false);
        expect(result.milestones.some((m) => m.start === d.start && m.at === d.at)).toBe(false);
      }
      if (typeof row.effect === 'object')
        expect(result.milestones.filter((m) => m.start === d.start).map((m) => m.action)).toContain(
          row.effect.action,
        );
    }
    if (want === 'previous') expect(result.milestones.every((m) => m.at !== decided[0]!.at)).toBe(true);
  });

  it.each(RULES.filter((r) => r.effect === 'soon').map((r) => [r.id, r] as const))(
    '%s: a milestone without a day',
    (_id, row) => {
      const result = run(row.example);
      expect(result.dates).toEqual([]);
      expect(result.milestones.map((m) => m.at)).toEqual([null]);
    },
  );
});

describe('the cases issue 19 names', () => {
  it.each([
    // [text, published, milestones as "action day"]
    ['系统将于 2026 年 2 月 28 日停用并关停。', PUBLISHED, ['retire 2026-02-28']],
    ['平臺將於2026年3月1日停止服務，請於繳費截止前完成續費。', PUBLISHED, ['retire 2026-03-01']],
    ['截止2026年3月31日仍未完成繳費的店鋪,平臺將關閉其店鋪。', PUBLISHED, ['retire 2026-03-31']],
    ['平台将于2026年3月1日回收未认证账号的发布权限。', PUBLISHED, ['authorization-ends 2026-03-01']],
    // long past, and still the schedule of what the notice lists (azure-ai-search-api-versions.yaml)
    ['上述版本已于2024年10月15日停止支持。', PUBLISHED, ['retire 2024-10-15']],
    // 適用於 names whom a product is for, no rule applying (azure-cosmos-python-sdk-v2-2022.yaml)
    ['2026年3月1日起,适用于旧版系统的 SDK 将停用。', PUBLISHED, ['retire 2026-03-01']],
    ['旧版SDK将于2026年6月30日停止维护。', PUBLISHED, ['retire 2026-06-30']],
    ['自2026年3月1日起,平台将对违规商品进行限制处理。', PUBLISHED, ['policy-effective 2026-03-01']],
    [
      '平台拟对《商品发布规范》进行调整,如有意见请于2026年3月10日前反馈。',
      PUBLISHED,
      ['policy-effective 2026-03-10'],
    ],
    // 「自…起，平台将对…」 with 已上线 elsewhere in the sentence: still a milestone.
    [
      '新版质检工具已上线,自2026年3月1日起,平台将对未接入的商品进行限制处理。',
      PUBLISHED,
      ['policy-effective 2026-03-01'],
    ],
    // 「将于12月底…完成」: the month's last day, in the coming December.
    ['旧版接口的下线将于12月底全部完成。', '2026-09-01', ['retire 2026-12-31']],
    ['旧版接口将于12月底完成迁移。', '2026-09-01', ['migrate 2026-12-31']],
    // …and a year on when the notice is from the new year and says it is still to come.
    ['旧版接口将于12月底下线。', '2026-02-10', ['retire 2026-12-31']],
    // A window in which the old keeps working ends where the change begins.
    ['自即日起至2026年3月31日止,旧版APP仍可使用,4月1日起将全面停用。', PUBLISHED, ['retire 2026-04-01']],
    // 公告: opens the words of the notice; it dates nothing.
    ['平台公告:2026年4月1日起,旧版报价体系停用。', PUBLISHED, ['retire 2026-04-01']],
    // Bare words before a colon name an event, not a change (活动时间, 公示时间).
    ['活动时间:2026年3月1日-2026年3月11日\n报名时间:2026年2月15日-2月28日', PUBLISHED, []],
    // A yearless day takes the year nearest the notice, not a statistic's year back.
    [
      '3G业务执照即将于12月31日届期终止,较2025年12月31日之551万户已大幅下降。',
      '2026-12-26',
      ['retire 2026-12-31'],
    ],
    // A start named by a release (从…发布的 Chrome 117 开始), and a label that says from when.
    ['从 2026 年 9 月发布的 Chrome 117 开始,这类扩展程序将被停用。', PUBLISHED, ['retire 2026-09-01']],
    [
      'SDK 最低要求\n自此日期起: 2026 年 4 月 28 日\n上传的 App 必须使用新版 SDK 构建。',
      PUBLISHED,
      ['policy-effective 2026-04-28'],
    ],
    // A trial of a new function (试行) is a rule taking effect; 2G 退网 is a retirement.
    ['即将于2026年10月18日更新的乘客端将试行“黑名单”功能。', PUBLISHED, ['policy-effective 2026-10-18']],
    ['联通计划于2026年12月31日实现2G全面退网。', PUBLISHED, ['retire 2026-12-31']],
    // Maintenance ending beside a later stop is a step on the way; alone, it is the end.
    ['信令 SDK 将于2026年8月1日起停止维护,2026年12月31日起停止服务。', PUBLISHED, ['retire 2026-12-31']],
    ['2026年3月1日起,信令进入维护状态,只进行故障修复。', PUBLISHED, []],
    // A day given twice, the second in brackets (今日(二月十日)宣布…暂停), is the day things stop.
    [
      '香港邮政今日(二月十日)宣布,广州邮件处理中心暂停接收经陆路运输的平邮邮件。',
      PUBLISHED,
      ['retire 2026-02-10'],
    ],
    // Terms that change at a day are a rule that takes effect.
    ['Pi 拍钱包将于 2026 年 3 月 1 日更新「Autopass」服务条款。', PUBLISHED, ['policy-effective 2026-03-01']],
    // Something is to happen at a day (将于…) and no verb of the table says what: still the day.
    [
      '香港邮政今日(二月十日)宣布,当地的邮件派递服务将于明日(二月十一日)起恢复。',
      PUBLISHED,
      ['policy-effective 2026-02-11'],
    ],
    // …but beside a day whose own words say what happens, such a day is none.
    ['旧版报表将于2026年4月1日下线。平台将于2026年3月1日进行升级。', PUBLISHED, ['retire 2026-04-01']],
    // A library that can no longer be downloaded after a day; a column of 服務終止日期 beside 淘汰日期.
    [
      'Google 登录 JavaScript 平台库已弃用,2026 年 3 月 31 日后便无法下载。',
      PUBLISHED,
      ['retire 2026-03-31'],
    ],
    [
      '| 版本 | 淘汰日期 | 服務終止日期 |\n|---|---|---|\n| v21.x.x | 2026 年 6 月 30 日 | 2027 年 6 月 30 日 |',
      PUBLISHED,
      ['retire 2027-06-30'],
    ],
    // A planned update day on the line below its label; a deadline 最迟在…前; a launch 全流量上线.
    ['预计更新时间\n2026年4月4日\n影响范围\n修改会议接口。', PUBLISHED, ['policy-effective 2026-04-04']],
    ['其他关键词转移最迟在2026年3月30日前完成。', PUBLISHED, ['policy-effective 2026-03-30']],
    ['百度信息流推广将于2026年6月22日全流量上线优化中心。', PUBLISHED, []],
    // A fee that changes at a day is a rule taking effect, whatever else the notice says.
    [
      'ECShop 預計於 2026年7月1日 調整收費機制。逾期未綁卡將無法使用 ECShop 各項功能。',
      PUBLISHED,
      ['policy-effective 2026-07-01'],
    ],
    // The day a notice went out dates nothing that it announces.
    ['今天网盘发布公告,决定停止个人云盘服务,2026年3月1日起关闭所有账号。', PUBLISHED, ['retire 2026-03-01']],
    // Not milestones: the text's own dates, versions, past events, a team's own promise.
    ['我们将采取以下措施:1、12月1日前,技术团队完成机房网络架构升级。', PUBLISHED, []],
    ['2026年2月9日 16:15 【Now新闻台】香港邮政称,经美国转运的邮件暂停处理。', PUBLISHED, []],
    ['公告日期:2026年2月10日\n发布于 2026-02-10', PUBLISHED, []],
    ['2月10日消息,平台今日发布公告。', PUBLISHED, []],
    ['请升级至2021-03-20版API接口。', PUBLISHED, []],
    ['新版工具已于2026年1月20日发布。', PUBLISHED, []],
  ])('%s (published %s)', (text, published, expected) => {
    const result = run(text, published);
    expect(result.milestones.map((m) => `${m.action} ${m.at!.slice(0, 10)}`)).toEqual(expected);
  });

  it('a repost that glosses its characters (發(fā)布) reads as the notice would, its offsets into the text as given', () => {
    const text =
      '(網(wǎng)經(jīng)社訊)2月9日,快手電商發(fā)布閃電購(gòu)治理公告:商戶需在2026年3月(yuè)1日前將快手APP升級(jí)至9.8.30版本以上。';
    const result = run(text);
    // 2月9日 dates the report (…發布…公告), 3月1日 is the deadline.
    expect(result.milestones.map((m) => `${m.action} ${m.at!.slice(0, 10)}`)).toEqual(['migrate 2026-03-01']);
    const m = result.milestones[0]!;
    expect(text.slice(m.start, m.end)).toBe('2026年3月(yuè)1日');
    for (const d of result.dates) expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it('a traditional notice keeps its own words in the output and its offsets', () => {
    const text = '【重要】舊版平臺將於 2026 年 2 月 28 日停用,請改用新版平臺。';
    const result = run(text);
    expect(result.milestones).toHaveLength(1);
    const m = result.milestones[0]!;
    expect(m.at).toBe('2026-02-28T00:00:00+08:00');
    expect(text.slice(m.start, m.end)).toBe('2026 年 2 月 28 日');
    expect(result.products).toEqual(['舊版平臺']);
    expect(result.replacements).toEqual(['新版平臺']);
    expect(cutoffDay(result)).toBe('2026-02-28');
  });
});
