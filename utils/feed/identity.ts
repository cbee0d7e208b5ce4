// Stable identities derived from text, for a feed item without a guid (feed-format.md) and for
// calendar UIDs. Synchronous and dependency-free so it runs in the service worker and the page
// alike; not a security hash, only a stable, well-spread one.

/** 64 bits of FNV-1a over the UTF-16 code units, as 16 hex digits. */
export function stableHash(text: string): string {
  // Two 32-bit FNV-1a lanes with different offset bases give 64 bits without BigInt.
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (i & 0xff), 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** The identity of an item that has no guid: its link and title, hashed. */
export function fallbackGuid(link: string | undefined, title: string | undefined): string {
  return `urn:sunset:${stableHash(`${link ?? ''}\n${title ?? ''}`)}`;
}
