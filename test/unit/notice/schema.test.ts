import { describe, expect, it } from 'vitest';
import { validateNotice, type Notice } from '../../../utils/notice/schema.ts';
import { isoProblem, toBeijingIso } from '../../../utils/notice/time.ts';

const good: Notice = {
  guid: '1688-dm-2023-02-10-solutions',
  title: '1688数字营销平台将下线家居百货和行业优选解决方案',
  link: 'https://rule.1688.com/',
  pubDate: '2023-02-10T17:48:00+08:00',
  sunset: {
    kind: 'retire',
    updated: '2023-02-10T17:48:00+08:00',
    products: [
      {
        name: '家居百货解决方案',
        aliases: [],
        milestones: [{ action: 'no-new-orders', at: '2023-02-17T00:00:00+08:00' }],
        replacements: [{ name: '消费品解决方案', href: 'https://p4p.1688.com/' }],
      },
    ],
  },
};

describe('isoProblem', () => {
  it.each([
    ['2023-02-17T00:00:00+08:00', null],
    ['2023-02-17T00:00Z', null],
    ['2023-02-17T00:00:00', 'missing-offset'],
    ['2023-02-17', 'missing-offset'],
    ['2023-02-30T00:00:00+08:00', 'impossible-date'],
    ['2023-02-17T25:00:00+08:00', 'impossible-date'],
    // Month lengths and leap years, checked without a Date round trip.
    ['2024-02-29T00:00:00+08:00', null],
    ['2000-02-29T00:00:00+08:00', null],
    ['2023-02-29T00:00:00+08:00', 'impossible-date'],
    ['2100-02-29T00:00:00+08:00', 'impossible-date'],
    ['2023-04-31T00:00:00+08:00', 'impossible-date'],
    ['2023-12-31T23:59:59+08:00', null],
    ['2023-13-01T00:00:00+08:00', 'impossible-date'],
    ['2023-00-10T00:00:00+08:00', 'impossible-date'],
    ['2023-01-00T00:00:00+08:00', 'impossible-date'],
    ['next friday', 'not-a-date'],
  ])('%s → %s', (input, expected) => {
    expect(isoProblem(input)).toBe(expected);
  });
});

describe('validateNotice', () => {
  it('accepts a well-formed notice', () => {
    expect(validateNotice(good)).toEqual({ ok: true, value: good });
  });

  it('names the field and the reason', () => {
    const bad = structuredClone(good);
    bad.sunset!.products[0]!.milestones[0]!.at = '2023-02-30T00:00:00+08:00';
    bad.link = 'javascript:alert(1)';
    const result = validateNotice(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { field: 'link', reason: '"javascript:alert(1)" is not an https: link' },
        expect.objectContaining({ field: 'sunset.products.0.milestones.0.at' }),
      ]),
    );
  });

  it('refuses an unknown action and an empty product name', () => {
    const bad = structuredClone(good) as unknown as {
      sunset: { products: { name: string; milestones: { action: string }[] }[] };
    };
    bad.sunset.products[0]!.name = '  ';
    bad.sunset.products[0]!.milestones[0]!.action = 'explode';
    const result = validateNotice(bad);
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual([
      'sunset.products.0.name',
      'sunset.products.0.milestones.0.action',
    ]);
  });
});

describe('toBeijingIso', () => {
  it('shows an instant in +08:00', () => {
    expect(toBeijingIso(Date.parse('2023-02-16T16:00:00Z'))).toBe('2023-02-17T00:00:00+08:00');
  });
});
