// The classifier (issue 19, "then judgement"): for each date the grammar found, is it a
// milestone, and of what? Every rule is one row of RULES below, with an example sentence from the
// corpus (test/fixtures/announcements, by file) or from the kinds of text issue 19 lists; the
// unit test runs each row's example. A row looks at the text before the date (up to the previous
// date or the sentence start), the text after it (up to the next date or the sentence end), or
// both, and says one thing:
//   action   a cue verb: the date is a milestone of that action (下线, 停用, 停止新购, 生效 …);
//   blank    looks like a cue verb and is none (停止更新 leaves a product in service);
//   not      the date is no milestone (公告日期, 发布于, …消息, 版本号, a launch, a carve-out);
//   previous the earlier date of a moved milestone (原定于 …);
//   future   tense or intent: something is planned at the date (将于, 拟于, 计划, 即将);
//   start    a change starts at the date (自…起, 即日起);
//   past     it already happened (已于 …): with no action verb, no milestone;
//   deadline something must be done before it (请于…前反馈, 截止…仍未完成);
//   label    a label names the date (下线时间: …);
//   light    a light verb follows (…预计在X完成, 将于12月底…完成): the action is the one named before;
//   then     a later 届时 sentence says what happens at the date;
//   soon     a sentence announces a retirement without a date (即将下线): a milestone, day unknown.
// How the effects combine is classifyDate's short body; everything else is in the rows.
import type { Action } from '../notice/schema.ts';

export type Effect =
  | { action: Action }
  | 'blank'
  | 'not'
  | 'previous'
  | 'future'
  | 'start'
  | 'past'
  | 'deadline'
  | 'label'
  | 'then'
  | 'soon'
  | 'light';

export interface Rule {
  id: string;
  /** Matched against the text before the date (anchor with $). */
  before?: RegExp;
  /** Matched against the text after the date (anchor with ^ for "right after"; action rows: anywhere, flag g). */
  after?: RegExp;
  /** Matched against the header of the date's column, when the date sits in a pipe table. */
  column?: RegExp;
  /** Matched against that table's whole header line. */
  header?: RegExp;
  /** The row matches only when the date lies more than this many days before the publish day. */
  older?: number;
  /** Matched against what follows the date to the end of the text (at most 80 characters). */
  tail?: RegExp;
  /** The row matches only a date inside a line of prose (not opening its line, as a schedule's items do). */
  inProse?: true;
  /** then and soon rows: matched against whole sentences. */
  sentence?: RegExp;
  effect: Effect;
  /**
   * A sentence the row is for, with its date. `source` names the corpus file it is from ("after
   * x.yaml": shortened or reworded from it), or the kind of text issue 19 lists.
   */
  example: string;
  source: string;
}

/** The end of a clause: what a pattern in an action row may not cross. */
const C = '[^,。;\\n]';

export const RULES: readonly Rule[] = [
  // ── Not a milestone: the date dates the text, tags a version, or lets something go on ──────
  {
    id: 'not:published',
    before: /(?:发布|更新|发文|公告|首次发布|修订|印发|生成|编辑)(?:时间|日期)?\s*(?:于|为)?\s*:?\s*$/u,
    // 公告:2023年10月1日起,旧版停用 opens the notice's words; a day something starts dates nothing.
    after: /^(?!\s*(?:起|开始))/u,
    effect: 'not',
    example: '公告日期:2023年2月10日',
    source: 'issue 19 (公告日期)',
  },
  {
    id: 'not:version',
    before: /(?:version|版本号?|ver\.?|v)\s*[:=]?\s*$/iu,
    effect: 'not',
    example: '旧版本 API(Version:2021-03-03)将停止服务',
    source: 'after volcengine-vke-old-api-2022.yaml',
  },
  {
    id: 'not:version-after',
    after: /^\s*(?:版本?|版的)(?!本?(?:将|下线|停))/u,
    effect: 'not',
    example: '如果您仍在使用 2021-01-01 版本 API,请切换',
    source: 'after volcengine-nas-v1-api-2024.yaml',
  },
  {
    id: 'not:dateline',
    // …消息, …讯, and a news report's dateline before its source (2020年2月12日 16:15 【Now新闻台】).
    after: /^\s*(?:(?:上午|下午|晚间|早间|晚上|凌晨|中午)?消息|讯|电|报道|【[^】\n]{1,12}】)/u,
    effect: 'not',
    example: '2月10日消息,1688平台今日发布关于数字营销产品下线的公告',
    source: 'after 1688-jiaju-hangye-2023-02-10.yaml',
  },
  {
    id: 'not:launch',
    // …起支持X, 起开放X: something begins (计划自10月17日起支持MP账户投放).
    after:
      /^\s*(?:正式|全面|全量|全流量|陆续|逐步|分批)?(?:发布|推出|上线|公布|发文|印发|开源|开放公测|公测)(?!后|的[^,。;\n]{1,30}?(?:开始|起))|^\s*(?:起|开始)\s*(?:正式|全面|逐步)?(?:支持|开放|提供|启用)(?!.{0,2}(?:下线|停|关闭))/u,
    effect: 'not',
    example: '该功能已于2023年1月1日上线。',
    source: 'issue 19 (于…发布)',
  },
  {
    // An incident told after the fact (复盘, 致歉): the date is when a fault happened.
    id: 'not:incident',
    after: /^[^。\n]{0,30}?(?:由于|因为|因)[^。\n]{0,30}?(?:故障|异常|报错|事故|中断)/u,
    effect: 'not',
    example: '2026年2月9日 20:26 至 22:46,由于支付系统机房发生网络故障,造成部分店铺订单无法支付。',
    source: 'youzan-payment-outage-2019.yaml',
  },
  {
    id: 'not:announcement-of',
    after: /^\s*(?:的|之)?(?:公告|通知|来函|新闻稿|声明)/u,
    effect: 'not',
    example: '详见2023年1月5日的公告。',
    source: 'issue 19 (…消息)',
  },
  {
    // The day a notice went out (今天360云盘发布公告,决定停止个人云盘服务): what it announces has
    // its own dates. (宣布 is not enough: 香港郵政今日宣布…暫停接收 stops today.)
    id: 'not:announced-on',
    after:
      /^(?!\s*(?:起|前|后|之前|以前|开始))\s*(?:,\s*)?[^,。;\n]{0,16}?(?:发布|发出|发表|贴出)了?[^,。;\n]{0,30}?(?:公告|通知|声明|消息)/u,
    effect: 'not',
    example: '今天360云盘发布公告,决定停止个人云盘服务',
    source: 'after cn-360-yunpan-close-2016.yaml',
  },
  {
    // A rule is published for comment (公示) before it takes effect: the 公示 day changes nothing.
    id: 'not:publicized',
    before: /公示(?:时间|日期)?\s*(?:为|是|于)?\s*:?\s*$/u,
    effect: 'not',
    example: '本规则预计公示时间为2020年9月1日,预计生效时间为2020年9月8日。',
    source: 'mkt-kuaishou-violation-points-2020.yaml',
  },
  {
    id: 'not:publicized-after',
    after: /^\s*(?:进行|开始|起)?\s*公示(?!期满|结束)/u,
    effect: 'not',
    example: '本次调整于2024年07月08日公示,2024年07月16日逐步生效。',
    source: 'after 1688-false-trade-rule-2024.yaml',
  },
  {
    id: 'not:unaffected',
    after: new RegExp(
      `^\\s*(?:前|之前|以前|后|之后|以后|(?:止|为止)\\s*,?)${C}{0,40}?(?:不受影响|不受.{0,6}影响|仍可|仍然可以|可继续|不影响)`,
      'u',
    ),
    effect: 'not',
    example: '2023年2月17日前订购且未投放结束的家居百货解决方案不受影响',
    source: 'after 1688-jiaju-hangye-2023-02-10.yaml',
  },
  {
    id: 'not:since',
    before: /(?:自|从)\s*$/u,
    after: /^[^。;\n,]{0,30}以来/u,
    effect: 'not',
    example: '自2018年9月Marketing API发布V1.1版本以来,V1.0版本接口已停止功能更新。',
    source: 'tencent-ads-v10-api-2019.yaml',
  },
  {
    // 自今年一月正式营运后: since a launch, looking back; the schedule comes later.
    id: 'not:since-launch',
    before: /(?:自|从)\s*$/u,
    after: /^\s*(?:正式)?(?:营运|运营|上线|推出|开服|开通|发布|成立|问世)(?:以来|后|之后)/u,
    effect: 'not',
    example: '《哈瓦那战纪》自2026年1月正式营运后,与各位勇士共同度过了一段特别的时光。',
    source: 'game-havana-close-2021.yaml',
  },
  {
    // A law in force for a while is why a notice is written, not what it schedules
    // (《中华人民共和国个人信息保护法》自2021年11月1日起正式施行, in an SDK's compliance guide of 2026).
    id: 'not:law-in-force',
    before: /《[^》\n]{2,40}(?:法|条例)》[^,。;\n]{0,8}?(?:自|于|已于|从)?\s*$/u,
    older: 30,
    effect: 'not',
    example: '《中华人民共和国个人信息保护法》自2021年11月1日起正式施行,请开发者做好合规。',
    source: 'api-amap-sdk-privacy-compliance.yaml',
  },
  {
    id: 'not:column-announced',
    column: /^(?:宣布|公告|发布|公布|通知)/u,
    effect: 'not',
    example:
      '| 功能 | 宣布停工 | 停用日期 |\n|---|---|---|\n| Apigee 傳統版 UI | 2025 年 5 月 29 日 | 2025 年 8 月 29 日 |',
    source: 'google-apigee-deprecations-2025.yaml',
  },
  {
    // A table that gives deprecation and shutdown their own columns: the deprecation day
    // changes nothing yet (the shutdown column holds the milestone).
    id: 'not:column-deprecated',
    column: /^(?!.*(?:停用|关闭|下线|停止|关停|退役|日落|终止)).*(?:淘汰|弃用|废弃|下架)/u,
    header: /停用|关闭|下线|停止|关停|退役|日落|终止/u,
    effect: 'not',
    example:
      '| 功能 | 已淘汰 | 停用日期 |\n|---|---|---|\n| 可設定的 API Proxy | 2023 年 8 月 17 日 | 2023 年 11 月 10 日 |',
    source: 'after google-apigee-deprecations-2025.yaml',
  },
  {
    // 已于…下线 half a year or more before the notice: background (another product's past, the
    // first announcement), not this notice's schedule, which looks back days or weeks at most;
    // unless it is said of what the notice lists (上述版本已於…停止支援: a page kept up over years).
    id: 'not:long-past',
    before: /^(?![^\n]*(?:上述|以上|前述|上列))[^\n]*(?:已|已经|早在|早于|早已|曾|曾经)(?:于|在|从|自)?\s*$/u,
    older: 180,
    effect: 'not',
    example: '由于小程序模板消息能力已于 2020 年 1 月下线,当前下发统一消息能力仅限于公众号范畴。',
    source: 'after wechat-uniform-message-2023.yaml',
  },
  {
    // A signature: the publisher and the day on one line, closing the text, as formal notices end.
    id: 'not:signature',
    // Who signs ends on a name, not on a word that leads to a date (下线时间预计为…).
    before: /^(?!.*(?:为|是|于|在|至|到|前|起|约|预计|计划|将|定|时间|日期)\s*$)[^,。;:!?\d]{2,30}$/u,
    after: /^\s*$/u,
    tail: /^\s*(?:\n[^\n,。;:]{0,30}\s*)?$/u,
    effect: 'not',
    example: '接口将于2026年5月10日下线,敬请谅解。\n百度智能云 2026年4月11日',
    source: 'after baidu-nlp-apis-2024.yaml',
  },
  {
    // 即日起至2月1日,无论剩余多少天会员,均全额退款: a window for refunds, not a change.
    id: 'not:refund-window',
    after: /^(?![^。;\n]{0,24}?(?:停止|下线|关闭|终止|停用))[^。;\n]{0,24}?(?:全额)?(?:退款|退费)/u,
    effect: 'not',
    example: '2026年11月1日起停止上传服务,即日起至2027年2月1日,无论剩余多少天会员,均全额退款。',
    source: 'cn-360-yunpan-close-2016.yaml',
  },
  {
    // 今天虎扑内部工作人员回应表示…: the day of a reply, in a report.
    id: 'not:responded',
    after: /^\s*,?[^,。;\n]{0,24}?(?:回应|回复|答复)(?:表示|称|说)/u,
    effect: 'not',
    example: '2026年2月9日,虎扑内部工作人员回应表示,下架是因为内部调整。',
    source: 'app-hupu-app-removed-2021.yaml',
  },
  {
    // 2015年4月21日,百度空间停止发布功能 in a report of 2016: a day more than a week back, in the
    // middle of prose, with nothing that makes it the schedule (将于, 自…起, 于, 已于, 请于…前, a
    // label, a line of its own) is background. A schedule's items open their lines; 上述版本已於…
    // and …於2013年6月14日終止服務 keep their 于.
    id: 'not:narrative-past',
    before:
      /^(?![^\n]*(?:将|拟|计划|预计|定|自|从|由|于|在|截止|截至|至|到|请|须|需|应|已|曾|原定|为|是|:|\|)\s*$)/u,
    after: /^(?!\s*(?:起|开始|前|之前|以前|当天|当日))/u,
    older: 7,
    inProse: true,
    effect: 'not',
    example: '百度相册将于2026年5月23日停止上传。此外,百度空间已经关闭,2025年4月21日,百度空间停止发布功能。',
    source: 'cn-baidu-photo-migration-2016.yaml',
  },
  {
    // 2013年3月,微软关闭了MSN: told as done (…了) a month or more before the notice, it is
    // background, not the schedule.
    id: 'not:done-before',
    after: /^[^。;\n]{0,40}?(?:关闭|停止|下线|终止|停用|取消|关停|停运|淘汰|退出|宣布关闭)了(?!解)/u,
    older: 30,
    effect: 'not',
    example: 'MSN将于2026年10月31日关闭。2024年3月,微软在全球范围内关闭了即时通讯软件MSN。',
    source: 'cn-msn-messenger-close-2014.yaml',
  },
  {
    // 截至…: a count as of the date (…尚未完成移转之3G用户数为12万5,923户), not a deadline.
    id: 'not:as-of',
    before: /(?:截至|截止)(?:到|至)?\s*$/u,
    after:
      /^\s*(?:,|,\s*)?[^。;\n]{0,8}(?:已有|已经|累计|共计|共有|已完成)|^[^。;\n]{0,40}?(?:数为|数量为|总数|\d[\d,.]*\s*(?:万|亿)?\s*(?:户|家|人|名|笔|件|%))/u,
    effect: 'not',
    example: '截至2025年12月31日,已有九成商家完成迁移。',
    source: 'issue 19 (past events)',
  },

  {
    // 2019年5月17日,有朋友提醒他网易相册即将关停: the day someone heard of it, in a report.
    id: 'not:heard-of',
    after:
      /^[^。;\n]{0,12}?(?:有人|朋友|网友|用户|记者)(?:提醒|告诉|告知)|^[^。;\n]{0,12}?(?:听说|得知|注意到)/u,
    effect: 'not',
    example: '直到2026年1月17日,有朋友提醒他网易相册即将关停。',
    source: 'cn-netease-photo-postpone-2019.yaml',
  },

  // ── Moved dates ────────────────────────────────────────────────────────────────────────────
  {
    id: 'previous:原定',
    before: /原(?:定|计划|定于|计划于|预计)\s*(?:于|在)?\s*$/u,
    effect: 'previous',
    example: '“1688买家旺旺”原定于2023年2月1日正式下线。',
    source: 'after 1688-buyer-wangwang-postpone-2023-02-10.yaml',
  },

  // ── Looks like a cue verb, is none: the product stays in service ───────────────────────────
  {
    id: 'blank:no-updates',
    after:
      /停止(?:功能)?(?:更新|升级|迭代|发布新)(?:维护)?|停止全面支持|不再(?:升级|更新|迭代)(?:维护|更新)?|停止升级更新|进入维护(?:状态|期|模式)|只(?:进行|提供)(?:故障|bug)修复/giu,
    effect: 'blank',
    example: '即日起同义词推荐等3个接口服务不再升级维护,并将于2024年6月10日停止服务。',
    source: 'after baidu-nlp-apis-2024.yaml',
  },
  {
    // 启动对X的退休流程: a process begins; the days it names are the milestones.
    id: 'blank:process-starts',
    after: new RegExp(`启动${C}{0,30}?(?:退休|退役|下线|淘汰|停用)(?:流程|计划|程序)`, 'gu'),
    effect: 'blank',
    example: '自2026年1月15日起,声网启动对旁路推流服务(1.0)的退休流程。',
    source: 'cloud-agora-rtc-sunset-2021.yaml',
  },
  {
    id: 'blank:relaunch',
    after: /重新上线|恢复(?:上线|服务|使用)|取消下线|暂停下线|不再下线|撤回下线|停止下线/gu,
    effect: 'blank',
    example: '本次下线功能将于12月底升级完成后重新上线',
    source: 'tencent-ads-wechat-account-2022.yaml',
  },

  // ── Cue verbs, in priority order: a phrase an earlier row matched is blanked for later ones ─
  {
    id: 'action:auto-renew-off',
    after: new RegExp(
      `(?:关闭|停止|取消)${C}{0,20}自动续(?:订|费)|自动续(?:订|费)${C}{0,10}(?:关闭|停止|取消)`,
      'gu',
    ),
    effect: { action: 'auto-renew-off' },
    example: '9月5日8:00起,平台将关闭数字营销套餐的自动续订功能',
    source: '1688-dm-package.yaml',
  },
  {
    id: 'action:authorization-ends',
    after: new RegExp(
      `终止授权|授权${C}{0,4}终止|取消授权|(?:回收|收回)${C}{0,12}权限|权限${C}{0,4}(?:回收|收回|关闭)`,
      'gu',
    ),
    effect: { action: 'authorization-ends' },
    example: '平台将于2026年3月1日回收未完成认证账号的商品发布权限。',
    source: 'issue 19 (回收权限)',
  },
  {
    id: 'action:no-new-orders',
    after: new RegExp(
      `无法(?:再)?(?:新)?(?:订购|购买|开通|续费|启用)|停止(?:售卖|销售|新购|新售|新用户接入|新接入|开放|招商|入驻)|停售|不再(?:支持)?(?:新用户|新购|购买|售卖|销售|新接入|新的|接受新)|不支持新(?:接入|用户|购)|新(?:增)?用户${C}{0,12}(?:无法|不再|停止)|不允许新建|关闭${C}{0,12}新增入口|无法新建|不可新购|停止新|下架售卖`,
      'gu',
    ),
    effect: { action: 'no-new-orders' },
    example: '2023年2月17日起,用户将无法订购新的家居百货解决方案',
    source: '1688-jiaju-hangye-2023-02-10.yaml',
  },
  {
    id: 'action:history-hidden',
    after: new RegExp(`无法查看历史|历史${C}{0,8}(?:无法|不再|不可)(?:查看|展示)|不再展示`, 'gu'),
    effect: { action: 'history-hidden' },
    example: '2023年2月17日起,用户将无法订购新的方案,且无法查看历史方案',
    source: 'after 1688-jiaju-hangye-2023-02-10.yaml',
  },
  {
    id: 'action:migrate',
    after: /迁移|替换|切换(?:至|到|成|为)/gu,
    effect: { action: 'migrate' },
    example: '微信支付将于2025年9月26日在DNS解析中以新IP替换旧IP',
    source: 'wechat-pay-ip-2025.yaml',
  },
  {
    id: 'action:switch-before',
    // …by then our own team upgrades (12月1日前,技术团队完成机房升级) is a promise, not a deadline.
    after:
      /^\s*(?:前|之前|以前)(?![^。;\n]{0,12}?(?:团队|我们|我司|本公司))[^。;\n]{0,20}?(?:切换|替换|升级|适配|备份|改造|改用|迁移)/gu,
    effect: { action: 'migrate' },
    example: '若要繼續使用服務匯流排,請在 2021 年 11 月 30 日之前改用 Resource Manager。',
    source: 'after azure-service-bus-asm-2021.yaml',
  },
  {
    id: 'action:not-yet-adapted',
    after: /^\s*(?:前)?\s*(?:仍|尚|依然)?未(?:完成)?(?:适配|迁移|切换|升级|改造|替换)/gu,
    effect: { action: 'migrate' },
    example: '若 2026 年 9 月上旬仍未适配,官方团队将分阶段通过站内信同步告知指引修改。',
    source: 'after wechat-uniform-message-2023.yaml',
  },
  {
    id: 'action:policy',
    after:
      /资格|生效(?!中)|实施|施行|试行|治理|适用(?!于)|限制(?:处理|发布|展示|经营|交易|推广|流量|使用)?|处罚|管控|执行新|(?:更新|修订|修改|调整)[^,。;\n]{0,20}?(?:条款|协议|规则|规范|办法|政策|费率|收费|费用|计费|价格)/gu,
    effect: { action: 'policy-effective' },
    example: '自2026年3月1日起,平台将对未完成认证的商品进行限制处理。',
    source: 'issue 19 (限制处理)',
  },
  {
    // Maintenance ends: the notice's end when it names no other (停止维护旧指标体系); beside a
    // later stop it is a step on the way (extract.ts drops it then).
    id: 'action:maintenance-ends',
    after: /停止(?:技术)?维护|不再(?:提供)?维护/gu,
    effect: { action: 'retire' },
    example: '旧版SDK将于2026年6月30日停止维护。',
    source: 'issue 19 (停止维护)',
  },
  {
    id: 'action:retire',
    after: new RegExp(
      `下线|下架|下市|退市|退网|停服|停用|(?<!暂)停运|关停|暂停|淘汰|退役|退休|(?:被|将被)收回|裁撤|剔除|移除|废弃|失效|过期|作废|停止(?:服务|使用|支持|支援|提供|运营|访问|调用|对外)|停止${C}{1,14}的?(?:支持|支援)|终止(?:服务|支持|接入|全量服务|运营)?|无法(?:再)?(?:继续)?(?:通过${C}{0,12})?(?:使用|调用|访问|登录|下载)|无法(?:再|继续)|不能(?:查看和)?(?:使用|调用)|不再(?:提供|支持|支援|可用)|结束(?:营运|运营|营业|服务)|由${C}{1,30}?(?:取代|替代)|关闭|停止|回收`,
      'gu',
    ),
    effect: { action: 'retire' },
    example: '将于 2026 年 2 月 28 日停用并关停',
    source: 'issue 19 (停用, 关停)',
  },

  {
    // 服务将于6月30日结束。: something ends at the date, said with the bare verb.
    id: 'action:ends',
    after: /^\s*(?:正式|全面)?(?:结束|终止)(?=\s*(?:[,。;!]|$))/gu,
    effect: { action: 'retire' },
    example: 'LINE漫畫台灣服務將於2026年6月30日結束,屆時所有作品將無法閱讀。',
    source: 'issue 19 (a bare 结束)',
  },

  // ── A light verb after the date: the action was named before it ──────────────────────────
  {
    id: 'light:…完成',
    after: /^\s*(?:前|之前)?\s*(?:全部|全面|正式|逐步|陆续)?(?:完成|进行|执行|开始执行)/u,
    effect: 'light',
    example: '旧IP裁撤预计在2022年3月31日完成。',
    source: 'wechat-pay-ip-2022.yaml',
  },

  {
    // X的截止时间调整至 date, said with no verb after it: what moves is the X named before.
    id: 'light:moved-to',
    before: /(?:推迟|延期|延后|顺延|延长|调整|改)(?:至|到|为)\s*$/u,
    after: /^\s*(?:[。;,]|$)/u,
    effect: 'light',
    example:
      '关于小程序回收 wx.getUserInfo 接口可获取用户授权的个人信息能力的截止时间调整至2021年4月28日24时。',
    source: 'wechat-miniprogram-getuserinfo-2021.yaml',
  },

  {
    id: 'light:table-cell',
    before: /\|\s*$/u,
    effect: 'light',
    example: '| 計量淘汰 | 2021 年 8 月 13 日 |',
    source: 'azure-apim-breaking-changes-zh-hk.yaml',
  },

  // ── Tense and intent ───────────────────────────────────────────────────────────────────────
  {
    id: 'past:已于',
    before: /(?:已|已经|早在|早于|早已|曾|曾经)(?:于|在|从|自)?\s*$/u,
    effect: 'past',
    example: '新版工具已于2026年1月5日全面开放。',
    source: 'issue 19 (已于…, a past event)',
  },
  {
    id: 'past:after',
    after: /^\s*(?:已|已经)(?!.{0,2}将|计划|确定|决定|安排)/u,
    effect: 'past',
    example: '2023年8月已全面升级新指标体系',
    source: 'issue 19 (past events)',
  },
  {
    id: 'future:将于',
    before:
      /(?:将|将会|会|拟|计划|预计|预期|定|即将|决定|准备|预定)\s*(?:将|会)?\s*(?:于|在|从|自|至|到)?\s*$/u,
    effect: 'future',
    example: '1688数字营销平台将于2023年2月17日下线“家居百货解决方案”',
    source: '1688-jiaju-hangye-2023-02-10.yaml',
  },
  {
    // 将在X对Y进行升级, 拟于X对Y进行调整: a planned change with no cue verb is still a day
    // something happens to Y.
    id: 'start:将对…进行',
    before: /(?:将|将会|会|拟|计划|预计|定)\s*(?:于|在)?\s*$/u,
    after: /^\s*(?:起)?\s*,?\s*(?:对|将)[^。;\n]{1,60}?(?:进行|开展|实施|做出?)/u,
    effect: 'start',
    example: '平台将在 2019-09-11 对腾讯新闻、腾讯视频闪屏(709规格)进行升级',
    source: 'tencent-ads-spec-709-2019.yaml',
  },
  {
    id: 'future:moved-to',
    before: /(?:推迟|延期|延后|顺延|延长|调整|提前|改)(?:至|到|为)\s*$/u,
    effect: 'future',
    example: '现推迟至2023年2月8日正式下线',
    source: '1688-buyer-wangwang-postpone-2023-02-10.yaml',
  },
  {
    id: 'start:自…起',
    before: /(?:自|从|由)\s*$/u,
    effect: 'start',
    example: '自2025年6月30日起,将正式终止对旧版SDK服务的支持',
    source: 'after aliyun-flink-old-sdk-2025.yaml',
  },
  {
    id: 'start:起',
    after: /^\s*(?:起|开始|当天|当日|零点起|后起)/u,
    effect: 'start',
    example: '2023年3月1日起停止售卖。',
    source: 'issue 19 (…起)',
  },

  {
    // A duty that holds from the date on (…之后上架的商品必须填写产地): a rule starts there.
    id: 'start:之后必须',
    after: /^\s*(?:之后|以后|后)[^。;\n]{0,30}?(?:必须|须|需要|应当|不得|禁止|一律)/u,
    effect: 'start',
    example: '2026年3月1日之后上架的商品必须填写产地信息,否则将无法提交审核。',
    source: 'issue 19 (a rule that holds from a day on)',
  },

  // ── Deadlines ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'deadline:请于…前',
    before: /(?:请|需|须|需要|务必|应|应当|必须)[^,。;\n]{0,8}?(?:于|在)\s*$/u,
    after: /^\s*(?:前|之前|以前|24:00前)/u,
    effect: 'deadline',
    example: '如有意见,请于2026年3月10日前反馈。',
    source: 'issue 19 (请于…前反馈)',
  },
  {
    // 应于4月30日前完成…,并于10月31日前完成…: the second deadline shares the first one's 应.
    id: 'deadline:并于…前',
    before: /(?:并|且|同时)(?:于|在)\s*$/u,
    after: /^\s*(?:前|之前|以前)\s*(?:完成|提交|办理|反馈|申报|登录|登记|缴纳|确认)/u,
    effect: 'deadline',
    example: '事业应于每年4月30日前完成盘查登录作业,并于10月31日前完成查验作业。',
    source: 'after moenv-ghg-registration-2024.yaml',
  },
  {
    id: 'deadline:截止',
    before: /(?:截止|截至|截止到|截至到|最晚|最迟|到期)\s*(?:时间|日期)?\s*(?:于|为|在)?\s*$/u,
    effect: 'deadline',
    example: '截止2026年3月31日仍未完成认证的店铺,平台将停止其服务。',
    source: 'issue 19 (截止…仍未完成…)',
  },

  {
    // What must be done from a day on (商业合作营销内容应于2023年6月30日后通过腾讯官方广告平台发布).
    id: 'start:must-after',
    before: /(?:应|须|需|必须|应当)(?:于|在)\s*$/u,
    after: /^\s*(?:后|之后|以后|起)/u,
    effect: 'start',
    example: '商业合作营销内容应于2023年6月30日后通过腾讯官方广告平台发布。',
    source: 'ad-wechat-official-account-rebate-ads-2023.yaml',
  },
  {
    // Kept up until a day, and no further (x3接口对于付费用户将至少维护至2017年12月31日).
    id: 'deadline:until',
    before: /(?:维护|支持|支援|提供|服务|可用|使用|运行)(?:至|到)\s*$/u,
    after: /^(?!\s*(?:起|开始|以后|之后))/u,
    effect: 'deadline',
    example: 'x3接口对于付费用户将至少维护至2017年12月31日。',
    source: 'api-heweather-x3-api-2017.yaml',
  },
  {
    id: 'deadline:仍未',
    after: /^\s*(?:前|后)?\s*(?:,)?\s*(?:仍|尚|依然)未/u,
    effect: 'deadline',
    example: '截止2026年3月31日仍未完成认证的店铺,平台将停止其服务。',
    source: 'issue 19 (截止…仍未完成…)',
  },

  // ── Labels ─────────────────────────────────────────────────────────────────────────────────
  {
    id: 'label:时间',
    before:
      /(?:下线|停售|停服|下市|下架|退市|影响|变更|生效|截止|停止|实施|关闭|调整|执行|切换|迁移|停用|关停|回收|计划|预计|(?:预计|计划)(?:更新|上线))(?:时间|日期|时间点|日)\s*(?:预计|计划|暂定|定)?\s*(?:为|是|在)?\s*:?\s*$/u,
    effect: 'label',
    example: '下线时间\n北京时间 2025-06-30 00:00:00。',
    source: 'aliyun-flink-old-sdk-2025.yaml',
  },

  {
    id: 'label:colon',
    before: /[^,。;\n]{1,24}:\s*$/u,
    effect: 'label',
    example: '产品停止新购: 2026 年 9 月 1 日',
    source: 'issue 19 (labels)',
  },
  {
    id: 'label:column',
    column:
      /^(?:日落|下线|下架|停用|关闭|停服|停止服务|(?:服务)?终止(?:服务|支持)?|停止支持|停售|退市|退休|生效|截止|实施|变更)(?:日期|时间|日)?$/u,
    effect: 'label',
    example:
      '| 功能 | 已淘汰 | 日落 |\n|---|---|---|\n| Area120Tables | 2024 年 7 月 16 日 | 2026 年 1 月 14 日 |',
    source: 'google-apps-script-sunset-2026.yaml',
  },
  {
    // The same column for some users first (停用日期 (新專案)), copied one cell a line.
    id: 'label:column-qualified',
    column: /^(?:日落|下线|停用|关闭|停服|停止服务)(?:日期|时间|日)?\s*\([^()]{1,12}\)$/u,
    effect: 'label',
    example:
      '| 功能 |\n淘汰日期 |\n停用日期 (新專案) |\n停用日期 |\n| IAP OAuth Admin API |\n2025 年 1 月 22 日 |\n2026 年 1 月 19 日 |\n2026 年 3 月 19 日 |',
    source: 'google-iap-oauth-admin-api-2026.yaml',
  },

  // ── What happens at a date said later ─────────────────────────────────────────────────────
  {
    id: 'then:届时',
    sentence: /届时|到时/u,
    effect: 'then',
    example: '计划于2022年11月30日对接口进行变更。\n届时会下线数据库可售卖规格查询接口 DescribeDBZone',
    source: 'after tencent-mysql-zoneconfig-2022.yaml',
  },
  {
    id: 'soon:即将下线',
    sentence:
      /即将(?:正式)?(?:下线|停止|关闭|下架|停售|退市|停用|关停)|将(?:陆续|逐步)?(?:下线|停售|下架|停用|关停)/u,
    effect: 'soon',
    example: '“旧版工具”即将下线,请尽快切换至新版工具。',
    source: 'issue 6 (即将下线, no date)',
  },
  {
    // Gone already, no day given (以下SDK已停止维护, 3.0版本已不维护, 接口已废弃): the merchant still
    // wants it on the list; its day is unknown.
    id: 'soon:已停用',
    sentence:
      /(?:已|已经)(?:正式|全面)?(?:下线|停用|废弃|弃用|停止维护|停止服务|停止支持|不再维护|不再支持|不维护|停运|淘汰)|不在维护/u,
    effect: 'soon',
    example: '以下SDK已停止维护,请开发者对接新版文档。',
    source: 'api-getui-server-old-sdk.yaml',
  },
  {
    // 已排定淘汰 (Azure's "is scheduled for retirement"): planned, no day given.
    id: 'soon:排定淘汰',
    sentence: /(?:已|已经)?(?:排定|排程|预定|计划)(?:于)?(?:淘汰|退役|停用|下线|停止支持)/u,
    effect: 'soon',
    example: '建立新的资源时,不建议使用此旧版模组,因为 ASM 已排定淘汰。',
    source: 'after azure-asm-powershell-undated.yaml',
  },
  {
    // 会逐步回收 X 的能力: an answer in a developer forum says it as 会, not 将.
    id: 'soon:会逐步回收',
    sentence: /(?:将|会)(?:陆续|逐步|分批)(?:回收|收回|淘汰|停用|下线|关闭)/u,
    effect: 'soon',
    example: '你好,我们会逐步回收旧版本SDK的能力,请开发者尽快更新。',
    source: 'wechat-open-sdk-old-versions-answer.yaml',
  },
];

const ACTION_ROWS = RULES.filter((r) => typeof r.effect === 'object' || r.effect === 'blank');
const THEN_ROWS = RULES.filter((r) => r.effect === 'then');
const SOON_ROWS = RULES.filter((r) => r.effect === 'soon');
const LABEL_ROWS = RULES.filter((r) => r.effect === 'label');

/** Every action named in `text` with the rows that named them, in RULES priority order. */
export function actionsIn(text: string): { actions: Action[]; rules: string[]; blanked: string[] } {
  let rest = text;
  const actions: Action[] = [];
  const rules: string[] = [];
  const blanked: string[] = [];
  for (const row of ACTION_ROWS) {
    const re = row.after!;
    re.lastIndex = 0;
    let hit = false;
    rest = rest.replace(re, (m) => {
      hit = true;
      return ' '.repeat(m.length);
    });
    if (!hit) continue;
    if (typeof row.effect !== 'object') {
      blanked.push(row.id);
      continue;
    }
    if (!actions.includes(row.effect.action)) actions.push(row.effect.action);
    rules.push(row.id);
  }
  return { actions, rules, blanked };
}

/**
 * The notice's main action: the first one its opening names, else the first it names at all; a
 * notice that names none announces a change of rules or service.
 */
export function mainAction(text: string): Action {
  const first = (part: string) => actionsIn(part).actions.find((a) => a !== 'migrate');
  return first(text.slice(0, 400)) ?? first(text.slice(0, 20_000)) ?? 'policy-effective';
}

/** Where a later sentence says what happens at the date (届时 …), or -1. */
export function thenAt(sentence: string): number {
  for (const row of THEN_ROWS) {
    const m = row.sentence!.exec(sentence);
    if (m) return m.index;
  }
  return -1;
}

export interface DateContext {
  /** Text between the previous date (or the sentence start) and this date. */
  before: string;
  /** Text between this date and the next date (or the sentence end). */
  after: string;
  /** The nearest non-empty line above, when the date opens its line. */
  lineAbove: string;
  /** The date phrase itself (即日起 carries its own 起). */
  phrase: string;
  /** Days the date lies before the publish day (negative: after it). */
  age?: number;
  /** What follows the date to the end of the text, when that is at most 80 characters. */
  tail?: string;
  /** The text before the date on its line, when the line starts near it (absent: deep in a line of prose). */
  linePrefix?: string;
  /** The header of the date's column, when it sits in a pipe table, and the whole header line. */
  column?: string;
  header?: string;
}

export type Decision =
  | { role: 'none'; rules: string[] }
  | { role: 'previous'; rules: string[] }
  | { role: 'milestone'; actions: Action[]; rules: string[] }
  /**
   * Planned, but no verb says what: a 届时 sentence, the label, or the notice's main action
   * decides (extract.ts). `label` is the label's text when a label named the date.
   */
  | { role: 'scheduled'; label: string | null; rules: string[] };

function matches(row: Rule, ctx: DateContext): boolean {
  if (row.before === undefined && row.after === undefined && row.column === undefined) return false;
  if (row.older !== undefined && !((ctx.age ?? 0) > row.older)) return false;
  if (row.tail !== undefined && !(ctx.tail !== undefined && row.tail.test(ctx.tail))) return false;
  if (row.inProse && ctx.linePrefix !== undefined && LEADING_NOISE.test(ctx.linePrefix)) return false;
  if (row.column !== undefined && !row.column.test(ctx.column ?? '')) return false;
  if (row.header !== undefined && !row.header.test(ctx.header ?? '')) return false;
  if (row.before !== undefined && !row.before.test(ctx.before)) return false;
  if (row.after === undefined) return true;
  row.after.lastIndex = 0; // action rows carry the g flag
  return row.after.test(ctx.after);
}

// List markers and time-zone words that may precede a date on its line without saying anything.
const LEADING_NOISE =
  /^[\s•●·▪◦*\-|#]*(?:\d{1,2}[.)、]\s*|[(（]?[一二三四五六七八九十]{1,2}[)）、]\s*)?(?:北京时间\s*)?$/u;
const ZONE_TAIL = /(?:\s*(?:北京时间|\(?\s*(?:UTC|GMT)[^()\n]{0,16}\)?))+\s*$/u;

/**
 * A document's title (《…》, or 「…」 with eight characters or more) blanked: 审议通过「因应行动电话
 * 业务终止用户权益保障方案」 names a document, and its 终止 happens to nothing at the date.
 */
const withoutTitles = (s: string) => s.replace(/《[^》\n]*》|「[^」\n]{8,}」/gu, (m) => ' '.repeat(m.length));

/** Runs of spaces as one: rows weigh words, and a page's long run must not cost a row its time. */
const oneSpace = (s: string) => s.replace(/[^\S\n]+/gu, ' ');

export function classifyDate(context: DateContext): Decision {
  // 北京时间 and (UTC+08:00) before a date say nothing about it: rows read past them.
  const ctx = {
    ...context,
    before: oneSpace(context.before).replace(ZONE_TAIL, ''),
    after: oneSpace(withoutTitles(context.after)),
    lineAbove: oneSpace(context.lineAbove),
  };
  const fired = (effect: Effect) =>
    RULES.filter((r) => r.effect === effect && matches(r, ctx)).map((r) => r.id);

  const not = fired('not');
  if (not.length > 0) return { role: 'none', rules: not };
  const previous = fired('previous');
  if (previous.length > 0) return { role: 'previous', rules: previous };

  const tense = [...fired('future'), ...fired('start'), ...fired('deadline')];
  if (/起|开始/u.test(ctx.phrase)) tense.push('start:起');
  const past = fired('past');

  // A label names the date: words before it on its own line (下线时间: …), the line above (the
  // colon row reads only the date's own line: a line above ending in a colon opens a list), or
  // its table column's header.
  const labelRows = (text: string, colon: boolean) =>
    LABEL_ROWS.filter(
      (r) => r.before && (colon || r.id !== 'label:colon') && r.before.test(text.replace(ZONE_TAIL, '')),
    ).map((r) => r.id);
  const column = ctx.column ?? '';
  const candidates: [string, string[]][] = [
    [ctx.before.slice(-24), labelRows(ctx.before, true)],
    [ctx.lineAbove, LEADING_NOISE.test(ctx.before) ? labelRows(ctx.lineAbove, false) : []],
    [column, LABEL_ROWS.filter((r) => r.column && matches(r, ctx)).map((r) => r.id)],
    [column, column ? labelRows(column, false) : []],
  ];
  const [label, labelRules] = candidates.find(([, rules]) => rules.length > 0) ?? [null, []];
  const light = fired('light');

  const fromLabel = label === null ? null : actionsIn(label);
  let labelActions = fromLabel?.actions.filter((a) => a !== 'migrate') ?? [];
  // A 生效日期 column says when; the row's own verb (计量淘汰) says what takes effect.
  const rowVerb = light.includes('light:table-cell') ? actionsIn(ctx.before) : null;
  if (rowVerb && rowVerb.actions.length > 0 && labelActions.every((a) => a === 'policy-effective'))
    labelActions = [];
  if (labelActions.length > 0)
    return { role: 'milestone', actions: labelActions, rules: [...labelRules, ...fromLabel!.rules] };
  const own = actionsIn(ctx.after);
  if (own.actions.length > 0)
    return { role: 'milestone', actions: own.actions, rules: [...tense, ...own.rules] };
  // 停止更新 after the date: a verb is there, and it says nothing retires.
  if (own.blanked.length > 0) return { role: 'none', rules: own.blanked };
  // …预计在X完成: the clause before the date named the action.
  if (light.length > 0) {
    const clause = ctx.before.split(/[,。;\n]/u).pop() ?? '';
    const named = actionsIn(clause);
    if (named.actions.length > 0)
      return { role: 'milestone', actions: named.actions, rules: [...light, ...named.rules] };
  }

  // No verb: planned or starting at the date, it is a milestone of what a label or 届时 says.
  if (past.length > 0 && tense.length === 0) return { role: 'none', rules: past };
  // Any words before a colon (活动时间:, 公示时间:) that name no action date an event or a
  // period, not a change; a label row that names a change (变更时间, 日落) dates it.
  const bare =
    labelRules.length === 1 &&
    labelRules[0] === 'label:colon' &&
    fromLabel?.actions.length === 0 &&
    !/(?:起|开始|之后|以后)\s*:?\s*$|预计|计划|预定|拟/u.test(label ?? '');
  if (label !== null && !bare) return { role: 'scheduled', label, rules: labelRules };
  if (tense.length > 0) return { role: 'scheduled', label: null, rules: tense };
  return { role: 'none', rules: [] };
}

/** Whether a sentence announces a retirement without a date (a soon row). */
export function soonIn(sentence: string): boolean {
  return SOON_ROWS.some((row) => row.sentence!.test(sentence));
}
