// The service worker: wiring only. Every listener is registered synchronously at the top level
// (an MV3 worker is started by the event, and a listener added later misses it); no state lives
// in memory between events — it is all in IndexedDB and storage.local.
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { onMessage } from './messages.ts';
import { POLL_ALARM_PREFIX } from './alarm-names.ts';
import { onPollAlarm, startUp } from './poller.ts';
import { onNotificationButtonClicked, onNotificationClicked, onReminderAlarm } from './reminders.ts';
import { registerPageHosts } from './page-hosts.ts';
import { registerCapture } from './capture.ts';

export default defineBackground(() => {
  // design.md: a restart of a test profile is reported as an install, so both events run the
  // same routine, which never assumes storage is empty.
  browser.runtime.onInstalled.addListener(() => {
    void startUp();
  });
  browser.runtime.onStartup.addListener(() => {
    void startUp();
  });
  // One alarm listener for the whole extension, dispatching by name prefix.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name.startsWith(POLL_ALARM_PREFIX)) void onPollAlarm(alarm.name);
    else if (alarm.name.startsWith('rem:')) void onReminderAlarm(alarm.name);
  });
  browser.runtime.onMessage.addListener(onMessage);
  // Page warnings on further 1688 hosts switched on in the options page (issue 4).
  registerPageHosts();
  // Capture (issue 19): 识别为下线公告 on selected text opens the review page.
  registerCapture();
  // Reminder notifications (issue 5): a click opens the notice; buttons 查看公告 / 明天提醒.
  browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id));
  browser.notifications.onButtonClicked.addListener(
    (id, index) => void onNotificationButtonClicked(id, index),
  );
});
