/**
 * The English of EN_LATER (messages.ts) for the browser, fetched after the first paint by
 * laterWordsLazy.ts. vite.config.ts gives this module its own copies of the catalogues, so these
 * strings live in this chunk and not in the first paint's.
 */
import { A11Y_LATER_EN } from './a11y.ts';
import { FOLLOWER_READS_LATER_EN } from './followerReads.ts';
import { LAB_LATER_EN } from './lab.ts';
import { MEMBERSHIP_LATER_EN } from './membership.ts';
import { READS_LATER_EN } from './reads.ts';
import { RULES_PANEL_LATER_EN } from './rulesPanel.ts';
import { SNAPSHOTS_LATER_EN } from './snapshots.ts';
import { SPACETIME_LATER_EN } from './spaceTime.ts';
import { TIME_TRAVEL_LATER_EN } from './timeTravel.ts';
import { VIEW_TEXT_LATER_EN } from './viewText.ts';
import { LINEARIZABILITY_EN } from './linearizability.ts';
import { MESSAGE_FIELDS_EN } from './messageFields.ts';
import { REFUSALS_EN } from './refusals.ts';
import { VIOLATIONS_EN } from './violations.ts';

export const EN_LATER = {
  ...A11Y_LATER_EN,
  ...FOLLOWER_READS_LATER_EN,
  ...LAB_LATER_EN,
  ...MEMBERSHIP_LATER_EN,
  ...READS_LATER_EN,
  ...RULES_PANEL_LATER_EN,
  ...SNAPSHOTS_LATER_EN,
  ...SPACETIME_LATER_EN,
  ...TIME_TRAVEL_LATER_EN,
  ...VIEW_TEXT_LATER_EN,
  ...LINEARIZABILITY_EN,
  ...VIOLATIONS_EN,
  ...MESSAGE_FIELDS_EN,
  ...REFUSALS_EN,
};
