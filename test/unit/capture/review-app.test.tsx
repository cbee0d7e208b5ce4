// @vitest-environment happy-dom
// The review page (capture.html, issue 19 items 3–5): the fields a capture starts with, every one
// correctable, what is saved, what is refused, and page text that stays text. The form's model
// (utils/capture/form.ts) is tested with it.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewApp } from '../../../components/capture/review-app.tsx';
import type { CaptureSource } from '../../../utils/capture/source.ts';
import { formOf, noticeOf } from '../../../utils/capture/form.ts';
import type { Request } from '../../../utils/messages/protocol.ts';
import type { Notice } from '../../../utils/notice/schema.ts';
import { DEFAULT_SETTINGS } from '../../../utils/store/settings.ts';
import { storedNotice } from '../../support/stored-notice.ts';
import { jiajuAnnouncement } from '../../fixtures/capture/rule-pages.ts';

afterEach(cleanup);

const NOW = Date.parse('2026-12-02T09:00:00+08:00');
const JIAJU = jiajuAnnouncement(NOW);
const SOURCE: CaptureSource = {
  text: JIAJU.text,
  title: JIAJU.title,
  link: 'https://rule.1688.com/rule/detail/1.htm',
  published: JIAJU.published,
};

function transport(extra: Partial<Record<Request['type'], (r: Request) => unknown>> = {}) {
  const sent: Request[] = [];
  const fn = async (request: Request) => {
    sent.push(request);
    const handler = extra[request.type];
    if (handler) return { ok: true, value: handler(request) };
    if (request.type === 'settings/get')
      return { ok: true, value: { ...DEFAULT_SETTINGS, language: 'zh_CN' } };
    if (request.type === 'capture/save')
      return { ok: true, value: { guid: request.notice.guid, stored: true, folded: [] } };
    return { ok: false, error: `unexpected ${request.type}` };
  };
  return { fn, sent };
}

function open(params: string, source: CaptureSource | null = SOURCE, t = transport()) {
  render(
    <ReviewApp
      params={new URLSearchParams(params)}
      loadDraft={async () => source}
      transport={t.fn}
      now={() => NOW}
      newGuid={() => 'local:new'}
    />,
  );
  return t;
}

const field = (label: string, n = 0) => screen.getAllByLabelText(label)[n] as HTMLInputElement;
const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });
const saved = (t: ReturnType<typeof transport>) =>
  (t.sent.find((r) => r.type === 'capture/save') as Extract<Request, { type: 'capture/save' }> | undefined)
    ?.notice as Notice | undefined;

describe('a capture from an announcement', () => {
  it('starts from what was read: title, link, kind, day, each product with its milestones and replacements', async () => {
    open('draft=d1');
    await screen.findByText('核对下线公告');
    expect(field('标题').value).toBe(JIAJU.title);
    expect(field('公告链接').value).toBe('https://rule.1688.com/rule/detail/1.htm');
    expect((screen.getByLabelText('类型') as HTMLSelectElement).value).toBe('retire');
    expect(field('发布日期').value).toBe(JIAJU.published);
    expect(screen.getAllByLabelText('产品名称').map((i) => (i as HTMLInputElement).value)).toEqual([
      '家居百货解决方案',
      '行业优选解决方案',
    ]);
    const first =
      screen.getAllByRole('group', { name: '产品 1' })[0] ?? screen.getByText('产品 1').closest('fieldset')!;
    const times = within(first as HTMLElement).getAllByLabelText('时间') as HTMLInputElement[];
    expect(times.map((i) => i.value)).toEqual([
      `${JIAJU.cutoff}T00:00`,
      `${JIAJU.cutoff}T00:00`,
      `${JIAJU.cutoff}T00:00`,
    ]);
    const actions = within(first as HTMLElement).getAllByLabelText('事项') as HTMLSelectElement[];
    expect(actions.map((s) => s.value).sort()).toEqual(['history-hidden', 'no-new-orders', 'retire']);
    expect(
      (within(first as HTMLElement).getAllByLabelText('名称') as HTMLInputElement[]).map((i) => i.value),
    ).toEqual(['消费品解决方案', '工业品解决方案', '找工厂解决方案']);
    expect(screen.getByLabelText('不受影响的情况')).toHaveProperty(
      'value',
      expect.stringContaining('不受影响'),
    );
    // The announcement beside it, its dates marked, milestones in bold.
    const marks = document.querySelectorAll('mark.date--milestone');
    expect([...marks].map((m) => m.textContent)).toContain(
      `${JIAJU.cutoff.slice(0, 4)}年${Number(JIAJU.cutoff.slice(5, 7))}月${Number(JIAJU.cutoff.slice(8))}日`,
    );
  });

  it('saves every correction: a renamed product, another spelling, a moved date, a replacement link, one removed', async () => {
    const t = open('draft=d1');
    await screen.findByText('核对下线公告');
    type(field('产品名称', 0), ' 家居百货解决方案（新版） ');
    type(field('其他写法', 0), '家居百货方案、 家居百货方案，家居方案');
    type(field('时间', 0), '2026-12-08T10:30');
    type(field('订购页链接（可不填）', 0), 'https://p4p.1688.com/main.html#!/solution/list');
    fireEvent.click(screen.getAllByText('删除这个产品')[1]!);
    type(field('标题'), '家居百货解决方案下线');
    fireEvent.click(document.querySelector('[data-action="save"]')!);
    await screen.findByText(/已保存/);
    const n = saved(t)!;
    expect(n.guid).toBe('local:new');
    expect(n.title).toBe('家居百货解决方案下线');
    expect(n.sunset!.updated).toBe('2026-12-02T09:00:00+08:00');
    expect(n.sunset!.products).toHaveLength(1);
    const p = n.sunset!.products[0]!;
    expect(p.name).toBe('家居百货解决方案（新版）');
    expect(p.aliases).toEqual(['家居百货方案', '家居方案']);
    expect(p.milestones[0]!.at).toBe('2026-12-08T10:30:00+08:00');
    expect(p.replacements[0]).toEqual({
      name: '消费品解决方案',
      href: 'https://p4p.1688.com/main.html#!/solution/list',
    });
  });

  it('refuses what is wrong, field by field, and sends nothing', async () => {
    const t = open('draft=d1');
    await screen.findByText('核对下线公告');
    type(field('产品名称', 1), '');
    type(field('公告链接'), 'http://rule.1688.com/x');
    type(field('订购页链接（可不填）', 0), 'javascript:alert(1)');
    fireEvent.click(document.querySelector('[data-action="save"]')!);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('产品 2 还没有名称');
    expect(alert.textContent).toContain('公告链接要以 https:// 开头');
    expect(alert.textContent).toContain('产品 1 的替代方案「消费品解决方案」链接要以 https:// 开头');
    expect(field('公告链接').getAttribute('aria-invalid')).toBe('true');
    expect(saved(t)).toBeUndefined();
  });

  it('a date left empty is 日期待定 (null), not an error', async () => {
    const t = open('draft=d1');
    await screen.findByText('核对下线公告');
    type(field('时间', 0), '');
    fireEvent.click(document.querySelector('[data-action="save"]')!);
    await screen.findByText(/已保存/);
    expect(saved(t)!.sunset!.products[0]!.milestones[0]!.at).toBeNull();
  });

  it('says so when the feed already has it (folded), and when nothing was found', async () => {
    const t = transport({
      'capture/save': () => ({
        guid: 'local:new',
        stored: false,
        folded: [{ product: '家居百货解决方案', into: 'feed-1', title: '家居百货解决方案下线公告' }],
      }),
    });
    open('draft=d1', SOURCE, t);
    await screen.findByText('核对下线公告');
    fireEvent.click(document.querySelector('[data-action="save"]')!);
    expect((await screen.findByRole('status')).textContent).toBe(
      '公告来源已经收录了这条公告（「家居百货解决方案下线公告」），以公告来源为准，不再另存一份。',
    );
    cleanup();
    open('draft=d2', { text: '今天天气不错，适合出门散步。', title: '随笔', published: '2026-12-01' });
    await screen.findByText('没有从这段文字里识别出要下线的产品和时间，可以照公告手动填写。');
    expect(screen.getAllByLabelText('产品名称')).toHaveLength(1);
  });

  it('text from the page stays text', async () => {
    open('draft=d1', {
      text: '平台将于2026年12月20日下线“<img src=x onerror=window.__pwned=1>解决方案”，请改用“<b>新版</b>方案”。',
      title: '<script>window.__pwned=1</script>公告',
      published: '2026-12-01',
    });
    await screen.findByText('核对下线公告');
    expect(field('标题').value).toBe('<script>window.__pwned=1</script>公告');
    expect(document.body.textContent).toContain('<img src=x onerror=window.__pwned=1>');
    expect(document.querySelectorAll('main img, main b, main script')).toHaveLength(0);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('a capture that is gone (the browser restarted) says what to do', async () => {
    open('draft=gone', null);
    expect((await screen.findByRole('alert')).textContent).toContain('请回到公告页重新点「加入下线预警」');
  });
});

describe('editing a local notice from the popup', () => {
  const local = storedNotice(
    {
      guid: 'local:abc',
      title: '旧版报表下线',
      link: 'https://rule.1688.com/rule/detail/9.htm',
      pubDate: '2026-11-20T10:00:00+08:00',
      sunset: {
        kind: 'retire',
        updated: '2026-11-20T10:00:00+08:00',
        products: [
          {
            name: '旧版报表',
            aliases: ['老报表'],
            milestones: [{ action: 'retire', at: '2026-12-20T00:00:00+08:00' }],
            replacements: [],
          },
        ],
      },
    },
    { origin: 'local' },
  );

  it('loads it by guid and saves it under the same guid, its publish time kept', async () => {
    const t = transport({
      'notices/list': () => ({ notices: [local], feeds: [], now: NOW, settings: DEFAULT_SETTINGS }),
    });
    open('guid=local:abc', null, t);
    await screen.findByText('修改这条本地识别的公告。保存后，页面上的标注和截止前的提醒随之更新。');
    expect(field('其他写法').value).toBe('老报表');
    type(field('时间'), '2026-12-21T00:00');
    fireEvent.click(document.querySelector('[data-action="save"]')!);
    await screen.findByText(/已保存/);
    expect(saved(t)).toMatchObject({
      guid: 'local:abc',
      pubDate: '2026-11-20T10:00:00+08:00',
      sunset: {
        products: [
          { name: '旧版报表', aliases: ['老报表'], milestones: [{ at: '2026-12-21T00:00:00+08:00' }] },
        ],
      },
    });
  });

  it('never a feed’s notice', async () => {
    const feed = { ...local, guid: 'local:feed', origin: 'feed' as const };
    const t = transport({
      'notices/list': () => ({ notices: [feed], feeds: [], now: NOW, settings: DEFAULT_SETTINGS }),
    });
    open('guid=local:feed', null, t);
    expect((await screen.findByRole('alert')).textContent).toBe('找不到这条公告，可能已经删除了。');
  });
});

describe('the form model', () => {
  it('round-trips a notice, Beijing wall-clock times whatever the zone', () => {
    const notice: Notice = {
      guid: 'local:x',
      title: 't',
      pubDate: '2026-11-30T00:00:00+08:00',
      sunset: {
        kind: 'postpone',
        updated: '2026-11-30T00:00:00+08:00',
        products: [
          {
            name: 'p',
            aliases: [],
            milestones: [
              { action: 'retire', at: '2026-12-06T16:30:00Z', previous: '2026-12-01T00:00:00+08:00' },
            ],
            replacements: [],
          },
        ],
      },
    };
    const form = formOf(notice);
    expect(form.products[0]!.milestones[0]!.at).toBe('2026-12-07T00:30');
    const back = noticeOf(form, NOW);
    expect(back.ok && back.notice.sunset!.products[0]!.milestones[0]).toEqual({
      action: 'retire',
      at: '2026-12-07T00:30:00+08:00',
      previous: '2026-12-01T00:00:00+08:00',
    });
  });

  it('no product at all is refused', () => {
    const form = formOf({ guid: 'local:x', title: 't', pubDate: '2026-11-30T00:00:00+08:00' });
    const result = noticeOf(form, NOW);
    expect(!result.ok && result.errors.map((e) => e.key)).toEqual(['capture_err_no_product']);
  });
});
