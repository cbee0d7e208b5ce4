// Shared pieces of the reliability suite (issue 7): a store that already holds notices, the
// popup's feed status rendered for real, and the per-case record that docs/RELIABILITY.md is
// generated from (scripts/reliability-report.ts reads it from Vitest's JSON report).
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { render } from 'preact';
import { IDBFactory } from 'fake-indexeddb';
import { FeedStatusLine } from '../../../components/popup/feed-status.tsx';
import { popupTranslator } from '../../../components/popup/i18n.ts';
import { memoryChecks, pollFeed, type PollDeps } from '../../../utils/feed/poll.ts';
import type { FeedState, StoredNotice } from '../../../utils/store/db.ts';
import { openSunsetDb } from '../../../utils/store/db.ts';
import { listNotices } from '../../../utils/store/notices.ts';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { etagResponder, startTestServer, type TestServer } from '../poll/test-server.ts';

export { record } from './record.ts';

export const NOW = Date.parse('2023-02-11T00:00:00Z');

export function fixture(name: string): Buffer {
  return readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));
}

/** Fresh database and deps; `fetch` is Node's own (undici) against a real local server. */
export async function freshDeps(clock: { now: number }, timeoutMs?: number): Promise<PollDeps> {
  return {
    db: await openSunsetDb(new IDBFactory()),
    checks: memoryChecks(),
    fetch,
    now: () => clock.now,
    random: () => 0.5,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
}

/**
 * Registers a file's hooks: one real local server for the whole file; before each test the
 * clock is reset to NOW and a fresh database (and deps) made. The setters hand both over.
 */
export function usePollHarness(
  clock: { now: number },
  set: { server: (server: TestServer) => void; deps: (deps: PollDeps) => void },
  timeoutMs?: number,
): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    set.server(server);
  });
  afterAll(() => server?.close());
  beforeEach(async () => {
    clock.now = NOW;
    set.deps(await freshDeps(clock, timeoutMs));
  });
}

/**
 * Polls the good fixture feed once so the store holds earlier notices (fixture-retire,
 * fixture-plain), marks time on, and returns the stored records to compare with afterwards.
 */
export async function seed(
  deps: PollDeps,
  server: TestServer,
  clock: { now: number },
): Promise<StoredNotice[]> {
  server.respond(etagResponder(fixture('basic.xml'), '"good"'));
  const outcome = await pollFeed(deps, server.url, 60);
  if (outcome.status !== 'stored') throw new Error(`seeding failed: ${outcome.status}`);
  clock.now += 3_600_000;
  return sortByGuid(await listNotices(deps.db));
}

export function sortByGuid(records: StoredNotice[]): StoredNotice[] {
  return [...records].sort((a, b) => a.guid.localeCompare(b.guid));
}

export interface RenderedStatus {
  /** What the user reads (Chinese, the default language). */
  text: string;
  /** What the status shows on hover: the raw reasons. */
  titles: string;
  /** data-feed-status: ok | error */
  status: string | null;
}

/**
 * Renders the popup's feed status line (the real component, Chinese) for one feed's state. The
 * suite runs in Node so that `fetch` is Node's own against the real server (happy-dom's fetch
 * would apply page CORS rules), so the DOM is a happy-dom Window lent to Preact for the render.
 */
export function renderStatus(state: FeedState, now: number, lang: 'zh_CN' | 'en' = 'zh_CN'): RenderedStatus {
  const { t } = popupTranslator(lang, undefined);
  const window = new Window();
  const g = globalThis as { document?: unknown };
  const previous = g.document;
  g.document = window.document;
  try {
    const container = window.document.createElement('div');
    window.document.body.appendChild(container);
    render(
      <FeedStatusLine feeds={[{ ...state, isDefault: true }]} now={now} t={t} />,
      container as unknown as Element,
    );
    const root = container.querySelector('.feed-status');
    const titles = [...container.querySelectorAll('[title]')]
      .map((el) => el.getAttribute('title'))
      .join('\n');
    return {
      text: root?.textContent ?? '',
      titles,
      status: root?.getAttribute('data-feed-status') ?? null,
    };
  } finally {
    g.document = previous;
    void window.happyDOM.close();
  }
}

/** The reason a feed state records, as one line for the report. */
export function reasonOf(state: FeedState): string {
  if (state.lastError && state.lastError.at >= (state.lastSuccessAt ?? 0)) {
    return `error ${state.lastError.code ?? '?'}: ${state.lastError.message}`;
  }
  const parts = [
    ...state.lastSkipped.map((s) => `skipped ${s.guid ?? s.title ?? '?'}: ${s.reason}`),
    ...state.lastWarnings.map((w) => `warning: ${w}`),
  ];
  return parts.join('; ') || 'no reason recorded';
}

/** Cuts a long reason for the report table. */
export function short(text: string, max = 160): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
