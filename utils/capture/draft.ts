// From an extraction to a notice (issue 19 items 3–5): what the offer shows and what the review
// page starts from, made by one function so that both say the same. Pure: the clock and the
// guid are passed in.
import type { Extraction } from '../extract/schema.ts';
import type { CaptureSource } from './source.ts';
import { isHttpsUrl, LIMITS, type Action, type Kind, type Milestone, type Notice } from '../notice/schema.ts';
import { toBeijingIso } from '../notice/time.ts';

/** Captured notices live beside the feed's under guids of their own (design.md test contract). */
export const LOCAL_PREFIX = 'local:';

export const isLocalGuid = (guid: string): boolean => guid.startsWith(LOCAL_PREFIX);

/** A new local guid: `local:` and a random UUID (the page's URL may be captured twice, on purpose). */
export function newLocalGuid(random: () => string = () => crypto.randomUUID()): string {
  return `${LOCAL_PREFIX}${random()}`;
}

/** Kinds a captured retirement may have: what the offer is for. */
const RETIREMENT_KINDS: readonly Kind[] = ['retire', 'postpone'];
/** A rule or eligibility change taking effect retires nothing. */
const RETIRING = (a: Action) => a !== 'policy-effective';

/**
 * Whether an extraction describes a retirement worth offering (issue 19 item 3): a retiring
 * product and a milestone. A text without a product or without a milestone, or about a rule
 * taking effect (kind policy), a cancellation or plain news, gets nothing.
 */
export function isRetirement(x: Extraction): boolean {
  return (
    RETIREMENT_KINDS.includes(x.kind) && x.products.length > 0 && x.milestones.some((m) => RETIRING(m.action))
  );
}

const cut = (text: string, max: number = LIMITS.maxString) => text.trim().slice(0, max);

/** The first line of a text, as a title when the page gave none. */
function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.trim().slice(0, 80);
}

/**
 * The notice an extraction describes: one product per name found, each with the milestones
 * that name it (or name no product), the replacements and the grandfather clause as found.
 * `updated` is now; `pubDate` the publish day at 00:00 Beijing.
 */
export function draftNotice(
  x: Extraction,
  source: Omit<CaptureSource, 'text'> & { text?: string },
  meta: { guid: string; now: number },
): Notice {
  const products = x.products.slice(0, LIMITS.maxProducts).map((name) => {
    const milestones: Milestone[] = [];
    const seen = new Set<string>();
    for (const m of x.milestones) {
      if (m.product !== undefined && m.product !== name) continue;
      const key = `${m.action}|${m.at ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      milestones.push({ action: m.action, at: m.at, ...(m.previous ? { previous: m.previous } : {}) });
    }
    return {
      name: cut(name, 200),
      aliases: [],
      milestones,
      replacements: x.replacements.filter((r) => r !== name).map((r) => ({ name: cut(r, 200) })),
    };
  });
  const title = cut(source.title) || firstLine(source.text ?? '') || products.map((p) => p.name).join('、');
  const notice: Notice = {
    guid: meta.guid,
    title,
    pubDate: `${source.published}T00:00:00+08:00`,
    sunset: {
      kind: x.kind,
      updated: toBeijingIso(meta.now),
      products,
      ...(x.grandfather ? { grandfather: cut(x.grandfather) } : {}),
    },
  };
  if (source.link && isHttpsUrl(source.link)) notice.link = source.link;
  return notice;
}
