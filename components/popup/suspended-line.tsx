// One line of the popup: names not flagged on the current tab's page because they would have
// flagged too much of it (issue 16 item 4; the content script reports them, the background keeps
// them per tab in storage.session).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Translate } from '../../utils/i18n/catalog.ts';
import { SUSPENDED_KEY, suspendedIn, type SuspendedByTab } from '../../utils/page/suspended.ts';

async function suspendedOnActiveTab(): Promise<string[]> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return [];
  const stored = await browser.storage.session.get(SUSPENDED_KEY);
  return suspendedIn(stored[SUSPENDED_KEY] as SuspendedByTab | undefined, tab.id);
}

export function SuspendedLine({
  t,
  load = suspendedOnActiveTab,
}: {
  t: Translate;
  load?: () => Promise<string[]>;
}) {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    load().then(setNames, () => setNames([]));
  }, [load]);
  if (!names.length) return null;
  return (
    <p class="popup__suspended" data-suspended={names.join(',')}>
      {t('popup_suspended', names.join('、'))}
    </p>
  );
}
