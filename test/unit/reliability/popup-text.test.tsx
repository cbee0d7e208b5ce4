// @vitest-environment happy-dom
// Issue 7 item 4: remote text is rendered as text and links pass the allow-list, in the popup's
// notice card (the real component). Fields carry the hostile strings a feed can deliver after
// parsing (literal markup, javascript:/data:/http: and look-alike hosts).
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { popupTranslator } from '../../../components/popup/i18n.ts';
import { NoticeCard } from '../../../components/popup/notice-card.tsx';
import type { Notice } from '../../../utils/notice/schema.ts';
import { record } from './record.ts';
import { storedNotice } from '../../support/stored-notice.ts';

afterEach(cleanup);

const MARKUP = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>粗</b>';

function card(notice: Notice) {
  const stored = storedNotice(notice);
  const { t } = popupTranslator('zh_CN', undefined);
  return render(
    <NoticeCard
      stored={stored}
      now={Date.parse('2023-02-11T00:00:00Z')}
      t={t}
      open
      onToggle={() => undefined}
      onMarkRead={() => undefined}
    />,
  ).container;
}

const notice = (replacementHref: string | undefined, link?: string): Notice => ({
  guid: 'hostile',
  title: `标题${MARKUP}`,
  ...(link ? { link } : {}),
  pubDate: '2023-02-10T17:48:00+08:00',
  description: `描述${MARKUP}`,
  sunset: {
    kind: 'retire',
    updated: '2023-02-10T17:48:00+08:00',
    platform: MARKUP,
    area: MARKUP,
    products: [
      {
        name: `方案${MARKUP}`,
        aliases: [MARKUP],
        milestones: [{ action: 'retire', at: '2023-02-17T00:00:00+08:00' }],
        replacements: [{ name: `替代${MARKUP}`, ...(replacementHref ? { href: replacementHref } : {}) }],
      },
    ],
    grandfather: `不受影响${MARKUP}`,
  },
});

describe('popup notice card: remote text as text', () => {
  test('markup in every field stays literal text; no element is created from it', (ctx) => {
    const root = card(notice(undefined, 'https://rule.1688.com/x'));
    expect(root.querySelectorAll('img, script, b, iframe').length).toBe(0);
    const text = root.textContent ?? '';
    for (const field of ['标题', '方案', '替代', '不受影响']) expect(text).toContain(`${field}${MARKUP}`);
    record(
      ctx,
      'security',
      'popup: markup in every text field',
      'literal text, no elements',
      '0 img/script/b/iframe; every field shown verbatim',
    );
  });
});

describe('popup notice card: link allow-list', () => {
  test.for([
    ['https://p4p.1688.com/solution', true],
    ['https://www.taobao.com/x', true],
    ['https://evil.example/phish', false],
    ['https://1688.com.evil.example/', false],
    ['http://p4p.1688.com/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<b>x</b>', false],
  ] as const)('replacement href %s → linked: %s', ([href, linked], ctx) => {
    const root = card(notice(href, 'https://rule.1688.com/x'));
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    const replacementLinked = hrefs.some((h) => h !== null && h !== 'https://rule.1688.com/x');
    expect(replacementLinked).toBe(linked);
    // The replacement's name is shown either way.
    expect(root.textContent).toContain('替代');
    record(
      ctx,
      'security',
      `popup replacement link ${href}`,
      linked ? 'linked' : 'shown as text, not linked',
      `links: ${hrefs.join(', ')}`,
    );
  });

  test.for(['javascript:alert(1)', 'data:text/html,x', 'http://rule.1688.com/x'])(
    'notice link %s is never a link',
    (link, ctx) => {
      const root = card(notice(undefined, link));
      expect(root.querySelectorAll('a').length).toBe(0);
      record(ctx, 'security', `popup notice link ${link}`, 'not linked', 'no <a> rendered');
    },
  );
});
