// One notice source file: Markdown with YAML front matter (issue 2 item 3). The front matter
// holds the structured notice plus where it came from and what we assumed; the body keeps the
// notice's original Chinese text verbatim. This module is the only place that knows the file
// layout: `parseNoticeFile` reads it (feed check/serve/build), `formatNoticeFile` writes it
// (feed extract).
import matter from 'gray-matter';
import * as v from 'valibot';
import YAML from 'yaml';
import {
  ACTIONS,
  HttpsUrl,
  IsoInstant,
  KINDS,
  LIMITS,
  validate,
  validateNotice,
  type Milestone,
  type Notice,
  type Product,
  type Replacement,
} from '../utils/notice/schema.ts';

/** One problem in one file, by the field's path inside the front matter. */
export interface FileError {
  file: string;
  field: string;
  reason: string;
}

const text = (what: string) =>
  v.pipe(
    v.string(`${what} must be text (quote it if YAML reads it as a number or date)`),
    v.trim(),
    v.maxLength(LIMITS.maxString, `${what} is longer than ${LIMITS.maxString} characters`),
  );
const requiredText = (what: string) => v.pipe(text(what), v.minLength(1, `${what} is empty`));
// Typos in a key (e.g. `replacments`) would otherwise drop data without a word.
// valibot reports a missing required key through the object's message too (expected: the key).
const unknownKey = (issue: v.BaseIssue<unknown>) =>
  issue.expected === 'never' ? `unknown field ${JSON.stringify(issue.input)}` : 'is required';
const list = <S extends v.GenericSchema>(item: S, what: string) =>
  v.optional(v.nullable(v.array(item, `${what} must be a list`)), []);

const FileMilestone = v.strictObject(
  {
    action: v.picklist(ACTIONS, (issue) => `unknown action ${JSON.stringify(issue.input)}`),
    // Absent or empty: announced, date not yet known (feed-format.md).
    at: v.optional(v.nullable(IsoInstant), null),
    previous: v.optional(IsoInstant),
  },
  unknownKey,
);

const FileReplacement = v.strictObject(
  { name: requiredText('replacement name'), href: v.optional(HttpsUrl) },
  unknownKey,
);

const FileProduct = v.strictObject(
  {
    name: requiredText('product name'),
    aliases: list(requiredText('alias'), 'aliases'),
    milestones: list(FileMilestone, 'milestones'),
    replacements: list(FileReplacement, 'replacements'),
  },
  unknownKey,
);

/** Where the notice text came from. */
export const SourceSchema = v.strictObject(
  {
    publisher: requiredText('source publisher'),
    author: v.optional(text('source author')),
    title: v.optional(text('source title')),
    published: v.optional(IsoInstant),
    url: v.optional(HttpsUrl),
  },
  unknownKey,
);
export type NoticeSource = v.InferOutput<typeof SourceSchema>;

const FrontMatter = v.strictObject(
  {
    guid: requiredText('guid'),
    title: requiredText('title'),
    // Publishers must give an https link; only readers tolerate its absence.
    link: v.pipe(v.string('link is required (an https: URL)'), HttpsUrl),
    pubDate: IsoInstant,
    description: v.optional(text('description')),
    kind: v.optional(v.picklist(KINDS, (issue) => `unknown kind ${JSON.stringify(issue.input)}`)),
    updated: v.optional(IsoInstant),
    platform: v.optional(text('platform')),
    area: v.optional(text('area')),
    products: v.optional(
      v.pipe(
        v.array(FileProduct, 'products must be a list'),
        v.maxLength(LIMITS.maxProducts, `more than ${LIMITS.maxProducts} products`),
      ),
    ),
    grandfather: v.optional(text('grandfather')),
    source: v.optional(SourceSchema),
    assumptions: list(requiredText('assumption'), 'assumptions'),
  },
  unknownKey,
);
type FrontMatterData = v.InferOutput<typeof FrontMatter>;

export type ParsedNoticeFile =
  | {
      ok: true;
      notice: Notice;
      source?: NoticeSource;
      assumptions: string[];
      /** The original text below the front matter, trimmed. */
      body: string;
      errors: [];
    }
  | { ok: false; notice?: undefined; errors: FileError[] };

/**
 * RSS pubDate (RFC 822) holds whole seconds and a numeric offset, so the feed can only carry
 * this form; normalising here keeps file → feed → reader an exact round trip.
 */
export function canonicalInstant(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, minutes, seconds = '00', zone] = m;
  return `${minutes}:${seconds}${zone === 'Z' ? '+00:00' : zone}`;
}

const SUNSET_KEYS = ['updated', 'platform', 'area', 'products', 'grandfather'] as const;

function toNotice(data: FrontMatterData): { notice?: Notice; errors: { field: string; reason: string }[] } {
  const base: Notice = {
    guid: data.guid,
    title: data.title,
    link: data.link,
    pubDate: canonicalInstant(data.pubDate),
  };
  if (data.description !== undefined && data.description !== '') base.description = data.description;
  if (data.kind === undefined) {
    // A plain notice has no structured part; stray structured fields mean a forgotten `kind`.
    const stray = SUNSET_KEYS.filter((key) => data[key] !== undefined);
    if (stray.length > 0) {
      return {
        errors: [{ field: 'kind', reason: `is missing but ${stray.join(', ')} given (add kind: retire, …)` }],
      };
    }
    return { notice: base, errors: [] };
  }
  if (data.updated === undefined) {
    return { errors: [{ field: 'updated', reason: 'is required when kind is given' }] };
  }
  const products: Product[] = (data.products ?? []).map((p) => ({
    name: p.name,
    aliases: p.aliases ?? [],
    milestones: (p.milestones ?? []).map((m): Milestone => {
      const out: Milestone = { action: m.action, at: m.at };
      if (m.previous !== undefined) out.previous = m.previous;
      return out;
    }),
    replacements: (p.replacements ?? []).map((r): Replacement => {
      const out: Replacement = { name: r.name };
      if (r.href !== undefined) out.href = r.href;
      return out;
    }),
  }));
  const notice: Notice = { ...base, sunset: { kind: data.kind, updated: data.updated, products } };
  const sunset = notice.sunset!;
  if (data.platform) sunset.platform = data.platform;
  if (data.area) sunset.area = data.area;
  if (data.grandfather) sunset.grandfather = data.grandfather;
  return { notice, errors: [] };
}

// Characters XML 1.0 cannot carry at all: xmlbuilder2 would write them and produce a feed
// that no reader accepts, so they are refused here, by field.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function controlCharacterFields(value: unknown, path: string): { field: string; reason: string }[] {
  if (typeof value === 'string') {
    const m = NOT_IN_XML.exec(value);
    if (!m) return [];
    const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return [{ field: path || '(root)', reason: `contains U+${code}, a control character XML cannot carry` }];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacterFields(v, `${path}.${i}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => controlCharacterFields(v, path ? `${path}.${k}` : k));
  }
  return [];
}

const yamlEngine = { yaml: (s: string) => YAML.parse(s) as object };

/** Reads one notice file. Every problem is named by file and front-matter field. */
export function parseNoticeFile(text: string, fileName: string): ParsedNoticeFile {
  const fail = (errors: { field: string; reason: string }[]): ParsedNoticeFile => ({
    ok: false,
    errors: errors.map((e) => ({ file: fileName, ...e })),
  });
  if (!/^\uFEFF?---\r?\n/.test(text)) {
    return fail([{ field: '(front matter)', reason: 'file does not start with a --- front matter block' }]);
  }
  let parsed: { data: unknown; content: string };
  try {
    // The `yaml` engine (YAML 1.2) keeps timestamps as strings; js-yaml, gray-matter's default,
    // would turn them into Dates and lose the offset.
    parsed = matter(text.replace(/^\uFEFF/, ''), { engines: yamlEngine });
  } catch (error) {
    return fail([
      {
        field: '(front matter)',
        reason: `YAML: ${(error as Error).message.split('\n')[0]?.replace(/:$/, '')}`,
      },
    ]);
  }
  const checked = validate(FrontMatter, parsed.data ?? {});
  if (!checked.ok) return fail(checked.errors);
  const unwritable = controlCharacterFields(checked.value, '');
  if (unwritable.length > 0) return fail(unwritable);
  const { notice, errors } = toNotice(checked.value);
  if (!notice) return fail(errors);
  // The model's own schema is the last word (same rules the extension applies).
  const final = validateNotice(notice);
  if (!final.ok) return fail(final.errors);
  const result: ParsedNoticeFile = {
    ok: true,
    notice: final.value,
    assumptions: checked.value.assumptions ?? [],
    body: parsed.content.trim(),
    errors: [],
  };
  if (checked.value.source) result.source = checked.value.source;
  return result;
}

export interface NoticeFileParts {
  notice: Notice;
  source?: NoticeSource;
  assumptions?: string[];
  /** The original notice text, verbatim. */
  body?: string;
}

/**
 * Writes a notice file that `parseNoticeFile` reads back to the same notice. Milestones and
 * replacements are written one per line in flow style, as people write them by hand.
 */
export function formatNoticeFile({ notice, source, assumptions, body }: NoticeFileParts): string {
  const data: Record<string, unknown> = {
    guid: notice.guid,
    title: notice.title,
    link: notice.link,
    pubDate: notice.pubDate,
  };
  if (notice.description !== undefined) data.description = notice.description;
  const s = notice.sunset;
  if (s) {
    data.kind = s.kind;
    data.updated = s.updated;
    if (s.platform !== undefined) data.platform = s.platform;
    if (s.area !== undefined) data.area = s.area;
    data.products = s.products.map((p) => {
      const product: Record<string, unknown> = { name: p.name };
      if (p.aliases.length > 0) product.aliases = p.aliases;
      product.milestones = p.milestones.map((m) => {
        const out: Record<string, unknown> = { action: m.action };
        if (m.at !== null) out.at = m.at;
        if (m.previous !== undefined) out.previous = m.previous;
        return out;
      });
      if (p.replacements.length > 0) product.replacements = p.replacements;
      return product;
    });
    if (s.grandfather !== undefined) data.grandfather = s.grandfather;
  }
  if (source) data.source = source;
  if (assumptions && assumptions.length > 0) data.assumptions = assumptions;

  const doc = new YAML.Document(data);
  YAML.visit(doc, {
    Pair(_, pair) {
      const key = YAML.isScalar(pair.key) ? pair.key.value : undefined;
      if ((key === 'aliases' || key === 'milestones' || key === 'replacements') && YAML.isSeq(pair.value)) {
        // Maps one per line in flow style; aliases stay a block list, which is what prettier
        // (run by `npm run lint` over feed/notices) leaves unchanged.
        if (key !== 'aliases') for (const item of pair.value.items) if (YAML.isMap(item)) item.flow = true;
      }
      if (key === 'source' && YAML.isMap(pair.value)) pair.value.flow = false;
    },
  });
  const yaml = doc.toString({ lineWidth: 0 });
  const text = (body ?? '').trim();
  return `---\n${yaml}---\n${text ? `\n${text}\n` : ''}`;
}
