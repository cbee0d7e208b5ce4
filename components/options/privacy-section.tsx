// 隐私 at the end of the options page (issue 21): the first lines of docs/PRIVACY.md, plainly —
// what stays on this device, the only requests (the notice feeds), nothing else sent. The link to
// the published statement appears only when the build was given its public address
// (WXT_PRIVACY_URL); there is none yet, and a placeholder link would lead nowhere.
import type { Translate } from '../../utils/i18n/catalog.ts';

interface Props {
  t: Translate;
  /** The published privacy statement (https), or undefined: no link. */
  privacyUrl?: string;
}

/** `url` when it is an https address, else undefined (a build-time value, checked once). */
export function privacyLink(url: unknown): string | undefined {
  if (typeof url !== 'string' || url === '') return undefined;
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

export function PrivacySection({ t, privacyUrl }: Props) {
  return (
    <section class="section" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('opt_privacy')}</h2>
      <p>{t('opt_privacy_local')}</p>
      <p>{t('opt_privacy_requests')}</p>
      {privacyUrl && (
        <p>
          <a href={privacyUrl} target="_blank" rel="noopener noreferrer">
            {t('opt_privacy_link')}
          </a>
        </p>
      )}
    </section>
  );
}
