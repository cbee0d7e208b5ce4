// `--demo`: the seed's notices moved into the coming days, each notice as a whole.
import { describe, expect, it } from 'vitest';
import { demoNotices, shiftIso, shiftText } from '../../../feed/demo.ts';
import { beijingParts } from '../../../utils/notice/time.ts';
import { loadNotices } from '../../../feed/notices.ts';
import { renderFiles } from '../../../feed/render.ts';
import { parseFeed } from '../../../utils/feed/parse.ts';
import type { Notice } from '../../../utils/notice/schema.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-27T03:00:30Z');
const { notices } = loadNotices();

function dated(notice: Notice): number[] {
  return (notice.sunset?.products ?? []).flatMap((p) =>
    p.milestones
      .flatMap((m) => [m.at, m.previous])
      .filter((x): x is string => !!x)
      .map(Date.parse),
  );
}

describe('demoNotices', () => {
  const demo = demoNotices(notices, NOW);
  const minute = Math.floor(NOW / 60_000) * 60_000;

  it('puts the first milestones at now+20h, +2d, +3d … in their original order', () => {
    const firsts = notices
      .map((n, i) => ({ i, first: Math.min(...dated(n).filter((t, _, all) => all.length > 0)) }))
      .filter((x) => Number.isFinite(x.first))
      .sort((a, b) => a.first - b.first);
    const expected = [20 * HOUR, 2 * DAY, 3 * DAY, 4 * DAY, 5 * DAY, 6 * DAY];
    expect(firsts).toHaveLength(expected.length);
    firsts.forEach(({ i }, slot) => {
      const shifted = demo[i]!;
      const at = (shifted.sunset?.products ?? [])
        .flatMap((p) => p.milestones.map((m) => m.at))
        .filter((x): x is string => x !== null)
        .map(Date.parse);
      expect(Math.min(...at) - minute, shifted.guid).toBe(expected[slot]);
    });
  });

  it('keeps the spacing inside a notice and the offset it was written in', () => {
    notices.forEach((notice, i) => {
      const before = dated(notice);
      const after = dated(demo[i]!);
      const delta = after.map((t, k) => t - before[k]!);
      expect(new Set(delta).size, notice.guid).toBeLessThanOrEqual(1);
    });
    const pkg = demo.find((n) => n.guid === '1688-dm-2023-08-package')!;
    const [noOrders, autoRenew] = pkg.sunset!.products[0]!.milestones;
    expect(Date.parse(autoRenew!.at!) - Date.parse(noOrders!.at!)).toBe(DAY + 8 * HOUR);
    expect(autoRenew!.at).toMatch(/\+08:00$/);
  });

  it('never publishes a notice in the future', () => {
    for (const n of demo) {
      expect(Date.parse(n.pubDate), n.guid).toBeLessThan(NOW);
      if (n.sunset) expect(Date.parse(n.sunset.updated), n.guid).toBeLessThan(NOW);
    }
  });

  it('moves the dates written in its text with it, so they never contradict its milestones', () => {
    const written = (n: Notice) =>
      [n.title, n.description ?? '', n.sunset?.grandfather ?? ''].flatMap((text) =>
        [...text.matchAll(/(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/g)].map(([, y, m, d]) => ({ y, m, d })),
      );
    const days = (n: Notice) =>
      dated(n).map((t) => {
        const p = beijingParts(t);
        return { y: String(p.year), m: String(p.month), d: String(p.day) };
      });
    let count = 0;
    notices.forEach((original, i) => {
      // The originals' text agrees with their milestones (else this test would prove nothing)…
      for (const { y, m, d } of written(original))
        expect(days(original), `${original.guid} ${m}月${d}日`).toContainEqual({
          y: y ?? expect.any(String),
          m,
          d,
        });
      // …and so does the demo edition's, with the 2023 dates gone.
      const shifted = demo[i]!;
      for (const { y, m, d } of written(shifted)) {
        count++;
        expect(days(shifted), `${shifted.guid} ${m}月${d}日`).toContainEqual({
          y: y ?? expect.any(String),
          m,
          d,
        });
      }
      expect(`${shifted.title}${shifted.description ?? ''}`).not.toMatch(/202[23]年\d/);
    });
    expect(count).toBeGreaterThanOrEqual(10);
    const wangwang = demo.find((n) => n.guid === '1688-2023-02-buyer-wangwang-postponed')!;
    const retire = beijingParts(Date.parse(wangwang.sunset!.products[0]!.milestones[0]!.at!));
    expect(wangwang.title).toBe(`1688买家旺旺推迟至${retire.year}年${retire.month}月${retire.day}日下线`);
  });

  it('titles the channel as a demo and stays a valid feed', async () => {
    const files = renderFiles(notices, { demo: true, now: NOW });
    const feed = await parseFeed(files['feed.xml']);
    expect(feed.channel.title).toContain('演示');
    expect(feed.notices).toHaveLength(7);
    expect(feed.skipped).toEqual([]);
    expect(files['calendar.ics']).toContain('演示');
  });
});

describe('shiftText', () => {
  it.each([
    ['2023年2月17日起', DAY, '2023年2月18日起'],
    ['9月5日8:00起关闭', 3 * DAY + 5 * HOUR + 7 * 60_000, '9月8日13:07起关闭'],
    ['12月31日下线', 2 * DAY, '1月2日下线'],
    ['2013年推出的功能', 400 * DAY, '2013年推出的功能'],
  ])('%s + %d ms → %s', (text, delta, expected) => {
    expect(shiftText(text, delta, 2023)).toBe(expected);
  });
});

describe('shiftIso', () => {
  it.each([
    ['2023-02-17T00:00:00+08:00', DAY, '2023-02-18T00:00:00+08:00'],
    ['2023-02-28T20:00:00+08:00', 5 * HOUR, '2023-03-01T01:00:00+08:00'],
    ['2023-02-17T00:00:00Z', -HOUR, '2023-02-16T23:00:00+00:00'],
    ['2023-02-17T00:00:00-05:30', 0, '2023-02-17T00:00:00-05:30'],
  ])('%s + %d ms', (iso, delta, expected) => {
    expect(shiftIso(iso, delta)).toBe(expected);
  });
});
