// @vitest-environment happy-dom
// The popup's compact list (issue 18, item 3): one line per product, expanding to its timeline,
// replacements, grandfather clause and link. Real widths (320 and 420 px) are measured in
// Chromium (test/e2e/popup.e2e.test.ts); happy-dom has no layout.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../components/popup/popup-app.tsx';
import type { Notice } from '../../../utils/notice/schema.ts';
import type { FeedStatus, Request, ResponseMap } from '../../../utils/messages/protocol.ts';
import type { SeenProduct, StoredNotice } from '../../../utils/store/db.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/store/settings.ts';
import { storedNotice } from '../../support/stored-notice.ts';
import { spaced } from '../../support/spaces.ts';

afterEach(cleanup);

const NOW = Date.parse('2023-02-14T07:00:00+08:00');

function sunset(guid: string, title: string, at: string | null, extra: Partial<Notice> = {}): Notice {
  return {
    guid,
    title,
    link: `https://example.com/${guid}`,
    pubDate: '2023-02-10T17:48:00+08:00',
    sunset: {
      kind: 'retire',
      updated: '2023-02-10T17:48:00+08:00',
      products: [
        {
          name: `${title}产品`,
          aliases: [],
          milestones: [
            { action: 'no-new-orders', at },
            { action: 'history-hidden', at },
          ],
          replacements: [
            { name: '消费品解决方案', href: 'https://p4p.1688.com/' },
            { name: '工业品解决方案' },
          ],
        },
      ],
      grandfather: '2023年2月17日前订购的方案不受影响。',
    },
    ...extra,
  };
}
const stored = storedNotice;

const NOTICES = [
  stored(
    {
      guid: 'plain',
      title: '普通公告',
      pubDate: '2023-02-01T00:00:00+08:00',
      description: '<b>不是标记</b>',
    },
    { read: true },
  ),
  stored(sunset('past', '已下线方案', '2023-01-01T00:00:00+08:00'), { read: true }),
  stored(sunset('soon', '家居百货解决方案', '2023-02-17T00:00:00+08:00')),
  stored(sunset('later', '行业优选解决方案', '2023-05-01T00:00:00+08:00'), {
    read: true,
    changes: { dates: true },
  }),
  stored(sunset('nodate', '待定方案', null, { link: 'javascript:alert(1)' } as Partial<Notice>)),
];

const okFeed: FeedStatus = {
  url: 'http://127.0.0.1:8787/feed.xml',
  isDefault: true,
  failures: 0,
  lastSuccessAt: NOW - 5 * 60_000,
  lastSkipped: [],
  lastWarnings: [],
};

function fakeBackground(
  options: {
    notices?: StoredNotice[];
    feeds?: FeedStatus[];
    settings?: Settings;
    failList?: boolean;
    seen?: SeenProduct[];
  } = {},
) {
  const sent: Request[] = [];
  let notices = options.notices ?? NOTICES;
  const transport = async (request: Request) => {
    sent.push(request);
    if (request.type === 'notices/list') {
      if (options.failList) return { ok: false, error: 'database unavailable' };
      const value: ResponseMap['notices/list'] = {
        notices,
        feeds: options.feeds ?? [okFeed],
        now: NOW,
        settings: options.settings ?? { ...DEFAULT_SETTINGS, language: 'zh_CN' },
        seen: options.seen ?? [],
      };
      return { ok: true, value };
    }
    if (request.type === 'notices/markAllRead') {
      notices = notices.map((n) => ({ ...n, read: true, changes: undefined }));
      return { ok: true, value: { updated: 1 } };
    }
    if (request.type === 'notices/markRead') {
      notices = notices.map((n) =>
        request.guids.includes(n.guid) ? { ...n, read: true, changes: undefined } : n,
      );
      return { ok: true, value: { updated: 1 } };
    }
    if (request.type === 'feeds/refresh') return { ok: true, value: { feeds: [okFeed] } };
    return { ok: false, error: 'unexpected' };
  };
  return { sent, transport };
}

const ids = (container: ParentNode) =>
  [...container.querySelectorAll('[data-notice-id]')].map((el) => el.getAttribute('data-notice-id'));

function renderPopup(bg = fakeBackground(), timeZone = 'Asia/Shanghai') {
  const view = render(
    <PopupApp transport={bg.transport} now={() => NOW} browserLanguage="zh-CN" timeZone={timeZone} />,
  );
  return { ...view, bg };
}

describe('popup', () => {
  it('lists every notice with data-notice-id, upcoming nearest first, then undated, retired, plain', async () => {
    const { container } = renderPopup();
    await screen.findByText('家居百货解决方案产品');
    expect(ids(container)).toEqual(['soon', 'later', 'nodate', 'past', 'plain']);
  });

  it('shows one line per product: name, what happens, countdown; the soonest upcoming notice open', async () => {
    const { container } = renderPopup();
    await screen.findByText('家居百货解决方案产品');
    const soon = container.querySelector<HTMLElement>('[data-notice-id="soon"]')!;
    const line = soon.querySelector('.line')!;
    expect(line.querySelector('.line__name')?.textContent).toBe('家居百货解决方案产品');
    // Same-instant milestones merged; the countdown in its own element.
    expect(line.querySelector('.line__what')?.textContent).toBe('2月17日停止新订购、历史方案不可查看');
    expect(spaced(line.querySelector('.line__left')?.textContent)).toBe('剩 2 天 17 小时');
    expect(within(soon).getByRole('button', { expanded: true })).toBeTruthy();
    // Every other notice starts collapsed: one line each.
    for (const guid of ['later', 'nodate', 'past', 'plain']) {
      const item = container.querySelector<HTMLElement>(`[data-notice-id="${guid}"]`)!;
      expect(item.querySelector('.notice__row')?.getAttribute('aria-expanded'), guid).toBe('false');
      expect(item.querySelector<HTMLElement>('.notice__body')?.hidden, guid).toBe(true);
    }
  });

  it('expands to milestones, replacements, grandfather clause and link, and collapses again', async () => {
    const { container } = renderPopup();
    await screen.findByText('家居百货解决方案产品');
    const soon = container.querySelector<HTMLElement>('[data-notice-id="soon"]')!;
    const body = soon.querySelector<HTMLElement>('.notice__body')!;
    expect(body.hidden).toBe(false);
    const lines = [...body.querySelectorAll('.timeline__line')].map((li) => spaced(li.textContent));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^2023年2月17日 00:00 停止新订购、历史方案不可查看剩 2 天 17 小时/);
    expect(within(body).getByRole('list', { name: '时间节点（北京时间）' })).toBeTruthy();
    expect(body.textContent).toContain('可改用：消费品解决方案、工业品解决方案');
    expect(body.textContent).toContain('不受影响：2023年2月17日前订购的方案不受影响。');
    // Beijing zone: no second, local time.
    expect(body.textContent).not.toContain('本地时间');
    const replacement = within(body).getByText('消费品解决方案');
    expect(replacement.closest('a')?.getAttribute('href')).toBe('https://p4p.1688.com/');
    expect(within(body).getByText('工业品解决方案').closest('a')).toBeNull();
    expect(within(body).getByText('查看公告原文').getAttribute('href')).toBe('https://example.com/soon');

    const row = soon.querySelector<HTMLButtonElement>('.notice__row')!;
    fireEvent.click(row);
    expect(row.getAttribute('aria-expanded')).toBe('false');
    expect(body.hidden).toBe(true);
    const later = container.querySelector<HTMLElement>('[data-notice-id="later"]')!;
    fireEvent.click(later.querySelector('.notice__row')!);
    expect(later.querySelector<HTMLElement>('.notice__body')?.hidden).toBe(false);
    expect(later.querySelector('.notice__body')?.textContent).toContain('公告有更新：日期');
  });

  it('adds the local time when the browser is elsewhere', async () => {
    const { container } = renderPopup(fakeBackground(), 'Europe/Berlin');
    await screen.findByText('家居百货解决方案产品');
    expect(spaced(container.querySelector('[data-notice-id="soon"] .timeline')?.textContent)).toContain(
      '本地时间 2023年2月16日 17:00',
    );
  });

  it('leads with what already happened, marks updates, and says undated in words', async () => {
    const { container } = renderPopup();
    await screen.findByText('家居百货解决方案产品');
    const line = (guid: string) => container.querySelector(`[data-notice-id="${guid}"] .line`)!;
    expect(line('past').querySelector('.line__done')?.textContent).toBe('已停止新订购、历史方案已不可查看');
    expect(line('past').querySelector('.line__left')).toBeNull();
    expect(line('nodate').textContent).toContain('停止新订购的日期待定');
    expect(container.querySelector('[data-notice-id="later"] .mark--updated')?.textContent).toBe('有更新');
    expect(container.querySelector('[data-notice-id="soon"] .notice__row')?.textContent).toContain('未读');
    expect(container.querySelector('[data-notice-id="past"] .notice__row')?.textContent).not.toContain(
      '未读',
    );
    expect(container.querySelector('[data-notice-id="plain"] .line__name')?.textContent).toBe('普通公告');
  });

  it('never follows a non-https link and never renders remote markup', async () => {
    const { container } = renderPopup();
    await screen.findByText('家居百货解决方案产品');
    expect(container.querySelector('a[href^="javascript:"]')).toBeNull();
    expect(container.querySelector('[data-notice-id="plain"] b')).toBeNull();
    expect(container.querySelector('[data-notice-id="plain"]')?.textContent).toContain('<b>不是标记</b>');
  });

  it('filters to upcoming and searches', async () => {
    const { container } = renderPopup();
    await screen.findByText('家居百货解决方案产品');
    fireEvent.click(screen.getByRole('button', { name: '即将生效' }));
    expect(ids(container)).toEqual(['soon', 'later', 'nodate']);
    fireEvent.input(screen.getByRole('searchbox', { name: '搜索公告' }), { target: { value: '行业优选' } });
    expect(ids(container)).toEqual(['later']);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '不存在的产品' } });
    expect(ids(container)).toEqual([]);
    expect(screen.getByText('没有与“不存在的产品”匹配的公告。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '清除搜索' }));
    expect(ids(container)).toEqual(['soon', 'later', 'nodate']);
  });

  it('marks one notice read, then all', async () => {
    const { container, bg } = renderPopup();
    await screen.findByText('家居百货解决方案产品');
    const soon = container.querySelector<HTMLElement>('[data-notice-id="soon"]')!;
    fireEvent.click(within(soon).getByRole('button', { name: '标为已读' }));
    expect(bg.sent).toContainEqual({ type: 'notices/markRead', guids: ['soon'] });
    expect(soon.textContent).not.toContain('未读');
    fireEvent.click(screen.getByRole('button', { name: '全部已读' }));
    await waitFor(() => expect(bg.sent).toContainEqual({ type: 'notices/markAllRead' }));
    expect(container.textContent).not.toContain('已更新');
    expect(screen.getByRole('button', { name: '全部已读' }).hasAttribute('disabled')).toBe(true);
  });

  it('refreshes on request and reloads the list', async () => {
    const { bg } = renderPopup();
    await screen.findByText('家居百货解决方案产品');
    fireEvent.click(screen.getByRole('button', { name: '立即刷新' }));
    await waitFor(() => expect(bg.sent.filter((r) => r.type === 'notices/list')).toHaveLength(2));
    expect(bg.sent).toContainEqual({ type: 'feeds/refresh' });
  });

  it('shows the feed status: last success and the last error in words', async () => {
    const failing: FeedStatus = {
      ...okFeed,
      failures: 2,
      lastSuccessAt: NOW - 3 * 3600_000,
      lastError: { at: NOW - 60_000 * 2, code: 'timeout', message: 'no answer within 20 s' },
      lastSkipped: [{ guid: 'x', reason: 'pubDate: is missing' }],
    };
    renderPopup(fakeBackground({ feeds: [failing] }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('上次更新：3 小时前');
    expect(status.textContent).toContain('上次出错：2 分钟前，公告来源 20 秒内没有响应');
    expect(status.textContent).toContain('1 条公告格式有误，已跳过');
  });

  it('has designed empty and error states', async () => {
    renderPopup(fakeBackground({ notices: [], feeds: [{ ...okFeed, lastSuccessAt: undefined }] }));
    expect(await screen.findByText('还没有公告')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('尚未成功更新');
    cleanup();
    renderPopup(fakeBackground({ failList: true }));
    expect((await screen.findByRole('alert')).textContent).toContain('无法读取公告：database unavailable');
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  });

  it('speaks English when the settings say so', async () => {
    const { container } = renderPopup(fakeBackground({ settings: { ...DEFAULT_SETTINGS, language: 'en' } }));
    expect(await screen.findByRole('button', { name: 'Refresh' })).toBeTruthy();
    const soon = container.querySelector('[data-notice-id="soon"]')!;
    expect(soon.querySelector('.line__what')?.textContent).toBe(
      'New orders stop and past plans are hidden on Feb 17',
    );
    expect(spaced(soon.querySelector('.line__left')?.textContent)).toBe('2 days 17 hours left');
    expect(spaced(soon.querySelector('.timeline__when')?.textContent)).toBe('Feb 17, 2023, 00:00');
    expect(soon.textContent).toContain('Use instead: 消费品解决方案 or 工业品解决方案');
    expect(container.querySelector('[data-notice-id="past"] .line__done')?.textContent).toBe(
      'No longer orderable and past plans hidden',
    );
  });

  it('offers 加入日历 beside each upcoming dated milestone only', async () => {
    const { container } = renderPopup();
    await screen.findByText('家居百货解决方案产品');
    for (const guid of ['later', 'nodate', 'past'])
      fireEvent.click(container.querySelector(`[data-notice-id="${guid}"] .notice__row`)!);
    const buttons = (guid: string) =>
      within(container.querySelector<HTMLElement>(`[data-notice-id="${guid}"]`)!).queryAllByRole('button', {
        name: '加入日历',
      });
    expect(buttons('soon')).toHaveLength(1);
    expect(buttons('later')).toHaveLength(1);
    expect(buttons('nodate')).toHaveLength(0);
    expect(buttons('past')).toHaveLength(0);
  });

  it('focuses the search box with "/"', async () => {
    renderPopup();
    await screen.findByText('家居百货解决方案产品');
    fireEvent.keyDown(document, { key: '/' });
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
  });
});

describe('what affects me (issue 20)', () => {
  const record = (name: string, maxPlaces: number, maxPlans: number): SeenProduct => ({
    name,
    firstSeenAt: NOW - 10 * 86_400_000,
    lastSeenAt: Date.parse('2023-02-12T15:00:00+08:00'),
    loads: 4,
    maxPlaces,
    maxPlans,
    where: ['p4p.1688.com/main.html#!/report/plan'],
  });
  const marked = (container: ParentNode) =>
    [...container.querySelectorAll('[data-notice-id][data-affects]')].map((el) =>
      el.getAttribute('data-notice-id'),
    );

  it('with nothing seen: the usual order, nothing marked, no words', async () => {
    const { container } = renderPopup();
    await screen.findByText('家居百货解决方案产品');
    expect(ids(container)).toEqual(['soon', 'later', 'nodate', 'past', 'plain']);
    expect(marked(container)).toEqual([]);
    expect(container.querySelector('.line__affects')).toBeNull();
  });

  it('puts the notices of products seen first, marks them and says what was seen, in words', async () => {
    const seen = [record('行业优选解决方案产品', 3, 3), record('已下线方案产品', 2, 0)];
    const { container } = renderPopup(fakeBackground({ seen }));
    await screen.findByText('家居百货解决方案产品');
    // Affecting first in the usual order among themselves (upcoming before retired), then the rest.
    expect(ids(container)).toEqual(['later', 'past', 'soon', 'nodate', 'plain']);
    expect(marked(container)).toEqual(['later', 'past']);
    const words = (guid: string) =>
      spaced(container.querySelector(`[data-notice-id="${guid}"] .line__affects`)!.textContent!);
    expect(words('later')).toBe('您有 3 个计划在用 · 最近见于 2月12日');
    // Not plan rows (cards, titles): what the count measures, said so.
    expect(words('past')).toBe('您的后台有 2 处提到它 · 最近见于 2月12日');
    expect(container.querySelector('[data-notice-id="soon"] .line__affects')).toBeNull();
    // The first notice, now the affecting one, is the one open.
    expect(container.querySelector('[data-notice-id="later"]')!.classList.contains('notice--open')).toBe(
      true,
    );
  });

  it('与我相关 shows only those; with nothing seen it says why the list is empty', async () => {
    const seen = [record('行业优选解决方案产品', 1, 0)];
    const { container } = renderPopup(fakeBackground({ seen }));
    await screen.findByText('家居百货解决方案产品');
    fireEvent.click(screen.getByRole('button', { name: '与我相关' }));
    expect(ids(container)).toEqual(['later']);
    expect(spaced(container.querySelector('.line__affects')!.textContent!)).toBe(
      '您的后台提到过它 · 最近见于 2月12日',
    );
    cleanup();
    const empty = renderPopup();
    await screen.findByText('家居百货解决方案产品');
    fireEvent.click(screen.getByRole('button', { name: '与我相关' }));
    expect(ids(empty.container)).toEqual([]);
    expect(screen.getByText(/还没有在您的后台页面上见到有下线公告的产品/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '查看全部公告' }));
    expect(ids(empty.container)).toHaveLength(5);
  });
});
