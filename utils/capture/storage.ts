// Where capture keeps its small state, as WXT storage items (issue 19): the sources waiting on the
// review page (storage.session: written by the background, read by the review page; content
// scripts cannot reach session storage) and the pages whose offer was dismissed (storage.local,
// read and written by the capture script). Read back through valibot: storage is a boundary.
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { CaptureSourceSchema, type CaptureSource } from './source.ts';

/** Sources kept for the review page: the newest few (each tab reads its own once it opens). */
export const MAX_DRAFTS = 10;
/** Dismissed pages remembered, newest last. */
export const MAX_DISMISSED = 500;

const draftsItem = storage.defineItem<unknown>('session:captureDrafts', { fallback: [] });
const dismissedItem = storage.defineItem<unknown>('local:captureDismissed', { fallback: [] });

const DraftList = v.array(v.object({ id: v.string(), at: v.number(), source: CaptureSourceSchema }));
type Drafts = v.InferOutput<typeof DraftList>;

async function readDrafts(): Promise<Drafts> {
  const parsed = v.safeParse(DraftList, await draftsItem.getValue());
  return parsed.success ? parsed.output : [];
}

/** Keeps `source` for the review page under a new id, dropping the oldest beyond MAX_DRAFTS. */
export async function putDraft(source: CaptureSource, now: number): Promise<string> {
  const id = crypto.randomUUID();
  const drafts = [...(await readDrafts()), { id, at: now, source }].slice(-MAX_DRAFTS);
  await draftsItem.setValue(drafts);
  return id;
}

export async function getDraft(id: string): Promise<CaptureSource | null> {
  return (await readDrafts()).find((d) => d.id === id)?.source ?? null;
}

// Parameters that say where a click came from, not which page it is (1688's spm, tracelog).
const TRACKING = /^(?:spm|tracelog|scm|_t|from|utm_[a-z]+)$/iu;

/**
 * The page an offer is dismissed for: origin, path and the query without tracking parameters;
 * the fragment only when it is a route (`#/…`, `#!/…`, as single-page sites write them).
 */
export function pageKey(href: string): string {
  const url = new URL(href);
  const query = [...url.searchParams].filter(([name]) => !TRACKING.test(name));
  query.sort(([a], [b]) => a.localeCompare(b));
  const search = new URLSearchParams(query).toString();
  const route = /^#!?\//u.test(url.hash) ? url.hash : '';
  return `${url.origin}${url.pathname}${search ? `?${search}` : ''}${route}`;
}

async function readDismissed(): Promise<string[]> {
  const parsed = v.safeParse(v.array(v.string()), await dismissedItem.getValue());
  return parsed.success ? parsed.output : [];
}

export async function isDismissed(href: string): Promise<boolean> {
  return (await readDismissed()).includes(pageKey(href));
}

export async function dismiss(href: string): Promise<void> {
  const key = pageKey(href);
  const list = (await readDismissed()).filter((k) => k !== key);
  await dismissedItem.setValue([...list, key].slice(-MAX_DISMISSED));
}
