// 公告来源 (notice sources, the feeds): the build's default (fixed) and the merchant's own, each
// added only after its host permission is granted and one test fetch succeeds. Issue 18, item 4:
// one message per problem in the merchant's words, the raw error behind 详情, and a check of the
// address that follows what is typed (never a stale error under a valid address).
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

/** One message: what happened in words, and the raw text behind 详情 when there is one. */
interface Message {
  kind: 'ok' | 'error' | 'busy';
  text: string;
  detail?: string;
}

function testMessage(t: Translate, result: FeedTestResult, added: boolean): Message {
  if (!result.ok) {
    const raw = result.error ?? '';
    return { kind: 'error', text: t('opt_feed_err_test', errorWords(t, { message: raw })), detail: raw };
  }
  const count = result.count ?? 0;
  if (added) return { kind: 'ok', text: t('opt_feed_added', count) };
  return {
    kind: 'ok',
    text: result.skipped ? t('opt_feed_ok_skipped', count, result.skipped) : t('opt_feed_ok', count),
  };
}

function thrown(t: Translate, error: unknown): Message {
  const raw = error instanceof Error ? error.message : String(error);
  return { kind: 'error', text: t('opt_feed_err_test', errorWords(t, { message: raw })), detail: raw };
}

function MessageLine({ t, message, alert }: { t: Translate; message: Message; alert?: boolean }) {
  return (
    <div
      class={`message message--${message.kind}`}
      role={alert && message.kind === 'error' ? 'alert' : 'status'}
    >
      <span class="message__text">{message.text}</span>
      {message.detail && (
        <details class="message__detail">
          <summary>{t('opt_details')}</summary>
          <code>{message.detail}</code>
        </details>
      )}
    </div>
  );
}

/** The row's one message: a test under way or just done wins over the stored last poll. */
function statusMessage(t: Translate, status: FeedStatus | undefined): Message | undefined {
  if (!status) return undefined;
  const error = status.lastError;
  if (error && error.at >= (status.lastSuccessAt ?? 0)) {
    return {
      kind: 'error',
      text: t('opt_feed_last_error', errorWords(t, error), longDate(t, error.at)),
      detail: error.message,
    };
  }
  if (status.lastSuccessAt !== undefined)
    return { kind: 'ok', text: t('opt_feed_last_ok', longDate(t, status.lastSuccessAt)) };
  return undefined;
}

function FeedRow(props: {
  t: Translate;
  url: string;
  isDefault: boolean;
  status?: FeedStatus;
  onTest: () => Promise<Message>;
  onRemove?: () => void;
}) {
  const { t, url } = props;
  const [busy, setBusy] = useState(false);
  const [tested, setTested] = useState<Message>();
  const message = busy
    ? { kind: 'busy' as const, text: t('opt_feed_testing') }
    : (tested ?? statusMessage(t, props.status));
  return (
    <li class="feed" data-feed-url={url}>
      <div class="feed__head">
        <code class="feed__url">{url}</code>
        {props.isDefault && <span class="feed__tag">{t('opt_feed_default')}</span>}
        <span class="feed__buttons">
          <button
            type="button"
            class="button"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              setTested(await props.onTest());
              setBusy(false);
            }}
          >
            {t('opt_feed_test')}
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
      </div>
      {message && <MessageLine t={t} message={message} />}
    </li>
  );
}

export function FeedsSection({ t, defaultFeed, feeds, statuses, requestAccess, testFeed, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  // Once the merchant tried to add, the address is checked again at every keystroke, so its
  // message always describes what is in the box now.
  const [checked, setChecked] = useState(false);
  const [result, setResult] = useState<Message>();
  const statusOf = (url: string) => statuses.find((s) => s.url === url);
  const runTest = async (url: string): Promise<Message> => {
    try {
      return testMessage(t, await testFeed(url), false);
    } catch (error) {
      return thrown(t, error);
    }
  };

  const problemOf = (value: string): Message | undefined => {
    const url = value.trim();
    const problem = feedUrlProblem(url);
    if (problem)
      return {
        kind: 'error',
        text: t(problem === 'scheme' ? 'opt_feed_err_scheme' : 'opt_feed_err_invalid'),
      };
    if (url === defaultFeed || feeds.includes(url))
      return { kind: 'error', text: t('opt_feed_err_duplicate') };
    return undefined;
  };

  const add = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const url = draft.trim();
    setChecked(true);
    const problem = problemOf(url);
    if (problem) return setResult(problem);
    setBusy(true);
    setResult(undefined);
    try {
      // Asked first, while the click still counts as a user gesture (permissions.request needs one).
      if (!(await requestAccess(url)))
        return setResult({ kind: 'error', text: t('opt_feed_err_permission') });
      const tested = await testFeed(url);
      if (!tested.ok) return setResult(testMessage(t, tested, false));
      await onChange([...feeds, url]);
      setDraft('');
      setChecked(false);
      setResult(testMessage(t, tested, true));
    } catch (error) {
      setResult(thrown(t, error));
    } finally {
      setBusy(false);
    }
  };

  const message: Message | undefined = busy ? { kind: 'busy', text: t('opt_feed_testing') } : result;

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
            aria-invalid={result?.kind === 'error' && checked ? 'true' : undefined}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setDraft(value);
              // A new address: the last answer (a failed test, a refusal) no longer applies.
              setResult(checked ? problemOf(value) : undefined);
            }}
            required
          />
        </label>
        <button type="submit" class="button button--primary" disabled={busy}>
          {t('opt_feed_add')}
        </button>
        {message && <MessageLine t={t} message={message} alert />}
      </form>
    </section>
  );
}
