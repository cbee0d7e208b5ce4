// 与我相关 in the options page (issue 20): 提醒范围 (全部公告 / 仅与我相关, and plainly what the
// latter misses), and the record behind it — every product seen, with everything kept about it —
// with 清除使用记录. The records come from `notices/list`; clearing is `seen/clear`.
import { useState } from 'preact/hooks';
import type { Translate } from '../../utils/i18n/catalog.ts';
import { longDate } from '../../utils/notice/countdown.ts';
import type { SeenProduct } from '../../utils/store/db.ts';
import { REMIND_SCOPES, type RemindScope } from '../../utils/store/settings.ts';

interface Props {
  t: Translate;
  scope: RemindScope;
  seen: SeenProduct[];
  onScope: (scope: RemindScope) => Promise<void>;
  /** Clears the records; resolves once they are gone. */
  onClear: () => Promise<void>;
}

const HOST_KEY: Record<string, string> = {
  'p4p.1688.com': 'opt_where_p4p',
  'work.1688.com': 'opt_where_work',
  'air.1688.com': 'opt_where_panel',
  'widget.1688.com': 'opt_where_panel',
};

/** 「数字营销 /main.html#!/report/plan」: the backend's name for its host, then the route kind. */
function whereLabel(t: Translate, where: string): string {
  const slash = where.indexOf('/');
  const host = slash < 0 ? where : where.slice(0, slash);
  const key = HOST_KEY[host];
  return `${key ? t(key) : host} ${slash < 0 ? '' : where.slice(slash)}`.trim();
}

export function AffectsSection({ t, scope, seen, onScope, onClear }: Props) {
  const [clearing, setClearing] = useState(false);
  const [error, setError] = useState<string>();
  const clear = async () => {
    setClearing(true);
    try {
      await onClear();
      setError(undefined);
    } catch (e) {
      setError(t('opt_seen_clear_error', e instanceof Error ? e.message : String(e)));
    } finally {
      setClearing(false);
    }
  };
  return (
    <section class="section" aria-labelledby="affects-heading">
      <h2 id="affects-heading">{t('opt_affects')}</h2>
      <p class="hint">{t('opt_affects_intro')}</p>
      <fieldset class="scope">
        <legend>{t('opt_scope')}</legend>
        {REMIND_SCOPES.map((s) => (
          <label key={s} class="choice">
            <input
              type="radio"
              name="remind-scope"
              value={s}
              checked={scope === s}
              onChange={() => void onScope(s)}
            />
            {t(s === 'all' ? 'opt_scope_all' : 'opt_scope_affects')}
          </label>
        ))}
        <p class="hint">{t('opt_scope_affects_hint')}</p>
        {scope === 'affects' && seen.length === 0 && (
          <p class="message message--error" role="status">
            {t('opt_scope_nothing_seen')}
          </p>
        )}
      </fieldset>

      <h3 id="seen-heading">{t('opt_seen')}</h3>
      <p class="hint">{t('opt_seen_hint')}</p>
      {seen.length === 0 ? (
        <p class="hint" data-seen-empty>
          {t('opt_seen_empty')}
        </p>
      ) : (
        <table class="seen" aria-labelledby="seen-heading">
          <thead>
            <tr>
              <th scope="col">{t('opt_seen_product')}</th>
              <th scope="col">{t('opt_seen_last')}</th>
              <th scope="col">{t('opt_seen_where')}</th>
            </tr>
          </thead>
          <tbody>
            {seen.map((s) => (
              <tr key={s.name} data-seen={s.name}>
                <th scope="row">
                  {s.name}
                  <span class="seen__more">
                    {t('opt_seen_more', longDate(t, s.firstSeenAt), s.loads, s.maxPlaces, s.maxPlans)}
                  </span>
                </th>
                <td>{longDate(t, s.lastSeenAt)}</td>
                <td>
                  {s.where.map((w) => (
                    <span key={w} class="seen__where">
                      {whereLabel(t, w)}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" class="button" onClick={() => void clear()} disabled={clearing || !seen.length}>
        {t('opt_seen_clear')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
