// Further 1688 pages for page warnings (issue 4, item 1). A host is saved only after the browser
// grants its permission; the background then registers the page script there
// (entrypoints/background/page-hosts.ts). Only 1688's own hosts qualify (utils/page/hosts.ts).
import { useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n/catalog.ts';
import { BUILT_IN_HOSTS, extraHostPatterns, normalizeHost } from '../../utils/page/hosts.ts';
import { listOf } from '../../utils/notice/phrases.ts';

interface Props {
  t: Translate;
  hosts: string[];
  /** Asks the browser for these origins (optional_host_permissions); false when refused. */
  requestOrigins: (origins: string[]) => Promise<boolean>;
  onChange: (hosts: string[]) => Promise<void>;
}

export function PageHostsSection({ t, hosts, requestOrigins, onChange }: Props) {
  const [entry, setEntry] = useState('');
  const [error, setError] = useState<string>();

  const add = async (event: Event) => {
    event.preventDefault();
    const host = normalizeHost(entry);
    if (!host) return setError(t('opt_host_err_invalid'));
    if ((BUILT_IN_HOSTS as readonly string[]).includes(host)) return setError(t('opt_host_err_builtin'));
    if (hosts.some((h) => normalizeHost(h) === host)) return setError(t('opt_host_err_dup'));
    // Asked first, inside the click: browsers grant permissions only during a user gesture.
    if (!(await requestOrigins(extraHostPatterns([host])))) return setError(t('opt_host_err_denied'));
    setError(undefined);
    setEntry('');
    await onChange([...hosts, host]);
  };

  return (
    <div class="hosts">
      <h3 id="hosts-heading">{t('opt_hosts')}</h3>
      <p class="hint">{t('opt_hosts_hint', listOf(t, BUILT_IN_HOSTS))}</p>
      {hosts.length > 0 && (
        <ul class="hosts__list" aria-labelledby="hosts-heading">
          {hosts.map((host) => (
            <li key={host}>
              <code>{host}</code>{' '}
              <button
                type="button"
                class="button"
                aria-label={t('opt_host_remove', host)}
                onClick={() => void onChange(hosts.filter((h) => h !== host))}
              >
                {t('opt_feed_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="feed-add" onSubmit={add} noValidate>
        <label>
          {t('opt_host_label')}
          <input
            type="text"
            value={entry}
            placeholder="xstore.insights.1688.com"
            onInput={(e) => setEntry(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button button--primary">
          {t('opt_host_add')}
        </button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
