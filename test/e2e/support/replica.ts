// The set-up most browser suites share: the replica notices served as the e2e feed, the built
// extension in a fresh Chromium profile that has stored them, and the replica backend pages
// routed at their real addresses. `stopReplica` undoes it all (safe after a failed start).
import {
  replicaNotices,
  routeReplicaPages,
  serveFeed,
  waitForStoredNotice,
  type FeedHandle,
} from '../../fixtures/pages/serve.ts';
import { launchWithExtension, removeProfile, type ExtensionSession } from './chromium.ts';
import { E2E_FEED_PORT } from './paths.ts';

export interface ReplicaSetup {
  session: ExtensionSession;
  feed: FeedHandle;
  /** The stored hash of each notice waited for, by guid. */
  hashes: Record<string, string>;
}

/** Starts the feed and the extension, and waits until the background stored `guids`. */
export async function startReplica(guids: readonly string[] = ['replica-jiaju']): Promise<ReplicaSetup> {
  const feed = await serveFeed(E2E_FEED_PORT, replicaNotices(Date.now()));
  const session = await launchWithExtension();
  await routeReplicaPages(session.context);
  const hashes: Record<string, string> = {};
  for (const guid of guids) hashes[guid] = await waitForStoredNotice(session.worker, guid);
  return { session, feed, hashes };
}

/** Closes the browser, removes its profile and stops the feed (each only if it was started). */
export async function stopReplica(setup: {
  session?: ExtensionSession | undefined;
  feed?: FeedHandle | undefined;
}): Promise<void> {
  await setup.session?.close();
  if (setup.session) removeProfile(setup.session.userDataDir);
  await setup.feed?.close();
}
