import { describe, expect, it } from 'vitest';
import { checkRequest, sendMessage, type Request } from '../../../utils/messages/protocol.ts';
import { DEFAULT_SETTINGS } from '../../../utils/store/settings.ts';

const self = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const contentScript = { id: 'ext-id', url: 'https://p4p.1688.com/index.html', tab: {} };

describe('checkRequest', () => {
  it.each([
    ['a popup list request', { type: 'notices/list' }, popup, true],
    ['a content script asking for watched products', { type: 'watched/list' }, contentScript, true],
    ['the same, in its page’s language', { type: 'watched/list', language: 'zh-CN' }, contentScript, true],
    [
      'a language that is no language tag',
      { type: 'watched/list', language: 'x'.repeat(101) },
      contentScript,
      false,
    ],
    [
      'a content script dismissing a banner',
      { type: 'banner/dismiss', guid: 'g', hash: 'h' },
      contentScript,
      true,
    ],
    [
      'a web page or other extension',
      { type: 'notices/list' },
      { id: 'other-ext', url: 'https://evil.example/' },
      false,
    ],
    ['a sender without id', { type: 'notices/list' }, { url: 'https://evil.example/' }, false],
    [
      'a content script changing settings',
      { type: 'settings/set', settings: DEFAULT_SETTINGS },
      contentScript,
      false,
    ],
    ['a content script forcing a refresh', { type: 'feeds/refresh' }, contentScript, false],
    ['an unknown type', { type: 'notices/delete' }, popup, false],
    ['a malformed payload', { type: 'notices/markRead', guids: 'all' }, popup, false],
    [
      'invalid settings',
      { type: 'settings/set', settings: { ...DEFAULT_SETTINGS, pollMinutes: 1 } },
      popup,
      false,
    ],
    ['not an object', 'notices/list', popup, false],
  ])('%s', (_name, message, sender, ok) => {
    expect(checkRequest(message, sender, self).ok).toBe(ok);
  });

  it('says why it refused', () => {
    const result = checkRequest({ type: 'settings/set', settings: DEFAULT_SETTINGS }, contentScript, self);
    expect(!result.ok && result.error).toMatch(/extension pages only/);
  });
});

describe('sendMessage', () => {
  it('unwraps a reply and throws a handler error', async () => {
    const ok = async (_r: Request) => ({ ok: true, value: { updated: 3 } });
    expect(await sendMessage({ type: 'notices/markAllRead' }, ok)).toEqual({ updated: 3 });
    const failing = async () => ({ ok: false, error: 'nope' });
    await expect(sendMessage({ type: 'notices/markAllRead' }, failing)).rejects.toThrow('nope');
    await expect(sendMessage({ type: 'notices/markAllRead' }, async () => undefined)).rejects.toThrow(
      /no reply/,
    );
  });
});
