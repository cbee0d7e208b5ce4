// Products, replacements, the grandfather clause and the kind of a notice (issues 6 and 19).
// Recall first, then judgement, as for the dates (rules.ts). Candidates come from every structure
// an announcement names things in: lists, identifier runs, label lines and tables (lists.ts,
// read in `structures`); the subject or object of each retirement verb (RETIRING; 对…进行下线,
// 将X剔除, 该功能 pointing back to a quoted name); the replacement cues, one row each in SOURCES
// (请迁移至/改用/升级到 Y, X 将由 Y 替代, 替代方案为 Y, 推荐…「Y」), a sentence whose subject 是…替代方案,
// and 新版X beside a retiring 旧版X. The rows of names.ts trim every candidate and reject what names
// nothing. What is left is chosen in extractNames: lists and tables that retire, with the names
// of the clauses carrying a retirement date (less the sentences that only introduce a list);
// else those clauses' names; else the first sentence that retires something, the title first.
import type { Kind } from '../notice/schema.ts';
import { barlessTables, listItem, listRuns, pipeTables, type Table } from './lists.ts';
import { isPointer, rejectedBy, splitList, tidyName, type NameRole } from './names.ts';
import { clauseSpans, lineOf, lineStarts, sentenceSpans, spanIndexAt, type Span } from './text.ts';

export interface DatedClause {
  /** Offset of the date phrase, or of the 届时 that said what happens at it. */
  index: number;
  /** True when the date retires the product or stops its sale (not a policy or renewal date). */
  retires: boolean;
}

export interface Candidate {
  name: string;
  role: NameRole;
  /** The id of the source (a row of SOURCES, or list:…, table:…, pair:…). */
  source: string;
  /** Offset in the text where the phrase was found. */
  at: number;
  /** Set when a row of names.ts rejected it. */
  rejected?: string;
}

// ── Verbs that retire something ──────────────────────────────────────────────────────────────

// Looks like a retirement verb, is none: the product stays (rules.ts's blank rows, for names).
const NOT_RETIRING =
  /停止(?:功能)?(?:更新|升级|迭代|发布新)(?:维护)?|停止升级更新|不再(?:升级|更新|迭代)(?:维护|更新)?|停止全面支持|重新上线|恢复(?:上线|服务|使用|开放)|取消下线|暂停下线|不再下线|停止下线|下线后|停用后|关闭后/gu;
const RETIRING = new RegExp(
  [
    '(?:被|将被)?(?:正式|全面|完全|逐步|陆续|分批|永久)?',
    '(?:停止向[^,。;]{1,20}?(?:提供|开放)|停止(?:使用|服务|支持|支援|提供|运营|营运|维护|开放|访问|调用|对外服务|对外提供|对外|售卖|销售|新购|招商入驻|招商|新用户接入|接入|适用|营业|接收|处理|受理|办理)?',
    '|终止(?:服务|支持|运营|全量服务|授权)?|下线(?:处理)?|下架|下市|退市|停售|停服|停用|关停|关闭|暂停(?:开放|服务|接收)?',
    '|淘汰|退役|退休|退网|裁撤|剔除|移除|废弃|作废|失效|过期|回收|收回|中止|停运|(?:已经?|已)不维护|不在维护',
    '|由[^,。;由]{1,30}?(?:替代|取代|代替)|被(?:替代|取代)|结束(?:营运|运营|营业|服务|支持|支援|(?=\\s*(?:[,。;!]|$)))|不再(?:支持|支援|提供|可用|开放|对外)|无法(?:再)?(?:继续)?(?:使用|调用|访问|登录|启用|订购|购买|开通|新建)|不支持新(?:接入|用户|购)?)',
  ].join(''),
  'gu',
);
// A verb used as a modifier (下线时间, 停用日期, 下架后, 下市说明) says nothing retires here.
const NOMINAL =
  /^(?:时间|日期|时间点|日|时|之?后|之?前|说明|区域|范围|清单|列表|名单|内容|事项|计划|规划|安排|影响|问题|流程|指引|指南|期间|过程|作业|政策|日程|时间表|状态)/u;
// Verbs that carry their own object (停止服务, 停服): what retires is the subject.
const INTRANSITIVE = /(?:服务|运营|营运|营业|停服|对外)$/u;

interface Verb {
  index: number;
  end: number;
}

/** Retirement verbs in a span of the text, with offsets; look-alikes (停止更新) blanked first. */
function verbsIn(text: string, span: Span): Verb[] {
  const part = text.slice(span.start, span.end).replace(NOT_RETIRING, (m) => ' '.repeat(m.length));
  const out: Verb[] = [];
  RETIRING.lastIndex = 0;
  for (let m = RETIRING.exec(part); m; m = RETIRING.exec(part)) {
    if (m[0] === '') {
      RETIRING.lastIndex++;
      continue;
    }
    const end = span.start + m.index + m[0].length;
    if (NOMINAL.test(text.slice(end, end + 4))) continue;
    out.push({ index: span.start + m.index, end });
  }
  return out;
}

// ── Subject and object of a retirement verb ─────────────────────────────────────────────────

// Where the object after a verb ends (a URL's :// is part of it: 停止使用http://file.api.weixin.qq.com域名).
const OBJECT_END = new RegExp(
  `${RETIRING.source.replace(/^\(\?:被\|将被\)\?/u, '')}|` +
    /[,。;\n]|:(?!\/\/)|\s(?:包括|包含)|(?:之)?前(?=\s|,|$)|(?<=接口|API|SDK|字段|方法)\s*(?=可|能|获取|调用|来|去)|以(?:便|免|满足|获得|避免|确保)|避免|从而|进行|(?<=\S)并(?!行)|且|(?:之)?后(?=[,。;\s]|$)|时(?=[,。;]|$)|(?:的)?(?:调用权限|权限)|如下|(?:的)?(?:操作|能力的申请|申请)(?=[,。;]|$)/u
      .source,
  'u',
);
// Tense, intent and manner words between a subject and its verb.
const SUBJECT_TAIL =
  /(?:\s|将要|将|会|就(?=已|将|会|要)|左右|前后|预计|预期|拟|立即|即|于|在|自|从|定于|原定|原计划|北京时间|已经|已|均|都|也|现|正式|全面|完全|逐步|陆续|分批|被|开始|起|前|后|之前|之后|排程为未来|排定|排程为|按计划|分阶段|实施|进行|对其|对|届期|到期|期满|依法|依规)+$/u;

/** The dates' offsets, blanked from a subject (X将于2023年3月1日 → X). */
function withoutDates(text: string, span: Span, dates: Span[]): string {
  let s = text.slice(span.start, span.end);
  for (const d of dates) {
    if (d.end <= span.start || d.start >= span.end) continue;
    const from = Math.max(d.start, span.start) - span.start;
    const to = Math.min(d.end, span.end) - span.start;
    s = s.slice(0, from) + ' '.repeat(to - from) + s.slice(to);
  }
  return s;
}

/** 对X进行(下线), 将X(从…中)剔除: an object before the verb, or null. */
function objectBefore(before: string): string | null {
  const to = /对\s*([^,。;对]{2,60}?)\s*(?:及其[^,。;]{0,10})?(?:进行|做|作|予以|实施)(?:了)?\s*$/u.exec(
    before,
  );
  if (to) return to[1]!;
  const disposal =
    /(?:^|[日起后时,\s]|同时|并|计划|拟|预计)(?:将|把)\s*(?!于|在|会|要|逐步|正式|全面|陆续|分批|开始|对|从|自|被|按)([^,。;将把]{2,60}?)\s*(?:从[^,。;]{0,20}?(?:中|里)?)?\s*(?:于)?\s*(?:进行)?\s*$/u.exec(
      before,
    );
  return disposal ? disposal[1]! : null;
}

const SUBJECT_START = new RegExp(
  `^(.{2,60}?)\\s*(?:就(?=已|将|会|要))?(?:将会|将要|将|会|计划|预计|拟|不再|已|即将|${RETIRING.source})`,
  'u',
);

/**
 * What a retirement verb retires: its object when it has one that names something, else its
 * subject, looked for in the clause and up to two clauses before (并将于…下线 lends the
 * subject of the clause before it).
 */
function verbNames(text: string, clauses: Span[], verb: Verb, dates: Span[]): string[] {
  const role: NameRole = 'product';
  const at = spanIndexAt(clauses, verb.index);
  if (at === -1) return [];
  // A name lies within a few words of its verb: the window bounds the work on a long clause.
  const clause = {
    start: Math.max(clauses[at]!.start, verb.index - WINDOW),
    end: Math.min(clauses[at]!.end, verb.end + WINDOW),
  };
  const word = text.slice(verb.index, verb.end);
  const after = text.slice(verb.end, clause.end);
  if (!INTRANSITIVE.test(word)) {
    const cut = OBJECT_END.exec(after);
    // 原定于…回收的 X, 即将下线的 X: what the relative clause describes retires.
    const object = after.slice(0, cut ? cut.index : after.length).replace(/^的\s*/u, '');
    const names = isPointer(object) ? antecedent(text, verb.index, object) : judged(object, role);
    if (names.length > 0) return names;
  }
  // One space for a run (a blanked date): no pattern below weighs where a run splits.
  const before = withoutDates(text, { start: clause.start, end: verb.index }, dates).replace(/\s+/gu, ' ');
  const early = objectBefore(before.replace(/\s+$/u, ''));
  if (early !== null) {
    const names = judged(early, role);
    if (names.length > 0) return names;
  }
  // 平台计划于…: 计划 plans; 智能计划将于…: 计划 is part of the name.
  const tail = SUBJECT_TAIL.exec(before)?.[0] ?? '';
  let subject = before.slice(0, before.length - tail.length);
  if (!/^\s*(?:将|会)/u.test(tail)) subject = subject.replace(/计划$/u, '').replace(SUBJECT_TAIL, '');
  const own = isPointer(subject) ? antecedent(text, clause.start, subject) : judged(subject, role);
  if (own.length > 0) return own;
  // Only a clause with no subject of its own (并将于…, 共26个接口将于…) borrows one.
  // The one who acts (我们, 平台) is a subject too: it lends nothing.
  const raw = subject.replace(/^(?:\s|自|从|由|同时|并且?|且|此外|另外)+/u, '');
  if (/^(?:我们|我司|平台|本平台|官方)$/u.test(raw.trim())) return [];
  if (!['not:too-short', 'not:kind-word'].includes(rejectedBy(tidyName(raw), role) ?? 'kept')) return [];
  for (let k = at - 1; k >= 0 && k >= at - 2; k--) {
    const prev = text.slice(clauses[k]!.start, Math.min(clauses[k]!.end, clauses[k]!.start + WINDOW));
    // A reason (为了…, 由于…) has no subject to lend.
    if (/^\s*(?:为了|为|由于|因为|因|鉴于|根据|随着)/u.test(prev)) break;
    const m = SUBJECT_START.exec(prev.trim());
    const names = judged(m ? m[1]! : prev, role);
    if (names.length > 0) return names;
  }
  return [];
}

/** How far from its verb a subject or object may reach (a name is at most 120 characters). */
const WINDOW = 200;
/** How many verbs of one sentence are asked for names before it is given up. */
const MAX_VERBS = 8;

// Quoted names: “” 「」 《》 and sloppy closings (“艺术品“, ”文玩”).
const QUOTED = /[“”"「《]([^“”"「」《》\n]{2,40})[“”"」》]/gu;

// A name with its old-version mark: X(旧), X（旧版）.
const MARKED_OLD = /[^\s,。;:“”"「」《》()（）\n]{2,30}\s*[(（]旧(?:版)?[)）]/gu;

/**
 * What 该功能 or a bare 产品 points back to: the last quoted name within the 400 characters
 * before it, else the last subject named with that word (API 网关产品将做如下调整 … 产品停服).
 */
function antecedent(text: string, at: number, pointer: string): string[] {
  const before = text.slice(Math.max(0, at - 400), at);
  const ok = (n: string) => rejectedBy(n, 'product') === null;
  const quoted = [...before.matchAll(QUOTED)].map((m) => tidyName(m[1]!)).filter(ok);
  if (quoted.length > 0) return [quoted[quoted.length - 1]!];
  // A name marked old on the page: 查询云服务类型列表(旧) … 该接口即将下线 (huawei-bss-service-types-old-api.yaml).
  const old = [...before.matchAll(MARKED_OLD)].map((m) => tidyName(m[0]!)).filter(ok);
  if (old.length > 0) return [old[old.length - 1]!];
  const word = pointer.replace(/^\s*(?:该|此|本|其|这)\s*/u, '').trim();
  if (word === '') return [];
  const named = [
    ...before.matchAll(new RegExp(`([^,。;:\\n]{2,30}?${literal(word)})\\s*(?:将|已|即将|会|计划|拟)`, 'gu')),
  ]
    .map((m) => tidyName(m[1]!))
    .filter((n) => ok(n) && n !== word);
  return named.length > 0 ? [named[named.length - 1]!] : [];
}

/**
 * Names from a phrase: quoted names when the phrase is only quoted names and kind words
 * (“艺术品“、“非遗“类目), else the phrase split into its list items; each tidied, and dropped
 * when a row of names.ts rejects it.
 */
function judged(phrase: string, role: NameRole): string[] {
  // 一级类目“甲类“、“乙类“迁移合并于”丙类”: what moves is before the move.
  const moved = /(?:迁移|合并|替换|切换|升级)[^,。;]{0,4}(?:至|到|于|为|成)/u.exec(phrase);
  const own = moved ? phrase.slice(0, moved.index) : phrase;
  const quoted = [...own.matchAll(QUOTED)];
  // Around the quotes, words that say whose or what kind (美团外卖商家端“…”入口); only a
  // version (舊版「我的拍賣」) is part of the name.
  const versioned =
    quoted.length === 1 &&
    /(?:旧版本?|新版本?|老版|旧|原)\s*[“”"「《][^“”"「」《》]+[“”"」》]\s*$/u.test(own);
  const parts = quoted.length > 0 && !versioned ? quoted.map((q) => tidyName(q[1]!)) : splitList(own);
  return parts.filter((p) => rejectedBy(p, role) === null);
}

// ── Replacement cues: every phrase that names what to move to ────────────────────────────────

export interface Source {
  id: string;
  role: NameRole;
  /** The name is group 1; a match preceded by a negation (无需再, 不支持, 请勿) counts for nothing. */
  pattern: RegExp;
  example: string;
  /** What the example gives. */
  want: string[];
  source: string;
}

// A name after a cue: an opening quote is not part of it, a URL's :// is.
const NAME = '[“”"「《]?((?:://|[^,。;:\\n]){2,60}?)';
// Where a replacement's name ends.
const REPLACEMENT_END =
  '(?=以满足|以免|以便|以获得|以避免|以实现|避免|使用最新|提供|进行|继续使用|获取|实现|完成|查看|办理|访问|开播|来|管理(?=[\\u4e00-\\u9fff])(?!接口|功能|服务|工具|平台|中心|系统|后台|页面|模块|台)|中(?=[,。;])|(?:的)?(?:版本)?(?:切换|迁移|升级|替换)|[,。;\\n(“”"」》]|:(?!//)|$)';

export const SOURCES: readonly Source[] = [
  {
    id: 'replace:to',
    role: 'replacement',
    pattern: new RegExp(
      `(?:迁移|移转|转移|切换|升级|更新|替换|更换|转换|过渡|合并|整合|并入|调整|移|转)(?:使用)?(?:至|到|于|为|成|进|入)\\s*:?\\s*${NAME}${REPLACEMENT_END}`,
      'gu',
    ),
    example: '请尽快迁移至 API 3.0,以免影响业务。',
    want: ['API 3.0'],
    source: 'after tencent-cloud-api2-2023.yaml',
  },
  {
    id: 'replace:move-to',
    role: 'replacement',
    pattern: new RegExp(
      `(?:迁移|移转|切换|升级|更新)[^,。;\\n至到]{1,16}?(?:至|到)\\s*${NAME}${REPLACEMENT_END}`,
      'gu',
    ),
    example: '我們已通知外掛程式開發人員 遷移外掛程式至 Google Workspace Marketplace,現在…',
    want: ['Google Workspace Marketplace'],
    source: 'google-apps-script-sunset-2026.yaml',
  },
  {
    id: 'replace:use',
    role: 'replacement',
    pattern: new RegExp(
      `(?:改用|换用|转用|(?:请|可|可以|建议|推荐|或|选择|切换|替换|直接)(?:您|商家|卖家|买家|用户|开发者|客户|管理员|主播|商户|服务商|会员|各位)?(?:尽快|及时|直接)?使用|可选择(?:订购|使用)?|(?:可|可以|请)?(?:选购|改购|改选|另选)|直接呼叫|直接调用)(?!者|户)\\s*${NAME}${REPLACEMENT_END}`,
      'gu',
    ),
    example: '下线后,用户可选择订购消费品解决方案、工业品解决方案以满足推广需求。',
    want: ['消费品解决方案', '工业品解决方案'],
    source: 'after 1688-jiaju-hangye-2023-02-10.yaml',
  },
  {
    id: 'replace:is-new',
    role: 'replacement',
    // jd.union.open.order.row.query 这是新的接口: an identifier said to be the new one.
    pattern: /([A-Za-z][\w.:/-]*[._/][\w.:/-]+)\s*(?:是|为|这是|即为)\s*新(?:的|版)?(?:接口|API|版本)/gu,
    example: 'jd.union.open.order.query 即将下线\njd.union.open.order.row.query 这是新的接口',
    want: ['jd.union.open.order.row.query'],
    source: 'cn-jd-union-order-query-2021.yaml',
  },
  {
    id: 'replace:adopt',
    role: 'replacement',
    // 采用 Y 寄件: the name ends at its kind word, the words after it say what for.
    pattern:
      /(?:建议|请|可|可以|改为)(?:您|市民|民众|公众|用户|客户|商家|卖家|开发者)?(?:改为)?采用\s*[“「]?([^,。;:\n“”「」]{1,40}?(?:服务|产品|接口|功能|版本|工具|平台|系统|方案|API|SDK))/giu,
    example: '香港邮政建议市民采用空邮服务寄件往上述地区。',
    want: ['空邮服务'],
    source: 'after hk-post-mainland-surface-mail-2021.yaml',
  },
  {
    id: 'replace:where',
    role: 'replacement',
    pattern:
      /(?:可在|可以在|请在|请前往|可前往|前往|请到|可到)\s*[“「]?([^,。;\n“”「」]{2,40}?)[”」]?\s*(?:中|内|里|上)?\s*(?:查看(?!文档|详情|说明|公告|通知)|使用|管理|操作|办理|继续使用)/gu,
    example: '平台将于2026年3月1日下线“数据罗盘”,相关数据可在“生意参谋”中查看。',
    want: ['生意参谋'],
    source: 'issue 19 (where to go instead)',
  },
  {
    id: 'replace:through',
    role: 'replacement',
    pattern:
      /(?:只能|仅能|可|可以|请|需要?|改为|转为)通过\s*([^,。;\n]{2,40}?)\s*(?:来|进行)?(?:管理|操作|使用|访问|查看|办理|完成|创建|发布|购买|调用|开播|发起|提交|下单|付款|支付|登录|申请)/gu,
    example: '函数计算 FC 2.0 控制台将于2026年5月31日下线,届时您只能通过 FC 3.0 控制台管理函数。',
    want: ['FC 3.0 控制台'],
    source: 'issue 19 (where to go instead)',
  },
  {
    id: 'replace:new-identifier',
    role: 'replacement',
    pattern: /新(?:的)?(?:接口|API|SDK|方法|字段)[ \t]*([A-Za-z][\w./:-]+)/gu,
    example: '快手开放平台将于2026年3月20日下线 user_info 接口,新接口 user_info_v2 已上线。',
    want: ['user_info_v2'],
    source: 'issue 19 (API identifiers)',
  },
  {
    id: 'replace:recommended',
    role: 'replacement',
    pattern: /推荐[^,。;\n「“]{0,20}[「“]([^」”\n]{2,30})[」”]/gu,
    example: '至於替代品?Oath 則推薦旗下另外一款羣聊 App「Squirrel」。',
    want: ['Squirrel'],
    source: 'yahoo-messenger-shutdown-2018.yaml',
  },
  {
    id: 'replace:toward',
    role: 'replacement',
    pattern: /(?:向|至|到)\s*([^,。;\n向至到]{2,30}?)\s*(?:的)?(?:版本)?(?:迁移|切换|升级|过渡)/gu,
    example: '请参照迁移指引完成SDK V1/V2至SDK V3版本切换。',
    want: ['SDK V3'],
    source: 'volcengine-ark-sdk-v1v2-2024.yaml',
  },
  {
    id: 'replace:with',
    role: 'replacement',
    pattern: /(?:以|用)(?![下上及便免后前内外于户])[ \t]*([^,。;\n以用]{2,20}?)[ \t]*(?:替换|替代|取代)/gu,
    example: '微信支付将于2025年9月26日在DNS解析中以新IP替换旧IP。',
    want: ['新IP'],
    source: 'wechat-pay-ip-2025.yaml',
  },
  {
    id: 'replace:by',
    role: 'replacement',
    pattern: /(?:由|被)\s*([^,。;\n由被]{2,30}?)\s*(?:系列)?(?:取代|替代|接管|承接|代替)/gu,
    example: '用户数据将暂时由阿里云邮箱接管。',
    want: ['阿里云邮箱'],
    source: 'after china-yahoo-mail-2013.yaml',
  },
  {
    id: 'replace:provided-by',
    role: 'replacement',
    pattern: /由\s*(?:全新|新)的?(?:接口|版本|服务|API)?\s*([^,。;\n由]{2,40}?)\s*(?:提供|承接|承载)/gu,
    example:
      '届时会下线接口 DescribeDBZoneConfig,并由全新接口 DescribeCdbZoneConfig 提供数据库可售卖规格查询的能力。',
    want: ['DescribeCdbZoneConfig'],
    source: 'tencent-mysql-zoneconfig-2022.yaml',
  },
  {
    id: 'replace:new-is',
    role: 'replacement',
    pattern: new RegExp(
      `(?:(?:替代|替换|推荐)(?:方案|产品|接口)|新(?:的)?(?:入口|地址|接口|版本|页面|域名|产品|服务))(?:为|是)\\s*${NAME}${REPLACEMENT_END}`,
      'gu',
    ),
    example: '“推广位管理”接口将于2026年3月15日下线,替代方案为“媒体管理”接口。',
    want: ['媒体管理'],
    source: 'issue 19 (替代方案)',
  },
  {
    id: 'replace:new-quoted',
    role: 'replacement',
    pattern: /[“「]([^“”「」\n]{2,30})[”」]\s*(?:新接口|新版|新版本|新服务)/gu,
    example: '该接口即将下线,“查询云服务类型列表”新接口请参考查询云服务类型列表。',
    want: ['查询云服务类型列表'],
    source: 'huawei-bss-service-types-old-api.yaml',
  },
  {
    id: 'replace:label',
    role: 'replacement',
    pattern:
      /(?:^|\n)\s*(?:[-•●*]\s*)?(?:取代为|替换为|替代为|替代方案|替代产品|替代品|替代接口|推荐替换方案|推荐替代方案|替代模型|新接口)[ \t]*:[ \t]*([^\n]{2,60})/gu,
    example: '- 生命週期:舊版\n- 取代為:Places API (新版)',
    want: ['Places API (新版)'],
    source: 'google-places-api-legacy-2026.yaml',
  },
];

// A cue preceded by one of these is negated: 无需再使用 X, 不支持使用 X, 不再推荐.
// So is one that says a product stays in use (仍可使用 LINE Pay 付款).
const NEGATED = /(?:无需再?|不再|不|勿|无法|禁止|停止|不要|别|仍然?|依然|照常|继续)\s*$/u;

/** 是…替代方案: the sentence's subject is the replacement (X 可全面覆盖…,是官方推荐替代方案). */
const IS_ALTERNATIVE =
  /(?:是|为|作为)[^,。;\n]{0,16}?(?:替代方案|替代品|替代产品|替代服务|替代接口)|是[^,。;\n]{0,50}的(?:建议|推荐)(?:使用)?的?\s*\S/u;

function replacementCues(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const row of SOURCES) {
    row.pattern.lastIndex = 0;
    for (const m of text.matchAll(row.pattern)) {
      if (NEGATED.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
      // A document title (请参阅「从 v1beta 迁移至 v1」) names a page, not a move.
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      const open = before.lastIndexOf('「');
      if (
        open !== -1 &&
        !before.includes('」', open) &&
        /(?:参阅|参见|详见|请见|参考)\s*$/u.test(before.slice(0, open))
      )
        continue;
      // The product's own page says how it is used (该接口可以使用…调用): no replacement.
      if (
        /(?:该|此|本)\s*(?:接口|产品|功能|服务|API|SDK|方法)\s*$/u.test(
          text.slice(Math.max(0, m.index - 8), m.index),
        )
      )
        continue;
      out.push(...named(m[1]!, 'replacement', row.id, m.index));
    }
  }
  for (const s of sentenceSpans(text)) {
    const sentence = text.slice(s.start, s.end);
    if (!IS_ALTERNATIVE.test(sentence)) continue;
    const m = /^(.{2,60}?)\s*(?:可|能|将|是|为|已|在|,)/u.exec(sentence.trim());
    if (m) out.push(...named(m[1]!, 'replacement', 'replace:is-alternative', s.start));
  }
  return out;
}

function named(phrase: string, role: NameRole, source: string, at: number, fromList = false): Candidate[] {
  const quoted = [...phrase.matchAll(QUOTED)].map((q) => q[1]!);
  // 推荐旗下另外一款群聊 App「Squirrel」: the quoted name is the name. An item of a list or
  // table is one name as given (ProxyV2 和 TargetV2 指標).
  const parts = fromList
    ? [phrase]
    : quoted.length === 1 && !/^[“”"「《]/u.test(phrase.trim())
      ? quoted
      : splitList(phrase);
  return parts.map((name) => {
    const t = tidyName(name, fromList);
    const rejected = rejectedBy(t, role, fromList);
    return { name: t, role, source, at, ...(rejected ? { rejected } : {}) };
  });
}

// ── Lists and tables ─────────────────────────────────────────────────────────────────────────

const DATED = /\d{4}\s*[年\-/.]|月.{0,3}日|\d{1,2}:\d{2}/u;
const RETIRE_WORD =
  /下线|停售|停止|下架|退市|停用|淘汰|废弃|移除|回收|关闭|中止|终止|退役|暂停|取代|涉及|影响范围|待下线/u;
const LIST_HEADING = new RegExp(
  `(?:${RETIRE_WORD.source}).{0,16}(?:清单|列表|名单|接口|API|内容|产品|模型|如下|以下|范围|枚举值|规格|字段|类目|功能|版本|能力|SDK)|(?:${RETIRE_WORD.source})[^。]{0,30}:\\s*$`,
  'iu',
);
const REPLACE_HEADING =
  /(?:切换|迁移|替换|改用|升级)(?:至|到|为|成)?(?:下述|以下|如下|下列)|(?:替代|替换|推荐)(?:方案|接口|产品)\s*:?\s*$/u;
// A reference back to a list or table: 以上接口, 上述能力.
const POINTS_BACK = /(?:以上|上述|上表|前述)(?:所列的?)?(?:接口|API|能力|功能|产品|字段|模型|服务|版本)/u;

function itemNames(items: string[], role: NameRole, source: string, at: number): Candidate[] {
  return items.flatMap((item) => {
    // 获取动态商品图片模板接口:dynamic_ad_image_templates/get: the identifier after the label.
    const labelled = /^[^:]{2,30}:\s*([A-Za-z][\w./:-]+)$/u.exec(item);
    return named(labelled ? labelled[1]! : item, role, source, at, true).filter((c) => c.name !== '');
  });
}

interface Structures {
  products: Candidate[];
  replacements: Candidate[];
  /** Line numbers where a product list or table starts, and the lines it covers. */
  starts: number[];
  covered: [number, number][];
}

function structures(lines: string[], lineAt: number[]): Structures {
  const products: Candidate[] = [];
  const replacements: Candidate[] = [];
  const starts: number[] = [];
  const covered: [number, number][] = [];
  const pointedAt = (last: number) =>
    lines.slice(last + 1, last + 3).some((l) => POINTS_BACK.test(l) && RETIRE_WORD.test(l));

  for (const run of listRuns(lines)) {
    const at = lineAt[run.first]!;
    // A run of dated or long items is a schedule, not a list of names.
    const schedule =
      run.kind === 'marked' &&
      run.items.some(
        (it) =>
          /[\u4e00-\u9fff]/u.test(it) &&
          (DATED.test(it) || it.replace(/[(（][^()（）]*[)）]/gu, '').length > 60),
      );
    if (REPLACE_HEADING.test(run.heading) && !schedule) {
      replacements.push(...itemNames(run.items, 'replacement', 'list:replacements', at));
      continue;
    }
    const retiring =
      run.kind === 'identifiers'
        ? lines.slice(Math.max(0, run.first - 4), run.first).some((l) => RETIRE_WORD.test(l))
        : LIST_HEADING.test(run.heading) &&
          (/:\s*$/u.test(run.heading) || /[•●·▪◦*-]/u.test(lines[run.first]!.trim()[0] ?? ''));
    if ((retiring || pointedAt(run.last)) && !schedule) {
      products.push(...itemNames(run.items, 'product', `list:${run.kind}`, at));
      starts.push(run.first);
      covered.push([run.first, run.last]);
    }
  }

  // 下线接口: x (a label line names what retires).
  lines.forEach((line, i) => {
    const m =
      /^\s*(?:\d{1,2}[.、)]\s*)?(?:下线|停用|停售|废弃|待下线|涉及下线|停止)的?(?:接口|API|字段|产品|功能|能力|模型|服务|范围|对象|规格|实例|版本)\s*:\s*([^\n]{2,200})$/iu.exec(
        line,
      );
    if (m) {
      products.push(...named(m[1]!, 'product', 'list:label', lineAt[i]!));
      starts.push(i);
    }
  });

  for (const table of pipeTables(lines)) {
    const t = tableNames(table, lines);
    const at = lineAt[table.first]!;
    for (const name of t.products) products.push(...named(name, 'product', 'table:name', at, true));
    for (const name of t.replacements)
      replacements.push(...named(name, 'replacement', 'table:replacement', at, true));
    if (t.products.length > 0) {
      starts.push(table.first);
      covered.push([table.first, table.last]);
    }
  }
  // A table without bars under a heading that retires it (涉及的数据权限如下:): when its first
  // column is merged over rows, each of its cells names a group, and the groups are what the
  // heading lists (热点视频数据 over its scopes; douyin-data-permissions-2024.yaml).
  for (const table of barlessTables(lines)) {
    const heading = lines[table.first - 1]!;
    if (!(LIST_HEADING.test(heading) || pointedAt(table.last))) continue;
    if (!table.rows.some((r) => r[0] === '')) continue;
    const groups = table.rows.map((r) => r[0]!).filter((c) => c !== '');
    products.push(...itemNames(groups, 'product', 'table:groups', lineAt[table.first]!));
    starts.push(table.first);
    covered.push([table.first, table.last]);
  }
  return { products, replacements, starts, covered };
}

/**
 * The name column of a table that retires its rows (a 下线时间, 停用日期 or 日落 column, or 以上接口
 * said of it after), and its 替代 column; a table of changes with only 生效日期 gives the rows
 * that say they retire something.
 */
function tableNames(table: Table, lines: string[]): { products: string[]; replacements: string[] } {
  const { header, rows } = table;
  const nameAt = header.findIndex(
    (c) =>
      /名称|^接口|^产品|模型$|^功能$|标题|^项目$|^API$|^服务$/u.test(c) &&
      !/替代|替换|迁移|建议|英文/u.test(c),
  );
  const replaceAt = header.findIndex((c) => /替代|替换|迁移|建议|取代/u.test(c));
  const retiring =
    header.some((c) => /下线|停售|停用|日落|退役|淘汰|移除|关闭|替代|替换|迁移/u.test(c)) ||
    lines.slice(table.last + 1, table.last + 3).some((l) => POINTS_BACK.test(l) && RETIRE_WORD.test(l));
  const products: string[] = [];
  const replacements: string[] = [];
  if (nameAt === -1 || !(retiring || header.some((c) => /生效|变更/u.test(c))))
    return { products, replacements };
  for (const row of rows) {
    if (!retiring && !RETIRE_WORD.test(row.join(' '))) continue;
    const name = row[nameAt] ?? '';
    if (name.length >= 2) products.push(name);
    const instead = replaceAt === -1 ? '' : (row[replaceAt] ?? '');
    if (instead.length >= 2 && !/^[–—-]+$|下线/u.test(instead)) replacements.push(instead);
  }
  return { products, replacements };
}

// ── Selection ────────────────────────────────────────────────────────────────────────────────

// A phrase that sums up a list (部分接口, 以下API, 下列…模型): the list names them one by one.
const SUMMARY = /(?:^|的)(?:以下|下列|下述|如下|下表所示的?|上述|以上|部分|若干|一些|多个|\d+个)/u;

/** Names a sentence gives for its retirement verbs: the one after `from` first, else the nearest. */
function sentenceNames(text: string, sentence: Span, dates: Span[], from = sentence.start): string[] {
  const verbs = verbsIn(text, sentence);
  if (verbs.length === 0) return [];
  const clauses = clauseSpans(text, sentence);
  const clause = clauses[spanIndexAt(clauses, from)];
  const inClause = (v: Verb) => clause !== undefined && v.index >= clause.start && v.index < clause.end;
  const order = [
    ...verbs.filter((v) => v.index >= from && inClause(v)),
    ...verbs.filter((v) => v.index < from && inClause(v)).reverse(),
    ...verbs.filter((v) => v.index >= from && !inClause(v)),
    ...verbs.filter((v) => v.index < from && !inClause(v)).reverse(),
  ];
  for (const verb of order.slice(0, MAX_VERBS)) {
    const names = verbNames(text, clauses, verb, dates);
    if (names.length > 0) return names;
  }
  return [];
}

/** A bullet or numbered item (lists.ts's markers); a 一、 line heads a section instead. */
const itemOf = (line: string) => {
  const item = listItem(line);
  return item && (item.marker === 'bullet' || item.marker === 'number') ? item : null;
};

/**
 * The line that heads a run of items, for an item on `line` that labels a date (- 停服日期:
 * 2026-09-01); null when there is none.
 */
function headingAbove(lines: string[], line: number): string | null {
  if (!/^[^:,。;]{1,12}:/u.test(itemOf(lines[line]!)?.rest ?? '')) return null;
  for (let k = line - 1; k >= 0 && k >= line - 8; k--) {
    const above = lines[k]!.trim();
    if (above === '' || itemOf(above)) continue;
    // A section's heading (二、服务调整时间节点) names the schedule, not a product.
    if (above.length > 40 || listItem(above) || /[。,;:!?]|时间|节点|日期|安排|计划/u.test(above))
      return null;
    const name = tidyName(above);
    return rejectedBy(name, 'product') === null ? name : null;
  }
  return null;
}

// What a closure stops on the way (关闭充值, 关闭新用户注册, 游戏服务器关闭) is part of the product
// named beside it, not another one.
const PART = /^(?:[^,。;\s]{0,6}(?:充值|储值|注册|服务器|下载|登录|客服|官网|论坛)[^,。;\s]{0,4})$/u;

/** How names compare: spaces, quotes and case aside (买家旺旺 and “买家旺旺” are one name). */
const nameKey = (n: string) => n.replace(/[\s“”"「」《》]/gu, '').toLowerCase();

/** An API's or a field's name: taobao.item.get, user_info, DescribeDBZoneConfig. */
const IDENTIFIER = /^[A-Za-z][\w.:/-]*(?:[._/][\w.:/-]+|[a-z][A-Z]\w*)$/u;

/** The one quoted name of a title that also says something retires, or null. */
function quotedInTitle(title: string): string | null {
  const quoted = [...title.matchAll(QUOTED)];
  if (quoted.length !== 1 || verbsIn(title, { start: 0, end: title.length }).length === 0) return null;
  const name = tidyName(quoted[0]![1]!);
  return rejectedBy(name, 'product') === null ? name : null;
}

export interface Names {
  products: string[];
  replacements: string[];
}

/**
 * Products and replacements of a notice. `dated`: where the milestones are (extract.ts);
 * `dates`: every date phrase, so that a subject never keeps one.
 */
export function extractNames(text: string, dated: DatedClause[], dates: Span[], kind: Kind): Names {
  const lines = text.split('\n');
  const lineAt = lineStarts(text);
  const found = structures(lines, lineAt);
  const sentences = sentenceSpans(text);
  // The first line, when it is short, no sentence, and more follows: a title repeats the body.
  const titleEnd = text.indexOf('\n');
  const titled =
    titleEnd !== -1 &&
    titleEnd <= 60 &&
    !/[。,]/u.test(text.slice(0, titleEnd)) &&
    text.slice(titleEnd).trim() !== '';
  const isTitle = (s: Span) => titled && s.start < titleEnd && s.end <= titleEnd;

  // Each name with the line it came from and the sentence (its group: one enumeration).
  const fromDated: { name: string; line: number; group: number }[] = [];
  for (const d of dated) {
    if (!d.retires) continue;
    const sentence = sentences[spanIndexAt(sentences, d.index)];
    if (!sentence || isTitle(sentence)) continue;
    const line = lineOf(lineAt, sentence.start);
    // - 停服日期: 2026-09-01 under a line of its own: the date is that line's (Android SDK v4).
    const heading = headingAbove(lines, line);
    if (heading !== null) {
      fromDated.push({ name: heading, line, group: sentence.start });
      continue;
    }
    // A row of a list or table read above is not read again as a sentence.
    if (found.covered.some(([a, b]) => line >= a && line <= b)) continue;
    let names = sentenceNames(text, sentence, dates, d.index);
    // 现推迟至2023年2月8日正式下线: no subject of its own; the sentence before names it. One that
    // points back to a list (上述版本已於…停止支援) names what the list names.
    const k = spanIndexAt(sentences, sentence.start);
    const own = text.slice(sentence.start, sentence.end);
    if (names.length === 0 && k > 0 && !isTitle(sentences[k - 1]!) && !POINTS_BACK.test(own))
      names = sentenceNames(text, sentences[k - 1]!, dates);
    for (const name of names) fromDated.push({ name, line, group: sentence.start });
  }

  let products: string[];
  const listed = found.products.filter((c) => !c.rejected).map((c) => c.name);
  if (listed.length > 0) {
    // The sentence that introduces a list (within three lines above it) sums it up.
    const introduces = (line: number) => found.starts.some((s) => s > line && s - line <= 3);
    products = [
      ...listed,
      ...fromDated.filter((c) => !SUMMARY.test(c.name) && !introduces(c.line)).map((c) => c.name),
    ];
  } else if (fromDated.length > 0) {
    products = fromDated.map((c) => c.name);
  } else {
    products = [];
    const ordered = [...sentences.filter(isTitle), ...sentences.filter((s) => !isTitle(s))];
    for (const s of ordered) {
      if (/(?:通知|公告|预告)\s*$/u.test(text.slice(s.start, s.end)) && !isTitle(s)) continue;
      const names = sentenceNames(text, s, dates);
      if (names.length > 0) {
        products = names;
        break;
      }
    }
  }
  products = unique(products.map((p) => p.replace(/^(?:以下|下列|下述|上述|以上)\s*/u, '')));
  // A title that quotes what retires (《哈瓦那战纪》停止营运公告, 关于下线“X”的通知) names the notice's
  // product: body names that neither hold it nor sit in it are parts of it or clauses, unless
  // the body names an identifier (“用户基础信息”旧接口 is user_info).
  const fromTitle = titled && listed.length === 0 ? quotedInTitle(text.slice(0, titleEnd)) : null;
  if (fromTitle !== null && !products.some((p) => IDENTIFIER.test(p))) {
    // Brackets aside too: 京东快递次日达(部分线路) is 京东快递次日达部分线路.
    const k = (n: string) => nameKey(n).replace(/[()（）]/gu, '');
    const agree = products.filter((p) => k(p).includes(k(fromTitle)) || k(fromTitle).includes(k(p)));
    products = agree.length > 0 ? agree : [fromTitle];
  }
  if (kind === 'policy' || kind === 'info') products = [];
  if (products.some((p) => !PART.test(p))) products = products.filter((p) => !PART.test(p));
  // A name the text also gives in full (买家旺旺 beside 1688买家旺旺) is the same product; a
  // list keeps its items as they are (ModifyEnsService beside ModifyEnsServiceAttribute).
  const groupOf = new Map<string, number>();
  for (const c of fromDated) if (!groupOf.has(c.name)) groupOf.set(c.name, c.group);
  products = products.filter(
    (p) =>
      listed.includes(p) ||
      !products.some((q) => q !== p && nameKey(q).includes(nameKey(p)) && groupOf.get(q) !== groupOf.get(p)),
  );

  // What the text says replaces a product; else what it implies (新版X beside a retiring 旧版X).
  const said = chooseReplacements(
    [...found.replacements, ...replacementCues(text)].filter((c) => !c.rejected),
    products,
  );
  const replacements = unique(said.length > 0 ? said : chooseReplacements(pairs(text, products), products));
  return { products, replacements };
}

// What may follow a name: a mark, or a verb that takes it (新版控制台进行资源管理).
const ENDS_NAME = /^(?:[\s,。;:、!?)）”」]|$|进行|已|将|中|上|查看|使用|替代|取代|来)/u;
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** 旧版X retires and the text names 新版X (or X(旧) and “X”): 新版X replaces it. */
function pairs(text: string, products: string[]): Candidate[] {
  const out: Candidate[] = [];
  // 舊版「我的拍賣」 beside 新版「我的拍賣」; 美团商家端“老版装修” beside 新版装修.
  for (const p of products.flatMap((q) => [q, q.replace(/[“”"「」《》]/gu, '')])) {
    const m = /^(.*?)(旧版本|旧版|老版|旧的|旧|老)(.+)$/u.exec(p) ?? /^(.+?)\s*[(（]旧(?:版)?[)）]$/u.exec(p);
    if (!m) continue;
    const family = m.length === 4 ? m[1]! : '';
    const variants =
      m.length === 4
        ? [`新版本${m[3]}`, `新版${m[3]}`, `新的${m[3]}`, `新${m[3]}`]
        : [`${m[1]}(新版)`, `“${m[1]}”`];
    // 旧IP beside 新IP; BCC旧版控制台 beside 新版控制台 (the family name left out), when that is a
    // mention of its own: not 最新版本模型, not 新版本API接口指导文档.
    const mention = (v: string, own: boolean) =>
      [...text.matchAll(new RegExp(literal(v), 'gu'))].find(
        (x) =>
          !/[最更较全]$/u.test(text.slice(0, x.index)) &&
          (!own || ENDS_NAME.test(text.slice(x.index + v.length))),
      )?.index;
    for (const [v, at] of [
      ...variants.map((v) => [family + v, mention(family + v, false)] as const),
      ...(family === '' ? [] : variants.map((v) => [v, mention(v, true)] as const)),
    ]) {
      if (at === undefined) continue;
      out.push({ name: tidyName(v), role: 'replacement', source: 'pair:old-new', at });
      break;
    }
  }
  // V1 版本的X beside V2 版本的X: the same name at a later version.
  for (const p of products) {
    const m = /^(.*?)([Vv])(\d{1,2})((?:\.(?:\d+|x))*)(.*)$/u.exec(p);
    // Amazon Lex V1 beside Amazon Lex V2: a name around the version on one side at least.
    if (!m || (m[5]!.trim() === '' && m[1]!.trim() === '')) continue;
    const later = new RegExp(
      `${literal(m[1]!)}[Vv](?:${[1, 2, 3, 4, 5].map((k) => Number(m[3]) + k).join('|')})(?:\\.(?:\\d+|x))*${m[5]!.trim() === '' ? '(?![\\w.])' : literal(m[5]!)}`,
      'u',
    ).exec(text);
    if (later)
      out.push({ name: tidyName(later[0]), role: 'replacement', source: 'pair:version', at: later.index });
  }
  return out;
}

/** A replacement never names the retiring product; a name made of kind words yields to a real one. */
function chooseReplacements(candidates: Candidate[], products: string[]): string[] {
  const retired = products.map(nameKey);
  const left = candidates.filter((c) => c.name !== '' && !retired.includes(nameKey(c.name)));
  const vague = (s: string) =>
    /^(?:(?:新|新的|最新|最新的|较新|较新的|更新的|其他|对应|相应)\s*)+(?:产品|功能|服务|接口|能力|版本|模型|API|SDK|模型服务|接口服务|版)$/iu.test(
      s.trim(),
    );
  const specific = left.filter((c) => !vague(c.name));
  return (specific.length > 0 ? specific : left).map((c) => c.name);
}

/** Every candidate the finder considered, with the row that rejected it: for tests and tracing. */
export function candidatesOf(text: string): Candidate[] {
  const lines = text.split('\n');
  const found = structures(lines, lineStarts(text));
  return [...found.products, ...found.replacements, ...replacementCues(text)];
}

export function extractGrandfather(text: string): string | null {
  const sentences = sentenceSpans(text).map((s) => text.slice(s.start, s.end).trim());
  const first =
    sentences.find((s) => /不受[^。,]{0,8}影响|仍可|仍然可以/u.test(s)) ??
    sentences.find((s) => /继续/u.test(s) && !/继续调用[^。]*(?:报错|失败|无法)/u.test(s));
  return first ? first.slice(0, 1000) : null;
}

// Words that stop something for good: what makes a notice a retirement (暂停 only pauses).
const FOR_GOOD =
  /下线|停售|(?<!暂时|短暂)停止服务|下架|下市|退市|(?<!暂)停服|(?<!暂时|短暂)停用|(?<!暂)停运|关停|淘汰|退役|回收|收回|结束(?:营运|运营|营业|服务)|由[^,。;由]{1,30}?(?:取代|替代)/u;

export function detectKind(text: string, milestoneActions: readonly string[]): Kind {
  if (/取消下线|不再下线|暂停下线|撤回下线/u.test(text)) return 'cancel';
  // A pause for a day or a period (暂停) is an arrangement, not a retirement, unless it lasts
  // until further notice or something also stops for good; so is a notice that opens with 恢复.
  const opening = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  // Words that end something whatever pause is spoken of beside them.
  const ends = /终止|废弃|裁撤|移除|不再(?:提供|支持)/u.test(text);
  // So are the closures of a holiday (春节连续假期…停止营业) and of maintenance (系统维护期间短暂停用).
  const paused =
    /暂停|恢复|(?:春节|农历新年|国庆|元旦|中秋|端午|清明)(?:连续)?(?:假期|连假)|连续假期|短暂(?:停用|停止|中断)|暂时(?:停止|关闭|中断|停用)|(?:维护|升级)(?:工作)?期间/u.test(
      text,
    ) &&
    !FOR_GOOD.test(text) &&
    !ends &&
    !/直至另行通知|无限期/u.test(text);
  // A stop with its resumption in view (恢复时间将根据天气情况实施, 会逐步恢复) is a pause too; and a
  // notice that denies a closure (辟谣, 消息不准确) announces none.
  const resumes =
    /恢复(?:时间|服务|配送|营业|正常|运营|上线|受理)|逐步恢复/u.test(text) &&
    !ends &&
    !/永久|彻底/u.test(text);
  const denies = /辟谣|谣言|不实(?:消息|信息|传言)?|消息不准确|并非事实|不属实/u.test(text.slice(0, 300));
  if (paused || resumes || denies || /恢复/u.test(opening)) return 'info';
  // 截止时间调整至…, 下线日期延长至…: a milestone moved.
  if (/推迟|延期|延迟|延后|顺延|(?:时间|日期)(?:调整|延长|更改)(?:至|为)/u.test(text)) return 'postpone';
  // Governance and eligibility notices (治理, 资格, 违规) are rules, even when they take things down.
  // So is a new scheme put in force (实施帐户停权新制), and a notice whose title says a rule
  // takes effect (爱奇艺条款正式生效).
  // …unless the title says a feature, a service or a category goes (个护家清行业批量销售功能下线的公告).
  const retiresInTitle =
    /(?:功能|服务|工具|类目|产品|接口|入口|版本)[”"」]?[^,。;\n]{0,4}?(?:下线|停用|关停|关闭|下架|停止服务)/u.test(
      opening,
    );
  if (
    /(?:条款|规定|办法|规则|规范|政策)[^,。;\n]{0,6}?(?:正式)?(?:生效|施行|实施)/u.test(opening) ||
    (!retiresInTitle &&
      /治理|违规|(?:用户|商家|参与|报名|准入|经营|入驻|购买|订购)资格|资格(?:要求|标准|审核|条件)|新制(?!度)|实施[^,。;\n]{0,12}(?:新制度|新措施|新规)/u.test(
        text,
      ))
  )
    return 'policy';
  if (
    milestoneActions.some((a) => a !== 'policy-effective') ||
    FOR_GOOD.test(text) ||
    /关闭|终止|废弃|不再(?:支持|支援|提供|接受)|停止(?:支持|支援|提供|使用)|移除|过期|不支持|无法再?支持|停止维护|不再(?:更新)?维护|已经?不维护|不在维护/u.test(
      text,
    )
  )
    return 'retire';
  if (milestoneActions.length > 0 || /规则调整|政策调整/u.test(text)) return 'policy';
  return 'info';
}

function unique(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of list) {
    const key = nameKey(item);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}
