// @vitest-environment happy-dom
// The offer decision and what the offer shows (issue 19 item 3): a retiring product and a
// milestone, or nothing; the notice a capture starts from; and the <sunset-watch-capture> element,
// whose text comes from the page and must stay text, and whose buttons only the merchant presses.
import { describe, expect, it } from 'vitest';
import { CAPTURE_TAG, renderOffer } from '../../../components/capture/offer.ts';
import { draftNotice, isLocalGuid, isRetirement, newLocalGuid } from '../../../utils/capture/draft.ts';
import { capture } from '../../../utils/capture/extract.ts';
import type { Extraction } from '../../../utils/extract/schema.ts';
import { makeTranslator, mergeParts } from '../../../utils/i18n/catalog.ts';
import zhCapture from '../../../locales/zh_CN/capture.json';
import zhCommon from '../../../locales/zh_CN/common.json';
import { spaced } from '../../support/spaces.ts';
import { loadCorpus } from '../extract/corpus.ts';

const zh = makeTranslator({ zh_CN: mergeParts([zhCommon, zhCapture]) }, 'zh_CN');
const NOW = Date.parse('2026-12-02T09:00:00+08:00');
const meta = { guid: 'local:test', now: NOW };

// Training files only (issue 19 item 2: a held-back part is never used to tune or test rules here).
const corpus = loadCorpus('training');

const extraction = (patch: Partial<Extraction>): Extraction => ({
  kind: 'retire',
  products: ['旧版报表'],
  replacements: ['新版报表'],
  grandfather: null,
  milestones: [{ action: 'retire', at: '2026-12-20T00:00:00+08:00', text: '…' }],
  dates: [],
  ...patch,
});

describe('isRetirement: the offer decision', () => {
  it.each([
    ['a retiring product and a dated milestone', extraction({}), true],
    [
      'a milestone announced without a date (即将下线)',
      extraction({ milestones: [{ action: 'retire', at: null, text: '即将下线' }] }),
      true,
    ],
    ['a postponement', extraction({ kind: 'postpone' }), true],
    ['no product', extraction({ products: [] }), false],
    ['no milestone', extraction({ milestones: [] }), false],
    [
      'a rule taking effect (policy)',
      extraction({
        kind: 'policy',
        milestones: [{ action: 'policy-effective', at: '2026-12-20T00:00:00+08:00', text: '…' }],
      }),
      false,
    ],
    [
      'only a rule taking effect, whatever the kind',
      extraction({
        milestones: [{ action: 'policy-effective', at: '2026-12-20T00:00:00+08:00', text: '…' }],
      }),
      false,
    ],
    ['a withdrawn retirement', extraction({ kind: 'cancel' }), false],
    ['plain news', extraction({ kind: 'info' }), false],
  ])('%s', (_, x, expected) => {
    expect(isRetirement(x)).toBe(expected);
  });

  // The training part grows with texts the extractor was not tuned on (issue 19's later batches), so
  // these are floors over it, each printing its misses: just under what it measured on 2026-12-03
  // (2 offers on 91 notices that retire nothing; 156 of 186 retirements offered; on 2026-12-04, with
  // 114 more texts, 4 of 147 and 199 of 244). An offer where
  // nothing retires is the error a merchant meets on the page; an offer missed leaves capture by
  // selection. A change that falls below either must say why, here.
  const labelledRetirement = (f: (typeof corpus)[number]) =>
    ['retire', 'postpone'].includes(f.expected.kind) && f.expected.products.length > 0;
  const offered = (f: (typeof corpus)[number]) => {
    const read = capture({ text: f.text, title: '', published: f.published }, meta);
    return read.ok && read.retirement;
  };

  it('offers nothing on the training announcements that retire nothing (at most 3 in 100)', () => {
    const others = corpus.filter((f) => !labelledRetirement(f));
    const wrong = others.filter(offered);
    console.log(
      `offers on ${wrong.length} of ${others.length} that retire nothing: ${wrong.map((f) => f.file).join(', ')}`,
    );
    expect(others.length).toBeGreaterThan(40);
    expect(wrong.length / others.length).toBeLessThanOrEqual(0.03);
  });

  it('offers on most training announcements of a retirement (at least 80%)', () => {
    const retirements = corpus.filter(labelledRetirement);
    const missed = retirements.filter((f) => !offered(f));
    console.log(
      `offers on ${retirements.length - missed.length} of ${retirements.length} retirements; missed: ${missed.map((f) => f.file).join(', ')}`,
    );
    expect(retirements.length).toBeGreaterThan(100);
    expect(missed.length / retirements.length).toBeLessThanOrEqual(0.2);
  });

  it('offers nothing for a page that is no announcement', () => {
    for (const text of [
      '欢迎来到1688规则中心。这里汇集了平台规则、公告、规则解读和意见征集，帮助您了解平台的经营要求。',
      '广告信息变更后未经审核继续推广的,一经发现,1688有权立即下线违规广告信息,并按照本规范及1688平台规则对违规用户进行处理。',
      '《1688商家发货行为管理规范》的相关规则将进行变更，本次更新于2025年2月10日公示，2025年2月18日生效。',
    ]) {
      const read = capture({ text, title: '', published: '2026-12-01' }, meta);
      expect(read.ok && read.retirement, text).toBe(false);
    }
  });
});

describe('draftNotice', () => {
  it('one product per name, each with the milestones naming it or none; replacements; https link only', () => {
    const x = extraction({
      products: ['家居百货解决方案', '行业优选解决方案'],
      replacements: ['消费品解决方案', '工业品解决方案'],
      grandfather: '此前订购的方案不受影响',
      milestones: [
        { action: 'no-new-orders', at: '2026-12-07T00:00:00+08:00', text: '…' },
        { action: 'no-new-orders', at: '2026-12-07T00:00:00+08:00', text: '…（重复）' },
        { product: '行业优选解决方案', action: 'retire', at: '2026-12-20T00:00:00+08:00', text: '…' },
      ],
    });
    const n = draftNotice(
      x,
      { title: ' 下线公告 ', published: '2026-11-30', link: 'https://rule.1688.com/rule/detail/1.htm' },
      meta,
    );
    expect(n).toEqual({
      guid: 'local:test',
      title: '下线公告',
      link: 'https://rule.1688.com/rule/detail/1.htm',
      pubDate: '2026-11-30T00:00:00+08:00',
      sunset: {
        kind: 'retire',
        updated: '2026-12-02T09:00:00+08:00',
        grandfather: '此前订购的方案不受影响',
        products: [
          {
            name: '家居百货解决方案',
            aliases: [],
            milestones: [{ action: 'no-new-orders', at: '2026-12-07T00:00:00+08:00' }],
            replacements: [{ name: '消费品解决方案' }, { name: '工业品解决方案' }],
          },
          {
            name: '行业优选解决方案',
            aliases: [],
            milestones: [
              { action: 'no-new-orders', at: '2026-12-07T00:00:00+08:00' },
              { action: 'retire', at: '2026-12-20T00:00:00+08:00' },
            ],
            replacements: [{ name: '消费品解决方案' }, { name: '工业品解决方案' }],
          },
        ],
      },
    });
    const insecure = draftNotice(
      x,
      { title: '', published: '2026-11-30', link: 'http://rule.1688.com/x', text: '第一行\n第二行' },
      meta,
    );
    expect(insecure.link).toBeUndefined();
    expect(insecure.title).toBe('第一行');
  });

  it('local guids', () => {
    expect(newLocalGuid(() => 'abc')).toBe('local:abc');
    expect(isLocalGuid(newLocalGuid())).toBe(true);
    expect(isLocalGuid('1688-dm-2023-02-10-solutions')).toBe(false);
  });
});

describe('<sunset-watch-capture>', () => {
  const hostile = draftNotice(
    extraction({
      products: ['<img src=x onerror="window.__pwned=1">解决方案', '方案二', '方案三', '方案四'],
      replacements: ['<b>新版</b>报表'],
      milestones: [{ action: 'no-new-orders', at: '2026-12-07T00:00:00+08:00', text: '…' }],
    }),
    { title: '<script>window.__pwned=1</script>', published: '2026-11-30' },
    meta,
  );

  it('shows each product with what happens when, the replacements, and its two buttons; page text stays text', () => {
    const calls: string[] = [];
    const host = renderOffer(document, hostile, NOW, zh, {
      onAdd: () => calls.push('add'),
      onDismiss: () => calls.push('dismiss'),
    });
    document.body.append(host);
    expect(host.localName).toBe(CAPTURE_TAG);
    const root = host.shadowRoot!;
    expect(root.mode).toBe('open');
    const text = spaced(root.textContent ?? '');
    expect(text).toContain('<img src=x onerror="window.__pwned=1">解决方案');
    expect(text).toContain('2026年12月7日 00:00（北京时间）停止新订购');
    expect(text).toContain('剩 4 天 15 小时');
    expect(text).toContain('另有 1 个产品');
    expect(text).toContain('替代方案：<b>新版</b>报表');
    expect(root.querySelectorAll('img, b, script')).toHaveLength(0);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      '加入下线预警',
      '不再提示',
    ]);
    host.remove();
  });

  it('a page script’s click does nothing; the merchant’s opens the review page and says so', () => {
    const calls: string[] = [];
    const host = renderOffer(document, hostile, NOW, zh, {
      onAdd: () => calls.push('add'),
      onDismiss: () => calls.push('dismiss'),
    });
    const add = host.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="add"]')!;
    add.click();
    add.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(calls).toEqual([]);
    // happy-dom makes no trusted events: a real one is stood in for by its flag.
    const trusted = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(trusted, 'isTrusted', { value: true });
    add.dispatchEvent(trusted);
    expect(calls).toEqual(['add']);
    expect(host.shadowRoot!.textContent).toContain('已在新标签页打开');
    const dismiss = host.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="dismiss"]')!;
    const trustedDismiss = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(trustedDismiss, 'isTrusted', { value: true });
    dismiss.dispatchEvent(trustedDismiss);
    expect(calls).toEqual(['add', 'dismiss']);
  });
});
