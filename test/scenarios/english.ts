/** A refused parse or link in the CLI's plain English (the words every test of the reasons reads). */
import { refusalText } from '../../src/i18n/refusalText.ts';
import type { Refusal } from '../../src/scenarios/refusal.ts';

export function english(result: { ok: false; refusal: Refusal }): string {
  return refusalText(result.refusal, 'en', { plainNumbers: true });
}

/** The English reason of any result that may be a refusal; '' when it was accepted. */
export function englishOf(result: { ok: true } | { ok: false; refusal: Refusal }): string {
  return result.ok ? '' : english(result);
}
