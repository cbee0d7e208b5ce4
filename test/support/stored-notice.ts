// A stored notice as the database keeps it, for tests that need one around a Notice.
import type { StoredNotice } from '../../utils/store/db.ts';
import type { Notice } from '../../utils/notice/schema.ts';

export function storedNotice(notice: Notice, extra: Partial<StoredNotice> = {}): StoredNotice {
  return {
    guid: notice.guid,
    notice,
    origin: 'feed',
    hash: 'h',
    firstSeenAt: 0,
    updatedAt: 0,
    read: false,
    muted: false,
    ...extra,
  };
}
