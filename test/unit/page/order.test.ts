// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { isOrderLabel, orderControlOf, ownerOf } from '../../../utils/page/order.ts';
import { setPage as page } from './fixtures.ts';

describe('isOrderLabel', () => {
  it.each([
    ['订购', true],
    ['立即订购', true],
    ['续订', true],
    ['购买', true],
    ['续费', true],
    [' 立即 开通 ', true],
    ['查看订购记录', false],
    ['取消订购', false],
    ['编辑', false],
    ['暂停推广', false],
    ['', false],
    ['本方案支持订购后随时调整预算与投放地域设置', false],
  ])('%s → %s', (label, expected) => {
    expect(isOrderLabel(label)).toBe(expected);
  });
});

describe('owner of an order control', () => {
  it.each([
    [
      '<table><tr id="o"><td>家居百货解决方案</td><td><button id="t"><span>订购</span></button></td></tr></table>',
      'o',
    ],
    ['<div class="next-table-row" id="o"><div>x</div><a id="t" href="#">续费</a></div>', 'o'],
    [
      '<div class="next-card" id="o"><div class="next-card-body"><button class="next-btn" id="t">立即订购</button></div></div>',
      'o',
    ],
    [
      '<div class="next-overlay-wrapper opened" id="o"><div class="next-dialog"><button id="t">购买</button></div></div>',
      null,
    ],
    [
      '<div class="next-overlay-wrapper opened" id="o"><ul><li class="next-menu-item" id="t">续订</li></ul></div>',
      'o',
    ],
    ['<div><button id="t">订购</button></div>', 'none'],
  ])('%s', (html, owner) => {
    page(html);
    const control = orderControlOf(document.getElementById('t')!.firstChild ?? document.getElementById('t'));
    expect(control).not.toBeNull();
    const got = ownerOf(control!);
    if (owner === null) expect(got?.className).toBe('next-dialog');
    else if (owner === 'none') expect(got).toBeNull();
    else expect(got?.id).toBe(owner);
  });

  it('ignores clicks on other controls and disabled buttons', () => {
    page(
      '<tr><td><button id="e">编辑</button><button id="d" disabled>订购</button><span id="x">订购</span></td></tr>',
    );
    expect(orderControlOf(document.getElementById('e'))).toBeNull();
    expect(orderControlOf(document.getElementById('d'))).toBeNull();
    expect(orderControlOf(document.getElementById('x'))).toBeNull();
  });
});
