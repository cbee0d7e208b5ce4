// What `feed extract` prints (issue 6): validated before it leaves the extractor, so a bug in a
// heuristic shows up as a clear error and never as an ill-formed notice.
import * as v from 'valibot';
import { ACTIONS, IsoInstant, KINDS } from '../notice/schema.ts';

/** Every `at` the extractor writes is in Beijing time (feed-format.md "Time"). */
const BeijingInstant = v.pipe(
  IsoInstant,
  v.check((value) => value.endsWith('+08:00'), 'must carry the +08:00 offset'),
);

export const ExtractedMilestoneSchema = v.object({
  product: v.optional(v.pipe(v.string(), v.minLength(1))),
  action: v.picklist(ACTIONS),
  /** null: announced (即将下线) without a date; never an invented one. */
  at: v.nullable(BeijingInstant),
  /** The earlier date of a moved milestone (原定于 …). */
  previous: v.optional(BeijingInstant),
  /** The phrase the milestone came from. */
  text: v.pipe(v.string(), v.minLength(1)),
});

export const ExtractionSchema = v.object({
  kind: v.picklist(KINDS),
  products: v.array(v.pipe(v.string(), v.minLength(1))),
  replacements: v.array(v.pipe(v.string(), v.minLength(1))),
  grandfather: v.nullable(v.string()),
  milestones: v.array(ExtractedMilestoneSchema),
});

export type ExtractedMilestone = v.InferOutput<typeof ExtractedMilestoneSchema>;
export type Extraction = v.InferOutput<typeof ExtractionSchema>;
