// What a page tells the background it saw (issue 20): the watched products its flags name, in
// how many places and how many of them are plan rows, once per page load and once per route,
// when the page has settled. The timing rule is pure (clock and timers passed in); counting
// reads only the flagged elements and the tables they sit in. Nothing else leaves the page:
// where it was seen is worked out by the background from the sender's address (`whereOf`).

/** A page still this long after a scan has shown what it loads (late rows arrive by then). */
export const SEEN_QUIET_MS = 1500;
/** At most this long after the first scan of a route, on a page that never stops changing. */
export const SEEN_MAX_WAIT_MS = 10_000;

/**
 * Host and route kind, the one thing kept about where a product was seen:
 * `p4p.1688.com/main.html#!/report/plan`. No query, nothing of the fragment but a `#!/` or `#/`
 * route's path, and runs of three or more digits (ids) as `*`. '' for what is not http(s).
 */
export function whereOf(href: string | undefined): string {
  let url: URL;
  try {
    url = new URL(href ?? '');
  } catch {
    return '';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return '';
  const route = /^#!?\/[^?]+/.exec(url.hash)?.[0] ?? '';
  return `${url.host}${`${url.pathname}${route}`.replace(/\d{3,}/g, '*')}`;
}

/** The clock and timers the rule runs on (the content script's ctx; a fake in tests). */
export interface SeenTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

/**
 * When to report: `scanned()` after every scan (full or of a mutation batch); the report is made
 * SEEN_QUIET_MS after the last of them, or SEEN_MAX_WAIT_MS after the first, once per route
 * (the page load's first route included). `report` says whether it sent anything: a route where
 * nothing was flagged yet waits for its next scan.
 */
export class SeenReporter {
  private route: string | null = null;
  private done = false;
  private timer = 0;
  private since = 0;

  constructor(
    private readonly timers: SeenTimers,
    private readonly currentRoute: () => string,
    private readonly report: () => boolean,
  ) {}

  scanned(): void {
    const route = this.currentRoute();
    if (route !== this.route) {
      this.route = route;
      this.done = false;
      this.stop();
    }
    if (this.done) return;
    const now = this.timers.now();
    if (this.timer) this.timers.clearTimeout(this.timer);
    else this.since = now;
    const wait = Math.max(0, Math.min(SEEN_QUIET_MS, this.since + SEEN_MAX_WAIT_MS - now));
    this.timer = this.timers.setTimeout(() => {
      this.timer = 0;
      // A route left before it settled: the new route's scan arms its own report.
      if (this.currentRoute() === this.route) this.done = this.report();
    }, wait);
  }

  private stop(): void {
    if (this.timer) this.timers.clearTimeout(this.timer);
    this.timer = 0;
  }
}

export interface Places {
  /** Distinct places naming the product: a table row once, else the flagged element. */
  places: number;
  /** Of those, rows of a table with a column headed 计划… (a plan report: each row is a plan). */
  plans: number;
}

const ROW = 'tr, [role="row"]';
/**
 * Not places: the copies Fusion renders of locked columns (the main table has each cell too), and
 * the options of an open list box (a Select offering every solution is a choice, not a use).
 */
const NOT_A_PLACE = '.next-table-lock-left, .next-table-lock-right, [role="listbox"]';

/** Whether `row` sits in a table whose header names plans (计划名称, 推广计划). */
function inPlanTable(row: Element, tables: Map<Element, boolean>): boolean {
  // Fusion's header is a table of its own inside `.next-table`: ask the component's root first.
  const table =
    row.closest('.next-table') ?? row.closest('table, [role="grid"], [role="table"], [role="treegrid"]');
  if (!table) return false;
  let plans = tables.get(table);
  if (plans === undefined) {
    const head = [...table.querySelectorAll('th, [role="columnheader"]')].map((h) => h.textContent);
    tables.set(table, (plans = /计划/.test(head.join(' '))));
  }
  return plans;
}

/** Per product (the flag's entry index): its places on the page and the plan rows among them. */
export function placesOf(flagged: Iterable<[Element, { entries: readonly number[] }]>): Map<number, Places> {
  const byEntry = new Map<number, Set<Element>>();
  for (const [el, record] of flagged) {
    if (!el.isConnected || el.closest(NOT_A_PLACE)) continue;
    const place = el.closest(ROW) ?? el;
    for (const entry of record.entries) {
      let set = byEntry.get(entry);
      if (!set) byEntry.set(entry, (set = new Set()));
      set.add(place);
    }
  }
  const tables = new Map<Element, boolean>();
  const out = new Map<number, Places>();
  for (const [entry, set] of byEntry) {
    let plans = 0;
    for (const place of set) if (place.matches(ROW) && inPlanTable(place, tables)) plans++;
    out.set(entry, { places: set.size, plans });
  }
  return out;
}
