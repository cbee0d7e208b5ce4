// Products, replacements, the grandfather clause and the kind of a notice (issue 6, part 3).
// Products come, in this order of trust, from a bulleted list under a 下线清单 heading, from
// names in “” 「」 【】 《》 in a sentence about retiring, and otherwise from the subject or
// object of the sentence that carries a retirement date.
import type { Kind } from '../notice/schema.ts';
import { cleanPiece, clauseSpans, sentenceSpans, spanAt, spanIndexAt, type Span } from './text.ts';

const RETIRE_HINT =
  /下线|停售|停止|停服|下架|关闭|退市|下市|终止|裁撤|剔除|迁移合并|停用|关停|淘汰|退役|暂停/u;

// Bracketed words that label a notice rather than name a product.
const NOT_A_NAME =
  /^(?:重要|公告|通知|变更|预告|产品变更|下线公告|下线通知|停售公告|更新|提醒|紧急|注意|阿里云|腾讯云|华为云|百度智能云|火山引擎|以实际变更时间为准|.*(?:规则|公告|通知|指南|指引|手册|文档|说明|协议|规范|办法|法|条款|政策)|设置-反馈)$/u;

// Objects too generic to be a product name on their own.
const GENERIC =
  /^(?:该|此|本|其|上述|以下|下述|相关|全部|所有|部分)?(?:产品|功能|服务|接口|控制台|页面|入口|能力|版本|模型|资源|数据|API|处理|使用|支持|通知|公告|操作|业务|该功能|该产品)?$/iu;

/** Splits a list joined by 、 和 以及 (及 alone often sits inside a name, so it is left). */
export function splitList(text: string): string[] {
  return text
    .split(/、|以及|和|,/u)
    .map((p) => tidyName(p))
    .filter((p) => p.length >= 2 && !GENERIC.test(p) && !NOT_A_PRODUCT.test(p));
}

// Dates, audiences (对于存量用户…停止服务) and action phrases (停止新用户接入) are not products.
const NOT_A_PRODUCT =
  /^[\d\s年月日号:.\-/、]+$|(?:用户|商家|客户|开发者|卖家|买家)$|^(?:新用户|新购|售卖|销售|新接入|服务|使用|支持|提供|返回|更新|维护|发布|截止)|^(?:适用|营运|运营|开放|接入)$/u;

/** Trims the filler around a name: 等, 共N个接口, parentheticals, leading 同时/原/并. */
export function tidyName(raw: string): string {
  // A leading tag (【重要】, 【公告】) labels the notice, not the name.
  let s = cleanPiece(raw).replace(/^(?:【[^】\n]{0,10}】\s*)+/u, '');
  s = s.replace(/\((?:[^()]*)\)|（[^（）]*）/gu, ' ');
  // A label such as 变更事项: is dropped, unless what follows is only numbers (联盟规格:10、59…),
  // which the label then names.
  const labelled = /^([^:]{1,8}):\s*(.*)$/su.exec(s);
  if (labelled) s = /^[\d\s、,.]+(?:预计|计划|将)?$/u.test(labelled[2]!) ? labelled[1]! : labelled[2]!;
  s = s.replace(
    /^(?:同时|此外|另外|目前|现|届时|并且?|且|其中|即日起|自即日起|从即日起|原|对于|对|计划将|预计将|将|我们|平台|请)\s*/u,
    '',
  );
  s = s.replace(/^(?:同时|原)\s*/u, '');
  s = s.replace(/(?:等)?(?:共)?\d+个[^、,]{0,6}$/u, '');
  s = s.replace(/(?:的)?(?:支持工作|支持|相关能力)$/u, '');
  s = s.replace(/\s*(?:都|也|均|等|将|会|将会|预计|计划)$/u, '');
  // A reporting verb is not part of the name: 香港邮政表示, 中国雅虎宣布, 平台今日.
  s = s.replace(/\s*(?:今日|今天|日前|近日|表示|宣布|宣布将|称|指出|公告称)$/u, '');
  s = s.replace(/[“”"「」【】《》]/gu, '');
  // What the sentence goes on with after the name: 已(正式)淘汰, 由, an unclosed bracket.
  s = s.replace(
    /\s*(?:(?:已|已经|将|将于|早在|曾)?(?:正式)?(?:淘汰|下线|停用|停止服务))?\s*(?:已|已经|由|自|从|于|早在|曾)?\s*[(（]?$/u,
    '',
  );
  return s.replace(/\s+/gu, ' ').trim();
}

function bulletProducts(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const heading = lines[i]!;
    const listWords =
      /(?:下线|停售|停止|下架|退市|涉及).{0,12}(?:清单|列表|接口|内容|产品|模型|如下|范围|枚举值|规格|字段|类目|功能)/u;
    if (!listWords.test(heading)) continue;
    // Numbered items count only under a heading that announces a list (ends with a colon).
    const marker = /:\s*$/u.test(heading) ? /^(?:[•●·▪◦*-]|\d{1,2}[.、)])/u : /^[•●·▪◦*-]/u;
    const items: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!.trim();
      if (line === '') continue;
      if (!marker.test(line)) break;
      items.push(line);
    }
    // A bulleted list of dated steps is a schedule, not a list of products.
    if (
      items.length === 0 ||
      items.some((it) => /\d{4}|月.{0,3}日|\d{1,2}:\d{2}/u.test(it) || it.length > 60)
    )
      continue;
    out.push(...items.map((it) => cleanPiece(it)).filter((it) => it.length >= 2));
  }
  return out;
}

// Sloppy notices close “ with another “ (“艺术品“) or open with ” (”文玩”): any curly quote ends a name.
const QUOTED =
  /[“”]([^“”\n]{1,40})[“”]|"([^"\n]{1,40})"|「([^」\n]{1,40})」|【([^】\n]{1,40})】|《([^》\n]{1,40})》/gu;

function quotedProducts(text: string, sentences: Span[]): string[] {
  const out: string[] = [];
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    if (!RETIRE_HINT.test(sentence)) continue;
    QUOTED.lastIndex = 0;
    for (let m = QUOTED.exec(sentence); m; m = QUOTED.exec(sentence)) {
      const name = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').trim();
      if (m[4] !== undefined) {
        // 【阿里云】【CDN】【…的通知】 is a chain of tags, not names.
        const prev = sentence[m.index - 1];
        const next = sentence[m.index + m[0].length];
        if (prev === '】' || next === '【') continue;
      }
      if (name.length < 2 || NOT_A_NAME.test(name)) continue;
      // “X” right after 迁移至 / 合并于 / 改用 … names the replacement, not a retiring product.
      if (/(?:至|于|到|为|成|改用|使用|选择)\s*$/u.test(sentence.slice(Math.max(0, m.index - 6), m.index)))
        continue;
      out.push(name);
    }
  }
  return out;
}

const VERB = '(?:下线|停售|停止|下架|关闭|退市|停服|终止|停用|关停|淘汰|退役|暂停)';
const OBJECT_AFTER_VERB = new RegExp(
  `${VERB}(?:[、和及](?:调整|下线|停售|升级))?(?:了)?\\s*([^,。;:\\n]{2,60})`,
  'u',
);
const SUBJECT_BEFORE = /^(.{2,60}?)\s*(?:将会|将要|将|会|计划|预计|拟|于|在|不再|停止)/u;
const BARE_RETIRE = /^(.{2,40}?)(?:正式)?(?:下线|停售|下架|退市|下市)$/u;

/** The product named by the clause that carries a retirement date. */
function subjectOfClause(text: string, clauses: Span[], index: number, dateIndex: number): string[] {
  const clause = clauses[index]!;
  const own = text.slice(clause.start, clause.end);
  const afterDate = text.slice(Math.max(clause.start, dateIndex), clause.end);
  const object = OBJECT_AFTER_VERB.exec(afterDate);
  if (object) {
    const names = splitList(object[1]!.replace(/(?:进行|的)?(?:下线|停售|处理|调整)$/u, ''));
    if (names.length > 0 && !/^(?:并|后|时|以|前|处理|服务)/u.test(object[1]!)) return names;
  }
  // "计划于2019-10-15,下线X": the date closes its clause and the next one opens with the verb.
  const nextClause = clauses[index + 1];
  if (nextClause && clause.end - Math.max(clause.start, dateIndex) < 24) {
    const next = cleanPiece(text.slice(nextClause.start, nextClause.end));
    const verbFirst = new RegExp(`^${VERB}\\s*([^,。;:\\n]{2,60})`, 'u').exec(next);
    const names = verbFirst ? splitList(verbFirst[1]!) : [];
    if (names.length > 0) return names;
    // "自2024年2月29日起,AzureRM PowerShell 模组已正式淘汰": the next clause names its subject.
    const beforeDate = text.slice(clause.start, Math.max(clause.start, dateIndex)).trim();
    const subjectFirst = new RegExp(
      `^(?![将已会均都也正式全])(.{2,40}?)\\s*(?:已|已经|将|将会|会|均|都|也)?\\s*(?:正式|全面|逐步|陆续)?\\s*${VERB}`,
      'u',
    ).exec(next);
    const subjects =
      subjectFirst && /^(?:自|从|由)?$/u.test(beforeDate) && !/\d\s*[年月日]/u.test(subjectFirst[1]!)
        ? splitList(subjectFirst[1]!)
        : [];
    if (subjects.length > 0) return subjects;
  }
  const beforeDate = text.slice(clause.start, Math.max(clause.start, dateIndex));
  const subject = tidyName(
    beforeDate.replace(/(?:将会|将要|将|会|计划|预计|拟|于|在|自|从|定于|北京时间|\s)+$/u, ''),
  );
  // An audience ("对于存量用户预计…停止服务") is not the subject that retires: no product here.
  if (/(?:用户|商家|客户|开发者)$/u.test(subject)) return [];
  if (subject.length >= 2 && !GENERIC.test(subject)) return splitList(subject);
  // "并将于…下线": the subject is in the clause before.
  for (let k = index - 1; k >= 0 && k >= index - 2; k--) {
    const prev = text.slice(clauses[k]!.start, clauses[k]!.end);
    // A clause with its own date has its own subject; it does not lend it to this one.
    if (/\d\s*[年月]|\d{4}[-/.]\d/u.test(prev)) break;
    const m = SUBJECT_BEFORE.exec(cleanPiece(prev));
    const names = splitList(m ? m[1]! : prev);
    if (names.length > 0 && !/调整|为了|由于|因/u.test(prev.slice(0, 4))) return names;
  }
  void own;
  return [];
}

/** Products from sentences that say something will be retired, when no date sentence names one. */
function fallbackSubjects(text: string, sentences: Span[]): string[] {
  const clauses: string[] = [];
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    if (/(?:通知|公告|预告)\s*$/u.test(sentence)) continue;
    for (const c of clauseSpans(text, s)) clauses.push(cleanPiece(text.slice(c.start, c.end)));
  }
  // A planned action (将…下线, 计划下线 X) names the product more reliably than a bare title.
  for (const clause of clauses) {
    const object = new RegExp(`(?:将|计划|拟|即将)[^,]{0,12}?${VERB}\\s*([^,。;:\\n]{2,40})`, 'u').exec(
      clause,
    );
    if (object && !/^(?:并|后|时|处理|服务)/u.test(object[1]!)) {
      const names = splitList(object[1]!);
      if (names.length > 0) return names;
    }
    const subject =
      /^(.{2,60}?)(?:都|也)?(?:将会|将要|将)(?:于[^,]*)?(?:做如下调整|[^,]{0,6}(?:下线|停止|停售|终止|下架|关闭|无法))/u.exec(
        clause,
      );
    if (subject) {
      const names = splitList(subject[1]!);
      if (names.length > 0) return names;
    }
  }
  for (const clause of clauses) {
    const bare = BARE_RETIRE.exec(clause);
    if (bare) {
      const names = splitList(bare[1]!);
      if (names.length > 0) return names;
    }
  }
  return [];
}

export interface DatedClause {
  /** Offset of the date phrase, or of the 届时 that said what happens at it. */
  index: number;
  /** True when the date retires the product or stops its sale (not a policy or renewal date). */
  retires: boolean;
}

/**
 * A pipe table such as "模型名称 | 下线时间 | 替代模型" (cloud notices list what retires this way):
 * the name column gives products, a 替代/替换/迁移 column gives replacements.
 */
export function tableColumns(text: string): { products: string[]; replacements: string[] } {
  const products: string[] = [];
  const replacements: string[] = [];
  const lines = text.split('\n');
  // Cells without the outer bars, so that a row a page broke over lines ("名称 |") still lines up.
  const cellsOf = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/gu, '')
      .split('|')
      .map((c) => c.trim());
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]!;
    if ((header.match(/\|/gu)?.length ?? 0) < 2) continue;
    const cells = cellsOf(header);
    const nameAt = cells.findIndex(
      (c) => /名称|接口|产品|模型$|^功能$|标题|^项目$/u.test(c) && !/替代|替换|迁移|建议/u.test(c),
    );
    const replaceAt = cells.findIndex((c) => /替代|替换|迁移|建议/u.test(c));
    // A column of retirement days (下线时间, 停用日期, 日落) makes every row a product; a table of
    // changes with only 生效日期 holds the rows that say they retire something.
    const retiring = cells.some((c) => /下线|停售|停用|日落|退役|替代|替换|迁移/u.test(c));
    if (nameAt === -1 || !(retiring || cells.some((c) => /生效|变更/u.test(c)))) continue;
    for (let j = i + 1; j < lines.length && lines[j]!.includes('|'); j++) {
      if (/^[\s|:-]*$/u.test(lines[j]!)) continue; // the |---|---| rule
      const row = cellsOf(lines[j]!);
      if (!retiring && !RETIRE_HINT.test(row.join(' '))) continue;
      const name = row[nameAt] ?? '';
      if (name.length >= 2 && !GENERIC.test(name) && !NOT_A_PRODUCT.test(name)) products.push(name);
      const instead = replaceAt === -1 ? '' : (row[replaceAt] ?? '');
      if (instead.length >= 2 && !/^[–—-]+$|下线/u.test(instead)) replacements.push(instead);
    }
  }
  return { products, replacements };
}

const RETIRING_APIS =
  /(?:下线|停用|废弃|淘汰|停止|下架|退役|回收)[^。\n]{0,20}(?:API|接口|字段|SDK|方法)|(?:API|接口|字段|SDK|方法)[^。\n]{0,12}(?:下线|停用|废弃|淘汰|退役)/iu;
const IDENTIFIER = /^[A-Za-z][\w.:/-]*[\w)]?(?:\s*[(（][^()（）\n]{0,40}[)）])?$/u;

/**
 * Identifiers a notice lists one per line (CreateEpnInstance, taobao.travel.item.modify(…)) within
 * a few lines after it says APIs, fields or SDKs retire; and "下线接口: x" labels.
 */
function listedIdentifiers(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const labelled =
      /^\s*(?:\d{1,2}[.、)]\s*)?(?:下线|停用|废弃|待下线)的?(?:接口|API|字段|产品|功能|能力)\s*:\s*([^\n]{2,200})$/iu.exec(
        lines[i]!,
      );
    if (labelled) out.push(...splitList(labelled[1]!));
    if (!IDENTIFIER.test(lines[i]!.trim())) continue;
    const run: string[] = [];
    let j = i;
    for (; j < lines.length && IDENTIFIER.test(lines[j]!.trim()); j++) run.push(lines[j]!.trim());
    const said = lines.slice(Math.max(0, i - 4), i).some((l) => RETIRING_APIS.test(l));
    // A run of two or more under such a line; a lone word (API, SDK) is a table header, not a list.
    const names = run.filter((r) => !/^(?:API|SDK|Scope|URL|HTTP|GET|POST)$/iu.test(r));
    if (said && names.length >= 2) out.push(...names.map((n) => tidyName(n)).filter((n) => n.length >= 2));
    i = j - 1;
  }
  return out;
}

export function extractProducts(text: string, dated: DatedClause[], kind: Kind): string[] {
  if (kind === 'policy' || kind === 'info') return [];
  const sentences = sentenceSpans(text);
  const bullets = bulletProducts(text.split('\n'));
  if (bullets.length > 0) return unique(bullets);
  const listed = listedIdentifiers(text.split('\n'));
  if (listed.length > 0) return unique(listed);
  const table = tableColumns(text).products;
  if (table.length > 0) return unique(table);
  const quoted = quotedProducts(text, sentences);
  if (quoted.length > 0) return unique(quoted);

  const out: string[] = [];
  const clausesOf = new Map<Span, Span[]>();
  for (const d of dated) {
    if (!d.retires) continue;
    const sentence = spanAt(sentences, d.index);
    if (!sentence) continue;
    // A title ("…下线通知") repeats what the body says, less precisely.
    const tail = text.slice(Math.max(sentence.start, sentence.end - 8), sentence.end);
    if (/(?:通知|公告|预告)\s*$/u.test(tail) && sentences.length > 1 && sentence.end - sentence.start <= 60)
      continue;
    const clauses = clausesOf.get(sentence) ?? clauseSpans(text, sentence);
    clausesOf.set(sentence, clauses);
    const at = spanIndexAt(clauses, d.index);
    if (at === -1) continue;
    out.push(...subjectOfClause(text, clauses, at, d.index));
  }
  if (out.length > 0) return unique(out);
  return unique(fallbackSubjects(text, sentences));
}

const REPLACEMENT_CUE =
  /(?:可选择|可改用|请改用|改用|请使用|或使用|可以使用|建议使用|推荐使用|替换为|替换成|替换使用|迁移至|迁移到|迁移合并于|合并于|合并至|合并到|升级至|升级到|切换至|切换到|切换成|切换使用|由(?:全新|新)的?接口)\s*/gu;
const REPLACEMENT_STOP =
  /以满足|以免|以便|以获得|以避免|避免|使用最新|提供|进行|继续使用|,|。|;|:|\n|\(|[“”"]|$/u;

export function extractReplacements(text: string): string[] {
  const out: string[] = [...tableColumns(text).replacements];
  REPLACEMENT_CUE.lastIndex = 0;
  for (let m = REPLACEMENT_CUE.exec(text); m; m = REPLACEMENT_CUE.exec(text)) {
    // The object may be quoted (迁移合并于”文玩”): the quote opens it, it does not end it.
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 80).replace(/^[“”"「]/u, '');
    const stop = REPLACEMENT_STOP.exec(rest);
    const object = rest.slice(0, stop ? stop.index : rest.length).replace(/^(?:订购|使用|我们的|您的)/u, '');
    out.push(...splitList(object));
  }
  // 向 X 迁移: "已完成向V1.1版本迁移"; 以 X 替换 Y: "以新IP替换旧IP".
  for (const m of text.matchAll(/向\s*([^,。;\n向]{2,30}?)\s*迁移/gu)) out.push(...splitList(m[1]!));
  for (const m of text.matchAll(
    /(?:以|用)(?![下上及便免后前内外于])\s*([^,。;\n以用]{2,20}?)\s*(?:替换|替代|取代)/gu,
  )) {
    out.push(...splitList(m[1]!));
  }
  // 由 X 接管: "用户数据将暂时由阿里云邮箱接管".
  for (const m of text.matchAll(/由\s*([^,。;\n由]{2,20}?)\s*(?:接管|承接)/gu)) out.push(...splitList(m[1]!));
  // "此旧版模块", "最新的 SDK 版本", "支持的功能" describe, they do not name a replacement.
  return unique(
    out.filter((name) => !/^(?:此|该|本|上述)|的(?:最新)?(?:SDK )?版本$|(?:支持|支援)的功能$/u.test(name)),
  );
}

export function extractGrandfather(text: string): string | null {
  const sentences = sentenceSpans(text).map((s) => text.slice(s.start, s.end).trim());
  const first =
    sentences.find((s) => /不受[^。,]{0,8}影响|仍可|仍然可以/u.test(s)) ??
    sentences.find((s) => /继续/u.test(s) && !/继续调用[^。]*(?:报错|失败|无法)/u.test(s));
  return first ? first.slice(0, 1000) : null;
}

export function detectKind(text: string, milestoneActions: readonly string[]): Kind {
  if (/取消下线|不再下线|暂停下线|撤回下线/u.test(text)) return 'cancel';
  if (/推迟|延期|延迟|延后|顺延/u.test(text)) return 'postpone';
  // Governance and eligibility notices (治理, 资格, 违规) are rules, even when they take things down.
  if (/治理|资格|违规/u.test(text)) return 'policy';
  if (
    milestoneActions.some((a) => a !== 'policy-effective') ||
    /下线|停售|停止服务|下架|退市|停服|停用|关停|淘汰|退役/u.test(text)
  )
    return 'retire';
  if (milestoneActions.length > 0 || /规则调整|政策调整/u.test(text)) return 'policy';
  return 'info';
}

function unique(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of list) {
    const key = item.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}
