import { describe, expect, it } from 'vitest';
import { extraHostPatterns, normalizeHost } from '../../../utils/page/hosts.ts';

describe('normalizeHost', () => {
  it.each([
    ['xstore.insights.1688.com', 'xstore.insights.1688.com'],
    [' SYCM.1688.com ', 'sycm.1688.com'],
    ['https://shop.1688.com/page?x=1', 'shop.1688.com'],
    ['*.1688.com', '*.1688.com'],
    ['1688.com', '1688.com'],
    ['http://shop.1688.com', null],
    ['javascript:alert(1)', null],
    ['evil1688.com', null],
    ['1688.com.evil.example', null],
    ['user@shop.1688.com', null],
    ['shop.1688.com:8443', null],
    ['sh_op.1688.com', null],
    ['', null],
  ])('%s → %s', (entry, host) => {
    expect(normalizeHost(entry)).toBe(host);
  });
});

describe('extraHostPatterns', () => {
  it('turns entries into https match patterns, leaving out built-in and invalid hosts', () => {
    expect(
      extraHostPatterns([
        'xstore.insights.1688.com',
        'p4p.1688.com',
        'XSTORE.insights.1688.com',
        'evil.example',
      ]),
    ).toEqual(['https://xstore.insights.1688.com/*']);
  });
});
