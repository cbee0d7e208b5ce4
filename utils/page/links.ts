// Links shown on the page: https only, and replacements only on the platform's own hosts, so a
// feed can never put a `javascript:` or look-alike link in front of a merchant.
export const PLATFORM_DOMAINS = ['1688.com', 'alibaba.com', 'taobao.com', 'alimama.com'] as const;

function parse(href: string | undefined): URL | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && !url.username && !url.password ? url : null;
  } catch {
    return null;
  }
}

/** The link when it is https, else null. */
export function httpsHref(href: string | undefined): string | null {
  return parse(href)?.href ?? null;
}

/** The link when it is https on *.1688.com, *.alibaba.com, *.taobao.com or *.alimama.com. */
export function platformHref(href: string | undefined): string | null {
  const url = parse(href);
  if (!url) return null;
  const host = url.hostname.toLowerCase();
  return PLATFORM_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`)) ? url.href : null;
}
