// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../components/options/options-app.tsx';
import type { FeedStatus, FeedTestResult, Request } from '../../../utils/messages/protocol.ts';
import { DEFAULT_SETTINGS, validateSettings, type Settings } from '../../../utils/store/settings.ts';

afterEach(cleanup);

const DEFAULT_FEED = 'http://127.0.0.1:8787/feed.xml';

function fakeBackground(
  test: FeedTestResult | (() => Promise<FeedTestResult>) = { ok: true, count: 4, skipped: 0 },
  feeds: FeedStatus[] = [],
  language: Settings['language'] = 'zh_CN',
) {
  const sent: Request[] = [];
  let settings: Settings = { ...DEFAULT_SETTINGS, language };
  const transport = async (request: Request) => {
    sent.push(request);
    switch (request.type) {
      case 'notices/list':
        return { ok: true, value: { notices: [], feeds, now: 0, settings, seen: [] } };
      case 'settings/set': {
        // The real boundary: the same validation the background applies.
        const checked = validateSettings(request.settings);
        if (!checked.ok) return { ok: false, error: checked.error };
        settings = checked.value;
        return { ok: true, value: settings };
      }
      case 'feeds/test':
        return { ok: true, value: typeof test === 'function' ? await test() : test };
      default:
        return { ok: false, error: 'unexpected' };
    }
  };
  return { sent, transport, settings: () => settings };
}

function renderOptions(bg = fakeBackground(), grant = true) {
  const asked: string[] = [];
  render(
    <OptionsApp
      transport={bg.transport}
      browserLanguage="zh-CN"
      defaultFeed={DEFAULT_FEED}
      requestAccess={async (url) => {
        asked.push(url);
        return grant;
      }}
    />,
  );
  return { bg, asked };
}

const addFeed = async (url: string) => {
  fireEvent.input(await screen.findByLabelText('公告来源地址'), { target: { value: url } });
  fireEvent.click(screen.getByRole('button', { name: '测试并添加' }));
};

describe('options: feeds', () => {
  it('adds an https feed after the permission and a successful test fetch', async () => {
    const { bg, asked } = renderOptions();
    await addFeed('https://feeds.example.com/sunset.xml');
    expect(await screen.findByText('已添加：共 4 条公告')).toBeTruthy();
    expect(asked).toEqual(['https://feeds.example.com/sunset.xml']);
    expect(bg.sent).toContainEqual({ type: 'feeds/test', url: 'https://feeds.example.com/sunset.xml' });
    expect(bg.settings().feeds).toEqual(['https://feeds.example.com/sunset.xml']);
    // Listed, removable; the default feed is not.
    const remove = screen.getByRole('button', { name: '移除 https://feeds.example.com/sunset.xml' });
    expect(screen.getAllByRole('button', { name: /^移除/ })).toHaveLength(1);
    fireEvent.click(remove);
    await waitFor(() => expect(bg.settings().feeds).toEqual([]));
  });

  it.each([
    [
      'http://feeds.example.com/sunset.xml',
      '公告来源必须是 https 地址（http 只能用于本机调试：localhost、127.0.0.1）。',
    ],
    ['not a url', '这不是有效的网址。'],
    [DEFAULT_FEED, '这个公告来源已在列表中。'],
  ])('refuses %s without asking for anything', async (url, message) => {
    const { bg, asked } = renderOptions();
    await addFeed(url);
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(asked).toEqual([]);
    expect(bg.sent.some((r) => r.type === 'feeds/test' || r.type === 'settings/set')).toBe(false);
  });

  it('accepts http on localhost', async () => {
    const { bg } = renderOptions();
    await addFeed('http://localhost:9000/feed.xml');
    await screen.findByText('已添加：共 4 条公告');
    expect(bg.settings().feeds).toEqual(['http://localhost:9000/feed.xml']);
  });

  it('does not save a feed whose permission is refused', async () => {
    const { bg } = renderOptions(fakeBackground(), false);
    await addFeed('https://feeds.example.com/sunset.xml');
    expect((await screen.findByRole('alert')).textContent).toContain('浏览器没有获准访问这个网站');
    expect(bg.settings().feeds).toEqual([]);
  });

  it('does not save a feed whose test fails, and says why in words; the raw error behind 详情', async () => {
    const { bg } = renderOptions(
      fakeBackground({ ok: false, error: 'not an RSS feed: root element is <html>' }),
    );
    await addFeed('https://feeds.example.com/page.html');
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('.message__text')?.textContent).toBe(
      '测试未通过：公告来源的内容不是有效的 RSS 格式',
    );
    const detail = alert.querySelector('details')!;
    expect(detail.open).toBe(false);
    expect(detail.querySelector('summary')?.textContent).toBe('详情');
    expect(detail.textContent).toContain('not an RSS feed: root element is <html>');
    expect(bg.settings().feeds).toEqual([]);
  });

  it('checks the address as it is typed: no stale error under a valid address, none while testing', async () => {
    let answer: (r: FeedTestResult) => void = () => undefined;
    const pending = () => new Promise<FeedTestResult>((resolve) => (answer = resolve));
    renderOptions(fakeBackground(pending));
    await addFeed('http://feeds.example.com/sunset.xml');
    expect((await screen.findByRole('alert')).textContent).toContain('必须是 https 地址');
    const input = screen.getByLabelText('公告来源地址');
    fireEvent.input(input, { target: { value: 'https://feeds.example.com/sunset.xml' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.input(input, { target: { value: 'ftp://feeds.example.com/sunset.xml' } });
    expect((await screen.findByRole('alert')).textContent).toContain('必须是 https 地址');
    fireEvent.input(input, { target: { value: 'https://feeds.example.com/sunset.xml' } });
    fireEvent.click(screen.getByRole('button', { name: '测试并添加' }));
    await screen.findByText('正在测试…');
    expect(screen.queryByRole('alert')).toBeNull();
    answer({ ok: true, count: 1, skipped: 0 });
    expect(await screen.findByText('已添加：共 1 条公告')).toBeTruthy();
  });

  it('a source shows one message at a time: a new test replaces the stored last error', async () => {
    const failing: FeedStatus = {
      url: DEFAULT_FEED,
      isDefault: true,
      failures: 1,
      lastSuccessAt: Date.parse('2023-02-10T00:00:00Z'),
      lastError: {
        at: Date.parse('2023-02-11T00:00:00Z'),
        code: 'network',
        message: 'network error: Failed to fetch',
      },
      lastSkipped: [],
      lastWarnings: [],
    };
    renderOptions(fakeBackground({ ok: false, error: 'network error: Failed to fetch' }, [failing]));
    const row = (await screen.findByText(DEFAULT_FEED)).closest('li')!;
    const messages = () => [...row.querySelectorAll('.message__text')].map((m) => m.textContent);
    expect(messages()).toEqual(['上次检查出错（2023年2月11日\u00a008:00）：无法连接公告来源']);
    fireEvent.click(within(row).getByRole('button', { name: '测试' }));
    await waitFor(() => expect(messages()).toEqual(['测试未通过：无法连接公告来源']));
    expect(row.textContent).not.toMatch(/上次检查出错.*测试未通过/);
    expect(row.querySelector('details')?.textContent).toBe('详情network error: Failed to fetch');
  });

  it('speaks English with real plurals', async () => {
    renderOptions(fakeBackground({ ok: true, count: 1, skipped: 0 }, [], 'en'));
    const poll = await screen.findByRole('combobox', { name: 'Check for new notices' });
    const choices = [...poll.querySelectorAll('option')].map((o) => o.textContent);
    expect(choices).toContain('every hour');
    expect(choices).toContain('every 2 hours');
    expect(choices).toContain('every 15 minutes');
    expect(screen.getByRole('checkbox', { name: '1 day before' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '7 days before' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: '2 hours before' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\(s\)/);
    fireEvent.input(screen.getByLabelText('Address of a notice source'), {
      target: { value: 'https://feeds.example.com/sunset.xml' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Test and add' }));
    expect(await screen.findByText('Added: 1 notice')).toBeTruthy();
  });
});

describe('options: settings', () => {
  it('saves the poll interval, lead times, quiet hours, page warnings and language', async () => {
    const { bg } = renderOptions();
    fireEvent.change(await screen.findByRole('combobox', { name: '检查频率' }), { target: { value: '120' } });
    await waitFor(() => expect(bg.settings().pollMinutes).toBe(120));
    fireEvent.click(screen.getByRole('checkbox', { name: '提前 3 天' }));
    await waitFor(() => expect(bg.settings().leadMinutes).toEqual([10080, 4320, 1440, 120, 0]));
    fireEvent.click(screen.getByRole('checkbox', { name: '到点时' }));
    await waitFor(() => expect(bg.settings().leadMinutes).toEqual([10080, 4320, 1440, 120]));
    fireEvent.click(screen.getByRole('checkbox', { name: /在此时段内不弹出提醒/ }));
    await waitFor(() => expect(bg.settings().quietHours.enabled).toBe(true));
    fireEvent.click(screen.getByRole('checkbox', { name: /标出即将下线的产品/ }));
    await waitFor(() => expect(bg.settings().pageWarnings).toBe(false));
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('已保存');
    fireEvent.change(screen.getByRole('combobox', { name: '语言' }), { target: { value: 'en' } });
    await waitFor(() => expect(bg.settings().language).toBe('en'));
    expect(await screen.findByRole('heading', { name: 'Sunset Watch settings' })).toBeTruthy();
  });

  it('shows the background refusing an invalid value and keeps the last good settings', async () => {
    const bg = fakeBackground();
    const original = bg.transport;
    bg.transport = async (request: Request) =>
      request.type === 'settings/set'
        ? { ok: false, error: 'pollMinutes: Invalid value' }
        : original(request);
    renderOptions(bg);
    fireEvent.change(await screen.findByRole('combobox', { name: '检查频率' }), { target: { value: '30' } });
    expect(await screen.findByText('未能保存：pollMinutes: Invalid value')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: '检查频率' }) as HTMLSelectElement).value).toBe('60');
  });
});

describe('options: further 1688 pages', () => {
  function renderWithHosts(grant: boolean) {
    const bg = fakeBackground();
    const asked: string[][] = [];
    render(
      <OptionsApp
        transport={bg.transport}
        browserLanguage="zh-CN"
        defaultFeed={DEFAULT_FEED}
        requestAccess={async () => true}
        requestOrigins={async (origins) => {
          asked.push(origins);
          return grant;
        }}
      />,
    );
    return { bg, asked };
  }
  const addHost = async (host: string) => {
    fireEvent.input(await screen.findByLabelText('1688 页面域名'), { target: { value: host } });
    fireEvent.click(screen.getByRole('button', { name: '授权并添加' }));
  };

  it('asks for the host permission, then saves the host; it can be removed', async () => {
    const { bg, asked } = renderWithHosts(true);
    await addHost('https://XStore.Insights.1688.com/report');
    await waitFor(() => expect(bg.settings().extraHosts).toEqual(['xstore.insights.1688.com']));
    expect(asked).toEqual([['https://xstore.insights.1688.com/*']]);
    fireEvent.click(screen.getByRole('button', { name: '移除 xstore.insights.1688.com' }));
    await waitFor(() => expect(bg.settings().extraHosts).toEqual([]));
  });

  it.each([
    ['evil.example.com', '只能添加 1688 的域名（如 xstore.insights.1688.com 或 *.1688.com）。'],
    ['http://sycm.1688.com', '只能添加 1688 的域名（如 xstore.insights.1688.com 或 *.1688.com）。'],
    ['p4p.1688.com', '这个页面已默认启用提示。'],
  ])('refuses %s without asking the browser', async (host, message) => {
    const { bg, asked } = renderWithHosts(true);
    await addHost(host);
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(asked).toEqual([]);
    expect(bg.settings().extraHosts).toEqual([]);
  });

  it('saves nothing when the browser refuses the permission', async () => {
    const { bg, asked } = renderWithHosts(false);
    await addHost('*.1688.com');
    expect((await screen.findByRole('alert')).textContent).toBe('浏览器未授予访问权限，未添加。');
    expect(asked).toEqual([['https://*.1688.com/*']]);
    expect(bg.settings().extraHosts).toEqual([]);
  });
});

describe('options: 隐私 (issue 21)', () => {
  const privacy = async () => screen.findByRole('region', { name: '隐私' });

  it('says, last on the page, what stays on this computer and what the only requests are', async () => {
    renderOptions();
    const section = await privacy();
    const text = section.textContent ?? '';
    expect(text).toContain('都只存在这台电脑的浏览器里');
    expect(text).toContain('扩展发出的网络请求只有一种：从公告来源');
    expect(text).toContain('除此之外什么都不发送');
    // The end of the page, after 界面语言.
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.at(-1)).toBe('隐私');
    // No public address given to the build: no link that leads nowhere.
    expect(within(section).queryByRole('link')).toBeNull();
  });

  it('links the published statement when the build has its https address, and only then', async () => {
    const { privacyLink } = await import('../../../components/options/privacy-section.tsx');
    expect(privacyLink('http://example.com/PRIVACY.md')).toBeUndefined();
    expect(privacyLink('')).toBeUndefined();
    expect(privacyLink(undefined)).toBeUndefined();
    const url = 'https://example.com/sunset-watch/blob/main/docs/PRIVACY.md';
    expect(privacyLink(url)).toBe(url);
    render(
      <OptionsApp
        transport={fakeBackground().transport}
        browserLanguage="zh-CN"
        defaultFeed={DEFAULT_FEED}
        requestAccess={async () => true}
        privacyUrl={url}
      />,
    );
    const link = within(await privacy()).getByRole('link', { name: '隐私说明' });
    expect(link.getAttribute('href')).toBe(url);
  });

  it('in English too', async () => {
    renderOptions(fakeBackground(undefined, [], 'en'));
    const section = await screen.findByRole('region', { name: 'Privacy' });
    expect(section.textContent).toContain('The only network requests the extension makes download notices');
  });
});
