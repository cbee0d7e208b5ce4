// @vitest-environment happy-dom
// What a page reports as seen (issue 20): the timing rule with an injected clock (once per page
// load and once per route, when the page has settled, never later than the max wait), where a
// page is, and how places and plans are counted from the flags on it.
import { describe, expect, it } from 'vitest';
import {
  placesOf,
  SEEN_MAX_WAIT_MS,
  SEEN_QUIET_MS,
  SeenReporter,
  whereOf,
  type SeenTimers,
} from '../../../utils/page/seen-report.ts';
import { setPage } from './fixtures.ts';

/** A clock and timers that move only when told. */
function fakeTimers(): SeenTimers & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.set(next, { at: now + ms, run });
      return next++;
    },
    clearTimeout: (id) => void timers.delete(id),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = end;
    },
    pending: () => timers.size,
  };
}

function reporter(flagged = () => true) {
  const timers = fakeTimers();
  let route = '/main.html#!/report/plan';
  const reports: { at: number; route: string }[] = [];
  const r = new SeenReporter(
    timers,
    () => route,
    () => {
      if (!flagged()) return false;
      reports.push({ at: timers.now(), route });
      return true;
    },
  );
  return {
    r,
    timers,
    reports,
    go: (to: string) => {
      route = to;
    },
  };
}

describe('when a page reports what it saw', () => {
  it('once the page has been quiet for a while after its scans, and once only', () => {
    const { r, timers, reports } = reporter();
    r.scanned(); // the first full scan
    timers.advance(400);
    r.scanned(); // late rows arrive
    timers.advance(SEEN_QUIET_MS - 1);
    expect(reports).toEqual([]);
    timers.advance(1);
    expect(reports).toEqual([{ at: 400 + SEEN_QUIET_MS, route: '/main.html#!/report/plan' }]);
    // More changes on the same route: nothing more, and no timer left running.
    for (let i = 0; i < 5; i++) {
      r.scanned();
      timers.advance(SEEN_QUIET_MS * 2);
    }
    expect(reports).toHaveLength(1);
    expect(timers.pending()).toBe(0);
  });

  it('at most the max wait after the first scan, on a page that never stops changing', () => {
    const { r, timers, reports } = reporter();
    for (let t = 0; t < SEEN_MAX_WAIT_MS * 2; t += 500) {
      r.scanned();
      timers.advance(500);
    }
    expect(reports.map((x) => x.at)).toEqual([SEEN_MAX_WAIT_MS]);
  });

  it('once per route change: a new route reports again, a route left before it settled does not', () => {
    const { r, timers, reports, go } = reporter();
    r.scanned();
    timers.advance(SEEN_QUIET_MS);
    go('/main.html#!/solution/list');
    r.scanned();
    timers.advance(500);
    // Left before it settled (the scan of the next route has not run yet either).
    go('/main.html#!/boot-page');
    timers.advance(SEEN_QUIET_MS);
    r.scanned();
    timers.advance(SEEN_QUIET_MS);
    // Back to the first route: a route change too.
    go('/main.html#!/report/plan');
    r.scanned();
    timers.advance(SEEN_QUIET_MS);
    expect(reports.map((x) => x.route)).toEqual([
      '/main.html#!/report/plan',
      '/main.html#!/boot-page',
      '/main.html#!/report/plan',
    ]);
  });

  it('a route where nothing is flagged yet waits for its next scan rather than giving up its report', () => {
    let any = false;
    const { r, timers, reports } = reporter(() => any);
    r.scanned();
    timers.advance(SEEN_QUIET_MS * 3);
    expect(reports).toEqual([]);
    any = true;
    r.scanned();
    timers.advance(SEEN_QUIET_MS);
    expect(reports).toHaveLength(1);
  });
});

describe('whereOf: host and route kind only', () => {
  it.each([
    ['https://p4p.1688.com/main.html#!/report/plan', 'p4p.1688.com/main.html#!/report/plan'],
    // The query and a route's parameters go (ids, tabs, filters).
    [
      'https://p4p.1688.com/main.html?spm=a2615.1234#!/boot-page?pageId=100388&tab=account',
      'p4p.1688.com/main.html#!/boot-page',
    ],
    [
      'https://work.1688.com/home/page/index.htm?_path_=sellerPro/2017sellerbase_mkt/mkt',
      'work.1688.com/home/page/index.htm',
    ],
    // Ids in the path or route become *.
    ['https://p4p.1688.com/main.html#!/plan/123456/detail', 'p4p.1688.com/main.html#!/plan/*/detail'],
    ['https://air.1688.com/app/ocms-20231208/panel.html', 'air.1688.com/app/ocms-*/panel.html'],
    // A fragment that is no route is dropped.
    ['https://p4p.1688.com/main.html#section-2', 'p4p.1688.com/main.html'],
    ['about:srcdoc', ''],
    ['not a url', ''],
    [undefined, ''],
  ])('%s → %s', (href, where) => {
    expect(whereOf(href)).toBe(where);
  });
});

/** Flags as the flagger holds them: each flagged element with the products it names. */
function flagsIn(html: string): [Element, { entries: number[] }][] {
  setPage(html);
  return [...document.querySelectorAll('[data-flag]')].map((el) => [
    el,
    { entries: el.getAttribute('data-flag')!.split(',').map(Number) },
  ]);
}

describe('placesOf: places and plans per product', () => {
  it('counts a plan report’s rows as plans, each row once', () => {
    const flags = flagsIn(`
      <div class="next-table">
        <div class="next-table-header"><table><thead><tr><th>计划名称</th><th>一级产品</th></tr></thead></table></div>
        <div class="next-table-body"><table><tbody>
          <tr><td><span data-flag="0">家居百货解决方案推广</span></td><td><span data-flag="0">家居百货解决方案</span></td></tr>
          <tr><td>春季推广</td><td><span data-flag="0">家居百货解决方案</span></td></tr>
          <tr><td>工业品</td><td><span data-flag="1">行业优选解决方案</span></td></tr>
        </tbody></table></div>
      </div>`);
    expect(placesOf(flags)).toEqual(
      new Map([
        [0, { places: 2, plans: 2 }],
        [1, { places: 1, plans: 1 }],
      ]),
    );
  });

  it('counts Fusion’s copies of locked columns once (the main table has the cell too)', () => {
    const flags = flagsIn(`
      <div class="next-table next-table-lock">
        <div class="next-table-inner">
          <div class="next-table-header"><table><thead><tr><th>一级产品</th><th>推广计划</th></tr></thead></table></div>
          <div class="next-table-body"><table><tbody>
            <tr><td><div data-flag="0">家居百货解决方案</div></td><td>计划 1</td></tr>
          </tbody></table></div>
          <div class="next-table next-table-lock-left"><div class="next-table-body"><table><tbody>
            <tr><td><div data-flag="0">家居百货解决方案</div></td></tr>
          </tbody></table></div></div>
        </div>
      </div>`);
    expect(placesOf(flags).get(0)).toEqual({ places: 1, plans: 1 });
  });

  it('rows of a table that lists no plans, cards and titles are places, not plans', () => {
    const flags = flagsIn(`
      <table><thead><tr><th>订单号</th><th>产品</th></tr></thead><tbody>
        <tr><td>1</td><td><span data-flag="0">家居百货解决方案</span></td></tr>
      </tbody></table>
      <div class="next-card"><div class="next-card-title" data-flag="0">家居百货解决方案</div></div>
      <span class="next-select-values"><em data-flag="0">家居百货解决方案</em></span>
      <div role="grid"><div role="row"><div role="columnheader">计划</div></div>
        <div role="row"><div role="gridcell" data-flag="1">行业优选解决方案</div></div></div>`);
    expect(placesOf(flags)).toEqual(
      new Map([
        [0, { places: 3, plans: 0 }],
        // An ARIA grid whose header says 计划: a plan.
        [1, { places: 1, plans: 1 }],
      ]),
    );
  });

  it('leaves out the options of an open list box: a Select offering every solution is no use of one', () => {
    const flags = flagsIn(`
      <ul class="next-menu" role="listbox">
        <li role="option"><span data-flag="0">家居百货解决方案</span></li>
        <li role="option"><span data-flag="1">行业优选解决方案</span></li>
      </ul>
      <span class="next-select-values"><em data-flag="0">家居百货解决方案</em></span>`);
    expect(placesOf(flags)).toEqual(new Map([[0, { places: 1, plans: 0 }]]));
  });

  it('leaves out flags the page has removed meanwhile', () => {
    const flags = flagsIn(`<p data-flag="0">家居百货解决方案</p><p data-flag="0">家居百货解决方案</p>`);
    flags[1]![0].remove();
    expect(placesOf(flags).get(0)).toEqual({ places: 1, plans: 0 });
  });
});
