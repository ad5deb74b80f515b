/**
 * The English of EN_LATER (messages.ts) for the browser, fetched after the first paint by
 * laterWordsLazy.ts. vite.config.ts gives this module its own copies of the catalogues, so these
 * strings live in this chunk and not in the first paint's.
 */
import { LINEARIZABILITY_EN } from './linearizability.ts';
import { MESSAGE_FIELDS_EN } from './messageFields.ts';
import { REFUSALS_EN } from './refusals.ts';
import { VIOLATIONS_EN } from './violations.ts';

export const EN_LATER = {
  ...LINEARIZABILITY_EN,
  ...VIOLATIONS_EN,
  ...MESSAGE_FIELDS_EN,
  ...REFUSALS_EN,
};
