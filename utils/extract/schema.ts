// What `feed extract` prints (issue 6): validated before it leaves the extractor, so a bug in a
// heuristic shows up as a clear error and never as an ill-formed notice.
import * as v from 'valibot';
import { ACTIONS, IsoInstant, KINDS } from '../notice/schema.ts';

/** Every `at` the extractor writes is in Beijing time (feed-format.md "Time"). */
const BeijingInstant = v.pipe(
  IsoInstant,
  v.check((value) => value.endsWith('+08:00'), 'must carry the +08:00 offset'),
);

const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));

/**
 * Every date expression the grammar found (issue 19, "recall first"), with its UTF-16 offsets
 * into the text as given, and what the classifier made of it.
 */
export const ExtractedDateSchema = v.object({
  start: Offset,
  end: Offset,
  /** The phrase as the text writes it: text.slice(start, end). */
  text: v.pipe(v.string(), v.minLength(1)),
  at: BeijingInstant,
  /** The end of a range (3月1日至31日). */
  until: v.optional(BeijingInstant),
  /** Whether a milestone was taken from it. */
  milestone: v.boolean(),
  /** The rows of utils/extract/rules.ts that decided, by id. */
  rules: v.array(v.string()),
});

export const ExtractedMilestoneSchema = v.object({
  product: v.optional(v.pipe(v.string(), v.minLength(1))),
  action: v.picklist(ACTIONS),
  /** null: announced (即将下线) without a date; never an invented one. */
  at: v.nullable(BeijingInstant),
  /** The earlier date of a moved milestone (原定于 …). */
  previous: v.optional(BeijingInstant),
  /** The phrase the milestone came from. */
  text: v.pipe(v.string(), v.minLength(1)),
  /** Offsets of its date expression in the text (absent when at is null). */
  start: v.optional(Offset),
  end: v.optional(Offset),
});

export const ExtractionSchema = v.object({
  kind: v.picklist(KINDS),
  products: v.array(v.pipe(v.string(), v.minLength(1))),
  replacements: v.array(v.pipe(v.string(), v.minLength(1))),
  grandfather: v.nullable(v.string()),
  milestones: v.array(ExtractedMilestoneSchema),
  dates: v.array(ExtractedDateSchema),
});

export type ExtractedMilestone = v.InferOutput<typeof ExtractedMilestoneSchema>;
export type ExtractedDate = v.InferOutput<typeof ExtractedDateSchema>;
export type Extraction = v.InferOutput<typeof ExtractionSchema>;
