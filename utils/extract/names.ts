// Judgement of names (issue 19, item 1, for products and replacements as rules.ts is for dates):
// products.ts gathers every phrase an announcement may use to name what retires or what replaces
// it; the rows below decide what is left of each. A trim row cuts words around a name that are
// not part of it; a reject row says the phrase names nothing a merchant could look for. Every row
// has an example from the corpus (test/fixtures/announcements, by file) or from issue 19, and the
// unit test runs each: `example` through tidyName gives `want` (trim rows), or is rejected.
// Rows read the normalised text (simplified, half-width); names are cut from the text as given.

export type NameRole = 'product' | 'replacement';

export interface NameRule {
  id: string;
  pattern: RegExp;
  /** trim: the match is cut out; reject: a name the pattern matches is no name. */
  effect: 'trim' | 'reject';
  /** Only for names in this role (both when absent). */
  role?: NameRole;
  /**
   * Only for phrases cut from sentences: an item of a list or a table cell is a name as the page
   * gives it (API 版本, 已淘汰 (舊版) 入口網站), even when a sentence would not name it so.
   */
  sentenceOnly?: true;
  example: string;
  /** trim rows: what the example becomes. */
  want?: string;
  source: string;
}

/** Words that say what kind of thing a name is, and name nothing on their own. */
const KIND =
  '(?:产品|功能|服务|接口|控制台|页面|入口|能力|版本|模型|资源|数据|API|SDK|处理|使用|支持|支援|通知|公告|操作|业务|字段|方法|工具|类目|规格|内容|环境|系统|场景|权限|渠道|方案|应用|程序|版|库|端点|域名|服务商)';
/** Words that point at a name given elsewhere (该接口, 上述能力, 以下API). */
const DEICTIC =
  '(?:该|此|这|本(?![地人土])|其(?!他|它)|上述|以上|以下|下述|下列|如下|下表所示的?|这些|前述|所述|下面|上面|下方|上方)';

export const NAME_RULES: readonly NameRule[] = [
  // ── Trim: words around a name that are not part of it, in this order ─────────────────────
  {
    id: 'trim:tag',
    pattern: /^(?:【[^】\n]{0,10}】\s*)+/u,
    effect: 'trim',
    example: '【重要】旧版平台',
    want: '旧版平台',
    source: 'issue 19 (【重要】舊版平臺將於…停用)',
  },
  {
    id: 'trim:link-lead',
    // https://union.jd.com/openplatform/api/10419 jd.union.open.order.query: the page's link, then the name.
    pattern: /^https?:\/\/\S+\s+(?=\S)/u,
    effect: 'trim',
    example: 'https://union.jd.com/openplatform/api/10419 jd.union.open.order.query',
    want: 'jd.union.open.order.query',
    source: 'cn-jd-union-order-query-2021.yaml',
  },
  {
    id: 'trim:breadcrumb',
    pattern: /^[^>\n]{1,20}>\s*/u,
    effect: 'trim',
    example: '變更須知 > 舊版「我的拍賣」',
    want: '舊版「我的拍賣」',
    source: 'ruten-old-my-auction.yaml',
  },
  {
    id: 'trim:label',
    // 变更事项: X names X; 联盟规格:10、59 names 联盟规格 (the numbers are its values).
    // 京东宙斯开放平台通知:X names X too: a label that says it is a notice may be longer.
    pattern:
      /^(?:\d{1,2}[.、)]\s*)?(?:[^:,。]{1,8}|[^:,。]{1,24}(?:通知|公告|提醒|提示|预告)):(?!\/\/)\s*(?![\d\s、,.]+(?:预计|计划|将)?$)/u,
    effect: 'trim',
    example: '下线接口:dynamic_ad_templates/get',
    want: 'dynamic_ad_templates/get',
    source: 'tencent-ads-dynamic-ad-templates-2023.yaml',
  },
  {
    id: 'trim:values',
    pattern: /:\s*[\d\s、,.]+(?:预计|计划|将)?$/u,
    effect: 'trim',
    example: '联盟规格:10、59、69 预计',
    want: '联盟规格',
    source: 'tencent-ads-union-specs-2019.yaml',
  },
  {
    id: 'trim:note',
    // A note in brackets (详见下方模型列表, a link, a long gloss) explains, it does not name.
    pattern:
      /\s*[(（](?:[^()（）]*(?:详见|参见|见下|如下|以下简称|为准|https?:|www\.)[^()（）]*|[^()（）]{25,})[)）]/gu,
    effect: 'trim',
    example: '混元旧版本模型(详见下方模型列表)',
    want: '混元旧版本模型',
    source: 'tencent-hunyuan-models-2026.yaml',
  },
  {
    id: 'trim:gloss',
    // DeleteFoo(删除接口): an identifier's description in brackets; (ASM), (舊版), (v1beta) stay.
    pattern: /(?<=^[A-Za-z][\w.:/-]*)\s*[(（][^()（）]*[\u4e00-\u9fff][^()（）]*[)）]$/u,
    effect: 'trim',
    example: 'taobao.travel.item.modify(旅行度假新商品更新接口)',
    want: 'taobao.travel.item.modify',
    source: 'fliggy-travel-apis-2017.yaml',
  },
  {
    id: 'trim:kind-lead',
    // 接口 taobao.item.get: the word says what the identifier is.
    pattern:
      /^(?:(?:接口|API|字段|方法|函数|模型|镜像)\s+|(?:操作系统|作业系统|浏览器|软件)\s*)(?=[A-Za-z])/u,
    effect: 'trim',
    example: '接口 taobao.item.get',
    want: 'taobao.item.get',
    source: 'issue 19 (API identifiers)',
  },
  {
    id: 'trim:in-which',
    // 接口中的 corporate_image_name 字段: the identifier is named, the words before say where.
    pattern: /^[^,。;\s]{1,10}?中的\s*(?=[A-Za-z])/u,
    effect: 'trim',
    example: '接口中的 corporate_image_name 字段',
    want: 'corporate_image_name',
    source: 'tencent-ads-advertiser-fields-2025.yaml',
  },
  {
    id: 'trim:kind-tail',
    pattern: /(?<=^[A-Za-z][\w.:/-]*[._/][\w.:/-]*)\s*(?:接口|字段|方法|函数)$/u,
    effect: 'trim',
    example: 'wx.getUserInfo 接口',
    want: 'wx.getUserInfo',
    source: 'wechat-miniprogram-getuserinfo-2021.yaml',
  },
  {
    id: 'trim:replace-verb',
    // 请使用 X 替代: the verb after the name says what X does.
    pattern: /\s*(?:来|进行)?(?:替代|代替|取代|替换)$/u,
    effect: 'trim',
    role: 'replacement',
    example: 'jingdong.pop.order.search 替代',
    want: 'jingdong.pop.order.search',
    source: 'issue 19 (请使用…替代)',
  },
  {
    id: 'trim:lead',
    pattern:
      /^(?:(?:同时|此外|另外|目前|当前|现(?=已|在|将|阶段|推迟|决定)|届时|并且?|且|其中|即日起|自即日起|从即日起|起(?!亚)(?=\S{2})|原(?!有)|对于|你的|您的|对(?!应|外|比|接|象|话)|计划将|预计将|将|我们|平台|本(?:行|公司|站|平台|网站)(?=\S{2})|是(?!否)(?=\s*\S{2})|我(?:行|司)(?=\S{2})|请|因此|所以|故|因为|由于|因(?!特)|后续|随后|此后|包括|例如|如)\s*)+/u,
    effect: 'trim',
    example: '同时原 腾讯混元大模型平台',
    want: '腾讯混元大模型平台',
    source: 'tencent-hunyuan-models-2026.yaml',
  },
  {
    id: 'trim:concerned',
    // 此需求涉及的 X, 本次下线的 X: a relative clause says which, X names.
    pattern: /^[^,。;]{0,12}?(?:涉及(?:到)?|影响|下线|停用|淘汰)的\s*(?=\S{2})/u,
    effect: 'trim',
    example: '此需求涉及的PC 旧版位',
    want: 'PC 旧版位',
    source: 'tencent-ads-pc-site-sets-2021.yaml',
  },
  {
    id: 'trim:notice-of',
    // 延迟下线“1688买家旺旺”的公告: the notice is about the name.
    pattern: /的(?:公告|通知|说明|预告)$/u,
    effect: 'trim',
    example: '“1688买家旺旺”的公告',
    want: '1688买家旺旺',
    source: '1688-buyer-wangwang-postpone-2023-02-10.yaml',
  },
  {
    id: 'trim:new-of',
    // 停用新建 X 的功能: what stops is X.
    pattern: /^(?:新建|新增|创建|新购)\s*(?=\S.+的(?:功能|能力|入口)$)|^新的(?=\S{2})/u,
    effect: 'trim',
    sentenceOnly: true,
    example: '新建Cloud Endpoints 入口网站的功能',
    want: 'Cloud Endpoints 入口网站',
    source: 'google-cloud-endpoints-portal-2023.yaml',
  },
  {
    id: 'trim:count',
    pattern: /(?:等)?(?:共)?\s*\d+\s*个[^、,]{0,6}$/u,
    effect: 'trim',
    example: '文章标题生成、依存句法分析V2、中文DNN语言模型3个接口服务',
    want: '文章标题生成、依存句法分析V2、中文DNN语言模型',
    source: 'baidu-nlp-apis-2025.yaml',
  },
  {
    id: 'trim:support',
    pattern:
      /(?:的)?(?:支持工作|服务支持|支持|支援|相关能力|维护和支持|维护|运营|营运)$|的(?:各项|全部|所有|相关)?(?:功能|服务)$/u,
    effect: 'trim',
    example: '旧版SDK服务的支持',
    want: '旧版SDK服务',
    source: 'after aliyun-flink-old-sdk-2025.yaml',
  },
  {
    id: 'trim:reported-by',
    // 微软宣布 Internet Explorer 11 …: who tells is no part of what retires.
    pattern: /^[^,。;:]{1,12}?(?:宣布|表示|指出|公告称|透露|决定)\s*(?:是\s*)?(?=\S{2})/u,
    effect: 'trim',
    example: '微软宣布 Internet Explorer 11 桌面应用程序',
    want: 'Internet Explorer 11 桌面应用程序',
    source: 'issue 19 (news reports of a retirement)',
  },
  {
    id: 'trim:still-usable',
    // 旧版APP仍可使用: the name, and what may still be done with it.
    pattern: /\s*(?:仍|依然|仍然)(?:可|能)(?:继续)?(?:使用|访问|登录)?$/u,
    effect: 'trim',
    example: '旧版APP仍可使用',
    want: '旧版APP',
    source: 'issue 19 (a window in which the old keeps working)',
  },
  {
    id: 'trim:reporting',
    pattern: /\s*(?:今日|今天|日前|近日|表示|宣布|宣布将|(?<!名)称|指出|公告称)$/u,
    effect: 'trim',
    example: '香港邮政表示',
    want: '香港邮政',
    source: 'after hk-post-offices-suspended-2020.yaml',
  },
  {
    id: 'trim:tail',
    // What the sentence goes on with after the name: 已(正式)淘汰, 将, 即(将), 由, an open bracket,
    // 使用 (建议升级为JS API 2.0使用).
    pattern:
      /(?:\s|已经|已|将|早在|曾|现已|也|均|都|会|预计|即|正式|全面|逐步|淘汰|下线|停用|停止服务|裁撤|剔除|下架|由|自|从|于|等|(?<=\S{2})使用|[(（])+$/u,
    effect: 'trim',
    example: 'Azure Cosmos DB .NET SDK v2.x 即',
    want: 'Azure Cosmos DB .NET SDK v2.x',
    source: 'azure-cosmos-dotnet-sdk-v2-2024.yaml',
  },
  {
    id: 'trim:quotes',
    // Quotes around the whole name go; quotes inside it (舊版「我的拍賣」) stay.
    pattern: /^[“”"「」《》]+(?=[^“”"「」《》]+[“”"」》]+$)|(?<=^[“”"「《][^“”"「」《》]+)[“”"」》]+$/gu,
    effect: 'trim',
    example: '“家居百货解决方案”',
    want: '家居百货解决方案',
    source: '1688-jiaju-hangye-2023-02-10.yaml',
  },

  // ── Reject: phrases that name nothing a merchant could look for ───────────────────────────
  {
    id: 'not:kind-word',
    pattern: new RegExp(
      `^(?:相关|对应|全部|所有|部分|其他|其它|各类|各|一些|多个|替代|替换|推荐|迁移|备选|${KIND}|\\s)+$|(?:如下|以下|所示)$`,
      'iu',
    ),
    effect: 'reject',
    sentenceOnly: true,
    example: '接口服务',
    source: 'after baidu-nlp-apis-2024.yaml',
  },
  {
    id: 'not:pointer',
    // 该接口, 此 SDK 2.x 版, 上述能力的申请, 相应字段的返回: they point at a name given elsewhere.
    pattern: new RegExp(
      `^(?:${DEICTIC}|相应|对应)|该|(?<!因)此(?!外)|^(?:旧版|新版|老版|原版|旧|新|原|新旧)$`,
      'u',
    ),
    effect: 'reject',
    example: '此 SDK 2.x 版',
    source: 'azure-cosmos-dotnet-sdk-v2-2024.yaml',
  },
  {
    id: 'not:everything',
    pattern: new RegExp(`^(?:所有|全部|一切|全线|各项)[^、]{0,6}${KIND}?$|(?:所有|全部)${KIND}$`, 'u'),
    effect: 'reject',
    sentenceOnly: true,
    example: '店铺内所有产品',
    source: 'dhgate-platform-fee-2022.yaml',
  },
  {
    id: 'not:document',
    // A document a notice cites (a rule, an agreement, a directive) is no product.
    pattern:
      /(?:规则|公告|通知|指南|指引|文档|说明|规范|办法|条款|政策|细则|须知|公约|声明|函|号令|决定)$|(?<![A-Za-z0-9]\s?)协议$|^(?:重要|预告|更新|提醒|紧急|注意|变更|产品变更|下线公告|下线通知|停售公告|以实际变更时间为准)$|^(?:阿里云|腾讯云|华为云|百度智能云|火山引擎)$|字第\s*\d+\s*号/u,
    effect: 'reject',
    example: '中华民国一百十三年六月五日内政部内授消字第 11316024921 号函',
    source: 'tw-nfa-directive-stopped-2024.yaml',
  },
  {
    id: 'not:link',
    // A link's words (查看文档详情, [点击查看文档], [这里]) point at a page; they name nothing.
    pattern:
      /^\[?(?:(?:点击|查看|详见|了解|前往|立即)(?:查看|了解)?(?:文档|详情|更多|说明|这里|此处)?(?:详情)?|这里|此处|链接)\]?$/u,
    effect: 'reject',
    example: '查看文档详情',
    source: 'api-qweather-deprecated-products-2026.yaml',
  },
  {
    id: 'not:audience',
    // Who is affected (存量用户, 未缴费店铺) is not what retires.
    pattern:
      /(?:用户|商家|客户|开发者|卖家|买家|店铺|商户|会员|市民|顾客|广告主|服务商|合作伙伴|运营者)$|^(?:新用户|存量用户|老用户|已有|已接入|已购)/u,
    effect: 'reject',
    example: '未缴费店铺',
    source: 'dhgate-platform-fee-2022.yaml',
  },
  {
    id: 'not:actor',
    // 微信支付侧 acts on a product; it is not one.
    pattern: /(?:侧|团队|官方|平台方|服务方|合作方|第三方)$/u,
    effect: 'reject',
    example: '微信支付侧',
    source: 'wechat-pay-ip-2022.yaml',
  },
  {
    id: 'not:date',
    pattern:
      /^[\d\s年月日号时点分:.\-/、〇零一二三四五六七八九十百]+$|^(?:即日|今日|当日|当天|届时|此后|之后|期间|在此期间|期限|时间|日期|时间点|同一天|这一天|那一天|日子|这天|那天)$|[\d〇一二三四五六七八九十]{1,3}\s*月\s*[\d〇一二三四五六七八九十]{1,3}\s*[日号]|[\d〇零一二三四五六七八九十百]\s*年\s*[\d〇一二三四五六七八九十]{1,3}\s*月\s*[\d〇一二三四五六七八九十]{1,3}\s*日/u,
    effect: 'reject',
    sentenceOnly: true,
    example: '2023年3月1日',
    source: 'issue 19 (dates are no names)',
  },
  {
    id: 'not:action',
    // A verb phrase is what happens, not what it happens to.
    pattern:
      /^(?:新购|售卖|销售|续费|续订|新接入|使用|支持|提供|返回|截止|全面|正式|逐步|陆续|继续|进行|开始|无法|不再|可以|可|需要|需|请|如果|若|如|已|完成|执行|推迟|延期|延后|仍|尚|未|不能|预计|计划|拟|避免|以免|以便)|^(?:更新|维护|接入|处理|适用|营运|运营|开放|升级|迭代|运作|营业|投放|调用|访问|展示|查看|编辑|修改|删除|登录|下载|上传|新建|新增|创建)$/u,
    effect: 'reject',
    sentenceOnly: true,
    example: '全面关机',
    source: 'google-content-api-shopping-sunset-2026.yaml',
  },
  {
    id: 'not:sentence',
    // Longer than any name, or still a clause: it holds a verb of its own, a cue, or a table row.
    pattern:
      /^.{61,}$|\||(?:将|会|已经?|正在|需要|可以)(?:于|在)?[^、]{0,8}(?:下线|停用|停止|关闭|调整|升级)|(?:替换为|迁移至|切换至|升级至|改用)|(?:将|会(?!员|议|计|话|场|所|展|务)|已)[\u4e00-\u9fff]{1,3}$|(?:即将|将|预计|计划|拟)(?:于|在)|进行(?:删除|处理|清理|调整|升级)$|(?:提醒|告知)(?:他|她|您|你|用户)|全部清空|一键|发布关于|近日|日前|宣布|表示|为了|感谢|由于|因为|他们|我们|您|你们|建议|造成|影响(?!力)|(?:结束|完成|到期|上线|下线|停用)(?:之)?后|是|发布新|接口文档|示例代码|(?<![\d.xX]\s?|[及或])(?:以下|以上)|下列|上述|^[^「“]*[」”]|[「“][^」”]*$|^[^(（]*[)）]|[(（][^)）]*$|^[^[]*\]|\[[^\]]*$/u,
    effect: 'reject',
    sentenceOnly: true,
    example: '范围是新',
    source: 'tencent-api-gateway-stop-sale-2024.yaml',
  },
  {
    id: 'not:question',
    // A heading that asks (停用某个版本后会出现什么情况) names nothing, in a list or a sentence.
    pattern: /什么|如何|怎么|哪些|是否|为什么|究竟|会不会|能不能|吗$|\?/u,
    effect: 'reject',
    example: '某个版本后会出现什么情况',
    source: 'google-cm360-api-v35-2023.yaml',
  },
  {
    id: 'not:clause',
    // An item that is a sentence (旧版工作台的所有入口将关闭;) says what happens, it names nothing.
    pattern:
      /[。;!?]|^(?=.*[\u4e00-\u9fff]).*,(?![^()（）]*[)）])|(?:将|已|会)(?:被)?(?:自动|全部|统一)?[^、]{0,4}(?:关闭|下线|迁移|停止|删除|失效)/u,
    effect: 'reject',
    example: '旧版工作台的所有入口将关闭;',
    source: 'issue 19 (下线影响: lists)',
  },
  {
    id: 'not:fragment',
    // A phrase that starts or ends on a function word was cut from a clause, not from a name.
    pattern:
      /^(?:的|之|与|及|和|或|且|并|而|从|把|被|为了|以|于|给|向|让|使|至|到|在(?!线)|等(?!级)|即\s)|(?:的|与|及|和|或|且|并|而|从|把|被|对|在|为|以|于|由|未|仍|相应|之|等于|一文|了)$/u,
    effect: 'reject',
    sentenceOnly: true,
    example: '的OpenAPI',
    source: 'aliyun-dts-openapi-2025-01-31.yaml',
  },
  {
    id: 'not:old-as-replacement',
    // What replaces a product is never the old one (切换至舊版 switches back).
    pattern: /^(?:旧|老|原有|原来)|旧版|旧的/u,
    role: 'replacement',
    effect: 'reject',
    example: '旧版API',
    source: 'after ruten-old-my-auction.yaml',
  },
  {
    id: 'not:description',
    // 最新的 SDK 版本, 推荐的 OpenAPI 接口, 启用 API 的版本: which one, the text does not say.
    role: 'replacement',
    pattern: new RegExp(
      `^(?:推荐的|对应的?|相应的?|其他|其它|更新的|支持的|较新的?|最新的?|更高的?)[\\s/、]*(?:${KIND}[\\s/、]*)+$|的(?:最新)?(?:版本|升级能力)$|的最新$|(?:支持|支援)的功能$|的(?:替代品|替代方案)$|^(?:其他|其它)方式`,
      'iu',
    ),
    effect: 'reject',
    example: '最新的 SDK 版本',
    source: 'azure-cosmos-python-sdk-v2-2022.yaml',
  },
];

/** The longest name kept: longer phrases are clauses (a list item holds a name and a note). */
const MAX_NAME = 120;

const TRIMS = NAME_RULES.filter((r) => r.effect === 'trim' && !r.sentenceOnly);
const SENTENCE_TRIMS = NAME_RULES.filter((r) => r.effect === 'trim');
const REJECTS = NAME_RULES.filter((r) => r.effect === 'reject');

/** Cuts the words around a name that the trim rows name; spaces inside are kept as written. */
export function tidyName(raw: string, fromList = false): string {
  // A phrase this long is a clause however it is trimmed: trimming it would only cost time.
  if (raw.length > 4 * MAX_NAME) return raw.trim();
  // One space for a run (a blanked date leaves one): patterns never weigh where a run splits.
  // Markdown's code marks (`jingdong.ware.get`) are no part of a name.
  let s = raw
    .replace(/`/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^(?:[•●·▪◦*-]|\d{1,2}[.)、](?!\d)|[一二三四五六七八九十]{1,2}、|\(\d{1,2}\))\s*/u, '');
  // Trims feed each other (a tail exposes another tail): two passes are enough for real names.
  for (let pass = 0; pass < 2; pass++) {
    for (const row of fromList ? TRIMS : SENTENCE_TRIMS) {
      row.pattern.lastIndex = 0;
      s = s.replace(row.pattern, '').trim();
    }
  }
  // What a trim leaves of a label before the name (根据公告:支付宝收款业务) goes with it.
  return s.replace(/^[:、,]\s*/u, '').replace(/\s+/gu, ' ');
}

/** The id of the reject row a name falls under, or null when it may name something. */
export function rejectedBy(name: string, role: NameRole, fromList = false): string | null {
  if (name.length < 2) return 'not:too-short';
  if (name.length > MAX_NAME) return 'not:too-long';
  for (const row of REJECTS) {
    if (row.role !== undefined && row.role !== role) continue;
    if (row.sentenceOnly && fromList) continue;
    if (row.pattern.test(name)) return row.id;
  }
  return null;
}

/** 该功能, 此产品, a bare 产品: a pointer back to a name given before (products.ts looks for it). */
export function isPointer(phrase: string): boolean {
  return POINTER.test(tidyName(phrase));
}
const POINTER = /^(?:该|此|本|其|这)?\s*(?:产品|功能|服务|接口|能力|版本|平台)$/iu;

/**
 * Splits a list joined by 、 和 以及 (及 alone often sits inside a name, so it is left; so does 或:
 * 改用信用卡或 LINE Pay 付款 gives one name, not a name and half a clause).
 */
export function splitList(text: string): string[] {
  // 服务匯流排、转送和事件中枢的传统部署模型 REST API: the items share what follows the last 的.
  const shared = /^(?:[^、和的]{1,12}(?:、|和|以及))+[^、和的]{1,12}的[^、和]{2,}$/u.test(text);
  const parts = shared ? [text] : text.split(/、|以及|和|,/u);
  return parts.map((p) => tidyName(p)).filter((p) => p !== '');
}
