// The notice model, once: the runtime schema both the feed (serve, build, check) and the
// extension (parse, store, show) validate against. Types are derived from it, never written
// twice. The contract it encodes is ../shared/feed-format.md, version 1.
import * as v from 'valibot';
import { ISO_PROBLEM_TEXT, isoProblem, normalizeIso } from './time.ts';

/** feed-format.md "Limits a reader enforces". */
export const LIMITS = {
  maxBodyBytes: 2 * 1024 * 1024,
  maxItems: 500,
  maxString: 4000,
  maxProducts: 50,
} as const;

export const KINDS = ['retire', 'postpone', 'cancel', 'policy', 'info'] as const;
export const ACTIONS = [
  'retire',
  'no-new-orders',
  'history-hidden',
  'auto-renew-off',
  'migrate',
  'authorization-ends',
  'policy-effective',
] as const;

export type Kind = (typeof KINDS)[number];
export type Action = (typeof ACTIONS)[number];

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}

const text = (what: string) =>
  v.pipe(
    v.string(`${what} must be text`),
    v.trim(),
    v.maxLength(LIMITS.maxString, `${what} is longer than ${LIMITS.maxString} characters`),
  );
const requiredText = (what: string) => v.pipe(text(what), v.minLength(1, `${what} is empty`));

/**
 * An instant with an explicit offset: the only form feed-format.md allows, RFC 3339's fractions
 * of any length and 24:00 included. What passes is normalized (normalizeIso: 24:00 becomes the
 * next day's 00:00), so everything downstream reads one form.
 */
export const IsoInstant = v.pipe(
  v.string('must be an ISO 8601 date-time string'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = isoProblem(dataset.value);
    if (problem) addIssue({ message: `${JSON.stringify(dataset.value)} ${ISO_PROBLEM_TEXT[problem]}` });
  }),
  v.transform(normalizeIso),
);

/** Only https links are followed anywhere (feed-format.md: readers drop any other scheme). */
export function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
export const HttpsUrl = v.pipe(
  v.string('must be a URL string'),
  v.check(isHttpsUrl, (issue) => `${JSON.stringify(issue.input)} is not an https: link`),
);

export const MilestoneSchema = v.object({
  action: v.picklist(ACTIONS, (issue) => `unknown action ${JSON.stringify(issue.input)}`),
  /** The action as the feed wrote it, kept when a reader mapped an unknown one to `retire`. */
  rawAction: v.optional(text('rawAction')),
  /** null: announced, date not yet known. */
  at: v.nullable(IsoInstant),
  /** The earlier `at` when the date was moved. */
  previous: v.optional(IsoInstant),
});

export const ReplacementSchema = v.object({
  name: requiredText('replacement name'),
  href: v.optional(HttpsUrl),
});

export const ProductSchema = v.object({
  name: requiredText('product name'),
  aliases: v.array(requiredText('alias')),
  milestones: v.array(MilestoneSchema),
  replacements: v.array(ReplacementSchema),
});

export const SunsetSchema = v.object({
  kind: v.picklist(KINDS, (issue) => `unknown kind ${JSON.stringify(issue.input)}`),
  updated: IsoInstant,
  platform: v.optional(text('platform')),
  area: v.optional(text('area')),
  products: v.pipe(
    v.array(ProductSchema),
    v.maxLength(LIMITS.maxProducts, `more than ${LIMITS.maxProducts} products`),
  ),
  grandfather: v.optional(text('grandfather')),
});

export const NoticeSchema = v.object({
  guid: requiredText('guid'),
  title: requiredText('title'),
  /** Required of publishers (`feed check`); a reader drops a non-https link and keeps the notice. */
  link: v.optional(HttpsUrl),
  pubDate: IsoInstant,
  /** Plain text; never interpreted as HTML. */
  description: v.optional(text('description')),
  /** Absent: a plain notice, listed but never flagged or reminded. */
  sunset: v.optional(SunsetSchema),
});

export type Milestone = v.InferOutput<typeof MilestoneSchema>;
export type Replacement = v.InferOutput<typeof ReplacementSchema>;
export type Product = v.InferOutput<typeof ProductSchema>;
export type Sunset = v.InferOutput<typeof SunsetSchema>;
export type Notice = v.InferOutput<typeof NoticeSchema>;

/** One problem, naming the field by its path (e.g. `sunset.products.0.milestones.1.at`). */
export interface FieldError {
  field: string;
  reason: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

function fieldPath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join('.') || '(root)';
}

/** Validates with any schema and reports every problem by field and reason. */
export function validate<S extends v.GenericSchema>(schema: S, input: unknown): Validated<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return {
    ok: false,
    errors: result.issues.map((issue) => ({ field: fieldPath(issue), reason: issue.message })),
  };
}

export function validateNotice(input: unknown): Validated<Notice> {
  return validate(NoticeSchema, input);
}

export function formatErrors(errors: FieldError[]): string {
  return errors.map((e) => `${e.field}: ${e.reason}`).join('; ');
}
