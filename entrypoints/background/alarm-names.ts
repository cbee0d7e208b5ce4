// Alarm names shared by the poller and the reminders: Chrome allows 500 alarms per extension,
// so the reminders must know which names the poller may need at any moment.

export const POLL_ALARM_PREFIX = 'poll:';
/** A one-shot alarm at the earliest next poll of any feed. */
export const NEXT_POLL_ALARM = 'poll:next';
/** A periodic safety net: if the one-shot alarm is ever lost, polling still never stops. */
export const WATCHDOG_ALARM = 'poll:watchdog';
/** Always held back from the reminders, even while a poll alarm has fired and not been re-created. */
export const RESERVED_POLL_ALARMS = [NEXT_POLL_ALARM, WATCHDOG_ALARM] as const;
