/**
 * The share link of the current run: its scenario plus the position on the timeline, so the
 * receiver opens the same frame (same time, same trace hash).
 */
import { encodeLink, LinkTooLargeError } from '../../scenarios/link.ts';
import { viewFits } from '../../scenarios/linkView.ts';
import type { Refusal } from '../../scenarios/refusal.ts';
import type { LinkView } from '../../scenarios/linkView.ts';
import type { Scenario } from '../../scenarios/schema.ts';

export type ShareLink =
  | {
      ok: true;
      url: string;
      /** The position the link opens at, or null when it opens at the start. */
      view: LinkView | null;
      /**
       * Something the sender should know about the link, as a code the view words ('tooFar': the
       * moment is too far into the run to replay, so the link opens at the start); null when all
       * is well.
       */
      note: 'tooFar' | null;
    }
  | { ok: false; refusal: Refusal };

/** The page address without its query and fragment: a link carries the run and nothing else. */
export function linkBase(href: string): string {
  return href.split(/[?#]/)[0] ?? href;
}

export function shareLink(scenario: Scenario, base: string, position: LinkView): ShareLink {
  const fits = viewFits(position);
  const view = fits ? { timeMs: position.timeMs, steps: position.steps } : null;
  const note = fits ? null : 'tooFar';
  try {
    const url = view === null ? encodeLink(scenario, base) : encodeLink(scenario, base, view);
    return { ok: true, url, view, note };
  } catch (error) {
    if (error instanceof LinkTooLargeError) return { ok: false, refusal: error.refusal };
    throw error;
  }
}
