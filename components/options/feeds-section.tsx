// Feeds: the build's default (fixed) and the user's own, each added only after its host
// permission is granted and one test fetch succeeds.
import { useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n/catalog.ts';
import { longDate } from '../../utils/notice/countdown.ts';
import type { FeedStatus, FeedTestResult } from '../../utils/messages/protocol.ts';
import { feedUrlProblem } from '../../utils/store/settings.ts';
import { errorWords } from '../popup/format.ts';

interface Props {
  t: Translate;
  defaultFeed: string;
  feeds: string[];
  statuses: FeedStatus[];
  /** Asks for the host permission of a URL; resolves false when refused. */
  requestAccess: (url: string) => Promise<boolean>;
  testFeed: (url: string) => Promise<FeedTestResult>;
  onChange: (feeds: string[]) => Promise<void>;
}

type Result = { kind: 'ok' | 'error'; text: string } | undefined;

function testWords(t: Translate, result: FeedTestResult, added: boolean): Result {
  if (!result.ok) return { kind: 'error', text: t('opt_feed_err_test', result.error ?? '?') };
  const count = result.count ?? 0;
  if (added) return { kind: 'ok', text: t('opt_feed_added', count) };
  return {
    kind: 'ok',
    text: result.skipped ? t('opt_feed_ok_skipped', count, result.skipped) : t('opt_feed_ok', count),
  };
}

function FeedRow(props: {
  t: Translate;
  url: string;
  isDefault: boolean;
  status?: FeedStatus;
  onTest: () => Promise<Result>;
  onRemove?: () => void;
}) {
  const { t, url, status } = props;
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>();
  return (
    <li class="feed" data-feed-url={url}>
      <code class="feed__url">{url}</code>
      {props.isDefault && <span class="feed__tag">{t('opt_feed_default')}</span>}
      <span class="feed__buttons">
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setResult(await props.onTest());
            setBusy(false);
          }}
        >
          {busy ? t('opt_feed_testing') : t('opt_feed_test')}
        </button>
        {props.onRemove && (
          <button
            type="button"
            class="button"
            onClick={props.onRemove}
            aria-label={`${t('opt_feed_remove')} ${url}`}
          >
            {t('opt_feed_remove')}
          </button>
        )}
      </span>
      <div class="feed__status">
        {status?.lastSuccessAt !== undefined && (
          <span>{t('opt_feed_last_ok', longDate(t, status.lastSuccessAt))} </span>
        )}
        {status?.lastError && status.lastError.at >= (status.lastSuccessAt ?? 0) && (
          <span class="error" title={status.lastError.message}>
            {t('opt_feed_last_error', errorWords(t, status.lastError))}
          </span>
        )}
        {result && (
          <span class={result.kind === 'error' ? 'error' : 'ok'} role="status">
            {result.text}
          </span>
        )}
      </div>
    </li>
  );
}

export function FeedsSection({ t, defaultFeed, feeds, statuses, requestAccess, testFeed, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>();
  const statusOf = (url: string) => statuses.find((s) => s.url === url);
  const runTest = async (url: string) => {
    try {
      return testWords(t, await testFeed(url), false);
    } catch (error) {
      return { kind: 'error' as const, text: t('opt_feed_err_test', String(error)) };
    }
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const url = draft.trim();
    const problem = feedUrlProblem(url);
    if (problem) {
      setResult({
        kind: 'error',
        text: t(problem === 'scheme' ? 'opt_feed_err_scheme' : 'opt_feed_err_invalid'),
      });
      return;
    }
    if (url === defaultFeed || feeds.includes(url)) {
      setResult({ kind: 'error', text: t('opt_feed_err_duplicate') });
      return;
    }
    setBusy(true);
    try {
      // Asked first, while the click still counts as a user gesture (permissions.request needs one).
      if (!(await requestAccess(url))) {
        setResult({ kind: 'error', text: t('opt_feed_err_permission') });
        return;
      }
      const tested = await testFeed(url);
      if (!tested.ok) {
        setResult(testWords(t, tested, false));
        return;
      }
      await onChange([...feeds, url]);
      setDraft('');
      setResult(testWords(t, tested, true));
    } catch (error) {
      setResult({
        kind: 'error',
        text: t('opt_feed_err_test', error instanceof Error ? error.message : String(error)),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="section" aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">{t('opt_feeds')}</h2>
      <p class="hint">{t('opt_feeds_hint')}</p>
      <ul class="feeds">
        <FeedRow
          t={t}
          url={defaultFeed}
          isDefault
          status={statusOf(defaultFeed)}
          onTest={() => runTest(defaultFeed)}
        />
        {feeds
          .filter((url) => url !== defaultFeed)
          .map((url) => (
            <FeedRow
              key={url}
              t={t}
              url={url}
              isDefault={false}
              status={statusOf(url)}
              onTest={() => runTest(url)}
              onRemove={() => void onChange(feeds.filter((f) => f !== url))}
            />
          ))}
      </ul>
      <form class="feed-add" onSubmit={add} noValidate>
        <label>
          {t('opt_feed_add_label')}
          <input
            type="url"
            value={draft}
            placeholder="https://example.com/feed.xml"
            onInput={(e) => setDraft(e.currentTarget.value)}
            required
          />
        </label>
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? t('opt_feed_testing') : t('opt_feed_add')}
        </button>
        {result && (
          <p
            class={result.kind === 'error' ? 'error' : 'ok'}
            role={result.kind === 'error' ? 'alert' : 'status'}
          >
            {result.text}
          </p>
        )}
      </form>
    </section>
  );
}
