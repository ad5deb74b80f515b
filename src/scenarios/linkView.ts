/**
 * The view position a share link may carry besides its scenario: where the sender was on the
 * timeline, so the receiver opens the run paused at the same frame.
 *
 * A position is (virtual time, queue items processed), as the store's frames count them: time alone
 * is not exact, since "step to the next event" can stop between two events of the same millisecond.
 * It rides inside the compressed JSON as a top-level `view` field, so the link's checksum covers it,
 * and a link without it (older, or made by the CLI) still opens, at the start.
 */
import * as v from 'valibot';
import { int } from './fields.ts';
import { issueRefusal } from './issues.ts';
import { LIMITS } from './limits.ts';
import { fieldRefusal } from './refusal.ts';
import type { Refusal } from './refusal.ts';

export interface LinkView {
  /** Virtual time of the frame, integer ms. */
  timeMs: number;
  /** Queue items processed at that frame (`state.steps` of the simulation). */
  steps: number;
}

/**
 * Opening a link replays the run up to its position in one go, at roughly 50,000 to 100,000
 * queue items per second: this keeps the wait for the worst link to a few seconds.
 */
export const VIEW_STEPS_MAX = 300_000;

const viewShape = v.strictObject({
  view: v.strictObject({ timeMs: int(0, LIMITS.timeMs), steps: int(0, VIEW_STEPS_MAX) }),
});

export type ViewResult = { ok: true; view: LinkView } | { ok: false; refusal: Refusal };

/** Validates the `view` field of a link's JSON (untrusted, like the rest of it). */
export function parseView(input: unknown): ViewResult {
  const parsed = v.safeParse(viewShape, { view: input }, { abortEarly: true });
  if (parsed.success) return { ok: true, view: parsed.output.view };
  const issue = parsed.issues[0];
  const refusal =
    issue === undefined ? fieldRefusal('view', { code: 'invalid' }) : issueRefusal(issue);
  if (issue?.type === 'max_value' && refusal.code === 'field' && refusal.path === 'view.steps') {
    const steps = Number(issue.input);
    return {
      ok: false,
      refusal: fieldRefusal('view.steps', { code: 'viewTooFar', steps, max: VIEW_STEPS_MAX }),
    };
  }
  return { ok: false, refusal };
}

/** Whether a position can ride in a link (the sender checks before offering it). */
export function viewFits(view: LinkView): boolean {
  return parseView(view).ok;
}
