/**
 * A notice the store publishes for the user: a code and its parameters, turned into words by the
 * view in the reader's language (src/i18n, `notice.<code>`), or text a view already translated.
 * The store sits above the catalogues, so it names what happened and never writes the sentence;
 * a refusal rides along as data (src/scenarios/refusal.ts, src/core/refusal.ts).
 */
import { coreRefusalOf, type CoreRefusal } from '../core/index.ts';
import type { Refusal } from '../scenarios/refusal.ts';

export const NOTICE_CODES = [
  'leaderUp',
  'fewTimers',
  'alreadySpread',
  'spreadAhead',
  'splitNeedsTwo',
  'splitVote',
  'noLeader',
  'noneCrashed',
  'startFailed',
  'oneGroup',
  'openedAtStart',
  'openedAt',
  'linkRefused',
  'fileRefused',
  'coreRefused',
] as const;

export type NoticeCode = (typeof NOTICE_CODES)[number];

export interface CodedNotice {
  code: NoticeCode;
  params?: Readonly<Record<string, string | number>>;
  /** Why a file or a link was refused (linkRefused, fileRefused): worded as the `reason`. */
  refusal?: Refusal;
  /** Why the simulator refused (startFailed, coreRefused; null: it did not say): the `reason`. */
  core?: CoreRefusal | null;
}

export type Notice = string | CodedNotice;

/** A notice whose `reason` is the simulator's refusal, worded in the reader's language. */
export function coreNotice(code: 'startFailed' | 'coreRefused', error: unknown): CodedNotice {
  return { code, core: coreRefusalOf(error) };
}

export function notice(code: NoticeCode, params?: CodedNotice['params']): CodedNotice {
  return params === undefined ? { code } : { code, params };
}
