// @vitest-environment happy-dom
// Which controls are orders, and what each orders. The markup follows what @alifd/next 1.27
// renders on React 18 (Table with locked columns, tree Table, Radio.Group, Select, Step, Form,
// Dropdown/Menu in body > .next-overlay-wrapper, Drawer), as dumped from Chromium.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { FlowMemory, choicesIn } from '../../../utils/page/choices.ts';
import { Matcher } from '../../../utils/page/matcher.ts';
import { ORDER_WORDS, normalizeLabel, orderControlAt, orderKindOf } from '../../../utils/page/order.ts';
import { orderedNames, rowCopies, type OwnerEnv } from '../../../utils/page/owner.ts';
import { setPage as page } from './fixtures.ts';

const matcher = new Matcher(
  ['家居百货解决方案', '跨境专供解决方案'].map((name) => ({ name, terms: [name] })),
);
let env: OwnerEnv;
beforeEach(() => {
  env = {
    names: (text) => [...new Set(matcher.find(text).map((h) => matcher.entries[h.entry]!.name))],
    memory: new FlowMemory(),
    location: { pathname: '/main.html', hash: '#!/order/create' },
  };
});

/** Only `cursor: pointer` set inline counts in these tests (happy-dom computes little else). */
const pointer = (el: Element): boolean => (el as HTMLElement).style?.cursor === 'pointer';
const control = (id: string) => orderControlAt(document.getElementById(id)!, pointer);
/** What a click on #id orders: null when it is no order control at all. */
const ordered = (id: string): string[] | null => {
  const hit = control(id);
  return hit ? orderedNames(hit, env) : null;
};

describe('order words', () => {
  it('README’s table lists every word with its kind, and each example reads as that kind', () => {
    // | 订购 | order | 立即订购 · 确认订购 · 订购 家居百货解决方案 |
    const readme = readFileSync(
      fileURLToPath(import.meta.url).replace(/test\/unit\/page\/.*$/, 'README.md'),
      'utf8',
    );
    const rows = [...readme.matchAll(/^\| (\S+) \| (order|step)[^|]* \| ([^|]+) \|$/gm)].map((m) => ({
      word: m[1]!,
      kind: m[2] as 'order' | 'step',
      examples: m[3]!.split(' · ').map((x) => x.replace(/\s*\(.*\)\s*$/, '').trim()),
    }));
    expect(rows.map((r) => `${r.kind}:${r.word}`).sort()).toEqual(
      Object.entries(ORDER_WORDS)
        .flatMap(([kind, words]) => words.map((w) => `${kind}:${w}`))
        .sort(),
    );
    for (const row of rows)
      for (const example of row.examples)
        expect([example, orderKindOf(normalizeLabel(example))]).toEqual([example, row.kind]);
  });

  it.each([
    ['立即订购', 'order'],
    [' 立即 开通 ', 'order'],
    ['提交订单', 'order'],
    ['去支付', 'order'],
    ['续订 家居百货解决方案', 'order'],
    ['家居百货解决方案 续费', 'order'],
    ['下一步 >', 'step'],
    ['确定', 'step'],
    ['确认修改', null],
    ['查看订购记录', null],
    ['取消订购', null],
    ['关闭自动续费', null],
    ['编辑', null],
    ['暂停推广', null],
    ['', null],
    ['本方案支持订购后随时调整预算与投放地域设置', null],
  ])('%s → %s', (label, kind) => {
    expect(orderKindOf(normalizeLabel(label))).toBe(kind);
  });
});

describe('order controls, whatever their tag', () => {
  it('finds buttons, links, roles and page-styled clickable spans; ignores text and disabled ones', () => {
    page(
      `<table><tr><td>家居百货解决方案</td><td>
        <button id="b"><span id="b-in">续订</span></button>
        <span class="table-action" id="s" style="cursor: pointer">续订</span>
        <span id="plain">续订</span>
        <div role="button" tabindex="0" id="r">续费</div>
        <a id="a">续订</a><button id="e">编辑</button><button id="d" disabled>订购</button>
      </td></tr></table>`,
    );
    expect(control('b-in')?.control.id).toBe('b');
    expect(control('s')?.control.id).toBe('s');
    expect(control('r')?.control.id).toBe('r');
    expect(control('a')?.control.id).toBe('a');
    expect(control('plain')).toBeNull();
    expect(control('e')).toBeNull();
    expect(control('d')).toBeNull();
  });

  it('reaches a control inside an open shadow root and owns it by the component', () => {
    page('<order-widget id="w"></order-widget>');
    const root = document.getElementById('w')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<h4>家居百货解决方案</h4><button id="in">立即订购</button>';
    const hit = orderControlAt(root.getElementById('in')!, pointer);
    expect(hit?.control.id).toBe('in');
    expect(orderedNames(hit!, env)).toEqual(['家居百货解决方案']);
  });
});

// Fusion's lock="right" 操作 column: the main table holds every column, `.next-table-lock-right`
// a copy of the locked cells; the copy's <tr> names nothing, its cells carry the row index.
const lockedTable = `
<div class="next-table next-table-lock" id="t"><div class="next-table-inner">
  <div class="next-table-body"><table><tbody>
    <tr class="next-table-row first" role="row">
      <td data-next-table-col="0" data-next-table-row="0" class="next-table-cell"><div class="next-table-cell-wrapper">家居百货春季推广</div></td>
      <td data-next-table-col="1" data-next-table-row="0" class="next-table-cell"><div class="next-table-cell-wrapper">家居百货解决方案</div></td>
      <td data-next-table-col="2" data-next-table-row="0" class="next-table-cell"><div class="next-table-cell-wrapper"><span><a>续订</a>|<a>编辑</a></span></div></td>
    </tr>
    <tr class="next-table-row last" role="row">
      <td data-next-table-col="0" data-next-table-row="1" class="next-table-cell"><div class="next-table-cell-wrapper">大客定制计划</div></td>
      <td data-next-table-col="1" data-next-table-row="1" class="next-table-cell"><div class="next-table-cell-wrapper">大客方案</div></td>
      <td data-next-table-col="2" data-next-table-row="1" class="next-table-cell"><div class="next-table-cell-wrapper"><span><a>续订</a>|<a>编辑</a></span></div></td>
    </tr>
  </tbody></table></div>
  <div class="next-table next-table-medium next-table-lock-right shadow" aria-hidden="true"><div class="next-table-inner"><div class="next-table-body"><table><tbody>
    <tr class="next-table-row first" role="row"><td data-next-table-col="2" data-next-table-row="0" class="next-table-cell"><div class="next-table-cell-wrapper"><span><a id="lock-0">续订</a>|<a>编辑</a></span></div></td></tr>
    <tr class="next-table-row last" role="row"><td data-next-table-col="2" data-next-table-row="1" class="next-table-cell"><div class="next-table-cell-wrapper"><span><a id="lock-1">续订</a>|<a>编辑</a></span></div></td></tr>
  </tbody></table></div></div></div>
</div></div>`;

describe('what a control orders, nearest first', () => {
  it('a locked column’s 续订 orders what the main table’s copy of its row names', () => {
    page(lockedTable);
    expect(rowCopies(document.getElementById('lock-0')!.closest('tr')!)).toHaveLength(2);
    expect(ordered('lock-0')).toEqual(['家居百货解决方案']);
    expect(ordered('lock-1')).toEqual([]);
  });

  it('a tree table’s child row orders what its parent row names', () => {
    page(`<div class="next-table"><table><tbody class="next-table-body">
      <tr class="next-table-row next-table-row-level-0" role="row"><td data-next-table-row="0">家居百货解决方案</td><td><button>续费</button></td></tr>
      <tr class="next-table-row next-table-row-level-1" role="row"><td data-next-table-row="1">子计划</td><td><button id="child">续费</button></td></tr>
      <tr class="next-table-row next-table-row-level-0" role="row"><td data-next-table-row="2">大客方案</td><td><button id="other">续费</button></td></tr>
    </tbody></table></div>`);
    expect(ordered('child')).toEqual(['家居百货解决方案']);
    expect(ordered('other')).toEqual([]);
  });

  it('a menu item names its own product; the overlay owns nothing of the others', () => {
    page(`<div class="next-overlay-wrapper opened"><ul role="menu" class="next-menu next-ver next-overlay-inner">
      <li role="menuitem" title="订购 家居百货解决方案" class="next-menu-item" id="m1"><div class="next-menu-item-inner"><span class="next-menu-item-text">订购 家居百货解决方案</span></div></li>
      <li role="menuitem" title="订购 消费品解决方案" class="next-menu-item" id="m2"><div class="next-menu-item-inner"><span class="next-menu-item-text" id="m2-text">订购 消费品解决方案</span></div></li>
    </ul></div>`);
    expect(ordered('m1')).toEqual(['家居百货解决方案']);
    expect(ordered('m2-text')).toEqual([]);
  });

  it('a bare 「续订」 in a dropdown orders what the row that opened it names', () => {
    page(`<table><tr><td>家居百货解决方案</td><td><button aria-haspopup="true" aria-expanded="true">更多操作</button></td></tr></table>
      <div class="next-overlay-wrapper opened"><ul role="menu" class="next-menu"><li role="menuitem" class="next-menu-item" id="m">续订</li>
      <li role="menuitem" class="next-menu-item" id="o">续订 大客定制计划</li></ul></div>`);
    expect(ordered('m')).toEqual(['家居百货解决方案']);
    // It names what it orders, and that is not watched.
    expect(ordered('o')).toEqual([]);
  });

  it('a list item or card decides by what it shows; a drawer by its title', () => {
    page(`<ul><li>家居百货解决方案 <button id="l1">订购</button></li><li>消费品解决方案 <button id="l2">订购</button></li></ul>
      <div class="next-card"><div class="next-card-head">工业品解决方案</div><button id="c">立即订购</button></div>
      <div class="next-overlay-wrapper opened"><div role="dialog" class="next-drawer"><div class="next-drawer-header">家居百货解决方案 续费</div>
      <div class="next-drawer-body"><button id="dr">续费</button></div></div></div>`);
    expect(ordered('l1')).toEqual(['家居百货解决方案']);
    expect(ordered('l2')).toEqual([]);
    expect(ordered('c')).toEqual([]);
    expect(ordered('dr')).toEqual(['家居百货解决方案']);
  });
});

// Fusion Step + Form + Radio.Group (button shape too) + Checkbox + Select, as rendered.
const radio = (value: string, checked: boolean) =>
  `<label aria-checked="${checked}" class="next-radio-wrapper ${checked ? 'checked' : ''}"><span class="next-radio ${checked ? 'checked' : ''}">` +
  `<input type="radio" class="next-radio-input" ${checked ? 'checked' : ''}></span><span class="next-radio-label">${value}</span></label>`;
const step1 = (chosen: string) => `<div class="next-form-item"><label>方案</label>
  <div role="radiogroup" class="next-radio-group">${radio('家居百货解决方案', chosen === 'jiaju')}${radio('消费品解决方案', chosen === 'xiaofei')}</div>
  <label class="next-checkbox-wrapper checked"><span class="next-checkbox"><input type="checkbox" checked></span><span class="next-checkbox-label">我已阅读并同意服务协议</span></label></div>`;
const wizard = (body: string) => `<div id="wizard">
  <ol class="next-step next-step-circle"><li class="next-step-item"><div class="next-step-item-body" aria-current="step">选择方案</div></li><li class="next-step-item">配置</li><li class="next-step-item">确认</li></ol>
  <form role="form" class="next-form" id="form">${body}</form>
  <div class="footer"><button type="button" class="next-btn" id="next">下一步</button><button type="button" class="next-btn" id="submit">提交订单</button></div></div>`;
const show = (body: string) => {
  document.getElementById('form')!.innerHTML = body; // eslint-disable-line no-unsanitized/property
};

describe('forms and wizards', () => {
  it('the chosen radio names the product; the unchosen one does not', () => {
    page(wizard(step1('jiaju')));
    expect(ordered('submit')).toEqual(['家居百货解决方案']);
    expect(ordered('next')).toEqual(['家居百货解决方案']);
    show(step1('xiaofei'));
    expect(ordered('submit')).toEqual([]);
    expect(ordered('next')).toEqual([]);
  });

  it('a choice on step 1 is remembered on the later steps, and the latest choice counts', () => {
    page(wizard(step1('jiaju')));
    expect(ordered('next')).toEqual(['家居百货解决方案']);
    show('<div class="next-form-item"><label>预算</label><input name="budget"></div>');
    expect(ordered('submit')).toEqual(['家居百货解决方案']);
    expect(ordered('next')).toEqual(['家居百货解决方案']);
    show(step1('xiaofei'));
    expect(ordered('next')).toEqual([]);
    show('<p>请确认订单</p>');
    expect(ordered('submit')).toEqual([]);
  });

  it('the flow is left when the route changes', () => {
    page(wizard(step1('jiaju')));
    ordered('next');
    show('<p>配置</p>');
    env.location = { pathname: '/main.html', hash: '#!/report/plan' };
    expect(ordered('submit')).toEqual([]);
  });

  it('a confirm-step summary names the product when no choice was seen', () => {
    page(wizard('<dl><dt>方案</dt><dd>家居百货解决方案</dd><dt>预算</dt><dd>300元/天</dd></dl>'));
    expect(ordered('submit')).toEqual(['家居百货解决方案']);
    // A plain 下一步 counts only with a retiring choice.
    expect(ordered('next')).toEqual([]);
  });

  it('a Fusion Select’s shown value and a selected tile are choices', () => {
    page(
      wizard(
        `<div class="next-form-item"><label>方案</label><span class="next-select"><span class="next-select-values"><em title="家居百货解决方案">家居百货解决方案</em></span></span></div>`,
      ),
    );
    expect(ordered('next')).toEqual(['家居百货解决方案']);
    page(
      wizard(
        `<div role="radiogroup"><div role="radio" aria-checked="false">家居百货解决方案</div><div role="radio" aria-checked="true">跨境专供解决方案</div></div>`,
      ),
    );
    expect(ordered('submit')).toEqual(['跨境专供解决方案']);
    expect(choicesIn(document.getElementById('wizard')!).size).toBe(1);
  });

  it('options nobody chose name nothing, even where nothing is chosen yet', () => {
    page(`<div class="next-card"><h4>选择方案</h4>
      <div role="radiogroup" class="next-radio-group">${radio('家居百货解决方案', false)}${radio('消费品解决方案', false)}</div>
      <button id="buy">确认购买</button></div>`);
    expect(ordered('buy')).toEqual([]);
  });

  it('a plain 确定 in a dialog counts only with a retiring choice there', () => {
    page(`<div class="next-overlay-wrapper opened"><div role="dialog" class="next-dialog">
      <div class="next-dialog-header">续费 家居百货解决方案</div><button id="ok">确定</button></div></div>`);
    expect(ordered('ok')).toEqual([]);
  });
});
