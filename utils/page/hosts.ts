// Further 1688 hosts the merchant switches page warnings on for (options page, settings.extraHosts).
// Only 1688's own hosts qualify: the content script reads merchants' backend pages, nothing else.

/** Hosts the manifest's content script already covers. */
export const BUILT_IN_HOSTS = ['p4p.1688.com', 'work.1688.com', 'air.1688.com', 'widget.1688.com'] as const;

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * The host of one `extraHosts` entry (`xstore.insights.1688.com`, `https://sycm.1688.com/x`,
 * `*.1688.com`), lower-cased, or null when it is not a 1688 host.
 */
export function normalizeHost(entry: string): string | null {
  let text = entry.trim().toLowerCase();
  if (!text) return null;
  text = text.replace(/^https:\/\//, '');
  if (/^[a-z][a-z0-9+.-]*:/.test(text)) return null;
  text = text.split(/[/?#]/)[0]!;
  if (text.includes('@') || text.includes(':')) return null;
  const wildcard = text.startsWith('*.');
  const host = wildcard ? text.slice(2) : text;
  if (host !== '1688.com' && !host.endsWith('.1688.com')) return null;
  if (!host.split('.').every((label) => LABEL.test(label))) return null;
  return wildcard ? `*.${host}` : host;
}

/** Match patterns for the extra hosts: https only, de-duplicated, built-in hosts left out. */
export function extraHostPatterns(entries: readonly string[]): string[] {
  const out = new Set<string>();
  for (const entry of entries) {
    const host = normalizeHost(entry);
    if (host && !(BUILT_IN_HOSTS as readonly string[]).includes(host)) out.add(`https://${host}/*`);
  }
  return [...out];
}
