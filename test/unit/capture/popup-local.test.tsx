// @vitest-environment happy-dom
// Local notices in the popup (issue 19 item 5): marked 本地识别 in the marks slot, editable (the
// review page on that guid) and deletable after a confirmation; a feed notice that took a capture
// over says 已由公告来源确认. Feed notices can be neither edited nor deleted.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../components/popup/popup-app.tsx';
import type { Request } from '../../../utils/messages/protocol.ts';
import type { Notice } from '../../../utils/notice/schema.ts';
import type { StoredNotice } from '../../../utils/store/db.ts';
import { DEFAULT_SETTINGS } from '../../../utils/store/settings.ts';
import { storedNotice } from '../../support/stored-notice.ts';

afterEach(cleanup);

const NOW = Date.parse('2026-12-02T09:00:00+08:00');

const notice = (guid: string, name: string, at: string): Notice => ({
  guid,
  title: `${name}下线`,
  pubDate: '2026-11-30T00:00:00+08:00',
  sunset: {
    kind: 'retire',
    updated: '2026-11-30T00:00:00+08:00',
    products: [
      {
        name,
        aliases: [],
        milestones: [{ action: 'no-new-orders', at }],
        replacements: [{ name: '消费品解决方案' }],
      },
    ],
  },
});

const local = storedNotice(notice('local:1', '行业优选解决方案', '2026-12-07T00:00:00+08:00'), {
  origin: 'local',
  read: true,
});
const feed = storedNotice(notice('feed-jiaju', '家居百货解决方案', '2026-12-05T00:00:00+08:00'), {
  confirms: [{ guid: 'local:0', title: '家居百货解决方案下线公告', products: ['家居百货解决方案'], at: NOW }],
});

function background(notices: StoredNotice[]) {
  const sent: Request[] = [];
  let list = notices;
  const transport = async (request: Request) => {
    sent.push(request);
    if (request.type === 'notices/list')
      return {
        ok: true,
        value: { notices: list, feeds: [], now: NOW, settings: { ...DEFAULT_SETTINGS, language: 'zh_CN' } },
      };
    if (request.type === 'capture/delete') {
      list = list.filter((n) => n.guid !== request.guid);
      return { ok: true, value: { deleted: true } };
    }
    return { ok: true, value: { updated: 0 } };
  };
  return { sent, transport };
}

function renderPopup(bg = background([local, feed])) {
  const edited: string[] = [];
  const view = render(
    <PopupApp
      transport={bg.transport}
      now={() => NOW}
      browserLanguage="zh-CN"
      timeZone="Asia/Shanghai"
      openCapture={(guid) => edited.push(guid)}
    />,
  );
  return { ...view, bg, edited };
}

const item = (container: Element, guid: string) =>
  container.querySelector<HTMLElement>(`[data-notice-id="${guid}"]`)!;

describe('local notices in the popup', () => {
  it('are marked 本地识别 after the name; a feed notice that took one over says 已由公告来源确认', async () => {
    const { container } = renderPopup();
    await screen.findByText('行业优选解决方案');
    const mine = item(container, 'local:1');
    expect(mine.querySelector('.line__main')?.textContent).toContain('行业优选解决方案 本地识别');
    expect(within(mine).getByText('本地识别').getAttribute('title')).toBe(
      '您在这台电脑上识别保存的公告，只存在本机',
    );
    const theirs = item(container, 'feed-jiaju');
    expect(within(theirs).queryByText('本地识别')).toBeNull();
    expect(within(theirs).getByText('已由公告来源确认').getAttribute('title')).toBe(
      '您在本机识别的「家居百货解决方案下线公告」已并入这条公告，以公告来源为准',
    );
  });

  it('编辑 opens the review page on that guid; only a local notice has it', async () => {
    const { container, edited } = renderPopup();
    await screen.findByText('行业优选解决方案');
    const mine = item(container, 'local:1');
    fireEvent.click(within(mine).getByRole('button', { name: /行业优选解决方案/ }));
    fireEvent.click(within(mine).getByRole('button', { name: '编辑' }));
    expect(edited).toEqual(['local:1']);
    expect(within(item(container, 'feed-jiaju')).queryByRole('button', { name: '编辑' })).toBeNull();
    expect(within(item(container, 'feed-jiaju')).queryByRole('button', { name: '删除' })).toBeNull();
  });

  it('删除 asks first: 取消 keeps it, 删除 deletes it and the list follows', async () => {
    const { container, bg } = renderPopup();
    await screen.findByText('行业优选解决方案');
    const mine = item(container, 'local:1');
    fireEvent.click(within(mine).getByRole('button', { name: /行业优选解决方案/ }));
    fireEvent.click(within(mine).getByRole('button', { name: '删除' }));
    const ask = within(mine).getByRole('group', { name: /删除这条本地识别的公告/ });
    fireEvent.click(within(ask).getByRole('button', { name: '取消' }));
    expect(bg.sent.some((r) => r.type === 'capture/delete')).toBe(false);
    fireEvent.click(within(mine).getByRole('button', { name: '删除' }));
    fireEvent.click(
      within(within(mine).getByRole('group', { name: /删除这条本地识别的公告/ })).getByRole('button', {
        name: '删除',
      }),
    );
    await waitFor(() => expect(item(container, 'local:1')).toBeNull());
    expect(bg.sent.filter((r) => r.type === 'capture/delete')).toEqual([
      { type: 'capture/delete', guid: 'local:1' },
    ]);
    expect(item(container, 'feed-jiaju')).not.toBeNull();
  });
});
