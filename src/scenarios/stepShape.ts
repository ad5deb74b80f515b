/**
 * The shape one presenter step (steps.ts) is validated against, when a scenario with steps comes
 * from a link, a file or the command line. Kept apart from steps.ts so that a view needing only a
 * step's caption does not load the validation library.
 */
import * as v from 'valibot';
import { STEP_EVENTS, STEP_MAX_MS_LIMIT, type StepEventName } from './steps.ts';

const captionText = v.pipe(v.string(), v.maxLength(2000, 'a caption is at most 2000 characters'));
const caption = v.union([
  captionText,
  v.strictObject({
    en: v.optional(captionText),
    es: v.optional(captionText),
    pt: v.optional(captionText),
  }),
]);
const ms = v.pipe(
  v.number(),
  v.integer('must be an integer'),
  v.minValue(0),
  v.maxValue(1_000_000_000),
);
const id = v.pipe(
  v.number(),
  v.integer('must be an integer'),
  v.minValue(1),
  v.maxValue(1_000_000_000),
);
const until = v.union([
  v.strictObject({ atMs: ms }),
  v.strictObject({ afterMs: ms }),
  v.strictObject({
    event: v.picklist(Object.keys(STEP_EVENTS) as StepEventName[]),
    server: v.optional(id),
    term: v.optional(id),
    index: v.optional(id),
  }),
]);

/**
 * The shape of one step. `do` entries are checked as actions by the scenario schema (with an `at`
 * added), so this accepts any object there.
 */
export const stepShape = v.strictObject({
  do: v.optional(v.pipe(v.array(v.looseObject({ do: v.string() })), v.maxLength(50))),
  until,
  maxMs: v.optional(v.pipe(ms, v.maxValue(STEP_MAX_MS_LIMIT))),
  caption,
});
