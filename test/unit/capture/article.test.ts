// @vitest-environment happy-dom
// The main-text reader (issue 19 item 3): which element holds the article, on pages shaped as
// announcement and news sites commonly are, found by text and never by class names.
import { describe, expect, it } from 'vitest';
import { findArticle, publishedDay, readArticle, textOf, titleOf } from '../../../utils/capture/article.ts';
import {
  articlePage,
  corpusAnnouncement,
  jiajuAnnouncement,
  listPage,
} from '../../fixtures/capture/rule-pages.ts';

const NOW = Date.parse('2026-12-02T09:00:00+08:00');

/** A page as a document of its own (the reader takes the document as a parameter). */
const load = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

// A news article laid out as the seed's source is (dsb.cn): title, author and date line,
// paragraphs with image captions, a disclaimer, then 相关阅读 (links with their summaries).
const SEED = corpusAnnouncement('1688-jiaju-hangye-2023-02-10.yaml');
const newsPage = `<!doctype html><html><head><title>1688数字营销平台将下线家居百货和行业优选解决方案-电商报</title></head><body>
<div class="hd"><a href="/">首页</a><a href="/news">快讯</a><a href="/b2b">B2B</a><a href="/login">登录</a></div>
<div class="c">
  <div class="l">
    <h1>1688数字营销平台将下线家居百货和行业优选解决方案</h1>
    <div class="i"><span>云合</span><br>2023-02-10 17:48</div>
    <div class="t">
      ${SEED.text
        .split('\n')
        .map((p) => `<p>${p}</p>`)
        .join('<p>format-jpg</p>')}
    </div>
    <div class="s"><p>1、该内容为作者独立观点，不代表电商报观点或立场。</p></div>
    <div class="r"><h3>相关阅读</h3>
      <ul><li><a href="/1">1688发布数字营销账户托管服务下线通知</a></li>
      <li><a href="/2">1688数字营销平台调整用户资格</a></li><li><a href="/3">品牌宝图片制作下线</a></li></ul>
    </div>
  </div>
  <div class="side"><a href="/a">热门文章一</a><a href="/b">热门文章二</a><a href="/c">热门文章三</a></div>
</div>
<div class="ft"><a href="/about">关于我们</a><a href="/contact">联系我们</a> 京ICP备12345678号</div>
<script>var trackingText = "2099年1月1日下线全部解决方案，替代方案：无";</script>
</body></html>`;

describe('findArticle and textOf', () => {
  it('a replica rule.1688.com article: the paragraphs, without nav, breadcrumb, related links or footer', () => {
    const a = jiajuAnnouncement(NOW);
    const doc = load(articlePage(a));
    const article = readArticle(doc, NOW)!;
    expect(article.text).toBe(a.text);
    expect(article.title).toBe(a.title);
    expect(article.published).toBe(a.published);
    expect(article.publishedShown).toBe(true);
    for (const chrome of ['规则解读', '相关公告', '旧运费模板', '法律声明', '版权所有', '正文'])
      expect(article.text).not.toContain(chrome);
  });

  it('a news article: the body, its byline date, no script text, no 相关阅读 or 热门 links', () => {
    const doc = load(newsPage);
    const article = readArticle(doc, NOW)!;
    expect(article.text).toContain('1688数字营销平台将于2023年2月17日下线“家居百货解决方案”');
    expect(article.text).toContain('用户可选择订购消费品解决方案');
    expect(article.text).not.toContain('2099');
    expect(article.text).not.toContain('账户托管服务下线通知');
    expect(article.text).not.toContain('热门文章');
    expect(article.title).toBe('1688数字营销平台将下线家居百货和行业优选解决方案');
    expect(article.published).toBe('2023-02-10');
  });

  it('keeps every paragraph when the first one holds most of the text', () => {
    const long = '为优化产品结构，平台将调整数字营销产品。'.repeat(30);
    const doc = load(
      `<body><nav><a href="/">首页</a></nav><div><div><p>${long}</p><p>2026年12月20日起下线旧版报表。</p></div></div></body>`,
    );
    expect(textOf(findArticle(doc)!)).toBe(`${long}\n2026年12月20日起下线旧版报表。`);
  });

  it('writes table rows as | cell | lines, the way the extractor reads a column header', () => {
    const doc = load(
      `<body><div><p>以下功能将按计划停用，请及时迁移到新版本，感谢您的理解与支持。平台会在停用前再次通知。</p>
      <table><tr><th>功能</th><th>停用日期</th></tr><tr><td>旧版报表</td><td>2026年12月20日</td></tr></table></div></body>`,
    );
    expect(textOf(findArticle(doc)!)).toContain('| 功能 | 停用日期 |\n| 旧版报表 | 2026年12月20日 |');
  });

  it('leaves out hidden text and the extension’s own elements', () => {
    const doc = load(
      `<body><div><p>平台将于2026年12月20日下线旧版报表功能，届时将无法查看旧版报表，请改用新版报表。如有疑问，请联系您的客户经理，或在规则中心留言反馈。</p>
      <p hidden>2099年1月1日下线全部</p><p style="display: none">隐藏的段落</p>
      <sunset-watch-capture>加入下线预警</sunset-watch-capture></div></body>`,
    );
    const text = textOf(findArticle(doc)!);
    expect(text).not.toContain('2099');
    expect(text).not.toContain('隐藏');
    expect(text).not.toContain('加入下线预警');
  });

  it('no article on a list of announcement links, a page of menus, or an empty shell', () => {
    const items = ['关于1688平台旧运费模板下线的公告', '关于旺铺移动端“部分装修组件”下线的通知'].map(
      (title, i) => ({
        title,
        published: `2026-11-2${i}`,
        text: '',
      }),
    );
    expect(readArticle(load(listPage(items)), NOW)).toBeNull();
    expect(
      readArticle(
        load('<body><nav><a>首页</a><a>规则</a></nav><div><a>登录</a> <a>注册</a> 欢迎</div></body>'),
        NOW,
      ),
    ).toBeNull();
    expect(readArticle(load('<body><div id="app"></div><script>boot()</script></body>'), NOW)).toBeNull();
  });
});

describe('titleOf and publishedDay', () => {
  const today = '2026-12-02';
  const page = (head: string, body: string) => {
    const doc = load(`<html><head>${head}</head><body>${body}</body></html>`);
    const article = findArticle(doc)!;
    return { doc, article, title: titleOf(doc, article) };
  };
  const body = (extra = '', end = '') =>
    `<h1>关于旧版报表下线的公告</h1>${extra}<div><p>${'平台将于2026年12月20日下线旧版报表功能，请改用新版报表。'.repeat(3)}</p>${end}</div>`;

  it.each([
    [
      'article:published_time',
      '<meta property="article:published_time" content="2026-11-28T10:00:00+08:00">',
      body(),
      '2026-11-28',
    ],
    ['<time datetime>', '', body('<time datetime="2026-11-27">11月27日</time>'), '2026-11-27'],
    ['发布时间：', '', body('<div>发布时间：2026-11-26 10:00 来源：规则中心</div>'), '2026-11-26'],
    ['a byline under the title', '', body('<div>规则小二<br>2026/11/25</div>'), '2026-11-25'],
    ['a signature at the end', '', body('', '<p>1688平台</p><p>2026年11月24日</p>'), '2026-11-24'],
    ['none', '', body(), null],
    ['a day after today is no publish day', '', body('<div>发布时间：2027-01-01</div>'), null],
  ])('%s', (_, head, html, day) => {
    const { doc, article, title } = page(head, html);
    expect(title).toBe('关于旧版报表下线的公告');
    expect(publishedDay(doc, article, title, today)).toBe(day);
  });

  it('falls back to today in Beijing, and says so', () => {
    const doc = load(
      `<html><head><title>旧版报表下线 - 1688规则中心</title></head><body>${body().replace(/<h1>.*<\/h1>/, '')}</body></html>`,
    );
    // 2026-12-01 17:00 UTC is already 2026-12-02 in Beijing.
    const article = readArticle(doc, Date.parse('2026-12-01T17:00:00Z'))!;
    expect(article.title).toBe('旧版报表下线');
    expect(article.published).toBe('2026-12-02');
    expect(article.publishedShown).toBe(false);
  });
});
