// Stub created by the core; owned by the reminders engineer (interfaces.md).
export async function syncReminders(): Promise<void> {}

export async function onReminderAlarm(_name: string): Promise<void> {}
