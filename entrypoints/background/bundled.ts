// The notices of feed/notices, embedded at build time (wxt.config.ts: virtual:bundled-notices),
// so a fresh install lists them before any poll succeeds, and with no feed reachable at all.
import bundled from 'virtual:bundled-notices';
import { validateNotice, type Notice } from '../../utils/notice/schema.ts';

/** Re-validated at run time too: the build's copy passes the same boundary as fetched data. */
export function bundledNotices(): Notice[] {
  return bundled.flatMap((input) => {
    const result = validateNotice(input);
    return result.ok ? [result.value] : [];
  });
}
