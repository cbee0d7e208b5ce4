import { describe, expect, it } from 'vitest';
import { httpsHref, platformHref } from '../../../utils/page/links.ts';

describe('links', () => {
  it.each([
    ['https://p4p.1688.com/main.html#!/x', true, true],
    ['https://1688.com/', true, true],
    ['https://one.alimama.com/index.html', true, true],
    ['https://myseller.taobao.com/', true, true],
    ['https://www.alibaba.com/', true, true],
    ['https://evil-1688.com/', true, false],
    ['https://1688.com.evil.example/', true, false],
    ['https://user:pw@p4p.1688.com/', false, false],
    ['http://p4p.1688.com/', false, false],
    ['javascript:alert(1)', false, false],
    ['JaVaScRiPt:alert(1)', false, false],
    ['data:text/html,<b>x</b>', false, false],
    ['//p4p.1688.com/', false, false],
    ['', false, false],
    [undefined, false, false],
  ])('%s', (href, https, platform) => {
    expect(httpsHref(href) !== null).toBe(https);
    expect(platformHref(href) !== null).toBe(platform);
  });
});
