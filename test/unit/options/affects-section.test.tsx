// @vitest-environment happy-dom
// 与我相关 in the options page (issue 20): 提醒范围 saved through the real settings validation and
// said plainly (what 仅与我相关 misses, and that with nothing seen nothing arrives), every product
// seen with all that is kept about it, and 清除使用记录.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../components/options/options-app.tsx';
import type { Request } from '../../../utils/messages/protocol.ts';
import type { SeenProduct } from '../../../utils/store/db.ts';
import { DEFAULT_SETTINGS, validateSettings, type Settings } from '../../../utils/store/settings.ts';
import { spaced } from '../../support/spaces.ts';

afterEach(cleanup);

const SEEN: SeenProduct[] = [
  {
    name: '家居百货解决方案',
    firstSeenAt: Date.parse('2026-11-20T10:05:00+08:00'),
    lastSeenAt: Date.parse('2026-12-01T09:30:00+08:00'),
    loads: 6,
    maxPlaces: 4,
    maxPlans: 3,
    where: ['p4p.1688.com/main.html#!/report/plan', 'air.1688.com/app/marketing/panel.html'],
  },
];

function fakeBackground(seen: SeenProduct[] = SEEN) {
  const sent: Request[] = [];
  let settings: Settings = { ...DEFAULT_SETTINGS, language: 'zh_CN' };
  let records = seen;
  const transport = async (request: Request) => {
    sent.push(request);
    switch (request.type) {
      case 'notices/list':
        return { ok: true, value: { notices: [], feeds: [], now: 0, settings, seen: records } };
      case 'settings/set': {
        const checked = validateSettings(request.settings);
        if (!checked.ok) return { ok: false, error: checked.error };
        settings = checked.value;
        return { ok: true, value: settings };
      }
      case 'seen/clear':
        records = [];
        return { ok: true, value: { ok: true } };
      default:
        return { ok: false, error: 'unexpected' };
    }
  };
  return { sent, transport, settings: () => settings };
}

function renderOptions(bg = fakeBackground()) {
  render(
    <OptionsApp
      transport={bg.transport}
      browserLanguage="zh-CN"
      defaultFeed="http://127.0.0.1:8787/feed.xml"
      requestAccess={async () => true}
    />,
  );
  return bg;
}

describe('options: 与我相关', () => {
  it('shows every product seen: name, last seen, where, and the rest of what is kept', async () => {
    renderOptions();
    const row = (await screen.findByRole('row', { name: /家居百货解决方案/ })) as HTMLElement;
    const text = spaced(row.textContent!);
    expect(text).toContain('2026年12月1日 09:30');
    expect(text).toContain('数字营销 /main.html#!/report/plan');
    expect(text).toContain('工作台面板 /app/marketing/panel.html');
    expect(text).toContain(
      '第一次见到：2026年11月20日 10:05 · 页面打开 6 次 · 一页最多 4 处（其中计划 3 个）',
    );
    // How long: said where it is kept.
    expect(screen.getByText(/最近一次见到后 180 天自动删除/)).toBeTruthy();
  });

  it('清除使用记录 asks the background and empties the list', async () => {
    const bg = renderOptions();
    const clear = await screen.findByRole('button', { name: '清除使用记录' });
    fireEvent.click(clear);
    await waitFor(() => expect(screen.getByText('还没有记录。')).toBeTruthy());
    expect(bg.sent).toContainEqual({ type: 'seen/clear' });
    expect(screen.queryByRole('row', { name: /家居百货解决方案/ })).toBeNull();
    expect((screen.getByRole('button', { name: '清除使用记录' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('提醒范围: 全部公告 by default; 仅与我相关 saved, with what it misses said plainly', async () => {
    const bg = renderOptions();
    const group = within((await screen.findByText('提醒范围')).closest('fieldset')!);
    expect((group.getByLabelText('全部公告（默认）') as HTMLInputElement).checked).toBe(true);
    expect(group.getByText(/从没出现过的产品，一条提醒也不会有/)).toBeTruthy();
    expect(group.getByText(/扩展没打开过的页面里用的产品，就会错过提醒/)).toBeTruthy();
    fireEvent.click(group.getByLabelText('仅与我相关'));
    await waitFor(() => expect(bg.settings().remindScope).toBe('affects'));
    // Products were seen: no warning that nothing will arrive.
    expect(screen.queryByText(/现在不会收到任何提醒/)).toBeNull();
  });

  it('with 仅与我相关 and nothing seen, says that no reminder will arrive', async () => {
    renderOptions(fakeBackground([]));
    fireEvent.click(await screen.findByLabelText('仅与我相关'));
    expect(await screen.findByText('目前还没有见到任何产品，所以现在不会收到任何提醒。')).toBeTruthy();
  });
});
