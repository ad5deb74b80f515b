/**
 * The share link of the current run: its scenario plus the position on the timeline, so the
 * receiver opens the same frame (same time, same trace hash).
 */
import { encodeLink } from '../../scenarios/link.ts';
import { VIEW_STEPS_MAX, viewFits } from '../../scenarios/linkView.ts';
import type { LinkView } from '../../scenarios/linkView.ts';
import type { Scenario } from '../../scenarios/schema.ts';

export type ShareLink =
  | {
      ok: true;
      url: string;
      /** The position the link opens at, or null when it opens at the start. */
      view: LinkView | null;
      /** Something the sender should know about the link, in plain words; null when all is well. */
      note: string | null;
    }
  | { ok: false; error: string };

/** The page address without its query and fragment: a link carries the run and nothing else. */
export function linkBase(href: string): string {
  return href.split(/[?#]/)[0] ?? href;
}

export function shareLink(scenario: Scenario, base: string, position: LinkView): ShareLink {
  const fits = viewFits(position);
  const view = fits ? { timeMs: position.timeMs, steps: position.steps } : null;
  const note = fits
    ? null
    : `This moment is too far into the run for a link to replay quickly (${position.steps.toLocaleString('en-US')} events; at most ${VIEW_STEPS_MAX.toLocaleString('en-US')}), so the link opens the run at its start.`;
  try {
    const url = view === null ? encodeLink(scenario, base) : encodeLink(scenario, base, view);
    return { ok: true, url, view, note };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
