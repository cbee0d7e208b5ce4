// Whether the merchant folded the banner into its pill, remembered per site (origin) in
// storage.local, which content scripts may read and write. A failure only means the banner shows
// unfolded.
import { browser } from 'wxt/browser';

const KEY = 'bannerFolded';

export async function bannerFolded(origin: string): Promise<boolean> {
  try {
    const stored = (await browser.storage.local.get(KEY))[KEY] as Record<string, boolean> | undefined;
    return stored?.[origin] === true;
  } catch (error) {
    console.warn('[Sunset Watch] banner fold not read:', error);
    return false;
  }
}

export async function rememberBannerFold(origin: string, folded: boolean): Promise<void> {
  try {
    const stored = ((await browser.storage.local.get(KEY))[KEY] as Record<string, boolean> | undefined) ?? {};
    if (folded) stored[origin] = true;
    else delete stored[origin];
    await browser.storage.local.set({ [KEY]: stored });
  } catch (error) {
    console.warn('[Sunset Watch] banner fold not saved:', error);
  }
}
