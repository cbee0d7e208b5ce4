// @vitest-environment happy-dom
// Synthetic events from a page script must not drive the on-page UI (docs/SECURITY.md, 6). The
// test DOM has no `isTrusted`, so `.click()` here stands for a page script's click, and
// `real(…)` marks an event as the browser marks real input (Chromium's own check is in
// test/e2e/page.e2e.test.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trusted } from '../../../components/page/trusted.ts';
import { renderBanner } from '../../../components/page/banner.ts';
import { renderCard } from '../../../components/page/card.ts';
import { openGuard, type GuardChoice } from '../../../components/page/guard.ts';
import { chooseBanner } from '../../../utils/page/watched.ts';
import { DAY, NOW, product, zh } from './fixtures.ts';

const entry = product('家居百货解决方案', [{ action: 'no-new-orders', at: NOW + 3 * DAY }]);

function real<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const realClick = (el: Element): boolean =>
  el.dispatchEvent(real(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })));
const button = (root: ParentNode, selector: string): HTMLButtonElement =>
  root.querySelector<HTMLButtonElement>(selector)!;

describe('trusted()', () => {
  it.each([
    ['real input', true, 1],
    ['a script’s event', false, 0],
    ['no isTrusted at all', undefined, 0],
  ])('%s → handler runs %i time(s)', (_, isTrusted, runs) => {
    let n = 0;
    const event = new Event('click');
    if (isTrusted !== undefined) Object.defineProperty(event, 'isTrusted', { value: isTrusted });
    trusted(() => n++)(event);
    expect(n).toBe(runs);
  });
});

describe('on-page UI ignores synthetic events', () => {
  it('banner: .click() on 不再显示此公告 does not dismiss; a real click does', () => {
    let dismissed = 0;
    const host = renderBanner(document, chooseBanner([entry], NOW, 14)!, 0, NOW, zh, () => dismissed++);
    const dismiss = button(host.shadowRoot!, 'button.x');
    dismiss.click();
    dismiss.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(dismissed).toBe(0);
    realClick(dismiss);
    expect(dismissed).toBe(1);
  });

  it('card: .click() on 不再提醒此公告 or × does nothing; real clicks mute and close', () => {
    const muted: string[] = [];
    let closed = 0;
    const card = renderCard(
      { doc: document, t: zh, now: () => NOW, onMute: (e) => muted.push(e.guid) },
      entry,
      false,
      () => closed++,
    );
    const mute = button(card, 'button.mute');
    mute.click();
    button(card, 'button.x').click();
    expect({ muted, closed, disabled: mute.hasAttribute('disabled') }).toEqual({
      muted: [],
      closed: 0,
      disabled: false,
    });
    realClick(mute);
    realClick(button(card, 'button.x'));
    expect({ muted, closed, text: mute.textContent }).toEqual({
      muted: [entry.guid],
      closed: 1,
      text: '已不再提醒此公告',
    });
  });

  /** The order guard's window listener hands the guard the events on it (order-guard.ts). */
  function listened(guard: ReturnType<typeof openGuard>): ReturnType<typeof openGuard> {
    const pass = (e: Event): void => guard.handle(e);
    for (const type of ['click', 'keydown']) window.addEventListener(type, pass, true);
    return guard;
  }

  it('guard: .click() on any button, a synthetic Esc or cancel decides nothing; a real click does', () => {
    const alt = product('家居百货解决方案', [{ action: 'no-new-orders', at: NOW + DAY }]);
    alt.product.replacements.push({ name: '消费品解决方案', href: 'https://p4p.1688.com/x' });
    const choices: GuardChoice[] = [];
    const guard = listened(openGuard(document, [alt], NOW, zh, (choice) => choices.push(choice)));
    const root = guard.host.shadowRoot!;
    for (const selector of ['button.go', 'button.cancel', 'button.alt']) button(root, selector).click();
    const dialog = root.querySelector('dialog')!;
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect(choices).toEqual([]);
    expect(guard.host.isConnected).toBe(true);
    realClick(button(root, 'button.go'));
    expect(choices).toEqual(['continue']);
    expect(guard.host.isConnected).toBe(false);
  });

  it('guard: a real Esc cancels', () => {
    const choices: GuardChoice[] = [];
    const guard = listened(openGuard(document, [entry], NOW, zh, (choice) => choices.push(choice)));
    guard.host
      .shadowRoot!.querySelector('dialog')!
      .dispatchEvent(real(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true })));
    expect(choices).toEqual(['cancel']);
  });
});

describe('no listener of the on-page UI forgets trusted()', () => {
  const dirs = [
    'components/page',
    'entrypoints/marketing.content',
    'components/capture',
    'entrypoints/announcement.content',
  ];
  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'trusted.ts')
      .map((f) => join(dir, f)),
  );

  /** Each `addEventListener(` call: its whole argument text and the two lines above it. */
  function calls(source: string): { args: string; above: string }[] {
    const out = [];
    for (
      let at = source.indexOf('addEventListener(');
      at >= 0;
      at = source.indexOf('addEventListener(', at + 1)
    ) {
      let depth = 0;
      let end = at + 'addEventListener'.length;
      do {
        const c = source[end++];
        if (c === '(') depth++;
        else if (c === ')') depth--;
      } while (depth > 0 && end < source.length);
      const lines = source.slice(0, at).split('\n');
      out.push({ args: source.slice(at, end), above: lines.slice(-4).join('\n') });
    }
    return out;
  }

  it('finds the listeners it checks', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(files.reduce((n, f) => n + calls(readFileSync(f, 'utf8')).length, 0)).toBeGreaterThan(15);
  });

  it.each(files)('%s: every listener is trusted(…) or says why not (untrusted-ok)', (file) => {
    for (const call of calls(readFileSync(file, 'utf8'))) {
      const ok = /\btrusted\(/.test(call.args) || /untrusted-ok:/.test(call.above);
      expect(ok, `${file}: ${call.args.slice(0, 80)}`).toBe(true);
    }
  });
});
