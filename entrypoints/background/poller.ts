// Browser-facing side of polling: alarms, start-up, and the badge. The decisions live in
// utils/feed/ (poll-plan.ts, fetch-feed.ts) and utils/store/ (notices.ts).
export const POLL_ALARM_PREFIX = 'poll:';

/** Runs on install and on browser start alike (design.md: never assume storage is empty). */
export async function startUp(): Promise<void> {
  // Filled in by the polling step of issue 3.
}

export async function onPollAlarm(_name: string): Promise<void> {
  // Filled in by the polling step of issue 3.
}
