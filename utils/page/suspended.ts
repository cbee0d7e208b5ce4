// Names a page's content script suspended because they flagged too much of that page (issue 16
// item 4), as the background keeps them in storage.session for the popup: tab id → frame id →
// names. Pure: the storage calls are the callers'.

export const SUSPENDED_KEY = 'suspendedNames';

export type SuspendedByTab = Record<string, Record<string, string[]>>;

/**
 * `all` after a frame's report: a top frame's (frame 0: a new page in the tab) replaces the tab's,
 * another frame's adds to it; an empty list takes the frame's away.
 */
export function withReport(all: SuspendedByTab, tab: number, frame: number, names: string[]): SuspendedByTab {
  const next = { ...all };
  const frames = frame === 0 ? {} : { ...(next[tab] ?? {}) };
  if (names.length) frames[frame] = names;
  else delete frames[frame];
  if (Object.keys(frames).length) next[tab] = frames;
  else delete next[tab];
  return next;
}

/** The names suspended anywhere in a tab. */
export function suspendedIn(all: SuspendedByTab | undefined, tab: number): string[] {
  return [...new Set(Object.values(all?.[tab] ?? {}).flat())];
}
