/**
 * The built-in scenario library: stories a presenter clicks through, each one citing the the rule catalogue
 * rules it shows. An entry is plain data; the app lists them and opens one by its id (`#lib=ID`).
 */
import type { InvariantId } from '../../core/index.ts';
import type { Scenario } from '../schema.ts';
import type { Language, Step } from '../steps.ts';

/** One text in every language of the app. */
export type Text = Record<Language, string>;

/** A library scenario always tells a story. */
export type LibraryScenario = Scenario & { steps: Step[] };

export interface LibraryEntry {
  /** URL slug, e.g. 'figure-8' (a short link is `#lib=figure-8`). */
  id: string;
  title: Text;
  summary: Text;
  /** rule IDs it shows, e.g. ['SC-16', 'F2-L5']. */
  cites: string[];
  /** Set only for teaching-bug scenarios: the invariant the story must make fire. */
  expectViolation?: InvariantId;
  scenario: LibraryScenario;
}

/** The URL fragment (without `#`) that opens an entry: `lib=figure-8`. */
export function libraryLinkId(entry: Pick<LibraryEntry, 'id'>): string {
  return `lib=${entry.id}`;
}
