// The options page: feeds, poll interval, reminder lead times, quiet hours, 与我相关 (提醒范围 and
// the products seen, issue 20), page warnings, banner days, further 1688 pages, language and 隐私
// (issue 21). Every change is validated and saved at once (settings/set); the
// background refuses anything invalid, so the page shows its error rather than a silent drop.
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  runtimeTransport,
  sendMessage,
  type FeedStatus,
  type Transport,
} from '../../utils/messages/protocol.ts';
import type { SeenProduct } from '../../utils/store/db.ts';
import type { Settings } from '../../utils/store/settings.ts';
import { AffectsSection } from './affects-section.tsx';
import { CalendarSubscribe } from '../calendar-subscribe.tsx';
import { FeedsSection } from './feeds-section.tsx';
import { PageHostsSection } from './page-hosts-section.tsx';
import { PrivacySection } from './privacy-section.tsx';
import { optionsTranslator } from './i18n.ts';

export interface OptionsAppProps {
  transport?: Transport;
  browserLanguage?: string;
  defaultFeed: string;
  requestAccess: (url: string) => Promise<boolean>;
  /** Asks for host permissions of further 1688 pages; absent (tests) means refused. */
  requestOrigins?: (origins: string[]) => Promise<boolean>;
  /** The published privacy statement (build time, WXT_PRIVACY_URL); absent = no link. */
  privacyUrl?: string;
}

const POLL_CHOICES = [15, 30, 60, 120, 360, 720, 1440];
const LEAD_CHOICES = [10080, 4320, 1440, 120, 60, 0];

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready' };
type Save = { state: 'idle' } | { state: 'saved' } | { state: 'error'; message: string };

export function OptionsApp({
  transport = runtimeTransport,
  browserLanguage = globalThis.navigator?.language,
  defaultFeed,
  requestAccess,
  requestOrigins = async () => false,
  privacyUrl,
}: OptionsAppProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [settings, setSettings] = useState<Settings | undefined>();
  const [statuses, setStatuses] = useState<FeedStatus[]>([]);
  const [seen, setSeen] = useState<SeenProduct[]>([]);
  const [save, setSave] = useState<Save>({ state: 'idle' });

  useEffect(() => {
    (async () => {
      try {
        const list = await sendMessage({ type: 'notices/list' }, transport);
        setSettings(list.settings);
        setStatuses(list.feeds);
        setSeen(list.seen);
        setLoad({ state: 'ready' });
      } catch (error) {
        setLoad({ state: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
  }, [transport]);

  const { t, lang } = useMemo(
    () => optionsTranslator(settings?.language ?? 'auto', browserLanguage),
    [settings?.language, browserLanguage],
  );

  const update = async (patch: Partial<Settings>) => {
    if (!settings) return;
    const next = { ...settings, ...patch };
    setSettings(next);
    try {
      setSettings(await sendMessage({ type: 'settings/set', settings: next }, transport));
      setSave({ state: 'saved' });
    } catch (error) {
      setSettings(settings);
      setSave({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  if (load.state === 'loading') return <p class="state">{t('opt_loading')}</p>;
  if (load.state === 'error' || !settings) {
    return (
      <p class="state error" role="alert">
        {t('opt_load_error', load.state === 'error' ? load.message : '?')}
      </p>
    );
  }

  const toggleLead = (minutes: number, on: boolean) => {
    const leads = on ? [...settings.leadMinutes, minutes] : settings.leadMinutes.filter((m) => m !== minutes);
    void update({ leadMinutes: [...new Set(leads)].sort((a, b) => b - a) });
  };
  const leadLabel = (m: number) =>
    m === 0 ? t('opt_lead_at') : m % 1440 === 0 ? t('opt_lead_days', m / 1440) : t('opt_lead_hours', m / 60);

  return (
    <div class="options" lang={lang === 'zh_CN' ? 'zh-CN' : 'en'}>
      <header class="options__head">
        <h1>{t('opt_title')}</h1>
        <p class={`save save--${save.state}`} role="status" aria-live="polite">
          {save.state === 'saved' && t('opt_saved')}
          {save.state === 'error' && t('opt_save_error', save.message)}
        </p>
      </header>

      <FeedsSection
        t={t}
        defaultFeed={defaultFeed}
        feeds={settings.feeds}
        statuses={statuses}
        requestAccess={requestAccess}
        testFeed={(url) => sendMessage({ type: 'feeds/test', url }, transport)}
        onChange={(feeds) => update({ feeds })}
      />

      <section class="section" aria-labelledby="poll-heading">
        <h2 id="poll-heading">{t('opt_poll')}</h2>
        <select
          aria-labelledby="poll-heading"
          value={String(settings.pollMinutes)}
          onChange={(e) => void update({ pollMinutes: Number(e.currentTarget.value) })}
        >
          {[...new Set([...POLL_CHOICES, settings.pollMinutes])]
            .sort((a, b) => a - b)
            .map((m) => (
              <option key={m} value={String(m)}>
                {m % 60 === 0 ? t('opt_poll_hours', m / 60) : t('opt_poll_minutes', m)}
              </option>
            ))}
        </select>
        <p class="hint">{t('opt_poll_hint')}</p>
      </section>

      <section class="section" aria-labelledby="leads-heading">
        <h2 id="leads-heading">{t('opt_leads')}</h2>
        <p class="hint">{t('opt_leads_hint')}</p>
        <div class="choices">
          {[...new Set([...LEAD_CHOICES, ...settings.leadMinutes])]
            .sort((a, b) => b - a)
            .map((m) => (
              <label key={m} class="choice">
                <input
                  type="checkbox"
                  checked={settings.leadMinutes.includes(m)}
                  onChange={(e) => toggleLead(m, e.currentTarget.checked)}
                />
                {leadLabel(m)}
              </label>
            ))}
        </div>
        <fieldset class="quiet">
          <legend>{t('opt_quiet')}</legend>
          <label class="choice">
            <input
              type="checkbox"
              checked={settings.quietHours.enabled}
              onChange={(e) =>
                void update({ quietHours: { ...settings.quietHours, enabled: e.currentTarget.checked } })
              }
            />
            {t('opt_quiet_enable')}
          </label>
          <label>
            {t('opt_quiet_from')}{' '}
            <input
              type="time"
              value={settings.quietHours.start}
              disabled={!settings.quietHours.enabled}
              onChange={(e) =>
                void update({ quietHours: { ...settings.quietHours, start: e.currentTarget.value } })
              }
            />
          </label>{' '}
          <label>
            {t('opt_quiet_to')}{' '}
            <input
              type="time"
              value={settings.quietHours.end}
              disabled={!settings.quietHours.enabled}
              onChange={(e) =>
                void update({ quietHours: { ...settings.quietHours, end: e.currentTarget.value } })
              }
            />
          </label>
        </fieldset>
        <CalendarSubscribe feedUrl={defaultFeed} lang={lang} />
      </section>

      <AffectsSection
        t={t}
        scope={settings.remindScope}
        seen={seen}
        onScope={(remindScope) => update({ remindScope })}
        onClear={async () => {
          await sendMessage({ type: 'seen/clear' }, transport);
          setSeen([]);
        }}
      />

      <section class="section" aria-labelledby="page-heading">
        <h2 id="page-heading">{t('opt_page')}</h2>
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.pageWarnings}
            onChange={(e) => void update({ pageWarnings: e.currentTarget.checked })}
          />
          {t('opt_page_warnings')}
        </label>
        <label class="choice">
          {t('opt_banner_days')}{' '}
          <input
            type="number"
            min={1}
            max={90}
            value={settings.bannerDays}
            onChange={(e) => {
              const days = Number(e.currentTarget.value);
              if (Number.isInteger(days) && days >= 1 && days <= 90) void update({ bannerDays: days });
            }}
          />
        </label>
        <PageHostsSection
          t={t}
          hosts={settings.extraHosts}
          requestOrigins={requestOrigins}
          onChange={(extraHosts) => update({ extraHosts })}
        />
      </section>

      <section class="section" aria-labelledby="lang-heading">
        <h2 id="lang-heading">{t('opt_language')}</h2>
        <select
          aria-labelledby="lang-heading"
          value={settings.language}
          onChange={(e) => void update({ language: e.currentTarget.value as Settings['language'] })}
        >
          <option value="auto">{t('opt_lang_auto')}</option>
          <option value="zh_CN">{t('opt_lang_zh')}</option>
          <option value="en">{t('opt_lang_en')}</option>
        </select>
      </section>

      <PrivacySection t={t} privacyUrl={privacyUrl} />
    </div>
  );
}
